//! GitHub workflow commands: `::error file=...,line=...,col=...,endColumn=...,title=...::message`,
//! one per finding, so a pull request shows each finding on the line it is about.

use super::{CheckReport, Finding, RuleSeverity};

/// Escape a command's message: `%`, `\r` and `\n`, as the runner reads them back.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value: the message's escapes, and `:` and `,`, which end a property.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(finding: &Finding) -> String {
    let level = match finding.severity {
        RuleSeverity::Error => "error",
        RuleSeverity::Warning => "warning",
    };
    let mut properties = vec![
        format!("file={}", escape_property(&finding.location.file)),
        format!("line={}", finding.location.line),
        format!("col={}", finding.location.column),
    ];
    if let Some(excerpt) = &finding.excerpt {
        properties.push(format!("endColumn={}", excerpt.end_column));
    }
    properties.push(format!("title={}", escape_property(&format!("lexdef check: {}", finding.rule))));
    let mut message = finding.message.clone();
    for note in &finding.notes {
        message.push('\n');
        message.push_str(note);
    }
    format!("::{level} {}::{}\n", properties.join(","), escape_data(&message))
}

pub(super) fn render(report: &CheckReport) -> String {
    report.findings.iter().map(command).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_messages_are_escaped_as_the_runner_requires() {
        let table = [
            ("a:b,c", "a%3Ab%2Cc"),
            ("50% off", "50%25 off"),
            ("line\r\nbreak", "line%0D%0Abreak"),
            ("plain/path.txt", "plain/path.txt"),
        ];
        for (input, expected) in table {
            assert_eq!(escape_property(input), expected, "{input:?}");
        }
        assert_eq!(escape_data("a:b,c 100%\n"), "a:b,c 100%25%0A");
    }
}
