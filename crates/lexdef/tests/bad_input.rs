//! Every kind of bad input gets a specific error (or a warning where work can go on) that
//! names the file, line and column — never a panic, never a silent drop. The bad-input
//! matrix (`matrix/rows.rs`, README "Bad input") is driven through the core API here.

#![allow(clippy::type_complexity)]

mod matrix {
    pub mod rows;
}

use std::path::Path;
use std::sync::OnceLock;

use lexdef::{parse, Corpus, Error, Filters, Index, Instrument, Lexicon, MetadataProblem, WarningKind};
use matrix::rows::{self, Expected, Input, Row};

use rows::{BODY, HEADER as VALID_HEADER};

fn file_with(header: &str) -> String {
    format!("{header}{BODY}")
}

fn error_of(file: &str) -> Error {
    match Instrument::from_bytes("XX-TEST-2020.txt", file.as_bytes()) {
        Ok(_) => panic!("expected an error for:\n{file}"),
        Err(error) => error,
    }
}

fn metadata_error(header: &str) -> (MetadataProblem, Option<String>, usize, usize, String) {
    match error_of(&file_with(header)) {
        Error::Metadata { location, problem, field, message } => {
            (problem, field, location.line, location.column, message)
        }
        other => panic!("expected a metadata error, got {other:?}"),
    }
}

#[test]
fn a_valid_file_loads() {
    let (instrument, warnings) =
        Instrument::from_bytes("XX-TEST-2020.txt", file_with(VALID_HEADER).as_bytes()).expect("valid");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(instrument.id.as_str(), "XX-TEST-2020");
    assert_eq!(parse(&instrument).provisions[0].eid.as_str(), "sec_1");
}

#[test]
fn metadata_problems_name_line_and_field() {
    // (what is wrong, header, expected problem, field, line, column)
    let table: Vec<(&str, String, MetadataProblem, Option<&str>, usize, usize)> = vec![
        ("wrong type", VALID_HEADER.replace(r#"kind = "act""#, "kind = 3"), MetadataProblem::WrongType, Some("kind"), 6, 8),
        ("unknown field", VALID_HEADER.replace("adopted = ", "adoptd = "), MetadataProblem::UnknownField, Some("adoptd"), 7, 1),
        ("duplicate key", VALID_HEADER.replace("adopted = \"2020-01-31\"", "adopted = \"2020-01-31\"\nadopted = \"2021-01-31\""), MetadataProblem::DuplicateKey, Some("adopted"), 8, 1),
        ("missing field", VALID_HEADER.replace("title = \"Test Act 2020\"\n", ""), MetadataProblem::MissingField, Some("title"), 2, 1),
        ("bad date", VALID_HEADER.replace("2020-01-31", "31 January 2020"), MetadataProblem::InvalidValue, Some("adopted"), 7, 11),
        ("impossible date", VALID_HEADER.replace("2020-01-31", "2020-02-30"), MetadataProblem::InvalidValue, Some("adopted"), 7, 11),
        ("unknown kind", VALID_HEADER.replace(r#"kind = "act""#, r#"kind = "statute""#), MetadataProblem::InvalidValue, Some("kind"), 6, 8),
        ("syntax", VALID_HEADER.replace("short_title = \"Test Act\"", "short_title = \"Test Act"), MetadataProblem::Syntax, Some("short_title"), 4, 24),
        ("bad id", VALID_HEADER.replace("XX-TEST-2020", "xx test"), MetadataProblem::InvalidValue, Some("id"), 2, 6),
        ("no sources", VALID_HEADER.replace("[[sources]]\nkey = \"gazette\"\nurl = \"https://example.org/gazette\"\ndescription = \"the Gazette\"\n", "").replace("adopted = \"2020-01-31\"", "adopted = \"2020-01-31\"\nsources = []"), MetadataProblem::MissingField, Some("sources"), 2, 1),
    ];
    for (what, header, problem, field, line, column) in table {
        let (found_problem, found_field, found_line, found_column, message) = metadata_error(&header);
        assert_eq!(
            (found_problem, found_field.as_deref(), found_line, found_column),
            (problem, field, line, column),
            "{what}: {message}"
        );
    }
}

#[test]
fn a_bare_text_parses_with_a_warning() {
    let (instrument, warnings) =
        Instrument::from_bytes("draft.txt", b"Section 1. Short title.\n(1) This Act is the Draft.\n")
            .expect("a bare text is fine");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].kind, WarningKind::MissingMetadata);
    assert_eq!(warnings[0].location.file, "draft.txt");
    assert!(parse(&instrument).find("sec_1__subsec_1").is_some());
}

#[test]
fn marker_problems_are_located() {
    let cases = [
        ("{{gap: never closed\n", "unterminated marker", 22, 1),
        ("{{note: a gatherer's note}}\n", "unknown marker", 22, 1),
        ("Text {{source: nowhere}}\n", "names no `[[sources]]` entry", 22, 6),
        ("{{number: | why}}\n", "needs a label", 22, 1),
    ];
    for (body, expected, line, column) in cases {
        let file = format!("{VALID_HEADER}{body}");
        match error_of(&file) {
            Error::Marker { location, message } => {
                assert!(message.contains(expected), "{body:?}: {message}");
                assert_eq!((location.line, location.column), (line, column), "{body:?}");
            }
            other => panic!("{body:?}: expected a marker error, got {other:?}"),
        }
    }
}

#[test]
fn a_missing_instrument_cannot_have_text() {
    let header = VALID_HEADER.replace("status = \"complete\"", "status = \"missing\"");
    match error_of(&file_with(&header)) {
        Error::Metadata { problem: MetadataProblem::InvalidValue, field, .. } => {
            assert_eq!(field.as_deref(), Some("completeness.status"))
        }
        other => panic!("expected an invalid completeness, got {other:?}"),
    }
}

#[test]
fn a_corpus_keeps_loading_past_bad_files_and_reports_each() {
    let good = file_with(VALID_HEADER);
    let other = file_with(&VALID_HEADER.replace("XX-TEST-2020", "XX-OTHER-2021").replace(
        "description = \"the Gazette\"",
        "description = \"the Gazette\"\n\n[[relations]]\nkind = \"amends\"\ntarget = \"XX-MISSING-1999\"",
    ));
    let duplicate = file_with(VALID_HEADER);
    let files = vec![
        ("XX-TEST-2020.txt".to_owned(), good.into_bytes()),
        ("broken.txt".to_owned(), b"+++\nid = \"XX-BROKEN\"\n".to_vec()),
        ("XX-OTHER-2021.txt".to_owned(), other.into_bytes()),
        ("copy/XX-TEST-2020.txt".to_owned(), duplicate.into_bytes()),
        ("latin1.txt".to_owned(), b"Section 1. Caf\xe9".to_vec()),
        ("bare.txt".to_owned(), b"Section 1. Not a corpus file.".to_vec()),
    ];
    let corpus = Corpus::from_files(files);
    let ids: Vec<&str> = corpus.instruments().map(|instrument| instrument.id.as_str()).collect();
    assert_eq!(ids, ["XX-OTHER-2021", "XX-TEST-2020"]);
    let errors: Vec<(&str, &str)> =
        corpus.errors().iter().map(|error| (error.file.as_str(), error.message.as_str())).collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    let expect = |file: &str, words: &str| {
        assert!(
            errors.iter().any(|(found, message)| *found == file && message.contains(words)),
            "no error for {file} saying {words:?}: {errors:#?}"
        );
    };
    expect("broken.txt", "never closed");
    expect(
        "copy/XX-TEST-2020.txt",
        "duplicate instrument id `XX-TEST-2020`; it is already used by XX-TEST-2020.txt:2:6",
    );
    expect("latin1.txt", "invalid UTF-8 at byte 14");
    expect("bare.txt", "needs a metadata block");
    expect("XX-OTHER-2021.txt", "`amends` points at `XX-MISSING-1999`, which is not in the corpus");
}

#[test]
fn a_corpus_directory_that_cannot_be_read_is_an_error() {
    match Corpus::load(std::path::Path::new("/nonexistent/lexdef/corpus")) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("corpus")),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn an_empty_file_is_an_error_and_a_blank_one_too() {
    // The 0-byte file is a row of the matrix; a file of blanks is refused the same way.
    match Instrument::from_bytes("empty.txt", b"  \n\n\t\n") {
        Err(Error::EmptyFile { location }) => assert_eq!((location.file.as_str(), location.line), ("empty.txt", 1)),
        other => panic!("expected EmptyFile, got {other:?}"),
    }
}

fn serialised<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).expect("serialises").as_str().expect("a name").to_owned()
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build(&Corpus::bundled(), &Lexicon::bundled()).expect("the bundled corpus indexes"))
}

/// A row whose input is a file or an entry of a corpus directory, through `Corpus::load`,
/// `Corpus::load_strict` and `Instrument::read`.
fn corpus_row(row: &Row) {
    let name = row.name;
    let scratch = rows::corpus_copy();
    let instruments = scratch.path().join("instruments");
    let path = rows::place(&instruments, &row.input).expect("a file row");
    let before = rows::digest(scratch.path());
    let corpus = Corpus::load(scratch.path()).unwrap_or_else(|error| panic!("{name}: the directory loads: {error}"));
    let curated = corpus.instruments().filter(|instrument| !instrument.id.as_str().starts_with("XX-")).count();
    assert_eq!(curated, 32, "{name}: the rest of the corpus loads");
    let file = path.display().to_string();
    let at = |location: Option<&lexdef::Location>| location.map(|location| (location.line, location.column));
    match row.expected {
        Expected::LeftOut { kind, at: place } => {
            assert_eq!(corpus.len(), 32, "{name}: the file is left out");
            let [error] = corpus.errors() else { panic!("{name}: one error, got {:#?}", corpus.errors()) };
            assert_eq!((serialised(error.kind), error.file.as_str()), (kind.to_owned(), file.as_str()), "{name}");
            assert_eq!(at(error.location.as_ref()), place, "{name}: {}", error.message);
            if let Some(location) = &error.location {
                assert_eq!(location.file, file, "{name}: the location names the file");
            }
            assert!(error.message.contains(&file), "{name}: the message names the file: {}", error.message);
            match Corpus::load_strict(scratch.path()) {
                Err(Error::IncompleteCorpus { count: 1, location, .. }) => {
                    assert_eq!(at(location.as_ref()), place, "{name}")
                }
                other => panic!("{name}: a strict load fails, got {other:?}"),
            }
            // The file alone: a duplicate id is a problem of the corpus, not of the file; a
            // FIFO named on its own is read as asked (that is how `/dev/stdin` works).
            if kind != "duplicate_id" && !row.input.is_fifo() {
                match Instrument::read(&path) {
                    Err(error) => {
                        assert_eq!(at(error.location()), place, "{name}: {error}");
                        assert!(error.to_string().contains(&file), "{name}: {error}");
                    }
                    Ok(_) => panic!("{name}: the file alone is refused too"),
                }
            }
        }
        Expected::Broken { kind, at: place } => {
            assert_eq!(corpus.len(), 33, "{name}: the file itself loads");
            let [error] = corpus.errors() else { panic!("{name}: one error, got {:#?}", corpus.errors()) };
            assert_eq!(serialised(error.kind), kind, "{name}");
            assert_eq!(at(error.location.as_ref()), Some(place), "{name}: {}", error.message);
            assert!(!error.kind.file_left_out(), "{name}");
        }
        Expected::Parses { provisions, warning } => {
            assert!(corpus.errors().is_empty(), "{name}: {:#?}", corpus.errors());
            let instrument = corpus.get("XX-TEST-2020").expect("the file loads");
            let document = parse(instrument);
            assert!(document.walk().count() >= provisions, "{name}: {} provisions", document.walk().count());
            let warnings: Vec<(String, (usize, usize))> = document
                .warnings
                .iter()
                .map(|warning| (serialised(warning.kind), (warning.location.line, warning.location.column)))
                .collect();
            match warning {
                Some((kind, place)) => assert_eq!(warnings, [(kind.to_owned(), place)], "{name}"),
                None => assert!(warnings.is_empty(), "{name}: {warnings:?}"),
            }
        }
        Expected::Refused { .. } => panic!("{name}: a file row is not refused as a call"),
    }
    assert_eq!(rows::digest(scratch.path()), before, "{name}: nothing was written or changed");
}

#[test]
fn the_bad_input_matrix_through_the_core_api() {
    let rows = rows::rows();
    let names: Vec<String> = rows.iter().map(|row| row.name.to_owned()).collect();
    assert_eq!(names, rows::readme_rows(), "the rows are the README's table");
    for row in &rows {
        let name = row.name;
        match (&row.input, row.expected) {
            (Input::File { .. } | Input::Entry { .. }, _) => corpus_row(row),
            (Input::Query(query), Expected::Refused { says, at: None }) => {
                match index().search(query, &Filters::default(), 10) {
                    Err(error @ Error::Query { .. }) => assert!(error.to_string().contains(says), "{name}: {error}"),
                    other => panic!("{name}: expected a query error, got {other:?}"),
                }
            }
            (Input::ElementFilter(id), Expected::Refused { says, at: None }) => match Lexicon::bundled().element(id) {
                Err(error @ Error::InvalidValue { .. }) => assert!(error.to_string().contains(says), "{name}: {error}"),
                other => panic!("{name}: expected an invalid value, got {other:?}"),
            },
            (Input::Lexicon(text), Expected::Refused { says, at: Some(place) }) => {
                let mut lexicon = Lexicon::bundled();
                match lexicon.extend_from_toml(text, "mine.toml") {
                    Err(Error::Lexicon { location, message }) => {
                        assert!(message.contains(says), "{name}: {message}");
                        assert_eq!(
                            (location.file.as_str(), location.line, location.column),
                            ("mine.toml", place.0, place.1),
                            "{name}"
                        );
                    }
                    other => panic!("{name}: expected a lexicon error, got {other:?}"),
                }
                // A refused extension leaves nothing half-added to the lexicon it extended.
                let bundled = Lexicon::bundled();
                assert!(lexicon.concept_ids().eq(bundled.concept_ids()), "{name}: no concept added");
                assert!(lexicon.find_elements("toting", None).is_empty(), "{name}: no form added");
                assert_eq!(lexicon.concept_of("peonage"), None, "{name}: no alias added");
            }
            _ => panic!("{name}: no driver for this row"),
        }
    }
}

#[test]
fn a_fifo_named_on_its_own_is_read_as_asked() {
    // In a directory a FIFO is refused (the matrix); named explicitly it is read, which is
    // how `lexdef parse /dev/stdin` and `<(...)` work.
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let path = scratch.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(status.success());
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || std::fs::write(path, "Section 1. Short title.\n").expect("write to the FIFO"))
    };
    let (instrument, _) = Instrument::read(Path::new(&path)).expect("a FIFO with a writer is read");
    writer.join().expect("the writer finished");
    assert_eq!(parse(&instrument).provisions[0].eid.as_str(), "sec_1");
}
