//! Each reading rule on a variant it was not written for: other words, other numbering,
//! another country's style. The texts are written for these tests (bare texts, as a drafter
//! gives them); none is a quotation of a law.

use lexdef::{
    Analysis, Confidence, Corpus, DefinitionForm, DivergenceKind, Instrument, Lexicon, QualifierName, Reason, Study,
};

fn read(text: &str) -> Analysis {
    let (instrument, _) = Instrument::from_bytes("variant.txt", text.as_bytes()).expect("the text reads");
    Analysis::of(&instrument, &Lexicon::bundled(), &"trafficking_in_persons".parse().expect("a concept id"))
}

fn ids(analysis: &Analysis) -> Vec<&str> {
    analysis.model.elements.iter().map(|presence| presence.id.as_str()).collect()
}

fn findings(analysis: &Analysis) -> Vec<lexdef::Divergence> {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("a concept id");
    let study = Study::new(&corpus, &lexicon, concept).with_baseline("palermo").expect("the Protocol");
    study.compare(analysis).divergences
}

#[test]
fn a_text_in_another_language_is_not_said_to_lack_a_definition() {
    let analysis = read("Article 7\nLe fait de recruter, de transporter ou d'héberger une personne en vue de son exploitation est puni de sept ans d'emprisonnement.\n");
    assert!(matches!(analysis.model.not_found[0].cause, Reason::LanguageNotRecognised));
    assert!(
        !findings(&analysis).iter().any(|finding| finding.confidence == Confidence::Certain),
        "nothing certain is said of a text lexdef cannot read"
    );
}

#[test]
fn an_editors_omission_mark_makes_a_bare_text_an_excerpt() {
    let text = "Section 4. Definitions.\n(a) \"Trafficking in persons\" means the recruitment or harbouring of persons by deception for the purpose of exploitation.\n[...]\n";
    let analysis = read(text);
    assert!(!analysis.instrument.gaps.is_empty(), "the bracketed ellipsis is a gap");
    assert!(analysis.model.absent.is_empty(), "nothing is absent from an excerpt: {:?}", analysis.model.absent);
    let missing: Vec<_> =
        findings(&analysis).into_iter().filter(|finding| finding.kind == DivergenceKind::MissingElement).collect();
    assert!(!missing.is_empty() && missing.iter().all(|finding| finding.confidence != Confidence::Certain));
}

#[test]
fn by_means_of_in_a_heading_defines_nothing() {
    let analysis = read("12 Trafficking in people by means of threats\n(1) Every person who recruits or transports another person by threats, for the purpose of exploiting that person, commits an offence.\n");
    assert!(
        analysis.definitions.iter().all(|definition| !definition.term.starts_with("Trafficking in people by")),
        "{:?}",
        analysis.definitions
    );
    assert_eq!(analysis.model.definition.as_ref().map(|source| source.form), Some(DefinitionForm::Constitutive));
}

#[test]
fn another_name_of_the_concept_defined_with_is() {
    let analysis = read("Article 3\nTrade in persons is the hiring, transfer or receipt of a person through fraud or coercion with the aim of exploiting that person.\n");
    let source = analysis.model.definition.as_ref().expect("the definition is found");
    assert_eq!((source.term.as_str(), source.form), ("Trade in persons", DefinitionForm::Is));
    assert_eq!(ids(&analysis), ["act.hiring", "act.receipt", "act.transfer", "means.coercion", "means.fraud"]);
}

#[test]
fn the_if_form_under_another_numbering() {
    let analysis = read("Sec. 7. Trafficking offence.\nA person commits an offence if—\n(i) the person harbours, transfers or receives another person;\n(ii) the person does so by abduction or deception; and\n(iii) the person intends that the other person be exploited.\n");
    assert_eq!(analysis.model.definition.as_ref().map(|source| source.eid.as_str()), Some("sec_7"));
    assert_eq!(ids(&analysis), ["act.harbouring", "act.receipt", "act.transfer", "means.abduction", "means.deception"]);
}

#[test]
fn a_travel_offence_in_other_words() {
    let analysis = read("Section 9 Human trafficking\n(1) A person commits an offence if the person organises the movement of another person intending that the other person be exploited.\n(2) A person guilty of an offence under subsection (1) is liable to imprisonment for 14 years.\n(3) A person may organise the movement of another person by recruiting, harbouring, receiving or transferring that person.\n");
    assert_eq!(analysis.model.definition.as_ref().map(|source| source.eid.as_str()), Some("sec_9"));
    // ("organises the movement of another person": moving a person is its transportation.)
    assert_eq!(
        ids(&analysis),
        ["act.harbouring", "act.receipt", "act.recruitment", "act.transfer", "act.transportation"]
    );
    let findings = findings(&analysis);
    assert_eq!(
        findings.iter().filter(|finding| finding.kind == DivergenceKind::MeansNotRequired).count(),
        1,
        "no means: said once, broader"
    );
    assert!(!findings
        .iter()
        .any(|finding| finding.element.as_ref().is_some_and(|id| id.as_str().starts_with("means."))));
}

#[test]
fn a_subjectless_offence_in_other_words() {
    let analysis = read("Article 12.\nRecruiting, transporting or harbouring a person by threat or deception with the intent of exploiting that person shall be punished by imprisonment of five to ten years.\n");
    assert_eq!(analysis.model.definition.as_ref().map(|source| source.eid.as_str()), Some("art_12"));
    assert_eq!(
        ids(&analysis),
        ["act.harbouring", "act.recruitment", "act.transportation", "means.deception", "means.threat_of_force"]
    );
}

/// What another offence of the same law says (slave dealing "within or outside" the country,
/// a child "under the age of 16" in its list) is not said of trafficking.
#[test]
fn another_offences_words_are_not_the_concepts() {
    let text = "Part 3 Offences\n\n20 Trafficking in persons\n(1) A person commits the offence of trafficking in persons who recruits, transports or receives another person by force or fraud for the purpose of exploitation, where that person is brought into the State from abroad.\n\n21 Dealing in slaves\n(1) Every person is liable to imprisonment for 10 years who, within or outside the State,—\n(a) sells, buys or transfers any person as a slave; or\n(b) being the guardian of a child under the age of 16 years, delivers that child to another person to be held as a slave.\n";
    let analysis = read(text);
    assert_eq!(analysis.model.definition.as_ref().map(|source| source.eid.as_str()), Some("sec_20__subsec_1"));
    let transnational = &analysis.model.qualifiers[&QualifierName::TransnationalRequired];
    assert!(
        transnational.evidence.iter().all(|evidence| !evidence.text.contains("within or outside")),
        "s 21's 'within or outside' is slave dealing's: {transnational:?}"
    );
    let age = &analysis.model.qualifiers[&QualifierName::ChildAge];
    assert_eq!(age.value, lexdef::QualifierValue::Unknown, "s 21's child of 16 is not trafficking's: {age:?}");
}

/// A section that limits the offence to victims taken out of the country, in its own words:
/// a crossing is required, whatever the definition says.
#[test]
fn an_application_section_that_requires_a_crossing() {
    let text = "1. A person who harbours, transfers or receives another person by deception for the purpose of exploitation commits the offence of trafficking in persons.\n2. Section 1 applies only if the victim is removed, or is to be removed, out of the territory of the Union.\n";
    let analysis = read(text);
    let transnational = &analysis.model.qualifiers[&QualifierName::TransnationalRequired];
    assert_eq!(transnational.value, lexdef::QualifierValue::Bool(true), "{transnational:?}");
    assert!(transnational.evidence[0].text.contains("out of the"), "{transnational:?}");
}

/// A word that is an act in a list of acts and a means in a list of means is read by its
/// list: the words before it, or after it where nothing comes before.
#[test]
fn a_word_of_two_families_is_read_by_its_list() {
    let among_means = read("Section 3\n\"Trafficking in persons\" means the hiring or receipt of a person through deceit, abduction or confinement for the purpose of exploitation.\n");
    assert_eq!(
        ids(&among_means),
        ["act.hiring", "act.receipt", "means.abduction", "means.deception", "means.incarceration"]
    );
    let among_acts = read("Section 3\n\"Trafficking in persons\" means the recruiting, confining, enticement or sale of a person by threats for the purpose of exploitation.\n");
    assert!(
        ids(&among_acts).contains(&"act.detaining") && ids(&among_acts).contains(&"act.enticing"),
        "{:?}",
        ids(&among_acts)
    );
    assert!(
        !ids(&among_acts).iter().any(|id| *id == "means.incarceration" || *id == "means.enticement"),
        "{:?}",
        ids(&among_acts)
    );
    // `abducting` first in a list of acts is the taking of the person, not the Protocol's means.
    let first_of_acts = read("Article 12\nFor the purposes of this Article, \"trafficking in persons\" means abducting, buying, selling or transferring a person for the purpose of exploitation.\n");
    assert!(!ids(&first_of_acts).contains(&"means.abduction"), "{:?}", ids(&first_of_acts));
    // After `by`, the same word is a means, whatever act stands before it.
    let after_by = read("Section 5\nA person who recruits another person by abduction for the purpose of exploitation commits the offence of trafficking in persons.\n");
    assert!(ids(&after_by).contains(&"means.abduction"), "{:?}", ids(&after_by));
}

/// A quoted term alone on its line, its defining words on the next (after a paragraph label
/// or a phrase that limits it); and a term a provision says it does *not* include.
#[test]
fn defining_words_on_the_next_line_and_an_exclusion() {
    let text = "2. Interpretation\nIn this Act—\n\u{201C}child\u{201D}\nmeans a person under the age of seventeen years;\n\u{201C}servitude\u{201D}\u{2014}\n(a) means a condition of dependency in which labour is obtained by threats; and\n(b) includes debt bondage;\n\u{201C}work\u{201D} does not include household chores done by a child;\n";
    let analysis = read(text);
    let forms: Vec<(&str, DefinitionForm)> =
        analysis.definitions.iter().map(|definition| (definition.term.as_str(), definition.form)).collect();
    assert!(forms.contains(&("child", DefinitionForm::Means)), "{forms:?}");
    assert!(forms.contains(&("servitude", DefinitionForm::Means)), "{forms:?}");
    assert!(
        !forms.iter().any(|(term, form)| *term == "work" && *form == DefinitionForm::Includes),
        "'does not include' excludes: {forms:?}"
    );
}

/// Words of the list of purposes that match no element are said to be not recognised, with
/// their place, and the purposes the list does not name are not claimed absent.
#[test]
fn words_of_the_purpose_list_not_recognised_are_said() {
    let text = "Article 4\nA person who recruits, transports or harbours another person by force or deception for the purpose of sexual aggression, ritual servitude of widows, forced labour or any illegal activities commits trafficking in persons.\n";
    let analysis = read(text);
    let unread: Vec<&str> = analysis.model.unrecognised.iter().map(|evidence| evidence.text.as_str()).collect();
    assert!(unread.contains(&"sexual aggression"), "{unread:?}");
    assert!(!unread.iter().any(|words| words.contains("forced labour")), "{unread:?}");
    assert!(ids(&analysis).contains(&"purpose.forced_labour"));
    assert!(
        ids(&analysis).contains(&"purpose.illegal_activity"),
        "the plural of a multi-word form: {:?}",
        ids(&analysis)
    );
    let sexual: lexdef::ElementId = "purpose.sexual_exploitation".parse().expect("an element id");
    assert_eq!(analysis.model.state(&sexual), lexdef::ElementState::NotFound);
    assert!(matches!(
        analysis.model.not_found_reason(&sexual).map(|item| &item.cause),
        Some(Reason::WordsNotRecognised { words, .. }) if words.iter().any(|words| words == "sexual aggression")
    ));
    let finding = findings(&analysis)
        .into_iter()
        .find(|finding| finding.element.as_ref() == Some(&sexual))
        .expect("a finding on sexual exploitation");
    assert_ne!(finding.confidence, Confidence::Certain, "{finding:?}");
    // A list whose every item is read leaves nothing unrecognised, and an absent purpose absent.
    let whole = read("Article 4\nA person who recruits another person by force for the purpose of prostitution or forced labour commits trafficking in persons.\n");
    assert!(whole.model.unrecognised.is_empty(), "{:?}", whole.model.unrecognised);
    assert_eq!(whole.model.state(&sexual), lexdef::ElementState::Absent);
}

/// An offence built on another, named by its number (a benefit from it, the documents held for
/// it), does not constitute trafficking; the offence it names does.
#[test]
fn an_offence_that_names_another_by_its_number_is_not_a_definition() {
    let text = "Trafficking in persons\n12 (1) Every person who recruits, transports or harbours a person for the purpose of exploiting them commits an offence.\n\nProfit from trafficking\n13 (1) Every person who receives money or obtains property, knowing that it derives from the commission of an offence under section 12(1), commits an offence.\n";
    let analysis = read(text);
    let constitutive: Vec<&str> = analysis
        .definitions
        .iter()
        .filter(|definition| definition.form == DefinitionForm::Constitutive)
        .map(|definition| definition.eid.as_str())
        .collect();
    assert_eq!(constitutive, ["sec_12__subsec_1"]);
    assert!(!ids(&analysis).contains(&"act.obtaining"), "{:?}", ids(&analysis));
}

/// One head shared by two means, and the other words drafters use for the Protocol's acts and
/// purposes: none of them is said to be absent.
#[test]
fn shared_heads_and_other_words_for_the_same_elements() {
    let analysis = read("Section 2\n\"Trafficking in persons\" means the luring, carrying or handing over of a person by the use or threat of force or by abusing a position of power or of vulnerability, for the purpose of bonded labour, servile marriage or the use of child soldiers.\n");
    assert_eq!(
        ids(&analysis),
        [
            "act.enticing",
            "act.transfer",
            "act.transportation",
            "means.abuse_of_power",
            "means.abuse_of_vulnerability",
            "means.threat_of_force",
            "means.use_of_force",
            "purpose.armed_conflict",
            "purpose.debt_bondage",
            "purpose.forced_marriage"
        ]
    );
}

fn qualifier_after(provision: &str, name: QualifierName) -> lexdef::QualifierValue {
    let text = format!("Section 1\nIn this Act, \"child\" means a person under eighteen years of age.\nSection 2\nA person who recruits another person by force or deception for the purpose of forced labour commits the offence of trafficking in persons.\nSection 3\n{provision}\n");
    read(&text).model.qualifiers[&name].value
}

/// Consent, children and borders, each said in words other than the corpus's: a complete bill
/// that says so is read as saying so, and one that does not is not.
#[test]
fn qualifiers_said_in_other_words() {
    use lexdef::QualifierValue::Bool;
    for said in [
        "It shall be no defence that the victim agreed to the conduct.",
        "The agreement of the victim does not exclude criminal liability.",
        "The victim's consent shall not be taken into account.",
        "A person may be convicted even where the victim consented.",
        "The consent of a trafficked person is of no legal effect.",
    ] {
        assert_eq!(qualifier_after(said, QualifierName::ConsentIrrelevant), Bool(true), "{said}");
    }
    assert_eq!(
        qualifier_after("A person who agreed to travel may be a witness.", QualifierName::ConsentIrrelevant),
        Bool(false)
    );
    for said in [
        "Proof of the use of any of the means in section 2 is not required where the victim is a child.",
        "Where the victim is a child, the prosecution need not establish any of the means referred to in section 2.",
        "The means set out in section 2 are not an element of the offence where the person trafficked is a child.",
        "Where the victim is a child, the offence is committed without regard to the means used.",
    ] {
        assert_eq!(qualifier_after(said, QualifierName::MeansRequiredForChildren), Bool(false), "{said}");
    }
    assert_eq!(
        qualifier_after("Registration is not required for adults.", QualifierName::MeansRequiredForChildren),
        Bool(true)
    );
    for said in [
        "A person commits an offence under section 2 only where the victim is brought into or taken out of Ruritania.",
        "Section 2 does not apply unless the victim is moved from one State to another.",
    ] {
        assert_eq!(qualifier_after(said, QualifierName::TransnationalRequired), Bool(true), "{said}");
    }
    for said in [
        "Nothing in section 2 requires that the victim cross a border.",
        "It is immaterial whether the victim crossed a national border.",
    ] {
        let found = read(&format!("Section 2\nA person who recruits another person by force for the purpose of forced labour commits the offence of trafficking in persons.\nSection 3\n{said}\n"));
        let transnational = &found.model.qualifiers[&QualifierName::TransnationalRequired];
        assert_eq!(transnational.value, Bool(false), "{said}");
        assert!(!transnational.evidence.is_empty(), "said by the text, not by its silence: {said}");
    }
}

/// A purpose written as a clause, with words between (`compelling the victim to work`), names
/// the purpose; the same words with nothing compelled do not.
#[test]
fn a_purpose_written_as_a_clause() {
    let clause = read("Article 9\nWhoever recruits, transports or harbours a person by force or deceit with the aim of compelling the victim to work or of forcing her to beg shall be punished for trafficking in persons.\n");
    assert!(
        ids(&clause).contains(&"purpose.forced_labour") && ids(&clause).contains(&"purpose.begging"),
        "{:?}",
        ids(&clause)
    );
    let plain = read("Article 9\nWhoever recruits, transports or harbours a person by force or deceit in order to exploit the victim, who is allowed to work, shall be punished for trafficking in persons.\n");
    assert!(!ids(&plain).contains(&"purpose.forced_labour"), "{:?}", ids(&plain));
}

/// A pattern with words between does not run past the end of a sentence: consent in one
/// sentence and "irrelevant" in the next say nothing of consent.
#[test]
fn a_pattern_does_not_run_across_sentences() {
    let analysis = read("Section 3\nA person who recruits another person by force for the purpose of forced labour commits the offence of trafficking in persons.\nSection 4\nThe consent of a victim to medical treatment shall be recorded. The time of the treatment is irrelevant.\n");
    assert_eq!(
        analysis.model.qualifiers[&QualifierName::ConsentIrrelevant].value,
        lexdef::QualifierValue::Bool(false),
        "{:?}",
        analysis.model.qualifiers[&QualifierName::ConsentIrrelevant]
    );
}

/// An offence committed in the course of trafficking is no use of the victim to commit
/// offences; the use of a person in the commission of an offence is.
#[test]
fn the_commission_of_an_offence_is_a_purpose_only_where_the_person_is_used_for_it() {
    let aggravation = read("Section 2\n\"Trafficking in persons\" means the recruitment of a person by force for the purpose of forced labour.\nSection 3\nA person who traffics another person commits an offence.\nSection 4\nA person who, in the commission of an offence of trafficking in persons, causes the death of the victim is liable to imprisonment for life.\n");
    assert!(!ids(&aggravation).contains(&"purpose.forced_criminality"), "{:?}", ids(&aggravation));
    let purpose = read("Section 2\n\"Trafficking in persons\" means the recruitment of a person by force for the use of that person in the commission of an offence.\n");
    assert!(ids(&purpose).contains(&"purpose.forced_criminality"), "{:?}", ids(&purpose));
}

/// A definition split over subsections draws on the subsections it names for its list
/// (`set out in subsection (2)`), not on one it excepts (`except as provided in subsection (3)`).
#[test]
fn a_definition_draws_on_the_subsections_that_list_its_elements_only() {
    let text = "Meaning of trafficking\n5. (1) Trafficking in persons is the recruitment or harbouring of another person by any of the means set out in subsection (2) for the purpose of exploitation, except as provided in subsection (3).\n(2) The means are—\n(a) force;\n(b) deception.\n(3) Nothing in this section applies to a person who harbours another person by fraud in the course of a lawful rescue.\n";
    let analysis = read(text);
    let found = ids(&analysis);
    assert!(found.contains(&"means.use_of_force") && found.contains(&"means.deception"), "{found:?}");
    assert!(!found.contains(&"means.fraud"), "subsection (3) is an exception, not the list: {found:?}");
}

/// Border words in a provision on something else (information on travellers who cross a
/// border, in an article on cooperation) are not a crossing the definition requires; in a
/// provision that qualifies the definition (one naming its article, an offence) they are.
#[test]
fn border_words_count_only_in_the_definition_and_the_provisions_that_qualify_it() {
    let definition = "Article 2\nUse of terms\nFor the purposes of this Convention:\n(a) \"Trafficking in persons\" shall mean the recruitment, transportation or harbouring of persons by means of force or deception for the purpose of exploitation.\n";
    let cooperation = "Article 9\nExchange of information\nThe authorities of the Parties shall exchange information on whether persons who cross an international border without travel documents are victims of trafficking in persons.\n";
    let analysis = read(&format!("{definition}{cooperation}"));
    let transnational = &analysis.model.qualifiers[&QualifierName::TransnationalRequired];
    assert_eq!(transnational.value, lexdef::QualifierValue::Bool(false), "{transnational:?}");
    assert!(transnational.evidence.is_empty(), "Article 9 is about information, not the definition: {transnational:?}");

    for qualifying in [
        "Article 4\nScope of application\nArticle 2 applies only where the victim is moved across an international border.\n",
        "Article 5\nCriminalization\nWhoever recruits a person across an international border for the purpose of exploitation commits the offence of trafficking in persons and shall be punished by imprisonment.\n",
    ] {
        let analysis = read(&format!("{definition}{qualifying}{cooperation}"));
        let transnational = &analysis.model.qualifiers[&QualifierName::TransnationalRequired];
        assert_eq!(transnational.value, lexdef::QualifierValue::Bool(true), "{qualifying}: {transnational:?}");
        assert!(transnational.evidence[0].text.contains("across"), "{transnational:?}");
        assert_ne!(transnational.evidence[0].eid.as_str(), "art_9", "{transnational:?}");
    }
}
