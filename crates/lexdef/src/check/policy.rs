//! Policy rules: what a corpus's maintainers require of its instruments' definitions, read
//! from `lexdef-check.toml` (documented in `corpus/README.md`): these elements must be named,
//! these qualifiers must have these values, these concepts must be defined. Each rule has a
//! severity and a scope.
//!
//! A rule never says that a law lacks something the corpus could not read: an element that
//! is `not_found` (a gap, a language the lexicon does not cover) or a qualifier the text
//! does not settle gives a warning that the rule cannot be checked, not a violation.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Context, Finding, Findings, RuleInfo, RuleSeverity, RULES_FILE};
use crate::error::{Error, Result};
use crate::ids::{ConceptId, ElementId};
use crate::instrument::Instrument;
use crate::jurisdiction::Jurisdiction;
use crate::location::Location;
use crate::metadata::{CompletenessStatus, InstrumentKind};
use crate::model::{ModelBuilder, TermModel};
use crate::qualifier::{QualifierName, QualifierValue};
use crate::report::Analysis;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    version: Spanned<i64>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    description: String,
    severity: RuleSeverity,
    #[serde(default)]
    instruments: Vec<Spanned<String>>,
    #[serde(default)]
    jurisdictions: Vec<Spanned<String>>,
    #[serde(default)]
    kinds: Vec<Spanned<InstrumentKind>>,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    concept: Option<Spanned<String>>,
    #[serde(default)]
    elements: Vec<Spanned<String>>,
    #[serde(default)]
    qualifiers: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    defines: Vec<Spanned<String>>,
    /// Protection checklist items the instruments must provide (`protection.non_punishment`).
    #[serde(default)]
    protections: Vec<Spanned<String>>,
    /// Whether they must provide them as a duty (`mandatory`), not at discretion.
    #[serde(default)]
    protections_mandatory: bool,
}

/// A rule as checked: its scope resolved to instruments, its ids to the lexicon's.
struct Rule {
    id: String,
    description: String,
    severity: RuleSeverity,
    instruments: Vec<String>,
    concept: ConceptId,
    elements: Vec<ElementId>,
    qualifiers: Vec<(QualifierName, QualifierValue)>,
    defines: Vec<ConceptId>,
    protections: Vec<ElementId>,
    protections_mandatory: bool,
}

pub(super) fn check(context: &Context<'_>, explicit: Option<&Path>, findings: &mut Findings) -> Result<Vec<RuleInfo>> {
    let path = explicit.map_or_else(|| context.directory.join(RULES_FILE), Path::to_path_buf);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        // Without a rules file a corpus has no policy rules; a file asked for must be there.
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => return Ok(Vec::new()),
        Err(source) => return Err(Error::Io { path, source }),
    };
    Ok(check_bytes(context, &path.display().to_string(), &bytes, findings))
}

/// Read the rules file's `bytes` (`file` names it) and apply its rules; every problem with
/// the file is a `rules.config` finding. Separate from the reading of the file so the reader
/// can be driven with any bytes (the fuzz target `check_rules`).
pub(crate) fn check_bytes(context: &Context<'_>, file: &str, bytes: &[u8], findings: &mut Findings) -> Vec<RuleInfo> {
    let file = file.to_owned();
    findings.checked("rules.config", &file);
    let text = match String::from_utf8(bytes.to_vec()) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
            let (line, column) = crate::location::LineIndex::new(&prefix).line_column(&prefix, prefix.len());
            findings.push(Finding::new(
                "rules.config",
                RuleSeverity::Error,
                None,
                Location { file, line, column },
                format!("invalid UTF-8 at byte {valid}; the rules file must be UTF-8"),
            ));
            return Vec::new();
        }
    };
    let lines = crate::location::LineIndex::new(&text);
    let problem = |range: Range<usize>, message: String| {
        Finding::new("rules.config", RuleSeverity::Error, None, Location::file_start(&file), message)
            .at_range_in(&file, &text, &lines, range)
    };
    let raw: RawRules = match toml::from_str(&text) {
        Ok(raw) => raw,
        Err(error) => {
            let range = error.span().unwrap_or(0..0);
            findings.push(problem(range, error.message().trim().to_owned()));
            return Vec::new();
        }
    };
    if *raw.version.get_ref() != 1 {
        findings.push(problem(
            raw.version.span(),
            format!("rules file version {} is not supported (expected 1)", raw.version.get_ref()),
        ));
        return Vec::new();
    }
    let mut rules = Vec::new();
    let mut ids: BTreeMap<String, Range<usize>> = BTreeMap::new();
    for raw_rule in raw.rules {
        let mut problems = Vec::new();
        let id = raw_rule.id.get_ref().clone();
        let well_formed = !id.is_empty()
            && id
                .chars()
                .all(|character| character.is_ascii_lowercase() || character.is_ascii_digit() || character == '-');
        if !well_formed {
            problems.push(problem(
                raw_rule.id.span(),
                format!("rule id `{id}` must be lower-case letters, digits and `-`, e.g. `child-age-18`"),
            ));
        }
        if let Some(first) = ids.insert(id.clone(), raw_rule.id.span()) {
            let (line, _) = lines.line_column(&text, first.start);
            problems.push(problem(raw_rule.id.span(), format!("rule id `{id}` is already used on line {line}")));
        }
        let concept = match &raw_rule.concept {
            Some(name) => match context.study.lexicon().concept(name.get_ref()) {
                Ok(concept) => Some(concept),
                Err(error) => {
                    problems.push(problem(name.span(), error.to_string()));
                    None
                }
            },
            None => Some("trafficking_in_persons".parse().expect("a valid concept id")),
        };
        let mut elements = Vec::new();
        for element in &raw_rule.elements {
            match context.study.lexicon().element(element.get_ref()) {
                Ok(id) => elements.push(id),
                Err(_) => problems.push(problem(
                    element.span(),
                    format!(
                        "unknown element `{}`; element ids are the lexicon's, e.g. `means.abuse_of_vulnerability`",
                        element.get_ref()
                    ),
                )),
            }
        }
        let mut defines = Vec::new();
        for name in &raw_rule.defines {
            match context.study.lexicon().concept(name.get_ref()) {
                Ok(concept) => defines.push(concept),
                Err(error) => problems.push(problem(name.span(), error.to_string())),
            }
        }
        let mut protections = Vec::new();
        let vocabulary = crate::checklist::ProtectionVocabulary::shared();
        for item in &raw_rule.protections {
            match vocabulary.items().find(|(id, _)| id.as_str() == item.get_ref()) {
                Some((id, _)) => protections.push(id.clone()),
                None => {
                    let known: Vec<String> = vocabulary.items().map(|(id, _)| id.to_string()).collect();
                    problems.push(problem(
                        item.span(),
                        format!("unknown protection item `{}`; the items are: {}", item.get_ref(), known.join(", ")),
                    ));
                }
            }
        }
        let mut qualifiers = Vec::new();
        if let Some(concept) = &concept {
            let known = crate::model::qualifier_names(concept);
            for (written, value) in &raw_rule.qualifiers {
                let Some(name) = written.parse::<QualifierName>().ok().filter(|name| known.contains(name)) else {
                    let known: Vec<&str> = known.iter().map(|name| name.as_str()).collect();
                    problems.push(problem(
                        value.span(),
                        format!(
                            "`{written}` is not a qualifier of {concept}; its qualifiers are: {}",
                            if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                        ),
                    ));
                    continue;
                };
                let parsed = match (name, value.get_ref()) {
                    (QualifierName::ChildAge, toml::Value::Integer(age)) if (1..=150).contains(age) => {
                        Some(QualifierValue::Number(*age as u32))
                    }
                    (QualifierName::ExploitationList, toml::Value::String(text)) => {
                        text.parse().ok().map(QualifierValue::List)
                    }
                    (QualifierName::VictimScope, toml::Value::String(text)) => {
                        text.parse().ok().map(QualifierValue::Scope)
                    }
                    (
                        QualifierName::ConsentIrrelevant
                        | QualifierName::MeansRequiredForChildren
                        | QualifierName::TransnationalRequired,
                        toml::Value::Boolean(flag),
                    ) => Some(QualifierValue::Bool(*flag)),
                    _ => None,
                };
                match parsed {
                    Some(value) => qualifiers.push((name, value)),
                    None => {
                        let expected = match name {
                            QualifierName::ChildAge => "an age in years, e.g. `18`".to_owned(),
                            QualifierName::ExploitationList | QualifierName::VictimScope => format!(
                                "one of {}",
                                name.named_values()
                                    .iter()
                                    .map(|named| format!("`\"{named}\"`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            QualifierName::ConsentIrrelevant
                            | QualifierName::MeansRequiredForChildren
                            | QualifierName::TransnationalRequired => "`true` or `false`".to_owned(),
                        };
                        problems.push(problem(
                            value.span(),
                            format!(
                                "`{name} = {}` is not a value it can have: expected {expected}",
                                crate::annotation::show_annotated(value.get_ref())
                            ),
                        ));
                    }
                }
            }
        }
        if raw_rule.elements.is_empty()
            && raw_rule.qualifiers.is_empty()
            && raw_rule.defines.is_empty()
            && raw_rule.protections.is_empty()
        {
            problems.push(problem(
                raw_rule.id.span(),
                format!("rule `{id}` requires nothing: give it `elements`, `qualifiers`, `defines` or `protections`"),
            ));
        }
        let instruments = scope(context, &raw_rule, &mut problems, &problem);
        if instruments.is_empty() && problems.is_empty() {
            problems.push(problem(
                raw_rule.id.span(),
                format!("rule `{id}` applies to no instrument of the corpus: check its scope"),
            ));
        }
        if !problems.is_empty() {
            problems.into_iter().for_each(|finding| findings.push(finding));
            continue;
        }
        rules.push(Rule {
            id: format!("policy.{id}"),
            description: raw_rule.description,
            severity: raw_rule.severity,
            instruments,
            concept: concept.expect("a rule without problems has a concept"),
            elements,
            qualifiers,
            defines,
            protections,
            protections_mandatory: raw_rule.protections_mandatory,
        });
    }
    let mut infos = Vec::new();
    for rule in &rules {
        infos.push(RuleInfo { id: rule.id.clone(), description: rule.description.clone(), severity: rule.severity });
        for id in &rule.instruments {
            findings.checked(&rule.id, id);
            apply(rule, context.study.analysis(id).expect("a rule's instruments are loaded ones"), context, findings);
        }
    }
    infos
}

/// The instruments a rule's scope selects, loaded ones only, by id.
fn scope(
    context: &Context<'_>,
    rule: &RawRule,
    problems: &mut Vec<Finding>,
    problem: &dyn Fn(Range<usize>, String) -> Finding,
) -> Vec<String> {
    let mut named = BTreeSet::new();
    for id in rule.instruments.iter().chain(&rule.exclude) {
        let known = context.study.corpus().get(id.get_ref()).is_some() || context.left_out.contains(id.get_ref());
        if !known {
            problems.push(problem(id.span(), format!("no instrument `{}` in the corpus", id.get_ref())));
        }
        named.insert(id.get_ref().clone());
    }
    let mut jurisdictions = Vec::new();
    for code in &rule.jurisdictions {
        match code.get_ref().parse::<Jurisdiction>() {
            Ok(jurisdiction) => jurisdictions.push(jurisdiction),
            Err(error) => problems.push(problem(code.span(), error.to_string())),
        }
    }
    let excluded: BTreeSet<&str> = rule.exclude.iter().map(|id| id.get_ref().as_str()).collect();
    let listed: BTreeSet<&str> = rule.instruments.iter().map(|id| id.get_ref().as_str()).collect();
    context
        .study
        .corpus()
        .instruments()
        .filter(|instrument| {
            let Some(metadata) = &instrument.metadata else { return false };
            (listed.is_empty() || listed.contains(instrument.id.as_str()))
                && !excluded.contains(instrument.id.as_str())
                && (jurisdictions.is_empty() || jurisdictions.contains(&metadata.jurisdiction))
                && (rule.kinds.is_empty() || rule.kinds.iter().any(|kind| *kind.get_ref() == metadata.kind))
                && (rule.languages.is_empty()
                    || rule.languages.iter().any(|language| *language.get_ref() == metadata.language.code))
        })
        .map(|instrument| instrument.id.to_string())
        .collect()
}

/// Why silence in this instrument's text settles nothing, if it does not.
fn unreadable(instrument: &Instrument, context: &Context<'_>) -> Option<String> {
    let metadata = instrument.metadata.as_ref()?;
    let code = metadata.language.code.as_str();
    if !context.study.lexicon().languages().iter().any(|language| language == code) {
        return Some(format!("the text is in `{code}`, which the lexicon does not cover yet"));
    }
    match metadata.completeness.status {
        CompletenessStatus::Missing => Some("no text of it is in the corpus".to_owned()),
        CompletenessStatus::Partial => Some("its text is incomplete in the corpus".to_owned()),
        CompletenessStatus::Complete if !instrument.gaps.is_empty() => {
            Some("its text has gaps in the corpus".to_owned())
        }
        CompletenessStatus::Complete => None,
    }
}

fn apply(rule: &Rule, analysis: &Analysis, context: &Context<'_>, findings: &mut Findings) {
    let instrument = &analysis.instrument;
    let id = instrument.id.as_str();
    let model: TermModel = if rule.concept == analysis.model.concept {
        analysis.model.clone()
    } else {
        ModelBuilder::new(instrument, &analysis.document, &analysis.definitions, context.study.lexicon())
            .model(&rule.concept)
    };
    let at_id = |finding: Finding| at_instrument_id(finding, instrument);
    let at_definition = |finding: Finding| match model
        .definition
        .as_ref()
        .and_then(|source| analysis.document.find(source.eid.as_str()))
    {
        Some(provision) => finding.at_words(instrument, opening_words(&instrument.text, provision.span)),
        None => at_id(finding),
    };
    let violation =
        |message: String| Finding::new(&rule.id, rule.severity, Some(id), Location::file_start(id), message);
    let cannot = |what: String, reason: &str| {
        Finding::new(
            &rule.id,
            RuleSeverity::Warning,
            Some(id),
            Location::file_start(id),
            format!("cannot be checked: {what}: {reason}"),
        )
        .note("the rule is not said to be broken: the corpus does not hold the text that would settle it")
    };

    for concept in &rule.defines {
        if analysis.definitions.iter().any(|definition| definition.concept.as_ref() == Some(concept)) {
            continue;
        }
        match unreadable(instrument, context) {
            Some(reason) => findings.push(at_id(cannot(format!("whether {id} defines {concept}"), &reason))),
            None => findings.push(at_id(violation(format!("{id} does not define {concept}")))),
        }
    }

    if !rule.protections.is_empty() {
        apply_protections(rule, analysis, context, findings);
    }
    if rule.elements.is_empty() && rule.qualifiers.is_empty() {
        return;
    }
    let Some(source) = &model.definition else {
        match unreadable(instrument, context) {
            Some(reason) => findings
                .push(at_id(cannot(format!("{id} has no definition of {} in the text seen", rule.concept), &reason))),
            None => findings.push(at_id(violation(format!("{id} does not define {}", rule.concept)))),
        }
        return;
    };
    let mut absent = Vec::new();
    let mut unknown: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for element in &rule.elements {
        if model.elements.iter().any(|presence| &presence.id == element) {
            continue;
        }
        match model.not_found.iter().find(|item| &item.id == element) {
            Some(item) => unknown.entry(item.reason.clone()).or_default().push(element.to_string()),
            None => absent.push(element.to_string()),
        }
    }
    if !absent.is_empty() {
        let noun = if absent.len() == 1 { "element" } else { "elements" };
        findings.push(at_definition(violation(format!(
            "the definition of {} in [{}] does not name the {noun} {}",
            rule.concept,
            source.eid,
            absent.join(", ")
        ))));
    }
    for (reason, elements) in unknown {
        findings
            .push(at_definition(cannot(format!("whether [{}] names {}", source.eid, elements.join(", ")), &reason)));
    }
    for (name, wanted) in &rule.qualifiers {
        let Some(qualifier) = model.qualifiers.get(name) else { continue };
        if &qualifier.value == wanted {
            continue;
        }
        let finding = if qualifier.value == QualifierValue::Unknown {
            let reason = qualifier.basis.clone().unwrap_or_else(|| "the text seen does not settle it".to_owned());
            cannot(format!("{name} must be {wanted}"), &reason)
        } else {
            let mut finding = violation(format!("{name} is {}, where the rule requires {wanted}", qualifier.value));
            if let Some(basis) = &qualifier.basis {
                finding = finding.note(format!("read from the structure of the text: {basis}"));
            }
            finding
        };
        let finding = match qualifier.evidence.first() {
            Some(evidence) => finding.at_words(instrument, evidence.span),
            None => at_definition(finding),
        };
        findings.push(finding);
    }
}

/// `finding` placed at the instrument's `id` line (or the file's start, without metadata).
fn at_instrument_id(mut finding: Finding, instrument: &Instrument) -> Finding {
    finding.location = instrument
        .metadata
        .as_ref()
        .map_or_else(|| Location::file_start(instrument.file()), |metadata| metadata.id_location.clone());
    finding.quoting(instrument.file_text())
}

/// A rule's protection items against the instrument's checklist: provided (and mandatory, where
/// the rule asks) holds; `not_provided` breaks it; `not_found` cannot be checked.
fn apply_protections(rule: &Rule, analysis: &Analysis, context: &Context<'_>, findings: &mut Findings) {
    use crate::checklist::{ItemState, Obligation, ProtectionVocabulary};
    let instrument = &analysis.instrument;
    let id = instrument.id.as_str();
    let checklist = ProtectionVocabulary::shared().checklist(
        instrument,
        &analysis.document,
        &analysis.definitions,
        context.study.lexicon(),
    );
    let at_id = |finding: Finding| at_instrument_id(finding, instrument);
    for wanted in &rule.protections {
        let Some(item) = checklist.items.iter().find(|item| &item.id == wanted) else { continue };
        match item.state {
            ItemState::Provided => {
                if !rule.protections_mandatory || item.obligation == Some(Obligation::Mandatory) {
                    continue;
                }
                let obligation = item.obligation.map_or("provided", |obligation| obligation.as_str());
                let evidence = item.evidence.iter().find(|evidence| Some(evidence.obligation) == item.obligation);
                let mut finding = Finding::new(
                    &rule.id,
                    rule.severity,
                    Some(id),
                    Location::file_start(id),
                    format!("{id} provides {wanted} only as {obligation}, where the rule requires a duty"),
                );
                if let Some(words) = evidence.and_then(|evidence| evidence.obligation_words.as_ref()) {
                    finding = finding.note(format!("the words that soften it: \"{words}\""));
                }
                findings.push(match evidence {
                    Some(evidence) => finding.at_words(instrument, evidence.span),
                    None => at_id(finding),
                });
            }
            ItemState::NotProvided => findings.push(at_id(
                Finding::new(
                    &rule.id,
                    rule.severity,
                    Some(id),
                    Location::file_start(id),
                    format!("{id} does not provide {wanted}"),
                )
                .note("the corpus holds the instrument's whole protection part, and none of it provides it"),
            )),
            ItemState::NotFound => findings.push(at_id(
                Finding::new(
                    &rule.id,
                    RuleSeverity::Warning,
                    Some(id),
                    Location::file_start(id),
                    format!(
                        "cannot be checked: whether {id} provides {wanted}: {}",
                        item.reason.as_deref().unwrap_or("not found")
                    ),
                )
                .note("the rule is not said to be broken: the corpus does not hold the text that would settle it"),
            )),
        }
    }
}

/// The opening words of a provision (its number and first words, at most a few dozen
/// characters of its first line): what a finding about the whole definition marks.
pub(crate) fn opening_words(text: &str, span: crate::document::Span) -> crate::document::Span {
    const MAX_CHARACTERS: usize = 40;
    let provision = &text[span.range()];
    let line_end = provision.find(['\n', '\r']).unwrap_or(provision.len());
    let line = &provision[..line_end];
    let mut end = line.len();
    if line.chars().count() > MAX_CHARACTERS {
        let limit = line.char_indices().nth(MAX_CHARACTERS).map_or(line.len(), |(at, _)| at);
        end = line[..limit].rfind(' ').filter(|&at| at > 0).unwrap_or(limit);
    }
    crate::document::Span { start: span.start, end: span.start + end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_is_marked_by_its_opening_words() {
        let text = "Article 10: Unlawful Removal with Purpose\nThe act of ...";
        let table = [
            (crate::document::Span { start: 0, end: text.len() }, "Article 10: Unlawful Removal with"),
            (crate::document::Span { start: 0, end: 10 }, "Article 10"),
            (crate::document::Span { start: 42, end: text.len() }, "The act of ..."),
        ];
        for (span, expected) in table {
            assert_eq!(&text[opening_words(text, span).range()], expected);
        }
    }
}
