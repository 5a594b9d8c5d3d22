//! The law at a date: the corpus's amending instruments applied to the instruments they
//! amend, and the definition's elements and qualifiers through the versions (issue 17).
//!
//! The Philippine chain (RA 9208, RA 10364, RA 11862) at three dates; Malaysia and Thailand as
//! far as the corpus text allows, with what could not be applied listed; and a made-up pair
//! of acts (test text, not law) for the drafting the corpus does not use: insertion, repeal,
//! an amendment of another act, a complete text where an element can go.

use lexdef::{Corpus, Event, History, ItemKind, Lexicon, Timeline, TimelineEntry, Version};

fn bundled_history(id: &str) -> History {
    History::of(&Corpus::bundled(), id).expect("an instrument of the bundled corpus")
}

fn timeline(history: &History) -> Timeline {
    Timeline::of(history, &Lexicon::bundled(), &"trafficking_in_persons".parse().expect("a concept id"))
}

fn entry<'t>(timeline: &'t Timeline, item: &str, version: usize) -> &'t TimelineEntry {
    timeline
        .entries
        .iter()
        .find(|entry| entry.item == item && entry.version == version)
        .unwrap_or_else(|| panic!("no entry for {item} in version {version}: {:#?}", timeline.entries))
}

fn model(version: &Version) -> lexdef::TermModel {
    lexdef::Analysis::of(&version.instrument, &Lexicon::bundled(), &"trafficking_in_persons".parse().unwrap()).model
}

/// Every line of a version's file is a line of the corpus file it names, character for
/// character (but for the instrument's id put before a source key): nothing is completed,
/// reworded or tidied.
fn assert_copied_exactly(corpus: &Corpus, version: &Version) {
    let file = version.instrument.file_text();
    let lines: Vec<&str> = file.lines().collect();
    let mut covered = 0;
    for stretch in &version.stretches {
        let origin = corpus.require(stretch.origin.as_str()).expect("a stretch comes from the corpus");
        let origin_lines: Vec<&str> = origin.file_text().lines().collect();
        for offset in 0..stretch.lines {
            let line = lines[stretch.first_line - 1 + offset];
            let origin_line = stretch.origin_line + offset;
            let expected = origin_lines[origin_line - 1];
            // lexdef's markers say where they came from (a source key qualified with its
            // instrument, a gap's note ended with its file and line); the rest is as copied.
            let line = line
                .replace(&format!("{{{{source: {}/", stretch.origin), "{{source: ")
                .replace(&format!(" ({} line {origin_line})}}}}", stretch.origin), "}}");
            assert_eq!(
                line,
                expected,
                "{} line {} against {} line {}",
                version.instrument.id,
                stretch.first_line + offset,
                stretch.origin,
                stretch.origin_line + offset
            );
            covered += 1;
        }
    }
    // The only other lines are the metadata block (lexdef's own, the amended instrument's
    // with the sources of every file drawn on) and the source markers that head each stretch.
    let body_start = lines.iter().skip(1).position(|line| *line == "+++").expect("a metadata block") + 2;
    let body = &lines[body_start..];
    let markers = body.iter().filter(|line| line.starts_with("{{source: ") && line.ends_with("}}")).count();
    assert!(
        covered + version.stretches.len() <= body.len() && body.len() <= covered + markers,
        "{} lines, {covered} copied",
        body.len()
    );
}

#[test]
fn the_philippine_chain_at_three_dates() {
    let corpus = Corpus::bundled();
    let history = bundled_history("PH-RA9208-2003");
    assert_eq!(history.versions.len(), 3);

    // 2010: RA 9208 as adopted. The 2003 definition has no "obtaining".
    let at_2010 = history.at("2010-01-01").expect("RA 9208 stood in 2010").version;
    assert_eq!(at_2010.by, None);
    let adopted = model(at_2010);
    assert_eq!(adopted.state(&"act.obtaining".parse().unwrap()), lexdef::ElementState::NotFound);
    assert_eq!(adopted.qualifiers[&lexdef::QualifierName::ChildAge].value, lexdef::QualifierValue::Number(18));

    // 2015: as amended by RA 10364 (dated by the year, 2013). Its section 3 replaced RA 9208's.
    let at_2015 = history.at("2015-01-01").expect("RA 10364 was made in 2013").version;
    assert_eq!(at_2015.by.as_ref().map(|id| id.as_str()), Some("PH-RA10364-2012"));
    assert_copied_exactly(&corpus, at_2015);
    let amended = model(at_2015);
    let obtaining =
        amended.elements.iter().find(|presence| presence.id.as_str() == "act.obtaining").expect("obtaining");
    assert_eq!(obtaining.evidence[0].text, "obtaining");
    let (origin, line) = at_2015.origin(obtaining.evidence[0].line).expect("the words are copied from a corpus file");
    assert_eq!((origin.as_str(), line), ("PH-RA10364-2012", 95));
    assert!(corpus.require("PH-RA10364-2012").unwrap().file_line_text(95).contains("recruitment, obtaining, hiring"));
    let section_3 = at_2015.last_changed_provision("sec_3__para_a").expect("s 3 was changed");
    assert_eq!(section_3.by.instrument.as_str(), "PH-RA10364-2012");
    assert_eq!(section_3.action, lexdef::Action::AsAmended);

    // 2023: as amended by RA 11862, whose section 3 quotes the new section 3.
    let at_2023 = history.at("2023-01-01").expect("RA 11862 was adopted on 2022-06-23").version;
    assert_eq!(at_2023.by.as_ref().map(|id| id.as_str()), Some("PH-RA11862-2022"));
    assert_copied_exactly(&corpus, at_2023);
    let section_3 = at_2023.last_changed_provision("sec_3__para_a").expect("s 3 was changed again");
    assert_eq!(
        (section_3.by.eid.as_str(), section_3.by.line, section_3.action),
        ("sec_3", 66, lexdef::Action::Substitute)
    );
    assert!(section_3
        .by
        .words
        .contains("Section 3 of Republic Act No. 9208, as amended, is hereby further amended to read as follows:"));
    // Sections 4-B and 4-C, which RA 11862 does not touch, stand as RA 10364 made them.
    assert_eq!(at_2023.last_changed_provision("sec_4-B").unwrap().by.instrument.as_str(), "PH-RA10364-2012");
    // RA 11862 prints "(c) x x x;" for a paragraph it keeps: the paragraph as RA 10364 left it.
    let document = lexdef::parse(&at_2023.instrument);
    let kept = document.find("sec_5__para_c").expect("s 5(c)");
    let (origin, line) = at_2023.origin(kept.line).expect("copied");
    assert_eq!((origin.as_str(), line), ("PH-RA10364-2012", 127));
    assert!(at_2023.instrument.text[kept.span.range()].starts_with("(c) To advertise, publish, print, broadcast"));
    assert_eq!(
        at_2023.last_changed_provision("sec_5__para_c").map(|change| change.by.instrument.as_str()),
        Some("PH-RA10364-2012")
    );
    assert_eq!(
        at_2023.last_changed_provision("sec_5__para_e").map(|change| change.by.instrument.as_str()),
        Some("PH-RA11862-2022")
    );
    // (f) was not seen in RA 10364's text: RA 11862's "x x x" stays, said as printed.
    let unseen = document.find("sec_5__para_f").expect("s 5(f)");
    assert_eq!(&at_2023.instrument.text[unseen.span.range()], "(f) x x x;");
    let latest = model(at_2023);
    // RA 11862's (b) (the child) is not in the transcription: the age is not known, not gone.
    let age = &latest.qualifiers[&lexdef::QualifierName::ChildAge];
    assert_eq!(age.value, lexdef::QualifierValue::Unknown);
}

#[test]
fn a_date_the_corpus_knows_too_roughly_is_refused_not_guessed() {
    let history = bundled_history("PH-RA9208-2003");
    let error = history.at("2013-05-01").expect_err("RA 10364 is dated 2013, no finer").to_string();
    assert!(error.contains("PH-RA10364-2012 dates from 2013") && error.contains("cannot be said"), "{error}");
    assert!(error.contains("before 2013-01-01 or after 2013-12-31"), "{error}");
    let error = history.at("2001-05-01").expect_err("RA 9208 dates from 2003").to_string();
    assert!(error.contains("dates from 2003-05-26"), "{error}");
    let error = history.at("2015").expect_err("a year is no day").to_string();
    assert!(error.contains("YYYY-MM-DD"), "{error}");
}

#[test]
fn the_timeline_names_the_amending_provision_and_its_words() {
    let timeline = timeline(&bundled_history("PH-RA9208-2003"));
    assert_eq!(timeline.versions.len(), 3);
    assert_eq!(
        timeline.versions[2].definition_from.as_ref().map(|place| (place.instrument.as_str(), place.line)),
        Some(("PH-RA11862-2022", 68))
    );

    let recruitment = entry(&timeline, "act.recruitment", 0);
    assert_eq!((recruitment.event, recruitment.words.as_deref()), (Event::AsAdopted, Some("recruitment")));

    // "when was act.obtaining added?": by RA 10364's section 3, in these words.
    let obtaining = entry(&timeline, "act.obtaining", 1);
    assert_eq!(obtaining.event, Event::Appeared);
    assert_eq!(obtaining.by.as_ref().map(|id| id.as_str()), Some("PH-RA10364-2012"));
    assert_eq!(obtaining.amending.as_ref().map(|by| by.eid.as_str()), Some("sec_3"));
    assert_eq!(obtaining.words.as_deref(), Some("obtaining"));
    assert_eq!(
        obtaining.words_at.as_ref().map(|place| (place.instrument.as_str(), place.line)),
        Some(("PH-RA10364-2012", 95))
    );

    // RA 11862's section 4 names procuring.
    let procuring = entry(&timeline, "act.procuring", 2);
    assert_eq!(procuring.event, Event::Appeared);
    let by = procuring.amending.as_ref().expect("an amending provision");
    assert_eq!((by.instrument.as_str(), by.eid.as_str(), by.line), ("PH-RA11862-2022", "sec_4", 99));
    assert!(
        by.words.contains("Section 4 of Republic Act No. 9208, as amended, is hereby further amended"),
        "{}",
        by.words
    );

    // The child's age: 18 as adopted; unknown once RA 11862 replaced section 3 with a text
    // whose (b) the corpus does not have. Not "went".
    assert_eq!(entry(&timeline, "child_age", 0).to, "18");
    let age = entry(&timeline, "child_age", 2);
    assert_eq!(
        (age.event, age.kind, age.from.as_deref(), age.to.as_str()),
        (Event::Unknown, ItemKind::Qualifier, Some("18"), "unknown")
    );
    assert_eq!(age.amending.as_ref().map(|by| by.eid.as_str()), Some("sec_3"));
    // Nothing in this partial chain is said to have gone.
    assert!(timeline.entries.iter().all(|entry| entry.event != Event::Went), "{:#?}", timeline.entries);
}

#[test]
fn malaysia_and_thailand_as_far_as_the_corpus_allows() {
    let corpus = Corpus::bundled();
    // Malaysia: A1644's section 5 replaces section 13; its section 6 changes words of a section
    // whose opening words the source does not show. A1644 is undated in the corpus.
    let malaysia = bundled_history("MY-ATIPSOM-2007");
    let amended = malaysia.latest();
    assert_eq!(amended.by.as_ref().map(|id| id.as_str()), Some("MY-ATIPSOM-AMEND"));
    assert_eq!(amended.date, None);
    let section_13 = amended.last_changed_provision("sec_13").expect("s 13 substituted");
    assert_eq!((section_13.by.eid.as_str(), section_13.by.line), ("sec_5", 49));
    assert_copied_exactly(&corpus, amended);
    let lines: Vec<usize> = malaysia.unapplied.iter().map(|unapplied| unapplied.by.line).collect();
    assert_eq!(lines, [65, 66, 68, 69, 70, 71], "{:#?}", malaysia.unapplied);
    assert!(
        malaysia.unapplied.iter().all(|unapplied| unapplied.reason.contains("not in the corpus text")
            || unapplied.reason.contains("does not have")),
        "{:#?}",
        malaysia.unapplied
    );
    // Undated, so no day has it.
    let at = malaysia.at("2024-01-01").expect("Act 670 stood");
    assert_eq!(at.version.by, None);
    assert_eq!(at.undated.len(), 1);

    // Thailand: the 2019 decree's section 4 replaces section 6, of which the corpus has the
    // first words only. What the 2008 section 6 named is now unknown, never gone.
    let thailand = bundled_history("TH-ATIPA-2008");
    let at_2020 = thailand.at("2020-01-01").expect("the decree came into force on 2019-04-08").version;
    let section_6 = at_2020.last_changed_provision("sec_6").expect("s 6 replaced");
    assert_eq!((section_6.by.instrument.as_str(), section_6.by.eid.as_str()), ("TH-ATIPA-AMEND", "sec_4"));
    assert_copied_exactly(&corpus, at_2020);
    let thai = timeline(&thailand);
    let harbouring = entry(&thai, "act.harbouring", 1);
    assert_eq!((harbouring.event, harbouring.from.as_deref()), (Event::Unknown, Some("present")));
    assert!(thai.entries.iter().all(|entry| entry.event != Event::Went));
    // The English decree is not put into the Thai original.
    let original = bundled_history("TH-ATIPA-2008-orig");
    assert_eq!(original.versions.len(), 1);
    assert!(original.unapplied[0].reason.contains("in `en`") && original.unapplied[0].reason.contains("in `th`"));
}

#[test]
fn the_corpus_at_a_date_leaves_out_what_was_not_yet_made() {
    let corpus = Corpus::bundled();
    let (at_2005, notes) = corpus.at("2005-01-01").expect("a day");
    assert!(at_2005.get("PH-RA11862-2022").is_none(), "RA 11862 dates from 2022");
    assert!(at_2005.get("ASEAN-ACTIP-2015").is_none());
    assert!(at_2005.get("INTL-PALERMO-2000").is_some());
    assert!(
        notes
            .iter()
            .any(|note| note == "PH-RA11862-2022: left out: PH-RA11862-2022 dates from 2022-06-23, after that day"),
        "{notes:#?}"
    );
    // An instrument the day leaves open is left out, and asking for it says why.
    let (at_2013, _) = corpus.at("2013-05-01").expect("a day");
    let error = at_2013.require("PH-RA9208-2003").expect_err("RA 10364 is dated 2013 only").to_string();
    assert!(error.starts_with("PH-RA9208-2003 at 2013-05-01: PH-RA10364-2012 dates from 2013"), "{error}");
    let (at_2020, notes) = corpus.at("2020-01-01").expect("a day");
    assert!(notes.iter().any(|note| note.starts_with("MY-ATIPSOM-2007: MY-ATIPSOM-AMEND amends it")), "{notes:#?}");
    assert!(
        notes.iter().any(|note| note.starts_with("TH-ATIPA-2008-orig: TH-ATIPA-AMEND preamble (line 1) not applied")),
        "{notes:#?}"
    );
    let philippines = at_2020.get("PH-RA9208-2003").expect("RA 9208 stood in 2020");
    assert!(philippines.text.contains("recruitment, obtaining, hiring"), "RA 10364's section 3");
}

/// A made-up base act and its amending act, in the drafting of Commonwealth amending acts
/// (test text, not law).
fn synthetic_corpus() -> Corpus {
    let base = r#"+++
id = "AU-SYNTH-BASE-2000"
title = "Synthetic Base Act 2000 (test text, not law)"
short_title = "Synthetic Base Act 2000"
jurisdiction = "AU"
kind = "act"
adopted = "2000-03-01"

[language]
code = "en"
status = "official"

[completeness]
status = "complete"
included = ["s 1", "s 2", "s 3"]

[[sources]]
key = "made-up"
url = "https://example.org/not-law"
description = "made up for lexdef's tests"

[[relations]]
kind = "amended_by"
target = "AU-SYNTH-AMEND-2005"
+++
{{source: made-up}}
1. Short title
This Act is the Synthetic Base Act 2000.
2. Interpretation
In this Act, "trafficking in persons" means the recruitment, transportation or harbouring of persons by means of force or deception for the purpose of exploitation.
3. Offence
A person who commits trafficking in persons commits an offence.
"#;
    let amending = r#"+++
id = "AU-SYNTH-AMEND-2005"
title = "Synthetic Base Amendment Act 2005 (test text, not law)"
short_title = "Synthetic Base Amendment Act 2005"
jurisdiction = "AU"
kind = "amending-act"
adopted = "2005-06-30"

[language]
code = "en"
status = "official"

[completeness]
status = "complete"
included = ["s 1", "s 2", "s 3", "s 4", "s 5"]

[[sources]]
key = "made-up"
url = "https://example.org/not-law"
description = "made up for lexdef's tests"

[[relations]]
kind = "amends"
target = "AU-SYNTH-BASE-2000"
+++
{{source: made-up}}
1. The principal Act is amended by substituting for section 2 the following section:
"2. Interpretation
In this Act, "trafficking in persons" means the recruitment, transportation, harbouring or receipt of persons by means of force, fraud or deception for the purpose of exploitation."
2. The principal Act is amended by inserting after section 2 the following section:
"2A. Consent
The consent of a victim of trafficking in persons is irrelevant."
3. Section 3 of the Synthetic Base Act 2000 is hereby repealed.
4. Section 9 of the Other Act 1999 is hereby amended to read as follows:
"9. Other
Nothing."
5. Section 2A of the principal Act is amended by substituting for the words "a victim" the words "any victim".
"#;
    Corpus::from_files([
        ("AU-SYNTH-BASE-2000.txt".to_owned(), base.as_bytes().to_vec()),
        ("AU-SYNTH-AMEND-2005.txt".to_owned(), amending.as_bytes().to_vec()),
    ])
}

#[test]
fn substitution_insertion_and_repeal_in_a_complete_text() {
    let corpus = synthetic_corpus();
    assert!(corpus.errors().is_empty(), "{:#?}", corpus.errors());
    let history = History::of(&corpus, "AU-SYNTH-BASE-2000").expect("the base act");
    let amended = history.at("2006-01-01").expect("the amendment was adopted in 2005").version;
    assert_copied_exactly(&corpus, amended);
    let document = lexdef::parse(&amended.instrument);
    let outline: Vec<&str> = document.provisions.iter().map(|provision| provision.eid.as_str()).collect();
    assert_eq!(outline, ["sec_1", "sec_2", "sec_2A"], "s 3 repealed, s 2A inserted after s 2");
    let actions: Vec<(&str, lexdef::Action, &str)> =
        amended.changes.iter().map(|change| (change.eid.as_str(), change.action, change.by.eid.as_str())).collect();
    assert_eq!(
        actions,
        [
            ("sec_2", lexdef::Action::Substitute, "sec_1"),
            ("sec_2A", lexdef::Action::Insert, "sec_2"),
            ("sec_3", lexdef::Action::Repeal, "sec_3"),
        ]
    );
    // Section 4 amends another act; section 5 changes words: neither is applied, each said.
    let reasons: Vec<(&str, &str)> =
        history.unapplied.iter().map(|unapplied| (unapplied.by.eid.as_str(), unapplied.reason.as_str())).collect();
    assert_eq!(reasons.len(), 2, "{reasons:#?}");
    assert!(reasons[0].0 == "sec_4" && reasons[0].1.contains("another instrument"), "{reasons:#?}");
    assert!(reasons[1].0 == "sec_5" && reasons[1].1.contains("changes words"), "{reasons:#?}");

    let timeline = timeline(&history);
    let receipt = entry(&timeline, "act.receipt", 1);
    assert_eq!((receipt.event, receipt.amending.as_ref().map(|by| by.eid.as_str())), (Event::Appeared, Some("sec_1")));
    assert_eq!(receipt.words.as_deref(), Some("receipt"));
    let place = receipt.words_at.as_ref().expect("where the words are");
    assert_eq!(place.instrument.as_str(), "AU-SYNTH-AMEND-2005");
    let line = corpus.require("AU-SYNTH-AMEND-2005").unwrap().file_line_text(place.line);
    assert!(line.contains("harbouring or receipt of persons"), "{line}");
    assert_eq!(entry(&timeline, "means.fraud", 1).event, Event::Appeared);
    // Before the amendment the day is refused; on it, the act as adopted stands no longer.
    assert_eq!(history.at("2005-06-29").unwrap().version.by, None);
    assert!(history.at("2005-06-30").unwrap().version.by.is_some());
}

#[test]
fn an_element_the_complete_text_drops_went() {
    // The same made-up act, amended so that the definition no longer names deception.
    let corpus = synthetic_corpus();
    let base = corpus.require("AU-SYNTH-BASE-2000").unwrap().file_text().to_owned();
    let amending = corpus
        .require("AU-SYNTH-AMEND-2005")
        .unwrap()
        .file_text()
        .replace("by means of force, fraud or deception", "by means of force or fraud");
    let corpus = Corpus::from_files([
        ("AU-SYNTH-BASE-2000.txt".to_owned(), base.into_bytes()),
        ("AU-SYNTH-AMEND-2005.txt".to_owned(), amending.into_bytes()),
    ]);
    let timeline = timeline(&History::of(&corpus, "AU-SYNTH-BASE-2000").unwrap());
    let deception = entry(&timeline, "means.deception", 1);
    assert_eq!(
        (deception.event, deception.from.as_deref(), deception.to.as_str()),
        (Event::Went, Some("present"), "absent")
    );
    let by = deception.amending.as_ref().expect("the substitution of s 2 did it");
    assert_eq!(by.eid.as_str(), "sec_1");
    assert!(by.words.contains("substituting for section 2"), "{}", by.words);
}

/// A made-up base act and amending act with the given bodies (test text, not law), in the
/// same made-up jurisdiction as above.
fn pair(base_title: &str, numbering: &str, base_body: &str, amending_body: &str) -> Corpus {
    let metadata = |id: &str, title: &str, kind: &str, adopted: &str, relation: &str, target: &str| {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"{title} (test text, not law)\"\nshort_title = \"{title}\"\njurisdiction = \"AU\"\nkind = \"{kind}\"\nadopted = \"{adopted}\"\n\n[language]\ncode = \"en\"\nstatus = \"official\"\n\n[completeness]\nstatus = \"complete\"\nincluded = [\"{numbering}\"]\n\n[[sources]]\nkey = \"made-up\"\nurl = \"https://example.org/not-law\"\ndescription = \"made up for lexdef's tests\"\n\n[[relations]]\nkind = \"{relation}\"\ntarget = \"{target}\"\n+++\n{{{{source: made-up}}}}\n"
        )
    };
    let base = metadata("AU-VARIANT-BASE-2001", base_title, "act", "2001-01-01", "amended_by", "AU-VARIANT-AMEND-2011")
        + base_body;
    let amending = metadata(
        "AU-VARIANT-AMEND-2011",
        "Variant Amendment Act 2011",
        "amending-act",
        "2011-01-01",
        "amends",
        "AU-VARIANT-BASE-2001",
    ) + amending_body;
    let corpus = Corpus::from_files([
        ("AU-VARIANT-BASE-2001.txt".to_owned(), base.into_bytes()),
        ("AU-VARIANT-AMEND-2011.txt".to_owned(), amending.into_bytes()),
    ]);
    assert!(corpus.errors().is_empty(), "{:#?}", corpus.errors());
    corpus
}

fn outline_and_actions(corpus: &Corpus) -> (Vec<String>, Vec<(String, lexdef::Action)>, Vec<String>) {
    let history = History::of(corpus, "AU-VARIANT-BASE-2001").expect("the base act");
    let latest = history.latest();
    assert_copied_exactly(corpus, latest);
    let outline = lexdef::parse(&latest.instrument).walk().map(|provision| provision.eid.to_string()).collect();
    let actions = latest.changes.iter().map(|change| (change.eid.to_string(), change.action)).collect();
    let unapplied = history.unapplied.iter().map(|item| format!("{}: {}", item.by.eid, item.reason)).collect();
    (outline, actions, unapplied)
}

#[test]
fn united_kingdom_style_amending_words_are_read() {
    // "For section 2 substitute—", "After section 2 insert—", "Omit section 3", and a change
    // of words in quotation marks, which is not applied.
    let corpus = pair(
        "Variant Act 2001",
        "ss 1-3",
        "1 Citation\nThis Act may be cited as the Variant Act 2001.\n2 Meaning of trafficking\nIn this Act \"trafficking\" means the recruitment or transportation of a person by force for the purpose of exploitation.\n3 Review\nThe Minister must review this Act.\n",
        "1 Meaning of trafficking\nIn the Variant Act 2001, for section 2 substitute—\n\"2 Meaning of trafficking\nIn this Act \"trafficking\" means the recruitment, transportation or transfer of a person by force or fraud for the purpose of exploitation.\"\n2 Consent\nIn the Variant Act 2001, after section 2 insert—\n\"2A Consent irrelevant\nThe consent of a victim is irrelevant.\"\n3 Review\nIn the Variant Act 2001, omit section 3.\n4 Words\nIn section 2A of the Variant Act 2001, for \"a victim\" substitute \"any victim\".\n",
    );
    let (outline, actions, unapplied) = outline_and_actions(&corpus);
    assert_eq!(outline, ["sec_1", "sec_2", "sec_2A"], "{actions:?} {unapplied:?}");
    assert_eq!(
        actions,
        [
            ("sec_2".to_owned(), lexdef::Action::Substitute),
            ("sec_2A".to_owned(), lexdef::Action::Insert),
            ("sec_3".to_owned(), lexdef::Action::Repeal),
        ]
    );
    assert_eq!(unapplied.len(), 1, "{unapplied:?}");
    assert!(unapplied[0].starts_with("sec_4: it changes words within a provision"), "{unapplied:?}");
}

#[test]
fn civil_law_articles_are_amended_by_article() {
    // "Article 2 of Law No. 5/2001 is amended to read as follows:", and an amending article
    // that names another law, which is left alone.
    let corpus = pair(
        "Law No. 5/2001 on Variants",
        "arts 1-2",
        "Article 1\nThis Law governs variants.\nArticle 2\nTrafficking in persons means the recruitment of persons by force for the purpose of exploitation.\n",
        "Article 1\nArticle 2 of Law No. 5/2001 on Variants is amended to read as follows:\n\"Article 2\nTrafficking in persons means the recruitment, transfer or receipt of persons by force or deception for the purpose of exploitation.\"\nArticle 2\nArticle 7 of Law No. 9/1999 is amended to read as follows:\n\"Article 7\nNothing.\"\n",
    );
    let (outline, actions, unapplied) = outline_and_actions(&corpus);
    assert_eq!(outline, ["art_1", "art_2"], "{unapplied:?}");
    assert_eq!(actions, [("art_2".to_owned(), lexdef::Action::Substitute)]);
    assert_eq!(unapplied.len(), 1, "{unapplied:?}");
    assert!(unapplied[0].starts_with("art_2: its words do not name AU-VARIANT-BASE-2001"), "{unapplied:?}");
    let timeline = timeline(&History::of(&corpus, "AU-VARIANT-BASE-2001").unwrap());
    assert_eq!(entry(&timeline, "means.deception", 1).event, Event::Appeared);
    assert_eq!(entry(&timeline, "act.receipt", 1).amending.as_ref().map(|by| by.eid.as_str()), Some("art_1"));
}

#[test]
fn another_act_of_the_same_year_is_not_the_amended_act() {
    // The base is the Variant Act 2001; the amending act also changes the Other Act 2001. A
    // year names no act: only the amendment that names the Variant Act is applied.
    let corpus = pair(
        "Variant Act 2001",
        "ss 1-2",
        "1 Citation\nThis Act may be cited as the Variant Act 2001.\n2 Meaning of trafficking\nIn this Act \"trafficking\" means the recruitment of a person by force for the purpose of exploitation.\n",
        "1 Other Act\nIn the Other Act 2001, for section 2 substitute—\n\"2 Meaning\nNothing.\"\n2 Variant Act\nIn the Variant Act 2001, for section 1 substitute—\n\"1 Citation\nThis Act may be cited as the Variant Act 2001 (as amended).\"\n",
    );
    let (outline, actions, unapplied) = outline_and_actions(&corpus);
    assert_eq!(outline, ["sec_1", "sec_2"]);
    assert_eq!(actions, [("sec_1".to_owned(), lexdef::Action::Substitute)], "{unapplied:?}");
    assert_eq!(unapplied.len(), 1, "{unapplied:?}");
    assert!(unapplied[0].starts_with("sec_1: its words do not name AU-VARIANT-BASE-2001"), "{unapplied:?}");
}
