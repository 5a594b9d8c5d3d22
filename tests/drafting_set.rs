//! The drafting generalisation set (`tests/drafting/`, see its README): bills the team wrote,
//! each in another drafting family, read against the expected reading written for each. It
//! prints precision and recall per family (`cargo test --test drafting_set -- --nocapture`)
//! and fails on any difference not accepted, with its reason, in
//! `tests/drafting/differences.txt`, or on an accepted one that no longer occurs.

use std::path::PathBuf;

use lexdef::{Instrument, Lexicon};
use lexdef_workspace_tests::{numbered_cases, workspace_root, Measured};

/// The metadata a case is read with: the whole bill, in English.
fn header(id: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Drafting set case {id}\"\nshort_title = \"{id}\"\njurisdiction = \"INTL\"\nkind = \"bill\"\n\n[language]\ncode = \"en\"\nstatus = \"official\"\n\n[completeness]\nstatus = \"complete\"\nincluded = [\"the whole bill\"]\n\n[[sources]]\nkey = \"team\"\nurl = \"https://lexdef.invalid/tests/drafting\"\ndescription = \"written by the lexdef team for the drafting set\"\ncovers = \"the whole bill\"\n+++\n"
    )
}

/// The cases, in file order: (id, text file, annotation file).
fn cases() -> Vec<(String, PathBuf, PathBuf)> {
    numbered_cases("tests/drafting")
        .into_iter()
        .map(|(number, text, annotation)| (format!("XX-DRAFTING-{number}"), text, annotation))
        .collect()
}

#[test]
fn the_drafting_set_reads_as_the_team_reads_it() {
    let lexicon = Lexicon::bundled();
    let mut measured = Measured::default();
    let cases = cases();
    assert!(cases.len() >= 60, "the set holds at least 60 cases, found {}", cases.len());
    for (id, text_path, annotation_path) in &cases {
        let body = std::fs::read_to_string(text_path).expect("a case reads");
        let file = format!("{}", text_path.display());
        let (instrument, warnings) =
            Instrument::from_bytes(&file, format!("{}{body}", header(id)).as_bytes()).expect("a case loads");
        assert!(
            warnings.iter().all(|warning| warning.kind != lexdef::WarningKind::MissingMetadata),
            "{id}: {warnings:?}"
        );
        measured.add(&instrument, annotation_path, &lexicon);
    }
    println!("{}", measured.figures("the drafting set against the team's readings"));
    measured.assert_accepted(&workspace_root().join("tests/drafting/differences.txt"));
}
