//! Loads and validates a tender file: `cargo run -p tender-core --example check -- FILE`.
#![allow(clippy::print_stdout, clippy::print_stderr)]
fn main() {
    for arg in std::env::args().skip(1) {
        match tender_core::files::load::<tender_core::Tender>(arg.as_ref()) {
            Ok((t, _)) => {
                for p in tender_core::validate::validate_tender(&t) {
                    println!("{p}");
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
