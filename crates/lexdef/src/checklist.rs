//! The protection checklist: what an instrument provides for victims of trafficking —
//! non-punishment, shelter, care, legal assistance, residence, compensation, return, privacy
//! and the rest (`corpus/PROTECTION.md`) — each item `provided` with the provisions and words
//! that provide it and how strongly (mandatory, discretionary, conditional on cooperation),
//! `not_provided` only where the corpus holds the instrument's whole protection part, and
//! `not_found` with the reason otherwise.
//!
//! The words are read with a lexicon of their own (`data/protection*.toml`, apart from the
//! definitions' lexicon: `shelter` is an act of trafficking in a definition) and the markers of
//! `data/checklist.toml`: a protection counts where a victim is named in its sentence, the
//! chapeau above it or a heading over it, outside definitions and offence-making sentences.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::definition::Definition;
use crate::document::{Document, Provision, ProvisionKind, Span};
use crate::eid::Eid;
use crate::error::{Error, Result};
use crate::fold::{tokens_in, Folding};
use crate::ids::ElementId;
use crate::instrument::Instrument;
use crate::instrument_id::InstrumentId;
use crate::lexicon::{Lexicon, MatchMethod, NumberWords, Pattern};
use crate::metadata::ProtectionStatus;

/// The version of the checklist's JSON (`{"schema": "lexdef-checklist/1", ...}`).
pub const CHECKLIST_SCHEMA: &str = "lexdef-checklist/1";

/// The JSON Schema of the checklist's JSON.
pub const CHECKLIST_JSON_SCHEMA: &str = include_str!("../data/checklist.schema.json");

const CHECKLIST_DATA: &str = include_str!("../data/checklist.toml");
const PROTECTION_LEXICON: [(&str, &str); 4] = [
    (include_str!("../data/protection.toml"), "protection.toml"),
    (include_str!("../data/protection.id.toml"), "protection.id.toml"),
    (include_str!("../data/protection.th.toml"), "protection.th.toml"),
    (include_str!("../data/protection.vi.toml"), "protection.vi.toml"),
];

/// Whether an instrument provides an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// A provision provides it: the evidence says which and with what words.
    Provided,
    /// The instrument's protection part is whole in the corpus and none of it provides it.
    NotProvided,
    /// The text seen does not settle it: the reason says why.
    NotFound,
}

impl ItemState {
    /// The word used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Provided => "provided",
            ItemState::NotProvided => "not_provided",
            ItemState::NotFound => "not_found",
        }
    }
}

impl fmt::Display for ItemState {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// How strongly a provision binds the State to provide a protection. Ordered from the weakest:
/// an item provided by several provisions takes the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// The State may provide it, or its duty is softened (`shall consider`, `in appropriate
    /// cases`, `to the extent possible`).
    Discretionary,
    /// Provided only if the victim cooperates with the investigation or prosecution.
    Conditional,
    /// The State must provide it, or the law states it as a victim's right or as a rule.
    Mandatory,
}

impl Obligation {
    /// The word used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Obligation::Discretionary => "discretionary",
            Obligation::Conditional => "conditional",
            Obligation::Mandatory => "mandatory",
        }
    }
}

impl fmt::Display for Obligation {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Why an item is `not_found`. Decisions match these; their `Display` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemUnsettled {
    /// The corpus holds none of the instrument's protection provisions.
    NoProtectionText,
    /// The corpus holds only part of them.
    ProtectionPartial {
        /// What the metadata says is missing.
        note: Option<String>,
    },
    /// A text without `[protection]` metadata: whether it holds the whole protection part is
    /// not known.
    ProtectionUnknown,
    /// The text is in a language the protection lexicon does not cover.
    LanguageNotCovered {
        /// The ISO 639-1 code of the text.
        code: String,
    },
    /// A text given without metadata does not read as English: its language is not known.
    LanguageNotRecognised,
}

impl fmt::Display for ItemUnsettled {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemUnsettled::NoProtectionText => formatter.write_str(
                "the corpus holds none of this instrument's provisions on protecting victims: the law may provide it",
            ),
            ItemUnsettled::ProtectionPartial { note: Some(note) } => write!(
                formatter,
                "the corpus holds only part of this instrument's provisions on protecting victims, and none of those provides it ({note})"
            ),
            ItemUnsettled::ProtectionPartial { note: None } => formatter.write_str(
                "the corpus holds only part of this instrument's provisions on protecting victims, and none of those provides it",
            ),
            ItemUnsettled::ProtectionUnknown => formatter.write_str(
                "no provision of this text provides it, but the text does not say it holds the instrument's whole protection part (no [protection] metadata)",
            ),
            ItemUnsettled::LanguageNotCovered { code } => write!(
                formatter,
                "the text is in a language the protection lexicon does not cover ({code})"
            ),
            ItemUnsettled::LanguageNotRecognised => formatter.write_str(
                "the text has no metadata and does not read as English: its language is not known",
            ),
        }
    }
}

/// The words that provide a protection, where they are, and how strongly they bind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProtectionEvidence {
    /// The innermost provision holding the words.
    pub eid: Eid,
    /// The words' byte span in the instrument's text.
    pub span: Span,
    /// The file line of the words.
    pub line: usize,
    /// The words, exactly as in the text (`&text[span]`).
    pub text: String,
    /// How they matched the protection lexicon.
    #[serde(flatten)]
    pub method: MatchMethod,
    /// How strongly this provision binds the State to provide it.
    pub obligation: Obligation,
    /// The words that set the obligation (`shall consider`, `in appropriate cases`, `shall`);
    /// absent where the law states the protection as a rule without a modal word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation_words: Option<String>,
    /// The sentence the words stand in, with the chapeau it continues: what a reader needs to
    /// judge the evidence.
    pub context: String,
}

/// One item of an instrument's checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// The item (`protection.compensation`).
    pub id: ElementId,
    /// Its name for people.
    pub label: String,
    /// Provided, not provided, or not found.
    pub state: ItemState,
    /// For a provided item, the strongest obligation of its evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<Obligation>,
    /// Every place that provides it, in text order.
    pub evidence: Vec<ProtectionEvidence>,
    /// For a `not_found` item, why, for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For a `not_found` item, why, for decisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<ItemUnsettled>,
}

/// What an instrument provides for victims, item by item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The language of its text.
    pub language: String,
    /// How much of its protection part the corpus holds: `complete`, `partial`, `none`, or
    /// `unknown` for a text without metadata.
    pub protection: String,
    /// The items, in the checklist's order.
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    /// The item with this id (`protection.shelter`).
    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.items.iter().find(|item| item.id.as_str() == id)
    }

    /// How many items are provided.
    pub fn provided(&self) -> usize {
        self.items.iter().filter(|item| item.state == ItemState::Provided).count()
    }
}

/// The checklists of several instruments, as `lexdef checklist --format json` writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistSet {
    /// Always [`CHECKLIST_SCHEMA`].
    pub schema: String,
    /// One checklist per instrument, in corpus order.
    pub instruments: Vec<Checklist>,
}

impl ChecklistSet {
    /// The set of `checklists`.
    pub fn new(checklists: Vec<Checklist>) -> ChecklistSet {
        ChecklistSet { schema: CHECKLIST_SCHEMA.to_owned(), instruments: checklists }
    }
}

/// How a subject's item stands against the baseline's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemVerdict {
    /// Both provide it with the same obligation, or neither does (both texts whole).
    Same,
    /// The baseline provides it; the subject, whose protection part is whole, does not.
    Lacks,
    /// Both provide it; the subject binds less (discretionary where the baseline is mandatory).
    Weaker,
    /// Both provide it; the subject binds more.
    Stronger,
    /// The subject provides it; the baseline, whole, does not.
    Adds,
    /// One side's text does not settle it (`not_found`): the reason says which and why.
    CannotSay,
}

impl ItemVerdict {
    /// The word used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemVerdict::Same => "same",
            ItemVerdict::Lacks => "lacks",
            ItemVerdict::Weaker => "weaker",
            ItemVerdict::Stronger => "stronger",
            ItemVerdict::Adds => "adds",
            ItemVerdict::CannotSay => "cannot_say",
        }
    }
}

/// One item of a subject's checklist against the baseline's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemComparison {
    /// The item.
    pub id: ElementId,
    /// Its name for people.
    pub label: String,
    /// How the subject stands against the baseline.
    pub verdict: ItemVerdict,
    /// The baseline's item, with its evidence.
    pub baseline: ChecklistItem,
    /// The subject's item, with its evidence.
    pub subject: ChecklistItem,
}

/// A subject's protection checklist compared with a baseline's (`lexdef compare --concept
/// protection`), item by item, with the words on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistComparison {
    /// Always [`CHECKLIST_COMPARISON_SCHEMA`].
    pub schema: String,
    /// The subject instrument.
    pub subject: InstrumentId,
    /// How much of the subject's protection part the corpus holds.
    pub subject_protection: String,
    /// The baseline instrument.
    pub baseline: InstrumentId,
    /// How much of the baseline's protection part the corpus holds.
    pub baseline_protection: String,
    /// Every item, in the checklist's order.
    pub items: Vec<ItemComparison>,
}

/// The version of the protection comparison's JSON.
pub const CHECKLIST_COMPARISON_SCHEMA: &str = "lexdef-checklist-comparison/1";

impl ChecklistComparison {
    /// `subject` against `baseline`, item by item.
    pub fn new(subject: &Checklist, baseline: &Checklist) -> ChecklistComparison {
        let items = baseline
            .items
            .iter()
            .filter_map(|theirs| {
                let ours = subject.items.iter().find(|ours| ours.id == theirs.id)?;
                let verdict = match (theirs.state, ours.state) {
                    (ItemState::Provided, ItemState::Provided) => match ours.obligation.cmp(&theirs.obligation) {
                        std::cmp::Ordering::Less => ItemVerdict::Weaker,
                        std::cmp::Ordering::Equal => ItemVerdict::Same,
                        std::cmp::Ordering::Greater => ItemVerdict::Stronger,
                    },
                    (ItemState::Provided, ItemState::NotProvided) => ItemVerdict::Lacks,
                    (ItemState::NotProvided, ItemState::Provided) => ItemVerdict::Adds,
                    (ItemState::NotProvided, ItemState::NotProvided) => ItemVerdict::Same,
                    (ItemState::NotFound, _) | (_, ItemState::NotFound) => ItemVerdict::CannotSay,
                };
                Some(ItemComparison {
                    id: theirs.id.clone(),
                    label: theirs.label.clone(),
                    verdict,
                    baseline: theirs.clone(),
                    subject: ours.clone(),
                })
            })
            .collect();
        ChecklistComparison {
            schema: CHECKLIST_COMPARISON_SCHEMA.to_owned(),
            subject: subject.instrument.clone(),
            subject_protection: subject.protection.clone(),
            baseline: baseline.instrument.clone(),
            baseline_protection: baseline.protection.clone(),
            items,
        }
    }

    /// The items whose verdict is `verdict`.
    pub fn with_verdict(&self, verdict: ItemVerdict) -> impl Iterator<Item = &ItemComparison> {
        self.items.iter().filter(move |item| item.verdict == verdict)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    version: u32,
    items: Vec<(String, String)>,
    read_in_offences: Vec<String>,
    regard_items: Vec<String>,
    #[serde(default)]
    needs_company: Vec<String>,
    languages: HashMap<String, RawMarkers>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkers {
    beneficiary: Vec<String>,
    offence: Vec<String>,
    saving: Vec<String>,
    #[serde(default)]
    objects: Vec<String>,
    mandatory: Vec<String>,
    discretionary: Vec<String>,
    permission: Vec<String>,
    neutral: Vec<String>,
    conditional: Vec<String>,
    holder: Vec<String>,
    #[serde(default)]
    mention: Vec<String>,
    #[serde(default)]
    mention_before: Vec<String>,
    #[serde(default)]
    regard: Vec<String>,
}

/// The markers of one language, compiled.
#[derive(Debug, Clone)]
struct Markers {
    folding: Folding,
    beneficiary: Vec<Pattern>,
    offence: Vec<Pattern>,
    saving: Vec<Pattern>,
    objects: Vec<Pattern>,
    mandatory: Vec<Pattern>,
    discretionary: Vec<Pattern>,
    permission: Vec<Pattern>,
    neutral: Vec<Pattern>,
    conditional: Vec<Pattern>,
    holder: Vec<Pattern>,
    mention: Vec<Pattern>,
    mention_before: Vec<Pattern>,
    regard: Vec<Pattern>,
}

/// What the checklist reads with: the protection lexicon and the markers of each language.
#[derive(Debug, Clone)]
pub struct ProtectionVocabulary {
    lexicon: Lexicon,
    items: Vec<(ElementId, String)>,
    read_in_offences: Vec<ElementId>,
    regard_items: Vec<ElementId>,
    needs_company: Vec<String>,
    markers: HashMap<String, Markers>,
    numbers: NumberWords,
}

impl ProtectionVocabulary {
    /// The vocabulary shipped with lexdef (`data/checklist.toml`, `data/protection*.toml`).
    pub fn bundled() -> ProtectionVocabulary {
        let (first, file) = PROTECTION_LEXICON[0];
        let mut lexicon =
            Lexicon::from_toml(first, file).expect("the bundled protection lexicon is valid: its tests load it");
        for (text, file) in &PROTECTION_LEXICON[1..] {
            lexicon.extend_from_toml(text, file).expect("the bundled protection lexicon is valid: its tests load it");
        }
        ProtectionVocabulary::new(lexicon, CHECKLIST_DATA, "checklist.toml")
            .expect("the bundled checklist data is valid: its tests load it")
    }

    /// The bundled vocabulary, built once per process.
    pub fn shared() -> &'static ProtectionVocabulary {
        static SHARED: std::sync::OnceLock<ProtectionVocabulary> = std::sync::OnceLock::new();
        SHARED.get_or_init(ProtectionVocabulary::bundled)
    }

    /// A vocabulary of a protection `lexicon` (elements `protection.*`) and the checklist data
    /// `text` (the format of `data/checklist.toml`); `file` names it in errors.
    pub fn new(lexicon: Lexicon, text: &str, file: &str) -> Result<ProtectionVocabulary> {
        let error = |message: String| Error::Lexicon {
            location: crate::location::Location { file: file.to_owned(), line: 1, column: 1 },
            message,
        };
        let raw: RawChecklist = toml::from_str(text).map_err(|problem| {
            let lines = crate::location::LineIndex::new(text);
            let (line, column) = lines.line_column(text, problem.span().map_or(0, |span| span.start));
            Error::Lexicon {
                location: crate::location::Location { file: file.to_owned(), line, column },
                message: problem.message().trim().to_owned(),
            }
        })?;
        if raw.version != 1 {
            return Err(error(format!("checklist data version {} is not supported (expected 1)", raw.version)));
        }
        let mut items = Vec::new();
        for (id, label) in raw.items {
            let element: ElementId = id.parse()?;
            if element.family() != crate::ids::ElementFamily::Protection {
                return Err(error(format!("the checklist item `{id}` is not a `protection.*` element")));
            }
            if !lexicon.element_ids().any(|known| *known == element) {
                return Err(error(format!("the checklist item `{id}` has no forms in the protection lexicon")));
            }
            items.push((element, label));
        }
        let markers = raw
            .languages
            .into_iter()
            .map(|(code, raw)| {
                let folding = Folding::of_language(&code);
                let compile = |patterns: Vec<String>| {
                    patterns.iter().map(|pattern| Pattern::compile_in(pattern, folding)).collect::<Vec<_>>()
                };
                let markers = Markers {
                    folding,
                    beneficiary: compile(raw.beneficiary),
                    offence: compile(raw.offence),
                    saving: compile(raw.saving),
                    objects: compile(raw.objects),
                    mandatory: compile(raw.mandatory),
                    discretionary: compile(raw.discretionary),
                    permission: compile(raw.permission),
                    neutral: compile(raw.neutral),
                    conditional: compile(raw.conditional),
                    holder: compile(raw.holder),
                    mention: compile(raw.mention),
                    mention_before: compile(raw.mention_before),
                    regard: compile(raw.regard),
                };
                (code, markers)
            })
            .collect();
        let listed = |field: &str, ids: &[String]| {
            ids.iter()
                .map(|id| {
                    items
                        .iter()
                        .find(|(item, _)| item.as_str() == id)
                        .map(|(item, _)| item.clone())
                        .ok_or_else(|| error(format!("`{field}` names `{id}`, which is no checklist item")))
                })
                .collect::<Result<Vec<_>>>()
        };
        let read_in_offences = listed("read_in_offences", &raw.read_in_offences)?;
        let regard_items = listed("regard_items", &raw.regard_items)?;
        let needs_company = raw.needs_company.iter().map(|form| crate::lexicon::fold_phrase(form)).collect();
        Ok(ProtectionVocabulary {
            lexicon,
            items,
            read_in_offences,
            regard_items,
            needs_company,
            markers,
            numbers: NumberWords::default(),
        })
    }

    /// The items, in the checklist's order, with their names for people.
    pub fn items(&self) -> impl Iterator<Item = (&ElementId, &str)> {
        self.items.iter().map(|(id, label)| (id, label.as_str()))
    }

    /// The languages the checklist reads (ISO 639-1 codes).
    pub fn languages(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .markers
            .keys()
            .map(String::as_str)
            .filter(|code| self.lexicon.languages().iter().any(|language| language == code))
            .collect();
        codes.sort_unstable();
        codes
    }

    /// The protection lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The checklist of `instrument`, read from its `document`; its `definitions` (found with
    /// `lexicon`) are not read for protections: a definition provides nothing (`harbouring,
    /// shelter` in a definition of trafficking; `"protective home" means an institution ...`).
    pub fn checklist(
        &self,
        instrument: &Instrument,
        document: &Document,
        definitions: &[Definition],
        lexicon: &Lexicon,
    ) -> Checklist {
        let metadata = instrument.metadata.as_ref();
        let language = metadata.map_or("en", |metadata| metadata.language.code.as_str()).to_owned();
        // A text given without metadata is read as English only where it reads as English.
        let recognised = metadata.is_some() || crate::model::reads_as_english(&lexicon.drafting, &instrument.text);
        let protection = match metadata {
            None => None,
            Some(metadata) => Some(metadata.protection.as_ref().map_or(ProtectionStatus::None, |p| p.status)),
        };
        let protection_note = metadata.and_then(|metadata| metadata.protection.as_ref()).and_then(|p| p.note.clone());
        let covered =
            recognised && self.markers.contains_key(&language) && self.lexicon.languages().contains(&language);
        let evidence = if covered { self.evidence(instrument, document, definitions, &language) } else { Vec::new() };
        let unsettled = if !recognised {
            Some(ItemUnsettled::LanguageNotRecognised)
        } else if !covered {
            Some(ItemUnsettled::LanguageNotCovered { code: language.clone() })
        } else {
            match protection {
                Some(ProtectionStatus::Complete) => None,
                Some(ProtectionStatus::Partial) => Some(ItemUnsettled::ProtectionPartial { note: protection_note }),
                Some(_) => Some(ItemUnsettled::NoProtectionText),
                None => Some(ItemUnsettled::ProtectionUnknown),
            }
        };
        let items = self
            .items
            .iter()
            .map(|(id, label)| {
                let found: Vec<ProtectionEvidence> =
                    evidence.iter().filter(|(item, _)| item == id).map(|(_, evidence)| evidence.clone()).collect();
                let (state, cause) = match (&found[..], &unsettled) {
                    ([_, ..], _) => (ItemState::Provided, None),
                    ([], None) => (ItemState::NotProvided, None),
                    ([], Some(cause)) => (ItemState::NotFound, Some(cause.clone())),
                };
                ChecklistItem {
                    id: id.clone(),
                    label: label.clone(),
                    state,
                    obligation: found.iter().map(|evidence| evidence.obligation).max(),
                    evidence: found,
                    reason: cause.as_ref().map(ToString::to_string),
                    cause,
                }
            })
            .collect();
        Checklist {
            instrument: instrument.id.clone(),
            language,
            protection: protection.map_or("unknown", ProtectionStatus::as_str).to_owned(),
            items,
        }
    }

    /// The checklist of `instrument`: parsed, its definitions found with `lexicon` (to be left
    /// out), then read.
    pub fn read(&self, instrument: &Instrument, lexicon: &Lexicon) -> Checklist {
        let document = crate::structure::parse(instrument);
        let (definitions, _) = crate::definition::extract_definitions(instrument, &document, lexicon);
        self.checklist(instrument, &document, &definitions, lexicon)
    }

    /// Every protection the text provides, by item, in text order.
    fn evidence(
        &self,
        instrument: &Instrument,
        document: &Document,
        definitions: &[Definition],
        language: &str,
    ) -> Vec<(ElementId, ProtectionEvidence)> {
        let markers = &self.markers[language];
        let text = instrument.text.as_str();
        let headings = document.heading_index();
        // Definitions provide nothing: of trafficking and its parts (`harbouring, shelter`), of
        // a service (`"protective home" means an institution ... for the shelter of victims`).
        // But what reads as a "definition" of the victim or the child may be a provision giving
        // them rights (`Nạn nhân là công dân Việt Nam ... được hưởng chế độ hỗ trợ`).
        let defining: Vec<Span> = definitions
            .iter()
            .filter(|definition| {
                definition.concept.as_ref().is_none_or(|concept| !matches!(concept.as_str(), "victim" | "child"))
            })
            .map(|definition| definition.span)
            .collect();
        let mut found = Vec::new();
        let mut path: Vec<&Provision> = Vec::new();
        walk(&document.provisions, &mut path, &mut |provision, ancestors| {
            if provision.kind == ProvisionKind::Preamble {
                return;
            }
            let words = headings.words_span(provision, text);
            // The words named by a heading over the provision (its own, its ancestors').
            let headed = std::iter::once(provision).chain(ancestors.iter().copied()).any(|provision| {
                let heading = provision.heading_span.and_then(|heading| text.get(heading.range()));
                heading
                    .into_iter()
                    .chain(title_line(provision, text, &headings))
                    .any(|title| self.names_beneficiary(markers, title))
            });
            let chapeau: Vec<(usize, &str)> =
                ancestors.iter().rev().filter_map(|ancestor| chapeau(ancestor, text, &headings)).collect();
            // The victims named anywhere in the article or section (`(2) In providing the
            // services under sub-section (1), ...` under `(1) ... shall provide victims ...`).
            let unit = std::iter::once(provision)
                .chain(ancestors.iter().rev().copied())
                .find(|unit| matches!(unit.kind, ProvisionKind::Article | ProvisionKind::Section))
                .filter(|unit| unit.eid != provision.eid);
            // (Not in a definition: `"informant" means a person, other than a victim, ...`.)
            let unit_names = unit.is_some_and(|unit| {
                let span = headings.words_span(unit, text);
                let words = tokens_in(&text[span.range()], markers.folding);
                markers.beneficiary.iter().any(|pattern| {
                    pattern.find_all(&words, &text[span.range()], &self.numbers).iter().any(|found| {
                        let (start, end) = (span.start + found.start, span.start + found.end);
                        !defining.iter().any(|defined| defined.start <= start && end <= defined.end)
                    })
                })
            });
            // A title the parser left among the words (`40. Return and re-migration` over
            // its subsections) names the provision's subject; it provides nothing.
            let title = title_line(provision, text, &headings);
            let before = found.len();
            for (segment_start, segment) in own_segments(provision, words, text) {
                // (After the provision's number, where the segment holds it.)
                let titled = title.and_then(|title| {
                    let at = segment.find(title)?;
                    (!segment[..at].chars().any(char::is_alphabetic)).then_some(at + title.len())
                });
                let (segment_start, segment) = match titled {
                    Some(skip) => (segment_start + skip, &segment[skip..]),
                    None => (segment_start, segment),
                };
                for hit in self.lexicon.find_elements_in(segment, None, language) {
                    let (start, end) = (segment_start + hit.start, segment_start + hit.end);
                    if defining.iter().any(|span| span.start <= start && end <= span.end) {
                        continue;
                    }
                    if self.mentioned(markers, &segment[hit.end..])
                        || self.mentioned_before(markers, &segment[..hit.start])
                    {
                        continue;
                    }
                    let sentence = sentence_around(segment, hit.start, hit.end, language);
                    let sentence_text = &segment[sentence.clone()];
                    // A sentence that makes an offence provides nothing (`whoever shelters a
                    // victim ... shall be punished`), except the items that are written that
                    // way: a victim not guilty of an offence, a ban on publishing a victim's
                    // name enforced by a penalty, restitution ordered on conviction.
                    let read_in_offences = self.read_in_offences.contains(&hit.element);
                    let offence = !read_in_offences
                        && markers
                            .offence
                            .iter()
                            .any(|pattern| matches(pattern, sentence_text, markers.folding, &self.numbers));
                    if offence
                        || markers
                            .saving
                            .iter()
                            .any(|pattern| matches(pattern, sentence_text, markers.folding, &self.numbers))
                    {
                        continue;
                    }
                    let first_sentence = &segment[sentence_around(segment, 0, 0, language)];
                    // (Thai lines break anywhere: the line before the form's may hold its verb.)
                    let line_before = if unmarked_sentences(language) && sentence.start > 0 {
                        let before = &segment[..sentence.start - 1];
                        &before[before.rfind('\n').map_or(0, |at| at + 1)..]
                    } else {
                        ""
                    };
                    let named = headed
                        || unit_names
                        || self.names_beneficiary(markers, sentence_text)
                        || self.names_beneficiary(markers, first_sentence)
                        || chapeau.iter().any(|(_, words)| self.names_beneficiary(markers, words));
                    if !named {
                        continue;
                    }
                    // `shall take into account ... the special needs of children, including
                    // appropriate housing`: what is to be taken into account is no protection
                    // provided, but for the items that consist in taking needs into account
                    // (children's, gender), whose duty is that clause's own.
                    let regard = self.regard_clause(markers, sentence_text, sentence.start, hit.start, language);
                    let regard_item = self.regard_items.contains(&hit.element);
                    if regard.is_some_and(|(_, before_hit)| before_hit) && !regard_item {
                        continue;
                    }
                    let objects = chapeau.iter().map(|(_, words)| *words).chain([sentence_text]);
                    if objects.into_iter().any(|part| {
                        markers.objects.iter().any(|pattern| matches(pattern, part, markers.folding, &self.numbers))
                    }) {
                        continue;
                    }
                    let mut scope: Vec<&str> = Vec::new();
                    match regard.filter(|_| regard_item) {
                        Some((clause, _)) => scope.push(clause),
                        None => {
                            scope.extend(chapeau.iter().map(|(_, words)| *words));
                            if unmarked_sentences(language) && first_sentence != sentence_text {
                                scope.push(first_sentence);
                            }
                            if !line_before.is_empty() && line_before != first_sentence {
                                scope.push(line_before);
                            }
                            scope.push(sentence_text);
                        }
                    }
                    let (obligation, obligation_words) = self.obligation(markers, &scope);
                    let context = scope.iter().map(|part| part.trim()).collect::<Vec<_>>().join(" … ");
                    found.push((
                        hit.element.clone(),
                        ProtectionEvidence {
                            eid: provision.eid.clone(),
                            span: Span { start, end },
                            line: instrument.locate(start).line,
                            text: text[start..end].to_owned(),
                            method: hit.method,
                            obligation,
                            obligation_words,
                            context,
                        },
                    ));
                }
            }
            // A form that names the victim a child (`where the victim is a child`, `a child
            // victim`) is a measure for children only beside a protection it qualifies
            // (`where the victim is a child, must hear the matter in private`), not beside a
            // rule of the definition (`shall not apply where the victim is a child`).
            let weak = |evidence: &ProtectionEvidence| {
                self.needs_company.contains(&crate::lexicon::fold_phrase(&evidence.text))
            };
            let added: Vec<(ElementId, ProtectionEvidence)> = found.drain(before..).collect();
            for (index, (item, evidence)) in added.iter().enumerate() {
                let alone = weak(evidence)
                    && !added.iter().enumerate().any(|(other, (other_item, other_evidence))| {
                        other != index
                            && other_item != item
                            && !weak(other_evidence)
                            && other_evidence.context == evidence.context
                    });
                if !alone {
                    found.push((item.clone(), evidence.clone()));
                }
            }
        });
        found
    }

    /// The clause of `sentence` (which starts at byte `sentence_start` of its segment) that
    /// takes something into account, where it has one, and whether it comes before the form
    /// at `hit_start`: from the clause's start (after the last comma or semicolon before the
    /// marker) to the sentence's end.
    fn regard_clause<'s>(
        &self,
        markers: &Markers,
        sentence: &'s str,
        sentence_start: usize,
        hit_start: usize,
        language: &str,
    ) -> Option<(&'s str, bool)> {
        let words = tokens_in(sentence, markers.folding);
        let found = markers
            .regard
            .iter()
            .flat_map(|pattern| pattern.find_all(&words, sentence, &self.numbers))
            .min_by_key(|found| found.start)?;
        let from = if unmarked_sentences(language) {
            0
        } else {
            sentence[..found.start].rfind([',', ';']).map_or(0, |at| at + 1)
        };
        Some((&sentence[from..], sentence_start + found.start < hit_start))
    }

    /// Whether the words after a form make it a mention of a protection provided elsewhere
    /// (`an alien granted continued presence under subsection (a)`), not a provision of it.
    fn mentioned(&self, markers: &Markers, after: &str) -> bool {
        let words = tokens_in(after, markers.folding);
        let Some(first) = words.first() else { return false };
        if after[..first.start].contains(['.', ';', ':', ',']) {
            return false;
        }
        let end = words.get(3).map_or(after.len(), |word| word.end);
        let head = &after[..end];
        let head_words = tokens_in(head, markers.folding);
        markers.mention.iter().any(|pattern| {
            pattern.find_all(&head_words, head, &self.numbers).iter().any(|found| found.start == first.start)
        })
    }

    /// Whether the words right before a form make it a mention of a place or status that
    /// exists already (`at the place of refuge specified in the order`, Thai `ผู้ได้รับการ`,
    /// one who has received).
    fn mentioned_before(&self, markers: &Markers, before: &str) -> bool {
        let words = tokens_in(before, markers.folding);
        if words.last().is_some_and(|last| before[last.end..].contains(['.', ';', ':', ','])) {
            return false;
        }
        let from = words.len().saturating_sub(8);
        let Some(first) = words.get(from) else { return false };
        let tail = &before[first.start..];
        let tail_words = tokens_in(tail, markers.folding);
        let end = tail.trim_end().len();
        markers
            .mention_before
            .iter()
            .any(|pattern| pattern.find_all(&tail_words, tail, &self.numbers).iter().any(|found| found.end == end))
    }

    fn names_beneficiary(&self, markers: &Markers, text: &str) -> bool {
        markers.beneficiary.iter().any(|pattern| matches(pattern, text, markers.folding, &self.numbers))
    }

    /// The obligation the words of `scope` (the chapeaux and the sentence) set, and the words
    /// that set it: a condition of cooperation, else a softening phrase or the State's `may`,
    /// else mandatory.
    fn obligation(&self, markers: &Markers, scope: &[&str]) -> (Obligation, Option<String>) {
        let first = |patterns: &[Pattern], permission: bool| -> Option<String> {
            scope.iter().find_map(|part| {
                let words = tokens_in(part, markers.folding);
                let neutral: Vec<(usize, usize)> = if permission {
                    markers
                        .neutral
                        .iter()
                        .flat_map(|pattern| pattern.find_all(&words, part, &self.numbers))
                        .map(|found| (found.start, found.end))
                        .collect()
                } else {
                    Vec::new()
                };
                patterns.iter().find_map(|pattern| {
                    pattern
                        .find_all(&words, part, &self.numbers)
                        .into_iter()
                        // (`such measures as: appropriate ... accommodation` is no `as appropriate`.)
                        .filter(|found| !part[found.start..found.end].contains([':', ';', '(', ')']))
                        .find(|found| {
                            !permission
                                || !(neutral.iter().any(|&(start, end)| start <= found.start && found.end <= end)
                                    || self.held_by_beneficiary(markers, part, &words, found.start))
                        })
                        .map(|found| part[found.start..found.end].to_owned())
                })
            })
        };
        if let Some(words) = first(&markers.conditional, false) {
            return (Obligation::Conditional, Some(words));
        }
        if let Some(words) = first(&markers.discretionary, false).or_else(|| first(&markers.permission, true)) {
            return (Obligation::Discretionary, Some(words));
        }
        (Obligation::Mandatory, first(&markers.mandatory, false))
    }

    /// Whether the word at byte `start` of `part` has a holder of the right for its subject
    /// (`the victim may`, `every victim of trafficking may apply`): its `may` is the victim's,
    /// not the State's. The subject is read in the six words before it, within one clause.
    fn held_by_beneficiary(&self, markers: &Markers, part: &str, words: &[crate::fold::Token], start: usize) -> bool {
        let Some(index) = words.iter().position(|word| word.start == start) else { return false };
        let mut from = index;
        while from > 0 && index - from < 6 {
            let between = &part[words[from - 1].end..words[from].start];
            if between.contains([',', ';', ':', '(', ')', '\u{2014}']) {
                break;
            }
            from -= 1;
        }
        if from == index {
            return false;
        }
        let preceding = &part[words[from].start..words[index - 1].end];
        let tokens = tokens_in(preceding, markers.folding);
        markers
            .holder
            .iter()
            .chain(&markers.beneficiary)
            .any(|pattern| pattern.find_first(&tokens, preceding, &self.numbers).is_some())
    }
}

fn matches(pattern: &Pattern, text: &str, folding: Folding, numbers: &NumberWords) -> bool {
    pattern.find_first(&tokens_in(text, folding), text, numbers).is_some()
}

/// Depth first over `provisions`, with each provision's ancestors (nearest last).
fn walk<'d>(
    provisions: &'d [Provision],
    path: &mut Vec<&'d Provision>,
    visit: &mut dyn FnMut(&'d Provision, &[&'d Provision]),
) {
    for provision in provisions {
        visit(provision, path);
        path.push(provision);
        walk(&provision.children, path, visit);
        path.pop();
    }
}

/// The pieces of `provision`'s own words (inside `words`, outside its children), with where
/// each starts in `text`.
fn own_segments<'t>(provision: &Provision, words: Span, text: &'t str) -> Vec<(usize, &'t str)> {
    let mut segments = Vec::new();
    let mut cursor = words.start;
    for child in &provision.children {
        let end = child.span.start.min(words.end);
        if end > cursor {
            segments.push((cursor, &text[cursor..end]));
        }
        cursor = cursor.max(child.span.end);
    }
    if words.end > cursor {
        segments.push((cursor, &text[cursor..words.end]));
    }
    segments.retain(|(_, segment)| !segment.trim().is_empty());
    segments
}

/// A title left among a provision's words: the first line of its own words where that line
/// ends without a sentence's punctuation (or is in capitals) and its children follow (`15.
/// Support and protection of victims` over `(1) ...`).
fn title_line<'t>(provision: &Provision, text: &'t str, headings: &crate::document::HeadingIndex) -> Option<&'t str> {
    let first_child = provision.children.first()?;
    let (start, _) = provision.head(text);
    let words = headings.words_span(provision, text);
    let own = text.get(start.max(words.start)..first_child.span.start.min(words.end))?;
    let line = own.trim();
    // A title ends without a sentence's punctuation, or is written in capitals (`SEC. 107.
    // PROTECTION AND ASSISTANCE FOR VICTIMS OF TRAFFICKING.`).
    let ends_open = !line.ends_with(['.', ';', ':', ',', '\u{2014}', '-']);
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    ((ends_open || capitals) && !line.is_empty() && !line.contains('\n') && line.chars().count() <= 120).then_some(line)
}

/// The chapeau `ancestor` sets over its children: the last sentence of its words before its
/// first child (`... in particular, the provision of:`).
fn chapeau<'t>(
    ancestor: &Provision,
    text: &'t str,
    headings: &crate::document::HeadingIndex,
) -> Option<(usize, &'t str)> {
    let words = headings.words_span(ancestor, text);
    let end = ancestor.children.first().map_or(words.end, |child| child.span.start).min(words.end);
    let own = text.get(words.start..end)?;
    let trimmed = own.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let start = sentence_start(trimmed.trim_end_matches([':', '-', '\u{2014}', '\u{2013}']).trim_end(), trimmed.len());
    let chapeau = &own[start..trimmed.len()];
    // Punctuation left of a heading (`. —`) is no chapeau.
    (chapeau.split_whitespace().filter(|word| word.chars().any(char::is_alphabetic)).count() >= 2)
        .then_some((words.start + start, chapeau))
}

/// Where the sentence that holds byte `at` of `text` starts: after the last full stop,
/// semicolon or line break before it.
fn sentence_start(text: &str, at: usize) -> usize {
    let before = &text[..at.min(text.len())];
    let mut start = 0;
    for (index, character) in before.char_indices() {
        let next = before[index + character.len_utf8()..].chars().next();
        let ends = match character {
            '\n' | ';' => true,
            '.' => next.is_none_or(char::is_whitespace) && !abbreviation_before(before, index),
            _ => false,
        };
        if ends {
            start = index + character.len_utf8();
        }
    }
    start + (text[start..].len() - text[start..].trim_start().len())
}

/// Whether the full stop at `dot` closes an abbreviation or a number (`No.`, `s.`, `art.`,
/// `1.`, `a.`) rather than a sentence (`... of the Act.`).
fn abbreviation_before(text: &str, dot: usize) -> bool {
    const ABBREVIATIONS: [&str; 24] = [
        "s", "ss", "no", "nos", "art", "arts", "sec", "secs", "para", "paras", "subpara", "cap", "ch", "cl", "reg",
        "r", "sub", "vol", "p", "pp", "e.g", "i.e", "viz", "v",
    ];
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|(_, character)| !character.is_alphanumeric())
        .map_or(0, |(index, character)| index + character.len_utf8());
    let word = &text[word_start..dot];
    word.is_empty()
        || word.chars().count() == 1
        || word.chars().all(|character| character.is_ascii_digit())
        || ABBREVIATIONS.iter().any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

/// Whether the language marks no sentence ends (Thai, Lao, Khmer, Burmese): there a sentence
/// is read as its line, and the provision's first line as the chapeau of the others.
fn unmarked_sentences(language: &str) -> bool {
    matches!(language, "th" | "lo" | "km" | "my")
}

/// The sentence of `text` that holds bytes `start..end`: from the last sentence end before it
/// to the next after it. A proviso (`: Provided, That ...`, Philippine drafting) is a sentence
/// of its own: its condition is not the main clause's.
fn sentence_around(text: &str, start: usize, end: usize, language: &str) -> std::ops::Range<usize> {
    let unmarked = unmarked_sentences(language);
    let from =
        if unmarked { text[..start].rfind('\n').map_or(0, |index| index + 1) } else { sentence_start(text, start) };
    let from = from.min(start);
    let from = match text[from..start].rfind(": Provided") {
        Some(at) if !unmarked => from + at + 1,
        _ => from,
    };
    let after = &text[end..];
    let mut to = text.len();
    for (index, character) in after.char_indices() {
        let next = after[index + character.len_utf8()..].chars().next();
        let ends = match character {
            '\n' => true,
            ';' | '.' if unmarked => false,
            ';' => true,
            '.' => next.is_none_or(char::is_whitespace) && !abbreviation_before(after, index),
            _ => false,
        };
        if ends {
            to = end + index + character.len_utf8();
            break;
        }
    }
    if !unmarked {
        if let Some(at) = text[end..to].find(": Provided") {
            to = end + at + 1;
        }
    }
    from.min(start)..to.max(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_vocabulary_loads_with_every_item() {
        let vocabulary = ProtectionVocabulary::bundled();
        assert_eq!(vocabulary.items().count(), 16);
        assert_eq!(vocabulary.languages(), ["en", "id", "th", "vi"]);
    }

    #[test]
    fn a_word_before_a_full_stop_may_end_in_any_character() {
        // (`’` is three bytes: the word starts after it, not inside it.)
        assert!(abbreviation_before("of this Act.\u{2019}.", "of this Act.\u{2019}".len()));
        assert!(!abbreviation_before("the victims.", "the victims".len()));
    }

    #[test]
    fn a_sentence_ends_at_a_full_stop_not_at_an_abbreviation() {
        let text = "Victims shall be housed under s. 3 of the Act. They may work.";
        let at = text.find("housed").unwrap();
        assert_eq!(&text[sentence_around(text, at, at + 6, "en")], "Victims shall be housed under s. 3 of the Act.");
        let at = text.find("work").unwrap();
        assert_eq!(&text[sentence_around(text, at, at + 4, "en")], "They may work.");
    }
}
