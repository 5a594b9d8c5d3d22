//! Quoted amendments: the text an amending provision quotes is a provision of the amended
//! instrument, nested under the amending one and marked `quoted`. This decides where such a
//! region opens (amending words and a quote) and where it closes.

use super::label::{is_opening_quote, Label};
use super::level::may_hold;
use super::words::structure_words;
use super::{Level, Parser};

/// How far back (in bytes) the parser looks for the words that make a provision amending.
const AMENDMENT_WINDOW: usize = 2_000;

/// Where a new provision stands relative to quoted amending text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Region {
    Outside,
    Inside,
    /// A quoted `"SEC. 4-B.` with no amending words before it: quoted text starting here.
    OpensAfterClosing,
}

impl Parser<'_> {
    /// Quoted lines after amending words open a quote region; so do unquoted provisions
    /// after `the following section:` (with an amending verb before it), and a quoted line
    /// that starts with a section or article number. An unquoted label that the region cannot
    /// hold closes it. The words are `data/structure.toml`'s `amendment_words`,
    /// `strong_amendment_words` and `amending_verbs`.
    pub(super) fn enter_or_leave_quote_region(&mut self, quoted_line: bool, label: Option<&Label>) -> Region {
        let level = label.map(|label| self.level_of(label));
        let unit_or_higher = level.is_some_and(|level| level.is_container() || matches!(level, Level::Unit(_)));
        let words = structure_words();
        match self.quoted_floor {
            None => {
                let offset = self.stack.last().map_or(0, |&top| self.nodes[top].end);
                if quoted_line && self.in_amending_context(offset, &words.amendment_words) {
                    self.quoted_floor = Some(self.stack.len());
                    return Region::Inside;
                }
                if !quoted_line
                    && label.is_some()
                    && self.in_amending_context(offset, &words.strong_amendment_words)
                    && self.in_amending_context(offset, &words.amending_verbs)
                {
                    self.quoted_floor = Some(self.stack.len());
                    return Region::Inside;
                }
                if quoted_line && unit_or_higher {
                    return Region::OpensAfterClosing;
                }
                Region::Outside
            }
            Some(floor) => {
                let awaited = std::mem::take(&mut self.region_awaits_provision);
                if quoted_line && unit_or_higher && self.own_line_gap_before {
                    // `"SEC. 4-B.` after missing text: what introduced it is not known, so it
                    // is quoted text of its own, not part of the amendment before the gap.
                    self.close_quote_region();
                    return Region::OpensAfterClosing;
                }
                if quoted_line || awaited {
                    return Region::Inside;
                }
                let level = level.unwrap_or(Level::Definition);
                let holder = self.stack[floor..].iter().any(|&index| may_hold(self.nodes[index].level, level));
                if unit_or_higher || !holder {
                    self.quoted_floor = None;
                    Region::Outside
                } else {
                    Region::Inside
                }
            }
        }
    }

    pub(super) fn close_quote_region(&mut self) {
        if let Some(floor) = self.quoted_floor.take() {
            self.stack.truncate(floor);
        }
    }

    pub(super) fn close_quote_region_if_closed(&mut self, content: &str) {
        if self.quoted_floor.is_some() && ends_with_closing_quote(content) {
            self.close_quote_region();
        }
    }

    /// Whether the text before `offset` in the open provision (at most [`AMENDMENT_WINDOW`]
    /// bytes of it) ends as an introduction does and holds one of `words` (lower case).
    pub(super) fn in_amending_context(&self, offset: usize, words: &[String]) -> bool {
        let Some(&top) = self.stack.last() else { return false };
        let window_start = self.nodes[top].start.max(offset.saturating_sub(AMENDMENT_WINDOW));
        let window_start = crate::location::floor_char_boundary(self.text, window_start);
        let offset = crate::location::floor_char_boundary(self.text, offset.min(self.text.len()));
        let before = &self.text[window_start..offset];
        // The cheap test first: most labelled lines follow no introduction, and building the
        // window below for every one of them was a quarter of the parser's time.
        let tail = before.trim_end();
        // `... inserting the following` (`introduction_endings`) ends an introduction too.
        let ends_as_introduction = matches!(self.previous_line_end_char, Some(':' | '—' | '–' | '-'))
            || structure_words().introduction_endings.iter().any(|ending| {
                tail.get(tail.len().saturating_sub(ending.len())..).is_some_and(|end| end.eq_ignore_ascii_case(ending))
            });
        if !ends_as_introduction {
            return false;
        }
        // Whitespace of any kind (a non-breaking space, a tab, a line break) as one space.
        let window = before.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        words.iter().any(|word| window.contains(word.as_str()))
    }
}

/// The byte length of the opening quote a line starts with (`"`, `“`, ``` `` ```), if any.
pub(super) fn opening_quote_len(content: &str) -> (usize, bool) {
    if content.starts_with("``") {
        return (2, true);
    }
    match content.chars().next() {
        Some(character) if is_opening_quote(character) && character != '`' => (character.len_utf8(), true),
        _ => (0, false),
    }
}

/// `F1[ ` before a revised edition's amended words (Ireland's revised acts mark each amendment
/// `F1[ ... ]`): its byte length with the space after it, or 0.
pub(super) fn revision_marker_len(content: &str) -> usize {
    let Some(after_f) = content.strip_prefix('F') else { return 0 };
    let digits = after_f.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 || !after_f[digits..].starts_with('[') {
        return 0;
    }
    let after_bracket = &after_f[digits + 1..];
    let space = after_bracket.chars().next().filter(|character| character.is_whitespace()).map_or(0, char::len_utf8);
    1 + digits + 1 + space
}

/// A line that ends quoted text: `... organs.";`, `... means.”`, `"; and` (the conjunctions are
/// `data/structure.toml`'s `closing_quote_conjunctions`).
fn ends_with_closing_quote(content: &str) -> bool {
    let mut trimmed = content.trim_end();
    for tail in &structure_words().closing_quote_conjunctions {
        if let Some(stripped) = trimmed.strip_suffix(tail.as_str()) {
            if stripped.ends_with(char::is_whitespace) {
                trimmed = stripped.trim_end();
            }
        }
    }
    let trimmed = trimmed.trim_end_matches(['.', ';', ',', ':']);
    trimmed.ends_with(['"', '\u{201D}', '\u{2019}'])
}
