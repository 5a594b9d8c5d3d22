//! The notebook views of the nouns a researcher holds in Python — a corpus, a matrix, a term
//! model, a definition, search hits — as HTML fragments in the report's style (`html.rs`):
//! what the Python package's `_repr_html_` shows. Every value is escaped; every fragment is
//! one `<div class="lexdef">` that styles only itself.

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::definition::Definition;
use crate::index::Hit;
use crate::model::{Evidence, TermModel};
use crate::report::html::{escape, fragment, matrix_grid, state_cell};
use crate::report::{kebab, Matrix};

/// `instrument eid line n`, for the place of some words.
fn place(evidence: &Evidence) -> String {
    format!("<code>{}</code> line {}", escape(evidence.eid.as_str()), evidence.line)
}

/// The first words of `evidence` as quoted, or nothing.
fn quoted(evidence: Option<&Evidence>) -> String {
    evidence.map_or_else(String::new, |evidence| format!("“{}”", escape(&evidence.text)))
}

impl Corpus {
    /// The instruments as an HTML table (id, title, jurisdiction, kind, language,
    /// completeness), for a notebook.
    pub fn to_html_fragment(&self) -> String {
        fragment(|out| {
            let errors = match self.errors().len() {
                0 => String::new(),
                1 => "; 1 file not loaded".to_owned(),
                count => format!("; {count} files not loaded"),
            };
            let _ = write!(
                out,
                "<p>Corpus of {} instruments{errors}.</p>\n<table><tr><th>instrument</th><th>title</th><th>jurisdiction</th><th>kind</th><th>language</th><th>text</th></tr>\n",
                self.len()
            );
            for instrument in self.instruments() {
                let id = escape(instrument.id.as_str());
                match &instrument.metadata {
                    Some(metadata) => {
                        let _ = writeln!(
                            out,
                            "<tr><td class=\"id\">{id}</td><td>{}</td><td>{}</td><td>{}</td><td>{} ({})</td><td>{}</td></tr>",
                            escape(&metadata.short_title),
                            escape(metadata.jurisdiction.as_str()),
                            escape(&kebab(&format!("{:?}", metadata.kind))),
                            escape(&metadata.language.code),
                            escape(&kebab(&format!("{:?}", metadata.language.status))),
                            escape(&kebab(&format!("{:?}", metadata.completeness.status)))
                        );
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "<tr><td class=\"id\">{id}</td><td colspan=\"5\" class=\"none\">no metadata</td></tr>"
                        );
                    }
                }
            }
            out.push_str("</table>\n");
        })
    }
}

impl Matrix {
    /// The matrix as a coloured grid (instruments × elements, then the qualifiers) with a
    /// legend naming the colours, each cell's state also in its sign and its `title`, for a
    /// notebook.
    pub fn to_html_fragment(&self) -> String {
        fragment(|out| {
            let _ = writeln!(
                out,
                "<p>{} instruments × {} elements and {} qualifiers.</p>",
                self.rows.len(),
                self.elements.len(),
                self.qualifiers.len()
            );
            let columns: Vec<&String> = self.elements.iter().collect();
            matrix_grid(self, &columns, out);
        })
    }
}

impl TermModel {
    /// The model as HTML for a notebook: each element the model speaks of with its state and
    /// the law's words, then the qualifiers with theirs.
    pub fn to_html_fragment(&self) -> String {
        fragment(|out| {
            let _ = writeln!(
                out,
                "<h3><span class=\"id\">{}</span> · {}</h3>",
                escape(self.instrument.as_str()),
                escape(self.concept.as_str())
            );
            match &self.definition {
                None => out.push_str("<p class=\"none\">Not defined in the text seen.</p>\n"),
                Some(source) => {
                    let term = if source.term.is_empty() {
                        String::new()
                    } else {
                        format!(", the term “{}”", escape(&source.term))
                    };
                    let _ = writeln!(
                        out,
                        "<p>Defined in <code>{}</code> ({}{term}).</p>",
                        escape(source.eid.as_str()),
                        escape(&kebab(&format!("{:?}", source.form)))
                    );
                }
            }
            let mut ids: Vec<&crate::ids::ElementId> = self.elements.iter().map(|presence| &presence.id).collect();
            ids.extend(&self.absent);
            ids.extend(self.not_found.iter().map(|item| &item.id));
            ids.sort();
            ids.dedup();
            if !ids.is_empty() {
                out.push_str("<table><tr><th>element</th><th>state</th><th>the law's words</th><th>where</th></tr>\n");
            }
            for id in &ids {
                let evidence = self
                    .elements
                    .iter()
                    .find(|presence| &presence.id == *id)
                    .and_then(|presence| presence.evidence.first());
                let words = match self.not_found.iter().find(|item| &item.id == *id) {
                    Some(item) => format!("<span class=\"none\">{}</span>", escape(&item.reason)),
                    None => quoted(evidence),
                };
                let _ = writeln!(
                    out,
                    "<tr><td><code>{}</code></td>{}<td>{words}</td><td>{}</td></tr>",
                    escape(id.as_str()),
                    state_cell(self.state(id).as_str(), &format!("{} · {}", self.instrument, id)),
                    evidence.map(place).unwrap_or_default()
                );
            }
            if !ids.is_empty() {
                out.push_str("</table>\n");
            }
            if !self.qualifiers.is_empty() {
                out.push_str(
                    "<table><tr><th>qualifier</th><th>value</th><th>the law's words</th><th>where</th></tr>\n",
                );
                for (name, qualifier) in &self.qualifiers {
                    let evidence = qualifier.evidence.first();
                    let basis = qualifier
                        .basis
                        .as_ref()
                        .map_or_else(String::new, |basis| format!(" <span class=\"none\">({})</span>", escape(basis)));
                    let _ = writeln!(
                        out,
                        "<tr><td><code>{}</code></td><td>{}</td><td>{}{basis}</td><td>{}</td></tr>",
                        escape(name.as_str()),
                        escape(&qualifier.value.to_string()),
                        quoted(evidence),
                        evidence.map(place).unwrap_or_default()
                    );
                }
                out.push_str("</table>\n");
            }
            if !self.unrecognised.is_empty() {
                let words: Vec<String> = self
                    .unrecognised
                    .iter()
                    .map(|evidence| format!("{} ({})", quoted(Some(evidence)), place(evidence)))
                    .collect();
                let _ = writeln!(out, "<p>Listed as exploitation, matching no element: {}.</p>", words.join("; "));
            }
        })
    }
}

impl Definition {
    /// The definition as HTML for a notebook: where it is, its term and form, and the words
    /// of its provision (`words`, as the instrument `instrument` has them).
    pub fn to_html_fragment(&self, instrument: &str, words: &str) -> String {
        fragment(|out| {
            let concept = self
                .concept
                .as_ref()
                .map_or_else(|| "no concept of the lexicon".to_owned(), |concept| escape(concept.as_str()));
            let term = if self.term.is_empty() { String::new() } else { format!("“{}” ", escape(&self.term)) };
            let mut notes = String::new();
            if self.quoted {
                notes.push_str("; in the quoted text of an amendment");
            }
            if self.incomplete {
                notes.push_str("; text is missing within or right after it");
            }
            let _ = writeln!(
                out,
                "<p><span class=\"id\">{}</span> <code>{}</code> line {}: {term}({}, {concept}{notes})</p>\n<pre>{}</pre>",
                escape(instrument),
                escape(self.eid.as_str()),
                self.line,
                escape(&kebab(&format!("{:?}", self.form))),
                escape(words)
            );
        })
    }
}

impl Hit {
    /// Search hits as an HTML table for a notebook, best first, the matched words marked in
    /// each snippet.
    pub fn to_html_table<'a>(hits: impl IntoIterator<Item = &'a Hit>) -> String {
        fragment(|out| {
            out.push_str("<table><tr><th>#</th><th>instrument</th><th>provision</th><th>line</th><th>kind</th><th>score</th><th>words</th></tr>\n");
            let mut count = 0;
            for (rank, hit) in hits.into_iter().enumerate() {
                count += 1;
                let kind = match &hit.term {
                    Some(term) => format!("{} of “{}”", escape(&hit.doc_type), escape(term)),
                    None => escape(&hit.doc_type),
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"id\">{}</td><td><code>{}</code></td><td>{}</td><td>{kind}</td><td>{:.2}</td><td>{}</td></tr>",
                    rank + 1,
                    escape(&hit.instrument),
                    escape(&hit.eid),
                    hit.line,
                    hit.score,
                    marked_snippet(hit)
                );
            }
            out.push_str("</table>\n");
            if count == 0 {
                out.push_str("<p class=\"none\">No hits.</p>\n");
            }
        })
    }
}

/// The snippet of `hit`, escaped, with its highlighted words in `<mark>`; a highlight that
/// does not fall on character boundaries of the snippet is left unmarked, never cut.
fn marked_snippet(hit: &Hit) -> String {
    let snippet = &hit.snippet;
    let mut highlights = hit.highlights.clone();
    highlights.sort_unstable();
    let mut out = String::new();
    let mut cursor = 0;
    for (start, end) in highlights {
        let (Some(before), Some(words)) = (snippet.get(cursor..start), snippet.get(start..end)) else { continue };
        out.push_str(&escape(before));
        let _ = write!(out, "<mark>{}</mark>", escape(words));
        cursor = end;
    }
    out.push_str(&escape(snippet.get(cursor..).unwrap_or_default()));
    out
}
