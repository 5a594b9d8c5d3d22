//! Every kind of bad input gets a specific error (or a warning where work can go on) that
//! names the file, line and column — never a panic, never a silent drop.

#![allow(clippy::type_complexity)]

use lexdef::{parse, Corpus, Error, Instrument, MetadataProblem, WarningKind};

const VALID_HEADER: &str = r#"+++
id = "XX-TEST-2020"
title = "Test Act 2020"
short_title = "Test Act"
jurisdiction = "PH"
kind = "act"
adopted = "2020-01-31"

[language]
code = "en"
status = "official"

[completeness]
status = "complete"
included = ["s 1"]

[[sources]]
key = "gazette"
url = "https://example.org/gazette"
description = "the Gazette"
+++
"#;

const BODY: &str = "{{source: gazette}}\nSection 1. Short title. – This Act is the Test Act 2020.\n";

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
fn an_unterminated_block_is_reported_at_its_opening_line() {
    let file = VALID_HEADER.trim_end().trim_end_matches("+++").to_owned() + "Section 1. Text.\n";
    match error_of(&file) {
        Error::Metadata { location, problem: MetadataProblem::Unterminated, .. } => {
            assert_eq!((location.line, location.column), (1, 1))
        }
        other => panic!("expected an unterminated block, got {other:?}"),
    }
}

#[test]
fn an_unknown_jurisdiction_names_the_code_and_where_it_is() {
    let file = file_with(&VALID_HEADER.replace(r#"jurisdiction = "PH""#, r#"jurisdiction = "XZ""#));
    match error_of(&file) {
        Error::UnknownJurisdiction { location, code } => {
            assert_eq!((code.as_str(), location.line, location.column), ("XZ", 5, 16));
            assert_eq!(location.file, "XX-TEST-2020.txt");
        }
        other => panic!("expected an unknown jurisdiction, got {other:?}"),
    }
}

#[test]
fn encoding_problems_name_the_byte() {
    let valid = file_with(VALID_HEADER).into_bytes();
    let middle = valid.iter().position(|&byte| byte == b'T').expect("a T in the file") + 200;
    // (where, bytes, expected offset)
    let cases: Vec<(&str, Vec<u8>, usize)> = vec![
        ("start", [b"\xff".as_slice(), &valid].concat(), 0),
        ("middle", [&valid[..middle], b"\xc3\x28".as_slice(), &valid[middle..]].concat(), middle),
        ("end", [valid.as_slice(), b"\xe2\x82"].concat(), valid.len()),
    ];
    for (place, bytes, offset) in cases {
        match Instrument::from_bytes("bad.txt", &bytes) {
            Err(Error::InvalidUtf8 { offset: found, location, .. }) => {
                assert_eq!(found, offset, "invalid UTF-8 at the {place}");
                assert_eq!(location.file, "bad.txt");
                let prefix = &bytes[..offset];
                let line = prefix.iter().filter(|&&byte| byte == b'\n').count() + 1;
                assert_eq!(location.line, line, "line of invalid UTF-8 at the {place}");
            }
            other => panic!("invalid UTF-8 at the {place}: expected InvalidUtf8, got {other:?}"),
        }
    }
    assert!(matches!(Instrument::from_bytes("u16.txt", b"\xff\xfe+\x00+\x00"), Err(Error::Utf16 { .. })));
    assert!(matches!(Instrument::from_bytes("nul.txt", b"Section 1.\x00"), Err(Error::NulByte { offset: 10, .. })));
}

#[test]
fn an_empty_file_is_an_error_and_a_blank_one_too() {
    for bytes in [b"".as_slice(), b"  \n\n\t\n"] {
        match Instrument::from_bytes("empty.txt", bytes) {
            Err(Error::EmptyFile { location }) => assert_eq!((location.file.as_str(), location.line), ("empty.txt", 1)),
            other => panic!("expected EmptyFile, got {other:?}"),
        }
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
fn a_fifty_megabyte_statute_parses_whole() {
    let section = "Section 1. Heading. – Whoever recruits, transports, transfers, harbours or receives a person for the purpose of exploitation commits an offence.\n(a) the first case;\n(b) the second case.\n";
    let copies = 50 * 1024 * 1024 / section.len() + 1;
    let mut text = String::with_capacity(copies * (section.len() + 8));
    for number in 0..copies {
        text.push_str(&section.replace("Section 1.", &format!("Section {number}.")));
    }
    assert!(text.len() >= 50 * 1024 * 1024);
    let (instrument, _) = Instrument::from_text("big.txt", &text).expect("a big text is still a text");
    let document = parse(&instrument);
    assert_eq!(document.provisions.len(), copies);
    let last = document.provisions.last().expect("sections");
    assert_eq!(last.eid.as_str(), format!("sec_{}", copies - 1));
    assert_eq!(last.children.len(), 2);
}
