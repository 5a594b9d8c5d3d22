//! Property tests: a definition written in any drafting family, with its elements in any
//! order, in British or American spelling, in any inflection and with any list punctuation,
//! has the same term model.

use std::collections::BTreeSet;

use lexdef::{extract_definitions, parse, Instrument, Lexicon, ModelBuilder};
use proptest::prelude::*;

/// Each element with the surface forms a drafter might use for it.
const ACTS: &[(&str, &[&str])] = &[
    ("act.recruitment", &["recruitment", "recruiting", "Recruitment"]),
    ("act.transportation", &["transportation", "transporting", "transport"]),
    ("act.transfer", &["transfer", "transferring"]),
    ("act.harbouring", &["harbouring", "harboring", "harbour", "harbor"]),
    ("act.receipt", &["receipt", "receiving"]),
    ("act.obtaining", &["obtaining"]),
    ("act.selling", &["selling", "sale"]),
];
const MEANS: &[(&str, &[&str])] = &[
    ("means.abduction", &["abduction", "abducting"]),
    ("means.fraud", &["fraud"]),
    ("means.deception", &["deception", "deceiving"]),
    ("means.abuse_of_power", &["abuse of power", "abuse of authority"]),
    ("means.coercion", &["coercion", "other forms of coercion"]),
];
const PURPOSES: &[(&str, &[&str])] = &[
    ("purpose.forced_labour", &["forced labour", "forced labor", "forced labour or services"]),
    ("purpose.slavery", &["slavery"]),
    ("purpose.servitude", &["servitude"]),
    ("purpose.organ_removal", &["removal of organs", "the removal of an organ"]),
    ("purpose.begging", &["begging"]),
    ("purpose.pornography", &["pornography"]),
];

fn pick(
    table: &'static [(&'static str, &'static [&'static str])],
) -> impl Strategy<Value = Vec<(&'static str, &'static str)>> {
    proptest::sample::subsequence(table.to_vec(), 1..=table.len().min(5))
        .prop_flat_map(|chosen| {
            let forms: Vec<BoxedStrategy<(&'static str, &'static str)>> = chosen
                .into_iter()
                .map(|(id, forms)| proptest::sample::select(forms.to_vec()).prop_map(move |form| (id, form)).boxed())
                .collect();
            forms
        })
        .prop_shuffle()
}

fn join(words: &[&str], separator: usize) -> String {
    let (between, last) = [(", ", " or "), ("; ", "; or "), (", ", ", or ")][separator];
    match words {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last_word] => format!("{}{last}{last_word}", init.join(between)),
    }
}

fn text_for(family: usize, acts: &str, means: &str, purposes: &str) -> String {
    match family {
        0 => format!("Section 2. Interpretation.\n“trafficking in persons” means the {acts} of persons by means of {means} for the purpose of exploitation;\n“exploitation” includes {purposes};\n"),
        1 => format!("Section 3. Definition of Terms. – As used in this Act:\n(a) Trafficking in Persons – refers to the {acts} of persons by means of {means} for the purpose of exploitation which includes at a minimum {purposes}.\n"),
        2 => format!("Article 2\nUse of terms\nFor the purposes of this Convention:\na) \"Trafficking in persons\" shall mean the {acts} of persons, by means of {means}, for the purpose of exploitation. Exploitation shall include, at a minimum, {purposes};\n"),
        _ => format!("Section 6\nWhoever, by means of {means}, commits the {acts} of a person for the purpose of exploitation commits trafficking.\nSection 2. Interpretation.\n\"exploitation\" means {purposes};\n"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn the_model_does_not_depend_on_drafting_spelling_order_or_punctuation(
        family in 0usize..4,
        acts in pick(ACTS),
        means in pick(MEANS),
        purposes in pick(PURPOSES),
        separator in 0usize..3,
    ) {
        let act_words: Vec<&str> = acts.iter().map(|(_, form)| *form).collect();
        let means_words: Vec<&str> = means.iter().map(|(_, form)| *form).collect();
        let purpose_words: Vec<&str> = purposes.iter().map(|(_, form)| *form).collect();
        let text = text_for(family, &join(&act_words, separator), &join(&means_words, separator), &join(&purpose_words, separator));
        let (instrument, _) = Instrument::from_text("generated.txt", &text).expect("generated texts are valid");
        let lexicon = Lexicon::bundled();
        let document = parse(&instrument);
        let (definitions, _) = extract_definitions(&instrument, &document, &lexicon);
        let model = ModelBuilder::new(&instrument, &document, &definitions, &lexicon).model(&"trafficking_in_persons".parse().expect("id"));
        let found: BTreeSet<String> = model.elements.iter().map(|element| element.id.to_string()).collect();
        let expected: BTreeSet<String> = acts.iter().chain(&means).chain(&purposes).map(|(id, _)| (*id).to_owned()).collect();
        prop_assert_eq!(&found, &expected, "text:\n{}", text);
        for element in &model.elements {
            for evidence in &element.evidence {
                prop_assert_eq!(&instrument.text[evidence.span.range()], evidence.text.as_str());
            }
        }
    }
}
