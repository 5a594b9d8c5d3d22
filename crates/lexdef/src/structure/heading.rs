//! Headings: the words that name a provision, on its own line (`Article 3` then `Use of
//! terms`), after its number (`Section 3. Definition of Terms. -`), or before it (the marginal
//! heading of a Commonwealth section). A heading belongs to its provision; it is not one.

use super::label::{is_dash, is_opening_quote, Label, LabelStyle, Unit};
use super::words::structure_words;
use super::{Level, Parser};
use crate::document::{ProvisionKind, Span};

/// Headings longer than this (in characters) are read as text.
const MAX_HEADING_CHARS: usize = 120;

/// A heading that ends with a dot (`Section 2. Definitions.`) has at most this many words;
/// a longer line is a sentence.
const MAX_DOTTED_HEADING_WORDS: usize = 6;

impl Parser<'_> {
    /// The heading held back on the line before a provision's number, when it is that
    /// provision's marginal heading: above a bare section number (`Offence` then `3.—(1)`), and
    /// above an article or section number alone on its line whose next line is no heading
    /// (`Menschenhandel` then `§ 232`; but `Article 3` then `Use of terms` has its heading
    /// after it).
    pub(super) fn take_marginal_heading(
        &mut self,
        label: &Label,
        level: Level,
        body_start: usize,
        content_end: usize,
    ) -> Option<Span> {
        self.pending_heading?;
        let takes = match (&label.style, level) {
            // (But the first line of a text, a blank line above the first section, is the
            // text's title, `PREVENTION OF TRAFFICKING IN PERSONS BILL, 2026`, not that
            // section's heading.)
            (
                LabelStyle::BareNumber | LabelStyle::BareNumberHeading | LabelStyle::UndottedNumber,
                Level::Unit(Unit::Section),
            ) => !(self.previous_line_blank && self.nodes.is_empty()),
            (LabelStyle::Keyword { .. }, Level::Unit(_)) => {
                // A marginal note stands right above the number; a title a blank line above
                // it is not one.
                let alone = body_start + label.rest >= content_end;
                alone && !self.previous_line_blank && !self.next_line_is_heading_like(content_end)
            }
            _ => false,
        };
        if !takes {
            return None;
        }
        // `Interpretation.`: the heading without its closing dot (but `etc.` keeps its own).
        let span = self.pending_heading.take()?;
        let heading = &self.text[span.range()];
        let undotted = heading.strip_suffix('.').filter(|words| !ends_with_abbreviation(words));
        Some(undotted.map_or(span, |words| Span { start: span.start, end: span.start + words.len() }))
    }

    /// Whether the line after the one ending at `content_end` is heading-like. One line is
    /// looked at, and no more of it than a heading can be long.
    fn next_line_is_heading_like(&self, content_end: usize) -> bool {
        let (window, whole) = self.next_line_window(content_end);
        whole && is_heading_like(window)
    }

    /// The start of the line after the one ending at `content_end`, no longer than a heading
    /// can be, and whether that is the whole line.
    fn next_line_window(&self, content_end: usize) -> (&str, bool) {
        let text = self.text;
        let (_, next_start) = super::line_bounds(text, content_end);
        let window_end =
            crate::location::floor_char_boundary(text, (next_start + MAX_HEADING_CHARS * 4).min(text.len()));
        let window = &text[next_start..window_end];
        match window.find(['\n', '\r']) {
            Some(end) => (&window[..end], true),
            None => (window, window_end == text.len()),
        }
    }

    /// Whether a line is the marginal heading of the section numbered on the next line, with
    /// no blank line between it and the text above (`... fine.` then `Offence of trafficking
    /// in persons by means of threat, force, etc.` then `13. Any person ...`): a heading-like
    /// line, or one ending with the dot of `etc.` or of a short heading (`Interpretation.`),
    /// right above a Commonwealth section number.
    pub(super) fn is_marginal_heading_above_section(&self, content: &str, content_end: usize) -> bool {
        let dotted_heading = content.strip_suffix('.').is_some_and(|heading| {
            let short = heading.split_whitespace().count() <= MAX_DOTTED_HEADING_WORDS;
            (short || ends_with_abbreviation(heading))
                && heading.starts_with(char::is_uppercase)
                && is_heading_like(heading)
        });
        if !(is_heading_like(content) || dotted_heading) {
            return false;
        }
        let (next_line, _) = self.next_line_window(content_end);
        let next_line = next_line.trim_start();
        let label = super::label::recognise(next_line).or_else(|| super::label::undotted_section_sentence(next_line));
        label.is_some_and(|label| {
            matches!(label.style, LabelStyle::BareNumber | LabelStyle::UndottedNumber)
                && self.level_of(&label) == Level::Unit(Unit::Section)
        })
    }

    pub(super) fn flush_pending_heading(&mut self) {
        if let Some(span) = self.pending_heading.take() {
            match self.stack.last().copied() {
                Some(top) => self.extend(top, span.end),
                None => {
                    let node = self.push_node(
                        ProvisionKind::Preamble,
                        Level::Preamble,
                        "preamble".to_owned(),
                        span.start,
                        span.start,
                        false,
                    );
                    self.nodes[node].end = span.end;
                }
            }
        }
    }

    /// Read the heading of a keyword (or `5. Heading.—`) provision. Returns where the text
    /// goes on after the heading's dash, when the heading ends at one.
    pub(super) fn keyword_heading(
        &mut self,
        index: usize,
        label: &Label,
        body_start: usize,
        content_end: usize,
        inline_heading: bool,
        only_after_dot_dash: bool,
    ) -> Option<usize> {
        let rest_start = body_start + label.rest;
        let rest = &self.text[rest_start.min(content_end)..content_end];
        if rest.trim().is_empty() {
            if !only_after_dot_dash && (inline_heading || self.nodes[index].level.is_container()) {
                self.expects_heading = Some(index);
            }
            return None;
        }
        if !inline_heading {
            return None;
        }
        // `Definition of Terms. - As used in this Act:` — the heading ends at the dash.
        if let Some(heading_end) = heading_before_dash(rest, only_after_dot_dash) {
            let heading = rest[..heading_end].trim_end();
            let heading = heading.strip_suffix('.').unwrap_or(heading).trim_end();
            if !heading.is_empty() {
                self.nodes[index].heading = Some(Span { start: rest_start, end: rest_start + heading.len() });
            }
            let dash = rest[heading_end..].chars().next().map_or(0, char::len_utf8);
            let after = rest_start + heading_end + dash;
            return Some(
                after + (self.text[after..content_end].len() - self.text[after..content_end].trim_start().len()),
            );
        }
        // `Section 2. Definitions.` on a line of its own.
        let number_dotted = self.text[body_start..body_start + label.printed_len].ends_with('.');
        let short_dotted = number_dotted
            && rest.trim_end().strip_suffix('.').is_some_and(|heading| {
                heading.split_whitespace().count() <= MAX_DOTTED_HEADING_WORDS
                    && is_heading_like(heading)
                    && heading.starts_with(char::is_uppercase)
            });
        if !only_after_dot_dash && (is_heading_like(rest) || short_dotted) {
            let heading = rest.trim_end();
            let heading = heading.strip_suffix('.').unwrap_or(heading);
            self.nodes[index].heading = Some(Span { start: rest_start, end: rest_start + heading.len() });
        }
        None
    }
}

/// Whether the words before a heading's closing dot end with an abbreviation (`force, etc`),
/// whose dot it is (`data/structure.toml`'s `heading_abbreviations`).
fn ends_with_abbreviation(words: &str) -> bool {
    words
        .split_whitespace()
        .last()
        .is_some_and(|last| structure_words().heading_abbreviations.iter().any(|abbreviation| abbreviation == last))
}

/// A short line that does not end like a sentence: `Use of terms`, `PRELIMINARY`.
pub(super) fn is_heading_like(content: &str) -> bool {
    let content = content.trim();
    let last = content.chars().last();
    !content.is_empty()
        && content.chars().count() <= MAX_HEADING_CHARS
        && !matches!(last, Some('.' | ';' | ':' | ',') | None)
        && !last.is_some_and(is_dash)
        && !content.starts_with(is_opening_quote)
        && !content.contains("{{")
}

/// `Definition of Terms. - As used`: the heading's length, when a dash follows it closely.
fn heading_before_dash(rest: &str, only_after_dot: bool) -> Option<usize> {
    let mut previous_space = false;
    for (index, character) in rest.char_indices() {
        if index > MAX_HEADING_CHARS * 4 {
            return None;
        }
        let next_is_space = rest[index + character.len_utf8()..].starts_with(char::is_whitespace);
        let after_dot = rest[..index].trim_end().ends_with('.');
        let separates = if only_after_dot { after_dot } else { after_dot || (previous_space && next_is_space) };
        if is_dash(character) && separates {
            return (rest[..index].trim_end().chars().count() <= MAX_HEADING_CHARS).then_some(index);
        }
        if matches!(character, ';' | ':') {
            return None;
        }
        previous_space = character.is_whitespace();
    }
    None
}
