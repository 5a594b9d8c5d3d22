//! Per instrument, the provisions the law itself has — written in `tests/outlines/<ID>.txt`
//! by reading each text, not by running the parser — against what the parser finds.

use lexdef::{parse, Corpus};
use lexdef_workspace_tests::{expected_outline, found_outline, outline_difference};

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
        let found = found_outline(&parse(instrument));
        checked += found.len();
        failures.extend(outline_difference(id, &expected, &found));
    }
    assert!(failures.is_empty(), "{} instrument(s) differ:\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 300, "the corpus should hold several hundred provisions, found {checked}");
}
