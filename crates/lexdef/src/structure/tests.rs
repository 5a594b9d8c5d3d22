//! The parser on drafting styles the corpus does not have, written for these tests (they are
//! invented texts in each style, not quotations of any law), and on edge cases.

use crate::{parse, Document, Instrument, WarningKind};

fn document(text: &str) -> (Instrument, Document) {
    let (instrument, _) = Instrument::from_text("test.txt", text).expect("test texts are valid");
    let document = parse(&instrument);
    (instrument, document)
}

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
