//! A drafter's bill compared with the UN Protocol gives the right gap list. The bills are
//! written for these tests, in different drafting styles, each omitting or adding known
//! elements and changing qualifiers; they are not quotations of any law.

use std::collections::BTreeSet;

use lexdef::{Confidence, Corpus, Direction, DivergenceKind, Instrument, Lexicon, Study};

const HEADER: &str = "+++\nid = \"XX-DRAFT-2026\"\ntitle = \"Draft Anti-Trafficking Bill\"\nshort_title = \"Draft Bill\"\njurisdiction = \"PH\"\nkind = \"bill\"\n[language]\ncode = \"en\"\nstatus = \"official\"\n[completeness]\nstatus = \"complete\"\nincluded = [\"the whole bill\"]\n[[sources]]\nkey = \"drafter\"\nurl = \"https://example.org/draft\"\ndescription = \"the drafter's text\"\n+++\n";

struct Gaps {
    missing: BTreeSet<String>,
    additional: BTreeSet<String>,
    qualifiers: Vec<(String, serde_json::Value, Direction)>,
    uncertain: usize,
}

fn compare_bill(body: &str, with_header: bool) -> Gaps {
    compare_text(body, with_header, false)
}

fn compare_text(body: &str, with_header: bool, excerpt: bool) -> Gaps {
    let text = if with_header { format!("{HEADER}{body}") } else { body.to_owned() };
    let (mut bill, _) = Instrument::from_bytes("XX-DRAFT-2026.txt", text.as_bytes()).expect("the bill reads");
    if excerpt {
        bill.mark_excerpt("an excerpt, as its user said");
    }
    let corpus = Corpus::bundled();
    let lexicon = Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("concept");
    let study = Study::new(&corpus, &lexicon, concept).with_baseline("palermo").expect("palermo");
    let report = study.compare(&study.analyse(&bill)).report;
    let findings = &report.instruments[0].findings;
    let ids = |kind| {
        findings
            .iter()
            .filter(|finding| finding.kind == kind)
            .filter_map(|finding| finding.element.as_ref().map(ToString::to_string))
            .collect()
    };
    Gaps {
        missing: ids(DivergenceKind::MissingElement),
        additional: ids(DivergenceKind::AdditionalElement),
        qualifiers: findings
            .iter()
            .filter(|finding| {
                matches!(finding.kind, DivergenceKind::QualifierMismatch | DivergenceKind::ScopeRestriction)
            })
            .filter_map(|finding| {
                finding.qualifier.map(|name| (name.to_string(), finding.subject.value.clone(), finding.direction))
            })
            .collect(),
        uncertain: findings.iter().filter(|finding| matches!(finding.confidence, Confidence::Uncertain { .. })).count(),
    }
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

#[test]
fn a_commonwealth_bill_with_a_lower_child_age_no_child_clause_and_a_closed_list() {
    let body = "PART 1\nPRELIMINARY\n\nInterpretation\n2. In this Act—\n\"child\" means a person below the age of 16 years;\n\"exploitation\" means forced labour, slavery, servitude, forced marriage or the removal of organs;\n\"trafficking in persons\" means the recruitment, transportation, transfer, harbouring or receipt of persons by means of the threat or use of force, coercion, abduction, fraud, deception, the abuse of power or the giving or receiving of payments or benefits to achieve the consent of a person having control over another person, for the purpose of exploitation, and the consent of the victim shall be irrelevant;\n";
    let gaps = compare_bill(body, true);
    assert_eq!(
        gaps.missing,
        set(&[
            "means.abuse_of_vulnerability",
            "purpose.prostitution",
            "purpose.sexual_exploitation",
            "purpose.slavery_like_practices"
        ])
    );
    assert_eq!(gaps.additional, set(&["purpose.forced_marriage"]));
    let qualifiers: Vec<(&str, serde_json::Value, Direction)> =
        gaps.qualifiers.iter().map(|(name, value, direction)| (name.as_str(), value.clone(), *direction)).collect();
    assert!(qualifiers.contains(&("child_age", serde_json::json!(16), Direction::Narrower)), "{qualifiers:?}");
    assert!(
        qualifiers.contains(&("means_required_for_children", serde_json::json!(true), Direction::Narrower)),
        "{qualifiers:?}"
    );
    assert!(
        qualifiers.contains(&("exploitation_list", serde_json::json!("closed"), Direction::Narrower)),
        "{qualifiers:?}"
    );
    assert_eq!(qualifiers.len(), 3, "consent, scope and borders agree with the Protocol: {qualifiers:?}");
    assert_eq!(gaps.uncertain, 0, "a complete bill gives certain findings");
}

#[test]
fn a_philippine_style_bill_that_requires_crossing_a_border() {
    let body = "Section 3. Definition of Terms. – As used in this Act:\n(a) Trafficking in Persons – refers to the recruitment, transportation, transfer, harboring, or receipt of persons across national borders by means of threat or use of force, or other forms of coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, or the giving or receiving of payments or benefits to achieve the consent of a person having control over another person, with or without the victim's consent, for the purpose of exploitation which includes at a minimum the exploitation of the prostitution of others or other forms of sexual exploitation, forced labor or services, slavery or practices similar to slavery, servitude, begging or the removal of organs.\nThe recruitment, transportation, transfer, harboring or receipt of a child for the purpose of exploitation shall also be considered as trafficking in persons even if it does not involve any of the means set forth in the preceding paragraph.\n(b) Child – refers to a person below eighteen (18) years of age.\n";
    let gaps = compare_bill(body, true);
    assert!(gaps.missing.is_empty(), "{:?}", gaps.missing);
    assert_eq!(gaps.additional, set(&["purpose.begging"]));
    assert_eq!(
        gaps.qualifiers,
        vec![("transnational_required".to_owned(), serde_json::json!(true), Direction::Narrower)]
    );
}

#[test]
fn a_treaty_style_text_limited_to_women_and_children() {
    let body = "Article 2\nUse of terms\nFor the purposes of this Law:\na) \"Trafficking\" shall mean the recruitment or transfer of women and children by means of deception for the purpose of exploitation. Exploitation shall include, at a minimum, sexual exploitation and forced labour;\nb) \"Child\" shall mean any person under eighteen years of age.\n";
    let gaps = compare_bill(body, true);
    assert!(gaps.missing.contains("act.receipt") && gaps.missing.contains("means.fraud"));
    assert!(
        gaps.qualifiers.contains(&(
            "victim_scope".to_owned(),
            serde_json::json!("women_and_children"),
            Direction::Narrower
        )),
        "{:?}",
        gaps.qualifiers
    );
}

#[test]
fn an_offence_style_bill_without_a_consent_clause() {
    let body = "Section 5. Whoever, for the purpose of exploitation, recruits, transports, transfers, harbours or receives a person by means of the threat or use of force, coercion, abduction, fraud, deception, the abuse of power, the abuse of a position of vulnerability or the giving of payments or benefits to achieve the consent of a person having control over another person, commits trafficking in persons.\nSection 6. Whoever recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits trafficking in persons.\nSection 7. In this Act, \"exploitation\" includes the exploitation of the prostitution of others, sexual exploitation, forced labour, slavery, practices similar to slavery, servitude and the removal of organs; and \"child\" means a person under eighteen years of age.\n";
    let gaps = compare_bill(body, true);
    assert!(gaps.missing.is_empty() && gaps.additional.is_empty(), "{:?} {:?}", gaps.missing, gaps.additional);
    assert_eq!(gaps.qualifiers, vec![("consent_irrelevant".to_owned(), serde_json::json!(false), Direction::Narrower)]);
}

#[test]
fn a_bare_text_is_the_whole_text_its_user_meant_and_its_silences_are_read() {
    let body = "Section 3. Definition of Terms. – As used in this Act:\n(a) Trafficking in Persons – refers to the recruitment of persons by means of fraud for the purpose of exploitation which includes at a minimum forced labor.\n";
    let gaps = compare_bill(body, false);
    assert!(gaps.missing.contains("act.transfer"));
    // Only the child age, which the bill does not set, cannot be compared.
    assert_eq!(gaps.uncertain, 1, "a whole text settles what it is silent on: nothing rests on text not seen");
    assert!(
        gaps.qualifiers.contains(&("consent_irrelevant".to_owned(), serde_json::json!(false), Direction::Narrower)),
        "the bill does not make consent irrelevant: {:?}",
        gaps.qualifiers
    );
}

#[test]
fn a_bare_text_marked_as_an_excerpt_settles_nothing_it_is_silent_on() {
    let body = "Section 3. Definition of Terms. – As used in this Act:\n(a) Trafficking in Persons – refers to the recruitment of persons by means of fraud for the purpose of exploitation which includes at a minimum forced labor.\n";
    let gaps = compare_text(body, false, true);
    assert!(gaps.missing.contains("act.transfer"));
    assert!(
        gaps.uncertain >= gaps.missing.len(),
        "every element the excerpt does not name is uncertain, not claimed missing: {} uncertain, {} missing",
        gaps.uncertain,
        gaps.missing.len()
    );
    assert!(
        gaps.qualifiers.contains(&(
            "consent_irrelevant".to_owned(),
            serde_json::json!("unknown"),
            Direction::Different
        )),
        "consent is reported as not settled: {:?}",
        gaps.qualifiers
    );
}
