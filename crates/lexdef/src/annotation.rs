//! The team's coding of an instrument (`corpus/annotations/<ID>.toml`, written by reading the
//! law, never by running lexdef) and its comparison with what lexdef extracts: definitions,
//! the elements of the term model of trafficking in persons, their evidence, and the
//! qualifiers. `lexdef check` and the corpus test share this one comparison.
//!
//! The format is documented in `corpus/README.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::checklist::{Checklist, ItemState, ProtectionVocabulary};
use crate::document::Span;
use crate::error::{Error, Result};
use crate::location::{LineIndex, Location};
use crate::metadata::ProtectionStatus;
use crate::qualifier::{QualifierName, QualifierValue};
use crate::report::Analysis;

/// One annotation file, as written.
#[derive(Debug, Clone)]
pub struct Annotation {
    /// The file, as named when it was read.
    pub file: String,
    /// The file's text, for locating its parts.
    pub text: String,
    /// The instrument it codes, and where that is written.
    pub instrument: Spanned<String>,
    /// Why the instrument is not coded at all (no text, original language, no definition).
    pub not_coded: Option<String>,
    /// Why the definitions are coded but not the model of trafficking in persons.
    pub model_not_coded: Option<String>,
    /// Every definition the team reads in the law, in text order.
    pub definitions: Vec<AnnotatedDefinition>,
    /// The protection checklist as the team reads it (`corpus/PROTECTION.md`): the items the
    /// law provides, and those the team noted as not provided.
    pub protection: Vec<AnnotatedProtection>,
}

/// A protection checklist item as the team reads it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedProtection {
    /// The item (`protection.compensation`).
    pub id: Spanned<String>,
    /// `provided` or `not_provided`.
    pub state: Spanned<String>,
    /// For a provided item: `mandatory`, `discretionary` or `conditional`.
    pub obligation: Option<Spanned<String>>,
    /// The team's reason, in a sentence.
    pub note: Option<String>,
    /// The provisions that provide it, with their words.
    #[serde(default)]
    pub evidence: Vec<AnnotatedProtectionEvidence>,
}

/// A provision that provides a protection item, and the words that do.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedProtectionEvidence {
    /// The provision.
    pub eid: Spanned<String>,
    /// The words, copied exactly from it.
    pub words: String,
}

/// A definition the team reads in the law.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedDefinition {
    /// The term exactly as written, without quotes; empty for a constitutive definition.
    pub term: String,
    /// A concept id of the lexicon, or `none`.
    pub concept: String,
    /// How it is worded (`means`, `includes`, `constitutive`, ...).
    pub form: String,
    /// The provision that holds it.
    pub eid: Spanned<String>,
    /// The one definition the term model is built from.
    #[serde(default)]
    pub model: bool,
    /// Its text (and what it draws on) is complete in the corpus.
    #[serde(default)]
    pub complete: Option<bool>,
    /// The elements it names (under the model definition and the definition of exploitation).
    #[serde(default)]
    pub elements: Vec<AnnotatedElement>,
    /// The qualifiers, by name.
    #[serde(default)]
    pub qualifiers: BTreeMap<String, AnnotatedQualifier>,
}

/// An element the team reads in a definition, and the words that name it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedElement {
    /// The element id.
    pub id: Spanned<String>,
    /// The shortest words naming it, copied exactly from the text of `eid`.
    pub words: String,
    /// The provision holding the words.
    pub eid: String,
}

/// A qualifier's value as the team reads it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotatedQualifier {
    /// A number, true/false, a name, or `"unknown"`.
    pub value: Spanned<toml::Value>,
    /// The words that settle it.
    pub words: Option<String>,
    /// The provision holding the words.
    pub eid: Option<String>,
    /// Instead of words: why structure, or the silence of a complete text, settles it.
    pub basis: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnotation {
    instrument: Spanned<String>,
    not_coded: Option<String>,
    model_not_coded: Option<String>,
    #[serde(default)]
    definitions: Vec<AnnotatedDefinition>,
    #[serde(default)]
    protection: Vec<AnnotatedProtection>,
}

impl Annotation {
    /// Read an annotation file's text; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Annotation> {
        let raw: RawAnnotation = toml::from_str(text).map_err(|error| Error::Annotation {
            location: locate(file, text, error.span().map_or(0, |span| span.start)),
            message: error.message().trim().to_owned(),
        })?;
        Ok(Annotation {
            file: file.to_owned(),
            text: text.to_owned(),
            instrument: raw.instrument,
            not_coded: raw.not_coded,
            model_not_coded: raw.model_not_coded,
            definitions: raw.definitions,
            protection: raw.protection,
        })
    }

    /// The file location of byte `offset` of the annotation file.
    pub fn locate(&self, offset: usize) -> Location {
        locate(&self.file, &self.text, offset)
    }
}

fn locate(file: &str, text: &str, offset: usize) -> Location {
    let (line, column) = LineIndex::new(text).line_column(text, offset);
    Location { file: file.to_owned(), line, column }
}

/// Where extraction and the team's coding disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnotationDifference {
    /// The difference in words, starting with the instrument id: the line an accepted
    /// difference is listed by in `corpus/annotation-differences.txt`.
    pub text: String,
    /// The words of the law it is about, where they are in the text: a byte span of
    /// [`crate::Instrument::text`].
    pub words: Option<Span>,
    /// The part of the annotation file it is about (a byte range of [`Annotation::text`]).
    pub annotation: Option<Range<usize>>,
}

/// How many coded facts extraction found, missed, or added, for one family.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Coded and extracted.
    pub found: usize,
    /// Coded, not extracted.
    pub missed: usize,
    /// Extracted, not coded.
    pub extra: usize,
}

impl Tally {
    /// found / (found + extra); 1 when nothing was extracted.
    pub fn precision(&self) -> f64 {
        self.found as f64 / (self.found + self.extra).max(1) as f64
    }

    /// found / (found + missed); 1 when nothing was coded.
    pub fn recall(&self) -> f64 {
        self.found as f64 / (self.found + self.missed).max(1) as f64
    }

    /// Add another tally to this one.
    pub fn add(&mut self, other: Tally) {
        self.found += other.found;
        self.missed += other.missed;
        self.extra += other.extra;
    }
}

/// The comparison of one instrument's annotation with its extraction.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnnotationComparison {
    /// Every difference, sorted by its text.
    pub differences: Vec<AnnotationDifference>,
    /// Found, missed and extra per family: `definitions`, `acts`, `means`, `purposes`, `qualifiers`.
    pub tallies: BTreeMap<&'static str, Tally>,
}

fn value_matches(annotated: &toml::Value, found: &QualifierValue) -> bool {
    match (annotated, found) {
        (toml::Value::Integer(number), QualifierValue::Number(value)) => *number == i64::from(*value),
        (toml::Value::Boolean(flag), QualifierValue::Bool(value)) => flag == value,
        (toml::Value::String(text), QualifierValue::List(_) | QualifierValue::Scope(_) | QualifierValue::Unknown) => {
            QualifierValue::from_word(text).as_ref() == Some(found)
        }
        _ => false,
    }
}

pub(crate) fn show_annotated(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Integer(number) => number.to_string(),
        toml::Value::Boolean(flag) => flag.to_string(),
        other => format!("{other:?}"),
    }
}

fn folded(term: &str) -> String {
    crate::fold::tokens(term).into_iter().map(|token| token.folded).collect::<Vec<_>>().join(" ")
}

fn family_of(id: &str) -> &'static str {
    match id.split('.').next() {
        Some("act") => "acts",
        Some("means") => "means",
        _ => "purposes",
    }
}

/// The tally a qualifier is counted in besides `qualifiers` (an annotated name that is no
/// qualifier's in `q.other`).
fn qualifier_family(name: Option<QualifierName>) -> &'static str {
    match name {
        Some(QualifierName::ChildAge) => "q.child_age",
        Some(QualifierName::ConsentIrrelevant) => "q.consent_irrelevant",
        Some(QualifierName::ExploitationList) => "q.exploitation_list",
        Some(QualifierName::MeansRequiredForChildren) => "q.means_required_for_children",
        Some(QualifierName::TransnationalRequired) => "q.transnational_required",
        Some(QualifierName::VictimScope) => "q.victim_scope",
        None => "q.other",
    }
}

/// Compare the team's coding of an instrument with what lexdef extracts from it (`analysis`
/// holds the model of trafficking in persons): its definitions and term model, and its
/// protection checklist (read with the bundled protection vocabulary).
pub fn compare_annotation(annotation: &Annotation, analysis: &Analysis) -> AnnotationComparison {
    let mut comparison = compare_definitions(annotation, analysis);
    // The protection checklist is compared where the team coded it: protection tables, or
    // the instrument's metadata saying how much of its protection part the corpus holds.
    let coded = !annotation.protection.is_empty()
        || analysis.instrument.metadata.as_ref().is_some_and(|metadata| metadata.protection.is_some());
    if !coded {
        return comparison;
    }
    let checklist = ProtectionVocabulary::shared().checklist(
        &analysis.instrument,
        &analysis.document,
        &analysis.definitions,
        crate::lexicon::Lexicon::shared(),
    );
    let protection = compare_protection(annotation, analysis, &checklist);
    comparison.differences.extend(protection.differences);
    comparison.differences.sort_by(|left, right| left.text.cmp(&right.text));
    comparison.tallies.extend(protection.tallies);
    comparison
}

/// Compare the team's reading of an instrument's protection checklist (`[[protection]]`)
/// with lexdef's `checklist` of it: each item's state and obligation, and the provisions that
/// provide it. An item the team does not list is expected `not_provided` where the corpus
/// holds the whole protection part, `not_found` otherwise.
pub fn compare_protection(annotation: &Annotation, analysis: &Analysis, checklist: &Checklist) -> AnnotationComparison {
    let instrument = &analysis.instrument;
    let id = instrument.id.as_str();
    let complete = instrument
        .metadata
        .as_ref()
        .and_then(|metadata| metadata.protection.as_ref())
        .is_some_and(|protection| protection.status == ProtectionStatus::Complete);
    let mut differences: BTreeMap<String, AnnotationDifference> = BTreeMap::new();
    let mut add = |text: String, words: Option<Span>, annotation: Option<Range<usize>>| {
        differences.entry(text.clone()).or_insert(AnnotationDifference { text, words, annotation });
    };
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for annotated in &annotation.protection {
        if !checklist.items.iter().any(|item| item.id.as_str() == annotated.id.get_ref()) {
            add(format!("{id}: `{}` is no checklist item", annotated.id.get_ref()), None, Some(annotated.id.span()));
        }
        for evidence in &annotated.evidence {
            let words = analysis
                .document
                .find(evidence.eid.get_ref())
                .map(|provision| instrument.text[provision.span.range()].contains(evidence.words.as_str()));
            if words != Some(true) {
                add(
                    format!(
                        "{id}: {} annotated words \"{}\" are not in [{}]",
                        annotated.id.get_ref(),
                        evidence.words,
                        evidence.eid.get_ref()
                    ),
                    None,
                    Some(evidence.eid.span()),
                );
            }
        }
    }
    for item in &checklist.items {
        let annotated = annotation.protection.iter().find(|annotated| annotated.id.get_ref() == item.id.as_str());
        let place = annotated.map(|annotated| annotated.id.span());
        let first_words = item.evidence.first().map(|evidence| evidence.span);
        let annotated_provided = annotated.is_some_and(|annotated| annotated.state.get_ref() == "provided");
        let expected = if annotated_provided {
            ItemState::Provided
        } else if complete {
            ItemState::NotProvided
        } else {
            ItemState::NotFound
        };
        let tally = tallies.entry("protection items").or_default();
        match (annotated_provided, item.state == ItemState::Provided) {
            (true, true) => tally.found += 1,
            (true, false) => tally.missed += 1,
            (false, true) => tally.extra += 1,
            (false, false) => {}
        }
        if item.state != expected {
            let at: Vec<&str> = item.evidence.iter().map(|evidence| evidence.eid.as_str()).collect();
            let found = match item.state {
                ItemState::Provided => format!("provided [{}]", dedup(at).join(", ")),
                other => other.as_str().to_owned(),
            };
            add(format!("{id}: {} is {found} (annotated {})", item.id, expected.as_str()), first_words, place.clone());
            continue;
        }
        let Some(annotated) = annotated.filter(|_| annotated_provided) else { continue };
        let obligation = item.obligation.map_or("none", |obligation| obligation.as_str());
        let annotated_obligation =
            annotated.obligation.as_ref().map_or("none", |obligation| obligation.get_ref().as_str());
        let tally = tallies.entry("protection obligations").or_default();
        if obligation == annotated_obligation {
            tally.found += 1;
        } else {
            tally.missed += 1;
            add(
                format!("{id}: {} is {obligation} (annotated {annotated_obligation})", item.id),
                first_words,
                annotated.obligation.as_ref().map(|obligation| obligation.span()).or(place.clone()),
            );
        }
        // The provisions: every one the team names and lexdef reads is counted (the figures
        // say how many each side names that the other does not); the item disagrees with the
        // team's reading only when none of the provisions lexdef reads is one the team names.
        let tally = tallies.entry("protection evidence").or_default();
        let found: BTreeSet<&str> = item.evidence.iter().map(|evidence| evidence.eid.as_str()).collect();
        let coded: BTreeSet<&str> = annotated.evidence.iter().map(|evidence| evidence.eid.get_ref().as_str()).collect();
        tally.found += coded.intersection(&found).count();
        tally.missed += coded.difference(&found).count();
        tally.extra += found.difference(&coded).count();
        if !coded.is_empty() && coded.is_disjoint(&found) {
            let read: Vec<&str> = found.iter().copied().collect();
            let annotated: Vec<&str> = coded.iter().copied().collect();
            add(
                format!(
                    "{id}: {} is read at [{}], none of the provisions annotated [{}]",
                    item.id,
                    read.join(", "),
                    annotated.join(", ")
                ),
                first_words,
                place.clone(),
            );
        }
    }
    finish(differences, tallies)
}

fn dedup(places: Vec<&str>) -> Vec<&str> {
    let mut seen = Vec::new();
    for place in places {
        if !seen.contains(&place) {
            seen.push(place);
        }
    }
    seen
}

/// The definitions and the term model of trafficking in persons against the annotation.
fn compare_definitions(annotation: &Annotation, analysis: &Analysis) -> AnnotationComparison {
    let instrument = &analysis.instrument;
    let document = &analysis.document;
    let definitions = &analysis.definitions;
    let model = &analysis.model;
    let id = instrument.id.as_str();
    let mut differences: BTreeMap<String, AnnotationDifference> = BTreeMap::new();
    let mut add = |text: String, words: Option<Span>, annotation: Option<Range<usize>>| {
        differences.entry(text.clone()).or_insert(AnnotationDifference { text, words, annotation });
    };
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let provision_span = |eid: &str| document.find(eid).map(|provision| provision.span);
    // The annotated words inside the annotated provision: where the team read them.
    let words_in = |eid: &str, words: &str| {
        let span = provision_span(eid)?;
        let at = instrument.text[span.range()].find(words)?;
        Some(Span { start: span.start + at, end: span.start + at + words.len() })
    };

    if annotation.not_coded.is_some() {
        if !model.elements.is_empty() {
            add(
                format!("{id}: not coded, but the model names {} elements", model.elements.len()),
                model.elements.first().and_then(|element| element.evidence.first()).map(|evidence| evidence.span),
                Some(annotation.instrument.span()),
            );
        }
        return finish(differences, tallies);
    }

    // Definitions of concepts.
    let mut matched_extracted = BTreeSet::new();
    for definition in annotation.definitions.iter().filter(|definition| definition.concept != "none") {
        let eid = definition.eid.get_ref();
        let found = definitions.iter().position(|extracted| {
            extracted.eid.as_str() == eid
                && (folded(&extracted.term) == folded(&definition.term)
                    || (definition.form == "constitutive" && extracted.term.is_empty()))
        });
        let tally = tallies.entry("definitions").or_default();
        match found {
            Some(index) => {
                tally.found += 1;
                matched_extracted.insert(index);
                let extracted = &definitions[index];
                let words = Some(extracted.term_span.unwrap_or(extracted.span));
                let concept = extracted.concept.as_ref().map_or("none".to_owned(), ToString::to_string);
                if concept != definition.concept {
                    add(
                        format!(
                            "{id}: definition \"{}\" [{eid}]: concept {concept} (annotated {})",
                            definition.term, definition.concept
                        ),
                        words,
                        Some(definition.eid.span()),
                    );
                }
                let form = serde_json::to_value(extracted.form)
                    .ok()
                    .and_then(|value| value.as_str().map(str::to_owned))
                    .unwrap_or_default();
                if form != definition.form {
                    add(
                        format!(
                            "{id}: definition \"{}\" [{eid}]: form {form} (annotated {})",
                            definition.term, definition.form
                        ),
                        words,
                        Some(definition.eid.span()),
                    );
                }
            }
            None => {
                tally.missed += 1;
                let words = (!definition.term.is_empty())
                    .then(|| words_in(eid, &definition.term))
                    .flatten()
                    .or_else(|| provision_span(eid).map(|span| first_line(&instrument.text, span)));
                add(
                    format!("{id}: definition \"{}\" [{eid}] ({}) not extracted", definition.term, definition.concept),
                    words,
                    Some(definition.eid.span()),
                );
            }
        }
    }
    for (index, extracted) in definitions.iter().enumerate() {
        if extracted.concept.is_some() && !matched_extracted.contains(&index) {
            let listed = annotation.definitions.iter().any(|definition| {
                definition.eid.get_ref() == extracted.eid.as_str()
                    && folded(&definition.term) == folded(&extracted.term)
            });
            if !listed {
                tallies.entry("definitions").or_default().extra += 1;
                add(
                    format!(
                        "{id}: extracted definition \"{}\" [{}] is not in the annotation",
                        extracted.term, extracted.eid
                    ),
                    Some(extracted.term_span.unwrap_or_else(|| first_line(&instrument.text, extracted.span))),
                    None,
                );
            }
        }
    }

    // The model of trafficking in persons.
    let Some(coded) = annotation.definitions.iter().find(|definition| definition.model) else {
        if annotation.model_not_coded.is_some() && !model.elements.is_empty() {
            add(
                format!(
                    "{id}: model not coded, but the model names {} elements from [{}]",
                    model.elements.len(),
                    model.definition.as_ref().map_or("-".to_owned(), |source| source.eid.to_string())
                ),
                model.elements.first().and_then(|element| element.evidence.first()).map(|evidence| evidence.span),
                None,
            );
        }
        return finish(differences, tallies);
    };
    let source = model.definition.as_ref().map_or("none".to_owned(), |source| source.eid.to_string());
    if &source != coded.eid.get_ref() {
        add(
            format!("{id}: model built from [{source}] (annotated [{}])", coded.eid.get_ref()),
            model
                .definition
                .as_ref()
                .and_then(|source| provision_span(source.eid.as_str()))
                .map(|span| first_line(&instrument.text, span)),
            Some(coded.eid.span()),
        );
    }
    let annotated_ids: BTreeSet<&str> = coded.elements.iter().map(|element| element.id.get_ref().as_str()).collect();
    for element in &coded.elements {
        let element_id = element.id.get_ref();
        let tally = tallies.entry(family_of(element_id)).or_default();
        let annotated_span = words_in(&element.eid, &element.words);
        let Some(presence) = model.elements.iter().find(|presence| presence.id.as_str() == element_id) else {
            tally.missed += 1;
            add(
                format!("{id}: {element_id} (\"{}\" [{}]) not found", element.words, element.eid),
                annotated_span,
                Some(element.id.span()),
            );
            continue;
        };
        tally.found += 1;
        // The evidence points at the annotated words: same provision, overlapping span.
        let pointed = presence.evidence.iter().any(|evidence| {
            annotated_span.is_some_and(|span| evidence.span.start < span.end && span.start < evidence.span.end)
        });
        if !pointed {
            let first = &presence.evidence[0];
            add(
                format!(
                    "{id}: {element_id} evidence \"{}\" [{}] does not point at the annotated \"{}\" [{}]",
                    first.text, first.eid, element.words, element.eid
                ),
                Some(first.span),
                Some(element.id.span()),
            );
        }
    }
    for presence in model.elements.iter().filter(|presence| !annotated_ids.contains(presence.id.as_str())) {
        tallies.entry(family_of(presence.id.as_str())).or_default().extra += 1;
        let first = &presence.evidence[0];
        add(
            format!("{id}: {} found (\"{}\" [{}]) but not annotated", presence.id, first.text, first.eid),
            Some(first.span),
            Some(coded.eid.span()),
        );
    }
    for (name, qualifier) in &coded.qualifiers {
        let value = qualifier.value.get_ref();
        // A name that is no qualifier's is not read, as one the model lacks.
        let known = name.parse::<QualifierName>().ok();
        let found = known.and_then(|known| model.qualifiers.get(&known));
        let agrees = found.is_some_and(|found| value_matches(value, &found.value));
        // Per qualifier too: a reader wants to see which one a change moved.
        let by_name = tallies.entry(qualifier_family(known)).or_default();
        if agrees {
            by_name.found += 1;
        } else {
            by_name.missed += 1;
        }
        let tally = tallies.entry("qualifiers").or_default();
        match found {
            Some(found) if value_matches(value, &found.value) => tally.found += 1,
            Some(found) => {
                tally.missed += 1;
                let words = qualifier
                    .words
                    .as_deref()
                    .map(|words| format!(" \"{words}\" [{}]", qualifier.eid.as_deref().unwrap_or("-")))
                    .unwrap_or_default();
                let place = found.evidence.first().map(|evidence| evidence.span).or_else(|| {
                    qualifier.words.as_deref().and_then(|words| words_in(qualifier.eid.as_deref()?, words))
                });
                add(
                    format!("{id}: {name} is {} (annotated {}{words})", found.value, show_annotated(value)),
                    place,
                    Some(qualifier.value.span()),
                );
            }
            None => {
                tally.missed += 1;
                add(
                    format!("{id}: {name} not read (annotated {})", show_annotated(value)),
                    None,
                    Some(qualifier.value.span()),
                );
            }
        }
    }
    finish(differences, tallies)
}

fn finish(
    differences: BTreeMap<String, AnnotationDifference>,
    tallies: BTreeMap<&'static str, Tally>,
) -> AnnotationComparison {
    AnnotationComparison { differences: differences.into_values().collect(), tallies }
}

/// The first line of a provision: what a diagnostic about the whole provision marks.
fn first_line(text: &str, span: Span) -> Span {
    let end = text[span.range()].find(['\n', '\r']).map_or(span.end, |at| span.start + at);
    Span { start: span.start, end }
}
