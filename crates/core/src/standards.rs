//! A catalogue of open standards with stable ids, full names and versions.
//!
//! A tender names standards by id (`odf-1.3`); the tender text prints the full name, version and
//! standards body from here. A tender can add its own entries (`[[standards]]`), which take the same
//! shape; an id from neither place is a validation error. An own entry with the id of a built-in one
//! replaces it, and validation warns.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::{Id, Language, Text};

/// What a standard is used for, to group them in the tender text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StandardArea {
    /// Editable and archival document formats.
    Documents,
    /// Identity, authentication and user provisioning.
    Identity,
    /// Application programming interfaces and their descriptions.
    Apis,
    /// Mail, calendar and contacts.
    MailCalendar,
    /// Formats for exporting and exchanging data.
    DataExport,
    /// Containers and their orchestration.
    Containers,
    /// E-procurement and e-invoicing.
    Procurement,
    /// Anything else.
    Other,
}

/// One open standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Stable id, e.g. `odf-1.3`.
    pub id: Id,
    /// Full name, e.g. `Open Document Format for Office Applications (OpenDocument)`, in one
    /// language for all or per language (`{ da = "…", en = "…" }`); the built-in entries give
    /// the Danish name where Danish texts use one.
    pub name: Text,
    /// Version, e.g. `1.3`.
    pub version: String,
    /// The body that maintains it and its reference, e.g. `OASIS; ISO/IEC 26300:2015`.
    pub body: String,
    /// What it is used for.
    pub area: StandardArea,
}

/// A catalogue entry as static data.
struct Entry {
    id: &'static str,
    name: &'static str,
    version: &'static str,
    body: &'static str,
    area: StandardArea,
}

const fn e(
    id: &'static str,
    name: &'static str,
    version: &'static str,
    body: &'static str,
    area: StandardArea,
) -> Entry {
    Entry { id, name, version, body, area }
}

use StandardArea::{Apis, Containers, DataExport, Documents, Identity, MailCalendar, Procurement};

/// The built-in catalogue. Versions are the current editions; a tender that needs an older one adds
/// its own entry.
const CATALOGUE: &[Entry] = &[
    e(
        "odf-1.3",
        "Open Document Format for Office Applications (OpenDocument)",
        "1.3",
        "OASIS Standard (2021)",
        Documents,
    ),
    e(
        "odf-1.2",
        "Open Document Format for Office Applications (OpenDocument)",
        "1.2",
        "OASIS; ISO/IEC 26300-1:2015",
        Documents,
    ),
    e("pdf-a-2", "PDF for long-term preservation (PDF/A-2)", "PDF/A-2", "ISO 19005-2:2011", Documents),
    e("pdf-a-3", "PDF for long-term preservation (PDF/A-3)", "PDF/A-3", "ISO 19005-3:2012", Documents),
    e("pdf-2.0", "Portable Document Format", "2.0", "ISO 32000-2:2020", Documents),
    e("html-living", "HTML", "Living Standard", "WHATWG", Documents),
    e("markdown-commonmark", "CommonMark", "0.31.2", "CommonMark specification", Documents),
    e("saml-2.0", "Security Assertion Markup Language", "2.0", "OASIS", Identity),
    e("oiosaml-3.0", "OIOSAML Web SSO profile", "3.0", "Digitaliseringsstyrelsen; OASIS SAML 2.0", Identity),
    e("oidc-1.0", "OpenID Connect Core", "1.0", "OpenID Foundation", Identity),
    e("oauth-2.0", "The OAuth 2.0 Authorization Framework", "2.0", "IETF RFC 6749", Identity),
    e("scim-2.0", "System for Cross-domain Identity Management", "2.0", "IETF RFC 7643, RFC 7644", Identity),
    e("ldap-v3", "Lightweight Directory Access Protocol", "3", "IETF RFC 4511", Identity),
    e("openapi-3.1", "OpenAPI Specification", "3.1.0", "OpenAPI Initiative (Linux Foundation)", Apis),
    e("asyncapi-3.0", "AsyncAPI Specification", "3.0.0", "AsyncAPI Initiative (Linux Foundation)", Apis),
    e("http-1.1", "Hypertext Transfer Protocol", "HTTP/1.1", "IETF RFC 9110, RFC 9112", Apis),
    e("graphql-2021", "GraphQL", "October 2021", "GraphQL Foundation", Apis),
    e(
        "s3-api",
        "Amazon S3-compatible object storage API",
        "2006-03-01",
        "de facto (not a formal standard; name it only as an interface)",
        Apis,
    ),
    e("imap4rev2", "Internet Message Access Protocol", "4rev2", "IETF RFC 9051", MailCalendar),
    e("smtp", "Simple Mail Transfer Protocol", "RFC 5321", "IETF RFC 5321", MailCalendar),
    e("jmap", "JSON Meta Application Protocol", "RFC 8620", "IETF RFC 8620, RFC 8621", MailCalendar),
    e("caldav", "Calendaring Extensions to WebDAV", "RFC 4791", "IETF RFC 4791", MailCalendar),
    e("carddav", "vCard Extensions to WebDAV", "RFC 6352", "IETF RFC 6352", MailCalendar),
    e(
        "icalendar",
        "Internet Calendaring and Scheduling Core Object Specification",
        "RFC 5545",
        "IETF RFC 5545",
        MailCalendar,
    ),
    e("vcard-4.0", "vCard Format Specification", "4.0", "IETF RFC 6350", MailCalendar),
    e(
        "webdav",
        "HTTP Extensions for Web Distributed Authoring and Versioning",
        "RFC 4918",
        "IETF RFC 4918",
        MailCalendar,
    ),
    e("csv", "Common Format and MIME Type for Comma-Separated Values", "RFC 4180", "IETF RFC 4180", DataExport),
    e(
        "json",
        "The JavaScript Object Notation Data Interchange Format",
        "RFC 8259",
        "IETF RFC 8259; ECMA-404",
        DataExport,
    ),
    e("xml-1.0", "Extensible Markup Language", "1.0 (Fifth Edition)", "W3C Recommendation", DataExport),
    e("sql-2023", "Database language SQL", "SQL:2023", "ISO/IEC 9075:2023", DataExport),
    e(
        "dcat-ap-3.0",
        "DCAT Application Profile for data portals in Europe",
        "3.0",
        "SEMIC, European Commission",
        DataExport,
    ),
    e("geojson", "The GeoJSON Format", "RFC 7946", "IETF RFC 7946", DataExport),
    e("parquet", "Apache Parquet", "2.x", "Apache Software Foundation", DataExport),
    e("oci-image-1.1", "OCI Image Format Specification", "1.1", "Open Container Initiative", Containers),
    e("oci-runtime-1.2", "OCI Runtime Specification", "1.2", "Open Container Initiative", Containers),
    e("oci-distribution-1.1", "OCI Distribution Specification", "1.1", "Open Container Initiative", Containers),
    e(
        "kubernetes-api",
        "Kubernetes API (conformant distribution)",
        "certified conformant",
        "Cloud Native Computing Foundation",
        Containers,
    ),
    e("tosca-2.0", "Topology and Orchestration Specification for Cloud Applications", "2.0", "OASIS", Containers),
    e(
        "opentofu-hcl",
        "HashiCorp Configuration Language as used by OpenTofu",
        "1.x",
        "Linux Foundation (OpenTofu)",
        Containers,
    ),
    e("peppol-bis-3", "Peppol BIS Billing", "3.0", "OpenPeppol; EN 16931", Procurement),
    e("oioubl-2.1", "OIOUBL", "2.1", "Digitaliseringsstyrelsen; OASIS UBL 2.1", Procurement),
    e("en-16931", "Electronic invoicing – semantic data model", "EN 16931-1:2017", "CEN", Procurement),
];

/// The built-in catalogue entry with this id.
pub fn builtin(id: &str) -> Option<Standard> {
    CATALOGUE.iter().find(|s| s.id == id).map(to_standard)
}

/// The Danish names of the built-in standards whose name is a description rather than a proper
/// name (a proper name, such as `OpenID Connect Core`, is the same in every language). The terms
/// follow the Danish editions of the standards where there is one (DS/EN 16931-1) and the
/// glossary `crates/text/locales/glossary.toml`.
const DANISH: &[(&str, &str)] = &[
    ("odf-1.3", "Åbent dokumentformat til kontorprogrammer (OpenDocument)"),
    ("odf-1.2", "Åbent dokumentformat til kontorprogrammer (OpenDocument)"),
    ("pdf-a-2", "PDF til langtidsbevaring (PDF/A-2)"),
    ("pdf-a-3", "PDF til langtidsbevaring (PDF/A-3)"),
    ("oiosaml-3.0", "OIOSAML-profil for single sign-on på web"),
    ("oauth-2.0", "Autorisationsrammen OAuth 2.0"),
    ("scim-2.0", "Identitetsstyring på tværs af domæner (System for Cross-domain Identity Management)"),
    ("openapi-3.1", "OpenAPI-specifikationen"),
    ("asyncapi-3.0", "AsyncAPI-specifikationen"),
    ("s3-api", "Amazon S3-kompatibel grænseflade (API) til objektlagring"),
    ("caldav", "Kalenderudvidelser til WebDAV (CalDAV)"),
    ("carddav", "vCard-udvidelser til WebDAV (CardDAV)"),
    ("icalendar", "Kerneobjektspecifikation for kalendere og planlægning (iCalendar)"),
    ("vcard-4.0", "Formatspecifikation for vCard"),
    ("webdav", "HTTP-udvidelser til distribueret redigering og versionering på web (WebDAV)"),
    ("csv", "Fælles format og MIME-type for kommaseparerede værdier (CSV)"),
    ("json", "Dataudvekslingsformatet JavaScript Object Notation (JSON)"),
    ("sql-2023", "Databasesproget SQL"),
    ("dcat-ap-3.0", "DCAT-applikationsprofil for europæiske dataportaler (DCAT-AP)"),
    ("geojson", "GeoJSON-formatet"),
    ("oci-image-1.1", "OCI-specifikationen for containerimages"),
    ("oci-runtime-1.2", "OCI-specifikationen for kørsel af containere"),
    ("oci-distribution-1.1", "OCI-specifikationen for distribution af containerimages"),
    ("kubernetes-api", "Kubernetes-API (konform distribution)"),
    ("tosca-2.0", "Topologi- og orkestreringsspecifikation for cloudapplikationer (TOSCA)"),
    ("opentofu-hcl", "HashiCorp Configuration Language, som OpenTofu bruger det"),
    ("en-16931", "Elektronisk fakturering – semantisk model for kerneelementerne i en elektronisk faktura"),
];

/// Every built-in standard, in catalogue order.
pub fn builtin_all() -> Vec<Standard> {
    CATALOGUE.iter().map(to_standard).collect()
}

fn to_standard(s: &Entry) -> Standard {
    Standard {
        id: Id::new(s.id),
        name: match DANISH.iter().find(|(id, _)| *id == s.id) {
            Some((_, da)) => Text::PerLanguage(
                [(Language::da(), (*da).to_owned()), (Language::en(), s.name.to_owned())].into_iter().collect(),
            ),
            None => Text::Plain(s.name.to_owned()),
        },
        version: s.version.to_owned(),
        body: s.body.to_owned(),
        area: s.area,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_valid() {
        let mut seen = std::collections::BTreeSet::new();
        for s in CATALOGUE {
            assert!(seen.insert(s.id), "duplicate {}", s.id);
            assert!(Id::new(s.id).problem().is_none(), "bad id {}", s.id);
        }
        assert_eq!(builtin("odf-1.3").map(|s| s.version), Some("1.3".to_owned()));
        assert!(builtin("docx").is_none());
    }

    #[test]
    fn the_danish_names_are_of_catalogue_entries() {
        for (id, da) in DANISH {
            let s = builtin(id).unwrap_or_else(|| panic!("{id} is not in the catalogue"));
            assert_eq!(s.name.get(&Language::da()), *da);
            assert_ne!(s.name.get(&Language::en()), *da, "{id}: the Danish name is the English one");
        }
        let csv = builtin("csv").map(|s| s.name);
        assert_eq!(
            csv.as_ref().map(|n| n.get(&Language::en())),
            Some("Common Format and MIME Type for Comma-Separated Values")
        );
    }
}
