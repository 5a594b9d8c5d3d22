//! SARIF 2.1.0, the format code-scanning services read: one run of the `lexdef` tool, its
//! rules, and a result per finding with its region (columns in Unicode code points).

use serde_json::{json, Value};

use super::{CheckReport, Finding};

/// A relative file path as a URI reference: path characters kept, everything else
/// percent-encoded (spaces, `%`, non-ASCII).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn result(finding: &Finding, rule_index: Option<usize>) -> Value {
    let mut region = json!({ "startLine": finding.location.line, "startColumn": finding.location.column });
    if let Some(excerpt) = &finding.excerpt {
        region["endColumn"] = json!(excerpt.end_column);
        region["snippet"] = json!({ "text": excerpt.line });
    }
    let mut text = finding.message.clone();
    for note in &finding.notes {
        text.push('\n');
        text.push_str(note);
    }
    let mut result = json!({
        "ruleId": finding.rule,
        "level": finding.severity.as_str(),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&finding.location.file) },
                "region": region,
            }
        }],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if let Some(instrument) = &finding.instrument {
        result["properties"] = json!({ "instrument": instrument });
    }
    result
}

pub(super) fn render(report: &CheckReport) -> String {
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.description },
                "defaultConfiguration": { "level": rule.severity.as_str() },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| result(finding, report.rules.iter().position(|rule| rule.id == finding.rule)))
        .collect();
    let log = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "lexdef",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).expect("a SARIF log serialises");
    text.push('\n');
    text
}
