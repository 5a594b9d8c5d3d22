//! The report as plain text for the terminal: the summary, then each instrument's findings,
//! then the translation check.

use crate::compare::{Confidence, Divergence, DivergenceKind, Side};
use crate::report::{direction_word, severity_word, shown_order, shown_value, Report, ReportEntry};
use crate::translation::{plural, TranslationCheck, TranslationFinding, TranslationPair, Verdict};

impl Report {
    /// The summary as a plain-text table, with the count of instruments not compared.
    pub fn summary_text(&self) -> String {
        let mut out = format!(
            "Definitions of {} compared with {} ({}): {} compared, {} not compared\n\n",
            self.concept,
            self.baseline_title,
            self.baseline,
            self.instruments.iter().filter(|entry| entry.not_compared.is_none()).count(),
            self.instruments.iter().filter(|entry| entry.not_compared.is_some()).count()
        );
        out.push_str(&format!(
            "{:<28} {:>5} {:>5} {:>10} {:>9}  {}\n",
            "instrument", "lacks", "adds", "qualifiers", "uncertain", "text"
        ));
        for row in self.summary() {
            out.push_str(&format!(
                "{:<28} {:>5} {:>5} {:>10} {:>9}  {}\n",
                row.instrument.as_str(),
                row.lacks,
                row.adds,
                row.qualifiers,
                row.uncertain,
                if row.complete { "complete" } else { "partial" }
            ));
        }
        out.push_str("(lacks / adds: elements of the baseline it does not name / it names beyond it; qualifiers: certain differences of child age, consent, means for children, borders, scope, list; uncertain: findings that rest on text not seen)\n");
        out
    }

    /// A plain-text report for the terminal: the summary, then each instrument's findings.
    pub fn to_text(&self) -> String {
        let mut out = self.summary_text();
        let line = |out: &mut String, text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        let header = |entry: &ReportEntry| {
            let bill = if entry.bill { ", a bill, not an act" } else { "" };
            format!("{} — {} ({}, {}{bill})", entry.instrument, entry.title, entry.jurisdiction, entry.completeness)
        };
        for entry in self.instruments.iter().filter(|entry| entry.not_compared.is_none()) {
            line(&mut out, format!("\n{}", header(entry)));
            let shown: Vec<&Divergence> =
                entry.findings.iter().filter(|finding| finding.kind != DivergenceKind::WordingVariance).collect();
            if shown.is_empty() {
                line(&mut out, "  no divergence from the baseline".to_owned());
            }
            // Elements not found for one reason (a gap) are one line: the reason is the news.
            let mut not_found: Vec<(String, Vec<String>)> = Vec::new();
            for finding in &shown {
                if let (DivergenceKind::MissingElement, Confidence::Uncertain { reason }, Some(element)) =
                    (finding.kind, &finding.confidence, &finding.element)
                {
                    match not_found.iter_mut().find(|(known, _)| known == reason) {
                        Some((_, ids)) => ids.push(element.to_string()),
                        None => not_found.push((reason.clone(), vec![element.to_string()])),
                    }
                    continue;
                }
                line(
                    &mut out,
                    format!(
                        "  {:<9} {:<6} {}{}",
                        direction_word(finding.direction),
                        severity_word(finding.severity),
                        finding.summary,
                        uncertain_note(&finding.confidence)
                    ),
                );
            }
            for (reason, ids) in not_found {
                line(&mut out, format!("  uncertain        not found in the text seen ({reason}): {}", ids.join(", ")));
            }
        }
        let not_compared: Vec<&ReportEntry> =
            self.instruments.iter().filter(|entry| entry.not_compared.is_some()).collect();
        if !not_compared.is_empty() {
            line(&mut out, "\nNot compared: lexdef could not read these for the concept (not a divergence)".to_owned());
            for entry in not_compared {
                line(&mut out, header(entry));
                line(&mut out, format!("  {}", entry.not_compared.as_deref().unwrap_or_default()));
            }
        }
        if !self.translation.is_empty() {
            out.push('\n');
            out.push_str(&self.translation_text());
        }
        out
    }

    /// The translation section alone, as plain text: each pair's summary, then its findings
    /// with the words of both texts side by side.
    pub fn translation_text(&self) -> String {
        text_section(&self.concept, &self.translation)
    }
}

impl TranslationCheck {
    /// Plain text for the terminal, each finding with the words of both texts side by side.
    pub fn to_text(&self) -> String {
        text_section(&self.concept, &self.pairs)
    }
}

fn uncertain_note(confidence: &Confidence) -> String {
    match confidence {
        Confidence::Certain => String::new(),
        Confidence::Uncertain { reason } => format!(" [uncertain: {reason}]"),
    }
}

/// One side of a finding for people: a qualifier's value, then the words and where they are;
/// where there are no words, the element's state or the qualifier's value alone.
fn side_text(finding: &TranslationFinding, side: &Side) -> String {
    let value = if finding.qualifier.is_some() { format!("{} ", shown_value(&side.value)) } else { String::new() };
    match side.evidence.first() {
        Some(evidence) => format!("{value}“{}” [{}] line {}", evidence.text, evidence.eid, evidence.line),
        None if finding.qualifier.is_some() => shown_value(&side.value),
        None => format!("({})", shown_value(&side.value).replace('_', " ")),
    }
}

pub(crate) fn pair_header(pair: &TranslationPair) -> String {
    let language = |code: &Option<String>| code.as_deref().map_or_else(String::new, |code| format!(" ({code})"));
    format!(
        "{}{}, translation of {}{}",
        pair.translation,
        language(&pair.translation_language),
        pair.original,
        language(&pair.original_language)
    )
}

/// The translation check as plain text: a block per pair, its summary, then its findings,
/// each with the original's words and the translation's side by side.
pub(crate) fn text_section(concept: &str, pairs: &[TranslationPair]) -> String {
    let mut out = format!(
        "Translations checked against their originals ({concept}): {}, {} agreeing on every element read\n",
        plural(pairs.len(), "pair", "pairs"),
        pairs.iter().filter(|pair| pair.agrees()).count()
    );
    for pair in pairs {
        out.push_str(&format!("\n{}\n  {}\n", pair_header(pair), pair.summary));
        let mut group: Option<(Verdict, Option<String>)> = None;
        for finding in shown_order(&pair.findings) {
            let key = (finding.verdict, finding.reason());
            if group.as_ref() != Some(&key) {
                let heading = match &key.1 {
                    Some(reason) => format!("{} ({reason})", finding.verdict.as_str().replace('_', " ")),
                    None => finding.verdict.as_str().replace('_', " "),
                };
                out.push_str(&format!("  {heading}:  original · translation\n"));
                group = Some(key);
            }
            out.push_str(&format!(
                "    {:<30} {}  ·  {}\n",
                finding.id(),
                side_text(finding, &finding.in_original),
                side_text(finding, &finding.in_translation)
            ));
        }
    }
    out
}
