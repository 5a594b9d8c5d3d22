//! Real statutes of other jurisdictions (`tests/world/`, built from `../shared/sources-world/`
//! by the corpus's rules): test material for drafting the ASEAN corpus does not use, not part
//! of the bundled corpus. Each loads, its text is its source's words, its outline is the one
//! read from the law, and its reading agrees with the team's annotation but for the
//! differences accepted in `tests/world/annotation-differences.txt`. Precision and recall per
//! family: `cargo test --test world_statutes -- --nocapture`.

use lexdef::{parse, Corpus, Lexicon};
use lexdef_workspace_tests::{expected_outline_in, found_outline, outline_difference, workspace_root, Measured};

fn world() -> Corpus {
    let corpus =
        Corpus::load(&workspace_root().join("tests/world/instruments")).expect("tests/world/instruments reads");
    assert!(corpus.errors().is_empty(), "{:#?}", corpus.errors());
    corpus
}

#[test]
fn every_world_statute_loads_and_is_its_sources_words() {
    let corpus = world();
    let sources = workspace_root().join("../shared/sources-world");
    let mut count = 0;
    for entry in std::fs::read_dir(&sources).expect("../shared/sources-world is beside the repository") {
        let path = entry.expect("an entry").path();
        let Some(id) = path.file_stem().and_then(|stem| stem.to_str()) else { continue };
        if id == "README" {
            continue;
        }
        count += 1;
        let instrument = corpus.get(id).unwrap_or_else(|| panic!("{id}: not in tests/world/instruments"));
        let source = std::fs::read_to_string(&path).expect("a source reads");
        let mut missing = Vec::new();
        for (number, line) in instrument.text.lines().enumerate() {
            if !line.trim().is_empty() && !source.lines().any(|source_line| source_line.contains(line)) {
                missing.push(format!("{id} text line {}: {line:?}", number + 1));
            }
        }
        assert!(missing.is_empty(), "lines not in the source:\n{}", missing.join("\n"));
    }
    assert_eq!(count, corpus.len(), "one instrument per source file");
}

#[test]
fn every_world_statute_has_the_provisions_its_law_has() {
    let corpus = world();
    let dir = workspace_root().join("tests/world/outlines");
    let mut failures = Vec::new();
    for instrument in corpus.instruments() {
        let id = instrument.id.as_str();
        let expected =
            expected_outline_in(&dir, id).unwrap_or_else(|| panic!("{id}: no tests/world/outlines/{id}.txt"));
        failures.extend(outline_difference(id, &expected, &found_outline(&parse(instrument))));
    }
    assert!(failures.is_empty(), "{} statute(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_world_statutes_read_as_the_team_reads_them() {
    let corpus = world();
    let lexicon = Lexicon::bundled();
    let mut measured = Measured::default();
    for instrument in corpus.instruments() {
        let path = workspace_root().join("tests/world/annotations").join(format!("{}.toml", instrument.id));
        measured.add(instrument, &path, &lexicon);
    }
    println!("{}", measured.figures("the world's statutes against the team's annotations"));
    measured.assert_accepted(&workspace_root().join("tests/world/annotation-differences.txt"));
}
