//! The team's coding of every instrument (`corpus/annotations/<ID>.toml`, written by reading
//! the law) against what lexdef extracts, through the core's comparison
//! ([`lexdef::compare_annotation`], the one `lexdef check` uses): definitions, the elements of
//! each term model, their evidence, and the qualifiers. Prints precision and recall per family.
//!
//! Differences that remain are accepted, with their reasons, in
//! `corpus/annotation-differences.txt`; this test fails when a difference appears that is not
//! accepted there, or when an accepted one no longer occurs (so the list is kept true).

use std::collections::{BTreeMap, BTreeSet};

use lexdef::{compare_annotation, read_accepted_differences, Analysis, Annotation, Corpus, Lexicon, Tally};
use lexdef_workspace_tests::workspace_root;

#[test]
fn extraction_agrees_with_the_teams_annotations() {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("a concept id");
    let mut differences: BTreeSet<String> = BTreeSet::new();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut annotated = 0;
    for instrument in corpus.instruments() {
        let id = instrument.id.as_str();
        let path = workspace_root().join("corpus/annotations").join(format!("{id}.toml"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{id}: no corpus/annotations/{id}.toml"));
        let annotation =
            Annotation::from_toml(&text, &path.display().to_string()).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(annotation.instrument.get_ref(), id, "{}", path.display());
        annotated += 1;
        let analysis = Analysis::of(instrument, &lexicon, &concept);
        for element in &analysis.model.elements {
            for evidence in &element.evidence {
                assert_eq!(
                    &instrument.text[evidence.span.range()],
                    evidence.text,
                    "{id}: evidence text is the source slice"
                );
            }
        }
        let comparison = compare_annotation(&annotation, &analysis);
        for (family, tally) in comparison.tallies {
            tallies.entry(family).or_default().add(tally);
        }
        for difference in comparison.differences {
            if let Some(words) = difference.words {
                assert!(words.end <= instrument.text.len(), "{id}: a difference points into the text");
            }
            differences.insert(difference.text);
        }
    }
    assert_eq!(annotated, corpus.len(), "every instrument has an annotation");
    println!("extraction against the team's annotations ({annotated} instruments):");
    for (name, tally) in &tallies {
        println!(
            "  {name:<12} found {:>4}  missed {:>3}  extra {:>3}  precision {:.3}  recall {:.3}",
            tally.found,
            tally.missed,
            tally.extra,
            tally.precision(),
            tally.recall()
        );
    }
    let accepted_path = workspace_root().join("corpus").join(lexdef::ACCEPTED_DIFFERENCES_FILE);
    let accepted_text = std::fs::read_to_string(&accepted_path).expect("the accepted differences are in the corpus");
    let (accepted, problems) = read_accepted_differences(&accepted_text, &accepted_path.display().to_string());
    assert!(problems.is_empty(), "{problems:#?}");
    let known: BTreeSet<String> = accepted.into_iter().map(|accepted| accepted.difference).collect();
    let new: Vec<&String> = differences.iter().filter(|difference| !known.contains(*difference)).collect();
    let gone: Vec<&String> = known.iter().filter(|difference| !differences.contains(*difference)).collect();
    if std::env::var_os("LEXDEF_PRINT_DIFFERENCES").is_some() {
        for difference in &differences {
            println!("{difference}");
        }
    }
    assert!(
        new.is_empty() && gone.is_empty(),
        "differences not accepted in corpus/annotation-differences.txt:\n{}\n\naccepted there but no longer found:\n{}",
        new.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n"),
        gone.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n")
    );
    assert_eq!(known.len(), 5, "the accepted differences are the five the team has reasons for");
}
