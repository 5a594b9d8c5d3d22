//! # lexdef
//!
//! lexdef compares how legal instruments define trafficking in persons. It reads national
//! anti-trafficking statutes and the international and ASEAN instruments, parses each into
//! a tree of provisions, turns each definition into a normalised term
//! model and reports where definitions diverge — every finding traced to the exact words of
//! the law.
//!
//! ## Quick start
//!
//! ```
//! use lexdef::{parse, Corpus};
//!
//! let corpus = Corpus::bundled();
//! let palermo = corpus.require("INTL-PALERMO-2000")?;
//! let document = parse(palermo);
//! let article_3 = document.find("art_3").expect("the Protocol has an Article 3");
//! assert_eq!(article_3.heading.as_deref(), Some("Use of terms"));
//! let definition = document.find("art_3__para_a").expect("Article 3 has a paragraph a)");
//! assert!(palermo.text[definition.span.range()].starts_with("a) ``Trafficking in persons\" shall mean"));
//! # Ok::<(), lexdef::Error>(())
//! ```
//!
//! The term model of a definition — its elements and qualifiers, each with the words of
//! the law behind it:
//!
//! ```
//! use lexdef::{extract_definitions, parse, Corpus, Lexicon, ModelBuilder, QualifierName, QualifierValue};
//!
//! let corpus = Corpus::bundled();
//! let palermo = corpus.require("INTL-PALERMO-2000")?;
//! let lexicon = Lexicon::bundled();
//! let document = parse(palermo);
//! let (definitions, _warnings) = extract_definitions(palermo, &document, &lexicon);
//! let model = ModelBuilder::new(palermo, &document, &definitions, &lexicon).model(&"trafficking_in_persons".parse()?);
//! assert_eq!(model.elements.len(), 21);
//! let age = &model.qualifiers[&QualifierName::ChildAge];
//! assert_eq!(age.value, QualifierValue::Number(18));
//! assert_eq!(age.evidence[0].text, "under eighteen years");
//! # Ok::<(), lexdef::Error>(())
//! ```
//!
//! A text that is not in the corpus (a drafter's bill) parses the same way:
//!
//! ```
//! let (bill, warnings) = lexdef::Instrument::from_text("bill.txt", "Section 1. Short title.\n(1) This Act may be cited as the Bill.\n")?;
//! assert_eq!(warnings[0].kind, lexdef::WarningKind::MissingMetadata);
//! let document = lexdef::parse(&bill);
//! assert!(document.find("sec_1__subsec_1").is_some());
//! # Ok::<(), lexdef::Error>(())
//! ```
//!
//! ## Glossary
//!
//! - **Instrument**: one legal text (a treaty, an act, an amending act, a bill), with its
//!   [`Metadata`]: where it applies, what kind it is, where its text was read, how complete.
//! - **Corpus**: a set of instruments with unique ids. The curated corpus of the UN Protocol,
//!   the ASEAN instruments and the ASEAN member states' laws is compiled in
//!   ([`Corpus::bundled`]).
//! - **Provision**: a numbered unit of a text — part, chapter, article, section, subsection,
//!   paragraph, item — or a definition paragraph, with its number as printed, its heading,
//!   its byte [`Span`] in the text and an Akoma Ntoso-style [`Eid`] (`sec_2__subsec_1__para_b`).
//! - **Document**: the tree of provisions of one instrument, and the gaps in its text.
//! - **Gap**: a place where the corpus could not read the law. lexdef never reads a gap as
//!   the law being silent.
//! - **Definition**: where an instrument defines a term (`"child" means ...`,
//!   `X – refers to ...`), or an offence provision that constitutes trafficking.
//! - **Lexicon**: the data (`data/lexicon.toml`) that maps words to concepts, elements and
//!   qualifier patterns; users extend it without recompiling.
//! - **Term model**: what one definition contains — elements (`act.recruitment`,
//!   `means.coercion`, `purpose.slavery`) and qualifiers (child age, consent, ...), each with
//!   [`Evidence`]; what it lacks is `absent` only where the text is complete, else `not_found`.
//! - **Qualifier**: a condition a definition sets on what it covers, named by a
//!   [`QualifierName`] (`child_age`, `victim_scope`, ...) and valued by a [`QualifierValue`]
//!   (a number, yes or no, a [`ListKind`], a [`VictimScope`], or unknown).
//! - **Divergence**: where a subject's model departs from a baseline's (the UN Protocol, an
//!   instrument), with a direction, a severity, a confidence and the words on both sides.
//! - **Study**: one comparison run — a corpus read with a lexicon for a concept, against a
//!   baseline (`palermo`, an instrument id, or a drafter's text). It resolves these once and
//!   analyses each instrument at most once; [`Study::report`], [`Study::compare`] and
//!   [`Study::matrix`] are what the CLI, the Python bindings and [`check`] call.
//! - **Translation check**: each original-language text of the corpus against its
//!   translation (the pairs its `translation_of` / `original_of` relations name), element by
//!   element and qualifier by qualifier, with the words of both: a [`Verdict`] per element or
//!   qualifier, "cannot say" wherever either text leaves it unsettled
//!   ([`Study::translation_check`]).
//! - **Index**: the search index of provisions and definitions, analysed with the same folding.
//! - **Annotation**: the team's coding of an instrument (`corpus/annotations/<ID>.toml`),
//!   written by reading the law; [`compare_annotation`] says where extraction disagrees.
//! - **Check**: [`check`] applies the corpus's rules (loading, metadata, annotations, the
//!   expected divergences, policy rules) and returns [`Finding`]s, each with a rule, a
//!   [`RuleSeverity`], a location and the words concerned — the CI gate of a curated corpus.
//!
//! ## Pipeline
//!
//! ```text
//! corpus file ──► Instrument (metadata + text, markers taken out)
//!                    │  structure parser: lexdef::parse
//!                    ▼
//!                Document: tree of Provisions with eIds and spans
//!                    │  extract_definitions (with the Lexicon)
//!                    ▼
//!                Definitions: term, concept, form, eId, span
//!                    │  ModelBuilder::model
//!                    ▼
//!                TermModel: elements and qualifiers, each with Evidence
//!                    │                         │
//!       Index::build (tantivy)            Study: each subject against the baseline
//!       search: words, phrases, filters        │
//!                                        Report: JSON, Markdown, CSV, HTML, text
//!                                              │
//!                             check: annotations, expected divergences, policy rules
//!                                    → CheckReport: JSON, JUnit, GitHub, SARIF
//! ```
//!
//! Every stage is a pure function of its input: nothing reads the clock or the network, and
//! output order is deterministic.
//!
//! ## Dependencies
//!
//! Besides the design's crates, lexdef uses `toml` to read the corpus metadata block and the
//! lexicon: it gives located errors and refuses duplicate keys, which a hand-written reader
//! would have to re-invent.

#![deny(missing_docs)]

pub mod akn;
mod annotation;
mod check;
mod checklist;
mod compare;
mod consolidate;
mod corpus;
mod decode;
mod definition;
mod document;
mod drafting;
mod eid;
mod error;
mod fold;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod ids;
mod index;
mod instrument;
mod instrument_id;
mod jurisdiction;
mod lexicon;
mod location;
mod metadata;
mod model;
mod newtype;
mod qualifier;
mod report;
mod structure;
mod study;
mod timeline;
mod translation;
mod warning;

pub use annotation::{
    compare_annotation, compare_protection, AnnotatedDefinition, AnnotatedElement, AnnotatedProtection,
    AnnotatedProtectionEvidence, AnnotatedQualifier, Annotation, AnnotationComparison, AnnotationDifference, Tally,
};
pub use check::{
    check, check_with_progress, read_accepted_differences, AcceptedDifference, CheckOptions, CheckReport, CheckedCase,
    Excerpt, Finding, FindingCounts, RuleInfo, RuleSeverity, ACCEPTED_DIFFERENCES_FILE, CHECK_JSON_SCHEMA,
    CHECK_SCHEMA, EXPECTED_FILE, EXPECTED_SCHEMA, RULES_FILE,
};
pub use checklist::{
    Checklist, ChecklistComparison, ChecklistItem, ChecklistSet, ItemComparison, ItemState, ItemUnsettled, ItemVerdict,
    Obligation, ProtectionEvidence, ProtectionVocabulary, CHECKLIST_COMPARISON_SCHEMA, CHECKLIST_JSON_SCHEMA,
    CHECKLIST_SCHEMA,
};
pub use compare::{
    compare, count_divergences, word_diff, Confidence, Direction, Divergence, DivergenceKind, Severity, Side, WordDiff,
};
pub use consolidate::{Action, AmendingProvision, AtDate, Change, DateBasis, History, Stretch, Unapplied, Version};
pub use corpus::{Corpus, CorpusStream, LoadError, LoadErrorKind, StreamedFile};
pub use decode::decode;
pub use definition::{extract_definitions, CrossReference, Definition, DefinitionForm};
pub use document::{Document, DocumentGap, Provision, ProvisionKind, Span};
pub use eid::Eid;
pub use error::{Error, MetadataProblem, Result};
pub use fold::{fold_word, fold_word_in, tokens, tokens_in, Folding, Token};
pub use ids::{ConceptId, ElementFamily, ElementId, EXTENDED_ELEMENTS, PROTOCOL_ELEMENTS};
pub use index::{
    default_index_dir, Filters, FoldingTokenizer, Hit, Index, SearchResults, INDEX_SCHEMA_VERSION, TOKENIZER,
};
pub use instrument::{Gap, GapKind, Instrument, NumberMarker, SourceSwitch};
pub use instrument_id::InstrumentId;
pub use jurisdiction::Jurisdiction;
pub use lexicon::{ElementHit, Lexicon, MatchMethod};
pub use location::{LineIndex, Location};
pub use metadata::{
    AlternativeTranslation, Completeness, CompletenessStatus, InstrumentKind, Language, Metadata, PartialDate,
    Protection, ProtectionStatus, Relation, RelationKind, SourceReference, TextStatus,
};
pub use model::{
    ElementPresence, ElementState, Evidence, ModelBuilder, ModelSource, NotFound, Qualifier, Reason, TermModel,
};
pub use qualifier::{ListKind, QualifierName, QualifierValue, VictimScope};
pub use report::{
    Analysis, Counts, Matrix, MatrixRow, PairCount, Report, ReportEntry, SummaryRow, PAIRWISE_LIMIT,
    REPORT_JSON_SCHEMA, REPORT_SCHEMA,
};
pub use structure::parse;
pub use study::{Comparison, Study};
pub use timeline::{Event, ItemKind, Place, Timeline, TimelineEntry, TimelineVersion, TIMELINE_SCHEMA};
pub use translation::{
    translation_pairs, PairText, TranslationCheck, TranslationFinding, TranslationPair, Unsettled, Verdict,
    VerdictCounts,
};
pub use warning::{Warning, WarningKind};

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
