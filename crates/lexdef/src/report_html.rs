//! The HTML report: one self-contained page (inline CSS, no scripts, no network) with the
//! instrument × element coverage chart and, per instrument, its definition beside the
//! baseline's, the words of each element marked, and its findings.

use std::fmt::Write as _;

use crate::compare::{Confidence, DivergenceKind, Side};
use crate::document::Span;
use crate::report::{direction_word, severity_word, Analysis, Report};
use crate::translation::{shown_order, shown_value, TranslationFinding, TranslationPair, Verdict};

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The definition's text with the words of its elements marked.
fn marked_definition(analysis: &Analysis) -> String {
    let Some(source) = &analysis.model.definition else {
        return "<p class=\"none\">No definition in the text seen.</p>".to_owned();
    };
    let Some(provision) = analysis.document.find(source.eid.as_str()) else {
        return String::new();
    };
    let span = provision.span;
    let mut marks: Vec<(Span, String)> = analysis
        .model
        .elements
        .iter()
        .flat_map(|element| element.evidence.iter().map(move |evidence| (evidence.span, element.id.to_string())))
        .filter(|(evidence, _)| span.contains(*evidence))
        .collect();
    marks.sort_by_key(|(evidence, _)| (evidence.start, std::cmp::Reverse(evidence.end)));
    let text = &analysis.instrument.text;
    let mut out = String::new();
    let mut cursor = span.start;
    for (mark, id) in marks {
        if mark.start < cursor {
            continue;
        }
        out.push_str(&escape(&text[cursor..mark.start]));
        let _ = write!(out, "<mark title=\"{}\">{}</mark>", escape(&id), escape(&text[mark.range()]));
        cursor = mark.end;
    }
    out.push_str(&escape(&text[cursor..span.end]));
    format!(
        "<p class=\"cite\">{} · <code>{}</code></p><pre>{out}</pre>",
        escape(analysis.instrument.id.as_str()),
        escape(source.eid.as_str())
    )
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f;background:#fff}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;font-size:.8rem}td,th{border:1px solid #ddd;padding:.2rem .35rem;vertical-align:top}th.rot{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}td.present{background:#2e7d32}td.absent{background:#c62828}td.not_found{background:#f9a825}td.not_defined{background:#9e9e9e}.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem;font-size:.8rem}mark{background:#fff59d}.narrower{color:#b71c1c}.broader{color:#1b5e20}.uncertain{font-style:italic;color:#795548}.legend span{display:inline-block;width:1rem;height:1rem;margin:0 .3rem 0 1rem;vertical-align:middle}.none{color:#777}td.verdict{white-space:nowrap}table.summary td.n{text-align:right}table.summary td:first-child{white-space:nowrap}";

/// The class of the element a fragment is wrapped in; the fragment's style applies inside it only.
const FRAGMENT_CLASS: &str = "lexdef-report";

/// [`STYLE`] with every selector scoped to the fragment's element, so a report shown inside
/// another page (a notebook) does not restyle that page. `body` becomes the element itself.
fn scoped_style() -> String {
    let mut out = String::new();
    for rule in STYLE.split_inclusive('}') {
        let Some((selectors, body)) = rule.split_once('{') else { continue };
        let scoped: Vec<String> = selectors
            .split(',')
            .map(|selector| match selector.trim() {
                "body" => format!(".{FRAGMENT_CLASS}"),
                selector => format!(".{FRAGMENT_CLASS} {selector}"),
            })
            .collect();
        let _ = write!(out, "{}{{{body}", scoped.join(","));
    }
    out
}

/// Render the report as a whole HTML page.
pub(crate) fn render(report: &Report, analyses: &[&Analysis]) -> String {
    let mut out = String::new();
    let _ = write!(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Definitions of {concept} compared with {base}</title><style>{STYLE}</style></head><body>\n", concept = escape(&report.concept), base = escape(&report.baseline_title));
    render_body(report, analyses, &mut out);
    out.push_str("</body></html>\n");
    out
}

/// Render the report as an HTML fragment with its own scoped style, for embedding in
/// another page (a notebook cell's output).
pub(crate) fn render_fragment(report: &Report, analyses: &[&Analysis]) -> String {
    let mut out = format!("<div class=\"{FRAGMENT_CLASS}\"><style>{}</style>\n", scoped_style());
    render_body(report, analyses, &mut out);
    out.push_str("</div>\n");
    out
}

fn render_body(report: &Report, analyses: &[&Analysis], out: &mut String) {
    let _ = write!(out, "<h1>Definitions of {} compared with {}</h1>\n<p>Baseline <code>{}</code>. Every finding cites the words of the law; findings in <span class=\"uncertain\">italics</span> rest on text the corpus could not read.</p>\n", escape(&report.concept), escape(&report.baseline_title), escape(report.baseline.as_str()));
    render_summary(report, out);
    // The coverage chart.
    let columns: Vec<&String> = report
        .matrix
        .elements
        .iter()
        .filter(|id| report.matrix.rows.iter().any(|row| row.elements[*id] == "present"))
        .collect();
    out.push_str("<h2>Coverage</h2>\n<p class=\"legend\"><span style=\"background:#2e7d32\"></span>present<span style=\"background:#c62828\"></span>absent<span style=\"background:#f9a825\"></span>not found (text incomplete or language not covered)<span style=\"background:#9e9e9e\"></span>no definition</p>\n<table><tr><th>instrument</th>");
    for column in &columns {
        let _ = write!(out, "<th class=\"rot\">{}</th>", escape(column));
    }
    for qualifier in &report.matrix.qualifiers {
        let _ = write!(out, "<th class=\"rot\">{}</th>", escape(qualifier.as_str()));
    }
    out.push_str("</tr>\n");
    for row in &report.matrix.rows {
        let _ = write!(out, "<tr><th>{}</th>", escape(row.instrument.as_str()));
        for column in &columns {
            let state = &row.elements[*column];
            let _ = write!(out, "<td class=\"{}\" title=\"{} {}\"></td>", escape(state), escape(column), escape(state));
        }
        for qualifier in &report.matrix.qualifiers {
            let _ = write!(out, "<td>{}</td>", escape(&row.qualifiers[qualifier].to_string()));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    let baseline = analyses.iter().find(|analysis| analysis.instrument.id == report.baseline);
    for entry in report.instruments.iter().filter(|entry| entry.not_compared.is_none()) {
        let bill = if entry.bill { " — <strong>a bill, not an enacted act</strong>" } else { "" };
        let _ = write!(
            out,
            "<h2 id=\"{id}\">{id} — {}</h2>\n<p>{}, text {}{bill}.</p>\n",
            escape(&entry.title),
            escape(&entry.jurisdiction),
            escape(&entry.completeness),
            id = escape(entry.instrument.as_str())
        );
        let subject = analyses.iter().find(|analysis| analysis.instrument.id == entry.instrument);
        out.push_str("<div class=\"side\"><div>");
        out.push_str(&subject.map(|analysis| marked_definition(analysis)).unwrap_or_default());
        out.push_str("</div><div>");
        out.push_str(&baseline.map(|analysis| marked_definition(analysis)).unwrap_or_default());
        out.push_str("</div></div>\n");
        let shown: Vec<_> =
            entry.findings.iter().filter(|finding| finding.kind != DivergenceKind::WordingVariance).collect();
        if shown.is_empty() {
            out.push_str("<p>No divergence from the baseline.</p>\n");
            continue;
        }
        out.push_str("<table><tr><th>finding</th><th>direction</th><th>severity</th><th>where</th></tr>\n");
        for finding in shown {
            let class = match &finding.confidence {
                Confidence::Certain => direction_word(finding.direction).to_owned(),
                Confidence::Uncertain { .. } => format!("{} uncertain", direction_word(finding.direction)),
            };
            let reason = match &finding.confidence {
                Confidence::Certain => String::new(),
                Confidence::Uncertain { reason } => format!(" (uncertain: {})", escape(reason)),
            };
            let place = finding.subject.evidence.first().or(finding.baseline.evidence.first()).map_or_else(
                String::new,
                |evidence| {
                    format!(
                        "{} <code>{}</code> line {}",
                        escape(evidence.instrument.as_str()),
                        escape(evidence.eid.as_str()),
                        evidence.line
                    )
                },
            );
            let _ = writeln!(
                out,
                "<tr class=\"{class}\"><td>{}{reason}</td><td>{}</td><td>{}</td><td>{place}</td></tr>",
                escape(&finding.summary),
                direction_word(finding.direction),
                severity_word(finding.severity)
            );
        }
        out.push_str("</table>\n");
    }
    let not_compared: Vec<_> = report.instruments.iter().filter(|entry| entry.not_compared.is_some()).collect();
    if !not_compared.is_empty() {
        out.push_str("<h2 id=\"not-compared\">Not compared</h2>\n<p>lexdef could not read these for the concept; this is not a divergence.</p>\n<ul>\n");
        for entry in not_compared {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> — {} ({}, text {}): {}</li>",
                escape(entry.instrument.as_str()),
                escape(&entry.title),
                escape(&entry.jurisdiction),
                escape(&entry.completeness),
                escape(entry.not_compared.as_deref().unwrap_or_default())
            );
        }
        out.push_str("</ul>\n");
    }
    if !report.translation.is_empty() {
        translation_section(&report.concept, &report.translation, out);
    }
}

/// The translation check alone, as an HTML fragment with its own scoped style.
/// The summary first: one row per instrument compared, the most divergent first, each linked
/// to its findings (as `lexdef report` opens in a terminal).
fn render_summary(report: &Report, out: &mut String) {
    let compared = report.instruments.iter().filter(|entry| entry.not_compared.is_none()).count();
    let _ = write!(
        out,
        "<h2 id=\"summary\">Summary</h2>\n<p>{compared} compared, {} not compared. <em>Lacks</em> / <em>adds</em>: elements of the baseline it certainly does not name / elements it names beyond the baseline; <em>qualifiers</em>: certain differences of child age, consent, means for children, borders, scope, list; <em>uncertain</em>: findings that rest on text not seen.</p>\n<table class=\"summary\"><tr><th>instrument</th><th>lacks</th><th>adds</th><th>qualifiers</th><th>uncertain</th><th>text</th></tr>\n",
        report.instruments.len() - compared
    );
    for row in report.summary() {
        let id = escape(row.instrument.as_str());
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#{id}\">{id}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            row.lacks,
            row.adds,
            row.qualifiers,
            row.uncertain,
            if row.complete { "complete" } else { "partial" }
        );
    }
    out.push_str("</table>\n");
}

pub(crate) fn render_translation_fragment(concept: &str, pairs: &[TranslationPair]) -> String {
    let mut out = format!("<div class=\"{FRAGMENT_CLASS}\"><style>{}</style>\n", scoped_style());
    translation_section(concept, pairs, &mut out);
    out.push_str("</div>\n");
    out
}

/// One side of a translation finding: its value (for a qualifier) and its words.
fn translation_side(finding: &TranslationFinding, side: &Side) -> String {
    let value =
        if finding.qualifier.is_some() { format!("{} ", escape(&shown_value(&side.value))) } else { String::new() };
    match side.evidence.first() {
        Some(evidence) => format!(
            "{value}“{}” <code>{}</code> line {}",
            escape(&evidence.text),
            escape(evidence.eid.as_str()),
            evidence.line
        ),
        None => format!("<span class=\"none\">{}</span>", escape(&shown_value(&side.value).replace('_', " "))),
    }
}

fn translation_section(concept: &str, pairs: &[TranslationPair], out: &mut String) {
    let _ = write!(out, "<h2 id=\"translation\">Translations checked against their originals</h2>\n<p>For each original-language text and its translation, the elements and qualifiers of their definitions of {}, with the words of both texts side by side. <em>More</em> / <em>less</em>: the translation names an element the whole original does not / does not name one the original names; <span class=\"uncertain\">cannot say</span>: one text does not settle it (not read, or not seen).</p>\n", escape(concept));
    for pair in pairs {
        let language =
            |code: &Option<String>| code.as_deref().map_or_else(String::new, |code| format!(" ({})", escape(code)));
        let _ = write!(
            out,
            "<h3 id=\"translation-{id}\">{id}{}, translation of {}{}</h3>\n<p>{}.</p>\n",
            language(&pair.translation_language),
            escape(pair.original.as_str()),
            language(&pair.original_language),
            escape(&pair.summary),
            id = escape(pair.translation.as_str())
        );
        if pair.findings.is_empty() {
            continue;
        }
        out.push_str("<table><tr><th>element or qualifier</th><th>verdict</th><th>original</th><th>translation</th><th>why not settled</th></tr>\n");
        for finding in shown_order(&pair.findings) {
            let class = match finding.verdict {
                Verdict::More => "broader",
                Verdict::Less => "narrower",
                Verdict::CannotSay => "uncertain",
                Verdict::Agrees | Verdict::Differs => "",
            };
            let _ = writeln!(
                out,
                "<tr class=\"{class}\"><td><code>{}</code></td><td class=\"verdict\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&finding.id()),
                escape(&finding.verdict.as_str().replace('_', " ")),
                translation_side(finding, &finding.in_original),
                translation_side(finding, &finding.in_translation),
                escape(&finding.reason().unwrap_or_default())
            );
        }
        out.push_str("</table>\n");
    }
}
