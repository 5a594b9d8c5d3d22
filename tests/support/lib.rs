//! Helpers shared by the workspace's corpus-driven tests and its benchmarks.

/// The synthetic corpus generator of the scale benchmarks (`benches/synthetic.rs`).
#[path = "../../benches/synthetic.rs"]
pub mod synthetic;

use std::path::PathBuf;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/sources/` beside the repository, where the corpus was built from.
/// The numbered cases of a test set (`tests/drafting`, `tests/protection`): each `NN-name.txt`
/// with its number and its reading file (`NN-name.toml`), in file order; `differences.txt`
/// is not a case.
pub fn numbered_cases(folder: &str) -> Vec<(String, PathBuf, PathBuf)> {
    let dir = workspace_root().join(folder);
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{folder} is readable: {error}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .filter(|path| path.file_name().is_some_and(|name| name != "differences.txt"))
        .collect();
    texts.sort();
    texts
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().and_then(|stem| stem.to_str()).expect("a UTF-8 file name");
            let number = stem.split('-').next().expect("a numbered case").to_owned();
            let reading = path.with_extension("toml");
            (number, path, reading)
        })
        .collect()
}

pub fn sources_dir() -> PathBuf {
    workspace_root().join("../shared/sources")
}

/// One line of an expected outline: `eId<TAB>number as printed[<TAB>quoted]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    pub eid: String,
    pub number: String,
    pub quoted: bool,
}

/// Read `tests/outlines/<ID>.txt`; `None` when there is none.
pub fn expected_outline(id: &str) -> Option<Vec<OutlineEntry>> {
    expected_outline_in(&workspace_root().join("tests/outlines"), id)
}

/// Read `<dir>/<ID>.txt`, an outline written by reading the law; `None` when there is none.
pub fn expected_outline_in(dir: &std::path::Path, id: &str) -> Option<Vec<OutlineEntry>> {
    let path = dir.join(format!("{id}.txt"));
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .map(|line| {
                let mut fields = line.split('\t');
                let eid = fields.next().unwrap_or_default().trim().to_owned();
                let number = fields.next().unwrap_or_default().trim().to_owned();
                let quoted = fields.next().is_some_and(|flag| flag.trim() == "quoted");
                OutlineEntry { eid, number, quoted }
            })
            .collect(),
    )
}

/// A printed number reduced to its designator, to compare numbers written in different
/// conventions: `Section 4-A.` → `4-A`, `( a )` → `a`, `มาตรา ๖` → `6`, `3.` → `3`.
pub fn designator(printed: &str) -> String {
    let printed = printed.trim();
    // Drop a leading keyword (`Section`, `SEC.`, `Điều`, `มาตรา`, `§`).
    let without_keyword = match printed.split_once(|character: char| character.is_whitespace()) {
        Some((first, rest))
            if !first.starts_with('(')
                && first.chars().any(|character| character.is_alphabetic() || character == '§')
                && !rest.trim().is_empty() =>
        {
            rest
        }
        _ => printed,
    };
    without_keyword
        .chars()
        .filter(|character| !character.is_whitespace() && !matches!(character, '(' | ')' | '.' | '—' | '–'))
        .map(|character| match character {
            '/' => '-',
            '\u{0E50}'..='\u{0E59}' => char::from_digit(character as u32 - 0x0E50, 10).unwrap_or(character),
            '\u{0ED0}'..='\u{0ED9}' => char::from_digit(character as u32 - 0x0ED0, 10).unwrap_or(character),
            other => other,
        })
        .collect()
}

/// The divergence report of the bundled corpus against the UN Protocol, and the analyses it
/// was made from.
pub fn bundled_report() -> (lexdef::Report, Vec<lexdef::Analysis>) {
    let corpus = lexdef::Corpus::bundled();
    let lexicon = lexdef::Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("a valid concept id");
    let study =
        lexdef::Study::new(&corpus, &lexicon, concept).with_baseline("palermo").expect("the Protocol is bundled");
    (study.report(), study.analyses().cloned().collect())
}

/// The outline the parser finds: every provision but the preamble and an unnumbered body.
pub fn found_outline(document: &lexdef::Document) -> Vec<OutlineEntry> {
    document
        .walk()
        .filter(|provision| !matches!(provision.kind, lexdef::ProvisionKind::Preamble | lexdef::ProvisionKind::Body))
        .map(|provision| OutlineEntry {
            eid: provision.eid.to_string(),
            number: provision.num.as_deref().map(designator).unwrap_or_default(),
            quoted: provision.quoted,
        })
        .collect()
}

/// Where the outline found differs from the one expected, side by side; `None` when they agree.
pub fn outline_difference(id: &str, expected: &[OutlineEntry], found: &[OutlineEntry]) -> Option<String> {
    let expected: Vec<OutlineEntry> =
        expected.iter().map(|entry| OutlineEntry { number: designator(&entry.number), ..entry.clone() }).collect();
    if found == expected {
        return None;
    }
    let mut report = format!("{id}: outline differs (expected | found)\n");
    for index in 0..expected.len().max(found.len()) {
        let show = |entry: Option<&OutlineEntry>| {
            entry.map_or("-".to_owned(), |entry| {
                format!("{} {}{}", entry.eid, entry.number, if entry.quoted { " quoted" } else { "" })
            })
        };
        let (left, right) = (show(expected.get(index)), show(found.get(index)));
        let mark = if left == right { " " } else { "≠" };
        report.push_str(&format!("  {mark} {left:<60} | {right}\n"));
    }
    Some(report)
}

/// Extraction measured against the team's readings of many instruments: the tallies per
/// family (definitions, acts, means, purposes, each qualifier) and every difference.
#[derive(Debug, Default)]
pub struct Measured {
    pub tallies: std::collections::BTreeMap<&'static str, lexdef::Tally>,
    pub differences: std::collections::BTreeSet<String>,
    pub instruments: usize,
}

impl Measured {
    /// Compare one instrument's model with its annotation (read from `annotation_path`).
    pub fn add(
        &mut self,
        instrument: &lexdef::Instrument,
        annotation_path: &std::path::Path,
        lexicon: &lexdef::Lexicon,
    ) {
        let id = instrument.id.as_str();
        let text = std::fs::read_to_string(annotation_path)
            .unwrap_or_else(|_| panic!("{id}: no annotation at {}", annotation_path.display()));
        let annotation = lexdef::Annotation::from_toml(&text, &annotation_path.display().to_string())
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(annotation.instrument.get_ref(), id, "{}", annotation_path.display());
        let concept = "trafficking_in_persons".parse().expect("a concept id");
        let analysis = lexdef::Analysis::of(instrument, lexicon, &concept);
        for element in &analysis.model.elements {
            for evidence in &element.evidence {
                assert_eq!(
                    &instrument.text[evidence.span.range()],
                    evidence.text,
                    "{id}: evidence is the text's slice"
                );
            }
        }
        let comparison = lexdef::compare_annotation(&annotation, &analysis);
        for (family, tally) in comparison.tallies {
            self.tallies.entry(family).or_default().add(tally);
        }
        self.differences.extend(comparison.differences.into_iter().map(|difference| difference.text));
        self.instruments += 1;
    }

    /// The figures, one family a line.
    pub fn figures(&self, title: &str) -> String {
        let mut out = format!("{title} ({} instruments):\n", self.instruments);
        for (name, tally) in &self.tallies {
            out.push_str(&format!(
                "  {name:<32} found {:>4}  missed {:>3}  extra {:>3}  precision {:.3}  recall {:.3}\n",
                tally.found,
                tally.missed,
                tally.extra,
                tally.precision(),
                tally.recall()
            ));
        }
        out
    }

    /// Fails (with both lists) where a difference is not accepted in `accepted_path`, or an
    /// accepted one no longer occurs.
    pub fn assert_accepted(&self, accepted_path: &std::path::Path) {
        let accepted_text = std::fs::read_to_string(accepted_path).unwrap_or_default();
        let (accepted, problems) =
            lexdef::read_accepted_differences(&accepted_text, &accepted_path.display().to_string());
        assert!(problems.is_empty(), "{problems:#?}");
        let known: std::collections::BTreeSet<String> =
            accepted.into_iter().map(|accepted| accepted.difference).collect();
        if std::env::var_os("LEXDEF_PRINT_DIFFERENCES").is_some() {
            for difference in &self.differences {
                println!("{difference}");
            }
        }
        let new: Vec<&String> = self.differences.iter().filter(|difference| !known.contains(*difference)).collect();
        let gone: Vec<&String> = known.iter().filter(|difference| !self.differences.contains(*difference)).collect();
        assert!(
            new.is_empty() && gone.is_empty(),
            "differences not accepted in {}:\n{}\n\naccepted there but no longer found:\n{}",
            accepted_path.display(),
            new.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n"),
            gone.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n")
        );
    }
}
