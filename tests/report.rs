//! The divergence report on the bundled corpus: its findings agree with the team's
//! annotations, it validates against its schema, it is deterministic, and findings that rest
//! on incomplete text say so in every format.

use std::collections::BTreeSet;

use lexdef::{Analysis, Confidence, Corpus, DivergenceKind, Lexicon, Report, Study, PROTOCOL_ELEMENTS};
use lexdef_workspace_tests::workspace_root;

fn report() -> (Report, Vec<Analysis>) {
    lexdef_workspace_tests::bundled_report()
}

/// The definition an instrument's annotation marks `model = true`.
fn annotated_model(id: &str) -> Option<toml::Value> {
    let text = std::fs::read_to_string(workspace_root().join("corpus/annotations").join(format!("{id}.toml"))).ok()?;
    let value: toml::Value = toml::from_str(&text).ok()?;
    value
        .get("definitions")?
        .as_array()?
        .iter()
        .find(|definition| definition.get("model").and_then(toml::Value::as_bool) == Some(true))
        .cloned()
}

/// The annotated elements of an instrument's model definition, from its annotation file.
fn annotated_elements(id: &str) -> Option<BTreeSet<String>> {
    let model = annotated_model(id)?;
    Some(
        model
            .get("elements")
            .and_then(toml::Value::as_array)
            .map(|elements| {
                elements
                    .iter()
                    .filter_map(|element| element.get("id").and_then(toml::Value::as_str).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// The annotated qualifier values of an instrument's model definition (`"unknown"` as a string).
fn annotated_qualifiers(id: &str) -> Option<std::collections::BTreeMap<String, serde_json::Value>> {
    let model = annotated_model(id)?;
    let qualifiers = model.get("qualifiers")?.as_table()?;
    Some(
        qualifiers
            .iter()
            .filter_map(|(name, qualifier)| {
                let value = match qualifier.get("value")? {
                    toml::Value::Integer(number) => serde_json::json!(number),
                    toml::Value::Boolean(flag) => serde_json::json!(flag),
                    toml::Value::String(text) => serde_json::json!(text),
                    _ => return None,
                };
                Some((name.clone(), value))
            })
            .collect(),
    )
}

#[test]
fn each_member_states_findings_agree_with_the_teams_annotations() {
    let (report, _) = report();
    let protocol: BTreeSet<String> = PROTOCOL_ELEMENTS.iter().map(|id| (*id).to_owned()).collect();
    let mut checked = 0;
    for entry in &report.instruments {
        let Some(annotated) = annotated_elements(entry.instrument.as_str()) else { continue };
        let missing: BTreeSet<String> = entry
            .findings
            .iter()
            .filter(|finding| finding.kind == DivergenceKind::MissingElement)
            .filter_map(|finding| finding.element.as_ref().map(ToString::to_string))
            .collect();
        let additional: BTreeSet<String> = entry
            .findings
            .iter()
            .filter(|finding| finding.kind == DivergenceKind::AdditionalElement)
            .filter_map(|finding| finding.element.as_ref().map(ToString::to_string))
            .collect();
        // A definition that needs no means is said to once (`means_not_required`), not one
        // missing means at a time.
        let needs_no_means = entry.findings.iter().any(|finding| finding.kind == DivergenceKind::MeansNotRequired);
        let expected_missing: BTreeSet<String> = protocol
            .difference(&annotated)
            .filter(|id| !(needs_no_means && id.starts_with("means.")))
            .cloned()
            .collect();
        let expected_additional: BTreeSet<String> = annotated.difference(&protocol).cloned().collect();
        assert_eq!(missing, expected_missing, "{}: elements the definition lacks", entry.instrument);
        assert_eq!(additional, expected_additional, "{}: elements it adds", entry.instrument);
        for finding in &entry.findings {
            for side in [&finding.subject, &finding.baseline] {
                for evidence in &side.evidence {
                    assert!(
                        !evidence.text.is_empty() && evidence.line > 0,
                        "{}: evidence has words and a line",
                        entry.instrument
                    );
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 14, "the coded instruments are checked ({checked})");
    // Every qualifier finding: expected where the annotated value differs from the
    // Protocol's, except the differences the team has listed with their reasons.
    let known = std::fs::read_to_string(workspace_root().join("corpus/annotation-differences.txt"))
        .expect("the list of known differences");
    let palermo = annotated_qualifiers("INTL-PALERMO-2000").expect("the Protocol is coded");
    for entry in &report.instruments {
        let Some(annotated) = annotated_qualifiers(entry.instrument.as_str()) else { continue };
        for (name, value) in &annotated {
            if known.lines().any(|line| line.starts_with(&format!("{}: {name} ", entry.instrument))) {
                continue;
            }
            let differs = palermo.get(name).is_some_and(|baseline| baseline != value);
            let finding = entry
                .findings
                .iter()
                .find(|finding| finding.qualifier.map(lexdef::QualifierName::as_str) == Some(name.as_str()));
            match (differs, finding) {
                (true, Some(finding)) => assert_eq!(&finding.subject.value, value, "{} {name}", entry.instrument),
                (true, None) => {
                    panic!("{} {name}: annotated {value}, the Protocol's differs, but no finding", entry.instrument)
                }
                (false, Some(finding)) => panic!(
                    "{} {name}: no difference annotated, but the report says {}",
                    entry.instrument, finding.summary
                ),
                (false, None) => {}
            }
        }
    }
    // Spot checks of qualifier findings against the annotations.
    let finding = |id: &str, qualifier: lexdef::QualifierName| {
        report
            .instruments
            .iter()
            .find(|entry| entry.instrument.as_str() == id)
            .and_then(|entry| entry.findings.iter().find(|finding| finding.qualifier == Some(qualifier)).cloned())
    };
    let mm_age = finding("MM-ATIPL-2005", lexdef::QualifierName::ChildAge).expect("Myanmar's child is under 16");
    assert_eq!(
        (mm_age.subject.value.clone(), mm_age.baseline.value.clone()),
        (serde_json::json!(16), serde_json::json!(18))
    );
    assert_eq!(mm_age.direction, lexdef::Direction::Narrower);
    let sg_list = finding("SG-PHTA-2014", lexdef::QualifierName::ExploitationList).expect("Singapore's list is closed");
    assert_eq!(sg_list.subject.value, serde_json::json!("closed"));
    assert_eq!(sg_list.subject.evidence[0].eid.as_str(), "sec_2__def_exploitation");
    assert!(
        finding("PH-RA10364-2012", lexdef::QualifierName::ChildAge).is_none(),
        "RA 10364's child is under 18, as the Protocol's"
    );
}

#[test]
fn findings_on_incomplete_text_say_so_in_every_format() {
    let (report, analyses) = report();
    let entry =
        report.instruments.iter().find(|entry| entry.instrument.as_str() == "MY-ATIPSOM-AMEND-BILL").expect("entry");
    let uncertain = entry
        .findings
        .iter()
        .find(|finding| matches!(finding.confidence, Confidence::Uncertain { .. }))
        .expect("an uncertain finding");
    let Confidence::Uncertain { reason } = &uncertain.confidence else { unreachable!() };
    assert!(!reason.is_empty());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    let json_entry = json["instruments"]
        .as_array()
        .expect("list")
        .iter()
        .find(|entry| entry["instrument"] == "MY-ATIPSOM-AMEND-BILL")
        .expect("entry");
    assert!(json_entry["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|finding| finding["confidence"]["level"] == "uncertain"
            && finding["confidence"]["reason"] == reason.as_str()));
    assert!(report.to_markdown().contains(&format!("*(uncertain: {}", reason.replace('|', "\\|"))));
    assert!(report.to_text().contains("uncertain"));
    let references: Vec<&Analysis> = analyses.iter().collect();
    let html = report.to_html(&references);
    assert!(html.contains("class=\"narrower uncertain\"") || html.contains("class=\"different uncertain\""));
    assert!(report.to_csv().lines().any(|line| line.starts_with("ID-LAW21-2007,") && line.contains("not_found")));
    // Bills are labelled as bills.
    assert!(report.to_text().contains("MY-ATIPSOM-2007-BILL — ") && report.to_text().contains("a bill, not an act"));
    assert!(report.to_markdown().contains("a bill, not an enacted act"));
}

#[test]
fn the_json_report_validates_against_its_schema() {
    let (report, _) = report();
    let schema: serde_json::Value = serde_json::from_str(lexdef::REPORT_JSON_SCHEMA).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let instance: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|error| format!("{} at {}", error, error.instance_path))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema is strict: an unknown field is refused.
    let mut broken = instance.clone();
    broken["instruments"][0]["surprise"] = serde_json::json!(1);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn reports_are_byte_identical_across_runs_and_file_orders() {
    let (first, analyses) = report();
    let (second, _) = report();
    assert_eq!(first.to_json(), second.to_json());
    assert_eq!(first.to_markdown(), second.to_markdown());
    assert_eq!(first.to_csv(), second.to_csv());
    let references: Vec<&Analysis> = analyses.iter().collect();
    assert_eq!(first.to_html(&references), second.to_html(&references));
    // A corpus read from its files in reverse order gives the same report.
    let directory = workspace_root().join("corpus/instruments");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&directory)
        .expect("corpus")
        .map(|entry| entry.expect("entry").path())
        .map(|path| {
            (
                format!("corpus/instruments/{}", path.file_name().expect("name").to_string_lossy()),
                std::fs::read(&path).expect("read"),
            )
        })
        .collect();
    files.sort();
    files.reverse();
    let corpus = Corpus::from_files(files);
    let lexicon = Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("concept");
    let reversed = Study::new(&corpus, &lexicon, concept).with_baseline("INTL-PALERMO-2000").expect("palermo").report();
    assert_eq!(reversed.to_json(), first.to_json());
}

#[test]
fn actip_is_refused_as_a_baseline_while_its_articles_are_missing() {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("concept");
    let error = Study::new(&corpus, &lexicon, concept)
        .with_baseline("actip")
        .expect_err("ACTIP has no article 2 in the corpus");
    let message = error.to_string();
    assert!(message.contains("ASEAN-ACTIP-2015") && message.contains("article 2 has not been found"), "{message}");
}
