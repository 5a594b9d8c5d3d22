//! Recognising the number that starts a provision: `Section 4-A.`, `3.—(1)`, `(b)`, `a)`,
//! `มาตรา ๖`, `Điều 2.`, a Roman numeral alone on its line. Everything here looks at one line
//! and never backtracks, so the parser stays linear in the size of the text.

use serde::Deserialize;

use super::words::structure_words;

/// The unit of a keyword label (named in `data/structure.toml` in snake case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Unit {
    Part,
    Chapter,
    /// `Division 271` (Australia).
    Division,
    /// `Subdivision B` (Australia).
    Subdivision,
    /// `Titel XVIII`, `Titre II`, `TÍTULO VII` (civil-law codes), `TITLE I`.
    Title,
    /// `SECTION I`: a section numbered with a Roman numeral, which groups articles (a treaty's
    /// sections), not a section of an act. Read from a section's number, never named.
    #[serde(skip_deserializing)]
    SectionGroup,
    Article,
    Section,
}

impl Unit {
    /// A unit that holds articles or sections and is left out of their eIds.
    pub(crate) fn is_container(self) -> bool {
        matches!(
            self,
            Unit::Part | Unit::Chapter | Unit::Division | Unit::Subdivision | Unit::Title | Unit::SectionGroup
        )
    }
}

/// How a label is written, which decides what it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LabelStyle {
    /// `Section 3.`, `Article 3`, `PART 2`, `มาตรา ๖`.
    Keyword { unit: Unit, inline_heading: bool },
    /// `12.` at the start of a line.
    BareNumber,
    /// `1 Meaning of exploitation`: a number and a heading on their own line.
    BareNumberHeading,
    /// `(1)`, `(a)`, `(i)`.
    Bracketed,
    /// `a)`, `1)`.
    RightParen,
    /// `a.`.
    LetterDot,
    /// `1°`, `2º`.
    Ordinal,
    /// `I` alone on its line.
    RomanAlone,
    /// `I –`, `II. –`: a paragraph numbered with a Roman capital and a dash before its text
    /// (Brazilian incisos, French `I. –`).
    RomanDash,
    /// `§ 1º`: a paragraph of an article numbered after `§` with an ordinal sign (Brazil).
    ParagraphSign,
    /// `First.––`, `Secondly.—`: a paragraph numbered with an English ordinal word (the Indian
    /// and Sri Lankan Penal Codes).
    OrdinalWord,
    /// `118 (1) No person ...`: a section number without a dot, its subsection run in
    /// (Canadian consolidations); `120 A person who ...` under a marginal heading.
    UndottedNumber,
}

/// A recognised label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub style: LabelStyle,
    /// Byte offset where the printed label starts (0 but for an inline subsection).
    pub start: usize,
    /// Byte length of the label as printed, from the start of the examined string.
    pub printed_len: usize,
    /// The number, as used in the eId (`4-A`, `b`, `6`).
    pub number: String,
    /// Byte offset where the rest of the line starts (after separators).
    pub rest: usize,
    /// The label run in after this one on the same line, with its own offsets: the `(1)` of
    /// `3.—(1)` and `ARTICLE 80-(1)`, the `(1)` of `(a)(1)` (itself with the `(A)` of
    /// `(a)(1)(A)`).
    pub run_in: Option<Box<Label>>,
    /// Printed with no space before its text (`(a)Debt bondage`, `1.Slavery is`), as some web
    /// copies print labels: a label only where it starts or continues a list.
    pub tight: bool,
    /// The text after the label starts with a lower-case Latin letter (`1. transfers the person
    /// to,`): a list item, not the start of a Commonwealth section.
    pub text_in_lower_case: bool,
}

pub(crate) fn is_dash(character: char) -> bool {
    matches!(character, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}')
}

pub(crate) fn is_opening_quote(character: char) -> bool {
    matches!(character, '"' | '\u{201C}' | '\u{2018}' | '\'' | '\u{00AB}' | '\u{201E}' | '\u{201F}' | '`')
}

pub(crate) fn is_closing_quote(character: char) -> bool {
    matches!(character, '"' | '\u{201D}' | '\u{2019}' | '\'' | '\u{00BB}' | '\u{201C}' | '\u{2033}')
}

/// Thai, Lao, Bangla and Devanagari digits read as Arabic digits, for eIds.
pub(crate) fn arabic_digit(character: char) -> Option<char> {
    match character {
        '0'..='9' => Some(character),
        '\u{0E50}'..='\u{0E59}' => char::from_digit(character as u32 - 0x0E50, 10),
        '\u{0ED0}'..='\u{0ED9}' => char::from_digit(character as u32 - 0x0ED0, 10),
        '\u{09E6}'..='\u{09EF}' => char::from_digit(character as u32 - 0x09E6, 10),
        '\u{0966}'..='\u{096F}' => char::from_digit(character as u32 - 0x0966, 10),
        _ => None,
    }
}

/// The dot after a section number: `.`, or the danda of Bangla and Hindi drafting (`৩।`).
fn number_dot_len(text: &str) -> usize {
    match text.chars().next() {
        Some('.') => 1,
        Some(danda @ '\u{0964}') => danda.len_utf8(),
        _ => 0,
    }
}

fn is_number_character(character: char) -> bool {
    arabic_digit(character).is_some()
}

/// The eId form of a number: Thai and Lao digits as Arabic, `/` as `-`.
pub(crate) fn normalise_number(number: &str) -> String {
    number
        .chars()
        .filter(|character| !character.is_whitespace())
        .map(|character| match character {
            '/' => '-',
            character if is_dash(character) => '-',
            character => arabic_digit(character).unwrap_or(character),
        })
        .collect()
}

/// A section or article number: digits, then optionally letters and `-A` / `/1` parts
/// (`4`, `4-A`, `15A`, `6/1`, `๖`). Returns its byte length.
fn scan_designator(text: &str) -> usize {
    let mut length = 0;
    let mut chars = text.char_indices().peekable();
    // Leading digits.
    while let Some(&(index, character)) = chars.peek() {
        if is_number_character(character) {
            length = index + character.len_utf8();
            chars.next();
        } else {
            break;
        }
    }
    if length == 0 {
        return 0;
    }
    // A letter suffix (`15A`) and joined parts (`4-A`, `6/1`).
    loop {
        let rest = &text[length..];
        let mut rest_chars = rest.chars();
        match rest_chars.next() {
            Some(letter) if letter.is_ascii_uppercase() && !rest_chars.next().is_some_and(char::is_alphanumeric) => {
                length += 1;
            }
            Some(joiner) if joiner == '/' || is_dash(joiner) => {
                let after = &rest[joiner.len_utf8()..];
                let part: usize = after
                    .char_indices()
                    .take_while(|&(_, character)| is_number_character(character) || character.is_ascii_uppercase())
                    .map(|(index, character)| index + character.len_utf8())
                    .last()
                    .unwrap_or(0);
                // `3.—(1)` is not `3-` followed by a number: a dash must be followed by the part.
                if part == 0 || after[part..].starts_with(|character: char| character.is_alphanumeric()) {
                    return length;
                }
                length += joiner.len_utf8() + part;
            }
            _ => return length,
        }
    }
}

fn is_roman(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_roman_capital)
}

fn is_roman_capital(character: char) -> bool {
    matches!(character, 'I' | 'V' | 'X' | 'L' | 'C')
}

/// The byte length of the Roman capitals `text` starts with.
fn roman_len(text: &str) -> usize {
    text.bytes().take_while(|&byte| is_roman_capital(byte as char)).count()
}

/// `-I` after `VI` (`Chapitre VI-I`): a dash and a Roman or Arabic part joined to a Roman
/// number. Returns its byte length, or 0.
fn joined_roman_len(after: &str) -> usize {
    let Some(joiner) = after.chars().next().filter(|&character| is_dash(character)) else { return 0 };
    let part = &after[joiner.len_utf8()..];
    let length = part.bytes().take_while(|&byte| is_roman_capital(byte as char) || byte.is_ascii_digit()).count();
    if length == 0 || part[length..].starts_with(|character: char| character.is_alphanumeric()) {
        0
    } else {
        joiner.len_utf8() + length
    }
}

fn skip_separators(text: &str, mut offset: usize) -> usize {
    while let Some(character) = text[offset..].chars().next() {
        if character.is_whitespace() || matches!(character, '.' | ':' | ',') || is_dash(character) {
            offset += character.len_utf8();
        } else {
            break;
        }
    }
    offset
}

fn starts_with_lowercase_latin(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|character| character.is_lowercase() && character.is_alphabetic() && (character as u32) < 0x0250)
}

/// What may follow an article's or a section's digits and belong to its number: a lower-case
/// letter (`Artikel 273f`, `§ 232a`), a Latin ordinal after a space or a dash or none
/// (`Article 1 bis`, `Art. 600-bis`, `Article 4ter`). Returns its byte length, or 0.
fn number_suffix_len(after_digits: &str) -> usize {
    let ends_word = |text: &str| !text.starts_with(|character: char| character.is_alphanumeric());
    let mut chars = after_digits.chars();
    if chars.next().is_some_and(|character| character.is_ascii_lowercase()) && ends_word(&after_digits[1..]) {
        return 1;
    }
    let joiner = match after_digits.chars().next() {
        Some(character) if character.is_whitespace() || is_dash(character) => character.len_utf8(),
        _ => 0,
    };
    let word = &after_digits[joiner..];
    // Latin ordinals that number an article inserted after another (`bis`, `quater`).
    structure_words()
        .inserted_ordinals
        .iter()
        .find(|ordinal| word.strip_prefix(ordinal.as_str()).is_some_and(ends_word))
        .map_or(0, |ordinal| joiner + ordinal.len())
}

/// `.1` after `Part 5`: a part numbered within its chapter (`Part 5.1`, Australia). Returns
/// its byte length, or 0.
fn decimal_part_len(after_digits: &str) -> usize {
    let Some(fraction) = after_digits.strip_prefix('.') else { return 0 };
    let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || fraction[digits..].starts_with(|character: char| character.is_alphanumeric()) {
        0
    } else {
        1 + digits
    }
}

/// A keyword label: `Section 4-A.`, `PART II`, `มาตรา ๖`, `§ 7102.`, `22 U.S.C. § 7102.`.
fn keyword_label(line: &str) -> Option<Label> {
    let title = united_states_code_title_len(line);
    let mut label = keyword_label_at_start(&line[title..])?.shifted(title);
    // The printed number is the whole citation, `18 U.S.C. § 1581.`.
    label.start = 0;
    Some(label)
}

/// `18 U.S.C. ` before `§ 1581`: a title of the United States Code, whose section is the
/// number after `§`. Returns the byte length of the title and code, or 0.
fn united_states_code_title_len(line: &str) -> usize {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return 0;
    }
    let after_title = line[digits..].trim_start();
    let Some(after_code) =
        structure_words().titled_codes.iter().find_map(|code| after_title.strip_prefix(code.as_str()))
    else {
        return 0;
    };
    let section_sign = after_code.trim_start();
    if section_sign.starts_with('§') && section_sign.len() < after_code.len() {
        line.len() - section_sign.len()
    } else {
        0
    }
}

fn keyword_label_at_start(line: &str) -> Option<Label> {
    let first_byte = *line.as_bytes().first()?;
    for keyword in &structure_words().unit_keywords {
        // Most lines start with no keyword: one byte compared rejects all but a few.
        if keyword.first_byte != first_byte {
            continue;
        }
        let Some(after_keyword) = line.strip_prefix(keyword.word.as_str()) else { continue };
        let spaces = after_keyword.len() - after_keyword.trim_start().len();
        if spaces == 0 && keyword.space_required {
            continue;
        }
        let (mut unit, inline_heading) = (keyword.unit, keyword.inline_heading);
        let number_start = keyword.word.len() + spaces;
        let rest_of_line = &line[number_start..];
        let mut length = scan_designator(rest_of_line);
        // `Subdivision B`: lettered.
        if length == 0 && unit == Unit::Subdivision {
            length = rest_of_line.bytes().take_while(u8::is_ascii_uppercase).count();
            if length > 2 || rest_of_line[length..].starts_with(|character: char| character.is_alphanumeric()) {
                length = 0;
            }
        }
        // `SECTION I` groups articles: a section numbered by a Roman numeral is a container.
        let roman_section = unit == Unit::Section && keyword.groups_when_roman;
        if length == 0 && (matches!(unit, Unit::Part | Unit::Chapter | Unit::Title) || roman_section) {
            length = roman_len(rest_of_line);
            // `Chapitre VI-I`: a chapter inserted after chapter VI.
            if length > 0 {
                length += joined_roman_len(&rest_of_line[length..]);
            }
            // `Part I` but not `Part Identification`.
            if rest_of_line[length..].starts_with(|character: char| character.is_alphanumeric()) {
                length = 0;
            }
            if length > 0 && unit == Unit::Section {
                unit = Unit::SectionGroup;
            }
        }
        // `Article (1)`: the number in brackets (Gulf drafting in translation).
        let mut bracketed = 0;
        if length == 0 && !unit.is_container() && rest_of_line.starts_with('(') {
            let inner = scan_designator(&rest_of_line[1..]);
            if inner > 0 && rest_of_line[1 + inner..].starts_with(')') {
                bracketed = 1;
                length = inner;
            }
        }
        if length == 0 {
            continue;
        }
        if bracketed == 0 && unit.is_container() {
            length += decimal_part_len(&rest_of_line[length..]);
        } else if bracketed == 0 {
            // `§ 787.06.`, `Sec. 20A.02.`: a decimal section of a state code.
            if unit == Unit::Section {
                length += decimal_part_len(&rest_of_line[length..]);
            }
            length += number_suffix_len(&rest_of_line[length..]);
        }
        let number = &rest_of_line[bracketed..bracketed + length];
        let mut printed_len = number_start + length + 2 * bracketed;
        let after = &line[printed_len..];
        // What may follow a number: the end, a dot, a colon or comma, a space, a dash, a
        // footnote bracket. Anything else (`Section 3A1`, `Section 3of`) is not a label.
        match after.chars().next() {
            None => {}
            Some(character)
                if character.is_whitespace()
                    || matches!(character, '.' | ':' | ',' | '[' | '(')
                    || is_dash(character) => {}
            Some(_) => continue,
        }
        if after.starts_with('.') {
            printed_len += 1;
        }
        let mut rest = skip_separators(line, printed_len);
        // `Article 225-4-1 du Code pénal` alone on its line: the article, named with its code
        // as a web page heads it; the code's name is no heading.
        if names_its_code(&line[rest..]) {
            rest = line.len();
        }
        // `Section 3 of Republic Act No. 9208 is hereby amended`: a sentence, not a label
        // (but `Article 1, point 1` is one).
        let sentence_follows =
            line[printed_len..].starts_with(char::is_whitespace) && starts_with_lowercase_latin(&line[rest..]);
        if sentence_follows {
            continue;
        }
        let run_in = run_in_label(line, printed_len);
        return Some(Label {
            style: LabelStyle::Keyword { unit, inline_heading },
            printed_len,
            number: normalise_number(number),
            rest,
            run_in,
            tight: false,
            text_in_lower_case: false,
            start: 0,
        });
    }
    None
}

/// `I. ` before `Section 3: Offence of trafficking in persons.`: a Roman list label with which
/// a page that quotes a law numbers its excerpts, before the law's own section or article
/// number. Returns its byte length with the spaces after it, or 0.
pub(crate) fn quoting_list_label_len(line: &str) -> usize {
    let roman = roman_len(line);
    if roman == 0 || !line[roman..].starts_with(". ") {
        return 0;
    }
    let after = skip_whitespace(line, roman + 1);
    let quotes_a_unit = keyword_label(&line[after..])
        .is_some_and(|label| matches!(label.style, LabelStyle::Keyword { unit: Unit::Section | Unit::Article, .. }));
    if quotes_a_unit {
        after
    } else {
        0
    }
}

/// `du Code pénal` after `Article 225-4-1`: the rest of a short line names the code the article
/// is in (and the line says nothing else: `Article 3 of this Protocol shall apply` is a
/// sentence).
fn names_its_code(rest: &str) -> bool {
    let rest = rest.trim_end();
    // `du Code `, `del Código `: how a code is named after an article's number.
    let names_a_code = |lead: &String| rest.strip_prefix(lead.as_str()).is_some_and(|name| name.starts_with(' '));
    structure_words().code_names.iter().any(names_a_code)
        && rest.split_whitespace().count() <= 4
        && !rest.ends_with(['.', ';', ':', ','])
}

/// The `(1)` in `3.—(1) Any person`.
fn run_in_label(line: &str, after_number: usize) -> Option<Box<Label>> {
    let mut offset = after_number;
    let mut saw_separator = false;
    let mut saw_dot = false;
    while let Some(character) = line[offset..].chars().next() {
        if is_dash(character) || (character.is_whitespace() && saw_dot) {
            saw_separator = true;
            offset += character.len_utf8();
        } else if number_dot_len(&line[offset..]) > 0 && !saw_separator {
            saw_dot = true;
            offset += character.len_utf8();
        } else {
            break;
        }
    }
    // `3.—(1)` and `1. (1)`: a subsection number, in digits, right after the section's.
    if !saw_separator || !line[offset..].starts_with("(") || !line[offset + 1..].starts_with(is_number_character) {
        return None;
    }
    Some(Box::new(bracketed_label(&line[offset..])?.shifted(offset)))
}

/// The inside of a list label: `1`, `1A`, `a`, `aa`, `ii`, `đ`, `A`, `๑`.
fn list_designator(text: &str) -> usize {
    let digits: usize = text.chars().take_while(|&character| is_number_character(character)).map(char::len_utf8).sum();
    if digits > 0 {
        let suffix = text[digits..].chars().next().filter(char::is_ascii_uppercase).map_or(0, char::len_utf8);
        return digits + suffix;
    }
    let letters: Vec<char> = text.chars().take_while(|character| character.is_alphabetic()).take(5).collect();
    let all_lower = letters.iter().all(|character| character.is_lowercase());
    let all_upper = letters.iter().all(|character| character.is_uppercase());
    let roman = letters.iter().all(|character| matches!(character.to_ascii_lowercase(), 'i' | 'v' | 'x' | 'l'));
    let repeated = letters.windows(2).all(|pair| pair[0] == pair[1]);
    let acceptable = match letters.len() {
        0 => false,
        1 => true,
        2..=4 => (all_lower || all_upper) && (roman || repeated),
        _ => false,
    };
    if acceptable {
        letters.iter().map(|character| character.len_utf8()).sum()
    } else {
        0
    }
}

fn followed_by_break(text: &str) -> bool {
    match text.chars().next() {
        None => true,
        Some(character) => {
            character.is_whitespace() || is_opening_quote(character) || is_dash(character) || character == '{'
        }
    }
}

/// No law runs in more levels than this on one line (`(a)(1)(A)(i)(I)` is five).
const MAX_RUN_IN: usize = 6;

impl Label {
    /// The same label, `by` bytes further into the examined string (with its run-in labels).
    pub(crate) fn shifted(mut self, by: usize) -> Label {
        self.start += by;
        self.printed_len += by;
        self.rest += by;
        self.run_in = self.run_in.map(|label| Box::new(label.shifted(by)));
        self
    }
}

/// `(a)`, `(1)`, `(ii)`, and a run-in `(a)(1)(A)`: each level printed right after the one
/// before it is its label's `run_in`.
fn bracketed_label(line: &str) -> Option<Label> {
    bracketed_run(line, MAX_RUN_IN)
}

fn bracketed_run(line: &str, levels: usize) -> Option<Label> {
    let after_open = line.strip_prefix('(')?;
    // `( a )`, as some web renderings print it.
    let inner = strip_one_space(after_open);
    let leading_space = after_open.len() - inner.len();
    let length = list_designator(inner);
    let before_close = strip_one_space(&inner[length..]);
    let closing = if before_close.starts_with(')') { inner[length..].len() - before_close.len() + 1 } else { 0 };
    if length == 0 || closing == 0 {
        return None;
    }
    let printed_len = 1 + leading_space + length + closing;
    // `(a)(1)`, and `(2) (i) Any person` with a space before a list's first label (Nigeria,
    // Kenya).
    let spaced = line[printed_len..].starts_with(" (").then_some(printed_len + 1);
    let run_in = match levels {
        0 | 1 => None,
        _ => match (line[printed_len..].starts_with('('), spaced) {
            (true, _) => {
                bracketed_run(&line[printed_len..], levels - 1).map(|label| Box::new(label.shifted(printed_len)))
            }
            (false, Some(at)) => bracketed_run(&line[at..], levels - 1)
                .filter(|label| {
                    // `(2) (a) and (b) do not apply`: a cross-reference, not a label.
                    let next_word = line[at + label.rest..].split(|character: char| !character.is_alphabetic()).next();
                    let cross_reference =
                        |word: &str| structure_words().cross_reference_words.iter().any(|known| known == word);
                    matches!(label.number.as_str(), "1" | "a" | "A" | "i" | "I")
                        && !label.tight
                        && !next_word.is_some_and(cross_reference)
                })
                .map(|label| Box::new(label.shifted(at))),
            (false, None) => None,
        },
    };
    if let Some(run_in) = run_in {
        return Some(Label {
            style: LabelStyle::Bracketed,
            printed_len,
            number: normalise_number(&inner[..length]),
            rest: printed_len,
            run_in: Some(run_in),
            tight: false,
            text_in_lower_case: false,
            start: 0,
        });
    }
    // `(a)Debt bondage`: the text run on with no space, as some web copies print it.
    let tight = line[printed_len..].starts_with(char::is_alphabetic);
    if !tight && !followed_by_break(&line[printed_len..]) {
        return None;
    }
    let rest = skip_whitespace(line, printed_len);
    Some(Label {
        style: LabelStyle::Bracketed,
        printed_len,
        number: normalise_number(&inner[..length]),
        rest,
        run_in: None,
        tight,
        text_in_lower_case: false,
        start: 0,
    })
}

/// `text` without one leading whitespace character, if it has one.
fn strip_one_space(text: &str) -> &str {
    match text.chars().next() {
        Some(character) if character.is_whitespace() => &text[character.len_utf8()..],
        _ => text,
    }
}

fn skip_whitespace(line: &str, offset: usize) -> usize {
    offset + (line[offset..].len() - line[offset..].trim_start().len())
}

fn right_paren_label(line: &str) -> Option<Label> {
    let length = list_designator(line);
    if length == 0 || !line[length..].starts_with(')') {
        return None;
    }
    let printed_len = length + 1;
    // `a)` must be followed by text: `a)` alone is not a paragraph.
    if !followed_by_break(&line[printed_len..]) || line[printed_len..].trim().is_empty() {
        return None;
    }
    Some(Label {
        style: LabelStyle::RightParen,
        printed_len,
        number: normalise_number(&line[..length]),
        rest: skip_whitespace(line, printed_len),
        run_in: None,
        tight: false,
        text_in_lower_case: false,
        start: 0,
    })
}

fn letter_dot_label(line: &str) -> Option<Label> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    if !(letter.is_lowercase() && letter.is_alphabetic()) {
        return None;
    }
    let mut length = letter.len_utf8();
    // `aa.` (Indonesian huruf after `z.`)
    if line[length..].starts_with(letter) {
        length += letter.len_utf8();
    }
    if !line[length..].starts_with('.') {
        return None;
    }
    let printed_len = length + 1;
    let after = &line[printed_len..];
    if !after.starts_with(char::is_whitespace) || after.trim().is_empty() {
        return None;
    }
    Some(Label {
        style: LabelStyle::LetterDot,
        printed_len,
        number: line[..length].to_owned(),
        rest: skip_whitespace(line, printed_len),
        run_in: None,
        tight: false,
        text_in_lower_case: false,
        start: 0,
    })
}

/// A decimal section number (Canada, Australia): `279.01 (1) Every person who ...`,
/// `271.2 Offence of trafficking in persons`, `101.1A Definitions`, `12.3` alone on its line.
/// After the number comes the end of the line, a subsection `(1)`, or a capital letter (a
/// heading or a sentence); `2.5 per cent` is a number in a sentence, not a label.
fn decimal_section_label(line: &str) -> Option<Label> {
    let whole = line.bytes().take_while(u8::is_ascii_digit).count();
    if whole == 0 || whole > 4 || !line[whole..].starts_with('.') {
        return None;
    }
    let fraction = line[whole + 1..].bytes().take_while(u8::is_ascii_digit).count();
    if fraction == 0 || fraction > 4 {
        return None;
    }
    let mut length = whole + 1 + fraction;
    // `101.1A`, `270.1AA`.
    let letters = line[length..].bytes().take_while(u8::is_ascii_uppercase).count();
    if letters <= 2 {
        length += letters;
    }
    let after = &line[length..];
    let number = normalise_number(&line[..length]);
    if after.trim().is_empty() {
        return Some(Label {
            style: LabelStyle::BareNumber,
            start: 0,
            printed_len: length,
            number,
            rest: line.len(),
            run_in: None,
            tight: false,
            text_in_lower_case: false,
        });
    }
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = skip_whitespace(line, length);
    let run_in = subsection_label(&line[rest..]).map(|label| Box::new(label.shifted(rest)));
    let starts_upper = line[rest..].starts_with(char::is_uppercase);
    if run_in.is_none() && !starts_upper {
        return None;
    }
    let style = if run_in.is_none() && bare_heading_like(&line[rest..]) {
        LabelStyle::BareNumberHeading
    } else {
        LabelStyle::BareNumber
    };
    Some(Label { style, start: 0, printed_len: length, number, rest, run_in, tight: false, text_in_lower_case: false })
}

/// `12. Any person ...`, `3.—(1) Any person ...`, `1.  This Protocol ...`, `15a. Any ...`.
fn bare_number_label(line: &str) -> Option<Label> {
    let mut length = scan_designator(line);
    // `15a.`, as Malaysian bills number inserted sections.
    if length > 0
        && line[length..].starts_with(|character: char| character.is_ascii_lowercase())
        && line[length + 1..].starts_with('.')
    {
        length += 1;
    }
    let dot = number_dot_len(&line[length..]);
    if length == 0 || length > 8 || dot == 0 {
        return None;
    }
    let printed_len = length + dot;
    let after = &line[printed_len..];
    let number = normalise_number(&line[..length]);
    // `13.` alone on its line, its text on the next.
    if after.trim().is_empty() {
        return Some(Label {
            style: LabelStyle::BareNumber,
            printed_len,
            number,
            rest: line.len(),
            run_in: None,
            tight: false,
            text_in_lower_case: false,
            start: 0,
        });
    }
    let run_in = run_in_label(line, length);
    // `1.— In this Act—` (Ireland): a dash after the dot, then the text.
    let dashed = after
        .chars()
        .next()
        .filter(|&character| is_dash(character))
        .is_some_and(|dash| after[dash.len_utf8()..].starts_with(char::is_whitespace));
    // `1.Slavery is ...`: the text run on with no space, as some web copies print it.
    let tight = run_in.is_none() && after.starts_with(char::is_uppercase);
    let continues = after.starts_with(char::is_whitespace) || run_in.is_some() || dashed || tight;
    if !continues {
        return None;
    }
    // `2. 5 years` or `2.5`: a number, not a provision.
    let rest = skip_separators(line, printed_len);
    if line[rest..].starts_with(|character: char| character.is_ascii_digit()) && run_in.is_none() {
        return None;
    }
    let text_in_lower_case = run_in.is_none() && starts_with_lowercase_latin(&line[rest..]);
    Some(Label {
        style: LabelStyle::BareNumber,
        printed_len,
        number,
        rest,
        run_in,
        tight,
        text_in_lower_case,
        start: 0,
    })
}

/// `1 Meaning of exploitation`, `12A Offence of trafficking`: a section number without a dot,
/// then a heading that fills the line.
fn bare_number_heading_label(line: &str) -> Option<Label> {
    let length = scan_designator(line);
    let digits = line[..length].chars().filter(|character| character.is_ascii_digit()).count();
    if length == 0 || digits > 3 || !line[length..].starts_with(char::is_whitespace) {
        return None;
    }
    let rest = skip_whitespace(line, length);
    bare_heading_like(&line[rest..]).then(|| Label {
        style: LabelStyle::BareNumberHeading,
        start: 0,
        printed_len: length,
        number: normalise_number(&line[..length]),
        rest,
        run_in: None,
        tight: false,
        text_in_lower_case: false,
    })
}

/// The rest of a line after a bare section number is its heading: `Meaning of exploitation`.
fn bare_heading_like(rest: &str) -> bool {
    let heading = rest.trim_end();
    let starts_upper = heading.chars().next().is_some_and(char::is_uppercase);
    let last = heading.chars().last();
    starts_upper
        && heading.chars().count() <= 120
        && heading.split_whitespace().count() <= 16
        && !matches!(last, Some('.' | ';' | ':' | ',') | None)
        && !last.is_some_and(is_dash)
}

/// A subsection number `(1)` at the start of `text` (after a heading's dash).
pub(crate) fn subsection_label(text: &str) -> Option<Label> {
    let inner = text.strip_prefix('(')?;
    if !inner.starts_with(|character: char| character.is_ascii_digit()) {
        return None;
    }
    bracketed_label(text)
}

fn roman_alone_label(line: &str) -> Option<Label> {
    let trimmed = line.trim_end();
    if trimmed.len() <= 6 && is_roman(trimmed) {
        return Some(Label {
            style: LabelStyle::RomanAlone,
            printed_len: trimmed.len(),
            number: trimmed.to_owned(),
            rest: trimmed.len(),
            run_in: None,
            tight: false,
            text_in_lower_case: false,
            start: 0,
        });
    }
    None
}

/// `1°`, `2º)`: a paragraph numbered with an ordinal sign (French, Italian, Spanish and
/// Portuguese drafting).
fn ordinal_label(line: &str) -> Option<Label> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let sign = line[digits..].chars().next().filter(|&character| matches!(character, '\u{00B0}' | '\u{00BA}'))?;
    let mut printed_len = digits + sign.len_utf8();
    // `1°.degene` (a Dutch web copy): after `°.` or `°)` the text may follow with no space.
    let closed = line[printed_len..].starts_with([')', '.']);
    if closed {
        printed_len += 1;
    }
    let run_on = closed && line[printed_len..].starts_with(char::is_alphabetic);
    if !(run_on || followed_by_break(&line[printed_len..])) || line[printed_len..].trim().is_empty() {
        return None;
    }
    Some(Label {
        style: LabelStyle::Ordinal,
        start: 0,
        printed_len,
        number: line[..digits].to_owned(),
        rest: skip_separators(line, printed_len),
        run_in: None,
        tight: false,
        text_in_lower_case: false,
    })
}

/// `I – remover-lhe órgãos`, `II. – Le fait ...`: a Roman capital, a dash, and the text of a
/// paragraph (not a heading like `I – General provisions`; a lone `C` or `L` is a letter).
fn roman_dash_label(line: &str) -> Option<Label> {
    let length = roman_len(line);
    if length == 0 || length > 6 || matches!(&line[..length], "C" | "L") {
        return None;
    }
    let mut printed_len = length;
    if line[printed_len..].starts_with('.') {
        printed_len += 1;
    }
    let after_space = skip_whitespace(line, printed_len);
    if after_space == printed_len {
        return None;
    }
    let dash = line[after_space..].chars().next().filter(|&character| is_dash(character))?;
    let rest = skip_whitespace(line, after_space + dash.len_utf8());
    let text = &line[rest..];
    let heading = text.starts_with(char::is_uppercase) && super::heading::is_heading_like(text);
    if rest == after_space + dash.len_utf8() || rest == line.len() || heading {
        return None;
    }
    Some(Label {
        style: LabelStyle::RomanDash,
        start: 0,
        printed_len,
        number: line[..length].to_owned(),
        rest,
        run_in: None,
        tight: false,
        text_in_lower_case: false,
    })
}

/// `§ 1º A pena ...`: a paragraph of an article numbered after `§` with an ordinal sign
/// (Brazil), numbered 1.
fn paragraph_sign_label(line: &str) -> Option<Label> {
    let after_sign = line.strip_prefix('§')?;
    let number_start = line.len() - after_sign.trim_start().len();
    let digits = line[number_start..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let sign = line[number_start + digits..]
        .chars()
        .next()
        .filter(|&character| matches!(character, '\u{00B0}' | '\u{00BA}'))?;
    let printed_len = number_start + digits + sign.len_utf8();
    if !followed_by_break(&line[printed_len..]) {
        return None;
    }
    Some(Label {
        style: LabelStyle::ParagraphSign,
        start: 0,
        printed_len,
        number: line[number_start..number_start + digits].to_owned(),
        rest: skip_separators(line, printed_len),
        run_in: None,
        tight: false,
        text_in_lower_case: false,
    })
}

/// `First.–– using threats, or`: a paragraph numbered with an ordinal word, a dot and a dash.
fn ordinal_word_label(line: &str) -> Option<Label> {
    // `First`, `Secondly`: the first ordinal word the line starts with, and its number.
    let (word, value) = structure_words().ordinal_words.iter().find(|(word, _)| line.starts_with(word.as_str()))?;
    let after_word = &line[word.len()..];
    let after_dot = after_word.strip_prefix('.')?;
    if !after_dot.starts_with(is_dash) {
        return None;
    }
    let printed_len = word.len() + 1;
    Some(Label {
        style: LabelStyle::OrdinalWord,
        start: 0,
        printed_len,
        number: value.to_string(),
        rest: skip_separators(line, printed_len),
        run_in: None,
        tight: false,
        text_in_lower_case: false,
    })
}

/// `118 (1) No person shall ...`: a section number without a dot and its subsection run in
/// (Canadian consolidations).
fn undotted_section_label(line: &str) -> Option<Label> {
    let length = scan_designator(line);
    let digits = line[..length].chars().filter(char::is_ascii_digit).count();
    if length == 0 || digits > 3 || !line[length..].starts_with(' ') {
        return None;
    }
    let rest = skip_whitespace(line, length);
    let run_in = subsection_label(&line[rest..])?.shifted(rest);
    Some(Label {
        style: LabelStyle::UndottedNumber,
        start: 0,
        printed_len: length,
        number: normalise_number(&line[..length]),
        rest,
        run_in: Some(Box::new(run_in)),
        tight: false,
        text_in_lower_case: false,
    })
}

/// `120 A person who contravenes section 118 ... is guilty of an offence.`: a section number
/// without a dot before a sentence. Only a section under a marginal heading is read so (the
/// parser asks), since `18 U.S.C. 1581 makes ...` starts the same way.
pub(crate) fn undotted_section_sentence(line: &str) -> Option<Label> {
    let length = scan_designator(line);
    let digits = line[..length].chars().filter(char::is_ascii_digit).count();
    if length == 0 || digits > 3 || !line[length..].starts_with(' ') {
        return None;
    }
    let rest = skip_whitespace(line, length);
    let sentence = &line[rest..];
    (sentence.starts_with(char::is_uppercase) && !bare_heading_like(sentence)).then(|| Label {
        style: LabelStyle::UndottedNumber,
        start: 0,
        printed_len: length,
        number: normalise_number(&line[..length]),
        rest,
        run_in: None,
        tight: false,
        text_in_lower_case: false,
    })
}

/// The label at the start of `line` (whitespace and any opening quote already removed).
pub(crate) fn recognise(line: &str) -> Option<Label> {
    keyword_label(line)
        .or_else(|| paragraph_sign_label(line))
        .or_else(|| decimal_section_label(line))
        .or_else(|| bare_number_label(line))
        .or_else(|| bracketed_label(line))
        .or_else(|| ordinal_label(line))
        .or_else(|| right_paren_label(line))
        .or_else(|| letter_dot_label(line))
        .or_else(|| roman_alone_label(line))
        .or_else(|| roman_dash_label(line))
        .or_else(|| ordinal_word_label(line))
        .or_else(|| bare_number_heading_label(line))
        .or_else(|| undotted_section_label(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(line: &str) -> Option<(String, String, String)> {
        recognise(line).map(|label| {
            let style = match label.style {
                LabelStyle::Keyword { unit, .. } => format!("{unit:?}"),
                other => format!("{other:?}"),
            };
            let mut sub = String::new();
            let mut run_in = label.run_in.as_deref();
            while let Some(label) = run_in {
                sub.push_str(&format!("+{}", label.number));
                run_in = label.run_in.as_deref();
            }
            (style, format!("{}{sub}", label.number), line[..label.printed_len].to_owned())
        })
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn numbering_styles_of_the_corpus_and_beyond() {
        let table: &[(&str, Option<(&str, &str, &str)>)] = &[
            ("Section 3. Definition of Terms. - As used", Some(("Section", "3", "Section 3."))),
            ("SEC. 3. Section 3 of Republic Act", Some(("Section", "3", "SEC. 3."))),
            ("Section 4-A. Attempted Trafficking", Some(("Section", "4-A", "Section 4-A."))),
            ("Section 6/1 Whoever", Some(("Section", "6-1", "Section 6/1"))),
            ("3.—(1) Any person who recruits", Some(("BareNumber", "3+1", "3."))),
            ("12. Any person, who traffics", Some(("BareNumber", "12", "12."))),
            ("1.  This Protocol supplements", Some(("BareNumber", "1", "1."))),
            ("Article 3", Some(("Article", "3", "Article 3"))),
            ("(a) any threat of harm", Some(("Bracketed", "a", "(a)"))),
            ("(1) Any person who", Some(("Bracketed", "1", "(1)"))),
            ("(ii) the second", Some(("Bracketed", "ii", "(ii)"))),
            ("(1A) inserted", Some(("Bracketed", "1A", "(1A)"))),
            ("( a ) the individual entering", Some(("Bracketed", "a", "( a )"))),
            ("1. (1) This Act may be cited", Some(("BareNumber", "1+1", "1."))),
            ("Article 1, point 1", Some(("Article", "1", "Article 1"))),
            ("1 Meaning of exploitation", Some(("BareNumberHeading", "1", "1"))),
            ("12A Offence of trafficking", Some(("BareNumberHeading", "12A", "12A"))),
            ("18 years of age", None),
            ("2003 Act of the Assembly", None),
            ("a) To prevent and combat", Some(("RightParen", "a", "a)"))),
            ("đ) Làm nạn nhân chết", Some(("RightParen", "đ", "đ)"))),
            ("a. setiap orang", Some(("LetterDot", "a", "a."))),
            ("Part II", Some(("Part", "II", "Part II"))),
            ("PART 1", Some(("Part", "1", "PART 1"))),
            ("Chapter 1", Some(("Chapter", "1", "Chapter 1"))),
            ("I", Some(("RomanAlone", "I", "I"))),
            ("IV", Some(("RomanAlone", "IV", "IV"))),
            ("มาตรา ๖ ผู้ใด", Some(("Section", "6", "มาตรา ๖"))),
            ("มาตรา ๒[๑] พระราชบัญญัตินี้", Some(("Section", "2", "มาตรา ๒"))),
            ("Điều 2. Giải thích từ ngữ", Some(("Article", "2", "Điều 2."))),
            ("Pasal 1", Some(("Article", "1", "Pasal 1"))),
            ("§ 7102. Definitions", Some(("Section", "7102", "§ 7102."))),
            ("22 U.S.C. § 7102. Definitions", Some(("Section", "7102", "22 U.S.C. § 7102."))),
            ("18 U.S.C. § 1581.", Some(("Section", "1581", "18 U.S.C. § 1581."))),
            ("Sec. 103. Definitions.", Some(("Section", "103", "Sec. 103."))),
            ("Rule 5. Shelter", Some(("Section", "5", "Rule 5."))),
            ("Regulation 12 Interpretation", Some(("Section", "12", "Regulation 12"))),
            ("Reg. 3. Victims", Some(("Section", "3", "Reg. 3."))),
            ("Rule 5 of these Rules applies", None),
            ("18 U.S.C. 1581 makes peonage an offence.", None),
            ("(a)(1) In general", Some(("Bracketed", "a+1", "(a)"))),
            ("(e)(1)(A) the term", Some(("Bracketed", "e+1+A", "(e)"))),
            ("(a)(1)", Some(("Bracketed", "a+1", "(a)"))),
            ("(a)(x", None),
            ("Section 3 of Republic Act No. 9208 is hereby amended", None),
            ("Article 3 of this Protocol", None),
            ("Pasal 2 ayat (1)", None),
            ("In this Act, unless the context otherwise requires—", None),
            ("2.5 per cent", None),
            ("279.01 (1) Every person who recruits", Some(("BareNumber", "279.01+1", "279.01"))),
            ("279.011 (1) Every person who recruits a person under 18", Some(("BareNumber", "279.011+1", "279.011"))),
            ("271.2 Offence of trafficking in persons", Some(("BareNumberHeading", "271.2", "271.2"))),
            ("101.1A Definitions", Some(("BareNumberHeading", "101.1A", "101.1A"))),
            ("12.3", Some(("BareNumber", "12.3", "12.3"))),
            ("45.2 Every person who fails to comply is guilty of an offence.", Some(("BareNumber", "45.2", "45.2"))),
            ("12.3.2020", None),
            ("Article 1 bis", Some(("Article", "1bis", "Article 1 bis"))),
            ("Article 4 ter Heading", Some(("Article", "4ter", "Article 4 ter"))),
            ("Art. 2 quater. Tratta", Some(("Article", "2quater", "Art. 2 quater."))),
            ("Art. 600-bis. Prostituzione minorile", Some(("Article", "600-bis", "Art. 600-bis."))),
            ("Art. 225-4-1", Some(("Article", "225-4-1", "Art. 225-4-1"))),
            ("Article 225-4-1", Some(("Article", "225-4-1", "Article 225-4-1"))),
            ("Art. 149-A. Trata de personas", Some(("Article", "149-A", "Art. 149-A."))),
            ("Artikel 273f", Some(("Article", "273f", "Artikel 273f"))),
            ("ARTICLE 80-(1) A person", Some(("Article", "80+1", "ARTICLE 80"))),
            ("Article 132.", Some(("Article", "132", "Article 132."))),
            ("§ 232 Menschenhandel", Some(("Section", "232", "§ 232"))),
            ("§ 232a Zwangsprostitution", Some(("Section", "232a", "§ 232a"))),
            ("Article 1 bisher", None),
            ("Division 271—Trafficking in persons and debt bondage", Some(("Division", "271", "Division 271"))),
            ("Subdivision B—Offences", Some(("Subdivision", "B", "Subdivision B"))),
            ("Part 5.1—Treason", Some(("Part", "5.1", "Part 5.1"))),
            ("Subdivision Bravo", None),
            ("1° la traite", Some(("Ordinal", "1", "1°"))),
            ("2º) el tráfico", Some(("Ordinal", "2", "2º)"))),
            ("1°", None),
            ("98D. Trafficking in persons", Some(("BareNumber", "98D", "98D."))),
            ("360C Slavery", Some(("BareNumberHeading", "360C", "360C"))),
            ("4A Offence of trafficking", Some(("BareNumberHeading", "4A", "4A"))),
            // United States state codes: a decimal section after `§` or `Sec.`.
            ("§ 787.06. Human trafficking.", Some(("Section", "787.06", "§ 787.06."))),
            ("Sec. 20A.02. Trafficking of persons.", Some(("Section", "20A.02", "Sec. 20A.02."))),
            // Bangla digits and the danda.
            ("৩। (১) ‘‘মানব পাচার’’ অর্থ", Some(("BareNumber", "3+1", "৩।"))),
            ("(২) যেইক্ষেত্রে", Some(("Bracketed", "2", "(২)"))),
            ("(ক) ভয়ভীতি প্রদর্শন", Some(("Bracketed", "ক", "(ক)"))),
            // A number alone on its line; `1.—` before the text (Ireland).
            ("13.", Some(("BareNumber", "13", "13."))),
            ("1.— In this Act—", Some(("BareNumber", "1", "1."))),
            // A list's first label run in after a space (Nigeria); not a later one.
            ("(2) (i) Any person who recruits", Some(("Bracketed", "2+i", "(2)"))),
            ("(2) (b) applies", Some(("Bracketed", "2", "(2)"))),
            ("(2) (a) and (b) of subsection (1) do not apply", Some(("Bracketed", "2", "(2)"))),
            // Labels printed tight against their text (the parser reads them only in a list).
            ("(a)Debt bondage, that is to say", Some(("Bracketed", "a", "(a)"))),
            ("1.Slavery is the status", Some(("BareNumber", "1", "1."))),
            ("1°.degene die een ander", Some(("Ordinal", "1", "1°."))),
            ("1.5 per cent", None),
            // Roman incisos and `§ 1º` paragraphs (Brazil); French `I –`; not a heading.
            ("I – remover-lhe órgãos, tecidos ou partes do corpo;", Some(("RomanDash", "I", "I"))),
            ("IV – adoção ilegal; ou", Some(("RomanDash", "IV", "IV"))),
            ("II. – Le fait de recruter une personne est puni.", Some(("RomanDash", "II", "II."))),
            ("I – General provisions", None),
            ("C – the carrier's duty;", None),
            ("§ 1º A pena é aumentada", Some(("ParagraphSign", "1", "§ 1º"))),
            // Ordinal words (the Indian Penal Code).
            ("First.–– using threats, or", Some(("OrdinalWord", "1", "First."))),
            ("Firstly.—using threats, or", Some(("OrdinalWord", "1", "Firstly."))),
            ("Secondly.—using force", Some(("OrdinalWord", "2", "Secondly."))),
            ("First, the court shall", None),
            // Canadian consolidations: a section without a dot, its subsection run in.
            ("118 (1) No person shall knowingly", Some(("UndottedNumber", "118+1", "118"))),
            ("120 A person who contravenes section 118 or 119 is guilty of an offence.", None),
            // Titles, `SECTION I` groups, `Chapitre VI-I`, Spanish articles.
            ("Titel  XVIII", Some(("Title", "XVIII", "Titel  XVIII"))),
            ("TÍTULO VII", Some(("Title", "VII", "TÍTULO VII"))),
            ("Chapitre VI-I. – De la traite des êtres humains", Some(("Chapter", "VI-I", "Chapitre VI-I."))),
            ("SECTION I", Some(("SectionGroup", "I", "SECTION I"))),
            ("Section IV of the Convention applies", None),
            ("Artículo 129-A.- Trata de personas", Some(("Article", "129-A", "Artículo 129-A."))),
            ("Article 225-4-1 du Code pénal", Some(("Article", "225-4-1", "Article 225-4-1"))),
            ("Article 225-4-1 du Code pénal est modifié comme suit", None),
            ("Partnership", None),
            ("(shall) be", None),
            ("a)", None),
            ("Individual", None),
        ];
        for (line, expected) in table {
            let expected =
                expected.map(|(style, number, printed)| (style.to_owned(), number.to_owned(), printed.to_owned()));
            assert_eq!(shape(line), expected, "line {line:?}");
        }
    }
}
