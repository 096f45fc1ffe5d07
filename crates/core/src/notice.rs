//! What a contract notice needs beyond the tender's evaluation model: addresses, the procedure's
//! notice identifier, where the documents are and where bids are submitted, and the few yes/no
//! facts eForms asks of every notice.
//!
//! Everything here is optional in the file; `tender export --eforms-notice` lists each missing
//! business term with the field that supplies it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::{Country, Id};

/// A postal address (eForms BT-510, BT-513, BT-512, BT-507).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Town or city.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// The NUTS 3 region, e.g. `DK011` (Byen København).
    pub nuts: String,
}

/// An organisation a notice names besides the buyer, e.g. the review body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Name.
    pub name: String,
    /// Registration number, as the buyer's (e.g. `DK37795526`).
    pub identifier: Id,
    /// Country.
    pub country: Country,
    /// Postal address.
    pub address: Address,
    /// E-mail address.
    pub email: String,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// Whether something is required, allowed or not allowed (eForms code list `permission`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Permission {
    /// Required.
    Required,
    /// Allowed.
    Allowed,
    /// Not allowed.
    NotAllowed,
}

impl Permission {
    /// The eForms code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Allowed => "allowed",
            Self::NotAllowed => "not-allowed",
        }
    }
}

/// The facts of a contract notice that the evaluation model does not hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeDetails {
    /// The procedure's identifier in eForms (BT-04): a UUID version 4, made once (e.g. with
    /// `uuidgen -r`) and kept for every notice of the procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_id: Option<String>,
    /// The time of day of the submission deadline with its UTC offset, e.g. `12:00+02:00`
    /// (BT-131 time; the date is `submission_deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_time: Option<String>,
    /// Where the procurement documents can be read, free and in full (BT-15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_url: Option<String>,
    /// Where bids are submitted electronically (BT-18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_url: Option<String>,
    /// How long a bid must remain valid after the deadline, in months (BT-98).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tender_validity_months: Option<u32>,
    /// Whether the purchase is financed by EU funds (BT-60).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_funds: Option<bool>,
    /// Whether the WTO Government Procurement Agreement covers the purchase (BT-115).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpa: Option<bool>,
    /// Electronic invoicing (BT-743).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_invoicing: Option<Permission>,
    /// Bids as electronic catalogues (BT-764).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_catalogue: Option<Permission>,
    /// Whether orders will be placed electronically (BT-92).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_ordering: Option<bool>,
    /// Whether payment will be made electronically (BT-93).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_payment: Option<bool>,
    /// The buyer's legal type, eForms code list `buyer-legal-type` (BT-11), e.g. `la` (local
    /// authority); by default from `buyer.kind` where it decides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_legal_type: Option<String>,
    /// The buyer's main activity, eForms code list `authority-activity` (BT-10), e.g. `gen-pub`
    /// (general public services, the default for municipalities and regions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_activity: Option<String>,
    /// The body that reviews complaints about the procedure (in Denmark Klagenævnet for Udbud).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_body: Option<Organisation>,
}
