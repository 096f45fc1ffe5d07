//! Lists the message catalogues in `locales/` for the crate: every `<language>.ftl` file becomes an
//! entry of a table compiled into the library, so a new language is a new file and no code change.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

#[allow(clippy::print_stdout, reason = "a build script talks to Cargo on stdout")]
fn main() -> Result<(), Box<dyn Error>> {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?).join("locales");
    println!("cargo::rerun-if-changed=locales");
    let mut catalogues = Vec::new();
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "ftl")
            && let Some(code) = path.file_stem().and_then(|s| s.to_str())
        {
            println!("cargo::rerun-if-changed={}", path.display());
            catalogues.push((code.to_owned(), path.to_str().ok_or("a locale path is not UTF-8")?.to_owned()));
        }
    }
    catalogues.sort();
    let mut out = String::from(
        "/// Every message catalogue found in `locales/` at build time: language code and Fluent source,\n\
         /// sorted by code.\npub(crate) const CATALOGUES: &[(&str, &str)] = &[\n",
    );
    for (code, path) in &catalogues {
        writeln!(out, "    ({code:?}, include_str!({path:?})),")?;
    }
    out.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR")?).join("catalogues.rs"), out)?;
    Ok(())
}
