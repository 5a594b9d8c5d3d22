//! The report as JSON (schema `data/report.schema.json`), and the translation check.

use crate::report::Report;
use crate::translation::TranslationCheck;

impl Report {
    /// As JSON (pretty, with a final newline).
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a report serialises");
        json.push('\n');
        json
    }
}

impl TranslationCheck {
    /// As JSON (pretty, with a final newline).
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a translation check serialises");
        json.push('\n');
        json
    }
}
