//! The report as Markdown: the summary, a section per instrument with its findings and the
//! words on both sides, the translation check, and the matrix of the Protocol's elements.

use crate::compare::{Confidence, Divergence, DivergenceKind, Side};
use crate::report::text::pair_header;
use crate::report::{direction_word, severity_word, shown_order, shown_value, Report, ReportEntry};
use crate::translation::{TranslationCheck, TranslationFinding, TranslationPair};

impl Report {
    /// Markdown: a section per instrument, and the matrix of the Protocol's elements.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let w = |out: &mut String, text: String| out.push_str(&text);
        w(&mut out, format!("# Definitions of {} compared with {}\n\n", self.concept, self.baseline_title));
        w(&mut out, format!("Baseline: `{}`. Report schema `{}`. Every finding cites the words of the law; a finding marked *uncertain* rests on text the corpus could not read.\n", self.baseline, self.schema));
        w(&mut out, "\n## Summary\n\n| instrument | lacks | adds | qualifiers | uncertain | text |\n|---|---|---|---|---|---|\n".to_owned());
        for row in self.summary() {
            w(
                &mut out,
                format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    row.instrument,
                    row.lacks,
                    row.adds,
                    row.qualifiers,
                    row.uncertain,
                    if row.complete { "complete" } else { "partial" }
                ),
            );
        }
        for entry in self.instruments.iter().filter(|entry| entry.not_compared.is_none()) {
            let bill = if entry.bill { " — **a bill, not an enacted act**" } else { "" };
            w(
                &mut out,
                format!(
                    "\n## {} — {}\n\n{}, text {}{bill}. ",
                    entry.instrument,
                    markdown_escape(&entry.title),
                    entry.jurisdiction,
                    entry.completeness
                ),
            );
            match &entry.definition {
                Some(eid) => w(&mut out, format!("Definition: `{eid}`.\n\n")),
                None => w(&mut out, "No definition in the text seen.\n\n".to_owned()),
            }
            let shown: Vec<&Divergence> =
                entry.findings.iter().filter(|finding| finding.kind != DivergenceKind::WordingVariance).collect();
            if shown.is_empty() {
                w(&mut out, "No divergence from the baseline.\n".to_owned());
                continue;
            }
            w(
                &mut out,
                "| finding | direction | severity | subject's words | baseline's words |\n|---|---|---|---|---|\n"
                    .to_owned(),
            );
            for finding in shown {
                let words = |side: &crate::compare::Side| {
                    side.evidence.first().map_or_else(String::new, |evidence| {
                        format!("“{}” `{}` l. {}", markdown_escape(&evidence.text), evidence.eid, evidence.line)
                    })
                };
                w(
                    &mut out,
                    format!(
                        "| {}{} | {} | {} | {} | {} |\n",
                        markdown_escape(&finding.summary),
                        match &finding.confidence {
                            Confidence::Certain => String::new(),
                            Confidence::Uncertain { reason } => format!(" *(uncertain: {})*", markdown_escape(reason)),
                        },
                        direction_word(finding.direction),
                        severity_word(finding.severity),
                        words(&finding.subject),
                        words(&finding.baseline)
                    ),
                );
            }
        }
        let not_compared: Vec<&ReportEntry> =
            self.instruments.iter().filter(|entry| entry.not_compared.is_some()).collect();
        if !not_compared.is_empty() {
            w(
                &mut out,
                "\n## Not compared\n\nlexdef could not read these for the concept; this is not a divergence.\n\n"
                    .to_owned(),
            );
            for entry in not_compared {
                w(
                    &mut out,
                    format!(
                        "- **{}** — {} ({}, text {}): {}\n",
                        entry.instrument,
                        markdown_escape(&entry.title),
                        entry.jurisdiction,
                        entry.completeness,
                        markdown_escape(entry.not_compared.as_deref().unwrap_or_default())
                    ),
                );
            }
        }
        if !self.translation.is_empty() {
            w(&mut out, "\n".to_owned());
            w(&mut out, markdown_section(&self.concept, &self.translation, "##"));
        }
        w(&mut out, "\n## Matrix\n\n`+` present, `-` absent, `?` not found (text incomplete or not covered), blank: no definition.\n\n".to_owned());
        let columns: Vec<&String> =
            self.matrix.elements.iter().filter(|id| crate::ids::PROTOCOL_ELEMENTS.contains(&id.as_str())).collect();
        w(
            &mut out,
            format!(
                "| instrument | {} |\n|---|{}\n",
                columns.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(" | "),
                "---|".repeat(columns.len())
            ),
        );
        for row in &self.matrix.rows {
            let cells: Vec<&str> = columns
                .iter()
                .map(|id| match row.elements[*id].as_str() {
                    "present" => "+",
                    "absent" => "-",
                    "not_found" => "?",
                    _ => " ",
                })
                .collect();
            w(&mut out, format!("| {} | {} |\n", row.instrument, cells.join(" | ")));
        }
        out
    }

    /// The translation section alone, as Markdown.
    pub fn translation_markdown(&self) -> String {
        markdown_section(&self.concept, &self.translation, "#")
    }
}

impl TranslationCheck {
    /// Markdown: a section per pair, a table of findings.
    pub fn to_markdown(&self) -> String {
        markdown_section(&self.concept, &self.pairs, "#")
    }
}

fn markdown_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The translation check as Markdown, its heading at `level` (`#`, `##`).
pub(crate) fn markdown_section(concept: &str, pairs: &[TranslationPair], level: &str) -> String {
    let mut out = format!(
        "{level} Translations checked against their originals\n\nFor each original-language text and its translation, the elements and qualifiers of their definitions of {concept}, with the words of both texts. *More* / *less*: the translation names an element the whole original does not / does not name one the original names; *cannot say*: one text does not settle it (not read, or not seen).\n"
    );
    for pair in pairs {
        out.push_str(&format!(
            "\n{level}# {}\n\n{}.\n",
            markdown_escape(&pair_header(pair)),
            markdown_escape(&pair.summary)
        ));
        if pair.findings.is_empty() {
            continue;
        }
        out.push_str(
            "\n| element or qualifier | verdict | original | translation | why not settled |\n|---|---|---|---|---|\n",
        );
        let cell = |finding: &TranslationFinding, side: &Side| {
            let value =
                if finding.qualifier.is_some() { format!("{} ", shown_value(&side.value)) } else { String::new() };
            match side.evidence.first() {
                Some(evidence) => {
                    format!("{value}“{}” `{}` l. {}", markdown_escape(&evidence.text), evidence.eid, evidence.line)
                }
                None => format!("*{}*", shown_value(&side.value).replace('_', " ")),
            }
        };
        for finding in shown_order(&pair.findings) {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                finding.id(),
                finding.verdict.as_str().replace('_', " "),
                cell(finding, &finding.in_original),
                cell(finding, &finding.in_translation),
                markdown_escape(&finding.reason().unwrap_or_default())
            ));
        }
    }
    out
}
