//! The protection checklist for people and programs: text (an instrument per block, an item
//! per line, the words under it), Markdown (the instruments × items grid, then the evidence),
//! CSV (a row per instrument and item) and JSON (schema `lexdef-checklist/1`). HTML is in
//! `html.rs` with the report's other pages.

use crate::checklist::{
    Checklist, ChecklistComparison, ChecklistItem, ChecklistSet, ItemComparison, ItemState, ItemVerdict,
};

/// The mark of an item's state and obligation in a grid: `M` mandatory, `D` discretionary,
/// `C` conditional, `–` not provided, `?` not found.
pub(crate) fn grid_mark(item: &ChecklistItem) -> &'static str {
    match (item.state, item.obligation) {
        (ItemState::Provided, Some(crate::checklist::Obligation::Mandatory)) => "M",
        (ItemState::Provided, Some(crate::checklist::Obligation::Conditional)) => "C",
        (ItemState::Provided, _) => "D",
        (ItemState::NotProvided, _) => "–",
        (ItemState::NotFound, _) => "?",
    }
}

/// How an item reads in a sentence: `provided (mandatory)`, `not provided`, `not found`.
pub(crate) fn state_words(item: &ChecklistItem) -> String {
    match (item.state, item.obligation) {
        (ItemState::Provided, Some(obligation)) => format!("provided ({obligation})"),
        (ItemState::Provided, None) => "provided".to_owned(),
        (ItemState::NotProvided, _) => "not provided".to_owned(),
        (ItemState::NotFound, _) => "not found".to_owned(),
    }
}

fn protection_words(checklist: &Checklist) -> &'static str {
    match checklist.protection.as_str() {
        "complete" => "the corpus holds its whole protection part",
        "partial" => "the corpus holds part of its protection provisions",
        "none" => "the corpus holds none of its protection provisions",
        _ => "no metadata says how much of its protection part the text holds",
    }
}

impl ChecklistSet {
    /// JSON (schema `lexdef-checklist/1`), pretty-printed.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a checklist serialises: its maps have string keys");
        json.push('\n');
        json
    }

    /// For people: an instrument per block, an item per line, the words that provide it under
    /// it, and why an item is not found.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (index, checklist) in self.instruments.iter().enumerate() {
            if index > 0 {
                out.push('\n');
            }
            out.push_str(&format!(
                "{} — {} of {} items provided ({}, {})\n",
                checklist.instrument,
                checklist.provided(),
                checklist.items.len(),
                protection_words(checklist),
                checklist.language
            ));
            let width = checklist.items.iter().map(|item| item.label.chars().count()).max().unwrap_or(0);
            for item in &checklist.items {
                let padding = " ".repeat(width - item.label.chars().count());
                out.push_str(&format!("  {}{padding}  {}", item.label, state_words(item)));
                let places: Vec<String> =
                    item.evidence.iter().map(|evidence| format!("{} line {}", evidence.eid, evidence.line)).collect();
                if !places.is_empty() {
                    out.push_str(&format!(" — {}", dedup(places).join(", ")));
                }
                out.push('\n');
                for evidence in &item.evidence {
                    let strength = match &evidence.obligation_words {
                        Some(words) => format!("{} (\"{words}\")", evidence.obligation),
                        None => evidence.obligation.to_string(),
                    };
                    out.push_str(&format!("      \"{}\" {}: {strength}\n", evidence.text, evidence.eid));
                }
                if let Some(reason) = &item.reason {
                    if item.state == ItemState::NotFound
                        && checklist.items.iter().all(|other| other.reason.as_ref() == Some(reason))
                    {
                        continue;
                    }
                    out.push_str(&format!("      {reason}\n"));
                }
            }
            if let Some(reason) = checklist
                .items
                .first()
                .and_then(|first| first.reason.as_ref())
                .filter(|reason| checklist.items.iter().all(|item| item.reason.as_ref() == Some(*reason)))
            {
                out.push_str(&format!("  Every item: {reason}.\n"));
            }
        }
        out
    }

    /// Markdown: the instruments × items grid, then each instrument's evidence.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# Protection checklist\n\n");
        out.push_str(&format!(
            "Schema `{}`. M mandatory, D discretionary, C conditional on cooperation, – not provided (the corpus holds the whole protection part), ? not found (the corpus cannot say). Every provided item cites the words of the law.\n\n",
            self.schema
        ));
        let Some(first) = self.instruments.first() else { return out };
        out.push_str("| instrument |");
        for item in &first.items {
            out.push_str(&format!(" {} |", item.label));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(first.items.len()));
        out.push('\n');
        for checklist in &self.instruments {
            out.push_str(&format!("| {} |", checklist.instrument));
            for item in &checklist.items {
                out.push_str(&format!(" {} |", grid_mark(item)));
            }
            out.push('\n');
        }
        for checklist in &self.instruments {
            out.push_str(&format!("\n## {}\n\n{}.\n\n", checklist.instrument, capitalise(protection_words(checklist))));
            for item in checklist.items.iter().filter(|item| item.state == ItemState::Provided) {
                out.push_str(&format!("- **{}**: {}\n", item.label, state_words(item)));
                for evidence in &item.evidence {
                    out.push_str(&format!(
                        "  - `{}` line {}: \"{}\" — {}\n",
                        evidence.eid,
                        evidence.line,
                        markdown_escape(&evidence.text),
                        evidence.obligation
                    ));
                }
            }
            let absent: Vec<&str> = checklist
                .items
                .iter()
                .filter(|item| item.state == ItemState::NotProvided)
                .map(|item| item.label.as_str())
                .collect();
            if !absent.is_empty() {
                out.push_str(&format!("- Not provided: {}.\n", absent.join(", ")));
            }
            let unknown: Vec<&ChecklistItem> =
                checklist.items.iter().filter(|item| item.state == ItemState::NotFound).collect();
            if let Some(reason) = unknown.first().and_then(|item| item.reason.as_ref()) {
                let labels: Vec<&str> = unknown.iter().map(|item| item.label.as_str()).collect();
                out.push_str(&format!("- Not found ({reason}): {}.\n", labels.join(", ")));
            }
        }
        out
    }

    /// CSV: a row per instrument and item, with the first evidence's provision and words.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("instrument,item,state,obligation,evidence_count,eid,line,words,reason\n");
        for checklist in &self.instruments {
            for item in &checklist.items {
                let first = item.evidence.first();
                let fields = [
                    checklist.instrument.to_string(),
                    item.id.to_string(),
                    item.state.as_str().to_owned(),
                    item.obligation.map_or(String::new(), |obligation| obligation.as_str().to_owned()),
                    item.evidence.len().to_string(),
                    first.map_or(String::new(), |evidence| evidence.eid.to_string()),
                    first.map_or(String::new(), |evidence| evidence.line.to_string()),
                    first.map_or(String::new(), |evidence| evidence.text.clone()),
                    item.reason.clone().unwrap_or_default(),
                ];
                out.push_str(&fields.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(","));
                out.push('\n');
            }
        }
        out
    }
}

fn dedup(places: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    for place in places {
        if !seen.contains(&place) {
            seen.push(place);
        }
    }
    seen
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| first.to_uppercase().chain(characters).collect())
}

fn markdown_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The checklist's cell states: class, sign, colour, meaning.
const CELLS: [(&str, &str, &str, &str); 5] = [
    ("mandatory", "M", "blue", "provided, mandatory"),
    ("conditional", "C", "sky blue", "provided, conditional on the victim's cooperation"),
    ("discretionary", "D", "green", "provided, discretionary"),
    ("not_provided", "–", "orange", "not provided (the corpus holds the whole protection part)"),
    ("not_found", "?", "yellow", "not found (the corpus cannot say: see the reason)"),
];

fn cell_class(item: &ChecklistItem) -> &'static str {
    match item.state {
        ItemState::Provided => item.obligation.map_or("mandatory", |obligation| obligation.as_str()),
        ItemState::NotProvided => "not_provided",
        ItemState::NotFound => "not_found",
    }
}

fn anchor(checklist: &Checklist, item: &ChecklistItem) -> String {
    format!("{}-{}", checklist.instrument, item.id.as_str().trim_start_matches("protection."))
}

impl ChecklistSet {
    /// A self-contained HTML page (no scripts, no network): the instruments × items grid, each
    /// cell's words on hover and, on click, the evidence below it.
    pub fn to_html(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Protection checklist</title><style>body{{margin:2rem}}</style></head><body>\n{}</body></html>\n",
            self.to_html_fragment()
        )
    }

    /// The same as [`ChecklistSet::to_html`], as a fragment with its own scoped style, for a
    /// notebook.
    pub fn to_html_fragment(&self) -> String {
        use crate::report::html::escape;
        use std::fmt::Write as _;
        crate::report::html::fragment(|out| {
            out.push_str("<h1>Protection checklist</h1>\n<p>What each instrument provides for victims of trafficking, item by item. Hover over a cell for the words of the law; click it for every provision that provides the item.</p>\n<p class=\"legend\">");
            for (class, sign, colour, meaning) in CELLS {
                // One box per entry, so that a line breaks between entries, never between a
                // sign and what it means.
                let _ = write!(
                    out,
                    "<span class=\"entry\"><span class=\"key state {class}\">{sign}</span>{colour}: {}</span>",
                    escape(meaning)
                );
            }
            out.push_str("</p>\n");
            let Some(first) = self.instruments.first() else {
                out.push_str("<p class=\"none\">No instrument.</p>\n");
                return;
            };
            out.push_str("<div class=\"scroll\"><table class=\"checklist\"><tr><th>instrument</th>");
            for item in &first.items {
                let _ = write!(
                    out,
                    "<th class=\"rot\" title=\"{}\">{}</th>",
                    escape(item.id.as_str()),
                    escape(&item.label)
                );
            }
            out.push_str("</tr>\n");
            for checklist in &self.instruments {
                let _ = write!(out, "<tr><th class=\"id\">{}</th>", escape(checklist.instrument.as_str()));
                for item in &checklist.items {
                    let class = cell_class(item);
                    let (_, sign, colour, meaning) =
                        CELLS.iter().find(|(known, ..)| *known == class).copied().unwrap_or(CELLS[4]);
                    let mut title = format!("{} — {}: {meaning} ({colour})", checklist.instrument, item.label);
                    for evidence in &item.evidence {
                        let _ = write!(
                            title,
                            "\n{} line {}: \u{201c}{}\u{201d} ({})",
                            evidence.eid, evidence.line, evidence.text, evidence.obligation
                        );
                    }
                    if let Some(reason) = &item.reason {
                        let _ = write!(title, "\n{reason}");
                    }
                    let _ = write!(
                        out,
                        "<td class=\"state {class}\" title=\"{}\"><a href=\"#{}\">{sign}</a></td>",
                        escape(&title),
                        escape(&anchor(checklist, item))
                    );
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table></div>\n");
            for checklist in &self.instruments {
                let _ = write!(
                    out,
                    "<h2><span class=\"id\">{}</span></h2>\n<p>{} of {} items provided; {}.</p>\n<dl class=\"evidence\">\n",
                    escape(checklist.instrument.as_str()),
                    checklist.provided(),
                    checklist.items.len(),
                    escape(protection_words(checklist))
                );
                for item in &checklist.items {
                    let _ = write!(
                        out,
                        "<dt id=\"{}\">{}: {}</dt>\n",
                        escape(&anchor(checklist, item)),
                        escape(&item.label),
                        escape(&state_words(item))
                    );
                    for evidence in &item.evidence {
                        let _ = write!(
                            out,
                            "<dd><code>{}</code> line {}: <q>{}</q> — {}{}<br><span class=\"none\">{}</span></dd>\n",
                            escape(evidence.eid.as_str()),
                            evidence.line,
                            escape(&evidence.text),
                            escape(evidence.obligation.as_str()),
                            evidence
                                .obligation_words
                                .as_ref()
                                .map_or(String::new(), |words| format!(" (\u{201c}{}\u{201d})", escape(words))),
                            escape(&evidence.context)
                        );
                    }
                    if let Some(reason) = &item.reason {
                        let _ = write!(out, "<dd class=\"uncertain\">{}</dd>\n", escape(reason));
                    }
                }
                out.push_str("</dl>\n");
            }
        })
    }
}

fn verdict_words(item: &ItemComparison, comparison: &ChecklistComparison) -> String {
    let (subject, baseline) = (&comparison.subject, &comparison.baseline);
    match item.verdict {
        ItemVerdict::Same => match item.subject.state {
            ItemState::Provided => format!(
                "both provide it ({})",
                state_words(&item.subject).trim_start_matches("provided (").trim_end_matches(')')
            ),
            _ => "neither provides it".to_owned(),
        },
        ItemVerdict::Lacks => format!("{subject} lacks it: {baseline} provides it ({})", obligation_of(&item.baseline)),
        ItemVerdict::Weaker => format!(
            "{subject} binds less: {} where {baseline} is {}",
            obligation_of(&item.subject),
            obligation_of(&item.baseline)
        ),
        ItemVerdict::Stronger => format!(
            "{subject} binds more: {} where {baseline} is {}",
            obligation_of(&item.subject),
            obligation_of(&item.baseline)
        ),
        ItemVerdict::Adds => {
            format!("{subject} adds it ({}); {baseline} does not provide it", obligation_of(&item.subject))
        }
        ItemVerdict::CannotSay => {
            let (side, reason) = if item.subject.state == ItemState::NotFound {
                (subject, item.subject.reason.as_deref())
            } else {
                (baseline, item.baseline.reason.as_deref())
            };
            format!("cannot say: {side}: {}", reason.unwrap_or("not found"))
        }
    }
}

fn obligation_of(item: &ChecklistItem) -> &'static str {
    item.obligation.map_or("not provided", |obligation| obligation.as_str())
}

/// The words that give the item its obligation: the first evidence of the strongest.
fn first_words(item: &ChecklistItem) -> Option<String> {
    let strongest = item.evidence.iter().find(|evidence| Some(evidence.obligation) == item.obligation)?;
    Some(format!("{} line {}: \"{}\"", strongest.eid, strongest.line, strongest.text))
}

impl ChecklistComparison {
    /// JSON (schema `lexdef-checklist-comparison/1`), pretty-printed.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a comparison serialises");
        json.push('\n');
        json
    }

    /// For people: the counts, then each item that differs or cannot be said, with the words
    /// on both sides; then the items on which both agree.
    pub fn to_text(&self) -> String {
        let mut out = format!("Protection: {} against {} ({} items)\n", self.subject, self.baseline, self.items.len());
        let count = |verdict| self.with_verdict(verdict).count();
        out.push_str(&format!(
            "  lacks {}, weaker {}, adds {}, stronger {}, same {}, cannot say {}\n",
            count(ItemVerdict::Lacks),
            count(ItemVerdict::Weaker),
            count(ItemVerdict::Adds),
            count(ItemVerdict::Stronger),
            count(ItemVerdict::Same),
            count(ItemVerdict::CannotSay)
        ));
        for verdict in
            [ItemVerdict::Lacks, ItemVerdict::Weaker, ItemVerdict::Adds, ItemVerdict::Stronger, ItemVerdict::CannotSay]
        {
            for item in self.with_verdict(verdict) {
                out.push_str(&format!("\n{}: {}\n", item.label, verdict_words(item, self)));
                if let Some(words) = first_words(&item.baseline) {
                    out.push_str(&format!("  {}: {words}\n", self.baseline));
                }
                if let Some(words) = first_words(&item.subject) {
                    out.push_str(&format!("  {}: {words}\n", self.subject));
                }
            }
        }
        let same: Vec<&str> = self.with_verdict(ItemVerdict::Same).map(|item| item.label.as_str()).collect();
        if !same.is_empty() {
            out.push_str(&format!("\nThe same in both: {}.\n", same.join(", ")));
        }
        out
    }

    /// Markdown: a table of the items with both sides' states and the verdict.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "# Protection: {} against {}\n\n| item | {} | {} | verdict |\n|---|---|---|---|\n",
            self.subject, self.baseline, self.baseline, self.subject
        );
        for item in &self.items {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                item.label,
                state_words(&item.baseline),
                state_words(&item.subject),
                markdown_escape(&verdict_words(item, self))
            ));
        }
        out
    }

    /// CSV: a row per item.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("item,verdict,baseline_state,baseline_obligation,baseline_eid,baseline_words,subject_state,subject_obligation,subject_eid,subject_words\n");
        for item in &self.items {
            let side = |item: &ChecklistItem| {
                let first = item.evidence.first();
                [
                    item.state.as_str().to_owned(),
                    item.obligation.map_or(String::new(), |obligation| obligation.as_str().to_owned()),
                    first.map_or(String::new(), |evidence| evidence.eid.to_string()),
                    first.map_or(String::new(), |evidence| evidence.text.clone()),
                ]
            };
            let mut fields = vec![item.id.to_string(), item.verdict.as_str().to_owned()];
            fields.extend(side(&item.baseline));
            fields.extend(side(&item.subject));
            out.push_str(&fields.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }

    /// A self-contained HTML page: the items with both sides, each cell's words on hover.
    pub fn to_html(&self) -> String {
        use crate::report::html::escape;
        use std::fmt::Write as _;
        let body = crate::report::html::fragment(|out| {
            let _ = write!(
                out,
                "<h1>Protection: <span class=\"id\">{}</span> against <span class=\"id\">{}</span></h1>\n<table><tr><th>item</th><th>{}</th><th>{}</th><th>verdict</th></tr>\n",
                escape(self.subject.as_str()),
                escape(self.baseline.as_str()),
                escape(self.baseline.as_str()),
                escape(self.subject.as_str())
            );
            for item in &self.items {
                let cell = |side: &ChecklistItem| {
                    let words: Vec<String> = side
                        .evidence
                        .iter()
                        .map(|evidence| {
                            format!("{} line {}: \u{201c}{}\u{201d}", evidence.eid, evidence.line, evidence.text)
                        })
                        .chain(side.reason.clone())
                        .collect();
                    format!(
                        "<td class=\"state {}\" title=\"{}\">{}</td>",
                        cell_class(side),
                        escape(&words.join("\n")),
                        escape(&state_words(side))
                    )
                };
                let _ = write!(
                    out,
                    "<tr><th>{}</th>{}{}<td>{}</td></tr>\n",
                    escape(&item.label),
                    cell(&item.baseline),
                    cell(&item.subject),
                    escape(&verdict_words(item, self))
                );
            }
            out.push_str("</table>\n");
        });
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Protection: {} against {}</title><style>body{{margin:2rem}}</style></head><body>\n{body}</body></html>\n",
            self.subject, self.baseline
        )
    }
}
