//! lexdef at scale: the synthetic corpora of 1,000 and 10,000 instruments (`synthetic.rs`,
//! fixed seed), written as corpus files and read back through the whole pipeline.
//!
//! ```sh
//! cargo bench --bench scale
//! ```
//!
//! Before measuring, it checks correctness at scale: every model must have the elements its
//! construction says, but for the known differences of `tests/synthetic-differences.txt`
//! (counted and printed). Then divan measures, at both sizes: load + parse + model, the
//! index build, the matrix against the Protocol, all-pairs divergence counts, and the scan
//! limit (a raw Aho-Corasick pass of the lexicon's surface forms over the same bytes as
//! extraction). Each benchmark asserts the work it did. Last, peak memory: each size runs
//! the pipeline in a child process of its own, which reports its `VmHWM`.
//! `LEXDEF_SCALE_SIZES=1000` limits every row to one size; a divan filter picks rows
//! (`cargo bench --bench scale -- scan_` for the scan limit alone).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use divan::counter::BytesCount;
use divan::Bencher;
use lexdef::{
    compare, count_divergences, extract_definitions, Analysis, ConceptId, Corpus, DivergenceKind, Index, Lexicon,
    Matrix, ModelBuilder, TermModel,
};
use lexdef_workspace_tests::synthetic::{check, known_differences, Generator, SEED};
use lexdef_workspace_tests::workspace_root;

const SIZES: [usize; 2] = [1_000, 10_000];
const PEAK_ENV: &str = "LEXDEF_SCALE_PEAK";

/// A generated corpus, loaded and analysed once, with the amounts of work each benchmark
/// must find.
struct Prepared {
    directory: PathBuf,
    corpus: Corpus,
    analyses: Vec<Analysis>,
    /// Elements in all models.
    elements: usize,
    /// Documents the index must hold: every provision and every definition.
    documents: u64,
    /// Findings against the Protocol, wording variances aside.
    findings: usize,
    /// Bytes of text (markers out) in all instruments.
    text_bytes: usize,
    /// Definitions extracted in all instruments.
    definitions: usize,
    /// Matches of the raw Aho-Corasick pass.
    scan_matches: usize,
}

fn concept() -> ConceptId {
    "trafficking_in_persons".parse().expect("a concept id")
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::bundled)
}

/// The Protocol's model, the baseline of the matrix.
fn palermo() -> &'static TermModel {
    static PALERMO: OnceLock<TermModel> = OnceLock::new();
    PALERMO.get_or_init(|| {
        let corpus = Corpus::bundled();
        let instrument = corpus.require("INTL-PALERMO-2000").expect("the Protocol is bundled");
        Analysis::of(instrument, lexicon(), &concept()).model
    })
}

/// Every surface form of the lexicon: element and compound forms and concept aliases.
fn surface_forms() -> Vec<String> {
    let text = std::fs::read_to_string(workspace_root().join("crates/lexdef/data/lexicon.toml")).expect("the lexicon");
    let lexicon: toml::Table = text.parse().expect("the lexicon parses");
    let mut forms = Vec::new();
    let strings = |value: Option<&toml::Value>| -> Vec<String> {
        value
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect()
    };
    for table in ["concepts", "elements", "compounds"] {
        for entry in lexicon.get(table).and_then(toml::Value::as_array).into_iter().flatten() {
            forms.extend(strings(entry.get("aliases")));
            forms.extend(strings(entry.get("forms")));
            forms.extend(entry.get("form").and_then(toml::Value::as_str).map(str::to_owned));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

fn scanner() -> &'static AhoCorasick {
    static SCANNER: OnceLock<AhoCorasick> = OnceLock::new();
    SCANNER.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(surface_forms())
            .expect("the forms make an automaton")
    })
}

fn prepare(size: usize) -> Prepared {
    let generator = Generator::new(&workspace_root());
    let instruments = generator.corpus(size, SEED);
    let directory = workspace_root().join(format!("target/synthetic-corpus/{size}"));
    Generator::write(&instruments, &directory).expect("the synthetic corpus is written");
    let corpus = Corpus::load_strict(&directory).expect("every synthetic file loads");
    assert_eq!(corpus.len(), size);
    let analyses: Vec<Analysis> =
        corpus.instruments().map(|instrument| Analysis::of(instrument, lexicon(), &concept())).collect();
    let elements = analyses.iter().map(|analysis| analysis.model.elements.len()).sum();
    let documents =
        analyses.iter().map(|analysis| (analysis.document.walk().count() + analysis.definitions.len()) as u64).sum();
    let findings = analyses
        .iter()
        .map(|analysis| {
            compare(&analysis.model, palermo())
                .iter()
                .filter(|finding| finding.kind != DivergenceKind::WordingVariance)
                .count()
        })
        .sum();
    let text_bytes = analyses.iter().map(|analysis| analysis.instrument.text.len()).sum();
    let definitions = analyses.iter().map(|analysis| analysis.definitions.len()).sum();
    let scan_matches = analyses.iter().map(|analysis| scanner().find_iter(&analysis.instrument.text).count()).sum();
    Prepared { directory, corpus, analyses, elements, documents, findings, text_bytes, definitions, scan_matches }
}

fn prepared(size: usize) -> &'static Prepared {
    static PREPARED: OnceLock<BTreeMap<usize, OnceLock<Prepared>>> = OnceLock::new();
    let all = PREPARED.get_or_init(|| SIZES.iter().map(|&size| (size, OnceLock::new())).collect());
    all.get(&size).expect("a benchmark size").get_or_init(|| prepare(size))
}

fn sizes() -> Vec<usize> {
    match std::env::var("LEXDEF_SCALE_SIZES") {
        Ok(list) => list.split(',').map(|size| size.trim().parse().expect("LEXDEF_SCALE_SIZES: sizes")).collect(),
        Err(_) => SIZES.to_vec(),
    }
}

/// Load + parse + extract + model every instrument of the corpus directory.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn load_parse_model(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    bencher.counter(BytesCount::new(prepared.text_bytes)).bench_local(|| {
        let corpus = Corpus::load(&prepared.directory).expect("the directory reads");
        let models: Vec<TermModel> =
            corpus.instruments().map(|instrument| Analysis::of(instrument, lexicon(), &concept()).model).collect();
        assert_eq!(models.len(), size);
        assert_eq!(models.iter().map(|model| model.elements.len()).sum::<usize>(), prepared.elements);
        models
    });
}

/// The search index, in memory, of the loaded corpus (parsing, extraction and modelling
/// included: `Index::build` does them).
#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn index_build(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    bencher.counter(BytesCount::new(prepared.text_bytes)).bench_local(|| {
        let index = Index::build(&prepared.corpus, lexicon()).expect("the corpus indexes");
        assert_eq!(index.len(), prepared.documents);
        index
    });
}

/// Every model compared with the Protocol, and the matrix with the Protocol's elements as
/// columns (the models are made beforehand).
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn matrix_against_the_protocol(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    let models: Vec<&TermModel> = prepared.analyses.iter().map(|analysis| &analysis.model).collect();
    bencher.bench_local(|| {
        let findings: usize = models
            .iter()
            .map(|model| {
                compare(model, palermo())
                    .iter()
                    .filter(|finding| finding.kind != DivergenceKind::WordingVariance)
                    .count()
            })
            .sum();
        let matrix = Matrix::of(&models, Some(palermo()), lexicon());
        assert_eq!(findings, prepared.findings);
        assert_eq!(matrix.rows.len(), size);
        matrix
    });
}

/// The divergence count of every ordered pair of instruments that define the concept, as
/// `Report` counts them (`count_divergences`: the findings of `compare`, wording variances
/// aside). Grows with the square of the corpus.
#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn all_pairs_divergence_counts(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    let defined: Vec<&TermModel> =
        prepared.analyses.iter().map(|analysis| &analysis.model).filter(|model| model.definition.is_some()).collect();
    // The count is the one `compare` gives, on a sample of pairs.
    for (a, b) in defined.iter().zip(defined.iter().rev()).take(200) {
        let findings = compare(a, b).iter().filter(|finding| finding.kind != DivergenceKind::WordingVariance).count();
        assert_eq!(count_divergences(a, b), findings);
    }
    bencher.bench_local(|| {
        let mut pairs = 0usize;
        let mut divergences = 0usize;
        for a in &defined {
            for b in &defined {
                if a.instrument != b.instrument {
                    divergences += count_divergences(a, b);
                    pairs += 1;
                }
            }
        }
        assert_eq!(pairs, defined.len() * (defined.len() - 1));
        assert!(divergences > 0);
        divergences
    });
}

/// The same pairs compared in full (`compare`: every finding with its evidence and summary),
/// at 1,000 instruments only: what the counts cost before `count_divergences`.
#[divan::bench(args = [1_000], sample_count = 1, sample_size = 1)]
fn all_pairs_full_compare(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    let defined: Vec<&TermModel> =
        prepared.analyses.iter().map(|analysis| &analysis.model).filter(|model| model.definition.is_some()).collect();
    bencher.bench_local(|| {
        let mut pairs = 0usize;
        for a in &defined {
            for b in &defined {
                if a.instrument != b.instrument {
                    divan::black_box(compare(a, b));
                    pairs += 1;
                }
            }
        }
        assert_eq!(pairs, defined.len() * (defined.len() - 1));
        pairs
    });
}

/// The scan limit: a raw Aho-Corasick pass (leftmost-longest, ASCII case folded) of every
/// surface form of the lexicon over the text of every instrument.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn scan_aho_corasick(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    let scanner = scanner();
    bencher.counter(BytesCount::new(prepared.text_bytes)).bench_local(|| {
        let matches: usize =
            prepared.analyses.iter().map(|analysis| scanner.find_iter(&analysis.instrument.text).count()).sum();
        assert_eq!(matches, prepared.scan_matches);
        matches
    });
}

/// Extraction over the same bytes: definitions and the term model of every instrument,
/// from its parsed provisions (parsed beforehand).
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn scan_extraction(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    bencher.counter(BytesCount::new(prepared.text_bytes)).bench_local(|| {
        let mut definitions = 0;
        let mut elements = 0;
        for analysis in &prepared.analyses {
            let (found, _) = extract_definitions(&analysis.instrument, &analysis.document, lexicon());
            let model =
                ModelBuilder::new(&analysis.instrument, &analysis.document, &found, lexicon()).model(&concept());
            definitions += found.len();
            elements += model.elements.len();
        }
        assert_eq!((definitions, elements), (prepared.definitions, prepared.elements));
        elements
    });
}

/// The structure parser over the same bytes, for the scan rows' context.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn scan_structure_parse(bencher: Bencher, size: usize) {
    let prepared = prepared(size);
    let provisions: usize = prepared.analyses.iter().map(|analysis| analysis.document.walk().count()).sum();
    bencher.counter(BytesCount::new(prepared.text_bytes)).bench_local(|| {
        let found: usize =
            prepared.analyses.iter().map(|analysis| lexdef::parse(&analysis.instrument).walk().count()).sum();
        assert_eq!(found, provisions);
        found
    });
}

/// In a child process: the pipeline of one size, keeping what a report keeps (every
/// analysis) plus the index and the matrix, then the peak resident memory.
fn peak(size: usize) {
    let directory = workspace_root().join(format!("target/synthetic-corpus/{size}"));
    let corpus = Corpus::load_strict(&directory).expect("written by the parent");
    let analyses: Vec<Analysis> =
        corpus.instruments().map(|instrument| Analysis::of(instrument, lexicon(), &concept())).collect();
    let after_models = high_water_mark_kib();
    let index = Index::build(&corpus, lexicon()).expect("the corpus indexes");
    let models: Vec<&TermModel> = analyses.iter().map(|analysis| &analysis.model).collect();
    let matrix = Matrix::of(&models, Some(palermo()), lexicon());
    assert_eq!((analyses.len(), matrix.rows.len()), (size, size));
    assert!(!index.is_empty());
    println!("peak_kib {after_models} {}", high_water_mark_kib());
}

fn high_water_mark_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status (Linux)");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmHWM line")
}

fn main() {
    if let Ok(size) = std::env::var(PEAK_ENV) {
        peak(size.parse().expect("a size"));
        return;
    }
    let known = known_differences(&workspace_root());
    println!("correctness at scale (seed {SEED:#x}):");
    for &size in &sizes() {
        let prepared = prepared(size);
        let generator = Generator::new(&workspace_root());
        let instruments = generator.corpus(size, SEED);
        let mismatches = check(&prepared.corpus, &instruments, lexicon());
        let (explained, unexplained): (Vec<_>, Vec<_>) =
            mismatches.iter().partition(|mismatch| mismatch.explained_by(&known).is_some());
        println!(
            "  {size:>6} instruments, {:.1} MB of text, {} definitions, {} elements expected: {} models as constructed, {} known differences (tests/synthetic-differences.txt), {} unexplained",
            prepared.text_bytes as f64 / 1e6,
            prepared.definitions,
            instruments.iter().map(|instrument| instrument.expected.len()).sum::<usize>(),
            size - mismatches.len(),
            explained.len(),
            unexplained.len()
        );
        for mismatch in unexplained.iter().take(10) {
            println!("    unexplained: {mismatch}");
        }
        assert!(unexplained.is_empty(), "models differ from their construction");
    }
    divan::main();
    println!("peak memory (VmHWM of a child process per size: load, parse, model all; then index and matrix):");
    for &size in &sizes() {
        let output = std::process::Command::new(std::env::current_exe().expect("this benchmark's path"))
            .env(PEAK_ENV, size.to_string())
            .output()
            .expect("the child runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let line = stdout.lines().find(|line| line.starts_with("peak_kib ")).unwrap_or_else(|| {
            panic!("the child reported no peak: {stdout}{}", String::from_utf8_lossy(&output.stderr))
        });
        let numbers: Vec<f64> = line.split_whitespace().skip(1).map(|n| n.parse().expect("kib")).collect();
        println!(
            "  {size:>6} instruments: {:.0} MiB after the models, {:.0} MiB with the index and the matrix",
            numbers[0] / 1024.0,
            numbers[1] / 1024.0
        );
    }
}
