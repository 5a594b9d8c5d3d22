//! The whole instrument is read, and claims are scoped to what was seen: the examples of the
//! issue that asked for it, each with the law's words, and the rule over the whole corpus.

use lexdef::{Analysis, Confidence, Corpus, DivergenceKind, ElementState, Lexicon, ListKind, QualifierName, Reason};
use lexdef_workspace_tests::bundled_report;

fn analysis(id: &str) -> Analysis {
    let corpus = Corpus::bundled();
    let instrument = corpus.require(id).expect("a bundled instrument");
    Analysis::of(instrument, &Lexicon::bundled(), &"trafficking_in_persons".parse().expect("a concept id"))
}

/// The words of the first evidence of `element`, and the provision they are in.
fn words(analysis: &Analysis, element: &str) -> Vec<(String, String)> {
    analysis
        .model
        .elements
        .iter()
        .find(|presence| presence.id.as_str() == element)
        .map(|presence| {
            presence.evidence.iter().map(|evidence| (evidence.text.clone(), evidence.eid.to_string())).collect()
        })
        .unwrap_or_default()
}

#[test]
fn nested_definitions_are_followed() {
    // Singapore: "exploitation" names "any practice similar to slavery", which "includes debt
    // bondage, serfdom or any servile form of marriage".
    let singapore = analysis("SG-PHTA-2014");
    assert!(words(&singapore, "purpose.debt_bondage")
        .contains(&("debt bondage".to_owned(), "sec_2__def_practice-similar-to-slavery".to_owned())));
    assert!(words(&singapore, "purpose.forced_marriage")
        .contains(&("servile form of marriage".to_owned(), "sec_2__def_practice-similar-to-slavery".to_owned())));
    // Viet Nam 2024: "Sexual exploitation means forcing a victim to prostitution ... to perform pornography".
    let viet_nam = analysis("VN-LAW53-2024");
    assert_eq!(words(&viet_nam, "purpose.prostitution")[0].1, "art_2__para_2");
    assert_eq!(words(&viet_nam, "purpose.pornography")[0], ("pornographic".to_owned(), "art_2__para_2".to_owned()));
}

#[test]
fn offence_sections_add_their_acts_and_purposes() {
    // RA 10364 s 4(a): "for the purpose of prostitution, pornography, or sexual exploitation".
    let ra_10364 = analysis("PH-RA10364-2012");
    assert!(words(&ra_10364, "purpose.pornography")
        .contains(&("pornography".to_owned(), "sec_4__sec_4__para_a".to_owned())));
    // RA 11862 s 4(k): "including the act of buying or selling a child", "the use, procuring or
    // offering of a child for prostitution", "a child for illegal activities"; s 4(i) armed conflict.
    let ra_11862 = analysis("PH-RA11862-2022");
    for (element, text, eid) in [
        ("act.procuring", "procuring", "sec_4__sec_4__para_k__subpara_2"),
        ("purpose.illegal_activity", "illegal activities", "sec_4__sec_4__para_k__subpara_4"),
        ("purpose.armed_conflict", "armed conflict", "sec_4__sec_4__para_i"),
    ] {
        assert!(
            words(&ra_11862, element).contains(&(text.to_owned(), eid.to_owned())),
            "{element}: {:?}",
            words(&ra_11862, element)
        );
    }
    assert!(!words(&ra_11862, "act.selling").is_empty() && !words(&ra_11862, "act.buying").is_empty());
}

#[test]
fn a_residual_clause_opens_the_list() {
    // Thailand: "Exploitation means ... or any other similar practices resulting in forced extortion".
    let thailand = analysis("TH-ATIPA-2008");
    let list = &thailand.model.qualifiers[&QualifierName::ExploitationList];
    assert_eq!(list.value, lexdef::QualifierValue::List(ListKind::Open));
    assert_eq!(list.evidence[0].text, "or any other similar practices");
}

#[test]
fn nothing_is_absent_and_nothing_certain_rests_on_text_not_seen() {
    let (report, analyses) = bundled_report();
    let mut partial = 0;
    for analysis in &analyses {
        let whole = analysis.instrument.gaps.is_empty()
            && analysis
                .instrument
                .metadata
                .as_ref()
                .is_some_and(|metadata| metadata.completeness.status == lexdef::CompletenessStatus::Complete);
        if whole {
            continue;
        }
        partial += 1;
        let id = analysis.instrument.id.as_str();
        assert!(analysis.model.absent.is_empty(), "{id} is partial, yet {:?} are called absent", analysis.model.absent);
        for element in analysis.model.elements.iter().map(|presence| &presence.id) {
            assert_eq!(analysis.model.state(element), ElementState::Present);
        }
        let entry = report.instruments.iter().find(|entry| entry.instrument.as_str() == id);
        for finding in entry.map(|entry| entry.findings.as_slice()).unwrap_or_default() {
            let rests_on_silence =
                matches!(finding.kind, DivergenceKind::MissingElement | DivergenceKind::TermNotDefined)
                    || (finding.kind == DivergenceKind::QualifierMismatch && finding.subject.evidence.is_empty());
            assert!(
                !(rests_on_silence && finding.confidence == Confidence::Certain),
                "{id}: a certain finding that rests on the silence of a partial text: {}",
                finding.summary
            );
        }
    }
    assert!(partial > 15, "most of the corpus is partial: {partial}");
}

#[test]
fn texts_not_read_are_not_compared() {
    let (report, analyses) = bundled_report();
    for (id, cause) in [("ASEAN-ACTIP-2015", "no definition"), ("BN-TSPO-2004", "was not found")] {
        let entry = report.instruments.iter().find(|entry| entry.instrument.as_str() == id).expect("listed");
        assert!(entry.findings.is_empty(), "{id} has no findings");
        assert!(
            entry.not_compared.as_deref().is_some_and(|reason| reason.contains(cause)),
            "{id}: {:?}",
            entry.not_compared
        );
    }
    let brunei = analyses.iter().find(|analysis| analysis.instrument.id.as_str() == "BN-TSPO-2004").expect("bundled");
    assert!(matches!(brunei.model.not_found[0].cause, Reason::TextMissing));
    assert!(report.to_text().contains("\nNot compared"));
    assert!(report.to_markdown().contains("## Not compared"));
}

#[test]
fn what_the_seen_provisions_settle_is_read_where_the_definition_was_not_seen() {
    // Malaysia's Act 670: s 2 defines "child" and "exploitation", but its definition of
    // trafficking in persons is cut by a gap.
    let malaysia = analysis("MY-ATIPSOM-2007");
    assert!(malaysia.model.definition.is_none());
    let age = &malaysia.model.qualifiers[&QualifierName::ChildAge];
    assert_eq!(age.value, lexdef::QualifierValue::Number(18));
    assert_eq!(age.evidence[0].text, "under the age of eighteen");
    assert_eq!(age.evidence[0].eid.as_str(), "sec_2__def_child");
    assert!(words(&malaysia, "purpose.forced_labour")
        .contains(&("forced labour or services".to_owned(), "sec_2__def_exploitation".to_owned())));
    let recruitment = "act.recruitment".parse().expect("an element id");
    assert_eq!(
        malaysia.model.state(&recruitment),
        ElementState::NotDefined,
        "what the unseen definition would say stays unsaid"
    );
    assert!(matches!(
        malaysia.model.not_found_reason(&recruitment).map(|item| &item.cause),
        Some(Reason::NoDefinitionSeen)
    ));
}
