//! `tender completions SHELL` and `tender man`: the shell completion scripts (clap_complete) and
//! the manual page (clap_mangen), generated from the same grammar the program parses, so they never
//! offer an option it does not have.

use clap::CommandFactory;

use crate::Outcome;
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::commands::finish;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output;

/// Writes the completion script for `args.shell`.
pub(crate) fn completions(args: &CompletionsArgs) -> Outcome {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "tender", &mut script);
    write(script, args.output.as_deref(), "completion script")
}

/// Writes the manual page: `tender(1)`, with a section per command.
pub(crate) fn man(args: &ManArgs) -> Outcome {
    let mut page = Vec::new();
    if let Err(e) = man_page(&mut page) {
        return failed(Diagnostic::error(format!("cannot write the manual page: {e}")));
    }
    write(page, args.output.as_deref(), "manual page")
}

/// The manual page: the top command's page, then a section per command (its synopsis,
/// description, options and examples as subsections), so one page holds everything.
fn man_page(out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    // Each command, and each command of a command group (`tender import prices`).
    let mut commands = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        if sub.has_subcommands() {
            commands.extend(sub.get_subcommands().filter(|s| s.get_name() != "help").cloned());
        } else {
            commands.push(sub.clone());
        }
    }
    for sub in &commands {
        // Built: its binary name is `tender NAME`, as its synopsis shows.
        let page = clap_mangen::Man::new(sub.clone());
        let mut section = Vec::new();
        page.render_synopsis_section(&mut section)?;
        page.render_description_section(&mut section)?;
        page.render_options_section(&mut section)?;
        page.render_extra_section(&mut section)?;
        let section = String::from_utf8_lossy(&section);
        let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name()).to_uppercase();
        out.extend_from_slice(format!(".SH \"{name}\"\n").as_bytes());
        out.extend_from_slice(subsections(&section).as_bytes());
    }
    let mut extra = Vec::new();
    man.render_extra_section(&mut extra)?;
    out.extend_from_slice(examples(&String::from_utf8_lossy(&extra)).as_bytes());
    man.render_version_section(out)?;
    Ok(())
}

/// A command's sections as subsections of its own section (`.SH` to `.SS`); its after-help text
/// (examples and exit codes) is kept as written, line for line (`.nf`).
fn subsections(roff: &str) -> String {
    let mut out = String::new();
    let mut unfilled = false;
    for line in roff.lines() {
        match line.strip_prefix(".SH ") {
            Some("EXTRA") => {
                out.push_str(".SS EXAMPLES\n.nf\n");
                unfilled = true;
            }
            Some(title) => {
                if std::mem::take(&mut unfilled) {
                    out.push_str(".fi\n");
                }
                out.push_str(&format!(".SS {title}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    if unfilled {
        out.push_str(".fi\n");
    }
    out
}

/// The top command's after-help section, which holds its examples, titled so and kept as written.
fn examples(roff: &str) -> String {
    let mut text = roff.replace(".SH EXTRA\n", ".SH EXAMPLES\n.nf\n");
    text.push_str(".fi\n");
    text
}

fn write(bytes: Vec<u8>, file: Option<&std::path::Path>, what: &str) -> Outcome {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return failed(Diagnostic::error(format!("cannot write the {what}: it is not UTF-8 ({e})"))),
    };
    match output::write(&text, file) {
        Ok(()) => Outcome::Success,
        Err(d) => failed(d),
    }
}

fn failed(d: Diagnostic) -> Outcome {
    let mut diags = Diagnostics::default();
    diags.push(d);
    finish(&diags, "not written")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manual_page_has_a_section_per_command_with_its_examples() {
        let mut page = Vec::new();
        man_page(&mut page).expect("the page renders");
        let page = String::from_utf8(page).expect("UTF-8");
        let mut cmd = Cli::command();
        cmd.build();
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help" && !s.has_subcommands()) {
            let heading = format!(".SH \"TENDER {}\"", sub.get_name().to_uppercase());
            assert!(page.contains(&heading), "no section {heading}");
        }
        assert!(page.contains(".SH \"TENDER IMPORT PRICES\""), "the command group's commands have sections");
        assert!(!page.contains(".SH EXTRA"), "every after-help section is titled");
        assert!(page.contains(r"\fBtender export\fR \-\-ocds \-\-ocid\-prefix <PREFIX>"), "the export synopsis");
    }
}
