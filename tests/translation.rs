//! The translation check on the curated corpus: each original-language text against its
//! translation, with the words of both. The findings asserted here are ones the team's
//! annotations of both texts agree on (`corpus/annotations/*-orig.toml` and the English
//! ones); a small corpus of two texts shows `more`, `less` and `differs`, which the curated
//! pairs do not have today.

use lexdef::{
    compare, Confidence, Corpus, DivergenceKind, Lexicon, PairText, Reason, Study, TranslationCheck,
    TranslationFinding, TranslationPair, Verdict,
};

fn check_of(corpus: &Corpus) -> TranslationCheck {
    let lexicon = Lexicon::bundled();
    let concept = lexicon.concept("trafficking_in_persons").expect("the concept");
    Study::new(corpus, &lexicon, concept).translation_check()
}

fn bundled_check() -> TranslationCheck {
    check_of(&Corpus::bundled())
}

fn pair<'c>(check: &'c TranslationCheck, original: &str, translation: &str) -> &'c TranslationPair {
    check.pair(original, translation).unwrap_or_else(|| panic!("no pair {original} / {translation}"))
}

fn finding<'p>(pair: &'p TranslationPair, id: &str) -> &'p TranslationFinding {
    pair.findings
        .iter()
        .find(|finding| finding.id() == id)
        .unwrap_or_else(|| panic!("{} / {}: no finding for {id}", pair.original, pair.translation))
}

/// The first words of each side and their provision: what a reader sees side by side.
fn words(finding: &TranslationFinding) -> ((&str, &str), (&str, &str)) {
    (side_words(&finding.in_original), side_words(&finding.in_translation))
}

fn side_words(side: &lexdef::Side) -> (&str, &str) {
    side.evidence.first().map_or(("", ""), |evidence| (evidence.text.as_str(), evidence.eid.as_str()))
}

/// Every word quoted by a check is the text of its instrument at its span.
fn assert_words_are_the_texts(check: &TranslationCheck, corpus: &Corpus) {
    let mut quoted = 0;
    for pair in &check.pairs {
        for finding in &pair.findings {
            for (side, id) in [(&finding.in_original, &pair.original), (&finding.in_translation, &pair.translation)] {
                for evidence in &side.evidence {
                    assert_eq!(&evidence.instrument, id, "{}: evidence of the other text", finding.id());
                    let instrument = corpus.require(id.as_str()).expect("the pair's texts are in the corpus");
                    assert_eq!(&instrument.text[evidence.span.range()], evidence.text, "{id} {}", finding.id());
                    quoted += 1;
                }
            }
        }
    }
    assert!(quoted > 0, "the check quotes words");
}

#[test]
fn every_translation_relation_of_the_corpus_is_a_pair_once() {
    let check = bundled_check();
    let pairs: Vec<(&str, &str)> =
        check.pairs.iter().map(|pair| (pair.original.as_str(), pair.translation.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("ID-LAW21-2007-orig", "ID-LAW21-2007"),
            ("LA-LAHT-2015-orig", "LA-LAHT-2015"),
            ("TH-ATIPA-2008-orig", "TH-ATIPA-2008"),
            ("VN-LAW53-2024-orig", "VN-LAW53-2024"),
            ("VN-LAW66-2011-orig", "VN-LAW66-2011"),
            ("VN-PENAL-2015-orig", "VN-PENAL-2015"),
        ],
        "the relations are written both ways; each pair is checked once"
    );
    assert_words_are_the_texts(&check, &Corpus::bundled());
}

#[test]
fn the_vietnamese_penal_code_and_its_translation_agree_word_for_word_where_both_are_read() {
    let check = bundled_check();
    let pair = pair(&check, "VN-PENAL-2015-orig", "VN-PENAL-2015");
    assert_eq!((pair.original_language.as_deref(), pair.translation_language.as_deref()), (Some("vi"), Some("en")));

    // Both name the act, in the same point of Điều 151 / Article 151: the words side by side.
    let recruitment = finding(pair, "act.recruitment");
    assert_eq!(recruitment.verdict, Verdict::Agrees);
    assert_eq!(
        words(recruitment),
        (("Tuyển mộ", "art_151__para_1__subpara_c"), ("Recruiting", "art_151__para_1__subpara_c"))
    );
    let harbouring = finding(pair, "act.harbouring");
    assert_eq!(harbouring.verdict, Verdict::Agrees);
    assert_eq!(
        words(harbouring),
        (("chứa chấp", "art_151__para_1__subpara_c"), ("harboring", "art_151__para_1__subpara_c"))
    );
    let organs = finding(pair, "purpose.organ_removal");
    assert_eq!(organs.verdict, Verdict::Agrees);
    assert_eq!(words(organs).0, ("lấy bộ phận cơ thể", "art_151__para_1__subpara_b"));

    // The same age of a child, 16, in both.
    let age = finding(pair, "child_age");
    assert_eq!(age.verdict, Verdict::Agrees);
    assert_eq!((&age.in_original.value, &age.in_translation.value), (&serde_json::json!(16), &serde_json::json!(16)));
    let ((original_words, original_eid), (translation_words, translation_eid)) = words(age);
    assert_eq!((original_words, original_eid), ("dưới 16 tuổi", "art_151__para_1__subpara_a"));
    assert!(translation_words.starts_with("under 16 years"), "{translation_words}");
    assert_eq!(translation_eid, "art_151__para_1__subpara_a");

    // The means are named in Article 150 of the translation; the Vietnamese text holds Điều
    // 151 only (Điều 150 is a gap), whose khoản 1 names none: whether the Code names them
    // cannot be said — not "the translation adds means".
    for means in ["means.deception", "means.use_of_force", "means.threat_of_force", "means.other_tricks"] {
        let finding = finding(pair, means);
        assert_eq!(finding.verdict, Verdict::CannotSay, "{means}");
        assert_eq!(finding.in_original.value, "not_found", "{means}");
        assert!(finding.in_original.evidence.is_empty(), "{means}");
        assert_eq!(finding.unsettled.len(), 1, "{means}");
        assert_eq!(finding.unsettled[0].text, PairText::Original, "{means}");
        assert!(
            matches!(finding.unsettled[0].cause, Some(Reason::RestNotSeen { .. } | Reason::Incomplete { .. })),
            "{means}: {:?}",
            finding.unsettled[0].cause
        );
    }
    assert_eq!(words(finding(pair, "means.deception")).1, ("deceives", "art_150__para_1"));

    assert!(
        pair.findings.iter().all(|finding| !finding.verdict.departs()),
        "no departure where the Vietnamese is read: {:#?}",
        pair.findings.iter().filter(|finding| finding.verdict.departs()).collect::<Vec<_>>()
    );
    assert!(pair.agrees());
    assert!(
        pair.summary.starts_with("the translation and the original agree on every element read: "),
        "{}",
        pair.summary
    );
}

#[test]
fn indonesian_law_21_and_its_translation_agree_on_article_1_and_the_gap_says_cannot_say() {
    let check = bundled_check();
    let pair = pair(&check, "ID-LAW21-2007-orig", "ID-LAW21-2007");
    assert_eq!((pair.original_language.as_deref(), pair.translation_language.as_deref()), (Some("id"), Some("en")));

    // Article 1 point 1 in both: an extended act and an extended means, side by side.
    let sending = finding(pair, "act.sending");
    assert_eq!(sending.verdict, Verdict::Agrees);
    assert_eq!(words(sending), (("pengiriman", "art_1__para_1"), ("sending", "art_1__para_1")));
    let bondage = finding(pair, "means.debt_bondage");
    assert_eq!(bondage.verdict, Verdict::Agrees);
    assert_eq!(words(bondage), (("penjeratan utang", "art_1__para_1"), ("debt bondage", "art_1__para_1")));
    let border = finding(pair, "transnational_required");
    assert_eq!(border.verdict, Verdict::Agrees);
    assert_eq!(
        (&border.in_original.value, &border.in_translation.value),
        (&serde_json::json!(false), &serde_json::json!(false))
    );
    let ((original_words, _), (translation_words, _)) = words(border);
    assert!(original_words.contains("di dalam negara maupun antar negara"), "{original_words}");
    assert!(translation_words.contains("within the country or cross-border"), "{translation_words}");

    // The English holds Article 1 point 1 only: the purposes of the definition of
    // exploitation (Article 1 point 7) and the age of a child (point 5) are in the Indonesian
    // alone, and the English is cut by a gap — cannot say, not "the translation leaves out".
    let prostitution = finding(pair, "purpose.prostitution");
    assert_eq!(prostitution.verdict, Verdict::CannotSay);
    assert_eq!(words(prostitution).0, ("pelacuran", "art_1__para_7"));
    assert_eq!(prostitution.in_translation.value, "not_found");
    assert_eq!(prostitution.unsettled[0].text, PairText::Translation);
    assert!(matches!(prostitution.unsettled[0].cause, Some(Reason::Incomplete { .. })), "{:?}", prostitution.unsettled);
    let age = finding(pair, "child_age");
    assert_eq!(age.verdict, Verdict::CannotSay);
    assert_eq!(age.in_original.value, serde_json::json!(18));
    assert!(words(age).0 .0.starts_with("belum berusia 18"), "{:?}", words(age));
    assert_eq!(age.in_translation.value, "unknown");
    assert!(age.in_translation.evidence.is_empty());

    assert_eq!(pair.counts.departures(), 0, "{:#?}", pair.findings);
    assert!(pair.agrees());
}

#[test]
fn law_53_of_2024_and_its_translation_agree_on_every_element_read() {
    let check = bundled_check();
    let pair = pair(&check, "VN-LAW53-2024-orig", "VN-LAW53-2024");
    assert!(pair.agrees(), "{}", pair.summary);
    assert!(pair.counts.agrees >= 10, "{:?}", pair.counts);
    assert!(
        pair.summary.starts_with(&format!(
            "the translation and the original agree on every element read: {} elements",
            pair.counts.agrees
        )),
        "{}",
        pair.summary
    );
    let prostitution = finding(pair, "purpose.prostitution");
    assert_eq!(prostitution.verdict, Verdict::Agrees);
    assert_eq!(words(prostitution), (("bán dâm", "art_2__para_2"), ("prostitution", "art_2__para_2")));
    let age = finding(pair, "child_age");
    assert_eq!(age.verdict, Verdict::Agrees);
    assert_eq!(words(age).0 .0, "dưới 18 tuổi");
}

#[test]
fn the_lao_translation_was_not_found_so_nothing_the_original_names_is_said_to_be_left_out() {
    let check = bundled_check();
    // The English of the Lao law is metadata only: what the Lao names cannot be checked.
    let lao = pair(&check, "LA-LAHT-2015-orig", "LA-LAHT-2015");
    assert_eq!(lao.not_read.len(), 1, "{:?}", lao.not_read);
    assert_eq!((lao.not_read[0].text, &lao.not_read[0].cause), (PairText::Translation, &Some(Reason::TextMissing)));
    assert!(lao.findings.len() >= 15, "{:?}", lao.counts);
    for finding in &lao.findings {
        assert_eq!(finding.verdict, Verdict::CannotSay, "{}", finding.summary);
        assert!(finding.in_translation.evidence.is_empty());
        assert!(!finding.in_original.evidence.is_empty(), "{}: the Lao words", finding.id());
    }
    let recruitment = finding(lao, "act.recruitment");
    assert_eq!(words(recruitment).0, ("ຊອກຫາ", "art_2"));
    assert!(
        lao.summary.starts_with("the translation could not be read (the text of the instrument was not found; the corpus holds only its metadata): the "),
        "{}",
        lao.summary
    );
    assert!(!lao.agrees());
}

#[test]
fn the_thai_act_and_its_translation_agree_on_every_element_read() {
    let check = bundled_check();
    let thai = pair(&check, "TH-ATIPA-2008-orig", "TH-ATIPA-2008");
    assert!(thai.not_read.is_empty(), "{:?}", thai.not_read);
    let buying = finding(thai, "act.buying");
    assert_eq!(buying.verdict, Verdict::Agrees);
    assert_eq!(words(buying), (("ซื้อ", "sec_6__subsec_1"), ("buying", "sec_6__subsec_1")));
    let receipt = finding(thai, "act.receipt");
    assert_eq!(receipt.verdict, Verdict::Agrees);
    assert_eq!(words(receipt).0, ("รับไว้", "sec_6__subsec_1"));
    // The English holds no definition of a child; the Thai defines one (มาตรา ๔).
    let age = finding(thai, "child_age");
    assert_eq!(age.verdict, Verdict::CannotSay);
    assert_eq!(age.in_original.value, serde_json::json!(18));
    assert!(words(age).0 .0.contains("ต่ำกว่าสิบแปดปี"), "{:?}", words(age));
    assert_eq!(age.unsettled[0].text, PairText::Translation);
    assert_eq!(thai.counts.departures(), 0, "{:#?}", thai.findings);
    assert!(thai.agrees());
    assert!(
        thai.summary.starts_with("the translation and the original agree on every element read: "),
        "{}",
        thai.summary
    );
}

// A small corpus: a complete original, its complete translation that departs from it, a text
// in a language no lexicon reads and its translation, and a translation whose original is not
// in the corpus. Both texts of the first pair are written in English: the check compares
// models, whatever their language, and English keeps this test apart from the lexicons of
// the other languages.

const HEADER: &str = r#"+++
id = "ID"
title = "TITLE"
short_title = "TITLE"
jurisdiction = "PH"
kind = "act"
adopted = "2020-01-31"

[language]
code = "LANGUAGE"
status = "STATUS"

[completeness]
status = "complete"
included = ["s 1"]

[[sources]]
key = "gazette"
url = "https://example.org/gazette"
description = "the Gazette"
RELATIONS+++
{{source: gazette}}
"#;

fn file(id: &str, language: &str, status: &str, relations: &[(&str, &str)], body: &str) -> (String, Vec<u8>) {
    let relations: String = relations
        .iter()
        .map(|(kind, target)| format!("\n[[relations]]\nkind = \"{kind}\"\ntarget = \"{target}\"\n"))
        .collect();
    let text = HEADER
        .replace("\"ID\"", &format!("\"{id}\""))
        .replace("TITLE", id)
        .replace("LANGUAGE", language)
        .replace("STATUS", status)
        .replace("RELATIONS", &relations)
        + body;
    (format!("{id}.txt"), text.into_bytes())
}

const ORIGINAL: &str = "Section 1. Interpretation\nIn this Act—\n\"trafficking in persons\" means the recruitment, transportation or harbouring of a person, by means of the threat or use of force or deception, for the purpose of exploitation;\n\"exploitation\" includes forced labour and slavery;\n\"child\" means a person under eighteen years of age.\n";
const TRANSLATION: &str = "Section 1. Interpretation\nIn this Act—\n\"trafficking in persons\" means the recruitment, transportation or receipt of a person, by means of the threat or use of force or deception, for the purpose of exploitation;\n\"exploitation\" includes forced labour, slavery and begging;\n\"child\" means a person under sixteen years of age.\n";
const KHMER: &str = "មាត្រា ១\nការជួញដូរមនុស្ស សំដៅដល់ការជ្រើសរើស ការដឹកជញ្ជូន ការផ្ទេរ។\n";

fn small_corpus() -> Corpus {
    Corpus::from_files([
        file("XX-LAW-2020-orig", "en", "official", &[("original_of", "XX-LAW-2020")], ORIGINAL),
        file("XX-LAW-2020", "en", "translation", &[("translation_of", "XX-LAW-2020-orig")], TRANSLATION),
        file("XX-KH-2020-orig", "km", "official", &[("original_of", "XX-KH-2020")], KHMER),
        file("XX-KH-2020", "en", "translation", &[("translation_of", "XX-KH-2020-orig")], ORIGINAL),
        file("XX-LOST-2020", "en", "translation", &[("translation_of", "XX-LOST-2020-orig")], ORIGINAL),
    ])
}

#[test]
fn a_translation_that_departs_says_more_less_and_differs_with_the_words() {
    let corpus = small_corpus();
    let check = check_of(&corpus);
    let pair = pair(&check, "XX-LAW-2020-orig", "XX-LAW-2020");
    let verdict = |id: &str| finding(pair, id).verdict;
    assert_eq!(verdict("act.recruitment"), Verdict::Agrees);
    assert_eq!(verdict("purpose.slavery"), Verdict::Agrees);
    // Both texts are complete: what one names and the other does not is certain.
    assert_eq!(verdict("act.harbouring"), Verdict::Less);
    assert_eq!(verdict("act.receipt"), Verdict::More);
    assert_eq!(verdict("purpose.begging"), Verdict::More);
    assert_eq!(verdict("child_age"), Verdict::Differs);
    let harbouring = finding(pair, "act.harbouring");
    assert_eq!(words(harbouring).0 .0, "harbouring");
    assert_eq!(
        (&harbouring.in_original.value, &harbouring.in_translation.value),
        (&"present".into(), &"absent".into())
    );
    assert!(harbouring.in_translation.evidence.is_empty());
    let begging = finding(pair, "purpose.begging");
    assert_eq!(words(begging).1 .0, "begging");
    assert_eq!(begging.in_original.value, "absent");
    let age = finding(pair, "child_age");
    assert_eq!((&age.in_original.value, &age.in_translation.value), (&serde_json::json!(18), &serde_json::json!(16)));
    assert!(words(age).0 .0.contains("eighteen") && words(age).1 .0.contains("sixteen"), "{:?}", words(age));
    assert!(!pair.agrees());
    assert_eq!((pair.counts.more, pair.counts.less, pair.counts.differs), (2, 1, 1), "{:#?}", pair.counts);
    assert!(pair.summary.starts_with("the translation departs from the original: it names 2 elements the original does not, does not name 1 element the original names, gives 1 qualifier another value"), "{}", pair.summary);
    assert_words_are_the_texts(&check, &corpus);
}

#[test]
fn an_original_in_a_language_no_lexicon_reads_gives_cannot_say_never_more() {
    let corpus = small_corpus();
    let check = check_of(&corpus);
    let pair = pair(&check, "XX-KH-2020-orig", "XX-KH-2020");
    assert_eq!(pair.not_read.len(), 1);
    assert_eq!(pair.not_read[0].text, PairText::Original);
    assert_eq!(pair.not_read[0].cause, Some(Reason::LanguageNotCovered { code: "km".to_owned() }));
    assert!(pair.findings.len() >= 7, "every element and qualifier the translation settles: {:?}", pair.counts);
    for finding in &pair.findings {
        assert_eq!(finding.verdict, Verdict::CannotSay, "{}", finding.summary);
        assert_eq!(
            finding.reason().as_deref(),
            Some("the original could not be read: the text is in `km`, which the lexicon does not cover yet"),
            "{}",
            finding.id()
        );
        assert!(!finding.in_translation.evidence.is_empty() || finding.qualifier.is_some(), "{}", finding.id());
    }
    assert_eq!(pair.counts.departures() + pair.counts.agrees + pair.counts.qualifiers_agree, 0);
    assert!(
        pair.summary.starts_with(
            "the original could not be read (the text is in `km`, which the lexicon does not cover yet): the "
        ),
        "{}",
        pair.summary
    );
}

#[test]
fn a_relation_to_an_instrument_not_in_the_corpus_is_reported() {
    let corpus = small_corpus();
    assert!(
        corpus.errors().iter().any(|error| error.message.contains("XX-LOST-2020-orig")),
        "the loader names the missing target too"
    );
    let check = check_of(&corpus);
    let pair = pair(&check, "XX-LOST-2020-orig", "XX-LOST-2020");
    assert_eq!(pair.not_in_corpus, Some(PairText::Original));
    assert!(pair.findings.is_empty());
    assert_eq!(
        pair.summary,
        "XX-LOST-2020 names XX-LOST-2020-orig as its original, which is not in the corpus: there is nothing to check it against"
    );
}

/// The check and `compare` decide certainty alike: a certain missing or additional element of
/// the translation against its original is a `less` or `more`, an uncertain one `cannot say`.
#[test]
fn the_check_decides_certainty_as_compare_does() {
    let lexicon = Lexicon::bundled();
    let concept = lexicon.concept("trafficking_in_persons").expect("the concept");
    let small = small_corpus();
    let bundled = Corpus::bundled();
    let mut checked = 0;
    for corpus in [&small, &bundled] {
        let study = Study::new(corpus, &lexicon, concept.clone());
        for pair in study.translation_check().pairs.iter().filter(|pair| pair.not_in_corpus.is_none()) {
            let original = &study.analysis(pair.original.as_str()).expect("in the corpus").model;
            let translation = &study.analysis(pair.translation.as_str()).expect("in the corpus").model;
            if translation.definition.is_none() {
                continue;
            }
            for divergence in compare(translation, original) {
                let Some(element) = &divergence.element else { continue };
                let expected = match (divergence.kind, &divergence.confidence) {
                    (DivergenceKind::MissingElement, Confidence::Certain) => Verdict::Less,
                    (DivergenceKind::AdditionalElement, Confidence::Certain) => Verdict::More,
                    (DivergenceKind::MissingElement | DivergenceKind::AdditionalElement, _) => Verdict::CannotSay,
                    _ => continue,
                };
                assert_eq!(finding(pair, element.as_str()).verdict, expected, "{} {element}", pair.translation);
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "{checked}");
}

/// No verdict depends on the words of a message: rewording every reason and basis of both
/// models changes no verdict.
#[test]
fn rewording_every_message_changes_no_verdict() {
    let lexicon = Lexicon::bundled();
    let concept = lexicon.concept("trafficking_in_persons").expect("the concept");
    let reworded = |model: &lexdef::TermModel| {
        let mut model = model.clone();
        for item in &mut model.not_found {
            item.reason = "reworded".to_owned();
        }
        for qualifier in model.qualifiers.values_mut() {
            if qualifier.basis.is_some() {
                qualifier.basis = Some("reworded".to_owned());
            }
        }
        model
    };
    let small = small_corpus();
    let bundled = Corpus::bundled();
    for corpus in [&small, &bundled] {
        let study = Study::new(corpus, &lexicon, concept.clone());
        for pair in study.translation_check().pairs.iter().filter(|pair| pair.not_in_corpus.is_none()) {
            let model = |id: &lexdef::InstrumentId| &study.analysis(id.as_str()).expect("in the corpus").model;
            let again = TranslationPair::check(
                &pair.original,
                &pair.translation,
                Some(&reworded(model(&pair.original))),
                Some(&reworded(model(&pair.translation))),
            );
            let verdicts = |pair: &TranslationPair| -> Vec<(String, Verdict)> {
                pair.findings.iter().map(|finding| (finding.id(), finding.verdict)).collect()
            };
            assert_eq!(verdicts(pair), verdicts(&again), "{}", pair.translation);
            assert_eq!(pair.counts, again.counts);
        }
    }
}

#[test]
fn the_report_holds_the_check_and_compare_of_a_translation_with_its_original_too() {
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let concept = lexicon.concept("trafficking_in_persons").expect("the concept");
    let study = Study::new(&corpus, &lexicon, concept);
    let check = study.translation_check();
    let report = study.with_baseline("palermo").expect("the Protocol").report();
    assert_eq!(report.translation, check.pairs, "the report's section is the corpus's check, whatever the baseline");

    let against_original = study.with_baseline("VN-PENAL-2015-orig").expect("the Vietnamese text defines it");
    let comparison = against_original.compare(against_original.analysis("VN-PENAL-2015").expect("bundled"));
    assert_eq!(
        comparison.report.translation,
        [check.pair("VN-PENAL-2015-orig", "VN-PENAL-2015").expect("a pair").clone()]
    );
    let against_palermo = study.with_baseline("palermo").expect("the Protocol");
    let comparison = against_palermo.compare(against_palermo.analysis("VN-PENAL-2015").expect("bundled"));
    assert!(comparison.report.translation.is_empty(), "the Protocol is no translation of the Penal Code");
}

/// Every shape of the translation section — a pair that departs, one whose original was not
/// read, one whose original is not in the corpus, the curated pairs, and the pair of a
/// comparison — validates against the report's schema, which refuses an unknown field.
#[test]
fn the_translation_section_validates_against_the_report_schema() {
    let schema: serde_json::Value = serde_json::from_str(lexdef::REPORT_JSON_SCHEMA).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let lexicon = Lexicon::bundled();
    let concept = lexicon.concept("trafficking_in_persons").expect("the concept");
    let small = small_corpus();
    let bundled = Corpus::bundled();
    let small_study = Study::new(&small, &lexicon, concept.clone()).with_baseline("XX-LAW-2020-orig").expect("defined");
    let bundled_study = Study::new(&bundled, &lexicon, concept).with_baseline("VN-PENAL-2015-orig").expect("defined");
    let reports = [
        small_study.report(),
        bundled_study.report(),
        bundled_study.compare(bundled_study.analysis("VN-PENAL-2015").expect("bundled")).report,
    ];
    for report in &reports {
        let instance: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
        assert!(!instance["translation"].as_array().expect("a translation section").is_empty());
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|error| format!("{error} at {}", error.instance_path))
            .take(10)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let mut broken = instance.clone();
        broken["translation"][0]["findings"][0]["surprise"] = serde_json::json!(1);
        assert!(!validator.is_valid(&broken), "an unknown field is refused");
        let back: lexdef::Report = serde_json::from_str(&report.to_json()).expect("the report reads back");
        assert_eq!(&back, report);
    }
    let kinds: Vec<&str> = reports[0].translation.iter().map(|pair| pair.summary.as_str()).collect();
    assert!(kinds.iter().any(|summary| summary.contains("which is not in the corpus")), "{kinds:#?}");
    assert!(kinds.iter().any(|summary| summary.starts_with("the original could not be read")), "{kinds:#?}");
}
