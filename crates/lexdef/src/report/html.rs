//! HTML: the report as one self-contained page (inline CSS, no scripts, no network) with
//! the instrument × element coverage chart and, per instrument, its definition beside the
//! baseline's, the words of each element marked, and its findings; and fragments of the same
//! look for notebooks — the report, the translation check, and the views of the nouns the
//! Python package shows (`_repr_html_`, in `notebook.rs`).
//!
//! Every fragment is one `<div class="lexdef">` that carries its own style, scoped to it, so
//! that it reads the same in any host page: a notebook's style (JupyterLab right-aligns table
//! cells and breaks long words anywhere) must not move the law's words. The properties that
//! decide how the words read — alignment, word breaking, wrapping — are `!important` in the
//! fragment's style, since a host's rule of higher specificity would otherwise win.

use std::fmt::Write as _;

use crate::compare::{Confidence, DivergenceKind, Side};
use crate::document::Span;
use crate::report::{direction_word, severity_word, shown_order, shown_value, Analysis, Matrix, Report};
use crate::translation::{TranslationCheck, TranslationFinding, TranslationPair, Verdict};

pub(crate) fn escape(text: &str) -> String {
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

/// The class of the element every fragment is wrapped in; the style applies inside it only.
pub(crate) const ROOT_CLASS: &str = "lexdef";

/// The style of every fragment and of the page, each selector under [`ROOT_CLASS`]. The
/// colours of element states are Okabe and Ito's, told apart by readers with any colour
/// vision, and each cell also carries a sign and its state in words (`title`).
const STYLE: &str = concat!(
    // Text reads left to right and breaks between words only, whatever the host says.
    ".lexdef,.lexdef *{text-align:left!important;word-break:normal!important;overflow-wrap:normal!important;hyphens:manual!important;box-sizing:border-box}",
    ".lexdef{font-family:system-ui,sans-serif;color:#1d1d1f;background:#fff;line-height:1.4;max-width:100%}",
    ".lexdef h1{font-size:1.5rem;margin:.5rem 0}",
    ".lexdef h2{font-size:1.15rem;margin:2.5rem 0 .5rem;border-bottom:1px solid #ccc}",
    ".lexdef h3{font-size:1rem;margin:1.5rem 0 .4rem}",
    ".lexdef p{margin:.4rem 0}",
    ".lexdef table{border-collapse:collapse;border-spacing:0;font-size:.8rem;table-layout:auto!important;width:auto;margin:.4rem 0 1rem!important;border:none}",
    ".lexdef tr,.lexdef tbody tr:nth-child(odd),.lexdef tbody tr:nth-child(even){background:transparent}",
    ".lexdef td,.lexdef th{border:1px solid #ddd;padding:.2rem .35rem;vertical-align:top;white-space:normal;max-width:none;line-height:1.35}",
    ".lexdef th{font-weight:600;background:#f3f3f3}",
    ".lexdef th.rot{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap!important;vertical-align:bottom;font-weight:500}",
    // Ids (instruments, provisions, elements) never wrap at their hyphens.
    ".lexdef code,.lexdef .id{white-space:nowrap!important;font-family:ui-monospace,monospace;font-size:.95em;background:none;padding:0}",
    ".lexdef .scroll{overflow-x:auto;max-width:100%}",
    ".lexdef td.state{min-width:1.4rem;text-align:center!important;font-weight:700}",
    ".lexdef .state.present{background:#0072b2;color:#fff}",
    ".lexdef .state.absent{background:#e69f00;color:#000}",
    ".lexdef .state.not_found{background:#f0e442;color:#000}",
    ".lexdef .state.not_defined{background:#d9d9d9;color:#555}",
    ".lexdef .side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}",
    ".lexdef pre{white-space:pre-wrap!important;background:#f6f6f6;padding:.6rem;font-size:.8rem;margin:.3rem 0;border:none}",
    ".lexdef mark{background:#ffe9a8;color:inherit;padding:0}",
    ".lexdef .narrower{color:#a33b00}",
    ".lexdef .broader{color:#005a8c}",
    ".lexdef .uncertain{font-style:italic;color:#6b5a4e}",
    ".lexdef .legend span.key{display:inline-block;width:1.2rem;height:1.2rem;margin:0 .3rem 0 1rem;vertical-align:middle;text-align:center!important;font-weight:700;font-size:.8rem;line-height:1.2rem}",
    ".lexdef .none{color:#777}",
    ".lexdef td.verdict{white-space:nowrap}",
    ".lexdef .hidden-kinds{color:#555;font-size:.85rem}",
    // The protection checklist's cells: Okabe and Ito's colours again, a sign in each.
    ".lexdef .state.mandatory{background:#0072b2;color:#fff}",
    ".lexdef .state.conditional{background:#56b4e9;color:#000}",
    ".lexdef .state.discretionary{background:#009e73;color:#fff}",
    ".lexdef .state.not_provided{background:#e69f00;color:#000}",
    ".lexdef td.state a{color:inherit;text-decoration:none;display:block}",
    // JupyterLab floats a description list's terms beside their descriptions, a fifth of
    // the width each: here a term is a line of its own, its evidence under it.
    ".lexdef dl.evidence dt{font-weight:600;margin-top:.6rem;float:none;width:auto}",
    ".lexdef dl.evidence dd{margin:.15rem 0 .15rem 1.2rem;float:none;width:auto}",
    ".lexdef :target{outline:2px solid #cc79a7}",
    // An id heading a row keeps a cell's padding (`.lexdef .id` takes it from ids in text).
    ".lexdef th.id,.lexdef td.id{padding:.2rem .35rem}",
    ".lexdef .legend .entry{display:inline-block}",
);

/// Wrap `body` in the fragment's root element with its style.
pub(crate) fn fragment(body: impl FnOnce(&mut String)) -> String {
    let mut out = format!("<div class=\"{ROOT_CLASS}\"><style>{STYLE}</style>\n");
    body(&mut out);
    out.push_str("</div>\n");
    out
}

impl Report {
    /// A self-contained HTML page: no network, no scripts.
    pub fn to_html(&self, analyses: &[&Analysis]) -> String {
        render(self, analyses)
    }

    /// An HTML fragment (a `<div>` with its own style, scoped to it) for embedding in another
    /// page, such as a notebook's output: the same content as [`Report::to_html`].
    pub fn to_html_fragment(&self, analyses: &[&Analysis]) -> String {
        render_fragment(self, analyses)
    }
}

impl TranslationCheck {
    /// An HTML fragment (a `<div>` with its own scoped style) for a notebook.
    pub fn to_html_fragment(&self) -> String {
        render_translation_fragment(&self.concept, &self.pairs)
    }
}

/// Render the report as a whole HTML page: the fragment, in a body of its own.
fn render(report: &Report, analyses: &[&Analysis]) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Definitions of {} compared with {}</title><style>body{{margin:2rem}}</style></head><body>\n{}</body></html>\n",
        escape(&report.concept),
        escape(&report.baseline_title),
        render_fragment(report, analyses)
    )
}

/// Render the report as an HTML fragment with its own scoped style, for embedding in
/// another page (a notebook cell's output).
fn render_fragment(report: &Report, analyses: &[&Analysis]) -> String {
    fragment(|out| render_body(report, analyses, out))
}

fn render_body(report: &Report, analyses: &[&Analysis], out: &mut String) {
    let _ = write!(out, "<h1>Definitions of {} compared with {}</h1>\n<p>Baseline <code>{}</code>. Every finding cites the words of the law; findings in <span class=\"uncertain\">italics</span> rest on text the corpus could not read.</p>\n", escape(&report.concept), escape(&report.baseline_title), escape(report.baseline.as_str()));
    let hidden: usize = report
        .instruments
        .iter()
        .flat_map(|entry| &entry.findings)
        .filter(|finding| finding.kind == DivergenceKind::WordingVariance)
        .count();
    out.push_str(&hidden_note(hidden));
    render_summary(report, out);
    // The coverage chart: the elements some instrument names.
    let columns: Vec<&String> = report
        .matrix
        .elements
        .iter()
        .filter(|id| report.matrix.rows.iter().any(|row| row.elements[*id] == "present"))
        .collect();
    out.push_str("<h2>Coverage</h2>\n");
    matrix_grid(&report.matrix, &columns, out);
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
        let hidden = hidden_note(entry.findings.len() - shown.len());
        if shown.is_empty() {
            let _ = writeln!(out, "<p>No divergence from the baseline.</p>{hidden}");
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
                        "<span class=\"id\">{}</span> <code>{}</code> line {}",
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
        let _ = writeln!(out, "</table>{hidden}");
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

/// Says how many findings of a kind the HTML leaves out, so that none is dropped silently:
/// wording variances (the same element in other words) are many and rarely news.
fn hidden_note(wording_variances: usize) -> String {
    match wording_variances {
        0 => String::new(),
        1 => "<p class=\"hidden-kinds\">1 wording variance not shown (the same element in other words; the JSON report and the DataFrame hold it).</p>\n".to_owned(),
        count => format!("<p class=\"hidden-kinds\">{count} wording variances not shown (the same element in other words; the JSON report and the DataFrame hold them).</p>\n"),
    }
}

/// How each element state is drawn: its class, its sign, the name of its colour, and what it
/// means. The colours are Okabe and Ito's (see [`STYLE`]); the sign and the `title` of each
/// cell say the same without colour.
const STATES: [(&str, &str, &str, &str); 4] = [
    ("present", "+", "blue", "present"),
    ("absent", "−", "orange", "absent (the complete text does not name it)"),
    ("not_found", "?", "yellow", "not found (text incomplete or language not covered)"),
    ("not_defined", "·", "grey", "no definition in the text seen"),
];

/// A cell showing an element's state: its colour, its sign, and in its `title` what is in
/// the cell (`what`) and its state in words.
pub(crate) fn state_cell(state: &str, what: &str) -> String {
    let (class, sign, colour, meaning) =
        STATES.iter().find(|(class, ..)| *class == state).copied().unwrap_or((state, "", "no colour", state));
    format!(
        "<td class=\"state {}\" title=\"{}: {} ({colour})\">{sign}</td>",
        escape(class),
        escape(what),
        escape(meaning)
    )
}

/// The instrument × element grid of `matrix`, over `columns`, then its qualifiers, with a
/// legend that names the colours; it scrolls sideways rather than run off the page.
pub(crate) fn matrix_grid(matrix: &Matrix, columns: &[&String], out: &mut String) {
    out.push_str("<p class=\"legend\">");
    for (state, sign, colour, meaning) in STATES {
        let _ = write!(out, "<span class=\"key state {state}\">{sign}</span>{colour}: {meaning}");
    }
    out.push_str("</p>\n<div class=\"scroll\"><table class=\"matrix\"><tr><th>instrument</th>");
    for column in columns {
        let _ = write!(out, "<th class=\"rot\">{}</th>", escape(column));
    }
    for qualifier in &matrix.qualifiers {
        let _ = write!(out, "<th class=\"rot\">{}</th>", escape(qualifier.as_str()));
    }
    out.push_str("</tr>\n");
    for row in &matrix.rows {
        let instrument = escape(row.instrument.as_str());
        let _ = write!(out, "<tr><th class=\"id\">{instrument}</th>");
        for column in columns {
            let state = row.elements.get(*column).map_or("not_defined", String::as_str);
            out.push_str(&state_cell(state, &format!("{} · {column}", row.instrument)));
        }
        for qualifier in &matrix.qualifiers {
            let value = row.qualifiers.get(qualifier).map_or_else(String::new, ToString::to_string);
            let _ = write!(out, "<td title=\"{instrument} · {}\">{}</td>", escape(qualifier.as_str()), escape(&value));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table></div>\n");
}

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
            "<tr><td class=\"id\"><a href=\"#{id}\">{id}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            row.lacks,
            row.adds,
            row.qualifiers,
            row.uncertain,
            if row.complete { "complete" } else { "partial" }
        );
    }
    out.push_str("</table>\n");
}

/// The translation check alone, as an HTML fragment with its own scoped style.
fn render_translation_fragment(concept: &str, pairs: &[TranslationPair]) -> String {
    fragment(|out| translation_section(concept, pairs, out))
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
