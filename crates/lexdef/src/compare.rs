//! The divergence engine: where a subject's term model departs from a baseline's (the UN
//! Protocol, ACTIP, another country's law), in which direction, how much it matters, and on
//! which words on both sides.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::ids::{ElementFamily, ElementId};
use crate::instrument_id::InstrumentId;
use crate::model::{ElementPresence, ElementState, Evidence, NotFound, Reason, TermModel};
use crate::qualifier::{ListKind, QualifierName, QualifierValue, VictimScope};

/// What kind of departure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceKind {
    /// The baseline names an element the subject does not.
    MissingElement,
    /// The subject names an element the baseline does not.
    AdditionalElement,
    /// A qualifier (child age, consent, ...) has another value.
    QualifierMismatch,
    /// The subject protects fewer persons (women and children only, say).
    ScopeRestriction,
    /// The subject has no definition of the concept in the text seen.
    TermNotDefined,
    /// The same element, in other words.
    WordingVariance,
    /// The subject's definition requires no means where the baseline's requires one: said
    /// once, broader, rather than one narrower finding per means.
    MeansNotRequired,
}

/// Which way the subject departs: it covers less, more, or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The subject covers less conduct or fewer persons than the baseline.
    Narrower,
    /// The subject covers more.
    Broader,
    /// Neither: other, or not comparable.
    Different,
}

impl Direction {
    /// Every direction, from the subject that covers less to the one that covers more.
    pub const ALL: &'static [Direction] = &[Direction::Narrower, Direction::Different, Direction::Broader];
}

/// How much a divergence matters for the policy goal of aligned definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A core element or qualifier of the baseline is missing or contradicted.
    High,
    /// A qualifier or list differs in a way that changes what is covered.
    Medium,
    /// An addition or a lesser difference.
    Low,
    /// Worth seeing, changes nothing (different words for the same element).
    Info,
}

impl Severity {
    /// Every severity, from the one that matters least to the one that matters most (the
    /// reverse of the variants' order).
    pub const ALL: &'static [Severity] = &[Severity::Info, Severity::Low, Severity::Medium, Severity::High];
}

/// Whether a finding rests on complete text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "level")]
pub enum Confidence {
    /// Both sides' texts settle it.
    Certain,
    /// It rests on text the corpus could not read, or did not see.
    Uncertain {
        /// Why: the gap or the missing definition it depends on.
        reason: String,
    },
}

/// One side of a divergence: the value and the words behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// `present` / `absent` / `not_found` for an element; the qualifier's value; the words
    /// for a wording variance.
    pub value: serde_json::Value,
    /// Where the words are.
    pub evidence: Vec<Evidence>,
}

/// A word-level difference between two wordings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordDiff {
    /// Words only the baseline has.
    pub removed: Vec<String>,
    /// Words only the subject has.
    pub added: Vec<String>,
    /// Words both have, in order.
    pub kept: Vec<String>,
}

/// A departure of the subject's definition from the baseline's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    /// What kind.
    pub kind: DivergenceKind,
    /// The subject instrument.
    pub instrument: InstrumentId,
    /// The baseline instrument.
    pub baseline_instrument: InstrumentId,
    /// The concept compared.
    pub concept: String,
    /// The element, for element findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<ElementId>,
    /// The qualifier, for qualifier findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<QualifierName>,
    /// Which way.
    pub direction: Direction,
    /// How much it matters.
    pub severity: Severity,
    /// Whether the texts settle it.
    pub confidence: Confidence,
    /// The subject's side.
    pub subject: Side,
    /// The baseline's side.
    pub baseline: Side,
    /// For a wording variance: the similarity of the two wordings (0 to 1, normalised
    /// Levenshtein) and their word-level difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The word-level difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<WordDiff>,
    /// A sentence saying what the finding means.
    pub summary: String,
}

/// The state of `id` in `model`, its evidence where present, and why it is not found.
fn element_state<'m>(model: &'m TermModel, id: &ElementId) -> (ElementState, Vec<Evidence>, Option<&'m NotFound>) {
    let evidence = model
        .elements
        .iter()
        .find(|presence| &presence.id == id)
        .map(|presence| presence.evidence.clone())
        .unwrap_or_default();
    (model.state(id), evidence, model.not_found_reason(id))
}

fn value_json(value: &QualifierValue) -> serde_json::Value {
    serde_json::to_value(value).expect("qualifier values serialise")
}

/// Compare `subject` with `baseline` (models of the same concept). Findings are sorted by
/// kind, then element or qualifier, so the same models always give the same list.
pub fn compare(subject: &TermModel, baseline: &TermModel) -> Vec<Divergence> {
    #[cfg(test)]
    crate::study::work::count(&crate::study::work::COMPARISONS);
    let mut findings = Vec::new();
    let concept = subject.concept.to_string();
    let make = |kind,
                element: Option<ElementId>,
                qualifier: Option<QualifierName>,
                direction,
                severity,
                confidence,
                subject_side,
                baseline_side,
                summary: String| Divergence {
        kind,
        instrument: subject.instrument.clone(),
        baseline_instrument: baseline.instrument.clone(),
        concept: concept.clone(),
        element,
        qualifier,
        direction,
        severity,
        confidence,
        subject: subject_side,
        baseline: baseline_side,
        similarity: None,
        diff: None,
        summary,
    };
    if subject.definition.is_none() {
        let cause = subject.not_found.first().map(|item| &item.cause);
        let confidence = match cause {
            Some(Reason::NotDefined) => Confidence::Certain,
            Some(cause) => Confidence::Uncertain { reason: cause.to_string() },
            None => Confidence::Uncertain { reason: Reason::NoDefinitionSeen.to_string() },
        };
        findings.push(make(
            DivergenceKind::TermNotDefined,
            None,
            None,
            Direction::Different,
            Severity::High,
            confidence,
            Side { value: serde_json::Value::String("not_defined".into()), evidence: Vec::new() },
            Side { value: serde_json::Value::String("defined".into()), evidence: Vec::new() },
            format!("{} has no definition of {concept} in the text seen", subject.instrument),
        ));
        return findings;
    }
    let baseline_ids: Vec<&ElementId> = baseline.elements.iter().map(|presence| &presence.id).collect();
    // A definition that names no means at all needs none: where the baseline's needs one, the
    // subject is broader, whatever means the baseline lists. (Only where its text is whole
    // enough to say so: means cut by a gap could be there.)
    let baseline_means: Vec<&ElementPresence> =
        baseline.elements.iter().filter(|presence| presence.id.family() == ElementFamily::Means).collect();
    let subject_needs_no_means = needs_no_means(subject, baseline);
    if subject_needs_no_means {
        let unseen = baseline_means.iter().find_map(|presence| subject.not_found_reason(&presence.id));
        let confidence = match unseen {
            Some(item) => Confidence::Uncertain { reason: item.cause.to_string() },
            None => Confidence::Certain,
        };
        findings.push(make(
            DivergenceKind::MeansNotRequired,
            None,
            None,
            Direction::Broader,
            Severity::Medium,
            confidence,
            Side { value: serde_json::Value::String("no_means".into()), evidence: Vec::new() },
            Side {
                value: serde_json::Value::String("means".into()),
                evidence: baseline_means.iter().map(|presence| presence.evidence[0].clone()).collect(),
            },
            format!(
                "{} requires no means: the act and the purpose suffice, where {} requires one of {} means",
                subject.instrument,
                baseline.instrument,
                baseline_means.len()
            ),
        ));
    }
    for presence in &baseline.elements {
        if subject_needs_no_means && presence.id.family() == ElementFamily::Means {
            continue;
        }
        let (state, evidence, not_found) = element_state(subject, &presence.id);
        let reason = not_found.map(|item| item.cause.to_string());
        match state {
            ElementState::Present => {
                let subject_words = &evidence[0].text;
                let baseline_words = &presence.evidence[0].text;
                // (Words of two languages always differ: a translation is no variance.)
                if subject.language == baseline.language && normalise(subject_words) != normalise(baseline_words) {
                    let mut finding = make(
                        DivergenceKind::WordingVariance,
                        Some(presence.id.clone()),
                        None,
                        Direction::Different,
                        Severity::Info,
                        Confidence::Certain,
                        Side {
                            value: serde_json::Value::String(subject_words.clone()),
                            evidence: vec![evidence[0].clone()],
                        },
                        Side {
                            value: serde_json::Value::String(baseline_words.clone()),
                            evidence: vec![presence.evidence[0].clone()],
                        },
                        format!(
                            "{} says \"{subject_words}\" where {} says \"{baseline_words}\"",
                            subject.instrument, baseline.instrument
                        ),
                    );
                    finding.similarity = Some(
                        (wording_similarity(&subject_words.to_lowercase(), &baseline_words.to_lowercase()) * 1000.0)
                            .round()
                            / 1000.0,
                    );
                    finding.diff = Some(word_diff(baseline_words, subject_words));
                    findings.push(finding);
                }
            }
            _ => {
                let confidence = match &reason {
                    Some(reason) => Confidence::Uncertain { reason: reason.clone() },
                    None => Confidence::Certain,
                };
                let family = match presence.id.family() {
                    ElementFamily::Act => "act",
                    ElementFamily::Means => "means",
                    ElementFamily::Purpose => "purpose",
                    ElementFamily::Protection => "protection",
                };
                let summary = match not_found.map(|item| &item.cause) {
                    None => format!(
                        "{} does not name the {family} {} that {} names",
                        subject.instrument, presence.id, baseline.instrument
                    ),
                    // Said at the level it holds: the definition, not the instrument.
                    Some(Reason::RestNotSeen { eid }) => format!(
                        "the definition in `{eid}` of {} does not name the {family} {} that {} names; the rest of the instrument was not seen",
                        subject.instrument, presence.id, baseline.instrument
                    ),
                    Some(_) => format!(
                        "{} not found in the text of {} seen: it may be silent, or name it where the corpus could not read",
                        presence.id, subject.instrument
                    ),
                };
                findings.push(make(
                    DivergenceKind::MissingElement,
                    Some(presence.id.clone()),
                    None,
                    Direction::Narrower,
                    if reason.is_some() { Severity::Medium } else { Severity::High },
                    confidence,
                    Side { value: serde_json::Value::String(state.as_str().to_owned()), evidence: Vec::new() },
                    Side {
                        value: serde_json::Value::String("present".to_owned()),
                        evidence: presence.evidence.clone(),
                    },
                    summary,
                ));
            }
        }
    }
    for presence in subject.elements.iter().filter(|presence| !baseline_ids.contains(&&presence.id)) {
        let (baseline_state, _, baseline_not_found) = element_state(baseline, &presence.id);
        let baseline_reason = baseline_not_found.map(|item| item.cause.to_string());
        let baseline_says = match &baseline_reason {
            Some(_) => format!("which was not found in the text of {} seen", baseline.instrument),
            None => format!("which {} does not", baseline.instrument),
        };
        let confidence = match baseline_reason {
            Some(reason) => Confidence::Uncertain { reason: format!("in the baseline: {reason}") },
            None => Confidence::Certain,
        };
        findings.push(make(
            DivergenceKind::AdditionalElement,
            Some(presence.id.clone()),
            None,
            Direction::Broader,
            Severity::Low,
            confidence,
            Side { value: serde_json::Value::String("present".to_owned()), evidence: presence.evidence.clone() },
            Side { value: serde_json::Value::String(baseline_state.as_str().to_owned()), evidence: Vec::new() },
            format!(
                "{} also names {} (\"{}\"), {baseline_says}",
                subject.instrument, presence.id, presence.evidence[0].text
            ),
        ));
    }
    for (name, baseline_qualifier) in &baseline.qualifiers {
        let Some(subject_qualifier) = subject.qualifiers.get(name) else { continue };
        if subject_qualifier.value == baseline_qualifier.value || baseline_qualifier.value == QualifierValue::Unknown {
            continue;
        }
        let subject_side =
            Side { value: value_json(&subject_qualifier.value), evidence: subject_qualifier.evidence.clone() };
        let baseline_side =
            Side { value: value_json(&baseline_qualifier.value), evidence: baseline_qualifier.evidence.clone() };
        if subject_qualifier.value == QualifierValue::Unknown {
            let reason =
                subject_qualifier.basis.clone().unwrap_or_else(|| "the text seen does not settle it".to_owned());
            findings.push(make(
                DivergenceKind::QualifierMismatch,
                None,
                Some(*name),
                Direction::Different,
                Severity::Low,
                Confidence::Uncertain { reason: reason.clone() },
                subject_side,
                baseline_side,
                format!("{name} cannot be compared: the text of {} seen does not settle it", subject.instrument),
            ));
            continue;
        }
        let (kind, direction, severity) = qualifier_reading(*name, &subject_qualifier.value, &baseline_qualifier.value);
        // A value read from structure on a text that lacks a part would rest on that part.
        let confidence = match (&subject_qualifier.cause, subject_qualifier.evidence.is_empty()) {
            (Some(cause), true) => Confidence::Uncertain { reason: cause.to_string() },
            _ => Confidence::Certain,
        };
        let summary = format!(
            "{name}: {} has {}, {} has {}",
            subject.instrument, subject_qualifier.value, baseline.instrument, baseline_qualifier.value
        );
        findings.push(make(
            kind,
            None,
            Some(*name),
            direction,
            severity,
            confidence,
            subject_side,
            baseline_side,
            summary,
        ));
    }
    findings.sort_by(|left, right| {
        (left.kind, &left.element, &left.qualifier).cmp(&(right.kind, &right.element, &right.qualifier))
    });
    findings
}

/// Whether `subject`'s definition names no means at all, where `baseline`'s names some,
/// and its text is whole enough to say so (no means cut by a gap).
fn needs_no_means(subject: &TermModel, baseline: &TermModel) -> bool {
    let mut baseline_means =
        baseline.elements.iter().filter(|presence| presence.id.family() == ElementFamily::Means).peekable();
    baseline_means.peek().is_some()
        && !subject.elements.iter().any(|presence| presence.id.family() == ElementFamily::Means)
        && baseline_means.all(|presence| match subject.state(&presence.id) {
            ElementState::Absent => true,
            ElementState::NotFound => subject
                .not_found_reason(&presence.id)
                .is_some_and(|item| matches!(item.cause, Reason::RestNotSeen { .. })),
            _ => false,
        })
}

/// How many findings [`compare`] gives for `subject` against `baseline`, wording variances
/// aside — what a report's pairwise counts hold — without building them: the same reading of
/// the models, none of the evidence, summaries and sorting, so counting every pair of a large
/// corpus costs a fraction of comparing it.
pub fn count_divergences(subject: &TermModel, baseline: &TermModel) -> usize {
    if subject.definition.is_none() {
        return 1;
    }
    let names = |model: &TermModel, id: &ElementId| model.elements.iter().any(|presence| &presence.id == id);
    let no_means = needs_no_means(subject, baseline);
    let missing = baseline
        .elements
        .iter()
        .filter(|presence| !names(subject, &presence.id))
        .filter(|presence| !(no_means && presence.id.family() == ElementFamily::Means))
        .count()
        + usize::from(no_means);
    let additional = subject.elements.iter().filter(|presence| !names(baseline, &presence.id)).count();
    let qualifiers = baseline
        .qualifiers
        .iter()
        .filter(|(name, baseline_qualifier)| {
            subject.qualifiers.get(*name).is_some_and(|subject_qualifier| {
                subject_qualifier.value != baseline_qualifier.value
                    && baseline_qualifier.value != QualifierValue::Unknown
            })
        })
        .count();
    missing + additional + qualifiers
}

/// What a qualifier difference means: its kind, direction and severity.
fn qualifier_reading(
    name: QualifierName,
    subject: &QualifierValue,
    baseline: &QualifierValue,
) -> (DivergenceKind, Direction, Severity) {
    use QualifierValue::{Bool, List, Number, Scope};
    match (name, subject, baseline) {
        (QualifierName::ChildAge, Number(subject), Number(baseline)) => (
            DivergenceKind::QualifierMismatch,
            if subject < baseline { Direction::Narrower } else { Direction::Broader },
            Severity::High,
        ),
        // Requiring means for children, allowing a consent defence, requiring a border
        // crossing: each makes the definition cover less.
        (QualifierName::MeansRequiredForChildren | QualifierName::TransnationalRequired, Bool(subject), _) => (
            DivergenceKind::QualifierMismatch,
            if *subject { Direction::Narrower } else { Direction::Broader },
            Severity::High,
        ),
        (QualifierName::ConsentIrrelevant, Bool(subject), _) => (
            DivergenceKind::QualifierMismatch,
            if *subject { Direction::Broader } else { Direction::Narrower },
            Severity::Medium,
        ),
        (QualifierName::ExploitationList, List(subject), _) => (
            DivergenceKind::QualifierMismatch,
            match subject {
                ListKind::Closed => Direction::Narrower,
                ListKind::Open => Direction::Broader,
            },
            Severity::Medium,
        ),
        (QualifierName::VictimScope, Scope(subject), _) => (
            DivergenceKind::ScopeRestriction,
            match subject {
                VictimScope::AllPersons => Direction::Broader,
                VictimScope::WomenAndChildren | VictimScope::Children => Direction::Narrower,
            },
            Severity::High,
        ),
        _ => (DivergenceKind::QualifierMismatch, Direction::Different, Severity::Medium),
    }
}

fn normalise(text: &str) -> String {
    text.unicode_words().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The word-level difference of two wordings (a longest common subsequence of their words).
pub fn word_diff(baseline: &str, subject: &str) -> WordDiff {
    let left: Vec<&str> = baseline.unicode_words().collect();
    let right: Vec<&str> = subject.unicode_words().collect();
    let mut table = vec![vec![0usize; right.len() + 1]; left.len() + 1];
    for i in (0..left.len()).rev() {
        for j in (0..right.len()).rev() {
            table[i][j] = if left[i].eq_ignore_ascii_case(right[j]) {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut diff = WordDiff { removed: Vec::new(), added: Vec::new(), kept: Vec::new() };
    while i < left.len() && j < right.len() {
        if left[i].eq_ignore_ascii_case(right[j]) {
            diff.kept.push(left[i].to_owned());
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            diff.removed.push(left[i].to_owned());
            i += 1;
        } else {
            diff.added.push(right[j].to_owned());
            j += 1;
        }
    }
    diff.removed.extend(left[i..].iter().map(|word| (*word).to_owned()));
    diff.added.extend(right[j..].iter().map(|word| (*word).to_owned()));
    diff
}

/// How alike two wordings are: `1 - edits / longer length` in characters, the Levenshtein
/// distance — `strsim::normalized_levenshtein`'s score, from rapidfuzz's distance (a
/// bit-parallel algorithm, 4.6 times faster on the engine's wording pairs: BENCHMARKS.md).
fn wording_similarity(one: &str, other: &str) -> f64 {
    let longer = one.chars().count().max(other.chars().count());
    if longer == 0 {
        return 1.0;
    }
    1.0 - (rapidfuzz::distance::levenshtein::distance(one.chars(), other.chars()) as f64) / (longer as f64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn wording_similarity_is_strsims_bit_for_bit() {
        // Pairs of the lexicon's strings (the wordings a finding compares are such words), with
        // the empty string and a longer phrase among them.
        let mut wordings: Vec<String> = include_str!("../data/lexicon.toml")
            .lines()
            .flat_map(|line| line.split('"').skip(1).step_by(2).map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|word| !word.contains(['.', '_']))
            .collect();
        wordings.sort();
        wordings.dedup();
        wordings.extend([
            String::new(),
            "the recruitment, transportation, transfer, harbouring or receipt of persons".to_owned(),
        ]);
        let mut compared = 0;
        for one in wordings.iter().step_by(5) {
            for other in wordings.iter().step_by(2) {
                assert_eq!(
                    super::wording_similarity(one, other).to_bits(),
                    strsim::normalized_levenshtein(one, other).to_bits(),
                    "{one} / {other}"
                );
                compared += 1;
            }
        }
        assert!(compared > 10_000, "{compared} pairs");
    }

    use super::*;

    #[test]
    fn divergence_counts_are_the_non_wording_findings_of_compare() {
        let corpus = crate::Corpus::bundled();
        let lexicon = crate::Lexicon::bundled();
        let concept = "trafficking_in_persons".parse().expect("a concept id");
        let study = crate::Study::new(&corpus, &lexicon, concept);
        let models: Vec<&TermModel> = study.analyses().map(|analysis| &analysis.model).collect();
        let mut pairs = 0;
        for subject in &models {
            for baseline in &models {
                let findings = compare(subject, baseline)
                    .iter()
                    .filter(|finding| finding.kind != DivergenceKind::WordingVariance)
                    .count();
                assert_eq!(
                    count_divergences(subject, baseline),
                    findings,
                    "{} against {}",
                    subject.instrument,
                    baseline.instrument
                );
                pairs += 1;
            }
        }
        assert_eq!(pairs, models.len() * models.len());
    }

    #[test]
    fn word_diffs_keep_what_is_shared() {
        let diff =
            word_diff("abuse of power or of a position of vulnerability", "abuse of the position of vulnerability");
        assert_eq!(diff.kept, ["abuse", "of", "position", "of", "vulnerability"]);
        assert_eq!(diff.removed, ["power", "or", "of", "a"]);
        assert_eq!(diff.added, ["the"]);
    }
}
