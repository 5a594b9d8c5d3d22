//! Property tests of the parser's invariants on generated statutes (and on the curated
//! corpus's own texts, varied):
//!
//! - every provision's span lies inside the text and inside its parent's, siblings do not
//!   overlap, and every eId is unique;
//! - every piece of evidence (elements, qualifiers, definitions) is the text at its span;
//! - `parse` is unchanged by a byte-order mark, CRLF line endings and non-breaking spaces.
//!   "Unchanged" means: the same tree (the same eIds, in the same order and nesting, with the
//!   same kinds, numbers and headings once the variation is undone), and every span maps —
//!   the variant's text at the provision's span, with the variation undone, is the
//!   original's text at the original span;
//! - a report does not depend on the order the corpus files are given in.
//!
//! Case counts keep the whole file to seconds.

use lexdef::{extract_definitions, parse, Corpus, Document, Instrument, Lexicon, ModelBuilder, Provision, Study};
use proptest::prelude::*;

/// A provision of a generated statute: a line, then its children.
#[derive(Debug, Clone)]
struct Generated {
    line: String,
    children: Vec<Generated>,
}

fn words() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(vec![
        "the",
        "recruitment",
        "of",
        "persons",
        "by",
        "means",
        "includes",
        "force",
        "fraud",
        "child",
        "for",
        "purpose",
        "exploitation",
        "forced",
        "labour",
        "harbouring",
        "under",
        "eighteen",
        "years",
        "age",
        "consent",
        "shall",
        "mean",
        "section",
        "“",
        "”",
        "—",
        "–",
        ";",
        ",",
        "(",
        ")",
        "18",
        "and",
        "or",
    ]);
    proptest::collection::vec(word, 0..12).prop_map(|words| words.join(" "))
}

fn paragraph(depth: u32) -> BoxedStrategy<Generated> {
    let leaf = (0usize..4, 0usize..6, words())
        .prop_map(|(style, number, text)| {
            let labels = [
                ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"],
                ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
                ["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)"],
                ["(A)", "(B)", "(C)", "(D)", "(E)", "(F)"],
            ];
            Generated { line: format!("{} {text}", labels[style][number]), children: Vec::new() }
        })
        .boxed();
    if depth == 0 {
        return leaf;
    }
    (leaf, proptest::collection::vec(paragraph(depth - 1), 0..3))
        .prop_map(|(mut parent, children)| {
            parent.children = children;
            parent
        })
        .boxed()
}

fn section() -> impl Strategy<Value = Generated> {
    let heading =
        proptest::sample::select(vec!["Interpretation", "Definition of Terms", "Offences", "Short title", ""]);
    (0usize..3, 1u32..40, heading, words(), proptest::collection::vec(paragraph(2), 0..4)).prop_map(
        |(style, number, heading, text, children)| {
            let line = match style {
                0 => format!("Section {number}. {heading}. – {text}"),
                1 => format!("Article {number}\n{heading}\n{text}"),
                _ => format!("{number}. {heading}\n\"child\" means {text};"),
            };
            Generated { line, children }
        },
    )
}

fn statute() -> impl Strategy<Value = String> {
    proptest::collection::vec(section(), 1..6).prop_map(|sections| {
        fn write(provision: &Generated, out: &mut String) {
            out.push_str(&provision.line);
            out.push('\n');
            for child in &provision.children {
                write(child, out);
            }
        }
        let mut text = String::new();
        for section in &sections {
            write(section, &mut text);
        }
        text
    })
}

fn read(text: &str) -> (Instrument, Document) {
    let (instrument, _) = Instrument::from_text("generated.txt", text).expect("a generated text reads");
    let document = parse(&instrument);
    (instrument, document)
}

fn check_tree(
    text: &str,
    provisions: &[Provision],
    parent: std::ops::Range<usize>,
    eids: &mut Vec<String>,
) -> Result<(), TestCaseError> {
    let mut previous_end = parent.start;
    for provision in provisions {
        let span = provision.span.range();
        prop_assert!(
            parent.start <= span.start && span.start <= span.end && span.end <= parent.end,
            "{} {:?} outside {:?}",
            provision.eid,
            span,
            parent
        );
        prop_assert!(span.start >= previous_end, "{} overlaps its sibling", provision.eid);
        prop_assert!(text.get(span.clone()).is_some(), "{} is not on character boundaries", provision.eid);
        previous_end = span.end;
        // The parser checks only each new component against the eId grammar; the whole id
        // must pass the grammar's full check too.
        prop_assert!(provision.eid.as_str().parse::<lexdef::Eid>().is_ok(), "{} is not a valid eId", provision.eid);
        eids.push(provision.eid.to_string());
        check_tree(text, &provision.children, span, eids)?;
    }
    Ok(())
}

/// `(eid, kind, number, heading, text at the span)` of one provision.
type Node = (String, String, Option<String>, Option<String>, String);

/// A variant of a text: what it is, the text, and the function that undoes it.
type Variant = (&'static str, String, fn(&str) -> String);

/// `(eid, kind, number, heading, text at the span)` of every provision, in tree order, with
/// the variation undone by `undo`; the depth is in the eId (`__` separates levels).
fn tree(instrument: &Instrument, document: &Document, undo: &dyn Fn(&str) -> String) -> Vec<Node> {
    document
        .walk()
        .map(|provision| {
            (
                provision.eid.to_string(),
                format!("{:?}", provision.kind),
                provision.num.as_deref().map(undo),
                provision.heading.as_deref().map(undo),
                undo(&instrument.text[provision.span.range()]),
            )
        })
        .collect()
}

/// The variants of a text, each with the function that undoes it.
fn variants(text: &str, nbsp_every: usize) -> Vec<Variant> {
    let mut count = 0;
    let nbsp: String = text
        .chars()
        .map(|character| {
            if character == ' ' {
                count += 1;
                if count % nbsp_every == 0 {
                    return '\u{a0}';
                }
            }
            character
        })
        .collect();
    vec![
        ("a byte-order mark", format!("\u{feff}{text}"), |text| text.to_owned()),
        ("CRLF line endings", text.replace('\n', "\r\n"), |text| text.replace("\r\n", "\n")),
        ("non-breaking spaces", nbsp, |text| text.replace('\u{a0}', " ")),
    ]
}

fn same_under_variants(text: &str, nbsp_every: usize) -> Result<(), TestCaseError> {
    let (instrument, document) = read(text);
    let original = tree(&instrument, &document, &|text| text.to_owned());
    prop_assert!(!original.is_empty(), "the text has provisions to compare");
    for (what, variant, undo) in variants(text, nbsp_every) {
        let (varied, varied_document) = read(&variant);
        let found = tree(&varied, &varied_document, &undo);
        prop_assert_eq!(&found, &original, "{}:\n{}", what, text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    #[test]
    fn spans_nest_inside_the_text_and_eids_are_unique(text in statute()) {
        let (instrument, document) = read(&text);
        let mut eids = Vec::new();
        check_tree(&instrument.text, &document.provisions, 0..instrument.text.len(), &mut eids)?;
        let mut unique = eids.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), eids.len(), "eIds repeat: {:?}", eids);
    }

    #[test]
    fn evidence_is_the_text_at_its_span(text in statute()) {
        let (instrument, document) = read(&text);
        let lexicon = Lexicon::bundled();
        let (definitions, _) = extract_definitions(&instrument, &document, &lexicon);
        for definition in &definitions {
            prop_assert!(instrument.text.get(definition.span.range()).is_some());
        }
        let builder = ModelBuilder::new(&instrument, &document, &definitions, &lexicon);
        for concept in lexicon.concept_ids() {
            let model = builder.model(concept);
            let evidence = model.elements.iter().flat_map(|element| &element.evidence)
                .chain(model.qualifiers.values().flat_map(|qualifier| &qualifier.evidence));
            for evidence in evidence {
                prop_assert_eq!(&instrument.text[evidence.span.range()], evidence.text.as_str());
            }
        }
    }

    #[test]
    fn a_bom_crlf_and_non_breaking_spaces_change_nothing(text in statute(), nbsp_every in 1usize..4) {
        same_under_variants(&text, nbsp_every)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, .. ProptestConfig::default() })]

    #[test]
    fn a_report_does_not_depend_on_the_order_of_the_files(order in Just((0..Corpus::bundled().len()).collect::<Vec<usize>>()).prop_shuffle()) {
        let bundled = Corpus::bundled();
        let files: Vec<(String, Vec<u8>)> = bundled
            .instruments()
            .map(|instrument| (instrument.file().to_owned(), instrument.file_text().as_bytes().to_vec()))
            .collect();
        let lexicon = Lexicon::bundled();
        let concept: lexdef::ConceptId = "trafficking_in_persons".parse().expect("a concept id");
        let report = |corpus: &Corpus| {
            let study = Study::new(corpus, &lexicon, concept.clone()).with_baseline("palermo").expect("the Protocol");
            study.report().to_json()
        };
        let shuffled = Corpus::from_files(order.iter().map(|&index| files[index].clone()));
        prop_assert_eq!(report(&shuffled), report(&bundled));
    }
}

/// Every curated text, under every variant (non-breaking spaces at every first, second or
/// third space, by turns).
#[test]
fn the_curated_texts_are_unchanged_by_the_variants() {
    let corpus = Corpus::bundled();
    for (index, instrument) in corpus.instruments().enumerate() {
        // An instrument whose text was not found (`completeness.status = "missing"`) has none to vary.
        if instrument.text.trim().is_empty() {
            continue;
        }
        if let Err(failure) = same_under_variants(&instrument.text, index % 3 + 1) {
            panic!("{}: {failure}", instrument.id);
        }
    }
}
