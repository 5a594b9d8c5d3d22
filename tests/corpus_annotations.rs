//! The team's coding of every instrument (`corpus/annotations/<ID>.toml`, written by reading
//! the law) against what lexdef extracts, through the core's comparison
//! ([`lexdef::compare_annotation`], the one `lexdef check` uses): definitions, the elements of
//! each term model, their evidence, and the qualifiers. Prints precision and recall per family.
//!
//! Differences that remain are accepted, with their reasons, in
//! `corpus/annotation-differences.txt`; this test fails when a difference appears that is not
//! accepted there, or when an accepted one no longer occurs (so the list is kept true).

use lexdef::{read_accepted_differences, Corpus, Lexicon};
use lexdef_workspace_tests::{workspace_root, Measured};

#[test]
fn extraction_agrees_with_the_teams_annotations() {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let mut measured = Measured::default();
    for instrument in corpus.instruments() {
        let path = workspace_root().join("corpus/annotations").join(format!("{}.toml", instrument.id));
        measured.add(instrument, &path, &lexicon);
    }
    assert_eq!(measured.instruments, corpus.len(), "every instrument has an annotation");
    println!("{}", measured.figures("extraction against the team's annotations"));
    let accepted_path = workspace_root().join("corpus").join(lexdef::ACCEPTED_DIFFERENCES_FILE);
    measured.assert_accepted(&accepted_path);
    let text = std::fs::read_to_string(&accepted_path).expect("the accepted differences are in the corpus");
    let (accepted, _) = read_accepted_differences(&text, &accepted_path.display().to_string());
    assert_eq!(accepted.len(), 12, "the accepted differences are the twelve the team has reasons for");
}
