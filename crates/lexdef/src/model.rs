//! The term model: what a definition contains — its elements and qualifiers — each backed
//! by the exact words of the law, and, for what it does not contain, whether that is a fact
//! about the law (`absent`) or about the corpus (`not_found`, with the reason).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::definition::{Definition, DefinitionForm};
use crate::document::{Document, ProvisionKind, Span};
use crate::drafting::DraftingWords;
use crate::eid::Eid;
use crate::fold::tokens;
use crate::ids::{ConceptId, ElementFamily, ElementId};
use crate::instrument::Instrument;
use crate::instrument_id::InstrumentId;
use crate::lexicon::{Lexicon, MatchMethod, Pattern, PatternMatch};
use crate::metadata::CompletenessStatus;
use crate::qualifier::{ListKind, QualifierName, QualifierValue, VictimScope};

/// The words of the law behind a fact of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The innermost provision holding the words.
    pub eid: Eid,
    /// The words' byte span in the instrument's text.
    pub span: Span,
    /// The file line of the words.
    pub line: usize,
    /// The words, exactly as in the text (`&text[span]`).
    pub text: String,
    /// How the words matched the lexicon (`None` for qualifier patterns).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub method: Option<MatchMethod>,
}

/// An element the definition names, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementPresence {
    /// The element.
    pub id: ElementId,
    /// Every place the definition names it.
    pub evidence: Vec<Evidence>,
}

/// An element the model cannot say is absent, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotFound {
    /// The element.
    pub id: ElementId,
    /// Why it is not `absent`, for people: the [`Reason`]'s words.
    pub reason: String,
    /// Why it is not `absent`, for decisions.
    pub cause: Reason,
}

impl NotFound {
    /// `id` not found for `cause`.
    pub fn new(id: ElementId, cause: Reason) -> NotFound {
        NotFound { id, reason: cause.to_string(), cause }
    }
}

/// Why the text seen does not settle an element or a qualifier. Decisions (a finding's
/// confidence, a check's verdict) match these variants; their `Display` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// The whole text defines no such concept: a fact about the law.
    NotDefined,
    /// No definition of it in the text seen, which is incomplete.
    NoDefinitionSeen,
    /// The text is in a language the lexicon does not cover.
    LanguageNotCovered {
        /// The ISO 639-1 code of the text.
        code: String,
    },
    /// A provision that settles it is cut by a gap.
    Incomplete {
        /// The provision.
        eid: Eid,
        /// The gap's line and note, where the gap lies in the provision.
        gap: Option<(usize, String)>,
    },
    /// The definition is whole and does not name it, but the rest of the instrument (which
    /// could name it in an offence or another definition) was not seen.
    RestNotSeen {
        /// The definition.
        eid: Eid,
    },
    /// The forms of exploitation are not listed in the text seen.
    PurposesNotListed,
    /// The instrument's text was not found: the corpus holds only its metadata.
    TextMissing,
    /// The whole list of the forms of exploitation does not name it, but words of the list
    /// match no element of the lexicon and may be it (`sexual aggression`).
    WordsNotRecognised {
        /// The provision that holds the list.
        eid: Eid,
        /// The words, as written.
        words: Vec<String>,
    },
    /// A text given without metadata does not read as English, the language the lexicon
    /// reads definitions in: its language is not known.
    LanguageNotRecognised,
}

impl Reason {
    /// Whether the instrument was not read for the concept at all (no text, a language the
    /// lexicon does not cover, no definition in a partial text): then it is not compared, and
    /// a report lists it apart rather than as diverging.
    pub fn not_read(&self) -> bool {
        matches!(
            self,
            Reason::TextMissing
                | Reason::LanguageNotCovered { .. }
                | Reason::LanguageNotRecognised
                | Reason::NoDefinitionSeen
        )
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::NotDefined => formatter.write_str("the instrument does not define it"),
            Reason::NoDefinitionSeen => {
                formatter.write_str("no definition of it in the text seen, which is incomplete")
            }
            Reason::LanguageNotCovered { code } => {
                write!(formatter, "the text is in `{code}`, which the lexicon does not cover yet")
            }
            Reason::Incomplete { eid, gap: Some((line, note)) } => {
                write!(formatter, "the text of `{eid}` is incomplete in the corpus (gap at line {line}: {note})")
            }
            Reason::Incomplete { eid, gap: None } => {
                write!(formatter, "the text of `{eid}` is incomplete in the corpus")
            }
            Reason::RestNotSeen { eid } => write!(
                formatter,
                "the definition in `{eid}` does not name it, but the rest of the instrument, which could, was not seen"
            ),
            Reason::PurposesNotListed => {
                formatter.write_str("the forms of exploitation are not listed in the text seen")
            }
            Reason::LanguageNotRecognised => formatter.write_str(
                "the text has no metadata and does not read as English, the language the lexicon covers (give it a metadata block with its language)",
            ),
            Reason::TextMissing => {
                formatter.write_str("the text of the instrument was not found; the corpus holds only its metadata")
            }
            Reason::WordsNotRecognised { eid, words } => write!(
                formatter,
                "the list in `{eid}` does not name it, but lexdef did not recognise some of its words, which may: {}",
                words.iter().map(|words| format!("\"{words}\"")).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

/// The state of an element in a model: the one place it is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementState {
    /// The text names it.
    Present,
    /// The whole text does not name it: a fact about the law.
    Absent,
    /// The text seen does not name it, but it may be where the text was not seen or read.
    NotFound,
    /// The text seen defines nothing for the concept.
    NotDefined,
}

impl ElementState {
    /// Every state, in order: the text names it, the complete text lacks it, the text seen
    /// does not settle it, the text seen defines nothing.
    pub const ALL: &'static [ElementState] =
        &[ElementState::Present, ElementState::Absent, ElementState::NotFound, ElementState::NotDefined];

    /// The state as written in reports and JSON (`present`, `not_found`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ElementState::Present => "present",
            ElementState::Absent => "absent",
            ElementState::NotFound => "not_found",
            ElementState::NotDefined => "not_defined",
        }
    }
}

impl std::fmt::Display for ElementState {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl TermModel {
    /// The state of `id` in this model.
    pub fn state(&self, id: &ElementId) -> ElementState {
        // (What the text seen names is present even where the definition was not seen.)
        if self.elements.iter().any(|presence| &presence.id == id) {
            ElementState::Present
        } else if self.definition.is_none() {
            ElementState::NotDefined
        } else if self.not_found.iter().any(|item| &item.id == id) {
            ElementState::NotFound
        } else {
            ElementState::Absent
        }
    }

    /// Why `id` is not found, where it is not.
    pub fn not_found_reason(&self, id: &ElementId) -> Option<&NotFound> {
        self.not_found.iter().find(|item| &item.id == id)
    }
}

/// A qualifier's value and what settles it: words of the law, or a reading of the text's
/// structure (`basis`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Qualifier {
    /// The value.
    pub value: QualifierValue,
    /// The words that settle it.
    pub evidence: Vec<Evidence>,
    /// Where no words settle it, why the value follows (or why it is unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Where the value is unknown because of what the text seen lacks, what (for decisions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Reason>,
}

/// The definition a model was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelSource {
    /// Its provision.
    pub eid: Eid,
    /// Its term as written (empty for a constitutive definition).
    pub term: String,
    /// How it is worded.
    pub form: DefinitionForm,
    /// Other definitions the model drew on (the definition of exploitation, of child, ...).
    pub linked: Vec<Eid>,
}

/// What one instrument's definition of one concept contains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermModel {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The concept.
    pub concept: ConceptId,
    /// The language (ISO 639-1) of the words its evidence quotes; `en` for a text given
    /// without metadata.
    #[serde(default = "english")]
    pub language: String,
    /// The definition it was built from; `None` when the text seen defines nothing for it.
    pub definition: Option<ModelSource>,
    /// The elements the text names, in id order.
    pub elements: Vec<ElementPresence>,
    /// The qualifiers, by name.
    pub qualifiers: BTreeMap<QualifierName, Qualifier>,
    /// Elements the complete text does not name: a fact about the law.
    pub absent: Vec<ElementId>,
    /// Elements that cannot be called absent, with why.
    pub not_found: Vec<NotFound>,
    /// Items of the definition's list of the forms of exploitation that match no element of
    /// the lexicon (`sexual aggression`): words lexdef did not read, said as such.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unrecognised: Vec<Evidence>,
}

/// The share of a text's words that must be English function words (the lexicon's
/// `[drafting] function_words`) for it to read as English: a definition with fewer is not
/// English (the Malay definition inside a Malaysian amending bill, say), and is not modelled
/// with an English lexicon.
const MIN_FUNCTION_WORD_SHARE: f64 = 0.08;
/// How far before an age a proviso's `for purposes of this section` still governs it.
const PROVISO_WINDOW: usize = 200;
/// An item of a list of the forms of exploitation that no element matches is reported as not
/// recognised where it has this many words of its own (not `the`, `other`, `forms of`): one
/// word alone is mostly the elided half of a pair (`production or distribution`), more are a
/// clause.
const MIN_ITEM_WORDS: usize = 2;
/// A definition of at most this many words that names a provision by number only points there.
const MAX_REFERENCE_WORDS: usize = 14;
const MAX_ITEM_WORDS: usize = 5;

fn is_english(drafting: &DraftingWords, text: &str) -> bool {
    let words: Vec<String> = text
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return false;
    }
    let function = words.iter().filter(|word| drafting.is_function_word(word)).count();
    function as f64 / words.len() as f64 >= MIN_FUNCTION_WORD_SHARE
}

/// Whether a whole text reads as English: nearly every line of some length does (a header
/// in English over a Portuguese article does not make the article English).
const MIN_ENGLISH_LINE_SHARE: f64 = 0.8;
const MIN_WORDS_OF_A_JUDGED_LINE: usize = 6;

pub(crate) fn reads_as_english(drafting: &DraftingWords, text: &str) -> bool {
    let judged: Vec<bool> = text
        .lines()
        .filter(|line| line.split_whitespace().count() >= MIN_WORDS_OF_A_JUDGED_LINE)
        .map(|line| is_english(drafting, line))
        .collect();
    judged.is_empty()
        || judged.iter().filter(|english| **english).count() as f64 / judged.len() as f64 >= MIN_ENGLISH_LINE_SHARE
}

/// Folded words of spans already tokenised, by `(start, end)`.
type WordsBySpan = std::collections::HashMap<(usize, usize), std::rc::Rc<Vec<crate::fold::Token>>>;

/// What the model's reading of the definition settled, for the qualifiers to read on.
#[derive(Clone, Copy)]
struct Reading<'d> {
    /// The definition the model is built from.
    definition: &'d Definition,
    /// Where the forms of exploitation are listed.
    list_source: Option<(&'d Definition, Span)>,
    /// Why the definition (or what it draws on) is incomplete, if it is.
    incomplete: Option<&'d str>,
    /// The definition or the definitions it uses require means.
    requires_means: bool,
    /// A definition of exploitation the definition's list names.
    exploitation_used: Option<&'d Definition>,
}

/// Builds models for one instrument.
pub struct ModelBuilder<'a> {
    instrument: &'a Instrument,
    document: &'a Document,
    definitions: &'a [Definition],
    lexicon: &'a Lexicon,
    /// The folded words of each span searched, so a span is tokenised once however many
    /// patterns are looked for in it.
    words: std::cell::RefCell<WordsBySpan>,
    /// The document's headings, indexed once.
    headings: crate::document::HeadingIndex,
    /// The law's own provisions (`law_spans`), found once.
    law: std::cell::OnceCell<Vec<Span>>,
}

const EXPLICIT: [DefinitionForm; 5] = [
    DefinitionForm::Means,
    DefinitionForm::Includes,
    DefinitionForm::RefersTo,
    DefinitionForm::ShallMean,
    DefinitionForm::Is,
];

impl<'a> ModelBuilder<'a> {
    /// A builder over an instrument, its parsed document and its definitions.
    pub fn new(
        instrument: &'a Instrument,
        document: &'a Document,
        definitions: &'a [Definition],
        lexicon: &'a Lexicon,
    ) -> ModelBuilder<'a> {
        ModelBuilder {
            instrument,
            document,
            definitions,
            lexicon,
            words: Default::default(),
            headings: document.heading_index(),
            law: std::cell::OnceCell::new(),
        }
    }

    /// The instrument's language (ISO 639-1); `en` for a text given without metadata.
    fn language(&self) -> &str {
        self.instrument.metadata.as_ref().map_or("en", |metadata| metadata.language.code.as_str())
    }

    fn language_covered(&self) -> Option<Reason> {
        let Some(metadata) = self.instrument.metadata.as_ref() else {
            // A text given directly says nothing of its language: it is read as English only
            // where it reads as English (a French code article is not "silent" on trafficking).
            return (!reads_as_english(&self.lexicon.drafting, &self.instrument.text))
                .then_some(Reason::LanguageNotRecognised);
        };
        let code = metadata.language.code.as_str();
        (!self.lexicon.languages().iter().any(|language| language == code))
            .then(|| Reason::LanguageNotCovered { code: code.to_owned() })
    }

    fn text(&self, span: Span) -> &str {
        &self.instrument.text[span.range()]
    }

    /// The definition a model of `concept` is built from: the first explicit definition in a
    /// language the lexicon reads, else the first constitutive one.
    fn source_definition(&self, concept: &ConceptId) -> Option<&'a Definition> {
        let of_concept =
            || self.definitions.iter().filter(move |definition| definition.concept.as_ref() == Some(concept));
        let explicit = |definition: &&Definition| {
            EXPLICIT.contains(&definition.form)
                && self.reads_in_its_language(definition)
                && !self.lexicon.drafting.scoped_to_a_section(self.text(definition.span))
                && !self.only_refers(definition)
        };
        // The concept's own definition before a definition of one of its species (`sex
        // trafficking`), which the model draws on as well.
        of_concept()
            .filter(explicit)
            .find(|definition| !self.lexicon.is_species(&definition.term))
            .or_else(|| of_concept().find(explicit))
            .or_else(|| of_concept().find(|definition| definition.form == DefinitionForm::Constitutive))
    }

    /// Whether a definition is in the instrument's language, where that is one the lexicon
    /// reads: an English text's definitions read as English (the Malay definition inside an
    /// English amending bill does not); another language's are taken as written in it.
    fn reads_in_its_language(&self, definition: &Definition) -> bool {
        match self.instrument.metadata.as_ref().map(|metadata| metadata.language.code.as_str()) {
            None | Some("en") => is_english(&self.lexicon.drafting, self.text(definition.span)),
            Some(_) => true,
        }
    }

    /// Whether the instrument is in English (or has no metadata and reads as English): the
    /// words that join a list's items are English data, so unrecognised items are found there.
    fn in_english(&self) -> bool {
        self.instrument.metadata.as_ref().is_none_or(|metadata| metadata.language.code == "en")
    }

    /// Whether a definition only points at a provision (`"person trafficking" means an offence
    /// against section 3`, `Human Trafficking Crime: Any of the acts stipulated in Article
    /// (2)`): the concept is defined there, not here.
    fn only_refers(&self, definition: &Definition) -> bool {
        let Some(term) = definition.term_span else { return false };
        let end = definition.span.end.min(
            self.instrument.text[term.end..definition.span.end]
                .find('\n')
                .map_or(definition.span.end, |at| term.end + at),
        );
        let text = &self.instrument.text[term.end..end];
        let words = tokens(text);
        let names_a_provision = words.windows(2).any(|pair| {
            self.lexicon
                .drafting
                .provision_named(
                    &text[pair[0].start..pair[0].end],
                    false,
                    &[ProvisionKind::Section, ProvisionKind::Article, ProvisionKind::Subsection],
                )
                .is_some()
                && text[pair[1].start..pair[1].end].chars().any(|character| character.is_ascii_digit())
        });
        names_a_provision && words.len() <= MAX_REFERENCE_WORDS
    }

    fn evidence(&self, start: usize, end: usize, method: Option<MatchMethod>) -> Evidence {
        let span = Span { start, end };
        let eid = self
            .document
            .walk()
            .filter(|provision| provision.span.contains(span))
            .last()
            .map(|provision| provision.eid.clone())
            .unwrap_or_else(|| "body".parse().expect("`body` is a valid eId"));
        Evidence {
            instrument: self.instrument.id.clone(),
            eid,
            span,
            line: self.instrument.locate(start).line,
            text: self.instrument.text[start..end].to_owned(),
            method,
        }
    }

    /// The lexicon's hits in `text`, line by line, so that a form whose element depends on
    /// the purpose words (`debt bondage`, `adoption`) is read against its own line's.
    fn hits_by_line(&self, text: &str, purpose_starts: &[usize]) -> Vec<crate::lexicon::ElementHit> {
        let mut hits = Vec::new();
        let mut line_start = 0;
        // A line that names the purpose and ends in a colon opens a list of purposes (`for
        // purposes of exploitation of children shall include:`): its items are read after it.
        let mut purpose_list_open = false;
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            let mut marker = purpose_starts
                .iter()
                .copied()
                .find(|&marker| marker >= line_start && marker < line_end)
                .map(|marker| marker - line_start);
            let trimmed = line.trim();
            let is_item = trimmed.starts_with('(') || trimmed.starts_with(|first: char| first.is_ascii_digit());
            if marker.is_none() && purpose_list_open && is_item {
                marker = Some(0);
            } else {
                // (`for the purpose of exploitation ... by means of—` opens a list of means.)
                // A line that runs on into its items (`where that person is to be exploited`)
                // opens the list as a colon does.
                // (`intending that the other person be exploited, by using any of the following—`
                // opens a list of means after the purpose words.)
                purpose_list_open = marker.is_some_and(|marker| {
                    let rest = &line[marker..];
                    !self.lexicon.drafting.speaks_of_means(&rest.to_lowercase())
                        && self.lexicon.drafting.means_opener_ends(&tokens(rest)).is_empty()
                }) && (trimmed.ends_with([':', '\u{2014}'])
                    || trimmed.ends_with(char::is_alphanumeric));
            }
            for mut hit in self.lexicon.find_elements_in(line, marker, self.language()) {
                hit.start += line_start;
                hit.end += line_start;
                hits.push(hit);
            }
            line_start = line_end;
        }
        hits
    }

    /// Where purpose words (`for the purpose of`) start in the span, relative to it.
    fn purpose_marker_starts(&self, span: Span) -> Vec<usize> {
        let text = self.text(span);
        let words = tokens(text);
        let mut starts: Vec<usize> = self
            .lexicon
            .qualifiers
            .purpose_markers
            .iter()
            .flat_map(|pattern| pattern.find_all(&words, text, &self.lexicon.qualifiers.numbers))
            .map(|found| found.start)
            .collect();
        starts.sort_unstable();
        starts
    }

    fn words_of(&self, span: Span) -> std::rc::Rc<Vec<crate::fold::Token>> {
        let key = (span.start, span.end);
        if let Some(words) = self.words.borrow().get(&key) {
            return words.clone();
        }
        let words = std::rc::Rc::new(tokens(self.text(span)));
        self.words.borrow_mut().insert(key, words.clone());
        words
    }

    fn find_pattern(&self, patterns: &[Pattern], span: Span) -> Option<(PatternMatch, Evidence)> {
        let text = self.text(span);
        let words = self.words_of(span);
        Pattern::first_of_any(patterns, &words, text, &self.lexicon.qualifiers.numbers)
            .map(|(_, found)| (found, self.evidence(span.start + found.start, span.start + found.end, None)))
    }

    /// A gap in or right after any of these definitions, as a reason.
    fn incompleteness(&self, spans: &[(Eid, Span)]) -> Option<Reason> {
        spans.iter().find_map(|(eid, _)| {
            let provision = self.document.find(eid.as_str())?;
            provision.incomplete.then(|| {
                let gap = self.document.gaps.iter().find(|gap| {
                    gap.within
                        .as_ref()
                        .is_some_and(|within| within == eid || within.as_str().starts_with(&format!("{eid}__")))
                });
                Reason::Incomplete { eid: eid.clone(), gap: gap.map(|gap| (gap.line, gap.note.clone())) }
            })
        })
    }

    /// How to say that silence settles nothing here.
    fn incomplete_phrase(&self) -> &'static str {
        "which is incomplete"
    }

    /// Whether the instrument's whole text is here: its metadata says complete, or (a text
    /// given directly, without metadata) its user gave the whole text they meant — unless
    /// gap markers say otherwise.
    fn instrument_complete(&self) -> bool {
        self.instrument
            .metadata
            .as_ref()
            .is_none_or(|metadata| metadata.completeness.status == CompletenessStatus::Complete)
            && self.instrument.gaps.is_empty()
    }

    /// The model of `concept` in this instrument.
    pub fn model(&self, concept: &ConceptId) -> TermModel {
        let mut model = TermModel {
            instrument: self.instrument.id.clone(),
            concept: concept.clone(),
            language: self.instrument.metadata.as_ref().map_or_else(english, |metadata| metadata.language.code.clone()),
            definition: None,
            elements: Vec::new(),
            qualifiers: BTreeMap::new(),
            absent: Vec::new(),
            not_found: Vec::new(),
            unrecognised: Vec::new(),
        };
        let families = families_for(concept);
        let candidates: Vec<ElementId> =
            self.lexicon.element_ids().filter(|id| families.contains(&id.family())).cloned().collect();
        let text_missing = self.instrument.text.trim().is_empty()
            || self
                .instrument
                .metadata
                .as_ref()
                .is_some_and(|metadata| metadata.completeness.status == CompletenessStatus::Missing);
        if text_missing {
            return unmodelled(model, candidates, Reason::TextMissing);
        }
        if let Some(reason) = self.language_covered() {
            return unmodelled(model, candidates, reason);
        }
        let Some(definition) = self.source_definition(concept) else {
            let reason = if self.instrument_complete() { Reason::NotDefined } else { Reason::NoDefinitionSeen };
            let mut model = unmodelled(model, candidates, reason);
            if concept.as_str() == "trafficking_in_persons" {
                self.read_without_the_definition(&mut model);
            }
            return model;
        };
        let mut scopes: Vec<(Eid, Span)> = vec![(definition.eid.clone(), definition.span)];
        let mut linked = Vec::new();
        let mut found: BTreeMap<ElementId, Vec<Evidence>> = BTreeMap::new();
        let purpose_from =
            self.find_pattern(&self.lexicon.qualifiers.purpose_markers, definition.span).map(|(found, _)| found.start);
        let definition_text = self.text(definition.span);
        let purpose_starts = self.purpose_marker_starts(definition.span);
        let mut act_starts: Vec<usize> = Vec::new();
        // A term defined inside the definition's text (`Explanation (3) Debt-bondage means ...`)
        // is what is being defined there, not an element of this definition.
        let defined_terms: Vec<Span> = self
            .definitions
            .iter()
            .filter_map(|other| other.term_span)
            .filter(|span| definition.span.contains(*span))
            .collect();
        for hit in self.hits_by_line(definition_text, &purpose_starts) {
            let absolute = Span { start: definition.span.start + hit.start, end: definition.span.start + hit.end };
            if defined_terms.iter().any(|term| term.start < absolute.end && absolute.start < term.end)
                && definition.term_span != Some(absolute)
            {
                continue;
            }
            // An act word after the purpose words of its line (`for the purposes of obtaining
            // money`) names what the purpose is, not an act of trafficking.
            let line_start = definition_text[..hit.start].rfind('\n').map_or(0, |found| found + 1);
            // (`Whoever, for the purpose of exploitation, recruits ...` keeps its acts: none
            // stands before the purpose words there.)
            let marker = purpose_starts.iter().copied().find(|&marker| marker >= line_start && marker < hit.start);
            if hit.element.family() == ElementFamily::Act {
                if let Some(marker) = marker {
                    if act_starts.iter().any(|&act| act >= line_start && act < marker) {
                        continue;
                    }
                }
                act_starts.push(hit.start);
            }
            if families.contains(&hit.element.family()) {
                let evidence =
                    self.evidence(definition.span.start + hit.start, definition.span.start + hit.end, Some(hit.method));
                found.entry(hit.element).or_default().push(evidence);
            }
        }
        let has_own_purposes = found.keys().any(|id| id.family() == ElementFamily::Purpose);
        // The rest of the instrument that settles a part of the concept: the other offence
        // provisions that constitute it, the definitions of its species (`sex trafficking`),
        // and the definitions of the terms these use (`exploitation`, `coercion`, `practice
        // similar to slavery`, a defined act), followed recursively, each once.
        // (Definitions are told apart by their text: several may share a provision, one a line.)
        let mut visited: Vec<Span> = vec![definition.span];
        let mut pending: Vec<(&Definition, Vec<ElementFamily>)> = Vec::new();
        // What the definition requires, as against what other offences name: the definition
        // and the definitions it draws on, not the offence provisions beside it.
        let mut requirement_spans: Vec<Span> = vec![definition.span];
        let trafficking = concept.as_str() == "trafficking_in_persons";
        let offences_using = if trafficking && EXPLICIT.contains(&definition.form) && !definition.term.is_empty() {
            self.offences_using(&definition.term, definition)
        } else {
            Vec::new()
        };
        if trafficking {
            for other in self.definitions.iter().filter(|other| {
                other.concept.as_ref() == Some(concept)
                    && other.eid != definition.eid
                    && !definition.span.contains(other.span)
                    && !other.span.contains(definition.span)
                    && (other.form == DefinitionForm::Constitutive
                        || (EXPLICIT.contains(&other.form) && self.lexicon.is_species(&other.term)))
            }) {
                pending.push((other, families.clone()));
            }
        }
        // Offence provisions that use the defined term (`A person who traffics another person
        // (a) by using force ...`) name further acts, means or purposes of it.
        {
            for provision in offences_using {
                let span = self.headings.words_span(provision, &self.instrument.text);
                let text = self.text(span);
                let mut contributed = false;
                // The term's own words where the offence uses it (`engaged in abducting and
                // trafficking in women or children`) name nothing further.
                let uses = term_occurrences(text, &definition.term);
                for hit in self.hits_by_line(text, &self.purpose_marker_starts(span)) {
                    let in_the_term = uses.iter().any(|&(start, end)| hit.start < end && hit.end > start);
                    if families.contains(&hit.element.family()) && !in_the_term {
                        let evidence = self.evidence(span.start + hit.start, span.start + hit.end, Some(hit.method));
                        found.entry(hit.element).or_default().push(evidence);
                        contributed = true;
                    }
                }
                if contributed && !linked.contains(&provision.eid) {
                    linked.push(provision.eid.clone());
                    scopes.push((provision.eid.clone(), span));
                }
                pending.extend(self.definitions_used(span, &visited, &families));
            }
        }
        // A definition split over subsections (`by any of the means set out in subsection (2),
        // for any of the purposes set out in subsection (3)`): what they list is the definition's.
        for provision in self.provisions_referred_to(definition) {
            let span = provision.span;
            for hit in self.hits_by_line(self.text(span), &self.purpose_marker_starts(span)) {
                if families.contains(&hit.element.family()) {
                    let evidence = self.evidence(span.start + hit.start, span.start + hit.end, Some(hit.method));
                    found.entry(hit.element).or_default().push(evidence);
                }
            }
            if !linked.contains(&provision.eid) {
                linked.push(provision.eid.clone());
                scopes.push((provision.eid.clone(), span));
            }
            requirement_spans.push(span);
            pending.extend(self.definitions_used(span, &visited, &families));
        }
        pending.extend(self.definitions_used(definition.span, &visited, &families));
        while let Some((other, wanted)) = pending.pop() {
            if visited.contains(&other.span) {
                continue;
            }
            visited.push(other.span);
            let other_text = self.text(other.span);
            let wanted: Vec<ElementFamily> = wanted.into_iter().filter(|family| families.contains(family)).collect();
            if other.form != DefinitionForm::Constitutive {
                requirement_spans.push(other.span);
            }
            // A definition of a form of exploitation lists forms of exploitation throughout.
            let hits = if wanted == [ElementFamily::Purpose] {
                self.lexicon.find_elements_in(other_text, Some(0), self.language())
            } else {
                self.hits_by_line(other_text, &self.purpose_marker_starts(other.span))
            };
            let mut contributed = false;
            // The term a definition defines is not one of its elements (`"pornography" refers to ...`).
            let own_term = other.term_span.map(|term| (term.start - other.span.start, term.end - other.span.start));
            for hit in hits.into_iter().filter(|hit| {
                wanted.contains(&hit.element.family())
                    && own_term.is_none_or(|(start, end)| hit.end <= start || hit.start >= end)
            }) {
                let evidence =
                    self.evidence(other.span.start + hit.start, other.span.start + hit.end, Some(hit.method));
                found.entry(hit.element).or_default().push(evidence);
                contributed = true;
            }
            if contributed {
                linked.push(other.eid.clone());
                scopes.push((other.eid.clone(), other.span));
            }
            if !wanted.is_empty() {
                pending.extend(self.definitions_used(other.span, &visited, &wanted));
            }
        }
        // The forms of exploitation may live in the instrument's definition of exploitation.
        let mut list_source: Option<(&Definition, Span)> = None;
        if concept.as_str() == "trafficking_in_persons" && !has_own_purposes {
            if let Some(exploitation) = self.definitions.iter().find(|other| {
                other.concept.as_ref().is_some_and(|id| id.as_str() == "exploitation") && EXPLICIT.contains(&other.form)
            }) {
                if !visited.contains(&exploitation.span) {
                    for hit in self.lexicon.find_elements_in(self.text(exploitation.span), Some(0), self.language()) {
                        if hit.element.family() == ElementFamily::Purpose {
                            let evidence = self.evidence(
                                exploitation.span.start + hit.start,
                                exploitation.span.start + hit.end,
                                Some(hit.method),
                            );
                            found.entry(hit.element).or_default().push(evidence);
                        }
                    }
                }
                if !linked.contains(&exploitation.eid) {
                    linked.push(exploitation.eid.clone());
                    scopes.push((exploitation.eid.clone(), exploitation.span));
                }
                list_source = Some((exploitation, exploitation.span));
            }
        } else if has_own_purposes || concept.as_str() == "exploitation" {
            list_source = Some((definition, definition.span));
        }
        // A list that names a defined `exploitation` among its items (`for the purpose of
        // profit, pornography ... or any form of exploitation`) is as open as that definition.
        let exploitation_used = self
            .definitions
            .iter()
            .filter(|other| other.concept.as_ref().is_some_and(|id| id.as_str() == "exploitation"))
            .find(|other| {
                visited.contains(&other.span) && list_source.is_some_and(|(source, _)| source.span != other.span)
            });
        let incomplete = self.incompleteness(&scopes);
        model.unrecognised = list_source
            .filter(|_| self.in_english())
            .map(|(source, span)| {
                let from = if source.span == definition.span { purpose_from } else { None };
                self.unrecognised_items(purpose_list_span(source, span, from))
            })
            .unwrap_or_default();
        let unread_purposes = model.unrecognised.first().map(|first| Reason::WordsNotRecognised {
            eid: first.eid.clone(),
            words: model.unrecognised.iter().map(|evidence| evidence.text.clone()).collect(),
        });
        for id in candidates {
            if let Some(evidence) = found.remove(&id) {
                // The definition's own words first: they are what a reader compares.
                let mut evidence = dedupe(evidence);
                evidence.sort_by_key(|item| !definition.span.contains(item.span));
                model.elements.push(ElementPresence { id, evidence });
            } else if let Some(reason) = &incomplete {
                model.not_found.push(NotFound::new(id, reason.clone()));
            } else if id.family() == ElementFamily::Purpose
                && list_source.is_none()
                && concept.as_str() == "trafficking_in_persons"
            {
                model.not_found.push(NotFound::new(id, Reason::PurposesNotListed));
            } else if !self.instrument_complete() {
                // `absent` is a claim about the instrument: where only part of it was seen, an
                // offence or a definition in the rest could name what the definition does not.
                model.not_found.push(NotFound::new(id, Reason::RestNotSeen { eid: definition.eid.clone() }));
            } else if let Some(reason) = unread_purposes.as_ref().filter(|_| id.family() == ElementFamily::Purpose) {
                model.not_found.push(NotFound::new(id, reason.clone()));
            } else {
                model.absent.push(id);
            }
        }
        let requires_means = model.elements.iter().any(|element| {
            element.id.family() == ElementFamily::Means
                && element
                    .evidence
                    .iter()
                    .any(|evidence| requirement_spans.iter().any(|span| span.contains(evidence.span)))
        });
        if concept.as_str() == "trafficking_in_persons" {
            let incomplete = incomplete.as_ref().map(ToString::to_string);
            let reading = Reading {
                definition,
                list_source,
                incomplete: incomplete.as_deref(),
                requires_means,
                exploitation_used,
            };
            self.trafficking_qualifiers(&mut model, &reading, &mut linked);
        } else if concept.as_str() == "exploitation" {
            let list = self.exploitation_list(list_source, purpose_from, incomplete.is_none());
            model.qualifiers.insert(QualifierName::ExploitationList, list);
        } else if concept.as_str() == "child" {
            let age = self.child_age_in(&[definition.span]);
            model.qualifiers.insert(QualifierName::ChildAge, age);
        }
        model.definition = Some(ModelSource {
            eid: definition.eid.clone(),
            term: definition.term.clone(),
            form: definition.form,
            linked,
        });
        model
    }

    /// The innermost provisions that open an offence (`A person who ...`) and use `term`,
    /// outside the definition itself and the other definitions of the concept.
    fn offences_using(&self, term: &str, definition: &Definition) -> Vec<&'a crate::document::Provision> {
        let text = &self.instrument.text;
        let mut found: Vec<&'a crate::document::Provision> = Vec::new();
        for provision in self.document.walk() {
            if definition.span.contains(provision.span)
                || provision.span.contains(definition.span)
                || self.definitions.iter().any(|other| other.eid == provision.eid)
                || !matches!(
                    provision.kind,
                    crate::document::ProvisionKind::Section
                        | crate::document::ProvisionKind::Article
                        | crate::document::ProvisionKind::Subsection
                        | crate::document::ProvisionKind::Paragraph
                )
            {
                continue;
            }
            let (_, words) = provision.head(text);
            if self.lexicon.drafting.offence_opener(words).is_some()
                && crate::definition::uses_term(
                    &text[self.headings.words_span(provision, &self.instrument.text).range()],
                    term,
                )
            {
                found.retain(|outer| !outer.span.contains(provision.span));
                found.push(provision);
            }
        }
        found
    }

    /// The instrument's definitions of the terms `text` uses, with the element families each
    /// may add: a defined act (`unlawful removal`) its acts and means; a definition of
    /// exploitation or of a form of it its purposes; a definition of a means (`coercion`) its
    /// means. Each adds only the families of `within` (what the text that uses it may add: a
    /// definition of a form of exploitation that mentions coercion adds no means). Those in
    /// `visited` are left out.
    /// The provisions of its own section a definition refers to by number (`set out in
    /// subsection (2)`, `listed in paragraph (b)`).
    fn provisions_referred_to(&self, definition: &Definition) -> Vec<&'a crate::document::Provision> {
        let text = self.text(definition.span);
        let words = tokens(text);
        let eid = definition.eid.as_str();
        let section = eid.split("__").next().unwrap_or(eid);
        let parent = eid.rsplit_once("__").map_or(eid, |(parent, _)| parent);
        let mut found: Vec<&'a crate::document::Provision> = Vec::new();
        for (index, word) in words.iter().enumerate() {
            let Some(label) = words.get(index + 1) else { continue };
            // (`set out in subsection (2)`, `referred to in`: not `except as provided in`.)
            let referred = self.lexicon.drafting.refers_to_a_list(&words[..index]);
            let label = &text[label.start..label.end];
            if !referred || label.len() > 4 || !label.chars().all(char::is_alphanumeric) {
                continue;
            }
            let named = self.lexicon.drafting.provision_named(
                &word.folded,
                true,
                &[ProvisionKind::Subsection, ProvisionKind::Paragraph],
            );
            let candidates = match named {
                Some(ProvisionKind::Subsection) => vec![format!("{section}__subsec_{label}")],
                Some(ProvisionKind::Paragraph) => {
                    vec![format!("{eid}__para_{label}"), format!("{parent}__para_{label}")]
                }
                _ => continue,
            };
            if let Some(provision) = candidates.iter().find_map(|candidate| self.document.find(candidate)) {
                if provision.eid != definition.eid
                    && !provision.span.contains(definition.span)
                    && !found.iter().any(|other| other.eid == provision.eid)
                {
                    found.push(provision);
                }
            }
        }
        found
    }

    fn definitions_used(
        &self,
        span: Span,
        visited: &[Span],
        within: &[ElementFamily],
    ) -> Vec<(&'a Definition, Vec<ElementFamily>)> {
        let text = self.text(span);
        let words = tokens(text);
        let purpose_from = self.purpose_marker_starts(span).first().copied();
        self.definitions
            .iter()
            .filter(|other| !other.term.is_empty() && EXPLICIT.contains(&other.form) && !visited.contains(&other.span))
            .filter_map(|other| {
                let wanted: Vec<String> = tokens(&other.term).into_iter().map(|token| token.folded).collect();
                let at = crate::fold::find_phrase(&words, &wanted)?;
                let families = match other.concept.as_ref().map(ConceptId::as_str) {
                    // A term the lexicon has no concept for is followed for what its own words
                    // name (`unlawful removal`, an act; `commercial sex act`, a purpose) and
                    // where it stands (among the purposes, a form of exploitation); a term
                    // that names nothing (`document`) is not followed.
                    None => {
                        let named: Vec<ElementFamily> = self
                            .lexicon
                            .find_elements_in(&other.term, None, self.language())
                            .iter()
                            .map(|hit| hit.element.family())
                            .collect();
                        if named.contains(&ElementFamily::Purpose)
                            || (!named.is_empty() && purpose_from.is_some_and(|purpose| words[at].start >= purpose))
                        {
                            vec![ElementFamily::Purpose]
                        } else if !named.is_empty() {
                            vec![ElementFamily::Act, ElementFamily::Means]
                        } else {
                            return None;
                        }
                    }
                    Some(
                        "exploitation"
                        | "sexual_exploitation"
                        | "forced_labour"
                        | "slavery"
                        | "servitude"
                        | "practices_similar_to_slavery"
                        | "prostitution"
                        | "pornography",
                    ) => vec![ElementFamily::Purpose],
                    Some("coercion" | "abuse_of_vulnerability" | "abduction") => vec![ElementFamily::Means],
                    _ => return None,
                };
                let families: Vec<ElementFamily> =
                    families.into_iter().filter(|family| within.contains(family)).collect();
                (!families.is_empty()).then_some((other, families))
            })
            .collect()
    }

    /// An age of a person anywhere in the body, written as an age (`under eighteen years of
    /// age`, `under the age of 18`, `not attained 16 years old`): a term of imprisonment
    /// (`not less than five years`) is not one.
    fn age_in_body(&self) -> Option<Qualifier> {
        let found = self.child_age_in_spans(self.law_spans(), true);
        (found.value != QualifierValue::Unknown).then_some(found)
    }

    fn child_age_in(&self, spans: &[Span]) -> Qualifier {
        self.child_age_in_spans(spans, false)
    }

    /// The first age in `spans`; with `as_an_age`, only one written as a person's age (in an
    /// offence, `not less than five years` is a term of imprisonment).
    fn child_age_in_spans(&self, spans: &[Span], as_an_age: bool) -> Qualifier {
        for span in spans {
            let text = self.text(*span);
            let words = tokens(text);
            let mut matches: Vec<PatternMatch> = self
                .lexicon
                .qualifiers
                .child_age
                .iter()
                .flat_map(|pattern| pattern.find_all(&words, text, &self.lexicon.qualifiers.numbers))
                .collect();
            matches.sort_by_key(|found| found.start);
            for found in matches {
                // `Provided, That for purposes of this section, a "child" shall also refer to a
                // person below twenty-four`: an age for one section, not the instrument's.
                let before = crate::location::floor_char_boundary(text, found.start.saturating_sub(PROVISO_WINDOW));
                let lead = text[before..found.start].to_lowercase();
                if self.lexicon.drafting.scoped_to_a_section(&lead) || self.lexicon.drafting.holds_a_proviso(&lead) {
                    continue;
                }
                if as_an_age
                    && !written_as_an_age(&self.lexicon.drafting, text, &found)
                    && !self.lexicon.drafting.names_an_age(&text[found.start..found.end])
                {
                    continue;
                }
                if let Some(age) = found.number {
                    let evidence = self.evidence(span.start + found.start, span.start + found.end, None);
                    return Qualifier {
                        value: QualifierValue::Number(age),
                        evidence: vec![evidence],
                        basis: None,
                        cause: None,
                    };
                }
            }
        }
        Qualifier {
            value: QualifierValue::Unknown,
            evidence: Vec::new(),
            basis: Some("no age of a child in the text seen".to_owned()),
            cause: None,
        }
    }

    fn exploitation_list(
        &self,
        source: Option<(&Definition, Span)>,
        purpose_from: Option<usize>,
        list_complete: bool,
    ) -> Qualifier {
        let Some((definition, span)) = source else {
            return Qualifier {
                value: QualifierValue::Unknown,
                evidence: Vec::new(),
                basis: Some("no list of the forms of exploitation in the text seen".to_owned()),
                cause: None,
            };
        };
        let named = |kind: ListKind, evidence: Vec<Evidence>, basis: Option<String>| Qualifier {
            value: QualifierValue::List(kind),
            evidence,
            basis,
            cause: None,
        };
        // A residual clause opens any list, whatever introduced it (`means ... or any other
        // similar practices`, `... or other methods`).
        let list_span = purpose_list_span(definition, span, purpose_from);
        if let Some((_, evidence)) = self.find_pattern(&self.lexicon.qualifiers.residual_open_list, list_span) {
            return named(ListKind::Open, vec![evidence], None);
        }
        // A definition of exploitation: its defining word decides (`means` closes, `includes` opens).
        if definition.concept.as_ref().is_some_and(|id| id.as_str() == "exploitation") && definition.term_span.is_some()
        {
            let after = definition.term_span.map_or(span, |term| Span { start: term.end, end: span.end });
            let open = self.find_pattern(&self.lexicon.qualifiers.open_list, after);
            let closed = self.find_pattern(&self.lexicon.qualifiers.closed_list, after);
            let (open_at, closed_at) =
                (open.as_ref().map(|(found, _)| found.start), closed.as_ref().map(|(found, _)| found.start));
            // `refers to, at a minimum, ...`: words that open the list win over the defining
            // word before them (`including`, which may only explain one item, does not).
            let opens_anyway =
                open.as_ref().is_some_and(|(_, evidence)| !self.lexicon.drafting.may_explain_an_item(&evidence.text));
            return match (open, closed) {
                (Some((_, evidence)), _)
                    if opens_anyway || closed_at.is_none_or(|closed| open_at.is_some_and(|open| open < closed)) =>
                {
                    named(ListKind::Open, vec![evidence], None)
                }
                (_, Some((_, evidence))) => named(ListKind::Closed, vec![evidence], None),
                _ => Qualifier {
                    value: QualifierValue::Unknown,
                    evidence: Vec::new(),
                    basis: Some("the definition of exploitation says neither `means` nor `includes`".to_owned()),
                    cause: None,
                },
            };
        }
        // A list inside the definition itself (`Exploitation shall include, at a minimum, ...`).
        let from = purpose_from.map_or(span.start, |offset| span.start + offset);
        let window = Span { start: from, end: span.end };
        if let Some((_, evidence)) = self.find_pattern(&self.lexicon.qualifiers.open_list, window) {
            return named(ListKind::Open, vec![evidence], None);
        }
        if let Some((_, evidence)) = self.find_pattern(&self.lexicon.qualifiers.closed_list, window) {
            return named(ListKind::Closed, vec![evidence], None);
        }
        // A bare list, whole in the text: nothing opens it, so it is closed.
        if list_complete {
            return named(
                ListKind::Closed,
                Vec::new(),
                Some("the forms of exploitation are listed in full, and no word opens the list (`includes`, `at a minimum`, `or other ...`)".to_owned()),
            );
        }
        Qualifier {
            value: QualifierValue::Unknown,
            evidence: Vec::new(),
            basis: Some(
                "the list of the forms of exploitation is introduced by neither `means` nor `includes`".to_owned(),
            ),
            cause: None,
        }
    }

    /// The items of a list of the forms of exploitation that name no element the lexicon
    /// knows (`sexual aggression`): words not read, said as such.
    fn unrecognised_items(&self, list: Span) -> Vec<Evidence> {
        let text = self.text(list);
        let hits = self.lexicon.find_elements_in(text, Some(0), self.language());
        // Words a qualifier reads (`whether or not the victim consents`, `within a country or
        // from one country to another`, `in order to`) are read, though not as an element.
        let words_of_list = tokens(text);
        let read: Vec<PatternMatch> = self
            .lexicon
            .qualifiers
            .reading_patterns()
            .flat_map(|pattern| pattern.find_all(&words_of_list, text, &self.lexicon.qualifiers.numbers))
            .collect();
        let mut items = Vec::new();
        let mut start = 0;
        let separators = |character: char| matches!(character, ',' | ';' | ':' | '\n' | '(' | ')' | '.');
        for (at, character) in text.char_indices().chain(std::iter::once((text.len(), ','))) {
            if !separators(character) {
                continue;
            }
            let piece = &text[start..at];
            for (offset, part) in split_conjunctions(&self.lexicon.drafting, piece) {
                let item_start = start + offset;
                let item = Span { start: item_start, end: item_start + part.len() };
                items.push(item);
            }
            start = at + character.len_utf8();
        }
        // The list ends where a sentence or a clause of another kind starts (`... shall be
        // punished`, `Explanation`, `Article 12`).
        let drafting = &self.lexicon.drafting;
        let mut unread = Vec::new();
        // (An item opened by the purpose words is what follows them: `for the purpose of
        // sexual aggression`.)
        let markers: Vec<PatternMatch> = self
            .lexicon
            .qualifiers
            .purpose_markers
            .iter()
            .flat_map(|pattern| pattern.find_all(&words_of_list, text, &self.lexicon.qualifiers.numbers))
            .collect();
        for mut item in items {
            if let Some(marker) = markers.iter().find(|found| found.start <= item.start && found.end > item.start) {
                item.start = marker.end.min(item.end);
            }
            let words = tokens(&text[item.range()]);
            if words.iter().any(|word| drafting.ends_a_list(&word.folded)) {
                break;
            }
            if hits.iter().any(|hit| hit.start < item.end && hit.end > item.start)
                || read.iter().any(|found| found.start < item.end && found.end > item.start)
                || words.iter().any(|word| drafting.opens_a_clause(&word.folded))
            {
                continue;
            }
            // An item is a noun phrase of a few words, said without the words that join it
            // (`for the purpose of`, `any other`); a clause (`without his consent`, `when the
            // length ...`) or a residual (`other methods`) is something else.
            let Some(first) = words.iter().position(|word| !drafting.is_list_filler(&word.folded)) else { continue };
            let content = words.iter().filter(|word| !drafting.is_list_filler(&word.folded)).count();
            if (MIN_ITEM_WORDS..=MAX_ITEM_WORDS).contains(&content) {
                let (start, end) = (item.start + words[first].start, item.end);
                unread.push(self.evidence(list.start + start, list.start + end, None));
            }
        }
        unread
    }

    fn trafficking_qualifiers(&self, model: &mut TermModel, reading: &Reading<'_>, linked: &mut Vec<Eid>) {
        let Reading { definition, list_source, incomplete, requires_means, exploitation_used } = *reading;
        let complete_instrument = self.instrument_complete();
        let unknown = |basis: &str| Qualifier {
            value: QualifierValue::Unknown,
            evidence: Vec::new(),
            basis: Some(basis.to_owned()),
            cause: None,
        };

        // child_age: the instrument's definition of child, else words in the definition, else
        // another constitutive provision (the child offence).
        let child_definitions = self.child_definitions();
        let child_spans: Vec<Span> = child_definitions.iter().map(|child| child.span).collect();
        let mut offence_spans: Vec<Span> = vec![definition.span];
        offence_spans.extend(self.constitutive_others(definition).map(|other| other.span));
        let mut age = self.child_age_in(&child_spans);
        if age.value == QualifierValue::Unknown {
            age = self.child_age_in_spans(&offence_spans, true);
        }
        // An age of a child anywhere else in the law (`Where the victim is under eighteen years
        // of age, ...`), where no definition of child says it.
        if age.value == QualifierValue::Unknown && child_definitions.is_empty() {
            if let Some(found) = self.age_in_body() {
                age = found;
            }
        }
        if age.value == QualifierValue::Unknown && !child_definitions.is_empty() {
            age.basis = Some("the definition of child names no age in the text seen".to_owned());
        }
        if let Some(child) = child_definitions.first() {
            if !linked.contains(&child.eid)
                && age.evidence.first().is_some_and(|evidence| child.span.contains(evidence.span))
            {
                linked.push(child.eid.clone());
            }
        }
        model.qualifiers.insert(QualifierName::ChildAge, age);

        // means_required_for_children.
        let names_means = requires_means;
        let child_rule = self
            .find_pattern(&self.lexicon.qualifiers.children_without_means, definition.span)
            .or_else(|| {
                self.siblings(definition)
                    .find_map(|span| self.find_pattern(&self.lexicon.qualifiers.children_without_means, span))
            })
            .or_else(|| self.find_in_law(&self.lexicon.qualifiers.children_without_means))
            .map(|(_, evidence)| evidence)
            .or_else(|| self.child_offence_without_means(definition, linked));
        let means_for_children = match child_rule {
            Some(evidence) => {
                Qualifier { value: QualifierValue::Bool(false), evidence: vec![evidence], basis: None, cause: None }
            }
            None if !names_means && incomplete.is_none() => Qualifier {
                value: QualifierValue::Bool(false),
                evidence: Vec::new(),
                basis: Some("the definition requires no means for anyone".to_owned()),
                cause: None,
            },
            None if names_means && complete_instrument => Qualifier {
                value: QualifierValue::Bool(true),
                evidence: Vec::new(),
                basis: Some(
                    "the definition requires means and no provision of the complete text exempts children".to_owned(),
                ),
                cause: None,
            },
            None => unknown(&format!(
                "no provision exempting children from the means was found in the text seen, {}",
                self.incomplete_phrase()
            )),
        };
        model.qualifiers.insert(QualifierName::MeansRequiredForChildren, means_for_children);

        // consent_irrelevant: anywhere in the instrument's text.
        let consent = match self
            .find_pattern(&self.lexicon.qualifiers.consent_irrelevant, definition.span)
            .or_else(|| self.find_in_law(&self.lexicon.qualifiers.consent_irrelevant))
        {
            Some((_, evidence)) => {
                Qualifier { value: QualifierValue::Bool(true), evidence: vec![evidence], basis: None, cause: None }
            }
            None if complete_instrument => Qualifier {
                value: QualifierValue::Bool(false),
                evidence: Vec::new(),
                basis: Some("the complete text does not declare consent irrelevant".to_owned()),
                cause: None,
            },
            None => unknown(&format!(
                "no words declaring consent irrelevant in the text seen, {}",
                self.incomplete_phrase()
            )),
        };
        model.qualifiers.insert(QualifierName::ConsentIrrelevant, consent);

        // victim_scope: the object of the acts, so the words after the first act (`Any person
        // who recruits ... an individual`: the first `person` is the offender).
        let object = model
            .elements
            .iter()
            .filter(|element| element.id.family() == ElementFamily::Act)
            .flat_map(|element| element.evidence.iter())
            .min_by_key(|evidence| (!definition.span.contains(evidence.span), evidence.span.start))
            .map(|evidence| {
                let end = self
                    .document
                    .walk()
                    .filter(|provision| provision.span.contains(evidence.span))
                    .last()
                    .map_or(definition.span.end, |provision| provision.span.end);
                Span { start: evidence.span.start, end }
            });
        let named = |scope: VictimScope, evidence: Evidence| Qualifier {
            value: QualifierValue::Scope(scope),
            evidence: vec![evidence],
            basis: None,
            cause: None,
        };
        // The concept's own name may say whom it protects (`trafficking in women and
        // children`): the defined term, or the heading over a constitutive offence.
        let name_span = definition
            .term_span
            .filter(|span| span.end > span.start)
            .or_else(|| self.document.find(definition.eid.as_str()).and_then(|provision| provision.heading_span));
        let named_scope =
            name_span.and_then(|span| self.find_pattern(&self.lexicon.qualifiers.women_and_children, span));
        let scope_by_name = named_scope.is_some();
        let scope = match (named_scope, object) {
            (Some((_, evidence)), _) => named(VictimScope::WomenAndChildren, evidence),
            (None, None) => unknown("the definition names no act, so not whom it is done to"),
            // Whom the first words after the act name: `persons`, `a woman or child`, `a child`.
            (None, Some(object)) => {
                let qualifiers = &self.lexicon.qualifiers;
                [
                    (VictimScope::WomenAndChildren, &qualifiers.women_and_children),
                    (VictimScope::AllPersons, &qualifiers.all_persons),
                    (VictimScope::Children, &qualifiers.children_only),
                ]
                .into_iter()
                .filter_map(|(value, patterns)| {
                    self.find_pattern(patterns, object).map(|(found, evidence)| (found.start, value, evidence))
                })
                // (The longest words win where two start together: `người dưới 16 tuổi`, a
                // child, over `người`, a person.)
                .min_by_key(|(start, _, evidence)| (*start, std::cmp::Reverse(evidence.span.end)))
                .map_or_else(
                    || match self
                        .find_pattern(&self.lexicon.qualifiers.all_persons, definition.span)
                        .filter(|_| incomplete.is_none())
                    {
                        // The acts stand apart from their object (`arranges the travel of
                        // another person` in one subsection, `by recruiting ...` in another).
                        Some((_, evidence)) => named(VictimScope::AllPersons, evidence),
                        None => unknown("the definition does not say whom it protects"),
                    },
                    |(_, value, evidence)| named(value, evidence),
                )
            }
        };
        // An offence that protects only some persons (`người dưới 16 tuổi`), read as the
        // definition because the general offence was not seen, says nothing of whom the
        // instrument protects: the rest of it may hold that offence.
        let narrowed =
            matches!(scope.value, QualifierValue::Scope(scope) if scope != crate::qualifier::VictimScope::AllPersons);
        let scope = if narrowed
            && definition.form == DefinitionForm::Constitutive
            && !complete_instrument
            && !scope_by_name
        {
            unknown("the offence seen protects only some persons, and the rest of the instrument, which may hold the general offence, was not seen")
        } else {
            scope
        };
        model.qualifiers.insert(QualifierName::VictimScope, scope);

        // transnational_required.
        let within_or_across = self
            .find_pattern(&self.lexicon.qualifiers.within_or_across_borders, definition.span)
            .or_else(|| {
                self.siblings(definition)
                    .find_map(|span| self.find_pattern(&self.lexicon.qualifiers.within_or_across_borders, span))
            })
            .or_else(|| self.find_in_law(&self.lexicon.qualifiers.within_or_across_borders));
        // A crossing may be required by the definition or by a provision that qualifies it (an
        // offence, a scope section naming the definition's section), not by its preamble nor by
        // a provision on something else (information on travellers who `cross an international
        // border`, in a treaty's article on cooperation). Words saying that no crossing is
        // required (`immaterial whether the victim crossed a border`) speak of the offence
        // wherever they stand.
        let across = self
            .find_pattern(&self.lexicon.qualifiers.across_borders_required, definition.span)
            .or_else(|| self.find_in_qualifying(&self.lexicon.qualifiers.across_borders_required, definition));
        let transnational = match (within_or_across, across) {
            (Some((_, evidence)), _) => {
                Qualifier { value: QualifierValue::Bool(false), evidence: vec![evidence], basis: None, cause: None }
            }
            (None, Some((_, evidence))) => {
                Qualifier { value: QualifierValue::Bool(true), evidence: vec![evidence], basis: None, cause: None }
            }
            (None, None) if complete_instrument => Qualifier {
                value: QualifierValue::Bool(false),
                evidence: Vec::new(),
                basis: Some("the complete text names no border crossing".to_owned()),
                cause: None,
            },
            (None, None) if incomplete.is_none() => unknown(&format!(
                "the definition names no border crossing, but another provision of the text may: the text seen is {}",
                self.incomplete_phrase().trim_start_matches("which is ")
            )),
            (None, None) => unknown("the definition is incomplete in the corpus"),
        };
        model.qualifiers.insert(QualifierName::TransnationalRequired, transnational);

        let purpose_from =
            self.find_pattern(&self.lexicon.qualifiers.purpose_markers, definition.span).map(|(found, _)| found.start);
        let mut list = self.exploitation_list(list_source, purpose_from, incomplete.is_none());
        if let Some(exploitation) = exploitation_used {
            let defined = self.exploitation_list(Some((exploitation, exploitation.span)), None, incomplete.is_none());
            if defined.value == QualifierValue::List(ListKind::Open) {
                list = defined;
            }
        }
        model.qualifiers.insert(QualifierName::ExploitationList, list);
    }

    /// Where the definition of trafficking was not seen, what the provisions that were seen
    /// settle is still read: the forms of exploitation of the instrument's definition of
    /// exploitation, and the age of its definition of child. The rest stays not found.
    fn read_without_the_definition(&self, model: &mut TermModel) {
        if let Some(exploitation) = self.definitions.iter().find(|other| {
            other.concept.as_ref().is_some_and(|id| id.as_str() == "exploitation") && EXPLICIT.contains(&other.form)
        }) {
            let own_term = exploitation.term_span;
            let mut found: BTreeMap<ElementId, Vec<Evidence>> = BTreeMap::new();
            for hit in self.lexicon.find_elements_in(self.text(exploitation.span), Some(0), self.language()) {
                let absolute =
                    Span { start: exploitation.span.start + hit.start, end: exploitation.span.start + hit.end };
                if hit.element.family() == ElementFamily::Purpose
                    && own_term.is_none_or(|term| !term.contains(absolute))
                {
                    found.entry(hit.element).or_default().push(self.evidence(
                        absolute.start,
                        absolute.end,
                        Some(hit.method),
                    ));
                }
            }
            model.not_found.retain(|item| !found.contains_key(&item.id));
            model
                .elements
                .extend(found.into_iter().map(|(id, evidence)| ElementPresence { id, evidence: dedupe(evidence) }));
        }
        let child_spans: Vec<Span> = self.child_definitions().iter().map(|child| child.span).collect();
        let age = self.child_age_in(&child_spans);
        if age.value != QualifierValue::Unknown {
            model.qualifiers.insert(QualifierName::ChildAge, age);
        }
    }

    /// The instrument's definitions of child that hold for it all (not one section's).
    fn child_definitions(&self) -> Vec<&'a Definition> {
        self.definitions
            .iter()
            .filter(|other| {
                other.concept.as_ref().is_some_and(|id| id.as_str() == "child")
                    && EXPLICIT.contains(&other.form)
                    && !self.lexicon.drafting.scoped_to_a_section(self.text(other.span))
            })
            .collect()
    }

    /// The body of the law without the offences of other crimes (`Dealing in slaves` beside
    /// `Trafficking in people`): what those say of a child's age, of borders or of consent is
    /// theirs, not the concept's. Spans in order.
    fn law_spans(&self) -> &[Span] {
        self.law.get_or_init(|| self.find_law_spans())
    }

    fn find_law_spans(&self) -> Vec<Span> {
        let body = self.body_span();
        let mut others: Vec<Span> = self.other_offences();
        others.sort_by_key(|span| span.start);
        let mut spans = Vec::new();
        let mut start = body.start;
        for other in others {
            if other.start > start {
                spans.push(Span { start, end: other.start.min(body.end) });
            }
            start = start.max(other.end);
        }
        if start < body.end {
            spans.push(Span { start, end: body.end });
        }
        spans
    }

    /// Provisions that open as an offence (`Every one is liable ... who`), name acts of their
    /// own, and are not about the concept: no definition of it is in them or around them, no
    /// heading over them names it, and their words do not. (`Where the offence involves a
    /// child, ...` names no act: it extends an offence, perhaps the concept's.)
    fn other_offences(&self) -> Vec<Span> {
        let concept_spans: Vec<Span> = self
            .definitions
            .iter()
            .filter(|definition| definition.concept.as_ref().is_some_and(|id| id.as_str() == "trafficking_in_persons"))
            .map(|definition| definition.span)
            .collect();
        let mut spans = Vec::new();
        for provision in &self.document.provisions {
            self.collect_other_offences(provision, &concept_spans, &mut spans);
        }
        spans
    }

    fn collect_other_offences(&self, provision: &crate::document::Provision, concept: &[Span], out: &mut Vec<Span>) {
        let names_concept =
            |words: &str| self.lexicon.drafting.speaks_of_trafficking(&crate::lexicon::fold_phrase(words));
        if concept.iter().any(|span| provision.span.contains(*span) && !span.contains(provision.span)) {
            // Around the concept's definition (its Part, its section): the other provisions
            // may be other offences.
            for child in &provision.children {
                self.collect_other_offences(child, concept, out);
            }
            return;
        }
        // (A provision that names an offence by its number, `an offence under section 2`, is
        // about that offence, which may be the concept's: it is not set aside.)
        let text = self.text(provision.span);
        let about_concept = concept.iter().any(|span| span.contains(provision.span) || provision.span.contains(*span))
            || provision.heading.as_deref().is_some_and(names_concept)
            || names_concept(text)
            || self.lexicon.drafting.refers_to_another_offence(&tokens(text), text);
        if about_concept {
            return;
        }
        let (_, head) = provision.head(&self.instrument.text);
        let acts = || {
            self.lexicon
                .find_elements_in(self.text(provision.span), None, self.language())
                .iter()
                .any(|hit| hit.element.family() == ElementFamily::Act)
        };
        if self.lexicon.drafting.offence_opener(head).is_some() && acts() {
            out.push(provision.span);
            return;
        }
        for child in &provision.children {
            self.collect_other_offences(child, concept, out);
        }
    }

    /// The first match of `patterns` in the law's own provisions (`law_spans`) that qualify
    /// the definition: the article or section that holds it or another definition of the
    /// concept, one that punishes (an offence), and one that names the definition's article
    /// or section by its number (`Section 2 applies only where ...`).
    fn find_in_qualifying(&self, patterns: &[Pattern], definition: &Definition) -> Option<(PatternMatch, Evidence)> {
        let mut units = Vec::new();
        for provision in &self.document.provisions {
            collect_units(provision, &mut units);
        }
        let concept_spans: Vec<Span> = self
            .definitions
            .iter()
            .filter(|other| other.concept.as_ref().is_some_and(|id| id.as_str() == "trafficking_in_persons"))
            .map(|other| other.span)
            .chain(std::iter::once(definition.span))
            .collect();
        let own_number = units
            .iter()
            .find(|unit| unit.span.contains(definition.span))
            .and_then(|unit| unit.number.clone().or_else(|| unit.num.clone()));
        let qualifies = |unit: &crate::document::Provision| {
            if matches!(unit.kind, ProvisionKind::Body | ProvisionKind::Preamble) {
                // No numbering recognised: the provisions cannot be told apart.
                return unit.kind == ProvisionKind::Body;
            }
            if concept_spans.iter().any(|span| unit.span.contains(*span)) {
                return true;
            }
            let text = self.text(unit.span);
            let words = tokens(text);
            let (_, head) = unit.head(&self.instrument.text);
            if self.lexicon.drafting.names_an_offence(&words) || self.lexicon.drafting.offence_opener(head).is_some() {
                return true;
            }
            let kinds = [ProvisionKind::Article, ProvisionKind::Section];
            own_number.as_deref().is_some_and(|number| {
                words.windows(2).any(|pair| {
                    self.lexicon.drafting.provision_named(&pair[0].folded, true, &kinds).is_some()
                        && &text[pair[1].start..pair[1].end] == number
                })
            })
        };
        let spans: Vec<Span> = units
            .iter()
            .filter(|unit| qualifies(unit))
            .flat_map(|unit| {
                self.law_spans().iter().filter_map(move |law| {
                    let start = law.start.max(unit.span.start);
                    let end = law.end.min(unit.span.end);
                    (start < end).then_some(Span { start, end })
                })
            })
            .collect();
        spans.iter().find_map(|span| self.find_pattern(patterns, *span))
    }

    /// The first match of `patterns` in the law's own provisions (`law_spans`).
    fn find_in_law(&self, patterns: &[Pattern]) -> Option<(PatternMatch, Evidence)> {
        self.law_spans().iter().find_map(|span| self.find_pattern(patterns, *span))
    }

    /// The text after the preamble: where the law's provisions are.
    fn body_span(&self) -> Span {
        let start = self
            .document
            .provisions
            .iter()
            .find(|provision| provision.kind != crate::document::ProvisionKind::Preamble)
            .map_or(0, |provision| provision.span.start);
        Span { start, end: self.instrument.text.len() }
    }

    /// Other constitutive definitions of trafficking (the child offence beside the adult one).
    fn constitutive_others(&self, definition: &'a Definition) -> impl Iterator<Item = &'a Definition> + 'a {
        let eid = definition.eid.clone();
        self.definitions.iter().filter(move |other| other.form == DefinitionForm::Constitutive && other.eid != eid)
    }

    /// The spans of the definition's sibling provisions (the other paragraphs of Article 3).
    fn siblings(&self, definition: &Definition) -> impl Iterator<Item = Span> + '_ {
        let parent = definition.eid.as_str().rsplit_once("__").map(|(parent, _)| parent.to_owned());
        let siblings: Vec<Span> = match parent.and_then(|parent| self.document.find(&parent)) {
            Some(parent) => {
                parent.children.iter().filter(|child| child.eid != definition.eid).map(|child| child.span).collect()
            }
            None => Vec::new(),
        };
        siblings.into_iter()
    }

    /// A constitutive provision about a child that names no means: `Any person who recruits
    /// ... a child for the purpose of exploitation shall be guilty`.
    fn child_offence_without_means(&self, definition: &'a Definition, linked: &[Eid]) -> Option<Evidence> {
        // The other constitutive provisions, and the definition's own sub-provisions (`(2)
        // procuring ... a child` beside `(1) ... by means of ...`).
        let mut spans: Vec<(Span, bool)> =
            self.constitutive_others(definition).map(|other| (other.span, true)).collect();
        if let Some(provision) = self.document.find(definition.eid.as_str()) {
            spans.extend(provision.children.iter().map(|child| (child.span, true)));
        }
        // Offences that use the defined term (`A person who traffics a child ... shall be
        // guilty`): the term carries the acts.
        if EXPLICIT.contains(&definition.form) && !definition.term.is_empty() {
            for provision in self.offences_using(&definition.term, definition) {
                spans.push((self.headings.words_span(provision, &self.instrument.text), false));
            }
        }
        // The alternatives of a defined act the definition uses (`unlawful removal` means to
        // remove a person by force ..., or to take a minor away from custody).
        for eid in linked {
            if let Some(provision) = self.document.find(eid.as_str()) {
                spans.extend(provision.children.iter().map(|child| (child.span, false)));
            }
        }
        for (span, needs_acts) in spans {
            let hits = self.lexicon.find_elements_in(self.text(span), None, self.language());
            let names_means = hits.iter().any(|hit| hit.element.family() == ElementFamily::Means);
            let names_acts = hits.iter().any(|hit| hit.element.family() == ElementFamily::Act);
            if names_means || (needs_acts && !names_acts) {
                continue;
            }
            let child_words = self
                .find_pattern(&self.lexicon.qualifiers.children_only, span)
                .or_else(|| self.find_pattern(&self.lexicon.qualifiers.child_age, span));
            if let Some((_, evidence)) = child_words {
                return Some(evidence);
            }
        }
        None
    }
}

/// A model that cannot be built (language not covered, no definition seen): every element
/// `not_found` and every qualifier unknown, each for `reason`.
fn unmodelled(mut model: TermModel, candidates: Vec<ElementId>, reason: Reason) -> TermModel {
    model.not_found = candidates.into_iter().map(|id| NotFound::new(id, reason.clone())).collect();
    for name in qualifier_names(&model.concept) {
        let unknown = Qualifier {
            value: QualifierValue::Unknown,
            evidence: Vec::new(),
            basis: Some(reason.to_string()),
            cause: Some(reason.clone()),
        };
        model.qualifiers.insert(*name, unknown);
    }
    model
}

/// Where a definition lists the forms of exploitation: after the term a definition of
/// exploitation defines, or after the purpose words of a definition of the concept.
fn purpose_list_span(definition: &Definition, span: Span, purpose_from: Option<usize>) -> Span {
    match definition.term_span {
        Some(term) if definition.concept.as_ref().is_some_and(|id| id.as_str() == "exploitation") => {
            Span { start: term.end, end: span.end }
        }
        _ => Span { start: purpose_from.map_or(span.start, |offset| span.start + offset), end: span.end },
    }
}

/// The parts of a list item joined by ` or ` / ` and ` (with their offsets), trimmed.
fn split_conjunctions<'p>(drafting: &DraftingWords, piece: &'p str) -> Vec<(usize, &'p str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let lower = piece.to_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for word in drafting.conjunctions() {
        let word = format!(" {word} ");
        cuts.extend(lower.match_indices(&word).map(|(at, found)| (at, at + found.len())));
    }
    cuts.sort_unstable();
    for (cut_start, cut_end) in cuts.into_iter().chain(std::iter::once((piece.len(), piece.len()))) {
        if cut_start < start {
            continue;
        }
        let part = &piece[start..cut_start];
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            parts.push((start + (part.len() - part.trim_start().len()), trimmed));
        }
        start = cut_end;
    }
    parts
}

/// Where `term` stands in `text` (byte ranges), its words folded.
fn term_occurrences(text: &str, term: &str) -> Vec<(usize, usize)> {
    let wanted: Vec<String> = tokens(term).into_iter().map(|token| token.folded).collect();
    let words = tokens(text);
    if wanted.is_empty() || words.len() < wanted.len() {
        return Vec::new();
    }
    words
        .windows(wanted.len())
        .filter(|window| window.iter().zip(&wanted).all(|(word, folded)| &word.folded == folded))
        .map(|window| (window[0].start, window[window.len() - 1].end))
        .collect()
}

fn english() -> String {
    "en".to_owned()
}

/// Whether an age pattern's match is written as a person's age by what follows it: `under
/// eighteen years of age`, `is under 18.` (a child age between 12 and 21 closing its clause),
/// not `not less than five years` (a term of imprisonment). (`under the age of 18` names the
/// age in its own words: [`DraftingWords::names_an_age`].)
fn written_as_an_age(drafting: &DraftingWords, text: &str, found: &PatternMatch) -> bool {
    let written = text[found.start..found.end].to_lowercase();
    let after =
        text[found.end..crate::location::floor_char_boundary(text, (found.end + 24).min(text.len()))].to_lowercase();
    let after = after.trim_start();
    // `below eighteen (18) years of age`: the figures repeated in brackets.
    let after = match after.strip_prefix('(').and_then(|rest| rest.split_once(')')) {
        Some((figures, rest)) if figures.len() <= 20 => rest.trim_start(),
        _ => after,
    };
    drafting.opens_with_an_age(after)
        || (found.number.is_some_and(|age| (12..=21).contains(&age))
            && !drafting.names_years(&written)
            && (after.is_empty() || after.starts_with(['.', ',', ';', ')'])))
}

fn dedupe(mut evidence: Vec<Evidence>) -> Vec<Evidence> {
    evidence.sort_by_key(|evidence| (evidence.span.start, std::cmp::Reverse(evidence.span.end)));
    let mut kept: Vec<Evidence> = Vec::new();
    for item in evidence {
        if kept.last().is_some_and(|last| last.span.end > item.span.start) {
            continue;
        }
        kept.push(item);
    }
    kept
}

/// The element families a concept's model holds.
fn families_for(concept: &ConceptId) -> Vec<ElementFamily> {
    match concept.as_str() {
        "trafficking_in_persons" => vec![ElementFamily::Act, ElementFamily::Means, ElementFamily::Purpose],
        "exploitation" => vec![ElementFamily::Purpose],
        "child" => Vec::new(),
        _ => vec![ElementFamily::Act, ElementFamily::Means, ElementFamily::Purpose],
    }
}

/// The qualifiers a concept's model reads.
pub(crate) fn qualifier_names(concept: &ConceptId) -> &'static [QualifierName] {
    match concept.as_str() {
        "trafficking_in_persons" => QualifierName::ALL,
        "exploitation" => &[QualifierName::ExploitationList],
        "child" => &[QualifierName::ChildAge],
        _ => &[],
    }
}

/// The articles and sections of the text (or its unnumbered body): the provisions inside
/// parts, titles, chapters and divisions, and inside a treaty's `SECTION I` of articles.
fn collect_units<'d>(provision: &'d crate::document::Provision, out: &mut Vec<&'d crate::document::Provision>) {
    let container = matches!(
        provision.kind,
        ProvisionKind::Part
            | ProvisionKind::Title
            | ProvisionKind::Chapter
            | ProvisionKind::Division
            | ProvisionKind::Subdivision
    ) || (provision.kind == ProvisionKind::Section
        && provision.children.iter().any(|child| child.kind == ProvisionKind::Article));
    if container {
        for child in &provision.children {
            collect_units(child, out);
        }
    } else {
        out.push(provision);
    }
}
