//! Akoma Ntoso out and in, driven by the corpus: every bundled instrument's AKN keeps its
//! text exactly, validates against the AKN 3.0 schema, and reads back into the same tree.

use std::path::{Path, PathBuf};
use std::process::Command;

use lexdef::{Corpus, Document, Instrument, Provision};

fn written(corpus: &Corpus) -> Vec<(&Instrument, Document, String)> {
    corpus
        .instruments()
        .map(|instrument| {
            let document = lexdef::parse(instrument);
            let xml = lexdef::akn::write(instrument, &document)
                .unwrap_or_else(|error| panic!("{} cannot be written as AKN: {error}", instrument.id));
            (instrument, document, xml)
        })
        .collect()
}

/// The body's text with the tags taken out (and the gaps' remarks, whose words are the
/// corpus's notes), entities resolved: a reader independent of lexdef's.
fn stripped_body(xml: &str) -> String {
    let open = xml.find("lexdef:text=\"exact\">").expect("the body is marked exact") + "lexdef:text=\"exact\">".len();
    let close = xml.rfind("</body>").or_else(|| xml.rfind("</mainBody>")).expect("the body closes");
    let mut body = &xml[open..close];
    let mut without_remarks = String::new();
    while let Some(start) = body.find("<remark ") {
        without_remarks.push_str(&body[..start]);
        let end = body[start..].find("</remark>").expect("a remark closes") + start + "</remark>".len();
        body = &body[end..];
    }
    without_remarks.push_str(body);
    let mut text = String::new();
    let mut rest = without_remarks.as_str();
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let end = rest[start..].find('>').expect("a tag closes") + start + 1;
        rest = &rest[end..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#13;", "\r").replace("&amp;", "&")
}

#[test]
fn every_character_of_every_bundled_text_is_in_its_akn_in_order() {
    let corpus = Corpus::bundled();
    let written = written(&corpus);
    assert_eq!(written.len(), 32, "the bundled corpus has 32 instruments");
    for (instrument, _, xml) in &written {
        let text = stripped_body(xml);
        if text != instrument.text {
            let differs = text.chars().zip(instrument.text.chars()).take_while(|(a, b)| a == b).count();
            let at: String = instrument.text.chars().skip(differs.saturating_sub(20)).take(60).collect();
            panic!(
                "{}: the AKN body's text differs from the instrument's at character {differs}, near {at:?}",
                instrument.id
            );
        }
    }
}

/// The AKN 3.0 schema as the `cobalt` package ships it (installed into .venv by
/// tests/run-all.sh from bindings/python/requirements-test.txt), or `LEXDEF_AKN_XSD`.
fn schema() -> PathBuf {
    if let Some(path) = std::env::var_os("LEXDEF_AKN_XSD") {
        return PathBuf::from(path);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let lib = root.join(".venv/lib");
    let found = std::fs::read_dir(&lib).ok().and_then(|entries| {
        entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path().join("site-packages/cobalt/xsd/akomantoso30.xsd"))
            .find(|path| path.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "the AKN 3.0 schema was not found in {}/python*/site-packages/cobalt/xsd/akomantoso30.xsd: \
             run tests/run-all.sh (it installs bindings/python/requirements-test.txt, which pins cobalt, into .venv), \
             or `python3 -m venv .venv && .venv/bin/pip install -r bindings/python/requirements-test.txt`, \
             or set LEXDEF_AKN_XSD to the path of akomantoso30.xsd",
            lib.display()
        )
    })
}

#[test]
fn every_bundled_instrument_validates_against_the_akn_schema() {
    let schema = schema();
    let corpus = Corpus::bundled();
    let directory = tempfile::tempdir().expect("a temporary directory");
    let mut files = Vec::new();
    for (instrument, _, xml) in written(&corpus) {
        let path = directory.path().join(format!("{}.xml", instrument.id));
        std::fs::write(&path, xml).expect("the AKN is written");
        files.push(path);
    }
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .args(&files)
        .output()
        .expect("xmllint runs (tests/run-all.sh installs it: Debian package libxml2-utils)");
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "AKN output does not validate against {}:\n{report}", schema.display());
    assert_eq!(report.matches(" validates").count(), 32, "{report}");
}

#[test]
fn the_law_at_a_date_is_written_as_valid_akn_with_its_text() {
    // Each version of the Philippine chain (RA 9208 as adopted, as amended by RA 10364, by
    // RA 11862), consolidated from the corpus files, as an AKN document.
    let schema = schema();
    let corpus = Corpus::bundled();
    let history = lexdef::History::of(&corpus, "PH-RA9208-2003").expect("RA 9208 is bundled");
    let directory = tempfile::tempdir().expect("a temporary directory");
    let mut files = Vec::new();
    for (index, version) in history.versions.iter().enumerate() {
        let document = lexdef::parse(&version.instrument);
        let xml = lexdef::akn::write(&version.instrument, &document).expect("a version is written as AKN");
        let (read, _) = lexdef::akn::read("version.xml", xml.as_bytes()).expect("and reads back");
        assert_eq!(read.text, version.instrument.text, "version {index}: the text");
        let path = directory.path().join(format!("version-{index}.xml"));
        std::fs::write(&path, xml).expect("the AKN is written");
        files.push(path);
    }
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .args(&files)
        .output()
        .expect("xmllint runs");
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{report}");
    assert_eq!(report.matches(" validates").count(), 3, "{report}");
}

/// A provision without its line (the line of the XML file, not of the corpus file).
fn without_lines(provision: &Provision) -> Provision {
    let mut copy = provision.clone();
    copy.line = 0;
    copy.children = provision.children.iter().map(without_lines).collect();
    copy
}

#[test]
fn every_bundled_instrument_reads_back_from_its_akn_into_the_same_tree_and_text() {
    let corpus = Corpus::bundled();
    for (instrument, document, xml) in written(&corpus) {
        let file = format!("{}.xml", instrument.id);
        let (read, _) = lexdef::akn::read(&file, xml.as_bytes())
            .unwrap_or_else(|error| panic!("{}: its AKN does not read back: {error}", instrument.id));
        assert_eq!(read.id, instrument.id);
        assert_eq!(read.text, instrument.text, "{}: the text", instrument.id);
        assert_eq!(
            serde_json::to_value(&read.metadata).expect("metadata serialises"),
            serde_json::to_value(&instrument.metadata).expect("metadata serialises"),
            "{}: the metadata",
            instrument.id
        );
        let again = lexdef::parse(&read);
        // The first provision that differs, named, before the whole trees.
        for (before, after) in document.walk().zip(again.walk()) {
            let shallow = |provision: &Provision| Provision { children: Vec::new(), ..without_lines(provision) };
            assert_eq!(shallow(after), shallow(before), "{}: provision {}", instrument.id, before.eid);
        }
        let expected: Vec<Provision> = document.provisions.iter().map(without_lines).collect();
        let got: Vec<Provision> = again.provisions.iter().map(without_lines).collect();
        assert_eq!(got, expected, "{}: the provision tree", instrument.id);
        let gaps = |document: &Document| {
            document
                .gaps
                .iter()
                .map(|gap| (gap.kind, gap.offset, gap.note.clone(), gap.within.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(gaps(&again), gaps(&document), "{}: the gaps", instrument.id);
        let read_gaps: Vec<_> =
            read.gaps.iter().map(|gap| (gap.kind, gap.offset, gap.note.clone(), gap.own_line)).collect();
        let gaps: Vec<_> =
            instrument.gaps.iter().map(|gap| (gap.kind, gap.offset, gap.note.clone(), gap.own_line)).collect();
        assert_eq!(read_gaps, gaps, "{}: the instrument's gaps", instrument.id);
        // Every span still quotes the same words.
        for (before, after) in document.walk().zip(again.walk()) {
            assert_eq!(&read.text[after.span.range()], &instrument.text[before.span.range()]);
        }
    }
}

#[test]
fn an_akn_document_of_another_tool_is_read_as_its_elements_say() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/akn/another-tool.xml");
    let (instrument, _) = Instrument::read(&file).expect("the hand-written document reads");
    assert_eq!(instrument.id.as_str(), "ZA-ACT-2021-7");
    let metadata = instrument.metadata.as_ref().expect("metadata from the FRBR identification");
    assert_eq!(metadata.jurisdiction.as_str(), "ZA");
    assert_eq!(metadata.language.code, "en");
    assert_eq!(metadata.title, "Made-up Harbour Lights Act, 2021");
    assert_eq!(metadata.adopted.as_ref().map(ToString::to_string).as_deref(), Some("2021-03-04"));
    let document = lexdef::parse(&instrument);
    let outline: Vec<(String, Option<String>, Option<String>)> = document
        .walk()
        .map(|provision| (provision.eid.to_string(), provision.num.clone(), provision.heading.clone()))
        .collect();
    assert_eq!(
        outline,
        [
            ("chp_1".to_owned(), Some("1".to_owned()), Some("Preliminary".to_owned())),
            ("chp_1__sec_1".to_owned(), Some("1.".to_owned()), Some("Definitions".to_owned())),
            ("chp_1__sec_1__subsec_1".to_owned(), Some("(1)".to_owned()), None),
            ("chp_1__sec_1__subsec_1__para_a".to_owned(), Some("(a)".to_owned()), None),
            ("chp_1__sec_1__subsec_1__para_b".to_owned(), Some("(b)".to_owned()), None),
            ("chp_1__sec_2".to_owned(), Some("2.".to_owned()), Some("Lamps".to_owned())),
        ]
    );
    let section_2 = document.find("chp_1__sec_2").expect("section 2");
    assert_eq!(&instrument.text[section_2.span.range()], "2. Lamps\nEvery lamp must be lit at dusk & put out at dawn.");
    let paragraph = document.find("chp_1__sec_1__subsec_1__para_a").expect("paragraph (a)");
    assert_eq!(&instrument.text[paragraph.span.range()], "(a) \"lamp\" means a light on the harbour wall; and");
    assert_eq!(paragraph.number.as_deref(), Some("a"));
    // A corpus directory reads it beside the text files.
    let directory = tempfile::tempdir().expect("a temporary directory");
    std::fs::copy(&file, directory.path().join("another-tool.xml")).expect("copied");
    let corpus = Corpus::load(directory.path()).expect("the directory reads");
    assert!(corpus.get("ZA-ACT-2021-7").is_some(), "{:?}", corpus.errors());
}

#[test]
fn bad_akn_is_an_error_with_file_line_and_column_never_a_panic() {
    let table = [
        ("<akomaNtoso>\n  <act name=\"act\">\n    <body><section eId=\"sec_1\"></p>\n", 3, "malformed XML"),
        ("<akomaNtoso><act>\n<body><section eId=\"sec_1\">", 2, "ends inside"),
        ("<?xml version=\"1.0\"?>\n<html><body/></html>", 2, "not an Akoma Ntoso document"),
        ("<akomaNtoso><act><body><p>&nbsp;</p></body></act></akomaNtoso>", 1, "unknown entity"),
        ("<akomaNtoso><act><body><p a=\"1></p></body></act></akomaNtoso>", 1, "malformed XML"),
        ("<akomaNtoso><act><body/></act></akomaNtoso>", 1, "FRBRWork"),
    ];
    let deep = format!("<akomaNtoso><act><body>\n{}", "<section>".repeat(100_000));
    let error = Instrument::from_bytes("deep.xml", deep.as_bytes()).expect_err("too deep");
    assert!(error.to_string().starts_with("deep.xml:2:"), "{error}");
    assert!(error.to_string().contains("nested more than"), "{error}");
    for (xml, line, words) in table {
        let error = Instrument::from_bytes("bad.xml", xml.as_bytes()).expect_err(xml);
        let location = error.location().unwrap_or_else(|| panic!("{xml}: no location in {error}"));
        assert_eq!((location.file.as_str(), location.line), ("bad.xml", line), "{xml}: {error}");
        assert!(error.to_string().contains(words), "{xml}: {error}");
    }
}
