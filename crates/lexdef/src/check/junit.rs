//! JUnit XML, for CI dashboards: a test suite per rule, a test case per instrument (or file)
//! the rule applies to. A finding at or above `--fail-on` fails its case; a lesser one is
//! written to the case's `system-out`.

use std::collections::BTreeMap;

use super::{CheckReport, Finding, RuleSeverity};

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows tab, newline and carriage return among the control characters.
            '\t' | '\n' | '\r' => out.push(character),
            control if (control as u32) < 0x20 => out.push_str(&format!("\\u{{{:x}}}", control as u32)),
            other => out.push(other),
        }
    }
    out
}

fn described(finding: &Finding) -> String {
    let mut text = finding.to_string();
    for note in &finding.notes {
        text.push_str("\n  note: ");
        text.push_str(note);
    }
    text
}

pub(super) fn render(report: &CheckReport, fail_on: RuleSeverity) -> String {
    let mut by_case: BTreeMap<(&str, String), Vec<&Finding>> = BTreeMap::new();
    for finding in &report.findings {
        let subject = finding.instrument.clone().unwrap_or_else(|| finding.location.file.clone());
        by_case.entry((finding.rule.as_str(), subject)).or_default().push(finding);
    }
    let mut suites: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for case in &report.cases {
        suites.entry(case.rule.as_str()).or_default().push(case.subject.as_str());
    }
    let failing = |findings: &[&Finding]| findings.iter().any(|finding| finding.severity >= fail_on);
    let total_failures = report.cases.iter().filter(|case| {
        by_case.get(&(case.rule.as_str(), case.subject.clone())).is_some_and(|findings| failing(findings))
    });
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"lexdef check\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
        report.cases.len(),
        total_failures.count()
    ));
    // Rules in the report's order: built-in rules first, then the policy rules.
    for rule in &report.rules {
        let Some(subjects) = suites.get(rule.id.as_str()) else { continue };
        let failures = subjects
            .iter()
            .filter(|subject| {
                by_case.get(&(rule.id.as_str(), (**subject).to_owned())).is_some_and(|findings| failing(findings))
            })
            .count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
            escape(&rule.id),
            subjects.len()
        ));
        out.push_str(&format!(
            "    <properties>\n      <property name=\"description\" value=\"{}\"/>\n    </properties>\n",
            escape(&rule.description)
        ));
        for subject in subjects {
            let findings = by_case.get(&(rule.id.as_str(), (*subject).to_owned()));
            let open = format!("    <testcase name=\"{}\" classname=\"{}\"", escape(subject), escape(&rule.id));
            let Some(findings) = findings else {
                out.push_str(&open);
                out.push_str("/>\n");
                continue;
            };
            out.push_str(&open);
            out.push_str(">\n");
            let (failed, passed): (Vec<&Finding>, Vec<&Finding>) =
                findings.iter().partition(|finding| finding.severity >= fail_on);
            if !failed.is_empty() {
                let body: Vec<String> = failed.iter().map(|finding| described(finding)).collect();
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    escape(&rule.id),
                    escape(&failed[0].message),
                    escape(&body.join("\n"))
                ));
            }
            if !passed.is_empty() {
                let body: Vec<String> = passed.iter().map(|finding| described(finding)).collect();
                out.push_str(&format!("      <system-out>{}</system-out>\n", escape(&body.join("\n"))));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
