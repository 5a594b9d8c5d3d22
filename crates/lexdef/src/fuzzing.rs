//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`, off by default). Each
//! drives one reader of the pipeline with arbitrary bytes and checks, as it goes, the
//! invariants every caller relies on: spans inside the text and nested, evidence equal to
//! the words it cites. A broken invariant is a panic, which the fuzzer reports as a crash.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use crate::check::{policy, Context, Findings};
use crate::document::Provision;
use crate::{extract_definitions, parse, Corpus, Filters, Index, Instrument, Lexicon, ModelBuilder, Study};

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::bundled)
}

/// The corpus-file reader: metadata block, markers and text, alone and as one file of a
/// corpus beside a good one. Returns how many instruments loaded.
pub fn corpus_file(bytes: &[u8]) -> usize {
    if let Ok((instrument, warnings)) = Instrument::from_bytes("fuzz.txt", bytes) {
        for warning in &warnings {
            assert_eq!(warning.location.file, "fuzz.txt", "a warning names the file");
        }
        check_markers(&instrument);
        // Reading the file text again gives the same instrument (the serialised form relies on it).
        let (again, _) = Instrument::from_bytes("fuzz.txt", instrument.file_text().as_bytes())
            .expect("the file text of an instrument reads again");
        assert_eq!(again.text, instrument.text, "file_text reads back to the same text");
    }
    static PALERMO: OnceLock<Vec<u8>> = OnceLock::new();
    let palermo = PALERMO
        .get_or_init(|| {
            let corpus = Corpus::bundled();
            let palermo = corpus.get("INTL-PALERMO-2000").expect("the bundled corpus has the Protocol");
            palermo.file_text().as_bytes().to_vec()
        })
        .clone();
    let corpus = Corpus::from_files([
        ("corpus/instruments/INTL-PALERMO-2000.txt".to_owned(), palermo),
        ("corpus/instruments/FUZZ.txt".to_owned(), bytes.to_vec()),
    ]);
    assert!(corpus.get("INTL-PALERMO-2000").is_some(), "one bad file does not stop the others");
    for error in corpus.errors() {
        if let Some(location) = &error.location {
            assert!(location.line >= 1 && location.column >= 1, "a location counts from 1: {error:?}");
        }
    }
    corpus.len()
}

fn check_markers(instrument: &Instrument) {
    let length = instrument.text.len();
    for gap in &instrument.gaps {
        assert!(gap.offset <= length && instrument.text.is_char_boundary(gap.offset), "a gap lies in the text");
    }
    for marker in &instrument.number_markers {
        assert!(
            marker.offset <= length && instrument.text.is_char_boundary(marker.offset),
            "a marker lies in the text"
        );
    }
}

/// The structure parser on any text (read as a bare statute text, or as a corpus file when
/// it has a valid block). Returns how many provisions it found.
pub fn structure(bytes: &[u8]) -> usize {
    let Ok((instrument, _)) = Instrument::from_bytes("fuzz.txt", bytes) else { return 0 };
    let document = parse(&instrument);
    let mut eids = BTreeSet::new();
    let mut count = 0;
    let mut previous_end = 0;
    for provision in &document.provisions {
        assert!(provision.span.start >= previous_end, "top-level provisions do not overlap");
        previous_end = provision.span.end;
        count += check_provision(&instrument, provision, 0..instrument.text.len(), &mut eids);
    }
    count
}

fn check_provision(
    instrument: &Instrument,
    provision: &Provision,
    parent: std::ops::Range<usize>,
    eids: &mut BTreeSet<String>,
) -> usize {
    let span = provision.span.range();
    assert!(span.start <= span.end, "a span runs forwards: {:?}", provision.eid);
    assert!(parent.start <= span.start && span.end <= parent.end, "a span lies in its parent's: {:?}", provision.eid);
    assert!(instrument.text.get(span.clone()).is_some(), "a span falls on character boundaries");
    assert!(eids.insert(provision.eid.to_string()), "eIds are unique: {}", provision.eid);
    let mut count = 1;
    let mut previous_end = span.start;
    for child in &provision.children {
        assert!(child.span.start >= previous_end, "siblings do not overlap: {}", child.eid);
        previous_end = child.span.end;
        count += check_provision(instrument, child, span.clone(), eids);
    }
    count
}

/// Definition extraction and the term model of every concept on any text. Returns how many
/// definitions were found.
pub fn definitions(bytes: &[u8]) -> usize {
    let Ok((instrument, _)) = Instrument::from_bytes("fuzz.txt", bytes) else { return 0 };
    let lexicon = lexicon();
    let document = parse(&instrument);
    let (definitions, _) = extract_definitions(&instrument, &document, lexicon);
    for definition in &definitions {
        assert!(instrument.text.get(definition.span.range()).is_some(), "a definition's span is in the text");
    }
    let builder = ModelBuilder::new(&instrument, &document, &definitions, lexicon);
    for concept in lexicon.concept_ids() {
        let model = builder.model(concept);
        for element in &model.elements {
            for evidence in &element.evidence {
                assert_eq!(
                    instrument.text.get(evidence.span.range()),
                    Some(evidence.text.as_str()),
                    "evidence is the words it cites"
                );
            }
        }
        for qualifier in model.qualifiers.values() {
            for evidence in &qualifier.evidence {
                assert_eq!(instrument.text.get(evidence.span.range()), Some(evidence.text.as_str()));
            }
        }
    }
    definitions.len()
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let corpus = Corpus::bundled();
        let small = Corpus::from_files(
            ["INTL-PALERMO-2000", "SG-PHTA-2014", "PH-RA10364-2012"]
                .into_iter()
                .filter_map(|id| corpus.get(id))
                .map(|instrument| (instrument.file().to_owned(), instrument.file_text().as_bytes().to_vec())),
        );
        Index::build(&small, lexicon()).expect("the small corpus indexes")
    })
}

/// The search query parser (and the search behind it) on any query; the first byte chooses
/// the filters. Returns how many hits it gave.
pub fn query(bytes: &[u8]) -> usize {
    let Some((&choice, rest)) = bytes.split_first() else { return 0 };
    let Ok(query) = std::str::from_utf8(rest) else { return 0 };
    let mut filters = Filters::default();
    if choice & 1 != 0 {
        filters.jurisdictions = vec!["SG".to_owned(), "ph".to_owned()];
    }
    if choice & 2 != 0 {
        filters.element = "means.abuse_of_vulnerability".parse().ok();
    }
    if choice & 4 != 0 {
        filters.years = Some((2000, 2015));
    }
    match index().search(query, &filters, usize::from(choice >> 3) + 1) {
        Ok(results) => {
            assert!(results.hits.len() <= results.total, "no more hits than matches");
            for hit in &results.hits {
                for &(start, end) in &hit.highlights {
                    assert!(hit.snippet.get(start..end).is_some(), "a highlight lies in its snippet");
                }
            }
            results.hits.len()
        }
        Err(error) => {
            assert!(!error.to_string().is_empty());
            0
        }
    }
}

/// The bundled corpus read for trafficking in persons, once for every run.
fn rules_study() -> &'static Study<'static> {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    static STUDY: OnceLock<Study<'static>> = OnceLock::new();
    STUDY.get_or_init(|| {
        let concept = "trafficking_in_persons".parse().expect("a valid concept id");
        Study::new(CORPUS.get_or_init(Corpus::bundled), lexicon(), concept)
    })
}

/// The reader of `lexdef check`'s rules file (`lexdef-check.toml`) on any bytes, applied to
/// the bundled corpus. Returns how many findings it gave.
pub fn check_rules(bytes: &[u8]) -> usize {
    let left_out = BTreeSet::new();
    let context = Context { directory: Path::new("corpus"), study: rules_study(), left_out: &left_out };
    let mut findings = Findings::default();
    let rules = policy::check_bytes(&context, "lexdef-check.toml", bytes, &mut findings);
    for finding in &findings.findings {
        assert!(finding.location.line >= 1 && finding.location.column >= 1, "{finding:?}");
    }
    rules.len() + findings.findings.len()
}
