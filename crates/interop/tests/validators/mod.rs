//! The official validators, run as the standards' own tools run them: the Python checkers in
//! `shared/standards` (README there) on the OCDS 1.1.5 schemas and extensions, the eForms SDK
//! 1.15.1 XSDs and its static Schematron.
//!
//! Where they are: `$TENDER_STANDARDS`, else `../shared/standards` beside the repository (CI has a
//! read-only copy there). They need `python3` with `jsonschema`, `lxml` and `saxonche` (pinned in
//! `.ci/run`). Without them a test prints why it did not validate and passes, except under
//! `CI=true`, where a missing validator fails the test.

#![allow(dead_code, unreachable_pub)] // Each test binary uses a part.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The checkers and the standards they check against.
pub struct Validators {
    /// The `shared/standards` folder.
    pub standards: PathBuf,
}

/// What a checker said: its last line's counts, and everything it printed.
#[derive(Debug)]
pub struct Verdict {
    /// The findings the checker counted (errors plus additional fields, XSD errors, or failed
    /// asserts). `None` when it printed no count: it crashed.
    pub findings: Option<u64>,
    /// Its standard output and error.
    pub output: String,
}

impl Verdict {
    /// Whether the checker ran and found nothing.
    pub fn clean(&self) -> bool {
        self.findings == Some(0)
    }
}

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// The validators, or `None` (with a printed reason) when they are missing outside CI.
///
/// # Panics
/// Under `CI=true` when `python3`, a Python module or the standards folder is missing.
#[allow(clippy::print_stdout, reason = "a skipped test says why it did not validate")]
pub fn find() -> Option<Validators> {
    let standards = std::env::var_os("TENDER_STANDARDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/standards"));
    let missing = if !standards.join("check_ocds.py").is_file() {
        Some(format!("the standards folder {} (set TENDER_STANDARDS to shared/standards)", standards.display()))
    } else {
        match Command::new("python3").args(["-c", "import jsonschema, lxml, saxonche"]).output() {
            Ok(out) if out.status.success() => None,
            Ok(out) => Some(format!(
                "the Python modules (python3 -m pip install jsonschema lxml saxonche, versions in .ci/run): {}",
                String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or_default()
            )),
            Err(e) => Some(format!("python3 ({e})")),
        }
    };
    match missing {
        None => Some(Validators { standards }),
        Some(what) if under_ci() => panic!("CI=true and the official validators are missing: {what}"),
        Some(what) => {
            println!("SKIPPED: not validated with the official validators; missing {what}");
            None
        }
    }
}

impl Validators {
    fn run(&self, cwd: &Path, script: &str, args: &[&Path], count: &[&str]) -> Verdict {
        let out = Command::new("python3")
            .current_dir(cwd)
            .arg(self.standards.join(script))
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("python3 {script}: {e}"));
        let output = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        let last = String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default().to_owned();
        // `errors=N additional=M`, `xsd errors=N`, `schematron failed=N`.
        let mut findings = None;
        for key in count {
            let n = last
                .split_whitespace()
                .find_map(|w| w.strip_prefix(&format!("{key}=")))
                .and_then(|n| n.parse::<u64>().ok());
            findings = match (findings, n) {
                (_, None) => return Verdict { findings: None, output },
                (None, Some(n)) => Some(n),
                (Some(a), Some(n)) => Some(a + n),
            };
        }
        // A count with a zero exit, or a finding with exit 1: anything else is a crash.
        if findings.is_some_and(|n| (n == 0) != out.status.success()) {
            findings = None;
        }
        Verdict { findings, output }
    }

    /// `check_ocds.py`: the package against OCDS 1.1.5 merge-patched with its declared
    /// extensions; this crate's own extensions are found in `crates/interop/extensions/`.
    pub fn ocds(&self, package: &Path) -> Verdict {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        self.run(crate_dir, "check_ocds.py", &[package, &self.standards], &["errors", "additional"])
    }

    /// `check_xsd.py` against an XSD of the eForms SDK, by its path under `schemas/`.
    pub fn xsd(&self, schema: &str, xml: &Path) -> Verdict {
        let xsd = self.standards.join("eforms-sdk-1.15.1/schemas").join(schema);
        self.run(&self.standards, "check_xsd.py", &[&xsd, xml], &["errors"])
    }

    /// `check_schematron.py` with the SDK's static `complete-validation.sch` (50-80 s a run).
    /// The checker compiles the Schematron once into a cache file; the first run holds a lock so
    /// that parallel tests do not compile (and write the cache) at the same time.
    pub fn schematron(&self, xml: &Path) -> Verdict {
        static COMPILED: Mutex<bool> = Mutex::new(false);
        let sch = self.standards.join("eforms-sdk-1.15.1/schematrons/static/complete-validation.sch");
        let mut compiled = COMPILED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !*compiled {
            let verdict = self.run(&self.standards, "check_schematron.py", &[&sch, xml], &["failed"]);
            *compiled = verdict.findings.is_some();
            return verdict;
        }
        drop(compiled);
        self.run(&self.standards, "check_schematron.py", &[&sch, xml], &["failed"])
    }

    /// An SDK example notice.
    pub fn example(&self, name: &str) -> PathBuf {
        self.standards.join("eforms-sdk-1.15.1/examples/notices").join(name)
    }
}

/// Writes `text` to a file named `name` in `dir`.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// Each `cac:ProcurementProjectLot` of an eForms fragment as a document of its own, the element
/// as root with the namespaces it uses, to validate against the XSD's global element.
pub fn lots_of_fragment(xml: &str) -> Vec<String> {
    let namespaces: String = tender_interop::eforms::NAMESPACES
        .iter()
        .filter(|(prefix, _)| *prefix != "xmlns")
        .map(|(prefix, uri)| format!(" {prefix}=\"{uri}\""))
        .collect();
    xml.split("<cac:ProcurementProjectLot>")
        .skip(1)
        .filter_map(|rest| rest.split("</cac:ProcurementProjectLot>").next())
        .map(|body| {
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cac:ProcurementProjectLot{namespaces}>{body}</cac:ProcurementProjectLot>\n"
            )
        })
        .collect()
}
