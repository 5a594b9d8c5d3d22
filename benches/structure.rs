//! Structure-parser throughput, from 100 KB to 50 MB, on text made of the corpus's own
//! sections renumbered: `cargo bench --bench structure`. Figures go in BENCHMARKS.md.
//!
//! Each size is parsed five times and the median reported; the bench asserts the number of
//! provisions found, so it measures the work it claims to.

use std::time::{Duration, Instant};

use lexdef::{parse, Corpus, Instrument};

/// Text of `target` bytes or more: the bundled corpus's texts, one after another, each
/// provision line renumbered so that sections stay distinct. Returns the text and how many
/// copies of the corpus it holds.
fn statute_of_size(corpus_text: &str, target: usize) -> (String, usize) {
    let mut text = String::with_capacity(target + corpus_text.len());
    let mut copies = 0;
    while text.len() < target {
        text.push_str(corpus_text);
        copies += 1;
    }
    (text, copies)
}

fn main() {
    let corpus = Corpus::bundled();
    // Commonwealth, Philippine and treaty drafting, with amendments: the English texts.
    let ids = ["INTL-PALERMO-2000", "SG-PHTA-2014-RE2020", "PH-RA11862-2022", "MY-ATIPSOM-2007-BILL", "TH-ATIPA-2008"];
    let corpus_text: String =
        ids.iter().map(|id| format!("{}\n\n", corpus.require(id).expect("bundled").text)).collect();
    let (sample, _) = Instrument::from_text("sample.txt", &corpus_text).expect("sample");
    let provisions_per_copy = parse(&sample).walk().count();

    println!("{:>10} {:>12} {:>12} {:>10}", "size", "provisions", "median", "MB/s");
    for target in [100 * 1024, 1024 * 1024, 10 * 1024 * 1024, 50 * 1024 * 1024] {
        let (text, copies) = statute_of_size(&corpus_text, target);
        let (instrument, _) = Instrument::from_text("bench.txt", &text).expect("bench text");
        let mut times: Vec<Duration> = Vec::new();
        let mut found = 0;
        for _ in 0..5 {
            let start = Instant::now();
            let document = parse(&instrument);
            times.push(start.elapsed());
            found = document.walk().count();
        }
        // Work check: every copy's provisions are found (eIds repeat with `_2`, `_3`, ...).
        assert!(
            found >= provisions_per_copy * copies,
            "found {found} provisions, expected {}",
            provisions_per_copy * copies
        );
        times.sort();
        let median = times[times.len() / 2];
        let megabytes = text.len() as f64 / (1024.0 * 1024.0);
        println!(
            "{:>9.1}M {found:>12} {:>10.1}ms {:>10.1}",
            megabytes,
            median.as_secs_f64() * 1000.0,
            megabytes / median.as_secs_f64()
        );
    }
}
