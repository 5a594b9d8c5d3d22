//! The translation check: each original-language text of a corpus against its translation
//! (the pairs its `translation_of` / `original_of` relations name), element by element and
//! qualifier by qualifier, with the words of both texts side by side.
//!
//! A verdict is a claim about the translation, so it obeys the evidence rule of the term
//! model: a text is silent on an element only where the model says `absent` (the text is
//! complete and does not name it). Where either text leaves an element or qualifier unsettled
//! — a gap, a language the lexicon does not read, the rest of an instrument not seen — the
//! verdict is "cannot say", with the typed cause, never "more" or "less". States and causes
//! are the model's ([`TermModel::state`], [`Reason`]); nothing here reads a message.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::compare::Side;
use crate::ids::ElementId;
use crate::instrument::Instrument;
use crate::instrument_id::InstrumentId;
use crate::metadata::RelationKind;
use crate::model::{ElementState, Evidence, Qualifier, Reason, TermModel};
use crate::qualifier::{QualifierName, QualifierValue};

/// Which text of a translation pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairText {
    /// The text in the language of the law (the `-orig` instrument).
    Original,
    /// Its translation.
    Translation,
}

impl PairText {
    /// `original` or `translation`.
    pub fn as_str(self) -> &'static str {
        match self {
            PairText::Original => "original",
            PairText::Translation => "translation",
        }
    }
}

impl std::fmt::Display for PairText {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// What the translation says of one element or qualifier, against the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The translation names an element the original certainly does not name (the original
    /// is complete and silent on it).
    More,
    /// The translation certainly does not name an element the original names.
    Less,
    /// Both settle a qualifier, with different values.
    Differs,
    /// Both name the element, or both give the qualifier the same value.
    Agrees,
    /// One of the texts does not settle it (a gap, a language not read, a part not seen).
    CannotSay,
}

impl Verdict {
    /// As written in reports and JSON: `more`, `less`, `differs`, `agrees`, `cannot_say`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::More => "more",
            Verdict::Less => "less",
            Verdict::Differs => "differs",
            Verdict::Agrees => "agrees",
            Verdict::CannotSay => "cannot_say",
        }
    }

    /// Whether the translation departs from the original (more, less or differs).
    pub fn departs(self) -> bool {
        matches!(self, Verdict::More | Verdict::Less | Verdict::Differs)
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Why one text of a pair does not settle what a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsettled {
    /// Which text.
    pub text: PairText,
    /// The model's cause, for decisions; `None` for a qualifier whose value the text seen
    /// does not settle and that records no cause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Reason>,
    /// Why, for people: `the original could not be read: the text is in `th`, ...`.
    pub reason: String,
}

/// One element or qualifier of a pair: the verdict, and what each text says, in its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationFinding {
    /// The element, for an element finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<ElementId>,
    /// The qualifier, for a qualifier finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<QualifierName>,
    /// What the translation says against the original.
    pub verdict: Verdict,
    /// The original's side: the element's state (`present`, `absent`, `not_found`,
    /// `not_defined`) or the qualifier's value, and its words — the words nearest the
    /// translation's first (in the provision with the same eId where there is one).
    pub in_original: Side,
    /// The translation's side, its words ordered the same way.
    pub in_translation: Side,
    /// For `cannot_say`: each text that does not settle it, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsettled: Vec<Unsettled>,
    /// A sentence saying what the finding means.
    pub summary: String,
}

impl TranslationFinding {
    /// The element or qualifier id (`act.recruitment`, `child_age`).
    pub fn id(&self) -> String {
        match (&self.element, &self.qualifier) {
            (Some(element), _) => element.to_string(),
            (None, Some(qualifier)) => qualifier.to_string(),
            (None, None) => String::new(),
        }
    }

    /// `element` or `qualifier`.
    pub fn kind(&self) -> &'static str {
        if self.element.is_some() {
            "element"
        } else {
            "qualifier"
        }
    }

    /// Why it cannot be said, for people: the reasons of each unsettled text, joined.
    pub fn reason(&self) -> Option<String> {
        (!self.unsettled.is_empty())
            .then(|| self.unsettled.iter().map(|unsettled| unsettled.reason.as_str()).collect::<Vec<_>>().join("; "))
    }
}

/// How many findings of a pair have each verdict, elements and qualifiers apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictCounts {
    /// Elements both texts name.
    pub agrees: usize,
    /// Qualifiers both texts give the same value.
    pub qualifiers_agree: usize,
    /// Elements only the translation names, the original being complete and silent.
    pub more: usize,
    /// Elements the original names and the translation certainly does not.
    pub less: usize,
    /// Qualifiers with different values.
    pub differs: usize,
    /// Elements one text names that the other does not settle.
    pub cannot_say: usize,
    /// Qualifiers one text settles that the other does not.
    pub qualifiers_cannot_say: usize,
}

impl VerdictCounts {
    /// Findings where the translation departs from the original.
    pub fn departures(&self) -> usize {
        self.more + self.less + self.differs
    }
}

/// One original-language text and its translation, checked against each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationPair {
    /// The original-language instrument.
    pub original: InstrumentId,
    /// Its translation.
    pub translation: InstrumentId,
    /// The original's language (ISO 639-1), where the corpus holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_language: Option<String>,
    /// The translation's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_language: Option<String>,
    /// The text of the pair a relation names but the corpus does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_in_corpus: Option<PairText>,
    /// Each text that could not be read for the concept at all (no text, a language the
    /// lexicon does not cover, no definition in the part seen), and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_read: Vec<Unsettled>,
    /// Every element either text names and every qualifier either text settles, in id order.
    pub findings: Vec<TranslationFinding>,
    /// The verdicts, counted.
    pub counts: VerdictCounts,
    /// What the pair comes to, in one sentence.
    pub summary: String,
}

impl TranslationPair {
    /// Whether both texts were read and the translation agrees with the original on every
    /// element and qualifier both settle (and they settle at least one in common).
    pub fn agrees(&self) -> bool {
        self.not_in_corpus.is_none()
            && self.not_read.is_empty()
            && self.counts.departures() == 0
            && self.counts.agrees + self.counts.qualifiers_agree > 0
    }

    /// Check `translation` against `original`: the models of one concept. Either may be
    /// `None` where the corpus does not hold that instrument.
    pub fn check(
        original_id: &InstrumentId,
        translation_id: &InstrumentId,
        original: Option<&TermModel>,
        translation: Option<&TermModel>,
    ) -> TranslationPair {
        let mut pair = TranslationPair {
            original: original_id.clone(),
            translation: translation_id.clone(),
            original_language: original.map(|model| model.language.clone()),
            translation_language: translation.map(|model| model.language.clone()),
            not_in_corpus: None,
            not_read: Vec::new(),
            findings: Vec::new(),
            counts: VerdictCounts::default(),
            summary: String::new(),
        };
        let (Some(original), Some(translation)) = (original, translation) else {
            let (missing, named_by) = if original.is_none() {
                (PairText::Original, translation_id)
            } else {
                (PairText::Translation, original_id)
            };
            let missing_id = if original.is_none() { original_id } else { translation_id };
            pair.not_in_corpus = Some(missing);
            pair.summary = format!(
                "{named_by} names {missing_id} as its {missing}, which is not in the corpus: there is nothing to check it against"
            );
            return pair;
        };
        let texts = [(PairText::Original, original), (PairText::Translation, translation)];
        for (text, model) in texts {
            if let Some(cause) = not_read(model) {
                pair.not_read.push(Unsettled {
                    text,
                    reason: format!("the {text} could not be read: {cause}"),
                    cause: Some(cause),
                });
            }
        }
        let ids: BTreeSet<&ElementId> =
            original.elements.iter().chain(&translation.elements).map(|presence| &presence.id).collect();
        for id in ids {
            pair.findings.push(element_finding(id, original, translation));
        }
        let names: BTreeSet<QualifierName> =
            original.qualifiers.keys().chain(translation.qualifiers.keys()).copied().collect();
        for name in names {
            if let Some(finding) = qualifier_finding(name, original, translation) {
                pair.findings.push(finding);
            }
        }
        for finding in &pair.findings {
            let counts = &mut pair.counts;
            match (finding.verdict, finding.element.is_some()) {
                (Verdict::Agrees, true) => counts.agrees += 1,
                (Verdict::Agrees, false) => counts.qualifiers_agree += 1,
                (Verdict::More, _) => counts.more += 1,
                (Verdict::Less, _) => counts.less += 1,
                (Verdict::Differs, _) => counts.differs += 1,
                (Verdict::CannotSay, true) => counts.cannot_say += 1,
                (Verdict::CannotSay, false) => counts.qualifiers_cannot_say += 1,
            }
        }
        pair.summary = pair_summary(&pair);
        pair
    }
}

/// Every translation of a corpus checked against its original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationCheck {
    /// The concept checked.
    pub concept: String,
    /// One entry per pair, by original id then translation id.
    pub pairs: Vec<TranslationPair>,
}

impl TranslationCheck {
    /// The pair of `original` and `translation`, where the check has it.
    pub fn pair(&self, original: &str, translation: &str) -> Option<&TranslationPair> {
        self.pairs.iter().find(|pair| pair.original.as_str() == original && pair.translation.as_str() == translation)
    }
}

/// The (original, translation) pairs the relations of `instruments` name, in either
/// direction, each once, sorted. A relation may name an instrument that is not among them.
pub fn translation_pairs<'a>(
    instruments: impl IntoIterator<Item = &'a Instrument>,
) -> Vec<(InstrumentId, InstrumentId)> {
    let mut pairs = BTreeSet::new();
    for instrument in instruments {
        let Some(metadata) = &instrument.metadata else { continue };
        for relation in &metadata.relations {
            match relation.kind {
                RelationKind::TranslationOf => pairs.insert((relation.target.clone(), instrument.id.clone())),
                RelationKind::OriginalOf => pairs.insert((instrument.id.clone(), relation.target.clone())),
                _ => false,
            };
        }
    }
    pairs.into_iter().collect()
}

/// Check every pair of `pairs`, the models found by `model` (`None`: not in the corpus).
pub(crate) fn check_pairs<'m>(
    pairs: &[(InstrumentId, InstrumentId)],
    model: impl Fn(&InstrumentId) -> Option<&'m TermModel>,
) -> Vec<TranslationPair> {
    pairs
        .iter()
        .map(|(original, translation)| {
            TranslationPair::check(original, translation, model(original), model(translation))
        })
        .collect()
}

/// Why a model's text could not be read for the concept at all, where it could not: no
/// definition, for a reason that says the text was not read, and nothing read without it.
fn not_read(model: &TermModel) -> Option<Reason> {
    if model.definition.is_some() || !model.elements.is_empty() || model.qualifiers.values().any(settled) {
        return None;
    }
    let cause = model.not_found.first().map_or(Reason::NoDefinitionSeen, |item| item.cause.clone());
    cause.not_read().then_some(cause)
}

/// Whether a qualifier's value is settled by the text: known, and not read from the
/// structure of a text that lacks the part it would rest on (as [`crate::compare`] holds).
fn settled(qualifier: &Qualifier) -> bool {
    qualifier.value != QualifierValue::Unknown && !(qualifier.cause.is_some() && qualifier.evidence.is_empty())
}

/// What one text says of an element.
enum ElementReading<'m> {
    /// It names it, in these words.
    Names(&'m [Evidence]),
    /// The whole text does not name it.
    Silent,
    /// The text seen does not settle it, for this cause.
    Unsettled(Reason),
}

fn element_reading<'m>(model: &'m TermModel, id: &ElementId) -> (ElementState, ElementReading<'m>) {
    let state = model.state(id);
    let reading = match state {
        ElementState::Present => ElementReading::Names(
            model.elements.iter().find(|presence| &presence.id == id).map_or(&[][..], |presence| &presence.evidence),
        ),
        ElementState::Absent => ElementReading::Silent,
        ElementState::NotFound | ElementState::NotDefined => match model.not_found_reason(id).map(|item| &item.cause) {
            // A complete text that defines nothing for the concept does not name it.
            Some(Reason::NotDefined) => ElementReading::Silent,
            Some(cause) => ElementReading::Unsettled(cause.clone()),
            None => ElementReading::Unsettled(Reason::NoDefinitionSeen),
        },
    };
    (state, reading)
}

/// Why `text` does not settle something, for people.
fn unsettled_reason(text: PairText, cause: &Reason) -> String {
    if cause.not_read() {
        format!("the {text} could not be read: {cause}")
    } else {
        format!("the {text}'s text does not settle it: {cause}")
    }
}

/// `evidence` reordered so that the words nearest `other`'s come first: in the provision with
/// the same eId where there is one, else the one sharing the longest leading part of its eId.
fn aligned(evidence: &[Evidence], other: &[Evidence]) -> (Vec<Evidence>, Vec<Evidence>) {
    let mut left = evidence.to_vec();
    let mut right = other.to_vec();
    let shared = |a: &Evidence, b: &Evidence| {
        a.eid.as_str().split("__").zip(b.eid.as_str().split("__")).take_while(|(x, y)| x == y).count()
    };
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let score = shared(a, b) + usize::from(a.eid == b.eid);
            if best.is_none_or(|(known, _, _)| score > known) {
                best = Some((score, i, j));
            }
        }
    }
    if let Some((_, i, j)) = best {
        let first = left.remove(i);
        left.insert(0, first);
        let first = right.remove(j);
        right.insert(0, first);
    }
    (left, right)
}

fn words(evidence: &[Evidence]) -> String {
    evidence.first().map_or_else(String::new, |evidence| format!("“{}” [{}]", evidence.text, evidence.eid))
}

fn element_finding(id: &ElementId, original: &TermModel, translation: &TermModel) -> TranslationFinding {
    let (original_state, original_reading) = element_reading(original, id);
    let (translation_state, translation_reading) = element_reading(translation, id);
    let mut unsettled = Vec::new();
    for (text, reading) in [(PairText::Original, &original_reading), (PairText::Translation, &translation_reading)] {
        if let ElementReading::Unsettled(cause) = reading {
            unsettled.push(Unsettled { text, reason: unsettled_reason(text, cause), cause: Some(cause.clone()) });
        }
    }
    let empty: &[Evidence] = &[];
    let original_words = match &original_reading {
        ElementReading::Names(evidence) => evidence,
        _ => empty,
    };
    let translation_words = match &translation_reading {
        ElementReading::Names(evidence) => evidence,
        _ => empty,
    };
    let (original_evidence, translation_evidence) = aligned(original_words, translation_words);
    let (verdict, summary) = match (&original_reading, &translation_reading) {
        (ElementReading::Names(_), ElementReading::Names(_)) => (
            Verdict::Agrees,
            format!(
                "both name {id}: the original {}, the translation {}",
                words(&original_evidence),
                words(&translation_evidence)
            ),
        ),
        (ElementReading::Silent, ElementReading::Names(_)) => (
            Verdict::More,
            format!("the translation names {id} ({}), which the whole original does not", words(&translation_evidence)),
        ),
        (ElementReading::Names(_), ElementReading::Silent) => (
            Verdict::Less,
            format!(
                "the translation does not name {id}, which the original names ({}); the translation's text is whole",
                words(&original_evidence)
            ),
        ),
        _ => {
            let (who, evidence) = if original_words.is_empty() {
                ("the translation", &translation_evidence)
            } else {
                ("the original", &original_evidence)
            };
            let reasons: Vec<&str> = unsettled.iter().map(|unsettled| unsettled.reason.as_str()).collect();
            (
                Verdict::CannotSay,
                format!(
                    "{who} names {id} ({}); cannot say whether the other does: {}",
                    words(evidence),
                    reasons.join("; ")
                ),
            )
        }
    };
    TranslationFinding {
        element: Some(id.clone()),
        qualifier: None,
        verdict,
        in_original: Side {
            value: serde_json::Value::String(original_state.as_str().to_owned()),
            evidence: original_evidence,
        },
        in_translation: Side {
            value: serde_json::Value::String(translation_state.as_str().to_owned()),
            evidence: translation_evidence,
        },
        unsettled,
        summary,
    }
}

/// The finding of one qualifier, where at least one text settles it.
fn qualifier_finding(name: QualifierName, original: &TermModel, translation: &TermModel) -> Option<TranslationFinding> {
    let original_qualifier = original.qualifiers.get(&name);
    let translation_qualifier = translation.qualifiers.get(&name);
    let is_settled = |qualifier: Option<&Qualifier>| qualifier.is_some_and(settled);
    if !is_settled(original_qualifier) && !is_settled(translation_qualifier) {
        return None;
    }
    let value = |qualifier: Option<&Qualifier>| qualifier.map_or(QualifierValue::Unknown, |qualifier| qualifier.value);
    let (original_value, translation_value) = (value(original_qualifier), value(translation_qualifier));
    let empty: &[Evidence] = &[];
    let (original_evidence, translation_evidence) = aligned(
        original_qualifier.map_or(empty, |qualifier| &qualifier.evidence),
        translation_qualifier.map_or(empty, |qualifier| &qualifier.evidence),
    );
    let mut unsettled = Vec::new();
    for (text, model, qualifier) in [
        (PairText::Original, original, original_qualifier),
        (PairText::Translation, translation, translation_qualifier),
    ] {
        if is_settled(qualifier) {
            continue;
        }
        let cause = qualifier.and_then(|qualifier| qualifier.cause.clone()).or_else(|| not_read(model));
        let reason = match (&cause, qualifier.and_then(|qualifier| qualifier.basis.as_deref())) {
            (Some(cause), _) if cause.not_read() => format!("the {text} could not be read: {cause}"),
            (_, Some(basis)) => format!("the {text}'s text does not settle it: {basis}"),
            (Some(cause), None) => unsettled_reason(text, cause),
            (None, None) => format!("the {text}'s text does not settle it"),
        };
        unsettled.push(Unsettled { text, cause, reason });
    }
    let side = |value: QualifierValue, evidence: Vec<Evidence>| Side {
        value: serde_json::to_value(value).expect("qualifier values serialise"),
        evidence,
    };
    let (verdict, summary) = if !unsettled.is_empty() {
        let (who, value) = if is_settled(original_qualifier) {
            ("the original", original_value)
        } else {
            ("the translation", translation_value)
        };
        let reasons: Vec<&str> = unsettled.iter().map(|unsettled| unsettled.reason.as_str()).collect();
        (
            Verdict::CannotSay,
            format!("{name}: {who} has {value}; cannot say whether the other agrees: {}", reasons.join("; ")),
        )
    } else if original_value == translation_value {
        (Verdict::Agrees, format!("{name}: both have {original_value}"))
    } else {
        (
            Verdict::Differs,
            format!(
                "{name}: the original has {original_value} ({}), the translation has {translation_value} ({})",
                words(&original_evidence),
                words(&translation_evidence)
            ),
        )
    };
    Some(TranslationFinding {
        element: None,
        qualifier: Some(name),
        verdict,
        in_original: side(original_value, original_evidence),
        in_translation: side(translation_value, translation_evidence),
        unsettled,
        summary,
    })
}

pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// `9 elements and 4 qualifiers`, leaving out a zero part.
fn elements_and_qualifiers(elements: usize, qualifiers: usize) -> String {
    match (elements, qualifiers) {
        (elements, 0) => plural(elements, "element", "elements"),
        (0, qualifiers) => plural(qualifiers, "qualifier", "qualifiers"),
        (elements, qualifiers) => {
            format!("{} and {}", plural(elements, "element", "elements"), plural(qualifiers, "qualifier", "qualifiers"))
        }
    }
}

fn pair_summary(pair: &TranslationPair) -> String {
    let counts = &pair.counts;
    let unchecked = counts.cannot_say + counts.qualifiers_cannot_say;
    let not_compared = if unchecked == 0 {
        String::new()
    } else {
        format!(
            "; {} cannot be compared (one text does not settle them)",
            elements_and_qualifiers(counts.cannot_say, counts.qualifiers_cannot_say)
        )
    };
    // (Said with the cause's words: "could not be read" once, not once per text.)
    let cause =
        |unsettled: &Unsettled| unsettled.cause.as_ref().map_or_else(|| unsettled.reason.clone(), ToString::to_string);
    match pair.not_read.as_slice() {
        [] => {}
        [only] => {
            let other = match only.text {
                PairText::Original => PairText::Translation,
                PairText::Translation => PairText::Original,
            };
            let settled = if unchecked == 0 {
                format!("the {other} settles nothing to check against it")
            } else {
                format!(
                    "the {} the {other} settles cannot be checked against it",
                    elements_and_qualifiers(counts.cannot_say, counts.qualifiers_cannot_say)
                )
            };
            return format!("the {} could not be read ({}): {settled}", only.text, cause(only));
        }
        both => {
            let causes: Vec<String> =
                both.iter().map(|unsettled| format!("the {}: {}", unsettled.text, cause(unsettled))).collect();
            return format!("neither text could be read ({})", causes.join("; "));
        }
    }
    let agreed = elements_and_qualifiers(counts.agrees, counts.qualifiers_agree);
    if counts.departures() == 0 {
        if counts.agrees + counts.qualifiers_agree == 0 {
            return format!("no element or qualifier is settled by both texts{not_compared}");
        }
        return format!("the translation and the original agree on every element read: {agreed}{not_compared}");
    }
    let mut parts = Vec::new();
    if counts.more > 0 {
        parts.push(format!("names {} the original does not", plural(counts.more, "element", "elements")));
    }
    if counts.less > 0 {
        parts.push(format!("does not name {} the original names", plural(counts.less, "element", "elements")));
    }
    if counts.differs > 0 {
        parts.push(format!("gives {} another value", plural(counts.differs, "qualifier", "qualifiers")));
    }
    let agreed =
        if counts.agrees + counts.qualifiers_agree == 0 { String::new() } else { format!("; they agree on {agreed}") };
    format!("the translation departs from the original: it {}{agreed}{not_compared}", parts.join(", "))
}
