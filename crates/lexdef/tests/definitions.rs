//! Definition extraction and term models on texts written for these tests (invented texts
//! in each drafting style, not quotations of any law), and their bad inputs.

use lexdef::{
    extract_definitions, parse, DefinitionForm, Instrument, Lexicon, ListKind, ModelBuilder, QualifierName,
    QualifierValue, TermModel, VictimScope, Warning, WarningKind,
};

fn read(text: &str) -> (Vec<lexdef::Definition>, Vec<Warning>, TermModel) {
    let (instrument, _) = Instrument::from_text("bill.txt", text).expect("test texts are valid");
    let lexicon = Lexicon::bundled();
    let document = parse(&instrument);
    let (definitions, warnings) = extract_definitions(&instrument, &document, &lexicon);
    let concept = "trafficking_in_persons".parse().expect("concept id");
    let model = ModelBuilder::new(&instrument, &document, &definitions, &lexicon).model(&concept);
    for element in &model.elements {
        for evidence in &element.evidence {
            assert_eq!(&instrument.text[evidence.span.range()], evidence.text, "evidence is the source slice");
        }
    }
    (definitions, warnings, model)
}

fn ids(model: &TermModel) -> Vec<String> {
    model.elements.iter().map(|element| element.id.to_string()).collect()
}

#[test]
fn every_form_the_corpus_uses_is_extracted() {
    let text = "Section 2. Interpretation.\n\"child\" means a person below 18 years of age;\n\"exploitation\" includes forced labour;\n\"document\" has the same meaning as in section 29 of the Penal Code;\n\"victim\" has the meaning given in section 3;\nSection 3. Definition of Terms. – As used in this Act:\n(a) Trafficking in Persons – refers to the recruitment of persons for the purpose of exploitation.\n(b) The term \"coercion\" means the use of threats.\nSection 4. Offence.\nThe Agency (hereinafter \"the Council\") shall sit.\nArticle 9\nFor the purposes of this Law, \"victim\" is a person against whom an offence was committed.\n";
    let (definitions, _, _) = read(text);
    let found: Vec<(&str, DefinitionForm, &str)> = definitions
        .iter()
        .map(|definition| (definition.term.as_str(), definition.form, definition.eid.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("child", DefinitionForm::Means, "sec_2__def_child"),
            ("exploitation", DefinitionForm::Includes, "sec_2__def_exploitation"),
            ("document", DefinitionForm::HasMeaning, "sec_2__def_document"),
            ("victim", DefinitionForm::HasMeaning, "sec_2__def_victim"),
            ("Trafficking in Persons", DefinitionForm::RefersTo, "sec_3__para_a"),
            ("coercion", DefinitionForm::Means, "sec_3__para_b"),
            ("the Council", DefinitionForm::Inline, "sec_4"),
            ("victim", DefinitionForm::Is, "art_9"),
        ]
    );
    let document = &definitions[2].reference.as_ref().expect("a reference");
    assert!(document.external && document.target.is_none(), "{document:?}");
    let victim = definitions[3].reference.as_ref().expect("a reference");
    assert_eq!(victim.target.as_ref().map(|eid| eid.as_str()), Some("sec_3"), "resolved within the instrument");
    assert_eq!(definitions[0].concept.as_ref().map(|concept| concept.as_str()), Some("child"));
    assert_eq!(definitions[4].concept.as_ref().map(|concept| concept.as_str()), Some("trafficking_in_persons"));
}

#[test]
fn an_offence_section_that_defines_trafficking_is_a_constitutive_definition() {
    let text = "Section 5. Whoever, for the purpose of exploitation, recruits, transports or harbours a person by means of deception commits trafficking.\nSection 6. Whoever recruits or transports a child for the purpose of exploitation commits trafficking of a child.\n";
    let (definitions, _, model) = read(text);
    let constitutive: Vec<&str> = definitions
        .iter()
        .filter(|definition| definition.form == DefinitionForm::Constitutive)
        .map(|definition| definition.eid.as_str())
        .collect();
    assert_eq!(constitutive, ["sec_5", "sec_6"]);
    assert_eq!(model.definition.as_ref().map(|source| source.eid.as_str()), Some("sec_5"));
    assert_eq!(ids(&model), ["act.harbouring", "act.recruitment", "act.transportation", "means.deception"]);
    let children = &model.qualifiers[&QualifierName::MeansRequiredForChildren];
    assert_eq!(children.value, QualifierValue::Bool(false), "the child offence names no means");
    assert_eq!(children.evidence[0].eid.as_str(), "sec_6");
}

#[test]
fn a_gap_makes_missing_elements_not_found_never_absent() {
    let header = "+++\nid = \"XX-GAP-2020\"\ntitle = \"t\"\nshort_title = \"t\"\njurisdiction = \"PH\"\nkind = \"act\"\n[language]\ncode = \"en\"\nstatus = \"official\"\n[completeness]\nstatus = \"partial\"\nincluded = [\"s 3\"]\n[[sources]]\nkey = \"a\"\nurl = \"https://example.org\"\ndescription = \"a\"\n+++\n";
    let text = format!("{header}Section 3. Definitions.\n(a) Trafficking in Persons – refers to the recruitment, transportation or harbo{{{{gap: excerpt ends}}}}\n");
    let (instrument, _) = Instrument::from_bytes("XX-GAP-2020.txt", text.as_bytes()).expect("valid");
    let lexicon = Lexicon::bundled();
    let document = parse(&instrument);
    let (definitions, _) = extract_definitions(&instrument, &document, &lexicon);
    let model = ModelBuilder::new(&instrument, &document, &definitions, &lexicon)
        .model(&"trafficking_in_persons".parse().expect("id"));
    assert_eq!(ids(&model), ["act.recruitment", "act.transportation"]);
    assert!(model.absent.is_empty(), "nothing is absent from a cut text: {:?}", model.absent);
    let receipt = model.not_found.iter().find(|item| item.id.as_str() == "act.receipt").expect("receipt is not found");
    assert!(receipt.reason.contains("incomplete") && receipt.reason.contains("excerpt ends"), "{}", receipt.reason);
    assert_eq!(model.qualifiers[&QualifierName::ConsentIrrelevant].value, QualifierValue::Unknown);
}

#[test]
fn a_complete_text_says_what_is_absent_and_reads_its_structure() {
    let text = "Article 1\nDefinitions\nFor the purposes of this Law:\na) \"Trafficking in persons\" shall mean the recruitment or receipt of persons, by means of fraud, for the purpose of exploitation. Exploitation shall include forced labour;\nb) \"Child\" shall mean any person under eighteen years of age.\n";
    let (_, _, model) = read(text);
    assert_eq!(ids(&model), ["act.receipt", "act.recruitment", "means.fraud", "purpose.forced_labour"]);
    assert!(model.absent.iter().any(|id| id.as_str() == "means.coercion"));
    assert!(model.not_found.is_empty());
    assert_eq!(model.qualifiers[&QualifierName::ChildAge].value, QualifierValue::Number(18));
    assert_eq!(model.qualifiers[&QualifierName::ExploitationList].value, QualifierValue::List(ListKind::Open));
    assert_eq!(model.qualifiers[&QualifierName::VictimScope].value, QualifierValue::Scope(VictimScope::AllPersons));
    // A bare text is the whole text its user meant: its silences are read, for every qualifier.
    assert_eq!(model.qualifiers[&QualifierName::ConsentIrrelevant].value, QualifierValue::Bool(false));
    assert_eq!(model.qualifiers[&QualifierName::MeansRequiredForChildren].value, QualifierValue::Bool(true));
    assert_eq!(model.qualifiers[&QualifierName::TransnationalRequired].value, QualifierValue::Bool(false));
}

#[test]
fn bad_definitions_get_located_warnings() {
    let cases: [(&str, WarningKind, usize, usize); 4] = [
        (
            "Section 2. Interpretation.\nIn this Act, words have their ordinary meaning.\n",
            WarningKind::NoDefinitions,
            1,
            1,
        ),
        (
            "Section 2. Interpretation.\n\"child\" means a person below 18;\n\"victim means a trafficked person;\n",
            WarningKind::UnterminatedQuote,
            3,
            1,
        ),
        (
            "Section 2. Interpretation.\n\"child\" means a person below 18;\n\"child\" means a person below 16;\n",
            WarningKind::DefinedTwice,
            3,
            2,
        ),
        (
            "Section 2. Interpretation.\n\"victim\" has the meaning given in section 2;\n",
            WarningKind::CircularReference,
            2,
            2,
        ),
    ];
    for (text, kind, line, column) in cases {
        let (_, warnings, _) = read(text);
        let warning = warnings
            .iter()
            .find(|warning| warning.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} warning for {text:?}: {warnings:?}"));
        assert_eq!((warning.location.line, warning.location.column), (line, column), "{kind:?}: {}", warning.message);
    }
}

fn instrument_in(language: &str, body: &str) -> Instrument {
    let header = format!("+++\nid = \"XX-{language}-2020\"\ntitle = \"t\"\nshort_title = \"t\"\njurisdiction = \"TH\"\nkind = \"act\"\n[language]\ncode = \"{language}\"\nstatus = \"official\"\n[completeness]\nstatus = \"complete\"\nincluded = []\n[[sources]]\nkey = \"a\"\nurl = \"https://example.org\"\ndescription = \"a\"\n+++\n");
    let (instrument, _) = Instrument::from_bytes("XX.txt", format!("{header}{body}").as_bytes()).expect("valid");
    instrument
}

/// The definitions of a text and its model of trafficking.
fn read_in(instrument: &Instrument) -> (Vec<lexdef::Definition>, lexdef::TermModel) {
    let lexicon = Lexicon::bundled();
    let document = parse(instrument);
    let (definitions, _) = extract_definitions(instrument, &document, &lexicon);
    let model = ModelBuilder::new(instrument, &document, &definitions, &lexicon)
        .model(&"trafficking_in_persons".parse().expect("id"));
    (definitions, model)
}

/// Each element of a model with the first words that evidence it.
fn elements_with_words(model: &lexdef::TermModel) -> Vec<(&str, &str)> {
    model.elements.iter().map(|element| (element.id.as_str(), element.evidence[0].text.as_str())).collect()
}

#[test]
fn texts_in_languages_the_lexicon_does_not_cover_are_not_found_not_absent() {
    // Khmer: no lexicon file covers it.
    let instrument = instrument_in("km", "មាត្រា ៤\n“ការជួញដូរមនុស្ស” មានន័យថា ការជ្រើសរើស\n");
    let (_, model) = read_in(&instrument);
    assert!(model.elements.is_empty() && model.absent.is_empty());
    assert!(!model.not_found.is_empty());
    assert!(model.not_found.iter().all(|item| item.reason.contains("`km`")), "{:?}", model.not_found.first());
}

#[test]
fn a_thai_definition_is_read_in_thai() {
    // Written for this test: a quoted term, `หมายความว่า`, acts and means.
    let instrument = instrument_in(
        "th",
        "มาตรา ๔ ในพระราชบัญญัตินี้\n“การค้ามนุษย์” หมายความว่า การจัดหา ซื้อ หรือรับไว้ซึ่งบุคคลใด โดยหลอกลวง เพื่อแสวงหาประโยชน์โดยมิชอบ\n",
    );
    let (definitions, model) = read_in(&instrument);
    assert_eq!(definitions[0].form, DefinitionForm::Means);
    assert_eq!(definitions[0].concept.as_ref().map(|id| id.as_str()), Some("trafficking_in_persons"));
    let found = elements_with_words(&model);
    assert_eq!(
        found,
        [("act.buying", "ซื้อ"), ("act.procuring", "จัดหา"), ("act.receipt", "รับไว้"), ("means.deception", "หลอกลวง")]
    );
}

#[test]
fn a_malay_definition_is_read_in_malay_with_its_affixes_folded() {
    // Written for this test: `ertinya`, and `direkrut` / `pengangkutan`, affixes of the
    // lexicon's `merekrut` and `mengangkut`.
    let instrument = instrument_in(
        "ms",
        "Tafsiran\n2. Dalam Akta ini—\n“pemerdagangan orang” ertinya perbuatan seseorang yang direkrut, pengangkutan atau penerimaan seseorang melalui paksaan;\n",
    );
    let (definitions, model) = read_in(&instrument);
    let definition = definitions.iter().find(|definition| definition.term == "pemerdagangan orang").expect("defined");
    assert_eq!(definition.form, DefinitionForm::Means);
    let found = elements_with_words(&model);
    assert_eq!(
        found,
        [
            ("act.receipt", "penerimaan"),
            ("act.recruitment", "direkrut"),
            ("act.transportation", "pengangkutan"),
            ("means.coercion", "paksaan")
        ]
    );
}

/// `X là ...` defines X in an article of definitions (headed `Giải thích từ ngữ`, or under
/// words that introduce the list); in a paragraph of an article on something else it says
/// who X is for that article's rule, and defines nothing. Texts written for this test.
#[test]
fn a_vietnamese_x_la_sentence_defines_only_where_definitions_stand() {
    let support = "Điều 20. Chế độ hỗ trợ\n1. Nạn nhân là công dân Việt Nam được hưởng chế độ hỗ trợ sau đây:\na) Hỗ trợ về nhu cầu thiết yếu;\n2. Nạn nhân là người nước ngoài được hỗ trợ chi phí đi lại.\n";
    for definitions_article in [
        "Điều 2. Giải thích từ ngữ\n1. Nạn nhân là người bị mua bán.\n",
        "Điều 2\nTrong Luật này, các từ ngữ dưới đây được hiểu như sau:\n1. Nạn nhân là người bị mua bán.\n",
    ] {
        let instrument = instrument_in("vi", &format!("{definitions_article}{support}"));
        let (definitions, _) = read_in(&instrument);
        let victims: Vec<&str> = definitions
            .iter()
            .filter(|definition| definition.concept.as_ref().is_some_and(|id| id.as_str() == "victim"))
            .map(|definition| definition.eid.as_str())
            .collect();
        assert_eq!(victims, ["art_2__para_1"], "{definitions_article}");
    }
    // Without an article of definitions, the support article's sentences define nothing.
    let instrument = instrument_in("vi", support);
    let (definitions, _) = read_in(&instrument);
    assert!(definitions.is_empty(), "{definitions:?}");
}

#[test]
fn rules_and_regulations_number_their_units_and_the_evidence_cites_them() {
    // Subsidiary legislation drafted as rules or regulations: each `Rule N.` (or `Regulation
    // N`, `Reg. N.`) is a unit of its own, so a definition in rule 3 is cited at rule 3, not
    // read into the paragraphs of rule 2 before it.
    for keyword in ["Rule", "Regulation", "Reg."] {
        let text = format!(
            "THE PREVENTION OF TRAFFICKING (SUPPORT) RULES\n\n{keyword} 1. Citation\nThese Rules may be cited as the Prevention of Trafficking (Support) Rules.\n\n{keyword} 2. Shelter\n(1) The Director shall provide shelter to every victim.\n(2) A victim may decline shelter.\n\n{keyword} 3. Interpretation\nIn these Rules, \"trafficking in persons\" means the recruitment, transportation or harbouring of a person by means of force, fraud or deception for the purpose of exploitation.\n"
        );
        let (definitions, _, model) = read(&text);
        let (instrument, _) = Instrument::from_text("rules.txt", &text).expect("a valid text");
        let outline: Vec<(String, Option<String>)> =
            parse(&instrument).walk().map(|provision| (provision.eid.to_string(), provision.num.clone())).collect();
        for (eid, num) in [("sec_1", "1."), ("sec_2", "2."), ("sec_3", "3.")] {
            assert!(
                outline.iter().any(|(found, written)| found == eid
                    && written
                        .as_deref()
                        .is_some_and(|written| written.starts_with(keyword) && written.ends_with(num))),
                "{keyword}: {eid} numbered `{keyword} {num}`: {outline:?}"
            );
        }
        assert!(outline.iter().any(|(eid, _)| eid == "sec_2__subsec_2"), "{keyword}: {outline:?}");
        let definition = definitions
            .iter()
            .find(|definition| definition.term == "trafficking in persons")
            .unwrap_or_else(|| panic!("{keyword}: the definition is found: {definitions:?}"));
        assert_eq!(definition.eid.as_str(), "sec_3", "{keyword}");
        assert_eq!(
            ids(&model),
            [
                "act.harbouring",
                "act.recruitment",
                "act.transportation",
                "means.deception",
                "means.fraud",
                "means.use_of_force"
            ],
            "{keyword}"
        );
        for element in &model.elements {
            assert!(
                element.evidence.iter().all(|evidence| evidence.eid.as_str().starts_with("sec_3")),
                "{keyword}: {element:?}"
            );
        }
    }
}
