//! The words the structure parser reads, by language: the keywords that number a unit
//! (`Section`, `Điều`, `มาตรา`), the words that make quoted lines an amendment or a line a
//! definition. They are data (`data/structure.toml`, compiled in), read once on first use;
//! the Rust keeps only what is no word of a language (punctuation, quotes, dashes, digits,
//! Roman numerals, Unicode blocks, lexdef's own markers and eId names).
//!
//! Each table of the file is keyed by language and read as one list, the languages in the
//! order of their codes: the parser reads every language's words in every text.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::de::Error as _;
use serde::Deserialize;

pub(super) use crate::fold::Script;

use super::label::Unit;

const BUNDLED: &str = include_str!("../../data/structure.toml");

/// The words of `data/structure.toml`, read on first use.
/// The words of an editor's bracketed note that marks an omission in a bare text (`[text
/// omitted]`, `[... not seen]`), lower case.
pub(crate) fn omission_notes() -> &'static [String] {
    &structure_words().omission_notes
}

pub(super) fn structure_words() -> &'static StructureWords {
    static WORDS: OnceLock<StructureWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        StructureWords::from_toml(BUNDLED)
            .expect("data/structure.toml is compiled in and read by the tests, so it is valid")
    })
}

/// The words of one table, by language code.
type ByLanguage<T> = BTreeMap<String, T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    unit_keywords: ByLanguage<Vec<RawUnitKeywords>>,
    inserted_ordinals: ByLanguage<Vec<String>>,
    code_names: ByLanguage<Vec<String>>,
    titled_codes: ByLanguage<Vec<String>>,
    cross_reference_words: ByLanguage<Vec<String>>,
    ordinal_words: ByLanguage<Vec<Vec<String>>>,
    amendment_words: ByLanguage<Vec<String>>,
    amending_verbs: ByLanguage<Vec<String>>,
    strong_amendment_words: ByLanguage<Vec<String>>,
    introduction_endings: ByLanguage<Vec<String>>,
    closing_quote_conjunctions: ByLanguage<Vec<String>>,
    headword_forms: ByLanguage<Vec<String>>,
    not_headwords: ByLanguage<Vec<String>>,
    headword_qualifiers: ByLanguage<Vec<String>>,
    unspaced_defining_words: ByLanguage<UnspacedDefiningWords>,
    definitions_headings: ByLanguage<Vec<String>>,
    definitions_introductions: ByLanguage<RawDefinitionsIntroduction>,
    heading_abbreviations: ByLanguage<Vec<String>>,
    explanation_openings: ByLanguage<Vec<String>>,
    omission_notes: ByLanguage<Vec<String>>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnitKeywords {
    unit: Unit,
    words: Vec<String>,
    #[serde(default = "yes")]
    inline_heading: bool,
    #[serde(default)]
    groups_when_roman: bool,
    #[serde(default = "yes")]
    space_required: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefinitionsIntroduction {
    opening: String,
    scopes: Vec<String>,
}

/// A keyword that numbers a unit: `Section`, `Điều`, `มาตรา`, `§`.
#[derive(Debug)]
pub(super) struct UnitKeyword {
    pub(super) word: String,
    /// The keyword's first byte, compared before the keyword: most lines start with none.
    pub(super) first_byte: u8,
    pub(super) unit: Unit,
    /// The unit may have a heading (after its number, or on the next line).
    pub(super) inline_heading: bool,
    /// Numbered with a Roman numeral (`SECTION I`), the unit groups articles.
    pub(super) groups_when_roman: bool,
    /// A space must separate the keyword from the number (not after `§`).
    pub(super) space_required: bool,
}

/// The defining words of a language written without spaces between words (`หมายความว่า`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnspacedDefiningWords {
    pub(super) script: Script,
    pub(super) words: Vec<String>,
}

/// How a line introduces definitions: `In this` and then what they apply to (`Act`).
#[derive(Debug)]
pub(super) struct DefinitionsIntroduction {
    /// The opening words and the space after them (`In this `).
    pub(super) opening: String,
    /// What the definitions apply to, lower case (`act`, `division`).
    pub(super) scopes: Vec<String>,
}

/// The words the structure parser reads, every language's in one list of each kind. What each
/// list is for is said in `data/structure.toml`.
#[derive(Debug)]
pub(super) struct StructureWords {
    pub(super) unit_keywords: Vec<UnitKeyword>,
    pub(super) inserted_ordinals: Vec<String>,
    pub(super) code_names: Vec<String>,
    pub(super) titled_codes: Vec<String>,
    pub(super) cross_reference_words: Vec<String>,
    /// Each word and the number it stands for, in the file's order.
    pub(super) ordinal_words: Vec<(String, u32)>,
    pub(super) amendment_words: Vec<String>,
    pub(super) amending_verbs: Vec<String>,
    pub(super) strong_amendment_words: Vec<String>,
    pub(super) introduction_endings: Vec<String>,
    pub(super) closing_quote_conjunctions: Vec<String>,
    pub(super) headword_forms: Vec<String>,
    pub(super) not_headwords: Vec<String>,
    pub(super) headword_qualifiers: Vec<String>,
    pub(super) unspaced_defining_words: Vec<UnspacedDefiningWords>,
    pub(super) definitions_headings: Vec<String>,
    pub(super) definitions_introductions: Vec<DefinitionsIntroduction>,
    pub(super) heading_abbreviations: Vec<String>,
    pub(super) explanation_openings: Vec<String>,
    pub(super) omission_notes: Vec<String>,
}

impl StructureWords {
    /// Read and check the words of a `structure.toml`.
    fn from_toml(text: &str) -> Result<StructureWords, toml::de::Error> {
        let raw: RawWords = toml::from_str(text)?;
        let tables: [(&str, Vec<&String>); 4] = [
            ("unit_keywords", raw.unit_keywords.keys().collect()),
            ("ordinal_words", raw.ordinal_words.keys().collect()),
            ("unspaced_defining_words", raw.unspaced_defining_words.keys().collect()),
            ("definitions_introductions", raw.definitions_introductions.keys().collect()),
        ];
        for (table, languages) in tables {
            languages.into_iter().try_for_each(|language| check_language(table, language))?;
        }
        let mut unit_keywords = Vec::new();
        for (language, groups) in raw.unit_keywords {
            for group in groups {
                if group.groups_when_roman && group.unit != Unit::Section {
                    return Err(invalid(format!(
                        "unit_keywords.{language}: `groups_when_roman` is for sections, not a {:?}",
                        group.unit
                    )));
                }
                for word in group.words {
                    let first_byte = *word
                        .as_bytes()
                        .first()
                        .ok_or_else(|| invalid(format!("unit_keywords.{language}: an empty keyword")))?;
                    unit_keywords.push(UnitKeyword {
                        word,
                        first_byte,
                        unit: group.unit,
                        inline_heading: group.inline_heading,
                        groups_when_roman: group.groups_when_roman,
                        space_required: group.space_required,
                    });
                }
            }
        }
        // A line starts with one keyword at most, so the order they are tried in is no matter.
        for keyword in &unit_keywords {
            if let Some(longer) = unit_keywords
                .iter()
                .find(|other| !std::ptr::eq(*other, keyword) && other.word.starts_with(&keyword.word))
            {
                return Err(invalid(format!(
                    "unit_keywords: the keyword {:?} starts the keyword {:?}: a line may start with one keyword only",
                    keyword.word, longer.word
                )));
            }
        }
        let mut ordinal_words = Vec::new();
        for (language, numbers) in raw.ordinal_words {
            for (index, words) in numbers.into_iter().enumerate() {
                let number = u32::try_from(index + 1).map_err(|_| invalid("ordinal_words: too many numbers"))?;
                for word in words {
                    check_word("ordinal_words", &language, &word)?;
                    ordinal_words.push((word, number));
                }
            }
        }
        let mut unspaced_defining_words = Vec::new();
        for (language, entry) in raw.unspaced_defining_words {
            for word in &entry.words {
                check_word("unspaced_defining_words", &language, word)?;
            }
            unspaced_defining_words.push(entry);
        }
        let mut definitions_introductions = Vec::new();
        for (language, entry) in raw.definitions_introductions {
            check_word("definitions_introductions", &language, &entry.opening)?;
            for scope in &entry.scopes {
                check_lower_case("definitions_introductions", &language, scope)?;
            }
            definitions_introductions.push(DefinitionsIntroduction {
                opening: format!("{} ", entry.opening.trim_end()),
                scopes: entry.scopes,
            });
        }
        Ok(StructureWords {
            unit_keywords,
            inserted_ordinals: flatten("inserted_ordinals", raw.inserted_ordinals, false)?,
            code_names: flatten("code_names", raw.code_names, false)?,
            titled_codes: flatten("titled_codes", raw.titled_codes, false)?,
            cross_reference_words: flatten("cross_reference_words", raw.cross_reference_words, false)?,
            ordinal_words,
            amendment_words: flatten("amendment_words", raw.amendment_words, true)?,
            amending_verbs: flatten("amending_verbs", raw.amending_verbs, true)?,
            strong_amendment_words: flatten("strong_amendment_words", raw.strong_amendment_words, true)?,
            introduction_endings: flatten("introduction_endings", raw.introduction_endings, false)?,
            closing_quote_conjunctions: flatten("closing_quote_conjunctions", raw.closing_quote_conjunctions, false)?,
            headword_forms: flatten("headword_forms", raw.headword_forms, false)?,
            not_headwords: flatten("not_headwords", raw.not_headwords, false)?,
            headword_qualifiers: flatten("headword_qualifiers", raw.headword_qualifiers, false)?,
            unspaced_defining_words,
            definitions_headings: flatten("definitions_headings", raw.definitions_headings, true)?,
            definitions_introductions,
            heading_abbreviations: flatten("heading_abbreviations", raw.heading_abbreviations, false)?,
            explanation_openings: flatten("explanation_openings", raw.explanation_openings, false)?,
            omission_notes: flatten("omission_notes", raw.omission_notes, true)?,
        })
    }
}

/// One table's words, every language's in one list (the languages in the order of their
/// codes, each language's words in the file's order). `lower_case`: the words are looked for
/// in lower-cased text, so each must be written in lower case.
fn flatten(
    table: &str,
    by_language: ByLanguage<Vec<String>>,
    lower_case: bool,
) -> Result<Vec<String>, toml::de::Error> {
    let mut all = Vec::new();
    for (language, words) in by_language {
        check_language(table, &language)?;
        for word in words {
            check_word(table, &language, &word)?;
            if lower_case {
                check_lower_case(table, &language, &word)?;
            }
            all.push(word);
        }
    }
    Ok(all)
}

/// A language code: ISO 639-1 (`en`), or three letters (`zxx`).
fn check_language(table: &str, language: &str) -> Result<(), toml::de::Error> {
    let code = (2..=3).contains(&language.len()) && language.bytes().all(|byte| byte.is_ascii_lowercase());
    if code {
        Ok(())
    } else {
        Err(invalid(format!("{table}: {language:?} is not a language code (`en`, `th`, `zxx`)")))
    }
}

/// An empty word would match every text.
fn check_word(table: &str, language: &str, word: &str) -> Result<(), toml::de::Error> {
    if word.trim().is_empty() {
        Err(invalid(format!("{table}.{language}: an empty word")))
    } else {
        Ok(())
    }
}

fn check_lower_case(table: &str, language: &str, word: &str) -> Result<(), toml::de::Error> {
    if word.to_lowercase() == word {
        Ok(())
    } else {
        Err(invalid(format!("{table}.{language}: {word:?} is looked for in lower-cased text: write it in lower case")))
    }
}

fn invalid(message: impl std::fmt::Display) -> toml::de::Error {
    toml::de::Error::custom(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled file is compiled in: a mistake in it must fail here, not in a user's run.
    #[test]
    fn the_bundled_words_are_valid() {
        let words = StructureWords::from_toml(BUNDLED).unwrap_or_else(|error| panic!("data/structure.toml: {error}"));
        assert!(words.unit_keywords.iter().any(|keyword| keyword.word == "มาตรา" && keyword.unit == Unit::Section));
        assert_eq!(words.ordinal_words.iter().find(|(word, _)| word == "Thirdly").map(|(_, number)| *number), Some(3));
        assert_eq!(words.definitions_introductions[0].opening, "In this ");
    }

    #[test]
    fn mistakes_in_a_words_file_are_errors() {
        let valid = BUNDLED;
        // What is wrong, the bundled text changed, the text it is changed to, and the error's words.
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "an unknown field",
                "words = [\"PART\", \"Part\"] }",
                "words = [\"PART\", \"Part\"], heading = true }",
                "unknown field `heading`",
            ),
            (
                "an unknown unit",
                "unit = \"part\", words = [\"PART\"",
                "unit = \"book\", words = [\"PART\"",
                "unknown variant `book`",
            ),
            (
                "a keyword that starts another",
                "words = [\"PART\", \"Part\"]",
                "words = [\"PART\", \"Part\", \"PARTS\"]",
                "the keyword \"PART\" starts the keyword \"PARTS\"",
            ),
            (
                "a Roman group that is no section",
                "unit = \"part\", words = [\"PART\", \"Part\"]",
                "unit = \"part\", groups_when_roman = true, words = [\"PART\", \"Part\"]",
                "`groups_when_roman` is for sections",
            ),
            ("upper case in a lower-case list", "ms = [\"dipinda\",", "ms = [\"Dipinda\",", "write it in lower case"),
            ("an empty word", "en = [\"etc\"]", "en = [\"etc\", \"\"]", "an empty word"),
            (
                "not a language code",
                "[heading_abbreviations]\nen =",
                "[heading_abbreviations]\nEnglish =",
                "not a language code",
            ),
            ("an unknown script", "script = \"thai\"", "script = \"siamese\"", "unknown variant `siamese`"),
        ];
        for (what, from, to, message) in cases {
            assert!(valid.contains(from), "{what}: the bundled file has no {from:?}");
            let broken = valid.replacen(from, to, 1);
            match StructureWords::from_toml(&broken) {
                Ok(_) => panic!("{what} was accepted"),
                Err(error) => assert!(error.to_string().contains(message), "{what}: {error}"),
            }
        }
        let unknown_table = StructureWords::from_toml(&format!("unknown_table = 1\n{valid}"));
        assert!(unknown_table.is_err_and(|error| error.to_string().contains("unknown field `unknown_table`")));
    }

    #[test]
    fn only_the_scripts_blocks_are_in_them() {
        assert!(Script::Thai.contains('ก') && !Script::Thai.contains('ກ'));
        assert!(Script::Lao.contains('ກ') && !Script::Lao.contains('a'));
    }
}
