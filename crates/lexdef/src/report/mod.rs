//! Reports: every instrument of a corpus compared with a baseline, the instrument × element
//! matrix, and the pairwise counts. This file is the report's model; each format renders it
//! in its own file — `json.rs` (schema `data/report.schema.json`), `markdown.rs`, `csv.rs` (the
//! matrix), `html.rs` (a self-contained page, and fragments for notebooks; `notebook.rs` has
//! the notebook views of the other nouns) and `text.rs` — over this model, which imports none
//! of them. Output is deterministic: the same corpus gives the
//! same bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::compare::{compare, count_divergences, Confidence, Direction, Divergence, DivergenceKind, Severity};
use crate::definition::{extract_definitions, Definition};
use crate::document::Document;
use crate::ids::{ConceptId, ElementId};
use crate::instrument::Instrument;
use crate::instrument_id::InstrumentId;
use crate::lexicon::Lexicon;
use crate::metadata::InstrumentKind;
use crate::model::{ModelBuilder, TermModel};
use crate::qualifier::{QualifierName, QualifierValue};
use crate::translation::{check_pairs, translation_pairs, TranslationFinding, TranslationPair};
use crate::warning::Warning;

mod checklist;
mod csv;
mod html;
mod json;
mod markdown;
mod notebook;
mod text;

/// The report format's version; a change that breaks readers changes it.
pub const REPORT_SCHEMA: &str = "lexdef-report/1";

/// The JSON Schema of [`Report`] as JSON.
pub const REPORT_JSON_SCHEMA: &str = include_str!("../../data/report.schema.json");

/// An instrument read all the way to its term model.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The instrument.
    pub instrument: Instrument,
    /// Its provisions.
    pub document: Document,
    /// Its definitions.
    pub definitions: Vec<Definition>,
    /// Warnings of the parser and the extractor.
    pub warnings: Vec<Warning>,
    /// The model of the concept asked for.
    pub model: TermModel,
}

impl Analysis {
    /// Parse, extract and model one instrument.
    pub fn of(instrument: &Instrument, lexicon: &Lexicon, concept: &ConceptId) -> Analysis {
        #[cfg(test)]
        crate::study::work::count(&crate::study::work::ANALYSES);
        let document = crate::structure::parse(instrument);
        let (definitions, mut warnings) = extract_definitions(instrument, &document, lexicon);
        warnings.splice(0..0, document.warnings.iter().cloned());
        let model = ModelBuilder::new(instrument, &document, &definitions, lexicon).model(concept);
        Analysis { instrument: instrument.clone(), document, definitions, warnings, model }
    }
}

/// One instrument's line of a report's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    /// The instrument.
    pub instrument: InstrumentId,
    /// Elements the baseline names that it certainly does not.
    pub lacks: usize,
    /// Elements it names that the baseline does not.
    pub adds: usize,
    /// Certain differences of qualifiers (and of whom it protects).
    pub qualifiers: usize,
    /// Findings that rest on text the corpus does not hold.
    pub uncertain: usize,
    /// Whether its text is complete in the corpus.
    pub complete: bool,
}

/// Finding counts of one instrument.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Findings that make the definition cover less.
    pub narrower: usize,
    /// Findings that make it cover more.
    pub broader: usize,
    /// Other findings.
    pub different: usize,
    /// Findings that rest on text the corpus could not read.
    pub uncertain: usize,
}

/// One instrument's part of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    /// The instrument.
    pub instrument: InstrumentId,
    /// Its short title.
    pub title: String,
    /// Its jurisdiction code.
    pub jurisdiction: String,
    /// Its kind (`act`, `bill`, ...).
    pub kind: String,
    /// `complete`, `partial`, `missing`, or `unknown` for a text with no metadata.
    pub completeness: String,
    /// A bill, not an enacted law.
    pub bill: bool,
    /// The provision its model was built from.
    pub definition: Option<String>,
    /// Its departures from the baseline.
    pub findings: Vec<Divergence>,
    /// Their counts.
    pub counts: Counts,
    /// Why it was not compared, where it was not read for the concept at all (no text, a
    /// language the lexicon does not cover, no definition in the part seen): then it has no
    /// findings, rather than one that says it diverges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_compared: Option<String>,
}

/// A row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixRow {
    /// The instrument.
    pub instrument: InstrumentId,
    /// Element id → `present` / `absent` / `not_found` / `not_defined`.
    pub elements: BTreeMap<String, String>,
    /// Qualifier → value.
    pub qualifiers: BTreeMap<QualifierName, QualifierValue>,
}

/// Every instrument × every element, plus qualifiers: the overview researchers plot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    /// The columns: element ids.
    pub elements: Vec<String>,
    /// The qualifier columns.
    pub qualifiers: Vec<QualifierName>,
    /// One row per instrument, by id.
    pub rows: Vec<MatrixRow>,
}

/// How many divergences separate two instruments (counted both ways: `a` against `b`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairCount {
    /// The subject.
    pub a: InstrumentId,
    /// The baseline.
    pub b: InstrumentId,
    /// Divergences of `a` from `b`, leaving out wording variances.
    pub divergences: usize,
}

/// A whole-corpus report against a baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`REPORT_SCHEMA`].
    pub schema: String,
    /// The concept compared.
    pub concept: String,
    /// The baseline instrument.
    pub baseline: InstrumentId,
    /// The baseline's title.
    pub baseline_title: String,
    /// One entry per instrument other than the baseline, by id.
    pub instruments: Vec<ReportEntry>,
    /// The matrix, baseline included.
    pub matrix: Matrix,
    /// Pairwise counts between instruments that define the concept.
    pub pairwise: Vec<PairCount>,
    /// The corpus has more than [`PAIRWISE_LIMIT`] definitions, so `pairwise` was left empty.
    pub pairwise_omitted: bool,
    /// Each original-language text checked against its translation, element by element and
    /// qualifier by qualifier (see [`crate::TranslationCheck`]); it does not depend on the
    /// baseline.
    #[serde(default)]
    pub translation: Vec<TranslationPair>,
}

/// Above this many instruments with a definition, a report leaves out the pairwise counts.
pub const PAIRWISE_LIMIT: usize = 500;

/// `analysis`'s entry, with `divergences` its divergences from the baseline, asked for only
/// where it was read for the concept.
fn entry(analysis: &Analysis, divergences: impl FnOnce() -> Vec<Divergence>) -> ReportEntry {
    let not_read = analysis
        .model
        .definition
        .is_none()
        .then(|| analysis.model.not_found.first().map(|item| &item.cause))
        .flatten()
        .filter(|cause| cause.not_read());
    let findings = if not_read.is_some() { Vec::new() } else { divergences() };
    let mut counts = Counts::default();
    for finding in &findings {
        match finding.direction {
            Direction::Narrower => counts.narrower += 1,
            Direction::Broader => counts.broader += 1,
            Direction::Different => counts.different += 1,
        }
        if matches!(finding.confidence, Confidence::Uncertain { .. }) {
            counts.uncertain += 1;
        }
    }
    let metadata = analysis.instrument.metadata.as_ref();
    ReportEntry {
        instrument: analysis.instrument.id.clone(),
        title: metadata.map_or_else(|| analysis.instrument.id.to_string(), |metadata| metadata.short_title.clone()),
        jurisdiction: metadata.map_or_else(|| "unknown".to_owned(), |metadata| metadata.jurisdiction.to_string()),
        kind: metadata.map_or_else(|| "unknown".to_owned(), |metadata| kebab(&format!("{:?}", metadata.kind))),
        // A text without metadata is the whole text its user meant, unless marked as an excerpt.
        completeness: metadata.map_or_else(
            || if analysis.instrument.gaps.is_empty() { "complete".to_owned() } else { "partial".to_owned() },
            |metadata| kebab(&format!("{:?}", metadata.completeness.status)),
        ),
        bill: metadata.is_some_and(|metadata| metadata.kind == InstrumentKind::Bill),
        definition: analysis.model.definition.as_ref().map(|source| source.eid.to_string()),
        findings,
        counts,
        not_compared: not_read.map(ToString::to_string),
    }
}

/// The translation pairs whose two texts are both among `analyses`, checked.
pub(crate) fn translations_among(analyses: &[&Analysis]) -> Vec<TranslationPair> {
    let models: BTreeMap<&InstrumentId, &TermModel> =
        analyses.iter().map(|analysis| (&analysis.instrument.id, &analysis.model)).collect();
    let model = |id: &InstrumentId| models.get(id).copied();
    let pairs: Vec<(InstrumentId, InstrumentId)> =
        translation_pairs(analyses.iter().map(|analysis| &analysis.instrument))
            .into_iter()
            .filter(|(original, translation)| model(original).is_some() && model(translation).is_some())
            .collect();
    check_pairs(&pairs, model)
}

pub(crate) fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (index, character) in name.chars().enumerate() {
        if character.is_uppercase() && index > 0 {
            out.push('-');
        }
        out.extend(character.to_lowercase());
    }
    out
}

fn matrix_row(analysis: &Analysis, element_ids: &[ElementId], qualifier_names: &[QualifierName]) -> MatrixRow {
    MatrixRow::of(&analysis.model, element_ids, qualifier_names)
}

impl MatrixRow {
    /// The row of one model: each element's state and each qualifier's value.
    pub fn of(model: &TermModel, element_ids: &[ElementId], qualifier_names: &[QualifierName]) -> MatrixRow {
        matrix_row_of(model, element_ids, qualifier_names)
    }
}

impl Matrix {
    /// The matrix of `models`, one row each by instrument id. The columns are every element
    /// of the lexicon or, with a `baseline`, the elements its definition names (so a row
    /// reads as "what of the baseline's definition does this one have"); the qualifier
    /// columns are the baseline's, or every qualifier any model has.
    pub fn of(models: &[&TermModel], baseline: Option<&TermModel>, lexicon: &Lexicon) -> Matrix {
        let element_ids: Vec<ElementId> = match baseline {
            Some(baseline) => baseline.elements.iter().map(|presence| presence.id.clone()).collect(),
            None => lexicon.element_ids().cloned().collect(),
        };
        let qualifier_names: Vec<QualifierName> = match baseline {
            Some(baseline) => baseline.qualifiers.keys().copied().collect(),
            None => models
                .iter()
                .flat_map(|model| model.qualifiers.keys().copied())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
        };
        let mut rows: Vec<MatrixRow> =
            models.iter().map(|model| matrix_row_of(model, &element_ids, &qualifier_names)).collect();
        rows.sort_by(|left, right| left.instrument.cmp(&right.instrument));
        Matrix { elements: element_ids.iter().map(ToString::to_string).collect(), qualifiers: qualifier_names, rows }
    }
}

fn matrix_row_of(model: &TermModel, element_ids: &[ElementId], qualifier_names: &[QualifierName]) -> MatrixRow {
    let elements = element_ids.iter().map(|id| (id.to_string(), model.state(id).as_str().to_owned())).collect();
    let qualifiers = qualifier_names
        .iter()
        .map(|name| (*name, model.qualifiers.get(name).map_or(QualifierValue::Unknown, |qualifier| qualifier.value)))
        .collect();
    MatrixRow { instrument: model.instrument.clone(), elements, qualifiers }
}

impl Report {
    /// A report over analyses already made (one per instrument; the baseline's among them or
    /// not). [`Study::report`](crate::Study::report) makes them and the baseline's once.
    pub fn from_analyses<'a>(
        analyses: impl IntoIterator<Item = &'a Analysis>,
        baseline: &Analysis,
        lexicon: &Lexicon,
        concept: &ConceptId,
    ) -> Report {
        let analyses: Vec<&Analysis> = analyses.into_iter().collect();
        let mut shown = analyses.clone();
        if !shown.iter().any(|analysis| analysis.instrument.id == baseline.instrument.id) {
            shown.push(baseline);
        }
        let translation = translations_among(&shown);
        Report::with_divergences(&analyses, baseline, lexicon, concept, translation, |analysis| {
            compare(&analysis.model, &baseline.model)
        })
    }

    /// A report over analyses, with `divergences` giving each one's divergences from the
    /// baseline (asked for once each, and only for those read for the concept).
    pub(crate) fn with_divergences(
        analyses: &[&Analysis],
        baseline: &Analysis,
        lexicon: &Lexicon,
        concept: &ConceptId,
        translation: Vec<TranslationPair>,
        mut divergences: impl FnMut(&Analysis) -> Vec<Divergence>,
    ) -> Report {
        let element_ids: Vec<ElementId> = lexicon.element_ids().cloned().collect();
        let qualifier_names: Vec<QualifierName> = baseline.model.qualifiers.keys().copied().collect();
        let instruments = analyses
            .iter()
            .filter(|analysis| analysis.instrument.id != baseline.instrument.id)
            .map(|analysis| entry(analysis, || divergences(analysis)))
            .collect();
        let mut rows: Vec<MatrixRow> =
            analyses.iter().map(|analysis| matrix_row(analysis, &element_ids, &qualifier_names)).collect();
        if !analyses.iter().any(|analysis| analysis.instrument.id == baseline.instrument.id) {
            rows.push(matrix_row(baseline, &element_ids, &qualifier_names));
        }
        rows.sort_by(|left, right| left.instrument.cmp(&right.instrument));
        let defined: Vec<&Analysis> =
            analyses.iter().copied().filter(|analysis| analysis.model.definition.is_some()).collect();
        let mut pairwise = Vec::new();
        // Pairwise counts grow with the square of the corpus: past a limit they are left out
        // (and the report says so) rather than making a large report slow.
        let pairwise_omitted = defined.len() > PAIRWISE_LIMIT;
        for a in defined.iter().filter(|_| !pairwise_omitted) {
            for b in &defined {
                if a.instrument.id != b.instrument.id {
                    let divergences = count_divergences(&a.model, &b.model);
                    pairwise.push(PairCount { a: a.instrument.id.clone(), b: b.instrument.id.clone(), divergences });
                }
            }
        }
        pairwise.sort_by(|left, right| (&left.a, &left.b).cmp(&(&right.a, &right.b)));
        Report {
            schema: REPORT_SCHEMA.to_owned(),
            concept: concept.to_string(),
            baseline: baseline.instrument.id.clone(),
            baseline_title: baseline
                .instrument
                .metadata
                .as_ref()
                .map_or_else(|| baseline.instrument.id.to_string(), |metadata| metadata.short_title.clone()),
            instruments,
            matrix: Matrix {
                elements: element_ids.iter().map(ToString::to_string).collect(),
                qualifiers: qualifier_names,
                rows,
            },
            pairwise,
            pairwise_omitted,
            translation,
        }
    }

    /// One line per instrument compared, the most divergent first: what a reader wants on the
    /// first screen.
    pub fn summary(&self) -> Vec<SummaryRow> {
        let mut rows: Vec<SummaryRow> = self
            .instruments
            .iter()
            .filter(|entry| entry.not_compared.is_none())
            .map(|entry| {
                let certain = |kinds: &[DivergenceKind]| {
                    entry
                        .findings
                        .iter()
                        .filter(|finding| kinds.contains(&finding.kind) && finding.confidence == Confidence::Certain)
                        .count()
                };
                SummaryRow {
                    instrument: entry.instrument.clone(),
                    lacks: certain(&[DivergenceKind::MissingElement]),
                    adds: certain(&[DivergenceKind::AdditionalElement]),
                    qualifiers: certain(&[DivergenceKind::QualifierMismatch, DivergenceKind::ScopeRestriction]),
                    uncertain: entry.counts.uncertain,
                    complete: entry.completeness == "complete",
                }
            })
            .collect();
        rows.sort_by(|left, right| {
            (right.lacks + right.qualifiers, right.adds)
                .cmp(&(left.lacks + left.qualifiers, left.adds))
                .then_with(|| left.instrument.cmp(&right.instrument))
        });
        rows
    }
}

pub(crate) fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::Narrower => "narrower",
        Direction::Broader => "broader",
        Direction::Different => "different",
    }
}

pub(crate) fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
        Severity::Info => "info",
    }
}

// The order findings are shown in: departures first, then agreements, then what cannot be
/// said (grouped by its reason), each in id order.
pub(crate) fn shown_order(findings: &[TranslationFinding]) -> Vec<&TranslationFinding> {
    let mut shown: Vec<&TranslationFinding> = findings.iter().collect();
    shown.sort_by_key(|finding| (finding.verdict, finding.reason(), finding.element.is_none()));
    shown
}

/// A value as shown: `16`, `open`, `not_found`.
pub(crate) fn shown_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(value) => value.clone(),
        value => value.to_string(),
    }
}
