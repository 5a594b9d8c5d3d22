//! Defined terms: the quoted term a definition starts with (`"child" means ...`).

use super::amendment::opening_quote_len;
use super::label::is_closing_quote;

/// Defined terms longer than this (in words) are read as a quoted sentence, not a term.
const MAX_TERM_WORDS: usize = 12;

/// Where a defined term sits in a line, relative to the line's start.
pub(super) struct DefinedTerm {
    pub(super) start: usize,
    pub(super) end: usize,
}

/// `"child" means ...`, `“exploitation” includes ...`, `“การค้ามนุษย์” หมายความว่า ...`:
/// a quoted term at the start of the line, followed by the rest of a definition.
pub(super) fn defined_term(content: &str, stops_at_gap: bool) -> Option<DefinedTerm> {
    let (mut quote_len, quoted) = opening_quote_len(content);
    if quoted {
        // `‘ “pemerdagangan orang” ertinya`: a definition quoted inside an amendment's quotes.
        let after_first = &content[quote_len..];
        let inner_quote = after_first.trim_start();
        let (second_len, second) = opening_quote_len(inner_quote);
        if second && after_first[..after_first.len() - inner_quote.len()].chars().count() <= 1 {
            quote_len += after_first.len() - inner_quote.len() + second_len;
        }
        let inner = &content[quote_len..];
        let Some(close) = inner
            .char_indices()
            .find(|&(_, character)| is_closing_quote(character) || character == '`')
            .map(|(index, _)| index)
        else {
            // `“Organized Criminal` and then the source stops: a term whose definition is lost.
            let words = inner.split_whitespace().count();
            let unterminated_term =
                stops_at_gap && words > 0 && words <= MAX_TERM_WORDS && !inner.contains(['.', ';', ':']);
            return unterminated_term.then_some(DefinedTerm { start: quote_len, end: content.len() });
        };
        let term = &inner[..close];
        let closing = inner[close..].chars().next().map_or(0, char::len_utf8);
        let after = &inner[close + closing..];
        let after = after.strip_prefix('\'').unwrap_or(after);
        let words = term.split_whitespace().count();
        let term_ok = !term.trim().is_empty()
            && words <= MAX_TERM_WORDS
            && !term.contains(['.', ';', ':'])
            && !term.starts_with(char::is_whitespace);
        let followed = after.is_empty()
            || after
                .starts_with(|character: char| character.is_whitespace() || matches!(character, ',' | ':' | ';' | '('));
        return (term_ok && followed && !after.trim().is_empty())
            .then_some(DefinedTerm { start: quote_len, end: quote_len + close });
    }
    // Thai drafting without quotes: `ผู้เสียหาย หมายความว่า ...`.
    let (first_word, rest) = content.split_once(char::is_whitespace)?;
    let means = rest.trim_start().starts_with("หมายความว่า");
    let thai = first_word.chars().all(|character| ('\u{0E00}'..='\u{0E7F}').contains(&character));
    (means && thai && !first_word.is_empty()).then_some(DefinedTerm { start: 0, end: first_word.len() })
}
