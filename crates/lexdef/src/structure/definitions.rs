//! Definition provisions: where a line opens a definition. A quoted term at the start of a
//! line does so anywhere; an unquoted headword (`exploitation means ...`) only in a section
//! headed as a definitions section (`Definitions`, `Interpretation`, `Use of terms`) or after
//! a line that introduces definitions (`In this Division:`, `(1) In this Act—`). The headings
//! and the introductions are `data/structure.toml`'s `definitions_headings` and
//! `definitions_introductions`.

use super::amendment::Region;
use super::defined_term::{headword_term, quoted_term, DefinedTerm};
use super::eids::term_slug;
use super::words::structure_words;
use super::{Level, Parser};
use crate::document::ProvisionKind;

impl Parser<'_> {
    pub(super) fn open_definition(&mut self, term: DefinedTerm, start: usize, content_end: usize, quoted_line: bool) {
        self.expects_heading = None;
        let in_quote = self.enter_or_leave_quote_region(quoted_line, None) != Region::Outside;
        self.close_for(Level::Definition, None, None);
        let component = format!("def_{}", term_slug(&self.text[start + term.start..start + term.end]));
        let index = self.push_node(ProvisionKind::Definition, Level::Definition, component, start, start, in_quote);
        let node = &mut self.nodes[index];
        node.term = Some(self.text[start + term.start..start + term.end].to_owned());
        node.end = content_end;
    }

    /// An unquoted headword that opens a definition here, where definitions stand.
    pub(super) fn headword_definition(&self, content: &str) -> Option<DefinedTerm> {
        // The cheap test first: a headword starts in lower case.
        if !content.starts_with(char::is_lowercase) {
            return None;
        }
        let term = headword_term(content)?;
        self.definitions_stand_here().then_some(term)
    }

    /// `"abuse of vulnerability"` alone on its line, its definition on the lines after (South
    /// Africa's drafting), where definitions stand.
    pub(super) fn lone_quoted_term(&self, content: &str) -> Option<DefinedTerm> {
        let found = quoted_term(content)?;
        let alone = content[found.after..].trim().is_empty();
        (alone && self.definitions_stand_here()).then_some(DefinedTerm { start: found.start, end: found.end })
    }

    /// Whether the innermost open section or article is a definitions section (by its heading
    /// or an introducing line), or, outside any, an open container was introduced as one
    /// (`In this Code:`).
    fn definitions_stand_here(&self) -> bool {
        for &index in self.stack.iter().rev() {
            let node = &self.nodes[index];
            if node.defines_terms {
                return true;
            }
            if matches!(node.level, Level::Unit(_)) {
                return node.heading.is_some_and(|span| {
                    let heading = one_spaced(&self.text[span.range()]).to_lowercase();
                    structure_words().definitions_headings.iter().any(|start| heading.starts_with(start.as_str()))
                });
            }
        }
        false
    }

    /// After a line: if it introduces definitions (`In this Division:`), the innermost open
    /// section or article (or, outside any, the innermost open provision) holds them.
    pub(super) fn note_definitions_introduction(&mut self, content: &str) {
        if !introduces_definitions(content) {
            return;
        }
        let holder = self
            .stack
            .iter()
            .rev()
            .copied()
            .find(|&index| matches!(self.nodes[index].level, Level::Unit(_)))
            .or_else(|| self.stack.last().copied());
        if let Some(index) = holder {
            self.nodes[index].defines_terms = true;
        }
    }
}

/// `In this Division:`, `In this Act, unless the contrary intention appears:`, `(1) In this
/// Act—`: a line (after at most a short label) that introduces definitions.
fn introduces_definitions(content: &str) -> bool {
    let ends_as_introduction = content.ends_with(':') || content.ends_with(super::label::is_dash);
    if !ends_as_introduction || content.len() > 200 {
        return false;
    }
    let content = one_spaced(content);
    structure_words().definitions_introductions.iter().any(|introduction| {
        let Some(at) = content.find(introduction.opening.as_str()) else { return false };
        let label = content[..at].trim();
        if label.len() > 8 || !(label.is_empty() || label.ends_with([')', '.'])) {
            return false;
        }
        let scope: String = content[at + introduction.opening.len()..]
            .chars()
            .take_while(|character| character.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        introduction.scopes.contains(&scope)
    })
}

/// Whitespace of any kind (a non-breaking space, a tab) as one space, for matching words.
fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
