//! The team's coding of every instrument (`corpus/annotations/<ID>.toml`, written by
//! reading the law) against what lexdef extracts: definitions, the elements of each term
//! model, their evidence, and the qualifiers. Prints precision and recall per family.
//!
//! Differences that remain are listed, with their reasons, in
//! `tests/annotation-differences.txt`; this test fails when a difference appears that is not
//! listed there, or when a listed one no longer occurs (so the list is kept true).

use std::collections::{BTreeMap, BTreeSet};

use lexdef::{extract_definitions, parse, Corpus, Lexicon, ModelBuilder, QualifierValue};
use lexdef_workspace_tests::workspace_root;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct AnnotationFile {
    instrument: String,
    not_coded: Option<String>,
    model_not_coded: Option<String>,
    #[serde(default)]
    definitions: Vec<AnnotatedDefinition>,
}

#[derive(Debug, Deserialize)]
struct AnnotatedDefinition {
    term: String,
    concept: String,
    form: String,
    eid: String,
    #[serde(default)]
    model: bool,
    #[serde(default)]
    elements: Vec<AnnotatedElement>,
    #[serde(default)]
    qualifiers: BTreeMap<String, AnnotatedQualifier>,
}

#[derive(Debug, Deserialize)]
struct AnnotatedElement {
    id: String,
    words: String,
    eid: String,
}

#[derive(Debug, Deserialize)]
struct AnnotatedQualifier {
    value: toml::Value,
    words: Option<String>,
    eid: Option<String>,
}

fn value_matches(annotated: &toml::Value, found: &QualifierValue) -> bool {
    match (annotated, found) {
        (toml::Value::Integer(number), QualifierValue::Number(value)) => *number == i64::from(*value),
        (toml::Value::Boolean(flag), QualifierValue::Bool(value)) => flag == value,
        (toml::Value::String(text), QualifierValue::Unknown) => text == "unknown",
        (toml::Value::String(text), QualifierValue::Name(name)) => text == name,
        _ => false,
    }
}

fn show_annotated(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Integer(number) => number.to_string(),
        toml::Value::Boolean(flag) => flag.to_string(),
        other => format!("{other:?}"),
    }
}

#[derive(Default)]
struct Tally {
    found: usize,
    missed: usize,
    extra: usize,
}

impl Tally {
    fn line(&self, name: &str) -> String {
        let precision = self.found as f64 / (self.found + self.extra).max(1) as f64;
        let recall = self.found as f64 / (self.found + self.missed).max(1) as f64;
        format!(
            "{name:<12} found {:>4}  missed {:>3}  extra {:>3}  precision {:.3}  recall {:.3}",
            self.found, self.missed, self.extra, precision, recall
        )
    }
}

fn folded(term: &str) -> String {
    lexdef::tokens(term).into_iter().map(|token| token.folded).collect::<Vec<_>>().join(" ")
}

#[test]
fn extraction_agrees_with_the_teams_annotations() {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let mut differences: BTreeSet<String> = BTreeSet::new();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut annotated = 0;
    for instrument in corpus.instruments() {
        let id = instrument.id.as_str();
        let path = workspace_root().join("corpus/annotations").join(format!("{id}.toml"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{id}: no corpus/annotations/{id}.toml"));
        let file: AnnotationFile = toml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_eq!(file.instrument, id, "{}", path.display());
        annotated += 1;
        let document = parse(instrument);
        let (definitions, _) = extract_definitions(instrument, &document, &lexicon);
        let concept = "trafficking_in_persons".parse().expect("a concept id");
        let model = ModelBuilder::new(instrument, &document, &definitions, &lexicon).model(&concept);

        if file.not_coded.is_some() {
            if !model.elements.is_empty() {
                differences.insert(format!("{id}: not coded, but the model names {} elements", model.elements.len()));
            }
            continue;
        }
        // Definitions of concepts.
        let tally = tallies.entry("definitions").or_default();
        let mut matched_extracted = BTreeSet::new();
        for definition in file.definitions.iter().filter(|definition| definition.concept != "none") {
            let found = definitions.iter().position(|extracted| {
                extracted.eid.as_str() == definition.eid
                    && (folded(&extracted.term) == folded(&definition.term)
                        || (definition.form == "constitutive" && extracted.term.is_empty()))
            });
            match found {
                Some(index) => {
                    tally.found += 1;
                    matched_extracted.insert(index);
                    let extracted = &definitions[index];
                    let concept = extracted.concept.as_ref().map_or("none".to_owned(), ToString::to_string);
                    if concept != definition.concept {
                        differences.insert(format!(
                            "{id}: definition \"{}\" [{}]: concept {} (annotated {})",
                            definition.term, definition.eid, concept, definition.concept
                        ));
                    }
                    let form = serde_json::to_value(extracted.form)
                        .expect("forms serialise")
                        .as_str()
                        .unwrap_or_default()
                        .to_owned();
                    if form != definition.form {
                        differences.insert(format!(
                            "{id}: definition \"{}\" [{}]: form {} (annotated {})",
                            definition.term, definition.eid, form, definition.form
                        ));
                    }
                }
                None => {
                    tally.missed += 1;
                    differences.insert(format!(
                        "{id}: definition \"{}\" [{}] ({}) not extracted",
                        definition.term, definition.eid, definition.concept
                    ));
                }
            }
        }
        for (index, extracted) in definitions.iter().enumerate() {
            if extracted.concept.is_some() && !matched_extracted.contains(&index) {
                let listed = file.definitions.iter().any(|definition| {
                    definition.eid == extracted.eid.as_str() && folded(&definition.term) == folded(&extracted.term)
                });
                if !listed {
                    tally.extra += 1;
                    differences.insert(format!(
                        "{id}: extracted definition \"{}\" [{}] is not in the annotation",
                        extracted.term, extracted.eid
                    ));
                }
            }
        }

        // The model of trafficking in persons.
        let Some(coded) = file.definitions.iter().find(|definition| definition.model) else {
            if file.model_not_coded.is_some() && !model.elements.is_empty() {
                differences.insert(format!(
                    "{id}: model not coded, but the model names {} elements from [{}]",
                    model.elements.len(),
                    model.definition.as_ref().map_or("-".to_owned(), |source| source.eid.to_string())
                ));
            }
            continue;
        };
        let source = model.definition.as_ref().map_or("none".to_owned(), |source| source.eid.to_string());
        if source != coded.eid {
            differences.insert(format!("{id}: model built from [{source}] (annotated [{}])", coded.eid));
        }
        let annotated_ids: BTreeSet<&str> = coded.elements.iter().map(|element| element.id.as_str()).collect();
        let found_ids: BTreeSet<String> = model.elements.iter().map(|element| element.id.to_string()).collect();
        for element in &coded.elements {
            let family = element.id.split('.').next().unwrap_or("?");
            let family: &'static str = match family {
                "act" => "acts",
                "means" => "means",
                _ => "purposes",
            };
            let tally = tallies.entry(family).or_default();
            let Some(presence) = model.elements.iter().find(|presence| presence.id.as_str() == element.id) else {
                tally.missed += 1;
                differences.insert(format!("{id}: {} (\"{}\" [{}]) not found", element.id, element.words, element.eid));
                continue;
            };
            tally.found += 1;
            // The evidence points at the annotated words: same provision, overlapping span.
            let provision = document.find(&element.eid);
            let annotated_span = provision.and_then(|provision| {
                let text = &instrument.text[provision.span.range()];
                text.find(&element.words)
                    .map(|at| (provision.span.start + at, provision.span.start + at + element.words.len()))
            });
            let pointed = presence.evidence.iter().any(|evidence| {
                annotated_span.is_some_and(|(start, end)| evidence.span.start < end && start < evidence.span.end)
            });
            if !pointed {
                let first = &presence.evidence[0];
                differences.insert(format!(
                    "{id}: {} evidence \"{}\" [{}] does not point at the annotated \"{}\" [{}]",
                    element.id, first.text, first.eid, element.words, element.eid
                ));
            }
            for evidence in &presence.evidence {
                assert_eq!(
                    &instrument.text[evidence.span.range()],
                    evidence.text,
                    "{id}: evidence text is the source slice"
                );
            }
        }
        for extra in found_ids.iter().filter(|found| !annotated_ids.contains(found.as_str())) {
            let family = match extra.split('.').next() {
                Some("act") => "acts",
                Some("means") => "means",
                _ => "purposes",
            };
            tallies.entry(family).or_default().extra += 1;
            let presence = model
                .elements
                .iter()
                .find(|presence| presence.id.as_str() == extra)
                .expect("found ids come from the model");
            differences.insert(format!(
                "{id}: {extra} found (\"{}\" [{}]) but not annotated",
                presence.evidence[0].text, presence.evidence[0].eid
            ));
        }
        for (name, qualifier) in &coded.qualifiers {
            let tally = tallies.entry("qualifiers").or_default();
            match model.qualifiers.get(name) {
                Some(found) if value_matches(&qualifier.value, &found.value) => tally.found += 1,
                Some(found) => {
                    tally.missed += 1;
                    let words = qualifier
                        .words
                        .as_deref()
                        .map(|words| format!(" \"{words}\" [{}]", qualifier.eid.as_deref().unwrap_or("-")))
                        .unwrap_or_default();
                    differences.insert(format!(
                        "{id}: {name} is {} (annotated {}{words})",
                        found.value,
                        show_annotated(&qualifier.value)
                    ));
                }
                None => {
                    tally.missed += 1;
                    differences
                        .insert(format!("{id}: {name} not read (annotated {})", show_annotated(&qualifier.value)));
                }
            }
        }
    }
    assert_eq!(annotated, corpus.len(), "every instrument has an annotation");
    println!("extraction against the team's annotations ({annotated} instruments):");
    for (name, tally) in &tallies {
        println!("  {}", tally.line(name));
    }
    let known_path = workspace_root().join("tests/annotation-differences.txt");
    let known_text = std::fs::read_to_string(&known_path).unwrap_or_default();
    let known: BTreeSet<String> = known_text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split(" # ").next().unwrap_or(line).trim_end().to_owned())
        .collect();
    let new: Vec<&String> = differences.iter().filter(|difference| !known.contains(*difference)).collect();
    let gone: Vec<&String> = known.iter().filter(|difference| !differences.contains(*difference)).collect();
    if std::env::var_os("LEXDEF_PRINT_DIFFERENCES").is_some() {
        for difference in &differences {
            println!("{difference}");
        }
    }
    assert!(
        new.is_empty() && gone.is_empty(),
        "differences not in tests/annotation-differences.txt:\n{}\n\nlisted there but no longer found:\n{}",
        new.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n"),
        gone.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n")
    );
}
