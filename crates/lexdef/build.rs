//! Compiles the curated corpus (`corpus/instruments/*.txt` at the workspace root) into the
//! crate, so `Corpus::bundled()` and the CLI's main job work from any directory.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("../../corpus/instruments");
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&corpus) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
            .collect(),
        // Built outside the repository (from a package): an empty bundled corpus.
        Err(_) => Vec::new(),
    };
    files.sort();
    let mut source = String::from("/// `(file name, bytes)` of every bundled corpus file, in name order.\npub(super) static FILES: &[(&str, &[u8])] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.file_name().and_then(|name| name.to_str()).expect("corpus file names are UTF-8");
        let absolute = file.canonicalize().expect("a listed corpus file exists");
        writeln!(source, "    ({name:?}, include_bytes!({:?})),", absolute.display().to_string())
            .expect("writing to a String cannot fail");
    }
    source.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bundled_corpus.rs"), source).expect("OUT_DIR is writable");
}
