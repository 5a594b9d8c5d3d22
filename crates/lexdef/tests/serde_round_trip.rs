//! Every value a user may store or send to another process (a pickled Python object, a
//! cache) reads back equal to what was written: the corpus, term models, divergences,
//! reports and search hits.

use lexdef::{Corpus, Divergence, Filters, Index, Lexicon, Study, TermModel};

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let json = serde_json::to_string(value).expect("serialises");
    serde_json::from_str(&json).unwrap_or_else(|error| panic!("reads back: {error}\n{json:.400}"))
}

#[test]
fn a_corpus_reads_back_with_the_same_instruments_and_problems() {
    let mut files: Vec<(String, Vec<u8>)> = Corpus::bundled()
        .instruments()
        .map(|instrument| (instrument.file().to_owned(), instrument.file_text().as_bytes().to_vec()))
        .collect();
    // One file that does not load and one relation to a missing instrument: problems are kept too.
    files.push(("broken.txt".to_owned(), b"+++\nid = \"XX\"\n".to_vec()));
    let corpus = Corpus::from_files(files);
    assert!(!corpus.errors().is_empty());
    let back = round_trip(&corpus);
    assert_eq!(back.len(), corpus.len());
    assert_eq!(back.errors(), corpus.errors());
    assert_eq!(back.warnings(), corpus.warnings());
    for (original, read) in corpus.instruments().zip(back.instruments()) {
        assert_eq!(read.id, original.id);
        assert_eq!(read.file(), original.file());
        assert_eq!(read.text, original.text, "{}", original.id);
        assert_eq!(read.metadata, original.metadata, "{}", original.id);
        assert_eq!(read.gaps, original.gaps, "{}", original.id);
        assert_eq!(read.number_markers, original.number_markers, "{}", original.id);
    }
}

#[test]
fn models_divergences_and_reports_read_back_equal() {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let concept = lexicon.concept("trafficking_in_persons").expect("a bundled concept");
    let study = Study::new(&corpus, &lexicon, concept).with_baseline("palermo").expect("the Protocol is bundled");
    let report = study.report();
    assert_eq!(round_trip(&report), report);

    let mut qualifier_kinds = std::collections::HashSet::new();
    for analysis in study.analyses() {
        let model: TermModel = round_trip(&analysis.model);
        assert_eq!(model, analysis.model, "{}", analysis.model.instrument);
        for qualifier in model.qualifiers.values() {
            qualifier_kinds.insert(std::mem::discriminant(&qualifier.value));
        }
        let divergences = study.compare(analysis).divergences;
        let back: Vec<Divergence> = round_trip(&divergences);
        assert_eq!(back, divergences, "{}", analysis.model.instrument);
    }
    // Numbers, flags, list kinds, victim scopes and unknowns all occurred, so each was read
    // back at least once.
    assert_eq!(qualifier_kinds.len(), 5, "every kind of qualifier value is in the corpus");
}

#[test]
fn search_results_read_back_equal() {
    let corpus = Corpus::bundled();
    let index = Index::build(&corpus, &Lexicon::bundled()).expect("the bundled corpus indexes");
    let results = index.search("\"position of vulnerability\"", &Filters::default(), 20).expect("a valid query");
    assert!(!results.hits.is_empty());
    assert_eq!(round_trip(&results), results);
}
