//! The bad-input matrix: every row of README.md's "Bad input" table, as data. The core's
//! test (`crates/lexdef/tests/bad_input.rs`) and the CLI's (`crates/lexdef-cli/tests/cli.rs`)
//! both include this file and drive their entry point with each row; the Python test
//! (`bindings/python/tests/test_errors.py`) has the same rows. Each suite checks that its row
//! names are the README's, so the table, the tests and the code cannot drift apart.

#![allow(dead_code)]

use std::path::Path;

/// A valid corpus file's metadata block (`valid-header.txt`, which the Python matrix reads
/// too): 21 lines, the body starts on line 22.
pub const HEADER: &str = include_str!("valid-header.txt");
/// A body for [`HEADER`]: the source marker on line 22, the section on line 23.
pub const BODY: &str = "{{source: gazette}}\nSection 1. Short title. – This Act is the Test Act 2020.\n";

/// The file name a row's file has in the corpus directory.
pub const FILE: &str = "XX-TEST-2020.txt";

/// What a row gives an entry point.
pub enum Input {
    /// A file, added to a copy of the curated corpus as `instruments/<name>`.
    File { name: &'static str, bytes: Vec<u8> },
    /// A directory entry that is not a file that can be read, made by the function.
    Entry { name: &'static str, make: fn(&Path) },
    /// A search query over the bundled corpus.
    Query(String),
    /// An element id given as a search filter.
    ElementFilter(&'static str),
    /// A lexicon file, to extend the bundled lexicon with.
    Lexicon(String),
}

/// The name of the FIFO row's entry.
pub const FIFO: &str = "XX-FIFO.txt";

impl Input {
    /// Whether this is the FIFO, which blocks when it is read on its own.
    pub fn is_fifo(&self) -> bool {
        matches!(self, Input::Entry { name, .. } if *name == FIFO)
    }
}

/// What must happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// The file is an error of this kind (`LoadErrorKind` as serialised) at this place
    /// (`None`: the file as a whole, it could not be read); it is left out and the rest of
    /// the corpus loads.
    LeftOut { kind: &'static str, at: Option<(usize, usize)> },
    /// The file loads, but breaks a reference: an error of this kind at this place.
    Broken { kind: &'static str, at: (usize, usize) },
    /// The file loads and parses into at least this many provisions, with a warning of this
    /// kind (as serialised) at this place where one is given.
    Parses { provisions: usize, warning: Option<(&'static str, (usize, usize))> },
    /// The call is refused with an error whose message holds these words, at this place in
    /// the file given (a lexicon) where there is one.
    Refused { says: &'static str, at: Option<(usize, usize)> },
}

/// One row of the matrix.
pub struct Row {
    /// The row's name, as in the README's table.
    pub name: &'static str,
    pub input: Input,
    pub expected: Expected,
}

fn file(bytes: Vec<u8>) -> Input {
    Input::File { name: FILE, bytes }
}

fn with_header(header: &str, body: &str) -> Input {
    file(format!("{header}{body}").into_bytes())
}

/// The valid file with `from` replaced by `to` in its metadata block.
fn header_edit(from: &str, to: &str) -> Input {
    assert!(HEADER.contains(from), "the header holds {from:?}");
    with_header(&HEADER.replacen(from, to, 1), BODY)
}

fn symlink_loop(path: &Path) {
    std::os::unix::fs::symlink(path, path).expect("a link to itself");
}

/// A FIFO: as root every permission bit is ignored, so a `chmod 000` file is still read; a
/// FIFO with no writer is a directory entry whose read never ends, the honest "unreadable".
pub fn fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Sections of statute text up to at least `bytes` bytes, and how many.
pub fn big_text(bytes: usize) -> (String, usize) {
    let section = "Section 1. Heading. – Whoever recruits, transports, transfers, harbours or receives a person for the purpose of exploitation commits an offence.\n(a) the first case;\n(b) the second case.\n";
    let copies = bytes / section.len() + 1;
    let mut text = String::with_capacity(copies * (section.len() + 8));
    for number in 0..copies {
        text.push_str(&section.replacen("Section 1.", &format!("Section {number}."), 1));
    }
    (text, copies)
}

/// Every row, in the README's order.
pub fn rows() -> Vec<Row> {
    let valid = format!("{HEADER}{BODY}").into_bytes();
    let middle = HEADER.len() + BODY.find("Short").expect("the body has a heading");
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(format!("{HEADER}{BODY}").encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let nul = format!("{HEADER}{}", BODY.replacen("This Act", "This\0Act", 1)).into_bytes();
    let nesting = format!("{HEADER}{{{{source: gazette}}}}\nSection 1.\n{}", "(a) x\n(1) y\n".repeat(5_000));
    let long_line =
        format!("{HEADER}{{{{source: gazette}}}}\nSection 1. Short title.\n{}\n", "word ".repeat(1_000_000));
    let (big, sections) = big_text(50 * 1024 * 1024);
    let relation = HEADER.replacen(
        "description = \"the Gazette\"\n",
        "description = \"the Gazette\"\n\n[[relations]]\nkind = \"amends\"\ntarget = \"XX-MISSING-1999\"\n",
        1,
    );
    let palermo = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PALERMO)).expect("the Protocol's file");
    vec![
        Row {
            name: "invalid UTF-8 at the start",
            input: file([b"\xff".as_slice(), &valid].concat()),
            expected: Expected::LeftOut { kind: "encoding", at: Some((1, 1)) },
        },
        Row {
            name: "invalid UTF-8 in the middle",
            input: file([&valid[..middle], b"\xc3\x28".as_slice(), &valid[middle..]].concat()),
            expected: Expected::LeftOut { kind: "encoding", at: Some((23, 12)) },
        },
        Row {
            name: "invalid UTF-8 at the end",
            input: file([valid.as_slice(), b"\xe2\x82"].concat()),
            expected: Expected::LeftOut { kind: "encoding", at: Some((24, 1)) },
        },
        Row {
            name: "UTF-16 with a byte-order mark",
            input: file(utf16),
            expected: Expected::LeftOut { kind: "encoding", at: Some((1, 1)) },
        },
        Row { name: "a NUL byte", input: file(nul), expected: Expected::LeftOut { kind: "encoding", at: Some((23, 31)) } },
        Row { name: "a 0-byte file", input: file(Vec::new()), expected: Expected::LeftOut { kind: "encoding", at: Some((1, 1)) } },
        Row {
            name: "a 50 MB file",
            input: with_header(HEADER, &format!("{{{{source: gazette}}}}\n{big}")),
            expected: Expected::Parses { provisions: sections, warning: None },
        },
        Row { name: "one line of 5 MB", input: file(long_line.into_bytes()), expected: Expected::Parses { provisions: 1, warning: None } },
        Row {
            name: "10,000 nested list levels",
            input: file(nesting.into_bytes()),
            expected: Expected::Parses { provisions: 1, warning: Some(("deep_nesting", (53, 1))) },
        },
        Row {
            name: "an unterminated metadata block",
            input: file(format!("{}Section 1. Text.\n", HEADER.trim_end().trim_end_matches("+++")).into_bytes()),
            expected: Expected::LeftOut { kind: "metadata", at: Some((1, 1)) },
        },
        Row {
            name: "a metadata field of the wrong type",
            input: header_edit(r#"kind = "act""#, "kind = 3"),
            expected: Expected::LeftOut { kind: "metadata", at: Some((6, 8)) },
        },
        Row {
            name: "an unknown metadata field",
            input: header_edit("adopted = ", "adoptd = "),
            expected: Expected::LeftOut { kind: "metadata", at: Some((7, 1)) },
        },
        Row {
            name: "a duplicate metadata key",
            input: header_edit("adopted = \"2020-01-31\"", "adopted = \"2020-01-31\"\nadopted = \"2021-01-31\""),
            expected: Expected::LeftOut { kind: "metadata", at: Some((8, 1)) },
        },
        Row {
            name: "an unknown jurisdiction",
            input: header_edit(r#"jurisdiction = "PH""#, r#"jurisdiction = "XZ""#),
            expected: Expected::LeftOut { kind: "metadata", at: Some((5, 16)) },
        },
        Row {
            name: "a duplicate instrument id",
            input: Input::File { name: "ZZ-COPY.txt", bytes: palermo },
            expected: Expected::LeftOut { kind: "duplicate_id", at: Some((2, 6)) },
        },
        Row {
            name: "an amends reference to a missing id",
            input: with_header(&relation, BODY),
            expected: Expected::Broken { kind: "relation_target", at: (24, 10) },
        },
        Row {
            name: "a symlink loop in a corpus directory",
            input: Input::Entry { name: "XX-LOOP.txt", make: symlink_loop },
            expected: Expected::LeftOut { kind: "io", at: None },
        },
        Row {
            name: "an unreadable file in a corpus directory",
            input: Input::Entry { name: FIFO, make: fifo },
            expected: Expected::LeftOut { kind: "io", at: None },
        },
        Row {
            name: "a query of 100,000 characters",
            input: Input::Query("x".repeat(100_000)),
            expected: Expected::Refused { says: "the query is 100000 bytes long; at most 10000 are accepted", at: None },
        },
        Row {
            name: "an unknown element id in a filter",
            input: Input::ElementFilter("means.nope"),
            expected: Expected::Refused { says: "invalid element `means.nope`", at: None },
        },
        Row {
            name: "a lexicon with a duplicate surface form",
            input: Input::Lexicon(
                "version = 1\n\n[[elements]]\nid = \"act.transfer\"\nforms = [\"toting\", \"recruiting\"]\n".to_owned(),
            ),
            expected: Expected::Refused { says: "the form `recruiting` is already a form of `act.recruitment`", at: Some((5, 21)) },
        },
        Row {
            name: "a lexicon with a cycle",
            input: Input::Lexicon(
                "version = 1\n\n[[concepts]]\nid = \"bonded_labour\"\naliases = [\"peonage\"]\n\n[[concepts]]\nid = \"peonage\"\naliases = [\"bonded labour\"]\n".to_owned(),
            ),
            expected: Expected::Refused { says: "concepts name each other in a cycle (bonded_labour → peonage → bonded_labour)", at: Some((5, 13)) },
        },
    ]
}

/// The Protocol's corpus file, from the crate that includes this file.
const PALERMO: &str = "../../corpus/instruments/INTL-PALERMO-2000.txt";

/// The row names of README.md's "Bad input" table (its first column, between the markers).
pub fn readme_rows() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).expect("README");
    let table = readme
        .split("<!-- bad-input-matrix -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /bad-input-matrix -->").next())
        .expect("the README marks its bad-input matrix");
    table
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| input ") && !line.starts_with("|---"))
        .map(|line| line.split('|').nth(1).expect("a first column").trim().to_owned())
        .collect()
}

/// A digest of every file under `directory` (names, kinds and contents), to show that an
/// entry point wrote or changed nothing. FIFOs and links are recorded, not read.
pub fn digest(directory: &Path) -> Vec<(String, String)> {
    let mut entries = Vec::new();
    let mut stack = vec![directory.to_owned()];
    while let Some(path) = stack.pop() {
        for entry in std::fs::read_dir(&path).expect("read a directory") {
            let entry = entry.expect("an entry");
            let kind = entry.file_type().expect("a file type");
            let name = entry.path().strip_prefix(directory).expect("inside").display().to_string();
            let what = if kind.is_symlink() {
                format!("link to {}", std::fs::read_link(entry.path()).expect("a link").display())
            } else if kind.is_dir() {
                stack.push(entry.path());
                "directory".to_owned()
            } else if kind.is_file() {
                let bytes = std::fs::read(entry.path()).expect("read");
                let modified = entry.metadata().and_then(|metadata| metadata.modified()).ok();
                format!("{} bytes, hash {:016x}, modified {modified:?}", bytes.len(), hash(&bytes))
            } else {
                "special file".to_owned()
            };
            entries.push((name, what));
        }
    }
    entries.sort();
    entries
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// A scratch directory with a copy of the curated corpus's instrument files as `instruments/`.
pub fn corpus_copy() -> tempfile::TempDir {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/instruments");
    let to = directory.path().join("instruments");
    std::fs::create_dir(&to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("the curated corpus") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
    directory
}

/// Put a row's file or entry into `instruments`; the path it is at.
pub fn place(instruments: &Path, input: &Input) -> Option<std::path::PathBuf> {
    match input {
        Input::File { name, bytes } => {
            let path = instruments.join(name);
            std::fs::write(&path, bytes).expect("write the row's file");
            Some(path)
        }
        Input::Entry { name, make } => {
            let path = instruments.join(name);
            make(&path);
            Some(path)
        }
        _ => None,
    }
}
