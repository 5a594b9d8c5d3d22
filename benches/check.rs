//! `lexdef check` at scale: the synthetic corpora of 1,000 and 10,000 instruments
//! (`synthetic.rs`, fixed seed) with the UN Protocol beside them as the baseline, written as a
//! corpus directory (`target/synthetic-corpus/check-<n>/`) and checked as CI checks it.
//!
//! ```sh
//! cargo bench --bench check              # LEXDEF_CHECK_SIZES=1000 for one size
//! ```
//!
//! For each size: one `check` with `update` (writing the expected divergences, as a corpus
//! keeps them), then three plain checks (`LEXDEF_CHECK_RUNS`), timed; the median and the
//! range are printed. `check` reads the corpus on every core (`available_parallelism`). Each run
//! asserts the work it did: every instrument parsed (a `parse` case each), the expected
//! divergences compared (a `snapshot` case), and no error found.

use std::path::Path;
use std::time::{Duration, Instant};

use lexdef::{check, CheckOptions, CheckReport};
use lexdef_workspace_tests::synthetic::{Generator, SEED};
use lexdef_workspace_tests::workspace_root;

fn sizes() -> Vec<usize> {
    match std::env::var("LEXDEF_CHECK_SIZES") {
        Ok(sizes) => sizes.split(',').map(|size| size.trim().parse().expect("LEXDEF_CHECK_SIZES: numbers")).collect(),
        Err(_) => vec![1_000, 10_000],
    }
}

/// The corpus directory of `size` synthetic instruments and the Protocol.
fn write_corpus(size: usize) -> std::path::PathBuf {
    let root = workspace_root();
    let directory = root.join(format!("target/synthetic-corpus/check-{size}"));
    let instruments = Generator::new(&root).corpus(size, SEED);
    Generator::write(&instruments, &directory).expect("the synthetic corpus is written");
    std::fs::copy(
        root.join("corpus/instruments/INTL-PALERMO-2000.txt"),
        directory.join("instruments/INTL-PALERMO-2000.txt"),
    )
    .expect("the baseline is copied");
    let _ = std::fs::remove_dir_all(directory.join("expected"));
    directory
}

/// The work a check must have done.
fn assert_work(report: &CheckReport, size: usize) {
    let parsed = report.cases.iter().filter(|case| case.rule == "parse").count();
    assert_eq!(parsed, size + 1, "every instrument (and the Protocol) is parsed");
    assert!(report.cases.iter().any(|case| case.rule == "snapshot"), "the expected divergences are compared");
    assert_eq!(report.counts.errors, 0, "no error: {:?}", report.findings.first());
}

fn timed(directory: &Path, options: &CheckOptions) -> (Duration, CheckReport) {
    let start = Instant::now();
    let report = check(directory, options).expect("the corpus is checked");
    (start.elapsed(), report)
}

fn main() {
    println!("{:>8} {:>22} {:>30}", "size", "check --update", "check: median (fastest-slowest)");
    for size in sizes() {
        let directory = write_corpus(size);
        let (update, report) = timed(&directory, &CheckOptions { rules: None, update: true });
        assert_work(&report, size);
        let runs =
            std::env::var("LEXDEF_CHECK_RUNS").map_or(3, |runs| runs.parse().expect("LEXDEF_CHECK_RUNS: a number"));
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let (time, report) = timed(&directory, &CheckOptions::default());
                assert_work(&report, size);
                time
            })
            .collect();
        times.sort();
        println!(
            "{size:>8} {:>20.2} s {:>14.2} s ({:.2}-{:.2})",
            update.as_secs_f64(),
            times[times.len() / 2].as_secs_f64(),
            times[0].as_secs_f64(),
            times[times.len() - 1].as_secs_f64()
        );
    }
}
