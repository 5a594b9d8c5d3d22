//! The parser on drafting styles the corpus does not have, written for these tests (they are
//! invented texts in each style, not quotations of any law), and on edge cases.

use crate::{parse, Document, Instrument, WarningKind};

fn document(text: &str) -> (Instrument, Document) {
    let (instrument, _) = Instrument::from_text("test.txt", text).expect("test texts are valid");
    let document = parse(&instrument);
    (instrument, document)
}

/// A metadata block, for texts with markers (`{{gap: ...}}`), which a bare text does not read.
const HEADER: &str = "+++\nid = \"XX-TEST-2020\"\ntitle = \"Test Act\"\nshort_title = \"Test\"\njurisdiction = \"PH\"\nkind = \"act\"\n[language]\ncode = \"en\"\nstatus = \"official\"\n[completeness]\nstatus = \"partial\"\nincluded = [\"s 1\"]\n[[sources]]\nkey = \"a\"\nurl = \"https://example.org\"\ndescription = \"test\"\n+++\n";

/// `eid num heading` for every provision, in order.
fn outline(text: &str) -> Vec<String> {
    let (_, document) = document(text);
    document
        .walk()
        .map(|provision| {
            let mut line = provision.eid.to_string();
            if let Some(num) = &provision.num {
                line.push_str(&format!(" {num}"));
            }
            if let Some(heading) = &provision.heading {
                line.push_str(&format!(" | {heading}"));
            }
            if provision.quoted {
                line.push_str(" (quoted)");
            }
            line
        })
        .collect()
}

#[test]
fn united_kingdom_style_number_and_heading_on_one_line() {
    let text = "1 Meaning of exploitation\n(1) For the purposes of this Act a person is exploited if—\n(a) the person is held in servitude, or\n(b) the person is made to work by threats.\n(2) Consent is irrelevant.\n2 Offence of trafficking\n(1) A person commits an offence if the person arranges the travel of another person.\n";
    assert_eq!(
        outline(text),
        [
            "sec_1 1 | Meaning of exploitation",
            "sec_1__subsec_1 (1)",
            "sec_1__subsec_1__para_a (a)",
            "sec_1__subsec_1__para_b (b)",
            "sec_1__subsec_2 (2)",
            "sec_2 2 | Offence of trafficking",
            "sec_2__subsec_1 (1)",
        ]
    );
}

#[test]
fn united_states_code_style_with_section_sign_and_capital_letters() {
    let text = "§ 101. Definitions\nIn this chapter:\n(1) Coercion\nThe term “coercion” means—\n(A) threats of serious harm to any person;\n(B) any scheme intended to cause a person to believe that failing to act would bring serious harm.\n(2) Commercial act\nThe term “commercial act” means any act for which anything of value is given.\n§ 102. Offence\nWhoever recruits a person by coercion shall be fined.\n";
    assert_eq!(
        outline(text),
        [
            "sec_101 § 101. | Definitions",
            "sec_101__subsec_1 (1)",
            "sec_101__subsec_1__para_A (A)",
            "sec_101__subsec_1__para_B (B)",
            "sec_101__subsec_2 (2)",
            "sec_102 § 102. | Offence",
        ]
    );
}

#[test]
fn united_states_code_sections_after_a_title_and_the_nesting_down_to_subclauses() {
    let text = "18 U.S.C. § 1581. Peonage; obstructing enforcement\n(a) Whoever holds any person to a condition of peonage shall be fined.\n(b) Whoever obstructs enforcement shall be fined.\n§ 1591. Sex trafficking of children or by force, fraud, or coercion\n(a) Whoever knowingly—\n(1) recruits any person; or\n(2) benefits from participation in a venture,\nknowing that—\n(A) force will be used; or\n(B) the person has not attained the age of 18 years,\nshall be punished as provided in subsection (b).\n(b) The punishment for an offense under subsection (a) is—\n(1) a fine; and\n(2) imprisonment.\n(e)(1) In general.—In this section:\n(A) The term \"serious harm\" means any harm, including—\n(i) physical harm; or\n(ii) psychological harm, where the harm is—\n(I) sufficiently serious; or\n(II) of long duration, where it is—\n(aa) in a person; or\n(bb) in a child.\n(iii) financial harm.\n(B) The term \"venture\" means any group of two or more individuals.\n(2) The term \"commercial sex act\" means any sex act.\n22 U.S.C. § 7102. Definitions\nIn this chapter:\n(1) The term \"coercion\" means threats.\nSec. 103. Definitions.\n(1) The term \"victim\" means a person.\n";
    assert_eq!(
        outline(text),
        [
            "sec_1581 18 U.S.C. § 1581. | Peonage; obstructing enforcement",
            "sec_1581__para_a (a)",
            "sec_1581__para_b (b)",
            "sec_1591 § 1591. | Sex trafficking of children or by force, fraud, or coercion",
            "sec_1591__para_a (a)",
            "sec_1591__para_a__subpara_1 (1)",
            "sec_1591__para_a__subpara_2 (2)",
            "sec_1591__para_a__subpara_2__clause_A (A)",
            "sec_1591__para_a__subpara_2__clause_B (B)",
            "sec_1591__para_b (b)",
            "sec_1591__para_b__subpara_1 (1)",
            "sec_1591__para_b__subpara_2 (2)",
            "sec_1591__para_e (e)",
            "sec_1591__para_e__subpara_1 (1)",
            "sec_1591__para_e__subpara_1__clause_A (A)",
            "sec_1591__para_e__subpara_1__clause_A__item_i (i)",
            "sec_1591__para_e__subpara_1__clause_A__item_ii (ii)",
            "sec_1591__para_e__subpara_1__clause_A__item_ii__subclause_I (I)",
            "sec_1591__para_e__subpara_1__clause_A__item_ii__subclause_II (II)",
            "sec_1591__para_e__subpara_1__clause_A__item_ii__subclause_II__subclause_aa (aa)",
            "sec_1591__para_e__subpara_1__clause_A__item_ii__subclause_II__subclause_bb (bb)",
            "sec_1591__para_e__subpara_1__clause_A__item_iii (iii)",
            "sec_1591__para_e__subpara_1__clause_B (B)",
            "sec_1591__para_e__subpara_2 (2)",
            "sec_7102 22 U.S.C. § 7102. | Definitions",
            "sec_7102__subsec_1 (1)",
            "sec_103 Sec. 103. | Definitions",
            "sec_103__subsec_1 (1)",
        ]
    );
}

#[test]
fn united_states_capital_letters_and_capital_romans_are_levels_of_their_own() {
    // `(A)` under `(1)` is not the `(a)` before it: the `(b)` after it continues `(a)`.
    // `(I)` under an item is a Roman numeral; `(I)` after `(H)` with no item open is a letter;
    // `(i)` after `(h)(1)(A)` and a line that introduces a list is an item.
    let text = "Sec. 1. Scope.\n(a) first—\n(1) one—\n(A) capital;\n(B) capital.\n(b) second.\n(c) third;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) eighth—\n(1) one—\n(A) lists—\n(i) an item; and\n(ii) another.\n(2) two.\n(i) the ninth letter.\nSec. 2. Letters.\n(1) one—\n(G) g;\n(H) h;\n(I) the ninth capital.\n";
    assert_eq!(
        outline(text),
        [
            "sec_1 Sec. 1. | Scope",
            "sec_1__para_a (a)",
            "sec_1__para_a__subpara_1 (1)",
            "sec_1__para_a__subpara_1__clause_A (A)",
            "sec_1__para_a__subpara_1__clause_B (B)",
            "sec_1__para_b (b)",
            "sec_1__para_c (c)",
            "sec_1__para_d (d)",
            "sec_1__para_e (e)",
            "sec_1__para_f (f)",
            "sec_1__para_g (g)",
            "sec_1__para_h (h)",
            "sec_1__para_h__subpara_1 (1)",
            "sec_1__para_h__subpara_1__clause_A (A)",
            "sec_1__para_h__subpara_1__clause_A__item_i (i)",
            "sec_1__para_h__subpara_1__clause_A__item_ii (ii)",
            "sec_1__para_h__subpara_2 (2)",
            "sec_1__para_i (i)",
            "sec_2 Sec. 2. | Letters",
            "sec_2__subsec_1 (1)",
            "sec_2__subsec_1__para_G (G)",
            "sec_2__subsec_1__para_H (H)",
            "sec_2__subsec_1__para_I (I)",
        ]
    );
}

#[test]
fn decimal_sections_with_marginal_or_inline_headings() {
    // Canada (`279.01`, marginal notes above), Australia (`271.2 Heading`), and a decimal
    // in an article, which is a paragraph of it.
    let text = "Trafficking in persons\n279.01 (1) Every person who recruits, transports or harbours a person is guilty of an indictable offence.\n(2) No consent to the activity is valid.\n\nTrafficking of a person under the age of eighteen years\n279.011 (1) Every person who recruits a person under eighteen is guilty of an offence.\n271.2 Offence of trafficking in persons\n(1) A person commits an offence if the person organises the entry of another person.\n101.1A Definitions\n12.3\nEvery person who fails to report is guilty of an offence.\n45.2 Every person who obstructs an officer is guilty of an offence.\nArticle 5\n1.1 The States Parties shall adopt measures.\n1.2 They shall cooperate.\n";
    assert_eq!(
        outline(text),
        [
            "sec_279.01 279.01 | Trafficking in persons",
            "sec_279.01__subsec_1 (1)",
            "sec_279.01__subsec_2 (2)",
            "sec_279.011 279.011 | Trafficking of a person under the age of eighteen years",
            "sec_279.011__subsec_1 (1)",
            "sec_271.2 271.2 | Offence of trafficking in persons",
            "sec_271.2__subsec_1 (1)",
            "sec_101.1A 101.1A | Definitions",
            "sec_12.3 12.3",
            "sec_45.2 45.2",
            "art_5 Article 5",
            "art_5__para_1.1 1.1",
            "art_5__para_1.2 1.2",
        ]
    );
}

#[test]
fn sections_numbered_with_letters() {
    let text = "4A Offence of trafficking\n(1) A person who recruits another commits an offence.\n98D. Trafficking in persons.—(1) Whoever traffics a person shall be punished.\n(2) Consent is immaterial.\nSection 360C. Slavery\nWhoever holds a person in slavery shall be punished.\nSection 4-A. Attempted trafficking\nAn attempt is punishable.\n";
    assert_eq!(
        outline(text),
        [
            "sec_4A 4A | Offence of trafficking",
            "sec_4A__subsec_1 (1)",
            "sec_98D 98D. | Trafficking in persons",
            "sec_98D__subsec_1 (1)",
            "sec_98D__subsec_2 (2)",
            "sec_360C Section 360C. | Slavery",
            "sec_4-A Section 4-A. | Attempted trafficking",
        ]
    );
}

#[test]
fn civil_law_article_numbers_inserted_hyphenated_and_lettered() {
    let text = "Article 1 bis\nUse of terms\nFor the purposes of this Law:\n1° “trafficking” means recruitment for exploitation;\n2° “exploitation” includes forced labour.\nArticle 4 ter – Aggravating circumstances\nThe penalty is doubled.\nArt. 2 quater\nThe attempt is punishable.\nArt. 225-4-1\nLa traite des êtres humains est punie.\nArt. 149-A. Trata de personas\nEl que capta a una persona será reprimido.\nArtikel 273f\nAls schuldig aan mensenhandel wordt gestraft.\nARTICLE 80-(1) Whoever traffics a person shall be punished.\n(2) Consent is irrelevant.\nArticle 132.\nWhoever harbours a victim shall be punished.\n";
    assert_eq!(
        outline(text),
        [
            "art_1bis Article 1 bis | Use of terms",
            "art_1bis__para_1 1°",
            "art_1bis__para_2 2°",
            "art_4ter Article 4 ter | Aggravating circumstances",
            "art_2quater Art. 2 quater",
            "art_225-4-1 Art. 225-4-1",
            "art_149-A Art. 149-A. | Trata de personas",
            "art_273f Artikel 273f",
            "art_80 ARTICLE 80",
            "art_80__para_1 (1)",
            "art_80__para_2 (2)",
            "art_132 Article 132.",
        ]
    );
}

#[test]
fn a_code_in_paragraphs_with_marginal_notes_above_the_number() {
    // A heading right above `§ 232` is its marginal note; a title a blank line above `§ 231`
    // is not, and a heading after `§ 232a` on its line is its own.
    let text = "Strafgesetzbuch\n\n§ 231\nWer sich an einer Schlägerei beteiligt, wird bestraft.\n\nMenschenhandel\n§ 232\n(1) Wer eine andere Person anwirbt, wird bestraft.\n(2) Der Versuch ist strafbar.\n§ 232a Zwangsprostitution\n(1) Wer eine andere Person veranlasst, wird bestraft.\n";
    assert_eq!(
        outline(text),
        [
            "preamble",
            "sec_231 § 231",
            "sec_232 § 232 | Menschenhandel",
            "sec_232__subsec_1 (1)",
            "sec_232__subsec_2 (2)",
            "sec_232a § 232a | Zwangsprostitution",
            "sec_232a__subsec_1 (1)",
        ]
    );
    let (instrument, document) = document(text);
    let section = document.find("sec_232").expect("§ 232");
    assert!(instrument.text[section.span.range()].starts_with("Menschenhandel\n§ 232"));
}

#[test]
fn australian_divisions_and_definitions_by_unquoted_headwords() {
    let text = "Division 271—Trafficking in persons and debt bondage\nSubdivision A—Definitions\n271.1 Definitions\nIn this Division:\nconfiscate, in relation to the identity document of a person, means to take possession of the document.\ndebt bondage has the meaning given by section 270.1A.\nexploitation means any of the following:\n(a) slavery;\n(b) forced labour.\nservitude is the condition of a person who is not free.\nSubdivision B—Offences relating to trafficking in persons\n271.2 Offence of trafficking in persons\n(1) A person commits an offence if the person organises the entry of another person.\nconsent is irrelevant to an offence against this section.\n(2) A person is not a victim only because the person consented.\n";
    assert_eq!(
        outline(text),
        [
            "division_271 Division 271 | Trafficking in persons and debt bondage",
            "division_271__subdivision_A Subdivision A | Definitions",
            "sec_271.1 271.1 | Definitions",
            "sec_271.1__def_confiscate",
            "sec_271.1__def_debt-bondage",
            "sec_271.1__def_exploitation",
            "sec_271.1__def_exploitation__para_a (a)",
            "sec_271.1__def_exploitation__para_b (b)",
            "sec_271.1__def_servitude",
            "division_271__subdivision_B Subdivision B | Offences relating to trafficking in persons",
            "sec_271.2 271.2 | Offence of trafficking in persons",
            "sec_271.2__subsec_1 (1)",
            "sec_271.2__subsec_2 (2)",
        ]
    );
    let (_, document) = document(text);
    let definition = document.find("sec_271.1__def_debt-bondage").expect("debt bondage");
    assert_eq!(definition.term.as_deref(), Some("debt bondage"));
}

#[test]
fn unquoted_headwords_define_only_where_definitions_stand() {
    // After `In this Act:` in a section not headed `Definitions`, and nowhere else: a line
    // like `exploitation includes ...` in an offence section is text of it.
    let text = "Section 3. Meaning of words\nIn this Act:\nexploitation includes forced labour.\nvictim means a trafficked person.\nSection 4. Offence\nexploitation includes, for this section, debt bondage.\nSection 5. Interpretation\nchild means a person under 18.\n";
    assert_eq!(
        outline(text),
        [
            "sec_3 Section 3. | Meaning of words",
            "sec_3__def_exploitation",
            "sec_3__def_victim",
            "sec_4 Section 4. | Offence",
            "sec_5 Section 5. | Interpretation",
            "sec_5__def_child",
        ]
    );
}

#[test]
fn south_asian_style_heading_then_dash_then_subsection() {
    let text = "5. Trafficking of persons.—(1) Whoever, for the purpose of exploitation,—\n(a) recruits,\n(b) transports, or\n(c) harbours,\na person, commits the offence of trafficking.\n(2) The consent of the victim is immaterial.\n6. Punishment.—Whoever commits trafficking shall be punished.\n";
    assert_eq!(
        outline(text),
        [
            "sec_5 5. | Trafficking of persons",
            "sec_5__subsec_1 (1)",
            "sec_5__subsec_1__para_a (a)",
            "sec_5__subsec_1__para_b (b)",
            "sec_5__subsec_1__para_c (c)",
            "sec_5__subsec_2 (2)",
            "sec_6 6. | Punishment",
        ]
    );
}

#[test]
fn commonwealth_marginal_headings_and_definitions() {
    let text = "PART 1\nPRELIMINARY\n\nInterpretation\n2. In this Act—\n\"child\" means a person below 18 years of age;\n\"coercion\" includes—\n(a) threats; and\n(b) deception;\n\"victim\" means a trafficked person.\n\nOffence\n3.—(1) Any person who recruits a child commits an offence.\n(2) Consent is irrelevant.\n";
    assert_eq!(
        outline(text),
        [
            "part_1 PART 1 | PRELIMINARY",
            "sec_2 2. | Interpretation",
            "sec_2__def_child",
            "sec_2__def_coercion",
            "sec_2__def_coercion__para_a (a)",
            "sec_2__def_coercion__para_b (b)",
            "sec_2__def_victim",
            "sec_3 3. | Offence",
            "sec_3__subsec_1 (1)",
            "sec_3__subsec_2 (2)",
        ]
    );
}

#[test]
fn roman_items_and_the_letter_i_after_h() {
    let text = "Article 4\nScope\n(a) first, including—\n(i) one;\n(ii) two;\n(b) second;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h;\n(i) the ninth letter;\n(j) j.\n";
    let found = outline(text);
    assert_eq!(
        found[..5],
        [
            "art_4 Article 4 | Scope",
            "art_4__para_a (a)",
            "art_4__para_a__item_i (i)",
            "art_4__para_a__item_ii (ii)",
            "art_4__para_b (b)"
        ]
    );
    assert_eq!(found[found.len() - 2..], ["art_4__para_i (i)", "art_4__para_j (j)"]);
}

#[test]
fn amendments_nest_the_quoted_provisions_of_the_amended_act() {
    let text = "SEC. 2. Section 3 of Republic Act No. 1 is hereby amended to read as follows:\n\"SEC. 3. Definition of Terms. – As used in this Act:\n\"(a) Child – refers to a person below eighteen (18) years of age;\n\"(b) Victim – refers to a trafficked person.\"\nSEC. 3. Separability Clause. – If any provision is declared invalid, the rest remain.\n";
    assert_eq!(
        outline(text),
        [
            "sec_2 SEC. 2.",
            "sec_2__sec_3 SEC. 3. | Definition of Terms (quoted)",
            "sec_2__sec_3__para_a (a) (quoted)",
            "sec_2__sec_3__para_b (b) (quoted)",
            "sec_3 SEC. 3. | Separability Clause",
        ]
    );
}

#[test]
fn amendment_numbers_like_4_a_and_6_1_get_escaped_ids() {
    let text = "Section 4-A. Attempted Trafficking. – An attempt is punishable.\nSection 6/1 Whoever conspires commits an offence.\n";
    assert_eq!(outline(text), ["sec_4-A Section 4-A. | Attempted Trafficking", "sec_6-1 Section 6/1"]);
}

#[test]
fn a_text_without_numbering_is_one_provision_with_a_warning() {
    let (instrument, document) =
        document("Whoever recruits a person for exploitation commits trafficking.\nConsent is irrelevant.\n");
    assert_eq!(document.provisions.len(), 1);
    assert_eq!(document.provisions[0].eid.as_str(), "body");
    assert_eq!(
        &instrument.text[document.provisions[0].span.range()],
        "Whoever recruits a person for exploitation commits trafficking.\nConsent is irrelevant."
    );
    assert_eq!(document.warnings.len(), 1);
    assert_eq!(document.warnings[0].kind, WarningKind::NoNumbering);
    assert_eq!((document.warnings[0].location.line, document.warnings[0].location.column), (1, 1));
}

#[test]
fn restarting_lists_get_unique_ids() {
    let text = "Section 1.\n(a) one;\n(b) two.\nThen:\n(a) again.\n";
    assert_eq!(outline(text), ["sec_1 Section 1.", "sec_1__para_a (a)", "sec_1__para_b (b)", "sec_1__para_a_2 (a)"]);
}

#[test]
fn a_section_number_repeated_in_another_part_is_made_unique_across_parts() {
    // A section's eId leaves out its part, so the second part's `Section 1` repeats the
    // first's and becomes `sec_1_2`; the paragraphs under each keep their own names, and a
    // third repeat counts on.
    let text = "PART 1\nSection 1.\n(a) one.\nPART 2\nSection 1.\n(a) two.\nPART 3\nSection 1.\n(a) three.\n";
    assert_eq!(
        outline(text),
        [
            "part_1 PART 1",
            "sec_1 Section 1.",
            "sec_1__para_a (a)",
            "part_2 PART 2",
            "sec_1_2 Section 1.",
            "sec_1_2__para_a (a)",
            "part_3 PART 3",
            "sec_1_3 Section 1.",
            "sec_1_3__para_a (a)",
        ]
    );
}

#[test]
fn endless_nesting_is_cut_at_a_depth_with_a_warning() {
    let mut text = String::from("Section 1.\n");
    for _ in 0..5_000 {
        text.push_str("(a) x\n(1) y\n");
    }
    let (_, document) = document(&text);
    let depth = |provision: &crate::Provision| {
        fn depth(provision: &crate::Provision) -> usize {
            1 + provision.children.iter().map(depth).max().unwrap_or(0)
        }
        depth(provision)
    };
    assert!(document.provisions.iter().map(depth).max().unwrap_or(0) <= 32);
    assert!(document.warnings.iter().any(|warning| warning.kind == WarningKind::DeepNesting));
    assert_eq!(document.walk().count(), 10_001, "nothing is dropped");
}

#[test]
fn parsing_is_linear_in_the_size_of_the_text() {
    // A 5 MB statute of 20,000 sections: the tree must have every one of them.
    let section = "Section 1. Heading. – Text of the section with enough words to be realistic.\n(a) first paragraph;\n(b) second paragraph.\n";
    let mut text = String::new();
    for number in 0..20_000 {
        text.push_str(&section.replace("Section 1.", &format!("Section {number}.")));
    }
    let (_, document) = document(&text);
    assert_eq!(document.provisions.len(), 20_000);
    assert_eq!(document.walk().count(), 60_000);
}

#[test]
fn a_single_enormous_line_is_one_provision() {
    let text = format!("Section 1. {}", "word ".repeat(1_000_000));
    let (instrument, document) = document(&text);
    assert_eq!(document.provisions.len(), 1);
    assert_eq!(document.provisions[0].span.end, instrument.text.trim_end().len());
}

#[test]
fn an_explanation_after_a_list_belongs_to_the_provision_holding_the_list() {
    let text = "3. In this Law:\n(a) Trafficking in persons means recruitment by any of the following acts:\n(1) threat;\n(2) fraud.\nExplanation (1) Exploitation includes forced labour.\nExplanation (2) Fraud means deceit.\n(b) Child means a person under 18.\n";
    let (instrument, document) = document(text);
    let paragraph = document.find("sec_3__para_a").expect("(a)");
    let item = document.find("sec_3__para_a__subpara_2").expect("(2)");
    assert!(instrument.text[paragraph.span.range()].ends_with("Fraud means deceit."));
    assert_eq!(&instrument.text[item.span.range()], "(2) fraud.");
    assert!(document.find("sec_3__para_b").is_some(), "(b) follows (a)");
}

#[test]
fn a_list_printed_otherwise_is_a_list_of_its_own_under_the_paragraph_that_introduces_it() {
    // Armenia: `1)` under `2.`; Luxembourg: `1)` under `(1)`; the Netherlands: `1°.` under `1.`,
    // printed tight (`1°.degene`). The next `2.` or `(2)` closes the inner list; `3)` right after
    // `(2)` with no `2)` open continues `(2)` (its bracket lost).
    let text = "Article 132.\n1. Recruitment is punished.\n2. The same act committed:\n1) by a group;\n2) against a minor; is punished.\n3. Actions which:\n1) were organised;\n2) caused death, are punished.\nArt. 382-1.\n(1) Constitue l'infraction le fait de recruter en vue:\n1) de la commission;\n2) de l'exploitation.\n(2) L'infraction est punie.\n3) une peine.\nArtikel 273f\n1. Als schuldig wordt gestraft:\n\n1°.degene die een ander werft;\n\n2°. degene die opneemt.\n2. Uitbuiting omvat ten minste prostitutie.\n";
    assert_eq!(
        outline(text),
        [
            "art_132 Article 132.",
            "art_132__para_1 1.",
            "art_132__para_2 2.",
            "art_132__para_2__subpara_1 1)",
            "art_132__para_2__subpara_2 2)",
            "art_132__para_3 3.",
            "art_132__para_3__subpara_1 1)",
            "art_132__para_3__subpara_2 2)",
            "art_382-1 Art. 382-1.",
            "art_382-1__para_1 (1)",
            "art_382-1__para_1__subpara_1 1)",
            "art_382-1__para_1__subpara_2 2)",
            "art_382-1__para_2 (2)",
            "art_382-1__para_3 3)",
            "art_273f Artikel 273f",
            "art_273f__para_1 1.",
            "art_273f__para_1__subpara_1 1°.",
            "art_273f__para_1__subpara_2 2°.",
            "art_273f__para_2 2.",
        ]
    );
}

#[test]
fn roman_incisos_and_paragraphs_numbered_after_the_section_sign() {
    // Brazil: `I –` incisos of the caput are paragraphs; `§ 1º` closes them and holds its own
    // incisos; `Pena – ...` is text. France: `1°` under `I –`; `Article N du Code pénal` is the
    // article.
    let text = "Art. 149-A – Agenciar pessoa com a finalidade de:\nI – remover-lhe órgãos;\nII – adoção ilegal; ou\nPena – reclusão, de 4 a 8 anos.\n§ 1º A pena é aumentada se:\nI – o crime for cometido por funcionário público;\nII – a vítima for retirada do território nacional.\n§ 2º A pena é reduzida.\nArticle 225-4-1 du Code pénal\nI – La traite des êtres humains est le fait de recruter dans l’une des circonstances suivantes :\n1° Soit avec l’emploi de menace ;\n2° Soit par abus d’une situation de vulnérabilité ;\n";
    assert_eq!(
        outline(text),
        [
            "art_149-A Art. 149-A",
            "art_149-A__para_I I",
            "art_149-A__para_II II",
            "art_149-A__para_1 § 1º",
            "art_149-A__para_1__subpara_I I",
            "art_149-A__para_1__subpara_II II",
            "art_149-A__para_2 § 2º",
            "art_225-4-1 Article 225-4-1",
            "art_225-4-1__para_I I",
            "art_225-4-1__para_I__subpara_1 1°",
            "art_225-4-1__para_I__subpara_2 2°",
        ]
    );
}

#[test]
fn titles_chapters_and_roman_sections_of_articles_are_containers() {
    // A Dutch `Titel` holding a French-style `Chapitre VI-I` holding articles; a treaty's
    // `SECTION I` groups articles, and `SECTION III` closes it. Containers are left out of the
    // articles' eIds. `Artículo` is an article.
    let code = "Titel  XVIII\n\nMisdrijven tegen de persoonlijke vrijheid\n\nArtikel 273f\n1. Als schuldig wordt gestraft.\nChapitre VI-I. – De la traite des êtres humains\nArt. 382-1.\n(1) Constitue l'infraction.\nArtículo 129-A.- Trata de personas\n1. El que capta a otro es reprimido.\n";
    assert_eq!(
        outline(code),
        [
            "title_XVIII Titel  XVIII | Misdrijven tegen de persoonlijke vrijheid",
            "art_273f Artikel 273f",
            "art_273f__para_1 1.",
            "title_XVIII__chp_VI-I Chapitre VI-I. | De la traite des êtres humains",
            "art_382-1 Art. 382-1.",
            "art_382-1__para_1 (1)",
            "art_129-A Artículo 129-A. | Trata de personas",
            "art_129-A__para_1 1.",
        ]
    );
    let treaty = "SECTION I\n\nInstitutions and Practices Similar to Slavery\n\nArticle 1\n(a) Debt bondage;\nArticle 2\nThe States Parties undertake.\nSECTION III\nArticle 5\nThe act of mutilating a slave is an offence.\n";
    assert_eq!(
        outline(treaty),
        [
            "sec_I SECTION I | Institutions and Practices Similar to Slavery",
            "art_1 Article 1",
            "art_1__para_a (a)",
            "art_2 Article 2",
            "sec_III SECTION III",
            "art_5 Article 5",
        ]
    );
}

#[test]
fn bangla_digits_and_the_danda_number_sections() {
    let text = "মানব পাচার\n৩। (১) ‘‘মানব পাচার’’ অর্থ কোন ব্যক্তিকে—\n(ক) ভয়ভীতি প্রদর্শন করিয়া; বা\n(খ) প্রতারণা করিয়া;\n(২) যেইক্ষেত্রে কোন শিশু পাচারের শিকার হয়।\n";
    assert_eq!(
        outline(text),
        [
            "sec_3 ৩। | মানব পাচার",
            "sec_3__subsec_1 (১)",
            "sec_3__subsec_1__para_ক (ক)",
            "sec_3__subsec_1__para_খ (খ)",
            "sec_3__subsec_2 (২)",
        ]
    );
}

#[test]
fn canadian_sections_numbered_without_a_dot_under_their_marginal_notes() {
    // `118 (1)` is read anywhere; `120 A person ...` only under a marginal note (`Penalties`),
    // since a sentence may start with a number.
    let text = "Exploitation\n279.04 (1) For the purposes of sections 279.01 to 279.03, a person exploits another person if they cause them to provide labour.\n\nOffence — trafficking in persons\n118 (1) No person shall knowingly organize the coming into Canada of one or more persons.\n\nDefinition of organize\n(2) For the purpose of subsection (1), organize includes their recruitment.\n\nPenalties\n120 A person who contravenes section 118 or 119 is guilty of an offence.\n\nAggravating factors\n121 The court shall take into account whether\n(a) bodily harm occurred;\n(b) the offence was for profit.\n2003 was the year of the Act.\n";
    assert_eq!(
        outline(text),
        [
            "sec_279.04 279.04 | Exploitation",
            "sec_279.04__subsec_1 (1)",
            "sec_118 118 | Offence — trafficking in persons",
            "sec_118__subsec_1 (1)",
            "sec_118__subsec_2 (2)",
            "sec_120 120 | Penalties",
            "sec_121 121 | Aggravating factors",
            "sec_121__para_a (a)",
            "sec_121__para_b (b)",
        ]
    );
}

#[test]
fn a_section_number_alone_a_spaced_run_in_and_letters_under_an_item_that_introduces_them() {
    // Nigeria: `13.` alone on its line; `(2) (i)` opens subsection (2) and its item (i); the
    // `(a)` after `... by means of –` is under the item (the Act cites `subsection (2) (i) (b)`).
    let text = "PART III–PROHIBITION OF ACTS OF TRAFFICKING IN PERSONS\n\n13.\n(1) All acts of human trafficking are prohibited in Nigeria.\n\n(2) (i) Any person who recruits another person by means of –\n(a) threat or use of force;\n(b) abduction, fraud or deception; or\n(c) giving or receiving of payments,\ncommits an offence.\n(ii) For the purpose of subsection (2) (i) (b), abuse of a position of vulnerability includes taking advantage of a person.\n";
    assert_eq!(
        outline(text),
        [
            "part_III PART III | PROHIBITION OF ACTS OF TRAFFICKING IN PERSONS",
            "sec_13 13.",
            "sec_13__subsec_1 (1)",
            "sec_13__subsec_2 (2)",
            "sec_13__subsec_2__item_i (i)",
            "sec_13__subsec_2__item_i__subclause_a (a)",
            "sec_13__subsec_2__item_i__subclause_b (b)",
            "sec_13__subsec_2__item_i__subclause_c (c)",
            "sec_13__subsec_2__item_ii (ii)",
        ]
    );
}

#[test]
fn labels_printed_tight_against_their_text_are_read_only_in_a_list() {
    // `(a)Debt` and `1.Slavery` as a web copy prints them; `(s)he` is no label.
    let text = "Article 1\n\nFor the purpose of the present Convention, the following definitions are agreed upon:\n\n1.Slavery is the status of a person over whom the powers of ownership are exercised.\n\n2.The slave trade includes all acts involved in the capture of a person.\n\nArticle 2\n\nThe Parties shall abolish:\n\n(a)Debt bondage;\n\n(b)Serfdom;\n\n(c)Any institution whereby:\n\n(i)A woman is promised in marriage;\n\n(ii)The husband has the right to transfer her.\n\nArticle 3\n\nA person who is enslaved shall be freed;\n(s)he shall be compensated.\n";
    assert_eq!(
        outline(text),
        [
            "art_1 Article 1",
            "art_1__para_1 1.",
            "art_1__para_2 2.",
            "art_2 Article 2",
            "art_2__para_a (a)",
            "art_2__para_b (b)",
            "art_2__para_c (c)",
            "art_2__para_c__item_i (i)",
            "art_2__para_c__item_ii (ii)",
            "art_3 Article 3",
        ]
    );
}

#[test]
fn paragraphs_numbered_with_ordinal_words() {
    let text = "370. (1) Whoever, for the purpose of exploitation, recruits a person, by––\n\nFirst.–– using threats, or\n\nSecondly.–– using force, or\n\nThirdly.–– by abduction,\n\ncommits the offence of trafficking.\n\nExplanation 1.–– The expression “exploitation” shall include prostitution.\n(2) Whoever commits the offence of trafficking shall be punished.\n";
    assert_eq!(
        outline(text),
        [
            "sec_370 370.",
            "sec_370__subsec_1 (1)",
            "sec_370__subsec_1__para_1 First.",
            "sec_370__subsec_1__para_2 Secondly.",
            "sec_370__subsec_1__para_3 Thirdly.",
            "sec_370__subsec_2 (2)",
        ]
    );
}

#[test]
fn an_irish_revised_act_with_revision_markers_and_numbered_items_in_lower_case() {
    // `Interpretation.` is the marginal heading of `1.—`; `F1[` marks a revision, not the
    // term; `1. transfers ...` is an item of `(a)`, not section 1 again.
    let text = "Interpretation.\n1.— In this Act—\n“child” means a person under the age of 18 years;\nF1[ ‘exploitation’ means—\n(a) labour exploitation, or\n(b) sexual exploitation; ]\n“trafficks” means, in relation to a person—\n(a) procures or recruits the person, or\n1. transfers the person to,\n2. places the person in the custody of,\nanother person,\n(b) causes a person to enter the State,\n2.— A person who traffics another person is guilty of an offence.\n";
    assert_eq!(
        outline(text),
        [
            "sec_1 1. | Interpretation",
            "sec_1__def_child",
            "sec_1__def_exploitation",
            "sec_1__def_exploitation__para_a (a)",
            "sec_1__def_exploitation__para_b (b)",
            "sec_1__def_trafficks",
            "sec_1__def_trafficks__para_a (a)",
            "sec_1__def_trafficks__para_a__subpara_1 1.",
            "sec_1__def_trafficks__para_a__subpara_2 2.",
            "sec_1__def_trafficks__para_b (b)",
            "sec_2 2.",
        ]
    );
    let (_, document) = document(text);
    let definition = document.find("sec_1__def_exploitation").expect("exploitation");
    assert_eq!(definition.term.as_deref(), Some("exploitation"));
    assert!(document.find("sec_1").expect("section 1").span.start == 0, "the marginal heading is section 1's");
}

#[test]
fn quoted_terms_alone_on_their_line_or_before_a_dash_open_definitions() {
    // South Africa prints the term alone and its definition on the next line; Saint Lucia ends
    // the term with a dash before its lettered paragraphs. `includes a person ...` is no
    // headword. A quoted line alone outside a definitions section is text.
    let text = "1. Definitions\n\nIn this Act, unless the context indicates otherwise—\n\n\"abuse of vulnerability\"\nfor purposes of section 4(1), means any abuse that leads a person to submit, resulting from—\n(a) pregnancy;\n(b) any disability of the person;\n\n\"carrier\"\nincludes a person who is the owner of any means of transport;\n\n“abuse of a position of vulnerability”—\n(a) means such abuse that the person has no alternative; and\n(b) includes taking advantage of a child;\n\n2. Objects of Act\n\"Trafficking in Persons\"\nThe objects of this Act are to combat trafficking.\n";
    assert_eq!(
        outline(text),
        [
            "sec_1 1.",
            "sec_1__def_abuse-of-vulnerability",
            "sec_1__def_abuse-of-vulnerability__para_a (a)",
            "sec_1__def_abuse-of-vulnerability__para_b (b)",
            "sec_1__def_carrier",
            "sec_1__def_abuse-of-a-position-of-vulnerability",
            "sec_1__def_abuse-of-a-position-of-vulnerability__para_a (a)",
            "sec_1__def_abuse-of-a-position-of-vulnerability__para_b (b)",
            "sec_2 2.",
        ]
    );
}

#[test]
fn a_definition_after_a_closed_list_item_stands_beside_the_list() {
    // China (translation): after item `(8) ... .` the quoted term, cut off by a gap, is the
    // article's; after `(1) In this Act—` the definitions are the subsection's.
    let text = format!("{HEADER}Article 240\nWhoever abducts a woman shall be sentenced under any of the following circumstances:\n(1)\nbeing a ringleader;\n(8)\nselling a woman out of the territory of China.\n\n\"Abducting and trafficking in a woman or a child\"{{{{gap: the source stops here}}}}\nSection 2.\n(1) In this Act—\n\"child\" means a person under 18;\n\"victim\" means a trafficked person.\n");
    assert_eq!(
        outline(&text),
        [
            "art_240 Article 240",
            "art_240__para_1 (1)",
            "art_240__para_8 (8)",
            "art_240__def_abducting-and-trafficking-in-a-woman-or-a-child",
            "sec_2 Section 2.",
            "sec_2__subsec_1 (1)",
            "sec_2__subsec_1__def_child",
            "sec_2__subsec_1__def_victim",
        ]
    );
}

#[test]
fn united_states_code_subsection_i_and_state_code_decimal_sections() {
    // `(i)` right under `§ 1101.` is subsection (i), not a Roman item; `§ 787.06.` is section
    // 787.06 (Florida).
    let text = "§ 1101. Definitions\n(i) With respect to each nonimmigrant alien described in subsection (a)(15)(T)(i)\n(1) the Secretary shall provide the alien with a referral; and\n(2) the Secretary shall grant the alien authorization to work.\n§ 787.06. Human trafficking.\n(1) Definitions.—As used in this section, the term:\n(a) \"Coercion\" means the use of physical force.\n";
    assert_eq!(
        outline(text),
        [
            "sec_1101 § 1101. | Definitions",
            "sec_1101__para_i (i)",
            "sec_1101__para_i__subpara_1 (1)",
            "sec_1101__para_i__subpara_2 (2)",
            "sec_787.06 § 787.06. | Human trafficking",
            "sec_787.06__subsec_1 (1)",
            "sec_787.06__subsec_1__para_a (a)",
        ]
    );
}

#[test]
fn a_marginal_heading_right_above_a_commonwealth_section_is_its_heading() {
    // A heading ending with `etc.` (after a blank line), and one with no blank line above it,
    // are the headings of the sections below them, not text of the section before.
    let text = "12. Any person who traffics in persons commits an offence.\n\nOffence of trafficking in persons by means of threat, force, etc.\n13. Any person who traffics in persons by threat commits an offence.\nPenalty for trafficking children\n14. Any person who traffics in a child commits an offence.\n";
    assert_eq!(
        outline(text),
        [
            "sec_12 12.",
            "sec_13 13. | Offence of trafficking in persons by means of threat, force, etc.",
            "sec_14 14. | Penalty for trafficking children",
        ]
    );
    let (instrument, document) = document(text);
    let section = document.find("sec_12").expect("section 12");
    assert_eq!(&instrument.text[section.span.range()], "12. Any person who traffics in persons commits an offence.");
}

#[test]
fn headwords_before_means_or_includes_and_a_comma_define() {
    let text = "5.1 Interpretation\nIn this Part:\nexploitation includes, at a minimum, the prostitution of others and forced labour.\nchild means, for this Part, a person under 18 years of age.\n";
    assert_eq!(outline(text), ["sec_5.1 5.1 | Interpretation", "sec_5.1__def_exploitation", "sec_5.1__def_child"]);
}

#[test]
fn the_following_definitions_of_a_treaty_amend_nothing() {
    // `the following definitions are agreed upon:` names no amending act: the `1.` after it is
    // a paragraph of the article, not a quoted section of an amended text.
    let text = "Article 1\nFor the purpose of the present Convention, the following definitions are agreed upon:\n1. Slavery is the status of a person.\nSection 2. Section 3 of the Act is amended by inserting the following definition:\n(d) \"victim\" means a trafficked person.\n";
    assert_eq!(
        outline(text),
        ["art_1 Article 1", "art_1__para_1 1.", "sec_2 Section 2.", "sec_2__para_d (d) (quoted)",]
    );
}

#[test]
fn a_roman_list_label_of_a_quoting_page_before_a_section_number_is_not_the_law_s() {
    // A page that quotes a law numbers its excerpts `I.`, `II.`: `I. Section 3: ...` is section
    // 3; a Roman label before anything else is no such label.
    let text = "1. Interpretation\nIn this Act—\n“child” means a person below eighteen years;\n\nI. Section 3: Offence of trafficking in persons.\n(1) A person who: –\n(a) Recruits a person for the purpose of exploitation.\nII. Section 4 of the Act is amended.\n";
    assert_eq!(
        outline(text),
        ["sec_1 1.", "sec_1__def_child", "sec_3 Section 3", "sec_3__subsec_1 (1)", "sec_3__subsec_1__para_a (a)"]
    );
}

#[test]
fn a_number_marker_numbers_a_heading_less_article_whose_page_prints_no_number() {
    // Two articles read from pages that print neither the article's number nor (the second)
    // its heading: the markers say `Article 7` and `Article 8`.
    let text = format!(
        "{HEADER}{{{{source: a}}}}\n{{{{number: Article 7 | the page prints no number}}}}\nProtection of victims\n1. Each Party shall protect victims.\n2. Each Party shall assist victims.\n\n{{{{number: Article 8 | the page prints no number}}}}\n1. Each Party shall accept the return of victims.\n"
    );
    assert_eq!(
        outline(&text),
        [
            "art_7 Article 7 | Protection of victims",
            "art_7__para_1 1.",
            "art_7__para_2 2.",
            "art_8 Article 8",
            "art_8__para_1 1.",
        ]
    );
    let (_, document) = document(&text);
    assert!(document
        .walk()
        .filter(|provision| provision.eid.as_str().len() == 5)
        .all(|article| article.number_inferred));
}

#[test]
fn a_bills_title_a_blank_line_above_its_first_section_is_not_that_sections_heading() {
    // The title of the text is its preamble; a marginal heading right above a section, or a
    // blank line above a later one, is still the section's heading.
    let text = "PREVENTION OF TRAFFICKING IN PERSONS BILL, 2026\n\n1. In this Act, \"child\" means a person under eighteen.\n\nOffence\n\n2. A person who traffics another commits an offence.\nPenalty\n3. The penalty is imprisonment.\n";
    assert_eq!(outline(text), ["preamble", "sec_1 1.", "sec_2 2. | Offence", "sec_3 3. | Penalty"]);
    let (instrument, document) = document(text);
    let preamble = document.walk().next().expect("a preamble");
    assert_eq!(
        &instrument.text[preamble.span.range()],
        "PREVENTION OF TRAFFICKING IN PERSONS BILL, 2026",
        "the title is kept, as the preamble"
    );
    // With the heading right above the first section, it is the heading.
    assert_eq!(outline("Short title\n1. This Act may be cited as the Act.\n")[0], "sec_1 1. | Short title");
}
