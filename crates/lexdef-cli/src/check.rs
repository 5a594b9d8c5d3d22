//! `lexdef check`: the core's corpus checks, rendered for people (stderr, compiler-style) or
//! for CI (stdout: JSON, JUnit, GitHub annotations, SARIF).

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use lexdef::{CheckOptions, CheckReport, RuleSeverity};

use crate::args::{CheckCommand, CheckFormat, FailOn};
use crate::{diagnostics, output, Outcome};

pub(crate) fn run(command: &CheckCommand) -> io::Result<Outcome> {
    let options = CheckOptions { rules: command.rules.clone(), update: command.update };
    let report = if io::stderr().is_terminal() {
        let shown = Mutex::new(0);
        let report =
            lexdef::check_with_progress(&command.corpus, &options, &|read, total| progress(&shown, read, total));
        if *shown.lock().unwrap_or_else(std::sync::PoisonError::into_inner) > 0 {
            eprint!("\r\x1b[2K");
        }
        report
    } else {
        lexdef::check(&command.corpus, &options)
    };
    let report = match report {
        Ok(report) => report,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let fail_on = match command.fail_on {
        FailOn::Error => RuleSeverity::Error,
        FailOn::Warning => RuleSeverity::Warning,
    };
    match command.format {
        CheckFormat::Human => write_human(&report, fail_on)?,
        CheckFormat::Json => {
            output::to_stdout(|out| out.write_all(output::rendered_json(&report.to_json()).as_bytes()))?
        }
        CheckFormat::Junit => output::to_stdout(|out| out.write_all(report.to_junit(fail_on).as_bytes()))?,
        CheckFormat::Github => output::to_stdout(|out| out.write_all(report.to_github().as_bytes()))?,
        CheckFormat::Sarif => {
            output::to_stdout(|out| out.write_all(output::rendered_json(&report.to_sarif()).as_bytes()))?
        }
    }
    Ok(if report.fails_at(fail_on) { Outcome::Findings } else { Outcome::Clean })
}

/// A line on stderr (a terminal: `run` asks) rewritten as instruments are read: every
/// percent, so that a corpus of 10,000 does not write 10,000 lines' worth. `shown` holds the
/// last count shown (0: nothing shown yet).
fn progress(shown: &Mutex<usize>, read: usize, total: usize) {
    let mut shown = shown.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if read == total || read * 100 / total.max(1) > *shown * 100 / total.max(1) {
        *shown = read;
        eprint!("\rreading the corpus: {read} of {total} instruments");
    }
}

/// Diagnostics, then a summary, on stderr (as every subcommand's diagnostics are).
fn write_human(report: &CheckReport, fail_on: RuleSeverity) -> io::Result<()> {
    let stderr = io::stderr();
    let mut out = io::BufWriter::new(stderr.lock());
    if let Some(updated) = &report.updated {
        writeln!(out, "updated {updated}")?;
    }
    for finding in &report.findings {
        writeln!(out, "{}", diagnostics::finding(finding))?;
    }
    let instruments: std::collections::BTreeSet<&str> =
        report.cases.iter().filter(|case| case.rule == "parse").map(|case| case.subject.as_str()).collect();
    let plural = |count: usize, word: &str| if count == 1 { format!("1 {word}") } else { format!("{count} {word}s") };
    let verdict = if report.fails_at(fail_on) { "failed" } else { "passed" };
    writeln!(
        out,
        "lexdef check {verdict}: {}: {}, {}, {}; {}, {}",
        report.corpus,
        plural(instruments.len(), "instrument"),
        plural(report.rules.len(), "rule"),
        plural(report.cases.len(), "case"),
        plural(report.counts.errors, "error"),
        plural(report.counts.warnings, "warning"),
    )?;
    out.flush()
}
