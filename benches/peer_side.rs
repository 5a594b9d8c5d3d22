//! The Rust side of the peer comparisons (`benches/peers.py`, which runs it between its
//! own rounds so that both sides see the same machine in one run). Not a benchmark of its
//! own: each subcommand does one job and prints what it measured or wrote.
//!
//! - `generate SIZE DIR`: write the synthetic corpus of SIZE instruments (`synthetic.rs`)
//!   into DIR/instruments.
//! - `index-documents DIR FILE`: the documents lexdef's index holds for the corpus in DIR
//!   (every provision's own text, every definition's text), as JSON lines, for tantivy-py
//!   to index the same texts; checks the count against `Index::build`.
//! - `structure FILE RUNS`: `lexdef::parse` of a statute text RUNS times: `structure_ms`
//!   per run, and the sections, subsections and paragraphs found.
//! - `pairs DIR FILE`: the wording pairs the divergence engine compares for the corpus in DIR
//!   against the Protocol (the two wordings of each element both name, lower-cased, as
//!   `compare` passes them to strsim), as JSON.
//! - `similarity FILE RUNS`: strsim's `normalized_levenshtein` (what `compare` calls) and the
//!   rapidfuzz crate's normalised Levenshtein similarity over those pairs: `strsim_ms` and
//!   `rapidfuzz_rs_ms` per run, and how far their scores differ.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use lexdef::{compare, Analysis, ConceptId, Corpus, DivergenceKind, Index, Instrument, Lexicon, ProvisionKind};
use lexdef_workspace_tests::synthetic::{Generator, SEED};
use lexdef_workspace_tests::workspace_root;

fn concept() -> ConceptId {
    "trafficking_in_persons".parse().expect("a concept id")
}

fn main() {
    // cargo passes `--bench` to a benchmark binary; the subcommand is what follows.
    let args: Vec<String> = std::env::args().skip(1).filter(|arg| arg != "--bench").collect();
    let arg = |index: usize| args.get(index).map(String::as_str).unwrap_or_else(|| panic!("missing argument {index}"));
    match arg(0) {
        "generate" => {
            let size: usize = arg(1).parse().expect("a size");
            let generator = Generator::new(&workspace_root());
            let instruments = generator.corpus(size, SEED);
            Generator::write(&instruments, Path::new(arg(2))).expect("the corpus is written");
            println!("generated {size}");
        }
        "index-documents" => {
            let corpus = Corpus::load_strict(Path::new(arg(1))).expect("the corpus loads");
            let lexicon = Lexicon::bundled();
            let mut out = std::io::BufWriter::new(std::fs::File::create(arg(2)).expect("the output file"));
            let mut documents = 0u64;
            for instrument in corpus.instruments() {
                let analysis = Analysis::of(instrument, &lexicon, &concept());
                for provision in analysis.document.walk() {
                    let line = serde_json::json!({"instrument": instrument.id.as_str(), "eid": provision.eid.as_str(), "text": provision.own_text(&instrument.text).expect("a provision parsed from this text lies in it")});
                    writeln!(out, "{line}").expect("written");
                    documents += 1;
                }
                for definition in &analysis.definitions {
                    let line = serde_json::json!({"instrument": instrument.id.as_str(), "eid": definition.eid.as_str(), "text": &instrument.text[definition.span.range()]});
                    writeln!(out, "{line}").expect("written");
                    documents += 1;
                }
            }
            let index = Index::build(&corpus, &lexicon).expect("the corpus indexes");
            assert_eq!(index.len(), documents, "the dump holds exactly the index's documents");
            println!("documents {documents}");
        }
        "structure" => {
            let text = std::fs::read_to_string(arg(1)).expect("the statute text");
            let runs: usize = arg(2).parse().expect("a run count");
            let (instrument, _) = Instrument::from_text(arg(1), &text).expect("a statute text");
            for _ in 0..runs {
                let start = Instant::now();
                let document = lexdef::parse(&instrument);
                let elapsed = start.elapsed();
                let count = |kind: ProvisionKind| document.walk().filter(|provision| provision.kind == kind).count();
                println!(
                    "structure_ms {:.3} sections {} subsections {} paragraphs {}",
                    elapsed.as_secs_f64() * 1000.0,
                    count(ProvisionKind::Section),
                    count(ProvisionKind::Subsection),
                    count(ProvisionKind::Paragraph)
                );
            }
        }
        "akn" => {
            // What `lexdef parse FILE --format akn` does once the file is read: the structure
            // parser, then the Akoma Ntoso writer.
            let text = std::fs::read_to_string(arg(1)).expect("the statute text");
            let runs: usize = arg(2).parse().expect("a run count");
            let (instrument, _) = Instrument::from_text(arg(1), &text).expect("a statute text");
            for _ in 0..runs {
                let start = Instant::now();
                let document = lexdef::parse(&instrument);
                let xml = lexdef::akn::write(&instrument, &document).expect("the text is XML-safe");
                let elapsed = start.elapsed();
                println!(
                    "akn_ms {:.3} sections {} subsections {} paragraphs {} bytes {}",
                    elapsed.as_secs_f64() * 1000.0,
                    xml.matches("<section ").count(),
                    xml.matches("<subsection ").count(),
                    xml.matches("<paragraph ").count(),
                    xml.len()
                );
            }
        }
        "pairs" => {
            let corpus = Corpus::load_strict(Path::new(arg(1))).expect("the corpus loads");
            let lexicon = Lexicon::bundled();
            let bundled = Corpus::bundled();
            let palermo = Analysis::of(bundled.require("INTL-PALERMO-2000").expect("bundled"), &lexicon, &concept());
            let mut pairs = Vec::new();
            for instrument in corpus.instruments() {
                let model = Analysis::of(instrument, &lexicon, &concept()).model;
                for finding in compare(&model, &palermo.model) {
                    if finding.kind == DivergenceKind::WordingVariance {
                        let words = |value: &serde_json::Value| value.as_str().expect("wordings").to_lowercase();
                        pairs.push((words(&finding.subject.value), words(&finding.baseline.value), finding.similarity));
                    }
                }
            }
            std::fs::write(arg(2), serde_json::to_string(&pairs).expect("pairs serialise")).expect("written");
            println!("pairs {}", pairs.len());
        }
        "similarity" => {
            let pairs: Vec<(String, String, Option<f64>)> =
                serde_json::from_str(&std::fs::read_to_string(arg(1)).expect("the pairs")).expect("pairs parse");
            let runs: usize = arg(2).parse().expect("a run count");
            let mut strsim_scores = Vec::new();
            let mut rapidfuzz_scores = Vec::new();
            for _ in 0..runs {
                let start = Instant::now();
                strsim_scores = pairs.iter().map(|(a, b, _)| strsim::normalized_levenshtein(a, b)).collect();
                let strsim_ms = start.elapsed().as_secs_f64() * 1000.0;
                let start = Instant::now();
                rapidfuzz_scores = pairs
                    .iter()
                    .map(|(a, b, _)| rapidfuzz::distance::levenshtein::normalized_similarity(a.chars(), b.chars()))
                    .collect();
                let rapidfuzz_ms = start.elapsed().as_secs_f64() * 1000.0;
                println!("strsim_ms {strsim_ms:.3} rapidfuzz_rs_ms {rapidfuzz_ms:.3}");
            }
            // The engine reports the score rounded to 3 places: the rounded strsim score must
            // be the one in the finding.
            for ((_, _, reported), score) in pairs.iter().zip(&strsim_scores) {
                assert_eq!(*reported, Some((score * 1000.0).round() / 1000.0), "the engine's own score");
            }
            let worst = strsim_scores.iter().zip(&rapidfuzz_scores).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
            println!(
                "pairs {} max_score_difference {worst:e} checksum {:.6}",
                pairs.len(),
                strsim_scores.iter().sum::<f64>()
            );
        }
        other => panic!("unknown subcommand {other:?}"),
    }
}
