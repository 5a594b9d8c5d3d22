//! The Rust side of the Python-bindings benchmark (`benches/python_bindings.py`): exactly the
//! work of `lexdef.Corpus.bundled().matrix(baseline="palermo")` — load the bundled corpus,
//! resolve the baseline, model every instrument, build the matrix — without Python.
//!
//! `cargo bench --bench bindings_matrix` prints one line per run, `matrix_ms <milliseconds>`,
//! for the Python script to read.

use std::time::Instant;

use lexdef::{Corpus, Lexicon, Study};

fn main() {
    let runs: usize = std::env::var("LEXDEF_BENCH_RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(20);
    let lexicon = Lexicon::bundled();
    for _ in 0..runs {
        let start = Instant::now();
        let corpus = Corpus::bundled();
        let concept = lexicon.concept("trafficking_in_persons").expect("a bundled concept");
        let study =
            Study::new(&corpus, &lexicon, concept).with_baseline("palermo").expect("the Protocol is a baseline");
        let matrix = study.matrix();
        let elapsed = start.elapsed();
        assert_eq!(matrix.rows.len(), 32, "a row per bundled instrument");
        assert_eq!(matrix.elements.len(), 21, "the Protocol's 21 elements");
        println!("matrix_ms {:.3}", elapsed.as_secs_f64() * 1000.0);
    }
}
