//! The protection drafting set (`tests/protection/`, see its README): bills the team wrote,
//! each providing protections for victims in another drafting family, read against the
//! team's reading of each. Prints the figures (`cargo test --test protection_set --
//! --nocapture`) and fails on any difference not accepted, with its reason, in
//! `tests/protection/differences.txt`, or on an accepted one that no longer occurs.

use std::path::PathBuf;

use lexdef::{Instrument, Lexicon, ProtectionVocabulary};
use lexdef_workspace_tests::{numbered_cases, workspace_root};

/// The metadata a case is read with: the whole bill (or, for a `-partial` case, an extract),
/// in English.
fn header(id: &str, partial: bool) -> String {
    let (status, protection) = if partial { ("partial", "partial") } else { ("complete", "complete") };
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Protection set case {id}\"\nshort_title = \"{id}\"\njurisdiction = \"INTL\"\nkind = \"bill\"\n\n[language]\ncode = \"en\"\nstatus = \"official\"\n\n[completeness]\nstatus = \"{status}\"\nincluded = [\"the whole bill\"]\n\n[protection]\nstatus = \"{protection}\"\nincluded = [\"the whole bill\"]\n\n[[sources]]\nkey = \"team\"\nurl = \"https://lexdef.invalid/tests/protection\"\ndescription = \"written by the lexdef team for the protection set\"\ncovers = \"the whole bill\"\n+++\n"
    )
}

/// The cases, in file order: (id, partial, text file, reading file).
fn cases() -> Vec<(String, bool, PathBuf, PathBuf)> {
    numbered_cases("tests/protection")
        .into_iter()
        .map(|(number, text, reading)| {
            let partial =
                text.file_stem().and_then(|stem| stem.to_str()).is_some_and(|stem| stem.ends_with("-partial"));
            (format!("XX-PROTECTION-{number}"), partial, text, reading)
        })
        .collect()
}

#[test]
fn the_protection_set_reads_as_the_team_reads_it() {
    let lexicon = Lexicon::bundled();
    let vocabulary = ProtectionVocabulary::bundled();
    let concept = "trafficking_in_persons".parse().expect("a concept id");
    let cases = cases();
    assert!(cases.len() >= 10, "the set holds at least 10 cases, found {}", cases.len());
    let mut differences = Vec::new();
    let mut tallies: std::collections::BTreeMap<&str, lexdef::Tally> = Default::default();
    for (id, partial, text_path, reading_path) in &cases {
        let body = std::fs::read_to_string(text_path).expect("a case reads");
        let (instrument, _) = Instrument::from_bytes(
            &text_path.display().to_string(),
            format!("{}{body}", header(id, *partial)).as_bytes(),
        )
        .expect("a case loads");
        let reading = std::fs::read_to_string(reading_path).expect("every case has its reading");
        let annotation = lexdef::Annotation::from_toml(&reading, &reading_path.display().to_string())
            .unwrap_or_else(|error| panic!("{error}"));
        let analysis = lexdef::Analysis::of(&instrument, &lexicon, &concept);
        let checklist = vocabulary.checklist(&instrument, &analysis.document, &analysis.definitions, &lexicon);
        if *partial {
            assert!(
                checklist.items.iter().all(|item| item.state != lexdef::ItemState::NotProvided),
                "{id}: an extract never says an item is not provided"
            );
        }
        let comparison = lexdef::compare_protection(&annotation, &analysis, &checklist);
        for (family, tally) in comparison.tallies {
            tallies.entry(family).or_default().add(tally);
        }
        differences.extend(comparison.differences.into_iter().map(|difference| difference.text));
    }
    println!("the protection set ({} bills):", cases.len());
    for (family, tally) in &tallies {
        println!(
            "  {family:<24} found {:>3}  missed {:>3}  extra {:>3}  precision {:.3}  recall {:.3}",
            tally.found,
            tally.missed,
            tally.extra,
            tally.precision(),
            tally.recall()
        );
    }
    let accepted_path = workspace_root().join("tests/protection/differences.txt");
    let accepted_text = std::fs::read_to_string(&accepted_path).unwrap_or_default();
    let accepted: Vec<&str> = accepted_text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split(" # ").next().unwrap_or(line).trim_end())
        .collect();
    let unexpected: Vec<&String> = differences.iter().filter(|text| !accepted.contains(&text.as_str())).collect();
    let stale: Vec<&&str> = accepted.iter().filter(|text| !differences.iter().any(|found| found == **text)).collect();
    assert!(
        unexpected.is_empty(),
        "differences from the team's reading:\n{}",
        unexpected.iter().map(|text| format!("  {text}")).collect::<Vec<_>>().join("\n")
    );
    assert!(stale.is_empty(), "accepted differences that no longer occur: {stale:?}");
}
