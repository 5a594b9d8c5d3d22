//! The drafting generalisation set (`tests/drafting/`, see its README): bills the team wrote,
//! each in another drafting family, read against the expected reading written for each. It
//! prints precision and recall per family (`cargo test --test drafting_set -- --nocapture`)
//! and fails on any difference not accepted, with its reason, in
//! `tests/drafting/differences.txt`, or on an accepted one that no longer occurs.

use std::path::PathBuf;

use lexdef::{Instrument, Lexicon};
use lexdef_workspace_tests::{workspace_root, Measured};

/// The metadata a case is read with: the whole bill, in English.
fn header(id: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Drafting set case {id}\"\nshort_title = \"{id}\"\njurisdiction = \"INTL\"\nkind = \"bill\"\n\n[language]\ncode = \"en\"\nstatus = \"official\"\n\n[completeness]\nstatus = \"complete\"\nincluded = [\"the whole bill\"]\n\n[[sources]]\nkey = \"team\"\nurl = \"https://lexdef.invalid/tests/drafting\"\ndescription = \"written by the lexdef team for the drafting set\"\ncovers = \"the whole bill\"\n+++\n"
    )
}

/// The cases, in file order: (id, text file, annotation file).
fn cases() -> Vec<(String, PathBuf, PathBuf)> {
    let dir = workspace_root().join("tests/drafting");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/drafting exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .filter(|path| path.file_name().is_some_and(|name| name != "differences.txt"))
        .collect();
    texts.sort();
    texts
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().and_then(|stem| stem.to_str()).expect("a UTF-8 file name").to_owned();
            let number = stem.split('-').next().expect("a numbered case");
            (format!("XX-DRAFTING-{number}"), path.clone(), path.with_extension("toml"))
        })
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
