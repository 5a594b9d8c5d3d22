//! The synthetic corpus of the scale benchmarks, small: every generated file loads as a
//! corpus file, and the model of each one's definition has exactly the elements its
//! construction says (the benchmarks check the same at 1,000 and 10,000 instruments).

use lexdef::{Corpus, Lexicon};
use lexdef_workspace_tests::synthetic::{check, known_differences, Generator, SEED};
use lexdef_workspace_tests::workspace_root;

#[test]
fn synthetic_instruments_load_and_yield_their_elements_by_construction() {
    let generator = Generator::new(&workspace_root());
    // (100: the first instrument of every known difference's class is among them; the
    // Singapore one's is SG-SYN-00086.)
    let instruments = generator.corpus(100, SEED);
    let directory = tempfile::tempdir().expect("a scratch directory");
    Generator::write(&instruments, directory.path()).expect("the corpus is written");
    let corpus = Corpus::load_strict(directory.path()).expect("every synthetic file loads");
    assert_eq!(corpus.len(), instruments.len());

    // The generator varies what it claims to: every kind of variation occurs.
    let variations = instruments.iter().map(|instrument| &instrument.variations);
    assert!(variations.clone().all(|variation| variation.numbers > 0), "every instrument is renumbered");
    assert!(variations.clone().any(|variation| !variation.synonyms.is_empty()), "synonyms are swapped");
    assert!(variations.clone().any(|variation| !variation.reordered.is_empty()), "list items are reordered");
    assert!(variations.clone().any(|variation| !variation.dropped.is_empty()), "elements are dropped");
    assert!(variations.clone().any(|variation| !variation.added.is_empty()), "elements are added");
    assert_eq!(
        instruments
            .iter()
            .map(|instrument| instrument.template.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        generator.templates().len(),
        "every template is used"
    );

    // Every model has the elements of its construction, but for the known differences
    // (tests/synthetic-differences.txt), each of which still occurs.
    let known = known_differences(&workspace_root());
    let mismatches = check(&corpus, &instruments, &Lexicon::bundled());
    let unexplained: Vec<String> =
        mismatches.iter().filter(|mismatch| mismatch.explained_by(&known).is_none()).map(ToString::to_string).collect();
    assert!(
        unexplained.is_empty(),
        "{} of {} models differ from their construction:\n{}",
        unexplained.len(),
        instruments.len(),
        unexplained.join("\n")
    );
    for difference in &known {
        assert!(
            mismatches.iter().any(|mismatch| mismatch.explained_by(std::slice::from_ref(difference)).is_some()),
            "listed in tests/synthetic-differences.txt but no longer seen: {} dropped {}",
            difference.template,
            difference.dropped
        );
    }
}

#[test]
fn instrument_i_is_the_same_in_every_corpus_size() {
    let generator = Generator::new(&workspace_root());
    let small = generator.corpus(12, SEED);
    let larger = generator.corpus(30, SEED);
    for (a, b) in small.iter().zip(&larger) {
        assert_eq!(a.contents, b.contents, "{}", a.id);
        assert_eq!(a.expected, b.expected, "{}", a.id);
    }
}
