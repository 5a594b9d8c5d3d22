//! Defined terms: the term a definition starts with. One recogniser of a quoted term serves
//! the structure parser (a line that opens a definition, `"child" means ...`) and the
//! definition extractor (`a) ``Trafficking in persons" shall mean`, `hereinafter "the Act"`),
//! so the two never disagree on what a term is.
//!
//! - A quoted term: an opening quote, the quote that closes it (`"…"`, `“…”`, ``` ``…'' ```,
//!   `‘…’`, `«…»`, `„…“`) within [`MAX_TERM_BYTES`], and between them at most
//!   [`MAX_TERM_WORDS`] words with no `.`, `;` or `:` (a longer quote is a quoted sentence).
//! - A term of a language written without spaces between words, unquoted: its first word,
//!   then a defining word (Thai: `ผู้เสียหาย หมายความว่า ...`).
//! - A headword (Australian drafting: `exploitation means ...`, `debt bondage has the meaning
//!   given by section 270.1A.`): unquoted words at the start of a line, the first in lower
//!   case, then defining words. The parser reads one only where definitions stand (a
//!   definitions section, or after `In this Act:`), since elsewhere `consent is irrelevant`
//!   would be one.
//!
//! The defining words, the words that are never a headword and the like are
//! `data/structure.toml`'s.

use super::amendment::opening_quote_len;
use super::label::is_dash;
use super::words::structure_words;

/// Defined terms longer than this (in words) are read as a quoted sentence, not a term.
const MAX_TERM_WORDS: usize = 12;
/// A quoted term closes within this many bytes of its opening quote.
const MAX_TERM_BYTES: usize = 300;
/// An unquoted headword has at most this many words.
const MAX_HEADWORD_WORDS: usize = 6;
/// `confiscate, in relation to the identity document of a person, means`: the words between
/// a headword's comma and its defining words are at most this long (in bytes).
const MAX_HEADWORD_QUALIFIER_BYTES: usize = 200;

/// A quoted term at the start of a text (after any whitespace): where the term is (without
/// its quotes) and where the text after its closing quote starts, as byte offsets into the
/// text given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuotedTerm {
    /// First byte of the term.
    pub(crate) start: usize,
    /// One past the term's last byte (where its closing quote is).
    pub(crate) end: usize,
    /// First byte after the closing quote.
    pub(crate) after: usize,
}

/// The quoted term `text` starts with, after any whitespace: `"child"`, `“exploitation”`,
/// ``` ``Trafficking in persons'' ```.
pub(crate) fn quoted_term(text: &str) -> Option<QuotedTerm> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let (open_len, closers) = opening_quote(trimmed)?;
    let start = lead + open_len;
    let inner = &text[start..];
    let window = &inner[..crate::location::floor_char_boundary(inner, inner.len().min(MAX_TERM_BYTES))];
    let close = window.find(closers)?;
    let term = &inner[..close];
    if !is_term(term) {
        return None;
    }
    // ``` ``term'' ```: the closing quote is two apostrophes.
    let closing_len = if open_len == 2 && inner[close..].starts_with("''") {
        2
    } else {
        inner[close..].chars().next().map_or(1, char::len_utf8)
    };
    Some(QuotedTerm { start, end: start + close, after: start + close + closing_len })
}

/// The opening quote `text` starts with, its byte length, and the quotes that may close it.
fn opening_quote(text: &str) -> Option<(usize, &'static [char])> {
    const DOUBLE: &[char] = &['"', '\u{201D}', '\u{201C}', '\u{2033}'];
    const BACKTICKS: &[char] = &['"', '\u{201D}', '\u{201C}', '\u{2033}', '\'', '\u{2019}'];
    const LOW_DOUBLE: &[char] = &['\u{201C}', '\u{201D}', '"'];
    const SINGLE: &[char] = &['\u{2019}', '\''];
    const GUILLEMET: &[char] = &['\u{00BB}'];
    if text.starts_with("``") {
        return Some((2, BACKTICKS));
    }
    let first = text.chars().next()?;
    let closers = match first {
        '"' | '\u{201C}' => DOUBLE,
        '\u{201E}' | '\u{201F}' => LOW_DOUBLE,
        '\u{2018}' | '\'' => SINGLE,
        '\u{00AB}' => GUILLEMET,
        _ => return None,
    };
    Some((first.len_utf8(), closers))
}

/// Words that can be a term: not empty, not starting with a space, short, no sentence
/// punctuation.
fn is_term(term: &str) -> bool {
    !term.trim().is_empty()
        && !term.starts_with(char::is_whitespace)
        && term.split_whitespace().count() <= MAX_TERM_WORDS
        && !term.contains(['.', ';', ':'])
}

/// Where a defined term sits in a line, relative to the line's start.
pub(super) struct DefinedTerm {
    pub(super) start: usize,
    pub(super) end: usize,
}

impl DefinedTerm {
    /// The same term, `by` bytes further into the line.
    pub(super) fn shifted(self, by: usize) -> DefinedTerm {
        DefinedTerm { start: self.start + by, end: self.end + by }
    }
}

/// `"child" means ...`, `“exploitation” includes ...`, `“การค้ามนุษย์” หมายความว่า ...`:
/// a quoted term at the start of the line, followed by the rest of a definition.
/// `stops_at_gap`: the source's text stops at the end of the line (a gap marker), so a term
/// whose closing quote is lost with it is a term still.
pub(super) fn defined_term(content: &str, stops_at_gap: bool) -> Option<DefinedTerm> {
    let (quote_len, quoted) = opening_quote_len(content);
    if quoted {
        // `‘ “pemerdagangan orang” ertinya`: a definition quoted inside an amendment's quotes.
        let after_first = &content[quote_len..];
        let inner_quote = after_first.trim_start();
        let space = &after_first[..after_first.len() - inner_quote.len()];
        let nested = opening_quote_len(inner_quote).1 && space.chars().count() <= 1;
        let from = if nested { quote_len + space.len() } else { 0 };
        let Some(found) = quoted_term(&content[from..]) else {
            // `“Organized Criminal` and then the source stops: a term whose definition is lost.
            let start = from + opening_quote_len(&content[from..]).0;
            let inner = &content[start..];
            let unclosed = !inner.contains(|character: char| super::label::is_closing_quote(character));
            let words = inner.split_whitespace().count();
            let unterminated_term = stops_at_gap && unclosed && words > 0 && is_term(inner);
            return unterminated_term.then_some(DefinedTerm { start, end: content.len() });
        };
        let after = &content[from + found.after..];
        let after = after.strip_prefix('\'').unwrap_or(after);
        let followed = after
            .starts_with(|character: char| character.is_whitespace() || matches!(character, ',' | ':' | ';' | '('));
        // `“abuse of a position of vulnerability”—` and then `(a) means ...`: the term
        // introduces the list that defines it.
        let mut rest = after.trim().chars();
        let introduces_list =
            rest.next().is_some_and(|character| character == ':' || is_dash(character)) && rest.next().is_none();
        // `"Abducting and trafficking in a woman or a child"` and then the source stops.
        let cut_off = stops_at_gap && after.trim().is_empty();
        return ((followed && !after.trim().is_empty()) || introduces_list || cut_off)
            .then_some(DefinedTerm { start: from + found.start, end: from + found.end });
    }
    // Drafting without quotes, in a language written without spaces between words: the first
    // word, all in the language's script, then a defining word (`ผู้เสียหาย หมายความว่า ...`).
    let (first_word, rest) = content.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let defined = structure_words().unspaced_defining_words.iter().any(|language| {
        language.words.iter().any(|word| rest.starts_with(word.as_str()))
            && first_word.chars().all(|character| language.script.contains(character))
    });
    (defined && !first_word.is_empty()).then_some(DefinedTerm { start: 0, end: first_word.len() })
}

/// `exploitation means ...`, `servitude is the condition of ...`, `debt bondage has the
/// meaning given by section 270.1A.`, `confiscate, in relation to a document, means ...`: an
/// unquoted headword at the start of the line, its first word in lower case, then defining
/// words.
pub(super) fn headword_term(content: &str) -> Option<DefinedTerm> {
    let known = structure_words();
    // `means`, `has the meaning`: the words after a headword that make it a defined term.
    let defining = |text: &str| known.headword_forms.iter().any(|form| starts_with_defining_words(text, form));
    let mut words = 0;
    let mut end = 0;
    let mut rest = content;
    loop {
        let word_len = rest
            .char_indices()
            .find(|&(_, character)| {
                !(character.is_alphanumeric() || matches!(character, '-' | '\'' | '\u{2019}' | '/'))
            })
            .map_or(rest.len(), |(index, _)| index);
        let word = &rest[..word_len];
        let first_ok =
            if words == 0 { word.starts_with(char::is_lowercase) } else { word.starts_with(char::is_alphabetic) };
        if word.is_empty() || !first_ok {
            return None;
        }
        // `A person who ...`, `This section ...`: a word a sentence starts with, never a headword.
        if words == 0 && known.not_headwords.iter().any(|stop| word.eq_ignore_ascii_case(stop)) {
            return None;
        }
        if words > 0 && defining(rest) {
            return Some(DefinedTerm { start: 0, end });
        }
        words += 1;
        if words > MAX_HEADWORD_WORDS {
            return None;
        }
        end = content.len() - rest.len() + word_len;
        let after = &rest[word_len..];
        // `confiscate, in relation to the identity document of a person, means ...`
        if let Some(qualified) = after.strip_prefix(',').and_then(after_one_space) {
            let window = &qualified
                [..crate::location::floor_char_boundary(qualified, qualified.len().min(MAX_HEADWORD_QUALIFIER_BYTES))];
            let after_qualifier =
                window.match_indices(',').find_map(|(comma, _)| after_one_space(&qualified[comma + 1..]))?;
            let starts_like_qualifier =
                known.headword_qualifiers.iter().any(|lead| starts_with_phrase(qualified, lead));
            return (starts_like_qualifier && defining(after_qualifier)).then_some(DefinedTerm { start: 0, end });
        }
        // One space (of any kind) between the words of a headword; anything else ends it unread.
        rest = after_one_space(after)?;
    }
}

/// `text` after its first character, if that is whitespace of any kind (a space, a
/// non-breaking space, a tab).
fn after_one_space(text: &str) -> Option<&str> {
    let first = text.chars().next().filter(|character| character.is_whitespace())?;
    Some(&text[first.len_utf8()..])
}

/// Whether `text` starts with the defining words `form`, followed by a space or by a comma
/// and a space (`exploitation includes, at a minimum, ...`).
fn starts_with_defining_words(text: &str, form: &str) -> bool {
    starts_with_phrase(text, form)
        || text.strip_prefix(form).and_then(|after| after.strip_prefix(',')).and_then(after_one_space).is_some()
}

/// Whether `text` starts with the words of `phrase`, each followed by one whitespace character
/// of any kind.
fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    let mut rest = text;
    for word in phrase.split(' ') {
        match rest.strip_prefix(word).and_then(after_one_space) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_terms_open_and_close_with_matching_quotes() {
        let table: &[(&str, Option<&str>)] = &[
            ("\"child\" means", Some("child")),
            ("  “exploitation” includes", Some("exploitation")),
            ("``Trafficking in persons'' shall mean", Some("Trafficking in persons")),
            ("``Trafficking in persons\" shall mean", Some("Trafficking in persons")),
            ("‘child’ means", Some("child")),
            ("“child’s guardian” means", Some("child’s guardian")),
            ("«enfant» désigne", Some("enfant")),
            ("„Kind“ ist", Some("Kind")),
            ("\"a quoted sentence. With a full stop\" said", None),
            ("\"one two three four five six seven eight nine ten eleven twelve thirteen\"", None),
            ("\" child\" means", None),
            ("\"\" means", None),
            ("child means", None),
            ("“never closed", None),
        ];
        for (text, expected) in table {
            let found = quoted_term(text).map(|found| &text[found.start..found.end]);
            assert_eq!(found, *expected, "text {text:?}");
        }
        let found = quoted_term("``Trafficking'' shall").expect("a term");
        assert_eq!(&"``Trafficking'' shall"[found.after..], " shall");
    }

    #[test]
    fn a_quoted_term_before_a_dash_or_cut_off_by_a_gap_opens_a_definition() {
        let table: &[(&str, bool, Option<&str>)] = &[
            ("“abuse of a position of vulnerability”—", false, Some("abuse of a position of vulnerability")),
            ("\"exploitation\":", false, Some("exploitation")),
            (
                "\"Abducting and trafficking in a woman or a child\"",
                true,
                Some("Abducting and trafficking in a woman or a child"),
            ),
            ("\"Abducting and trafficking in a woman or a child\"", false, None),
            ("\"child\"— and more", false, None),
            ("F1[ ‘exploitation’ means—", false, None),
        ];
        for (text, stops_at_gap, expected) in table {
            let found = defined_term(text, *stops_at_gap).map(|found| &text[found.start..found.end]);
            assert_eq!(found, *expected, "text {text:?}");
        }
    }

    #[test]
    fn headwords_are_unquoted_words_before_defining_words() {
        let table: &[(&str, Option<&str>)] = &[
            ("exploitation means any of the following:", Some("exploitation")),
            ("debt bondage has the meaning given by section 270.1A.", Some("debt bondage")),
            ("servitude is the condition of a person who", Some("servitude")),
            ("forced labour includes work done under threat", Some("forced labour")),
            ("confiscate, in relation to the identity document of a person, means to take", Some("confiscate")),
            ("public official has the same meaning as in the Dictionary", Some("public official")),
            ("Consent is irrelevant", None),
            ("and the person is not free", None),
            ("A person who recruits another person means well", None),
            ("This section is subject to section 3", None),
            ("exploitation", None),
            ("one two three four five six seven means", None),
            ("(a) the person means", None),
            ("deceive, means", None),
            ("debt\u{a0}bondage has\u{a0}the meaning given by section 270.1A.", Some("debt\u{a0}bondage")),
            // A comma right after the defining words.
            ("exploitation includes, at a minimum, the prostitution of others", Some("exploitation")),
            ("exploitation includes, but is not limited to, forced labour", Some("exploitation")),
            ("child means, for this Part, a person under 18", Some("child")),
            ("exploitation includes,at a minimum", None),
            // A defining word starts a definition's text, never a headword.
            ("includes a person who is the owner or employee of the owner", None),
            ("means an organisation accredited in terms of section 24", None),
        ];
        for (text, expected) in table {
            let found = headword_term(text).map(|found| &text[found.start..found.end]);
            assert_eq!(found, *expected, "text {text:?}");
        }
    }
}
