//! The words of drafting are lexicon data: a word added by a user's lexicon file (`lexdef
//! --lexicon FILE`, `Lexicon::extend_from_toml`) changes the reading as the bundled words do.
//! Texts written for these tests, not quotations of any law.

use lexdef::{extract_definitions, parse, Definition, DefinitionForm, Instrument, Lexicon, Warning, WarningKind};

fn definitions(text: &str, lexicon: &Lexicon) -> (Vec<Definition>, Vec<Warning>) {
    let (instrument, _) = Instrument::from_text("bill.txt", text).expect("test texts are valid");
    let document = parse(&instrument);
    extract_definitions(&instrument, &document, lexicon)
}

fn extended(drafting: &str) -> Lexicon {
    let mut lexicon = Lexicon::bundled();
    lexicon
        .extend_from_toml(&format!("version = 1\n[drafting]\n{drafting}\n"), "mine.toml")
        .expect("a valid extension");
    lexicon
}

#[test]
fn a_heading_over_definitions_added_by_a_lexicon_is_read_as_one() {
    let text = "Section 2. Glossary.\nIn this Act, words have their ordinary meaning.\n";
    let warned = |lexicon: &Lexicon| {
        definitions(text, lexicon).1.iter().any(|warning| warning.kind == WarningKind::NoDefinitions)
    };
    assert!(!warned(&Lexicon::bundled()), "`Glossary` is no heading over definitions in the bundled lexicon");
    assert!(warned(&extended("interpretation_headings = [\"Glossary\"]")), "a heading added by the user is one");
}

#[test]
fn a_marker_of_a_term_defined_in_passing_added_by_a_lexicon_is_read() {
    let text = "Section 4. Offence.\nThe Agency (henceforth \"the Council\") shall sit.\n";
    let inline = |lexicon: &Lexicon| {
        definitions(text, lexicon)
            .0
            .iter()
            .filter(|definition| definition.form == DefinitionForm::Inline)
            .map(|definition| definition.term.clone())
            .collect::<Vec<_>>()
    };
    assert!(inline(&Lexicon::bundled()).is_empty());
    assert_eq!(inline(&extended("inline_definition_markers = [\"henceforth\"]")), ["the Council"]);
}

#[test]
fn a_word_before_a_concept_in_a_heading_added_by_a_lexicon_is_read() {
    let heading = "Ban on trafficking in persons";
    assert_eq!(Lexicon::bundled().concept_at_start(heading), None);
    let concept = extended("heading_leads = [\"ban\"]").concept_at_start(heading);
    assert_eq!(concept.as_ref().map(|concept| concept.as_str()), Some("trafficking_in_persons"));
}

#[test]
fn a_word_naming_a_provision_added_by_a_lexicon_resolves_a_reference() {
    let text = "Seksyen 2. Interpretation.\n\"victim\" has the meaning given in seksyen 3;\nSeksyen 3. Victims.\nA victim is a person harmed.\n";
    let target = |lexicon: &Lexicon| {
        definitions(text, lexicon)
            .0
            .iter()
            .find(|definition| definition.term == "victim")
            .and_then(|definition| definition.reference.as_ref()?.target.as_ref().map(ToString::to_string))
    };
    let document = parse(&Instrument::from_text("bill.txt", text).expect("valid").0);
    assert!(document.find("sec_3").is_some(), "the parser numbers `Seksyen 3` as a section");
    assert_eq!(target(&Lexicon::bundled()), None);
    assert_eq!(target(&extended("provision_words = { section = [\"Seksyen\"] }")).as_deref(), Some("sec_3"));
}

#[test]
fn a_provision_kind_the_lexicon_does_not_know_is_refused() {
    let mut lexicon = Lexicon::bundled();
    let result =
        lexicon.extend_from_toml("version = 1\n[drafting]\nprovision_words = { chapterette = [\"x\"] }\n", "mine.toml");
    assert!(result.is_err(), "{result:?}");
}
