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
    let path = workspace_root().join("tests/outlines").join(format!("{id}.txt"));
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
    let analyses: Vec<lexdef::Analysis> =
        corpus.instruments().map(|instrument| lexdef::Analysis::of(instrument, &lexicon, &concept)).collect();
    let baseline = analyses
        .iter()
        .find(|analysis| analysis.instrument.id.as_str() == "INTL-PALERMO-2000")
        .expect("the Protocol is bundled")
        .clone();
    (lexdef::Report::from_analyses(&analyses, &baseline, &lexicon, &concept), analyses)
}
