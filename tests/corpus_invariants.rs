//! Invariants that hold for every instrument of the curated corpus: it loads, its text is
//! the sources' words, and its provision tree is well formed over exact spans.

#![allow(clippy::type_complexity)]

use std::collections::HashSet;

use lexdef::{parse, Corpus, Document, Instrument, Provision, WarningKind};
use lexdef_workspace_tests::sources_dir;

/// `../shared/sources-supplements`: further provisions of instruments already in the corpus.
fn supplements_dir() -> std::path::PathBuf {
    sources_dir().with_file_name("sources-supplements")
}

/// The supplements merged into an instrument: those its metadata names, in a source's
/// description, as `sources-supplements/<file>` (the provenance each merge records).
fn supplements_of(instrument: &Instrument) -> Vec<String> {
    let Some(metadata) = instrument.metadata.as_ref() else { return Vec::new() };
    let mut texts = Vec::new();
    if let Ok(entries) = std::fs::read_dir(supplements_dir()) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let named = format!("sources-supplements/{name}");
            if name.ends_with(".txt") && metadata.sources.iter().any(|source| source.description.contains(&named)) {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
    }
    texts
}

fn source_files_of(instrument: &Instrument) -> Vec<String> {
    let id = instrument.id.as_str();
    let base = id.strip_suffix("-BILL").unwrap_or(id);
    let mut texts = Vec::new();
    for name in [format!("{base}.txt"), format!("{base}.v2.txt")] {
        if let Ok(text) = std::fs::read_to_string(sources_dir().join(&name)) {
            texts.push(text);
        }
    }
    // A supplement merged into the instrument is one of its sources too.
    texts.extend(supplements_of(instrument));
    // The one instrument read from `../shared/sources-world`: the Council of Europe Convention,
    // the corpus's second baseline for victim protection. No other world source is allowed.
    if id == WORLD_SOURCED {
        if let Ok(text) =
            std::fs::read_to_string(sources_dir().with_file_name("sources-world").join(format!("{id}.txt")))
        {
            texts.push(text);
        }
    }
    texts
}

/// The instrument of the corpus whose source is in `../shared/sources-world`.
const WORLD_SOURCED: &str = "COE-CATHB-2005";

#[test]
fn the_bundled_corpus_loads_without_errors_or_unexpected_warnings() {
    let corpus = Corpus::bundled();
    assert!(corpus.errors().is_empty(), "{:#?}", corpus.errors());
    assert!(corpus.warnings().is_empty(), "{:#?}", corpus.warnings());
    assert_eq!(corpus.len(), 32);
    // Only the preamble-only ASEAN Declaration has no numbering.
    let unnumbered: Vec<&str> = corpus
        .instruments()
        .filter(|instrument| parse(instrument).warnings.iter().any(|warning| warning.kind == WarningKind::NoNumbering))
        .map(|instrument| instrument.id.as_str())
        .collect();
    assert_eq!(unnumbered, ["ASEAN-DECL-2004"]);
}

#[test]
fn every_source_file_is_in_the_corpus() {
    let corpus = Corpus::bundled();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(sources_dir()).expect("../shared/sources is beside the repository") {
        let name = entry.expect("readable directory entry").file_name().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let stem = name.trim_end_matches(".txt").trim_end_matches(".v2");
        // The Malaysian v2 files are bills: instruments of their own.
        let expected =
            if name.starts_with("MY-") && name.ends_with(".v2.txt") { format!("{stem}-BILL") } else { stem.to_owned() };
        if corpus.get(&expected).is_none() {
            missing.push(format!("{name} → {expected}"));
        }
    }
    assert!(missing.is_empty(), "source files with no corpus instrument: {missing:?}");
}

/// Every line of corpus text occurs, character for character, in one of its source files.
#[test]
fn corpus_text_is_the_sources_words() {
    let corpus = Corpus::bundled();
    let mut failures = Vec::new();
    for instrument in corpus.instruments() {
        let sources = source_files_of(instrument);
        assert!(!sources.is_empty(), "{}: no source file found", instrument.id);
        let source_lines: Vec<&str> = sources.iter().flat_map(|text| text.lines()).collect();
        for (number, line) in instrument.text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if !source_lines.iter().any(|source| source.contains(line)) {
                failures.push(format!("{} text line {}: {line:?}", instrument.id, number + 1));
            }
        }
    }
    assert!(failures.is_empty(), "lines not found in the sources:\n{}", failures.join("\n"));
}

/// The gatherers' notes became markers and metadata; none is left in the law's text.
#[test]
fn no_gatherer_note_is_left_in_the_text() {
    let notes = [
        "[Source",
        "NOT SEEN",
        "NOT FOUND",
        "excerpt ends",
        "not reproduced",
        "[translation",
        "stored copy ends",
        "not obtained]",
        "{{",
        "}}",
    ];
    for instrument in Corpus::bundled().instruments() {
        for note in notes {
            assert!(!instrument.text.contains(note), "{} holds the note {note:?}", instrument.id);
        }
    }
}

#[test]
fn partial_instruments_say_so_and_carry_gaps() {
    for instrument in Corpus::bundled().instruments() {
        let metadata = instrument.metadata.as_ref().expect("corpus instruments have metadata");
        assert!(!metadata.sources.is_empty(), "{} names no source", instrument.id);
        // A complete instrument may leave out whole provisions it does not list as included,
        // but text cut off inside a line makes it partial.
        if instrument.gaps.iter().any(|gap| !gap.own_line) {
            assert!(instrument.is_partial(), "{} has text cut off by a gap but says it is complete", instrument.id);
        }
        if metadata.completeness.status == lexdef::CompletenessStatus::Missing {
            assert!(instrument.text.trim().is_empty(), "{} is missing but has text", instrument.id);
        }
        for gap in &instrument.gaps {
            assert!(!gap.note.is_empty(), "{}: a gap without a note at {}", instrument.id, gap.location);
        }
    }
}

fn check_provision(
    instrument: &Instrument,
    provision: &Provision,
    parent: Option<&Provision>,
    problems: &mut Vec<String>,
) {
    let text = &instrument.text;
    let id = &instrument.id;
    let span = provision.span;
    if span.start > span.end
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        problems.push(format!("{id} {}: span {span:?} is not a slice of the text", provision.eid));
        return;
    }
    let slice = &text[span.range()];
    if slice != slice.trim_end() || slice != slice.trim_start() {
        problems.push(format!("{id} {}: span has surrounding whitespace", provision.eid));
    }
    if let Some(parent) = parent {
        if !parent.span.contains(span) {
            problems.push(format!(
                "{id} {}: span {span:?} outside its parent {} {:?}",
                provision.eid, parent.eid, parent.span
            ));
        }
    }
    if let (Some(heading), Some(heading_span)) = (&provision.heading, provision.heading_span) {
        if !span.contains(heading_span) || &text[heading_span.range()] != heading {
            problems.push(format!("{id} {}: heading {heading:?} is not the text at its span", provision.eid));
        }
    }
    // The printed number is where the provision's line says, exactly as printed.
    if let (Some(num), false) = (&provision.num, provision.number_inferred) {
        if !instrument.file_line_text(provision.line).contains(num.as_str()) {
            problems.push(format!("{id} {}: line {} does not hold its number {num:?}", provision.eid, provision.line));
        }
        if !slice.contains(num.as_str()) {
            problems.push(format!("{id} {}: its text does not hold its number {num:?}", provision.eid));
        }
    }
    for pair in provision.children.windows(2) {
        if pair[0].span.end > pair[1].span.start {
            problems.push(format!("{id}: siblings {} and {} overlap", pair[0].eid, pair[1].eid));
        }
    }
    for child in &provision.children {
        check_provision(instrument, child, Some(provision), problems);
    }
}

fn check_document(instrument: &Instrument, document: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    for provision in &document.provisions {
        check_provision(instrument, provision, None, &mut problems);
    }
    for pair in document.provisions.windows(2) {
        if pair[0].span.end > pair[1].span.start {
            problems.push(format!("{}: top-level {} and {} overlap", instrument.id, pair[0].eid, pair[1].eid));
        }
    }
    let mut seen = HashSet::new();
    for provision in document.walk() {
        if !seen.insert(provision.eid.as_str()) {
            problems.push(format!("{}: eId {} is not unique", instrument.id, provision.eid));
        }
    }
    // Nothing is dropped: every non-blank line of the text lies in a top-level provision.
    let mut offset = 0;
    for line in instrument.text.split_inclusive('\n') {
        let content = line.trim();
        if !content.is_empty() {
            let start = offset + line.find(content).expect("trimmed content is in its line");
            let covered = document
                .provisions
                .iter()
                .any(|provision| provision.span.start <= start && start + content.len() <= provision.span.end);
            if !covered {
                problems.push(format!("{}: text {content:?} belongs to no provision", instrument.id));
            }
        }
        offset += line.len();
    }
    for gap in &document.gaps {
        if let Some(eid) = &gap.within {
            let provision = document.find(eid.as_str()).expect("a gap's provision is in the document");
            if !provision.incomplete {
                problems.push(format!("{}: {eid} holds a gap but is not marked incomplete", instrument.id));
            }
        }
    }
    problems
}

#[test]
fn every_provision_tree_is_well_formed_over_exact_spans() {
    let mut problems = Vec::new();
    for instrument in Corpus::bundled().instruments() {
        problems.extend(check_document(instrument, &parse(instrument)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The shape of a tree, for comparing parses of the same text written differently.
fn shape(document: &Document) -> Vec<String> {
    document
        .walk()
        .map(|provision| {
            let heading =
                provision.heading.as_deref().map(|heading| heading.split_whitespace().collect::<Vec<_>>().join(" "));
            format!("{} {:?} {:?} {:?} {}", provision.eid, provision.kind, provision.number, heading, provision.quoted)
        })
        .collect()
}

fn body_transformed(file: &[u8], transform: impl Fn(&str) -> String) -> Vec<u8> {
    let text = std::str::from_utf8(file).expect("corpus files are UTF-8");
    let mut parts = text.splitn(3, "+++\n");
    let (_, header, body) = (parts.next(), parts.next().expect("header"), parts.next().expect("body"));
    format!("+++\n{header}+++\n{}", transform(body)).into_bytes()
}

#[test]
fn line_endings_bom_tabs_nbsp_dashes_and_quotes_do_not_change_the_tree() {
    let directory = lexdef_workspace_tests::workspace_root().join("corpus/instruments");
    let variants: Vec<(&str, Box<dyn Fn(&[u8]) -> Vec<u8>>)> = vec![
        ("crlf", Box::new(|file: &[u8]| String::from_utf8_lossy(file).replace('\n', "\r\n").into_bytes())),
        ("bom", Box::new(|file: &[u8]| [b"\xEF\xBB\xBF".as_slice(), file].concat())),
        ("nbsp", Box::new(|file: &[u8]| body_transformed(file, |body| body.replace(' ', "\u{a0}")))),
        ("tabs", Box::new(|file: &[u8]| body_transformed(file, |body| body.replace(". ", ".\t").replace(") ", ")\t")))),
        ("dashes", Box::new(|file: &[u8]| body_transformed(file, |body| body.replace('—', "–")))),
        ("quotes", Box::new(|file: &[u8]| body_transformed(file, |body| body.replace(['“', '”'], "\"")))),
    ];
    let mut differences = Vec::new();
    for entry in std::fs::read_dir(&directory).expect("corpus directory") {
        let path = entry.expect("entry").path();
        let file = std::fs::read(&path).expect("corpus file");
        let name = path.file_name().expect("file name").to_string_lossy().into_owned();
        let (original, _) = Instrument::from_bytes(&name, &file).expect("corpus files load");
        let expected = shape(&parse(&original));
        for (variant, transform) in &variants {
            let (changed, _) = Instrument::from_bytes(&name, &transform(&file))
                .unwrap_or_else(|error| panic!("{name} ({variant}): {error}"));
            let document = parse(&changed);
            let found = shape(&document);
            if found != expected {
                let first = expected.iter().zip(&found).find(|(left, right)| left != right);
                differences.push(format!(
                    "{name}: the {variant} variant parses differently: {first:?} ({} vs {} provisions)",
                    expected.len(),
                    found.len()
                ));
            }
            let problems = check_document(&changed, &document);
            if !problems.is_empty() {
                differences.push(format!("{name} ({variant}): {}", problems.join("; ")));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
