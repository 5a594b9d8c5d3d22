//! The lexicon: concepts and their aliases, elements and their surface forms, and the
//! patterns that read qualifiers — data, not code (`data/lexicon.toml`, compiled in; users
//! load or extend their own).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::fold::{tokens, tokens_in, Folding, Token};
use crate::ids::{ConceptId, ElementId};
use crate::location::{LineIndex, Location};

const BUNDLED: &str = include_str!("../data/lexicon.toml");
/// The other languages of the bundled lexicon, each in its own file, loaded after English.
const BUNDLED_LANGUAGES: [(&str, &str); 5] = [
    (include_str!("../data/lexicon.id.toml"), "lexicon.id.toml"),
    (include_str!("../data/lexicon.ms.toml"), "lexicon.ms.toml"),
    (include_str!("../data/lexicon.vi.toml"), "lexicon.vi.toml"),
    (include_str!("../data/lexicon.th.toml"), "lexicon.th.toml"),
    (include_str!("../data/lexicon.lo.toml"), "lexicon.lo.toml"),
];

/// How a form matched the words of a law.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum MatchMethod {
    /// The words are the form, letter for letter (case aside).
    Exact,
    /// The words equal the form once folded (spelling, inflection).
    Folded,
    /// A near miss: every word at least `score` similar (normalised Levenshtein).
    Fuzzy {
        /// The lowest word similarity, 0 to 1.
        score: f64,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcept {
    id: Spanned<String>,
    aliases: Vec<Spanned<String>>,
    /// Names of kinds of the concept that a law may define on their own (`sex trafficking`,
    /// `severe forms of trafficking in persons`): each names the concept, and a model of the
    /// concept draws on their definitions too.
    #[serde(default)]
    species: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElement {
    id: Spanned<String>,
    #[serde(default)]
    forms: Vec<Spanned<String>>,
    /// Whether the forms may also be written without their diacritics (Vietnamese typed
    /// without tones, `lua dao` for `lừa đảo`): each then also matches its letters bare.
    #[serde(default)]
    without_tones: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompound {
    form: Spanned<String>,
    #[serde(default)]
    elements: Vec<Spanned<String>>,
    #[serde(default)]
    before_purpose: Vec<Spanned<String>>,
    #[serde(default)]
    after_purpose: Vec<Spanned<String>>,
    #[serde(default)]
    as_act: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    as_means: Vec<Spanned<String>>,
}

/// An element written as a clause with words between (`compelling that person to work`):
/// patterns, `*` standing for up to six words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrasing {
    element: Spanned<String>,
    patterns: Vec<String>,
}

/// Patterns that read qualifiers, by name (see `data/lexicon.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQualifiers {
    #[serde(default)]
    child_age: Vec<String>,
    #[serde(default)]
    consent_irrelevant: Vec<String>,
    #[serde(default)]
    children_without_means: Vec<String>,
    #[serde(default)]
    purpose_markers: Vec<String>,
    #[serde(default)]
    open_list: Vec<String>,
    #[serde(default)]
    closed_list: Vec<String>,
    #[serde(default)]
    residual_open_list: Vec<String>,
    #[serde(default)]
    within_or_across_borders: Vec<String>,
    #[serde(default)]
    across_borders_required: Vec<String>,
    #[serde(default)]
    all_persons: Vec<String>,
    #[serde(default)]
    women_and_children: Vec<String>,
    #[serde(default)]
    children_only: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    version: u32,
    #[serde(default)]
    languages: Vec<String>,
    fuzzy_threshold: Option<f64>,
    fuzzy_min_length: Option<usize>,
    #[serde(default)]
    concepts: Vec<RawConcept>,
    #[serde(default)]
    elements: Vec<RawElement>,
    #[serde(default)]
    compounds: Vec<RawCompound>,
    #[serde(default)]
    phrasings: Vec<RawPhrasing>,
    #[serde(default)]
    qualifiers: RawQualifiers,
    #[serde(default)]
    drafting: crate::drafting::RawDrafting,
    /// Numbers written in words (`eighteen = 18`, `"สิบแปด" = 18`), read where a pattern
    /// has `{age}`.
    #[serde(default)]
    numbers: std::collections::BTreeMap<String, u32>,
}

/// Which elements a form names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Names {
    /// The same elements wherever the form stands.
    Always(Vec<ElementId>),
    /// Elements that depend on whether the form stands before or after the purpose words.
    ByPlace { before_purpose: Vec<ElementId>, after_purpose: Vec<ElementId> },
    /// Elements that depend on the list the form stands in: among the acts (`recruitment,
    /// enticement, harboring`) or among the means (`by means of ... abduction, confinement`).
    ByRole { as_act: Vec<ElementId>, as_means: Vec<ElementId> },
}

/// A surface form, folded, and what it names.
#[derive(Debug, Clone)]
struct Form {
    text: String,
    words: Vec<String>,
    /// The form's words lower-cased but not folded, for near-miss comparison.
    raw_words: Vec<NearWord>,
    names: Names,
    /// The folding of the language of the file that gave the form: its words were folded so,
    /// and it matches words folded so.
    folding: Folding,
}

/// A token pattern: words, `*` (up to six words) and `{age}` (a number, captured).
#[derive(Debug, Clone, PartialEq, Eq)]
enum PatternPart {
    Word(String),
    Gap(usize),
    Number,
}

/// A pattern as written and compiled.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// The pattern as written, for messages and as the form of a phrasing's hit.
    pub(crate) text: String,
    parts: Vec<PatternPart>,
}

/// A pattern found in a text: where, and the number it captured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PatternMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) number: Option<u32>,
}

const GAP_WORDS: usize = 6;
const LONG_GAP_WORDS: usize = 30;

impl Pattern {
    fn compile(text: &str) -> Pattern {
        Pattern::compile_in(text, Folding::English)
    }

    /// A pattern whose words are folded by `folding` (the language of the texts it reads).
    pub(crate) fn compile_in(text: &str, folding: Folding) -> Pattern {
        let parts = text
            .split_whitespace()
            .flat_map(|word| match word {
                "*" => vec![PatternPart::Gap(GAP_WORDS)],
                "**" => vec![PatternPart::Gap(LONG_GAP_WORDS)],
                "{age}" => vec![PatternPart::Number],
                word => tokens_in(word, folding).into_iter().map(|token| PatternPart::Word(token.folded)).collect(),
            })
            .collect();
        Pattern { text: text.to_owned(), parts }
    }

    /// Every place the pattern matches `words` (tokens of some text), leftmost first.
    pub(crate) fn find_all(&self, words: &[Token], text: &str, numbers: &NumberWords) -> Vec<PatternMatch> {
        self.matches(words, text, numbers).collect()
    }

    /// The leftmost place the pattern matches `words`: [`Pattern::find_all`]'s first, without
    /// reading the rest of the text.
    pub(crate) fn find_first(&self, words: &[Token], text: &str, numbers: &NumberWords) -> Option<PatternMatch> {
        self.matches(words, text, numbers).next()
    }

    /// The leftmost match of any of `patterns` (the first of them where two start at the same
    /// word), and which pattern matched: what taking each pattern's [`Pattern::find_first`] and
    /// keeping the leftmost gives, in one pass over the words, each word looked up once among
    /// the patterns' first words.
    pub(crate) fn first_of_any(
        patterns: &[Pattern],
        words: &[Token],
        text: &str,
        numbers: &NumberWords,
    ) -> Option<(usize, PatternMatch)> {
        let mut by_first_word: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
        let mut anywhere: Vec<usize> = Vec::new();
        for (index, pattern) in patterns.iter().enumerate() {
            match pattern.parts.first() {
                Some(PatternPart::Word(word)) => by_first_word.entry(word.as_str()).or_default().push(index),
                _ => anywhere.push(index),
            }
        }
        let mut tried: Vec<usize> = Vec::new();
        for (position, word) in words.iter().enumerate() {
            tried.clear();
            tried.extend_from_slice(by_first_word.get(word.folded.as_str()).map_or(&[][..], Vec::as_slice));
            if !anywhere.is_empty() {
                tried.extend_from_slice(&anywhere);
                tried.sort_unstable();
            }
            for &index in &tried {
                if let Some((end, number)) = patterns[index].match_at(words, text, numbers, position, 0, None) {
                    return Some((index, PatternMatch { start: word.start, end: words[end - 1].end, number }));
                }
            }
        }
        None
    }

    /// The matches of [`Pattern::find_all`], found as they are asked for. A pattern that
    /// opens with a word is tried only where that word stands.
    fn matches<'a>(
        &'a self,
        words: &'a [Token],
        text: &'a str,
        numbers: &'a NumberWords,
    ) -> impl Iterator<Item = PatternMatch> + 'a {
        let first_word = match self.parts.first() {
            Some(PatternPart::Word(word)) => Some(word.as_str()),
            _ => None,
        };
        let mut start = 0;
        std::iter::from_fn(move || {
            while start < words.len() {
                if first_word.is_some_and(|first| words[start].folded != first) {
                    start += 1;
                    continue;
                }
                if let Some((end, number)) = self.match_at(words, text, numbers, start, 0, None) {
                    let found = PatternMatch { start: words[start].start, end: words[end - 1].end, number };
                    start = end;
                    return Some(found);
                }
                start += 1;
            }
            None
        })
    }

    fn match_at(
        &self,
        words: &[Token],
        text: &str,
        numbers: &NumberWords,
        position: usize,
        part: usize,
        number: Option<u32>,
    ) -> Option<(usize, Option<u32>)> {
        let Some(current) = self.parts.get(part) else {
            return (position > 0).then_some((position, number));
        };
        match current {
            PatternPart::Word(word) => {
                let token = words.get(position)?;
                // A pattern's run of words is whole words (in Thai, not the end of a longer word).
                let opens_a_run = part == 0 || !matches!(self.parts[part - 1], PatternPart::Word(_));
                let closes_a_run = !matches!(self.parts.get(part + 1), Some(PatternPart::Word(_)));
                (token.folded == *word && (!opens_a_run || token.starts_word) && (!closes_a_run || token.ends_word))
                    .then_some(())?;
                self.match_at(words, text, numbers, position + 1, part + 1, number)
            }
            PatternPart::Number => {
                let (mut value, mut next) = numbers.at(words, text, position)?;
                // `twenty-four`, `ยี่สิบสี่`: a tens word and a unit word are one number.
                if value % 10 == 0 && value >= 20 {
                    if let Some((unit, after)) = numbers.at(words, text, next).filter(|(unit, _)| *unit < 10) {
                        value += unit;
                        next = after;
                    }
                }
                self.match_at(words, text, numbers, next, part + 1, Some(value))
            }
            // A gap does not run past the end of a sentence (`... irrelevant. The parties agreed`).
            PatternPart::Gap(limit) => {
                for skip in 0..=*limit {
                    let at = position + skip;
                    if at > words.len() || (at > 0 && at < words.len() && sentence_ends_before(words, text, at)) {
                        return None;
                    }
                    if let Some(found) = self.match_at(words, text, numbers, at, part + 1, number) {
                        return Some(found);
                    }
                }
                None
            }
        }
    }
}

/// Whether a sentence ends between word `at - 1` and word `at`: a full stop, then a line break
/// or a capital (`s. 3` and `No. 21` go on).
fn sentence_ends_before(words: &[Token], text: &str, at: usize) -> bool {
    let between = &text[words[at - 1].end..words[at].start];
    between
        .find('.')
        .is_some_and(|dot| between[dot + 1..].contains('\n') || text[words[at].start..].starts_with(char::is_uppercase))
}

/// Numbers written in words, each as folded words with its value, the longest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct NumberWords(Vec<(Vec<String>, u32)>);

impl NumberWords {
    fn add(&mut self, written: &str, value: u32) {
        let words: Vec<String> = tokens(written).into_iter().map(|token| token.folded).collect();
        if !words.is_empty() && !self.0.iter().any(|(known, _)| *known == words) {
            self.0.push((words, value));
            self.0.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
    }

    /// The number written at `position` (digits of any script, or words), and the token after it.
    fn at(&self, words: &[Token], text: &str, position: usize) -> Option<(u32, usize)> {
        let token = words.get(position)?;
        if let Some(value) = crate::fold::decimal_value(&text[token.start..token.end]) {
            return Some((value, position + 1));
        }
        self.0
            .iter()
            .find(|(number, _)| crate::fold::phrase_at(words, position, number))
            .map(|(number, value)| (*value, position + number.len()))
    }
}

/// The compiled qualifier patterns.
#[derive(Debug, Clone, Default)]
pub(crate) struct QualifierPatterns {
    pub(crate) numbers: NumberWords,
    pub(crate) child_age: Vec<Pattern>,
    pub(crate) consent_irrelevant: Vec<Pattern>,
    pub(crate) children_without_means: Vec<Pattern>,
    pub(crate) purpose_markers: Vec<Pattern>,
    pub(crate) open_list: Vec<Pattern>,
    pub(crate) closed_list: Vec<Pattern>,
    pub(crate) residual_open_list: Vec<Pattern>,
    pub(crate) within_or_across_borders: Vec<Pattern>,
    pub(crate) across_borders_required: Vec<Pattern>,
    pub(crate) all_persons: Vec<Pattern>,
    pub(crate) women_and_children: Vec<Pattern>,
    pub(crate) children_only: Vec<Pattern>,
}

impl QualifierPatterns {
    /// The patterns that read a qualifier or a list's openness: words they match are read.
    pub(crate) fn reading_patterns(&self) -> impl Iterator<Item = &Pattern> {
        [
            &self.child_age,
            &self.consent_irrelevant,
            &self.children_without_means,
            &self.open_list,
            &self.closed_list,
            &self.residual_open_list,
            &self.within_or_across_borders,
            &self.across_borders_required,
        ]
        .into_iter()
        .flatten()
    }
}

/// An element found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementHit {
    /// Which element.
    pub element: ElementId,
    /// Byte span of the words, relative to the text searched.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// How they matched.
    pub method: MatchMethod,
    /// The form they matched.
    pub form: String,
}

/// Concepts, elements and qualifier patterns. Build with [`Lexicon::bundled`] or
/// [`Lexicon::from_toml`]; add to it with [`Lexicon::extend`].
#[derive(Debug, Clone)]
pub struct Lexicon {
    languages: Vec<String>,
    fuzzy_threshold: f64,
    fuzzy_min_length: usize,
    concepts: BTreeMap<ConceptId, Vec<String>>,
    elements: BTreeMap<ElementId, Vec<String>>,
    forms: Vec<Form>,
    by_first_word: HashMap<String, Vec<usize>>,
    /// Forms by the first and by the last letter of their first word (lower-cased, not
    /// folded): the only forms a long word can nearly match (see `fuzzy_at`).
    near_by_first_letter: HashMap<char, Vec<usize>>,
    near_by_last_letter: HashMap<char, Vec<usize>>,
    /// Folded alias → concept.
    aliases: HashMap<String, ConceptId>,
    /// The most words (tokens) a concept's name has: `severe forms of trafficking in persons`
    /// has six; a Thai name, a token per letter cluster, many more.
    longest_name: usize,
    /// Each concept name's folded words, by its first word.
    names_by_first_word: HashMap<String, Vec<(Vec<String>, ConceptId)>>,
    /// Folded names of species of a concept (`sex trafficking`).
    species: std::collections::HashSet<String>,
    pub(crate) qualifiers: QualifierPatterns,
    pub(crate) drafting: crate::drafting::DraftingWords,
    /// Elements written as clauses (`[[phrasings]]`).
    phrasings: Vec<(ElementId, Pattern)>,
}

impl Lexicon {
    /// The lexicon shipped with lexdef (`crates/lexdef/data/lexicon.toml`).
    pub fn bundled() -> Lexicon {
        let mut lexicon =
            Lexicon::from_toml(BUNDLED, "lexicon.toml").expect("the bundled lexicon is valid: its tests load it");
        for (text, file) in BUNDLED_LANGUAGES {
            lexicon
                .extend_from_toml(text, file)
                .expect("the bundled lexicon's languages are valid: its tests load them");
        }
        lexicon
    }

    /// The bundled lexicon, built once per process.
    pub fn shared() -> &'static Lexicon {
        static SHARED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        SHARED.get_or_init(Lexicon::bundled)
    }

    /// Read a lexicon file; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Lexicon> {
        let lines = LineIndex::new(text);
        let locate = |span: Option<std::ops::Range<usize>>| {
            let (line, column) = lines.line_column(text, span.map_or(0, |span| span.start));
            Location { file: file.to_owned(), line, column }
        };
        let raw: RawLexicon = toml::from_str(text).map_err(|error| Error::Lexicon {
            location: locate(error.span()),
            message: error.message().trim().to_owned(),
        })?;
        if raw.version != 1 {
            return Err(Error::Lexicon {
                location: locate(None),
                message: format!("lexicon version {} is not supported (expected 1)", raw.version),
            });
        }
        let mut lexicon = Lexicon {
            languages: raw.languages.clone(),
            fuzzy_threshold: raw.fuzzy_threshold.unwrap_or(0.88),
            fuzzy_min_length: raw.fuzzy_min_length.unwrap_or(6),
            concepts: BTreeMap::new(),
            elements: BTreeMap::new(),
            forms: Vec::new(),
            by_first_word: HashMap::new(),
            near_by_first_letter: HashMap::new(),
            near_by_last_letter: HashMap::new(),
            aliases: HashMap::new(),
            longest_name: 0,
            names_by_first_word: HashMap::new(),
            species: Default::default(),
            phrasings: Vec::new(),
            qualifiers: QualifierPatterns::default(),
            drafting: Default::default(),
        };
        lexicon.add(raw, file, text)?;
        Ok(lexicon)
    }

    /// Add another lexicon's concepts, aliases, elements, forms and patterns to this one
    /// (e.g. a researcher's synonyms). A form that already names another element is an error.
    pub fn extend_from_toml(&mut self, text: &str, file: &str) -> Result<()> {
        let raw: RawLexicon = toml::from_str(text).map_err(|error| {
            let lines = LineIndex::new(text);
            let (line, column) = lines.line_column(text, error.span().map_or(0, |span| span.start));
            Error::Lexicon {
                location: Location { file: file.to_owned(), line, column },
                message: error.message().trim().to_owned(),
            }
        })?;
        // Added to a copy, which replaces this lexicon only when all of it is added: a file
        // refused half-way leaves the lexicon as it was.
        let mut extended = self.clone();
        for language in &raw.languages {
            if !extended.languages.contains(language) {
                extended.languages.push(language.clone());
            }
        }
        extended.add(raw, file, text)?;
        *self = extended;
        Ok(())
    }

    fn add(&mut self, raw: RawLexicon, file: &str, text: &str) -> Result<()> {
        // A file's forms are folded by its (first) language: `perekrutan` as Indonesian.
        let folding = raw.languages.first().map_or(Folding::English, |code| Folding::of_language(code));
        // Every value keeps its span in the file, so an error points at the very value (not
        // at the first place its words occur), and the lines are indexed once.
        let lines = LineIndex::new(text);
        let location_of = |value: &Spanned<String>| {
            // At the first character of the value, inside its quotes.
            let written = text.get(value.span()).unwrap_or_default();
            let quotes = ["\"\"\"", "'''", "\"", "'"]
                .iter()
                .find(|quote| written.starts_with(**quote))
                .map_or(0, |quote| quote.len());
            let (line, column) = lines.line_column(text, value.span().start + quotes);
            Location { file: file.to_owned(), line, column }
        };
        let parse_element = |id: &Spanned<String>| -> Result<ElementId> {
            id.get_ref().parse().map_err(|_| Error::Lexicon {
                location: location_of(id),
                message: format!(
                    "`{}` is not an element id (expected `act.x`, `means.x`, `purpose.x` or `protection.x`)",
                    id.get_ref()
                ),
            })
        };
        let mut added_aliases = Vec::new();
        for concept in raw.concepts {
            let id: ConceptId = concept.id.get_ref().parse().map_err(|_| Error::Lexicon {
                location: location_of(&concept.id),
                message: format!("`{}` is not a concept id", concept.id.get_ref()),
            })?;
            for species in &concept.species {
                self.species.insert(fold_phrase(species.get_ref()));
            }
            let names: Vec<&Spanned<String>> = concept.aliases.iter().chain(&concept.species).collect();
            for alias in names {
                let folded = fold_phrase(alias.get_ref());
                if let Some(other) = self.aliases.get(&folded) {
                    if *other != id {
                        return Err(Error::Lexicon {
                            location: location_of(alias),
                            message: format!("the alias `{}` already names the concept `{other}`", alias.get_ref()),
                        });
                    }
                }
                let name: Vec<String> = folded.split(' ').map(str::to_owned).collect();
                self.longest_name = self.longest_name.max(name.len());
                if !self.aliases.contains_key(&folded) {
                    self.names_by_first_word.entry(name[0].clone()).or_default().push((name, id.clone()));
                }
                self.aliases.insert(folded, id.clone());
                added_aliases.push((id.clone(), alias.clone()));
            }
            self.concepts.entry(id).or_default().extend(concept.aliases.into_iter().map(Spanned::into_inner));
        }
        if let Some((concept, alias, cycle)) = self.concept_cycle(&added_aliases) {
            return Err(Error::Lexicon {
                location: location_of(alias),
                message: format!(
                    "concepts name each other in a cycle ({cycle}): the alias `{}` of `{concept}` is the name of another concept of the cycle, so each name of the cycle means another concept than the one it names (hint: give each concept its own name as an alias)",
                    alias.get_ref()
                ),
            });
        }
        for element in raw.elements {
            let id = parse_element(&element.id)?;
            for form in &element.forms {
                self.add_form(form.get_ref(), Names::Always(vec![id.clone()]), folding, &location_of(form))?;
                let bare = crate::fold::without_diacritics(form.get_ref());
                if element.without_tones && bare != *form.get_ref() {
                    self.add_form(&bare, Names::Always(vec![id.clone()]), folding, &location_of(form))?;
                }
            }
            self.elements.entry(id).or_default().extend(element.forms.into_iter().map(Spanned::into_inner));
        }
        for phrasing in raw.phrasings {
            let id = parse_element(&phrasing.element)?;
            if !self.elements.contains_key(&id) {
                return Err(Error::Lexicon {
                    location: location_of(&phrasing.element),
                    message: format!("the phrasing names `{id}`, which is no element of the lexicon"),
                });
            }
            self.phrasings.extend(phrasing.patterns.iter().map(|pattern| (id.clone(), Pattern::compile(pattern))));
        }
        for compound in raw.compounds {
            let list = |ids: &[Spanned<String>]| ids.iter().map(&parse_element).collect::<Result<Vec<_>>>();
            let names = if let Some(as_act) = &compound.as_act {
                Names::ByRole { as_act: list(as_act)?, as_means: list(&compound.as_means)? }
            } else if compound.elements.is_empty() {
                Names::ByPlace {
                    before_purpose: list(&compound.before_purpose)?,
                    after_purpose: list(&compound.after_purpose)?,
                }
            } else {
                Names::Always(list(&compound.elements)?)
            };
            let mentioned: Vec<ElementId> = match &names {
                Names::Always(ids) => ids.clone(),
                Names::ByPlace { before_purpose, after_purpose } => {
                    before_purpose.iter().chain(after_purpose).cloned().collect()
                }
                Names::ByRole { as_act, as_means } => as_act.iter().chain(as_means).cloned().collect(),
            };
            for id in mentioned {
                if !self.elements.contains_key(&id) {
                    return Err(Error::Lexicon {
                        location: location_of(&compound.form),
                        message: format!(
                            "the compound `{}` names `{id}`, which is no element of the lexicon",
                            compound.form.get_ref()
                        ),
                    });
                }
            }
            self.add_form(compound.form.get_ref(), names, folding, &location_of(&compound.form))?;
        }
        let compile =
            |patterns: Vec<String>| patterns.iter().map(|pattern| Pattern::compile(pattern)).collect::<Vec<_>>();
        let qualifiers = raw.qualifiers;
        self.qualifiers.child_age.extend(compile(qualifiers.child_age));
        self.qualifiers.consent_irrelevant.extend(compile(qualifiers.consent_irrelevant));
        self.qualifiers.children_without_means.extend(compile(qualifiers.children_without_means));
        self.qualifiers.purpose_markers.extend(compile(qualifiers.purpose_markers));
        self.qualifiers.open_list.extend(compile(qualifiers.open_list));
        self.qualifiers.closed_list.extend(compile(qualifiers.closed_list));
        self.qualifiers.residual_open_list.extend(compile(qualifiers.residual_open_list));
        self.qualifiers.within_or_across_borders.extend(compile(qualifiers.within_or_across_borders));
        self.qualifiers.across_borders_required.extend(compile(qualifiers.across_borders_required));
        self.qualifiers.all_persons.extend(compile(qualifiers.all_persons));
        self.qualifiers.women_and_children.extend(compile(qualifiers.women_and_children));
        self.qualifiers.children_only.extend(compile(qualifiers.children_only));
        self.drafting.extend(raw.drafting);
        for (written, value) in &raw.numbers {
            self.qualifiers.numbers.add(written, *value);
        }
        Ok(())
    }

    /// A cycle among concepts through their names: concept A has as an alias the name of
    /// concept B (its id in words: `young_person` is "young person"), B the name of C, ...,
    /// and one the name of A. Each term of the cycle then means another concept than the one
    /// it names. Returns the alias of `added` that comes first in the file among those that
    /// make the cycle, with its concept and the cycle written out.
    ///
    /// A concept's name leads to at most one concept, so the names form a functional graph
    /// and one walk from each concept, never revisiting one, finds every cycle (linear time).
    fn concept_cycle<'a>(
        &self,
        added: &'a [(ConceptId, Spanned<String>)],
    ) -> Option<(ConceptId, &'a Spanned<String>, String)> {
        let name_of = |concept: &ConceptId| fold_phrase(&concept.as_str().replace('_', " "));
        let next = |concept: &ConceptId| -> Option<&ConceptId> {
            self.aliases.get(&name_of(concept)).filter(|target| *target != concept)
        };
        // 1: on the walk under way; 2: done.
        let mut state: HashMap<&ConceptId, u8> = HashMap::new();
        for start in self.concepts.keys() {
            let mut walk: Vec<&ConceptId> = Vec::new();
            let mut current = Some(start);
            while let Some(concept) = current {
                match state.get(concept) {
                    Some(2) => break,
                    Some(_) => {
                        let from = walk.iter().position(|step| *step == concept).expect("on the walk");
                        let cycle = &walk[from..];
                        // The edge `a → b` is the alias of `b` that is the name of `a`.
                        let edges: Vec<(&ConceptId, String)> = (0..cycle.len())
                            .map(|step| (cycle[(step + 1) % cycle.len()], name_of(cycle[step])))
                            .collect();
                        let closing = added.iter().find(|(owner, alias)| {
                            edges.iter().any(|(target, name)| *target == owner && fold_phrase(alias.get_ref()) == *name)
                        });
                        if let Some((owner, alias)) = closing {
                            let mut written: Vec<String> = cycle.iter().map(ToString::to_string).collect();
                            written.push(cycle[0].to_string());
                            return Some((owner.clone(), alias, written.join(" → ")));
                        }
                        break;
                    }
                    None => {
                        state.insert(concept, 1);
                        walk.push(concept);
                        current = next(concept);
                    }
                }
            }
            for concept in walk {
                state.insert(concept, 2);
            }
        }
        None
    }

    fn add_form(&mut self, form: &str, names: Names, folding: Folding, location: &Location) -> Result<()> {
        let words: Vec<String> = tokens_in(form, folding).into_iter().map(|token| token.folded).collect();
        if words.is_empty() {
            return Err(Error::Lexicon {
                location: location.clone(),
                message: format!("the form `{form}` has no words"),
            });
        }
        if let Some(existing) =
            self.forms.iter().find(|existing| existing.words == words && existing.folding == folding)
        {
            if existing.names != names {
                return Err(Error::Lexicon {
                    location: location.clone(),
                    message: format!(
                        "the form `{form}` is already a form of `{}` (as `{}`); a form names one thing",
                        names_label(&existing.names),
                        existing.text
                    ),
                });
            }
            return Ok(());
        }
        let index = self.forms.len();
        self.by_first_word.entry(words[0].clone()).or_default().push(index);
        let raw_words: Vec<NearWord> =
            tokens(form).into_iter().map(|token| NearWord::of(&form[token.start..token.end])).collect();
        if let Some(first) = raw_words.first().map(|word| &word.lower) {
            for (letters, letter) in [
                (&mut self.near_by_first_letter, first.chars().next()),
                (&mut self.near_by_last_letter, first.chars().next_back()),
            ] {
                if let Some(letter) = letter {
                    letters.entry(letter).or_default().push(index);
                }
            }
        }
        self.forms.push(Form { text: form.to_owned(), words, raw_words, names, folding });
        Ok(())
    }

    /// The languages (ISO 639-1) whose texts this lexicon can model.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// Every element id, sorted.
    pub fn element_ids(&self) -> impl Iterator<Item = &ElementId> {
        self.elements.keys()
    }

    /// Every concept id, sorted.
    pub fn concept_ids(&self) -> impl Iterator<Item = &ConceptId> {
        self.concepts.keys()
    }

    /// The concept named `name`, if the lexicon has it.
    pub fn concept(&self, name: &str) -> Result<ConceptId> {
        name.parse::<ConceptId>().ok().filter(|concept| self.concepts.contains_key(concept)).ok_or_else(|| {
            Error::UnknownConcept {
                name: name.to_owned(),
                known: self.concepts.keys().map(ToString::to_string).collect(),
            }
        })
    }

    /// The element `id`, if the lexicon has it.
    pub fn element(&self, id: &str) -> Result<ElementId> {
        id.parse::<ElementId>().ok().filter(|element| self.elements.contains_key(element)).ok_or_else(|| {
            let similar = self.similar_element_ids(id);
            let expected = if similar.is_empty() {
                "an element id of the lexicon, e.g. `means.abuse_of_vulnerability`".to_owned()
            } else {
                let named: Vec<String> = similar.iter().map(|id| format!("`{id}`")).collect();
                format!("an element id of the lexicon (did you mean {}?)", named.join(", "))
            };
            Error::InvalidValue { what: "element", value: id.to_owned(), expected }
        })
    }

    /// The element ids close to `id`, at most five, sorted: those whose name (after the
    /// family) holds the name asked for or is held in it (`means.vulnerability`:
    /// `means.abuse_of_vulnerability`), and those at most three edits away
    /// (`act.recruitement`: `act.recruitment`).
    pub fn similar_element_ids(&self, id: &str) -> Vec<String> {
        let wanted = id.trim().to_lowercase();
        let wanted_name = wanted.rsplit('.').next().unwrap_or_default();
        if wanted_name.is_empty() {
            return Vec::new();
        }
        let mut similar: Vec<(usize, String)> = self
            .elements
            .keys()
            .filter_map(|known| {
                let known = known.as_str();
                let name = known.rsplit('.').next().unwrap_or(known);
                let distance = strsim::damerau_levenshtein(known, &wanted);
                let shares_a_name =
                    wanted_name.len() >= 4 && (name.contains(wanted_name) || wanted_name.contains(name));
                (distance <= 3 || shares_a_name).then(|| (distance, known.to_owned()))
            })
            .collect();
        similar.sort();
        similar.into_iter().take(5).map(|(_, id)| id).collect()
    }

    /// The concept a defined term names (`Trafficking in Persons` → `trafficking_in_persons`),
    /// matched after folding.
    pub fn concept_of(&self, term: &str) -> Option<ConceptId> {
        self.aliases.get(&fold_phrase(term)).cloned()
    }

    /// The concept whose name (or a species' name) a heading starts with, after words that
    /// name the offence of it (`Offence of trafficking in persons`, `Sex trafficking of
    /// children`, `Trafficking in people by means of coercion`).
    pub fn concept_at_start(&self, heading: &str) -> Option<ConceptId> {
        let words: Vec<String> = tokens(heading).into_iter().map(|token| token.folded).collect();
        let start = words.iter().take_while(|word| self.drafting.is_heading_lead(word)).count();
        let words = &words[start..];
        // The longest name that the heading starts with.
        (1..=words.len().min(self.longest_name))
            .rev()
            .find_map(|length| self.aliases.get(&words[..length].join(" ")).cloned())
    }

    /// Whether `text` names `concept` anywhere (by any of its names of two words or more:
    /// `tindak pidana perdagangan orang`, `the offence of trafficking in persons`).
    pub fn names_concept(&self, text: &str, concept: &str) -> bool {
        self.names_concept_in(&tokens(text), concept)
    }

    /// [`Lexicon::names_concept`] over words already tokenised.
    pub(crate) fn names_concept_in(&self, words: &[Token], concept: &str) -> bool {
        // Names of two words or more, by their first word.
        words.iter().enumerate().any(|(position, word)| {
            self.names_by_first_word.get(&word.folded).is_some_and(|names| {
                names.iter().any(|(name, named)| {
                    named.as_str() == concept && name.len() >= 2 && crate::fold::phrase_at(words, position, name)
                })
            })
        })
    }

    /// Whether `term` names a species of its concept (`sex trafficking`) rather than the
    /// concept itself.
    pub fn is_species(&self, term: &str) -> bool {
        self.species.contains(&fold_phrase(term))
    }

    /// Every element named in `text`, with where and how. `purpose_from` is the byte offset
    /// (in `text`) where the purpose part of a definition starts, for forms whose element
    /// depends on it (`debt bondage`).
    pub fn find_elements(&self, text: &str, purpose_from: Option<usize>) -> Vec<ElementHit> {
        self.find_elements_in(text, purpose_from, "en")
    }

    /// [`Lexicon::find_elements`] in a text of `language` (ISO 639-1): its words are folded by
    /// that language's folding (`direkrut` is `perekrutan` in Indonesian), and the forms of
    /// other foldings match only where their folded words are the same.
    pub fn find_elements_in(&self, text: &str, purpose_from: Option<usize>, language: &str) -> Vec<ElementHit> {
        let folding = Folding::of_language(language);
        let words = tokens_in(text, folding);
        // (form, first word, end word, method) of each form found, in order.
        let mut found: Vec<(usize, usize, usize, MatchMethod)> = Vec::new();
        let mut position = 0;
        while position < words.len() {
            // The longest form wins at a position; its words are not read again.
            let mut best: Option<(usize, usize, MatchMethod)> = None;
            if let Some(candidates) = self.by_first_word.get(&words[position].folded) {
                for &index in candidates {
                    let form = &self.forms[index];
                    let end = position + form.words.len();
                    if end <= words.len() && crate::fold::phrase_at(&words, position, &form.words) {
                        let written = &text[words[position].start..words[end - 1].end];
                        let method = if normalise_spaces(written).eq_ignore_ascii_case(&normalise_spaces(&form.text)) {
                            MatchMethod::Exact
                        } else {
                            MatchMethod::Folded
                        };
                        if best.is_none_or(|(_, best_end, _)| end > best_end) {
                            best = Some((index, end, method));
                        }
                    }
                }
            }
            if best.is_none() {
                best = self.fuzzy_at(text, &words, position);
            }
            match best {
                Some((index, end, method)) => {
                    found.push((index, position, end, method));
                    position = end;
                }
                None => position += 1,
            }
        }
        let means_opener_ends = self.drafting.means_opener_ends(&words);
        let mut hits = Vec::new();
        for (at, &(index, position, end, method)) in found.iter().enumerate() {
            let form = &self.forms[index];
            let (start_byte, end_byte) = (words[position].start, words[end - 1].end);
            let ids = match &form.names {
                Names::Always(ids) => ids.clone(),
                Names::ByPlace { before_purpose, after_purpose } => {
                    if purpose_from.is_some_and(|purpose| start_byte >= purpose) {
                        after_purpose.clone()
                    } else {
                        before_purpose.clone()
                    }
                }
                Names::ByRole { as_act, as_means } => {
                    if self.stands_among_acts(&found, at, &means_opener_ends) {
                        as_act.clone()
                    } else {
                        as_means.clone()
                    }
                }
            };
            for element in ids {
                hits.push(ElementHit { element, start: start_byte, end: end_byte, method, form: form.text.clone() });
            }
        }
        hits.extend(self.shared_heads(text, &words, &hits));
        // Elements written as clauses, where no form names them at those words.
        let mut phrased = Vec::new();
        for (element, pattern) in &self.phrasings {
            for found in pattern.find_all(&words, text, &self.qualifiers.numbers) {
                let covered = hits
                    .iter()
                    .chain(&phrased)
                    .any(|hit: &ElementHit| &hit.element == element && hit.start < found.end && hit.end > found.start);
                if !covered {
                    phrased.push(ElementHit {
                        element: element.clone(),
                        start: found.start,
                        end: found.end,
                        method: MatchMethod::Folded,
                        form: pattern.text.clone(),
                    });
                }
            }
        }
        hits.extend(phrased);
        hits.sort_by_key(|hit| (hit.start, hit.end));
        // `uses force ... to obtain the other person's compliance`: what a means is used to do,
        // on the same line, is not an act of trafficking.
        let mut kept: Vec<ElementHit> = Vec::with_capacity(hits.len());
        for hit in hits {
            let after_means_on_line = kept.iter().any(|earlier| {
                earlier.element.family() == crate::ids::ElementFamily::Means
                    && !text.get(earlier.end.min(hit.start)..hit.start).unwrap_or_default().contains('\n')
            });
            let preceded_by_to = words
                .iter()
                .take_while(|word| word.start < hit.start)
                .last()
                .is_some_and(|word| self.drafting.is_infinitive_marker(&word.folded));
            if hit.element.family() == crate::ids::ElementFamily::Act && after_means_on_line && preceded_by_to {
                continue;
            }
            kept.push(hit);
        }
        kept
    }

    /// Words coordinated under one head (`sexual, labour or organ exploitation`) or after one
    /// modifier (`forced begging, criminality or marriage`): each word with the shared word is a
    /// form (`forced criminality`, `sexual exploitation`).
    fn shared_heads(&self, text: &str, words: &[Token], hits: &[ElementHit]) -> Vec<ElementHit> {
        // The words other than `or` / `and`, and how each is joined to the next: by a comma or
        // a conjunction (items of one list), or by a space alone (a head and its modifier).
        let conjunction = |word: &str| self.drafting.is_conjunction(word);
        let items: Vec<&Token> = words.iter().filter(|word| !conjunction(&word.folded)).collect();
        let between = |left: &Token, right: &Token| &text[left.end..right.start];
        let joined = |left: &Token, right: &Token| {
            let gap = between(left, right);
            let rest: String = gap.split_whitespace().filter(|word| !conjunction(word)).collect();
            (gap.contains(',') || gap.split_whitespace().any(conjunction)) && matches!(rest.as_str(), "" | ",")
        };
        let adjacent = |left: &Token, right: &Token| between(left, right) == " ";
        let mut found = Vec::new();
        let mut start = 0;
        while start < items.len() {
            let mut end = start;
            while end + 1 < items.len() && joined(items[end], items[end + 1]) {
                end += 1;
            }
            if end > start {
                let shared_words = [
                    (start > 0 && adjacent(items[start - 1], items[start])).then(|| (items[start - 1], true)),
                    (end + 1 < items.len() && adjacent(items[end], items[end + 1])).then(|| (items[end + 1], false)),
                ];
                for (shared, before) in shared_words.into_iter().flatten() {
                    for item in &items[start..=end] {
                        let phrase: Vec<String> = if before {
                            vec![shared.folded.clone(), item.folded.clone()]
                        } else {
                            vec![item.folded.clone(), shared.folded.clone()]
                        };
                        let covered =
                            hits.iter().chain(&found).any(|hit| hit.start <= item.start && hit.end >= item.end);
                        let Some(index) = self.form_of(&phrase).filter(|_| !covered) else { continue };
                        let Names::Always(ids) = &self.forms[index].names else { continue };
                        // The evidence runs from the shared word to the item (`sexual, labour
                        // or organ exploitation`, `forced begging, criminality`).
                        let (from, to) = if before { (shared.start, item.end) } else { (item.start, shared.end) };
                        // (Only for what the text does not name in its own words elsewhere.)
                        for element in ids.iter().filter(|id| !hits.iter().any(|hit| &hit.element == *id)) {
                            found.push(ElementHit {
                                element: element.clone(),
                                start: from,
                                end: to,
                                method: MatchMethod::Folded,
                                form: self.forms[index].text.clone(),
                            });
                        }
                    }
                }
            }
            start = end + 1;
        }
        found
    }

    /// The form whose folded words are exactly `phrase`.
    fn form_of(&self, phrase: &[String]) -> Option<usize> {
        self.by_first_word.get(phrase.first()?)?.iter().copied().find(|&index| self.forms[index].words == phrase)
    }

    /// Whether the form found at `at` stands in a list of acts: the nearest signal before it
    /// on its line is an act (`recruitment, enticement`) rather than a means or words that
    /// open the means (`by`, `by means of`); with nothing before it, the nearest form after it
    /// is an act (`abducting, kidnapping, buying`). With neither, the word decides: the noun
    /// as the lexicon writes it names the means (`(ii) abduction;`), another inflection the act
    /// (`women ... are abducted and trafficked`).
    fn stands_among_acts(
        &self,
        found: &[(usize, usize, usize, MatchMethod)],
        at: usize,
        opener_ends: &[usize],
    ) -> bool {
        let family = |index: usize| match &self.forms[index].names {
            Names::Always(ids) => ids.first().map(ElementId::family),
            _ => None,
        };
        let start = found[at].1;
        let before = found[..at].iter().rev().find_map(|&(index, _, end, _)| family(index).map(|family| (end, family)));
        let opener = opener_ends.iter().copied().filter(|&end| end <= start).max();
        match (before, opener) {
            (Some((end, _)), Some(opener)) if opener >= end => false,
            (Some((_, family)), _) => family == crate::ids::ElementFamily::Act,
            (None, Some(_)) => false,
            (None, None) => match found[at + 1..].iter().find_map(|&(index, _, _, _)| family(index)) {
                Some(family) => family == crate::ids::ElementFamily::Act,
                None => found[at].3 != MatchMethod::Exact,
            },
        }
    }

    /// A near miss at `position`: a form of as many words, each word close enough
    /// (Damerau-Levenshtein on the lower-cased words, so a transposed pair costs one edit).
    fn fuzzy_at(&self, text: &str, words: &[Token], position: usize) -> Option<(usize, usize, MatchMethod)> {
        // The text's words here, read for comparison as they are needed.
        // (A form has a few words: the list grows only as far as the forms tried reach.)
        let mut near: Vec<Option<NearWord>> = Vec::new();
        fn near_word<'n>(near: &'n mut Vec<Option<NearWord>>, text: &str, word: &Token, offset: usize) -> &'n NearWord {
            if near.len() <= offset {
                near.resize(offset + 1, None);
            }
            near[offset].get_or_insert_with(|| NearWord::of(&text[word.start..word.end]))
        }
        // A near miss needs a long first word; a short one must equal the form's first word,
        // so only the forms that start with it are candidates. A long one is close only to
        // forms whose first word shares its first or its last letter (or equals it folded).
        let same_first_word = self.by_first_word.get(&words[position].folded).map_or(&[][..], Vec::as_slice);
        let first = near_word(&mut near, text, &words[position], 0);
        let (first_long, first_letter, last_letter) =
            (first.length >= self.fuzzy_min_length, first.lower.chars().next(), first.lower.chars().next_back());
        let gathered: Vec<usize>;
        let candidates: &[usize] = if first_long {
            let mut all: Vec<usize> = same_first_word.to_vec();
            for (letters, letter) in
                [(&self.near_by_first_letter, first_letter), (&self.near_by_last_letter, last_letter)]
            {
                if let Some(forms) = letter.and_then(|letter| letters.get(&letter)) {
                    all.extend_from_slice(forms);
                }
            }
            // In the lexicon's order, as every form was tried before: the first of equal
            // scores wins.
            all.sort_unstable();
            all.dedup();
            gathered = all;
            &gathered
        } else {
            same_first_word
        };
        let mut best: Option<(usize, usize, f64)> = None;
        for &index in candidates {
            let form = &self.forms[index];
            let end = position + form.words.len();
            if end > words.len() || !crate::fold::whole_words(words, position, end) {
                continue;
            }
            let mut lowest = 1.0_f64;
            let mut any_fuzzy = false;
            for (offset, (form_word, form_near)) in form.words.iter().zip(&form.raw_words).enumerate() {
                if &words[position + offset].folded == form_word {
                    continue;
                }
                let word_near = near_word(&mut near, text, &words[position + offset], offset);
                if word_near.length < self.fuzzy_min_length || form_near.length < self.fuzzy_min_length {
                    lowest = 0.0;
                    break;
                }
                // Words whose lengths differ by more than two letters, or that share neither
                // their first nor their last letter, cannot reach the threshold: skip the
                // edit distance for them.
                let same_end = word_near.lower.chars().next() == form_near.lower.chars().next()
                    || word_near.lower.chars().next_back() == form_near.lower.chars().next_back();
                if word_near.length.abs_diff(form_near.length) > 2 || !same_end {
                    lowest = 0.0;
                    break;
                }
                let Some(score) = word_near.score(form_near, self.fuzzy_threshold) else {
                    lowest = 0.0;
                    break;
                };
                lowest = lowest.min(score);
                any_fuzzy = true;
            }
            if any_fuzzy && lowest >= self.fuzzy_threshold && best.is_none_or(|(_, _, best_score)| lowest > best_score)
            {
                best = Some((index, end, lowest));
            }
        }
        best.map(|(index, end, score)| (index, end, MatchMethod::Fuzzy { score: (score * 1000.0).round() / 1000.0 }))
    }
}

/// A word as the near-miss matcher compares it: lower-cased, its length in characters, and
/// how many of each letter `a` to `z` it has (where it has no other letters).
#[derive(Debug, Clone)]
struct NearWord {
    lower: String,
    length: usize,
    letters: Option<[u8; 26]>,
}

impl NearWord {
    fn of(word: &str) -> NearWord {
        let lower = word.to_lowercase();
        let length = lower.chars().count();
        let mut letters = [0_u8; 26];
        let plain = lower.bytes().all(|byte| {
            byte.is_ascii_lowercase() && {
                let count = &mut letters[usize::from(byte - b'a')];
                *count = count.saturating_add(1);
                true
            }
        });
        NearWord { lower, length, letters: plain.then_some(letters) }
    }

    /// The similarity of the two words where it can reach `threshold`, else `None`:
    /// `1 - distance / longer length`, the Damerau-Levenshtein distance (unrestricted: a
    /// transposed pair is one edit), as `strsim::normalized_damerau_levenshtein` scores it.
    /// Two lower bounds of the distance are tried first, and a pair they put beyond the
    /// threshold is not compared: the difference of the lengths, and the letters one word has
    /// more of than the other (an edit adds or removes at most one letter on each side; a
    /// transposition none). The edit distance itself is rapidfuzz's, which gives up once it
    /// is beyond the threshold.
    fn score(&self, other: &NearWord, threshold: f64) -> Option<f64> {
        let longer = self.length.max(other.length);
        if longer == 0 {
            return Some(1.0);
        }
        let score = |distance: usize| 1.0 - (distance as f64) / (longer as f64);
        if score(self.length.abs_diff(other.length)) < threshold {
            return None;
        }
        if let (Some(mine), Some(theirs)) = (&self.letters, &other.letters) {
            let (mut more, mut fewer) = (0_usize, 0_usize);
            for (mine, theirs) in mine.iter().zip(theirs) {
                more += usize::from(mine.saturating_sub(*theirs));
                fewer += usize::from(theirs.saturating_sub(*mine));
            }
            if score(more.max(fewer)) < threshold {
                return None;
            }
        }
        // Above this many edits the score is below the threshold (one more, for rounding).
        let most = ((1.0 - threshold) * longer as f64).floor() as usize + 1;
        let arguments = rapidfuzz::distance::damerau_levenshtein::Args::default().score_cutoff(most);
        let distance = rapidfuzz::distance::damerau_levenshtein::distance_with_args(
            self.lower.chars(),
            other.lower.chars(),
            &arguments,
        )?;
        Some(score(distance))
    }
}

fn names_label(names: &Names) -> String {
    match names {
        Names::Always(ids) => ids.iter().map(ElementId::to_string).collect::<Vec<_>>().join(" + "),
        Names::ByPlace { before_purpose, after_purpose } => format!(
            "{} / {}",
            before_purpose.iter().map(ElementId::to_string).collect::<Vec<_>>().join(" + "),
            after_purpose.iter().map(ElementId::to_string).collect::<Vec<_>>().join(" + ")
        ),
        Names::ByRole { as_act, as_means } => format!(
            "{} (among acts) / {} (among means)",
            as_act.iter().map(ElementId::to_string).collect::<Vec<_>>().join(" + "),
            as_means.iter().map(ElementId::to_string).collect::<Vec<_>>().join(" + ")
        ),
    }
}

fn normalise_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A phrase folded word by word, for comparing terms.
pub(crate) fn fold_phrase(phrase: &str) -> String {
    let folded: Vec<String> = tokens(phrase).into_iter().map(|token| token.folded).collect();
    if folded.is_empty() {
        phrase.trim().to_lowercase()
    } else {
        folded.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_loads_and_holds_the_contract_ids() {
        let lexicon = Lexicon::bundled();
        let ids: Vec<String> = lexicon.element_ids().map(ToString::to_string).collect();
        for id in crate::ids::PROTOCOL_ELEMENTS.iter().chain(crate::ids::EXTENDED_ELEMENTS.iter()) {
            assert!(ids.iter().any(|known| known == id), "the lexicon lacks {id}");
        }
        assert_eq!(
            lexicon.concept_of("Trafficking in Persons").map(|id| id.to_string()).as_deref(),
            Some("trafficking_in_persons")
        );
        assert_eq!(lexicon.concept_of("CHILD").map(|id| id.to_string()).as_deref(), Some("child"));
    }

    #[test]
    fn an_unknown_element_id_is_refused_with_the_ids_it_may_mean() {
        let lexicon = Lexicon::bundled();
        let message = lexicon.element("means.vulnerability").expect_err("not an element").to_string();
        assert!(message.contains("`means.abuse_of_vulnerability`"), "{message}");
        let message = lexicon.element("act.recruitement").expect_err("a typo").to_string();
        assert!(message.contains("did you mean `act.recruitment`"), "{message}");
        assert!(lexicon.similar_element_ids("totally_made_up").is_empty());
        assert!(lexicon.similar_element_ids("").is_empty());
        assert!(lexicon.element("act.recruitment").is_ok());
    }

    #[test]
    fn a_thai_form_never_matches_inside_a_longer_word() {
        let lexicon = Lexicon::bundled();
        let found = |text: &str| -> Vec<String> {
            lexicon.find_elements_in(text, None, "th").into_iter().map(|hit| hit.element.to_string()).collect()
        };
        // `ทาส` (slave) is a form of slavery; `ทาสี` (to paint) is another word.
        assert_eq!(found("การเอาคนลงเป็นทาส"), ["purpose.slavery"]);
        assert_eq!(found("ลูกจ้างทาสีบ้าน"), Vec::<String>::new());
        // `ขาย` (sell) in `ผู้ขาย` (seller) is a word of its own, and is read.
        assert_eq!(found("ผู้ขายเด็ก"), ["act.selling"]);
    }

    #[test]
    fn vietnamese_forms_marked_so_match_without_their_tones() {
        let lexicon = Lexicon::bundled();
        let found = |text: &str, language: &str| -> Vec<String> {
            lexicon.find_elements_in(text, None, language).into_iter().map(|hit| hit.element.to_string()).collect()
        };
        assert_eq!(
            found("tuyen mo, van chuyen nguoi bang thu doan lua dao", "vi"),
            ["act.recruitment", "act.transportation", "means.deception"]
        );
        assert_eq!(found("tuyển mộ, vận chuyển người", "vi"), ["act.recruitment", "act.transportation"]);
        assert_eq!(crate::fold::without_diacritics("Đe dọa dùng vũ lực"), "De doa dung vu luc");
    }

    #[test]
    fn near_scores_are_strsims_wherever_they_can_reach_the_threshold() {
        // Every pair of the lexicon's own words and their one-edit variants (a letter dropped,
        // doubled, changed, or two letters transposed): rapidfuzz's distance under its cutoff
        // gives strsim's score, bit for bit, and gives up only where strsim's is below.
        let lexicon = Lexicon::bundled();
        let mut words: Vec<String> =
            lexicon.forms.iter().flat_map(|form| form.raw_words.iter().map(|word| word.lower.clone())).collect();
        words.sort();
        words.dedup();
        let mut variants = Vec::new();
        for word in words.iter().filter(|word| word.chars().count() >= 4).step_by(7) {
            let letters: Vec<char> = word.chars().collect();
            for at in 0..letters.len() - 1 {
                let mut dropped = letters.clone();
                dropped.remove(at);
                let mut swapped = letters.clone();
                swapped.swap(at, at + 1);
                let mut changed = letters.clone();
                changed[at] = 'q';
                let mut doubled = letters.clone();
                doubled.insert(at, letters[at]);
                variants.extend(
                    [dropped, swapped, changed, doubled].map(|letters| letters.into_iter().collect::<String>()),
                );
            }
        }
        let sample: Vec<&String> = words.iter().step_by(5).collect();
        let mut compared = 0;
        for threshold in [0.88, 0.92, 0.5] {
            for word in &sample {
                for other in variants.iter().chain(words.iter()).step_by(3) {
                    let expected = strsim::normalized_damerau_levenshtein(word, other);
                    match NearWord::of(word).score(&NearWord::of(other), threshold) {
                        Some(score) => assert_eq!(score.to_bits(), expected.to_bits(), "{word} / {other}"),
                        None => assert!(expected < threshold, "{word} / {other}: {expected} given up at {threshold}"),
                    }
                    compared += 1;
                }
            }
        }
        assert!(compared > 100_000, "{compared} pairs");
    }

    #[test]
    fn forms_match_exactly_folded_or_fuzzily() {
        let lexicon = Lexicon::bundled();
        let text =
            "the recruitment, transporting, harboured or receipt of persons by the threat or use of force or abductoin";
        let hits = lexicon.find_elements(text, None);
        let found: Vec<(String, &str, MatchMethod)> =
            hits.iter().map(|hit| (hit.element.to_string(), &text[hit.start..hit.end], hit.method)).collect();
        assert!(found.contains(&("act.recruitment".into(), "recruitment", MatchMethod::Exact)), "{found:?}");
        assert!(found.contains(&("act.transportation".into(), "transporting", MatchMethod::Folded)), "{found:?}");
        assert!(found.contains(&("act.harbouring".into(), "harboured", MatchMethod::Folded)), "{found:?}");
        assert!(found.contains(&("act.receipt".into(), "receipt", MatchMethod::Exact)), "{found:?}");
        assert!(
            found.contains(&("means.threat_of_force".into(), "threat or use of force", MatchMethod::Exact)),
            "{found:?}"
        );
        assert!(
            found.contains(&("means.use_of_force".into(), "threat or use of force", MatchMethod::Exact)),
            "{found:?}"
        );
        let fuzzy = found.iter().find(|(id, _, _)| id == "means.abduction").expect("a near miss is found");
        assert!(matches!(fuzzy.2, MatchMethod::Fuzzy { score } if (0.88..1.0).contains(&score)), "{fuzzy:?}");
    }

    #[test]
    fn debt_bondage_is_a_means_before_the_purpose_and_a_purpose_after_it() {
        let lexicon = Lexicon::bundled();
        let text = "by means of debt bondage, for the purpose of exploitation, including debt bondage";
        let purpose = text.find("for the purpose").expect("marker");
        let ids: Vec<String> =
            lexicon.find_elements(text, Some(purpose)).iter().map(|hit| hit.element.to_string()).collect();
        assert_eq!(ids, ["means.debt_bondage", "purpose.debt_bondage"]);
    }

    #[test]
    fn a_form_naming_two_elements_is_refused_with_its_place() {
        let mut lexicon = Lexicon::bundled();
        let extension = "version = 1\n[[elements]]\nid = \"act.transfer\"\nforms = [\"recruiting\"]\n";
        match lexicon.extend_from_toml(extension, "mine.toml") {
            Err(Error::Lexicon { location, message }) => {
                assert_eq!((location.file.as_str(), location.line), ("mine.toml", 4));
                assert!(message.contains("already a form of `act.recruitment`"), "{message}");
            }
            other => panic!("expected a lexicon error, got {other:?}"),
        }
        let synonym = "version = 1\n[[elements]]\nid = \"act.recruitment\"\nforms = [\"enlisting\"]\n";
        lexicon.extend_from_toml(synonym, "mine.toml").expect("a new synonym is fine");
        let hits = lexicon.find_elements("enlisting a person", None);
        assert_eq!(hits[0].element.to_string(), "act.recruitment");
    }

    #[test]
    fn patterns_capture_ages_in_words_and_digits() {
        let lexicon = Lexicon::bundled();
        for (text, age) in [
            ("a person below twenty-four (24) years old", 24),
            ("any person under eighteen years of age", 18),
            ("a person below eighteen (18) years of age", 18),
            ("below the age of 18 years", 18),
            ("who has not attained the age of 16", 16),
            ("เด็ก หมายความว่า บุคคลผู้มีอายุต่ำกว่าสิบแปดปี", 18),
            ("บุคคลผู้มีอายุต่ำกว่า ๑๘ ปี", 18),
            // Another Thai drafting (the Child Protection Act's): `... ปีบริบูรณ์` (full years).
            ("บุคคลซึ่งมีอายุต่ำกว่าสิบห้าปีบริบูรณ์", 15),
        ] {
            let words = tokens(text);
            let found = lexicon
                .qualifiers
                .child_age
                .iter()
                .flat_map(|pattern| pattern.find_all(&words, text, &lexicon.qualifiers.numbers))
                .find_map(|found| found.number);
            assert_eq!(found, Some(age), "{text}");
        }
    }
}
