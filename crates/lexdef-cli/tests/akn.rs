//! `lexdef parse --format akn` and `lexdef parse FILE.xml`: Akoma Ntoso out and back in.

use std::process::Output;

mod support;

use support::lexdef;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The eIds of an outline, in order.
fn eids(outline: &str) -> Vec<String> {
    outline
        .lines()
        .filter_map(|line| line.rsplit_once("  [").map(|(_, rest)| rest.split(']').next().unwrap_or("").to_owned()))
        .collect()
}

#[test]
fn an_instrument_written_as_akn_reads_back_into_the_same_outline() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let output = lexdef(directory.path(), &["parse", "PH-RA9208-2003", "--format", "akn"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let xml = stdout(&output);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso"), "{xml}");
    assert!(xml.contains("<FRBRcountry value=\"ph\"/>"));
    assert!(xml.contains("<section eId=\"sec_3\""));
    std::fs::write(directory.path().join("ra9208.xml"), &xml).expect("written");

    let original = lexdef(directory.path(), &["parse", "PH-RA9208-2003"]);
    let read = lexdef(directory.path(), &["parse", "ra9208.xml"]);
    assert_eq!(read.status.code(), Some(0), "{}", stderr(&read));
    let (original, read) = (stdout(&original), stdout(&read));
    assert!(read.starts_with("PH-RA9208-2003 — "), "{read}");
    assert!(eids(&original).len() >= 5, "{original}");
    assert_eq!(eids(&read), eids(&original));
}

#[test]
fn akn_needs_one_instrument_and_bad_xml_is_located() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let whole = lexdef(directory.path(), &["parse", "--format", "akn"]);
    assert_eq!(whole.status.code(), Some(2));
    assert!(stderr(&whole).contains("`--format akn` writes one instrument"), "{}", stderr(&whole));

    std::fs::write(directory.path().join("bad.xml"), "<akomaNtoso>\n<act name=\"act\">\n<body></act>\n")
        .expect("written");
    let bad = lexdef(directory.path(), &["parse", "bad.xml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("bad.xml:3:"), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("malformed XML"), "{}", stderr(&bad));
}
