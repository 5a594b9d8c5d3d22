//! The whole pipeline on the bundled corpus (load, parse, extract, model, compare, report),
//! and the matrix of 10,000 synthetic instruments against a baseline:
//! `cargo bench --bench pipeline`. Figures go in BENCHMARKS.md.
//!
//! The synthetic instruments vary the real models deterministically (a fixed-seed generator
//! drops and adds elements), and the bench asserts the work done: every finding of the
//! generated models is counted against the number the generator implies.

use std::time::{Duration, Instant};

use lexdef::{
    compare, Analysis, Corpus, DivergenceKind, ElementPresence, Filters, Index, Lexicon, MatrixRow, Study, TermModel,
};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// A small fixed-seed generator (xorshift), so the synthetic corpus is the same every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn main() {
    let lexicon = Lexicon::bundled();
    let concept: lexdef::ConceptId = "trafficking_in_persons".parse().expect("a concept id");

    // 1. The bundled-corpus report, end to end.
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..10 {
        let start = Instant::now();
        let corpus = Corpus::bundled();
        let study = Study::new(&corpus, &lexicon, concept.clone()).with_baseline("palermo").expect("palermo");
        let report = study.report();
        let json = report.to_json();
        times.push(start.elapsed());
        assert_eq!(report.instruments.len(), 31, "every instrument but the baseline is reported");
        bytes = json.len();
    }
    println!(
        "bundled corpus report (32 instruments, JSON {bytes} bytes): median {:.1} ms",
        median(times).as_secs_f64() * 1000.0
    );

    // 2. The matrix of 10,000 synthetic instruments against the Protocol.
    let corpus = Corpus::bundled();
    let real: Vec<TermModel> = corpus
        .instruments()
        .map(|instrument| Analysis::of(instrument, &lexicon, &concept).model)
        .filter(|model| model.definition.is_some())
        .collect();
    let baseline = real.iter().find(|model| model.instrument.as_str() == "INTL-PALERMO-2000").expect("palermo").clone();
    let mut random = Seeded(0x5eed_1e7d_ef00_0001);
    let synthetic: Vec<TermModel> = (0..10_000)
        .map(|index| {
            let mut model = real[index % real.len()].clone();
            model.instrument = format!("SYN-{index:05}").parse().expect("a valid id");
            // Drop one element in three.
            let elements: Vec<ElementPresence> =
                model.elements.drain(..).filter(|_| !random.next().is_multiple_of(3)).collect();
            model.elements = elements;
            model
        })
        .collect();
    let element_ids: Vec<_> = lexicon.element_ids().cloned().collect();
    let qualifier_names: Vec<_> = baseline.qualifiers.keys().copied().collect();
    let mut times = Vec::new();
    let mut findings = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let mut rows = Vec::with_capacity(synthetic.len());
        findings = 0;
        for model in &synthetic {
            findings += compare(model, &baseline)
                .iter()
                .filter(|finding| finding.kind != DivergenceKind::WordingVariance)
                .count();
            rows.push(MatrixRow::of(model, &element_ids, &qualifier_names));
        }
        times.push(start.elapsed());
        assert_eq!(rows.len(), 10_000);
    }
    // Work check: a dropped Protocol element is a missing-element finding in its model.
    let dropped_protocol: usize = synthetic
        .iter()
        .map(|model| {
            baseline.elements.iter().filter(|presence| !model.elements.iter().any(|own| own.id == presence.id)).count()
        })
        .sum();
    assert!(findings >= dropped_protocol, "{findings} findings, {dropped_protocol} dropped Protocol elements");
    println!(
        "10,000-instrument matrix against the Protocol ({findings} findings): median {:.1} ms",
        median(times).as_secs_f64() * 1000.0
    );

    // 3. The search index of the bundled corpus: build in memory, then queries.
    let mut times = Vec::new();
    let mut documents = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let index = Index::build(&corpus, &lexicon).expect("the corpus indexes");
        times.push(start.elapsed());
        documents = index.len();
    }
    println!(
        "index build, bundled corpus ({documents} documents): median {:.1} ms",
        median(times).as_secs_f64() * 1000.0
    );
    let index = Index::build(&corpus, &lexicon).expect("the corpus indexes");
    let queries = [
        "\"abuse of a position of vulnerability\"",
        "harbor",
        "\"forced labour\"",
        "debt bondage",
        "child consent irrelevant",
    ];
    let mut times = Vec::new();
    let mut matched = 0;
    for _ in 0..20 {
        for query in queries {
            let start = Instant::now();
            let results = index.search(query, &Filters::default(), 20).expect("a valid query");
            times.push(start.elapsed());
            matched += results.total;
        }
    }
    assert!(matched > 0, "the queries match");
    println!("search, 5 queries × 20 ({matched} matches): p50 {:.2} ms", median(times).as_secs_f64() * 1000.0);
}
