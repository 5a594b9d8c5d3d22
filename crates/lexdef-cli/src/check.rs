//! `lexdef check`: the core's corpus checks, rendered for people (stderr, compiler-style) or
//! for CI (stdout: JSON, JUnit, GitHub annotations, SARIF).

use std::io::{self, Write};

use lexdef::{CheckOptions, CheckReport, RuleSeverity};

use crate::args::{CheckCommand, CheckFormat, FailOn};
use crate::{diagnostics, output, Outcome};

pub(crate) fn run(command: &CheckCommand) -> io::Result<Outcome> {
    let options = CheckOptions { rules: command.rules.clone(), update: command.update };
    let report = match lexdef::check(&command.corpus, &options) {
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
