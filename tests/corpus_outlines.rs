//! Per instrument, the provisions the law itself has — written in `tests/outlines/<ID>.txt`
//! by reading each text, not by running the parser — against what the parser finds.

use lexdef::{parse, Corpus, ProvisionKind};
use lexdef_workspace_tests::{designator, expected_outline, OutlineEntry};

fn found_outline(document: &lexdef::Document) -> Vec<OutlineEntry> {
    document
        .walk()
        .filter(|provision| !matches!(provision.kind, ProvisionKind::Preamble | ProvisionKind::Body))
        .map(|provision| OutlineEntry {
            eid: provision.eid.to_string(),
            number: provision.num.as_deref().map(designator).unwrap_or_default(),
            quoted: provision.quoted,
        })
        .collect()
}

#[test]
fn every_instrument_has_the_provisions_its_law_has() {
    let corpus = Corpus::bundled();
    assert!(corpus.errors().is_empty(), "{:#?}", corpus.errors());
    let mut failures = Vec::new();
    let mut checked = 0;
    for instrument in corpus.instruments() {
        let id = instrument.id.as_str();
        let Some(expected) = expected_outline(id) else {
            failures.push(format!("{id}: no tests/outlines/{id}.txt"));
            continue;
        };
        let expected: Vec<OutlineEntry> =
            expected.into_iter().map(|entry| OutlineEntry { number: designator(&entry.number), ..entry }).collect();
        let found = found_outline(&parse(instrument));
        checked += found.len();
        if found != expected {
            let mut report = format!("{id}: outline differs (expected | found)\n");
            for index in 0..expected.len().max(found.len()) {
                let show = |entry: Option<&OutlineEntry>| {
                    entry.map_or("-".to_owned(), |entry| {
                        format!("{} {}{}", entry.eid, entry.number, if entry.quoted { " quoted" } else { "" })
                    })
                };
                let (left, right) = (show(expected.get(index)), show(found.get(index)));
                let mark = if left == right { " " } else { "≠" };
                report.push_str(&format!("  {mark} {left:<60} | {right}\n"));
            }
            failures.push(report);
        }
    }
    assert!(failures.is_empty(), "{} instrument(s) differ:\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 300, "the corpus should hold several hundred provisions, found {checked}");
}
