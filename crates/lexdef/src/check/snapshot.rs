//! The expected divergences: the divergence report of the corpus, committed as
//! `expected/divergences.json`, so that an edit that changes what a definition means (or a
//! parser change that reads it differently) shows up as findings added, removed or changed,
//! named by instrument and element, for a human to accept (`--update`) or fix.
//!
//! The file is compact and reviewable: one line per finding, keyed by instrument and by
//! element, qualifier or `definition`; each records kind, direction, severity, confidence,
//! both sides' values and the subject's words (provision and text, not line numbers, so an
//! edit elsewhere in a file does not change it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Context, Finding, Findings, RuleSeverity};
use crate::compare::{Confidence, Divergence, DivergenceKind};
use crate::error::{Error, Result};
use crate::location::Location;
use crate::report::{direction_word, severity_word};
use crate::study::Study;

/// Where the expected divergences are, in a corpus directory.
pub const EXPECTED_FILE: &str = "expected/divergences.json";

/// The format version of the expected divergences.
pub const EXPECTED_SCHEMA: &str = "lexdef-expected/1";

const DEFAULT_BASELINE: &str = "INTL-PALERMO-2000";
const DEFAULT_CONCEPT: &str = "trafficking_in_persons";

/// One finding of the report, as the snapshot records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    kind: String,
    direction: String,
    severity: String,
    confidence: String,
    subject: serde_json::Value,
    baseline: serde_json::Value,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    words: Vec<Words>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    eid: String,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Snapshot {
    schema: String,
    concept: String,
    baseline: String,
    instruments: BTreeMap<String, BTreeMap<String, Expected>>,
}

fn key_of(finding: &Divergence) -> String {
    match (&finding.element, &finding.qualifier) {
        (Some(element), _) => element.to_string(),
        (None, Some(qualifier)) => qualifier.to_string(),
        (None, None) => "definition".to_owned(),
    }
}

fn kind_name(kind: DivergenceKind) -> String {
    serde_json::to_value(kind).ok().and_then(|value| value.as_str().map(str::to_owned)).unwrap_or_default()
}

fn expected_of(finding: &Divergence) -> Expected {
    Expected {
        kind: kind_name(finding.kind),
        direction: direction_word(finding.direction).to_owned(),
        severity: severity_word(finding.severity).to_owned(),
        confidence: match finding.confidence {
            Confidence::Certain => "certain",
            Confidence::Uncertain { .. } => "uncertain",
        }
        .to_owned(),
        subject: finding.subject.value.clone(),
        baseline: finding.baseline.value.clone(),
        words: finding
            .subject
            .evidence
            .iter()
            .map(|evidence| Words { eid: evidence.eid.to_string(), text: evidence.text.clone() })
            .collect(),
    }
}

/// The snapshot as written: pretty at the top, one line per finding.
fn write_snapshot(snapshot: &Snapshot) -> String {
    let json = |value: &dyn erased::Json| value.to_json();
    let mut out = String::from("{\n");
    out.push_str(&format!("  \"schema\": {},\n", json(&snapshot.schema)));
    out.push_str(&format!("  \"concept\": {},\n", json(&snapshot.concept)));
    out.push_str(&format!("  \"baseline\": {},\n", json(&snapshot.baseline)));
    out.push_str("  \"instruments\": {");
    for (index, (instrument, findings)) in snapshot.instruments.iter().enumerate() {
        out.push_str(if index == 0 { "\n" } else { ",\n" });
        if findings.is_empty() {
            out.push_str(&format!("    {}: {{}}", json(instrument)));
            continue;
        }
        out.push_str(&format!("    {}: {{\n", json(instrument)));
        let lines: Vec<String> =
            findings.iter().map(|(key, expected)| format!("      {}: {}", json(key), json(expected))).collect();
        out.push_str(&lines.join(",\n"));
        out.push_str("\n    }");
    }
    out.push_str(if snapshot.instruments.is_empty() { "}\n}\n" } else { "\n  }\n}\n" });
    out
}

mod erased {
    /// Anything that serialises to one line of JSON.
    pub(super) trait Json {
        fn to_json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).expect("snapshot values serialise")
        }
    }
}

/// Where each finding's line is in a snapshot file written by [`write_snapshot`] (or close
/// to it): `(instrument, key)` → 1-based line, and each instrument's line.
fn line_numbers(text: &str) -> (BTreeMap<(String, String), usize>, BTreeMap<String, usize>) {
    let mut findings = BTreeMap::new();
    let mut instruments = BTreeMap::new();
    let mut current: Option<String> = None;
    let quoted = |line: &str| -> Option<String> {
        let rest = line.trim_start().strip_prefix('"')?;
        let end = rest.find('"')?;
        Some(rest[..end].to_owned())
    };
    for (index, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        match indent {
            4 => {
                if let Some(name) = quoted(line) {
                    instruments.insert(name.clone(), index + 1);
                    current = Some(name);
                }
            }
            6 => {
                if let (Some(instrument), Some(key)) = (&current, quoted(line)) {
                    findings.insert((instrument.clone(), key), index + 1);
                }
            }
            _ => {}
        }
    }
    (findings, instruments)
}

/// Write `contents` to `path` so that a reader sees the old file or the new one, never half
/// of one: a temporary file in the same directory, then a rename over the old.
fn write_atomically(path: &Path, contents: &str) -> Result<()> {
    let directory = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&directory).map_err(|source| Error::Io { path: directory.clone(), source })?;
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or("divergences.json");
    let temporary = directory.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, contents).and_then(|()| {
        std::fs::File::open(&temporary)?.sync_all()?;
        std::fs::rename(&temporary, path)
    });
    written.map_err(|source| {
        let _ = std::fs::remove_file(&temporary);
        Error::Io { path: path.to_owned(), source }
    })
}

fn describe(expected: &Expected) -> String {
    let mut text = format!(
        "{} ({}, {}, {}; subject {}, baseline {})",
        expected.kind, expected.direction, expected.severity, expected.confidence, expected.subject, expected.baseline
    );
    if let Some(words) = expected.words.first() {
        text.push_str(&format!(" “{}” [{}]", words.text, words.eid));
    }
    text
}

fn changes(old: &Expected, new: &Expected) -> Vec<String> {
    let mut changed = Vec::new();
    let mut field = |name: &str, old: String, new: String| {
        if old != new {
            changed.push(format!("{name} {old} → {new}"));
        }
    };
    field("kind", old.kind.clone(), new.kind.clone());
    field("direction", old.direction.clone(), new.direction.clone());
    field("severity", old.severity.clone(), new.severity.clone());
    field("confidence", old.confidence.clone(), new.confidence.clone());
    field("subject", old.subject.to_string(), new.subject.to_string());
    field("baseline", old.baseline.to_string(), new.baseline.to_string());
    let words = |words: &[Words]| {
        let shown: Vec<String> = words.iter().map(|words| format!("“{}” [{}]", words.text, words.eid)).collect();
        if shown.is_empty() {
            "none".to_owned()
        } else {
            shown.join(", ")
        }
    };
    field("words", words(&old.words), words(&new.words));
    changed
}

/// Compare the report with the snapshot (after rewriting it, with `update`). Returns the
/// file rewritten, when it was.
pub(super) fn check(context: &Context<'_>, update: bool, findings: &mut Findings) -> Result<Option<PathBuf>> {
    let path = context.directory.join(EXPECTED_FILE);
    let file = path.display().to_string();
    let previous = match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(Error::Io { path, source }),
    };
    let parsed: Option<std::result::Result<Snapshot, serde_json::Error>> =
        previous.as_deref().map(serde_json::from_str::<Snapshot>);
    let (baseline_name, concept_name) = match &parsed {
        Some(Ok(snapshot)) => (snapshot.baseline.clone(), snapshot.concept.clone()),
        _ => (DEFAULT_BASELINE.to_owned(), DEFAULT_CONCEPT.to_owned()),
    };
    let problem =
        |message: String, location: Location| Finding::new("snapshot", RuleSeverity::Error, None, location, message);
    let concept = match context.study.lexicon().concept(&concept_name) {
        Ok(concept) => concept,
        Err(error) => {
            findings.push(problem(format!("`concept`: {error}"), Location::file_start(&file)));
            return Ok(None);
        }
    };
    if context.left_out.contains(&baseline_name) {
        // The baseline's own error says why; every finding would change with it.
        return Ok(None);
    }
    // The check's own study reads trafficking in persons; another concept is read afresh.
    let other_concept;
    let study = if &concept == context.study.concept() {
        context.study
    } else {
        other_concept = Study::new(context.study.corpus(), context.study.lexicon(), concept);
        &other_concept
    };
    let study = match study.with_baseline(&baseline_name) {
        Ok(study) => study,
        Err(error) => {
            findings.push(problem(
                format!("the expected divergences are against `{baseline_name}`, which cannot be a baseline: {error}"),
                Location::file_start(&file),
            ));
            return Ok(None);
        }
    };
    let report = study.report();
    let mut actual = Snapshot {
        schema: EXPECTED_SCHEMA.to_owned(),
        concept: report.concept.clone(),
        baseline: report.baseline.to_string(),
        instruments: BTreeMap::new(),
    };
    let mut divergences: BTreeMap<(String, String), &Divergence> = BTreeMap::new();
    for entry in &report.instruments {
        let findings = actual.instruments.entry(entry.instrument.to_string()).or_default();
        for finding in &entry.findings {
            findings.insert(key_of(finding), expected_of(finding));
            divergences.insert((entry.instrument.to_string(), key_of(finding)), finding);
        }
    }

    let mut expected = match parsed {
        None if !update => {
            let finding = problem(
                format!("no expected divergences: `{file}` does not exist"),
                Location { file: file.clone(), line: 1, column: 1 },
            )
            .note("write it with `lexdef check --update`, review it, and commit it");
            findings.push(finding);
            return Ok(None);
        }
        Some(Err(error)) if !update => {
            let location = Location { file: file.clone(), line: error.line().max(1), column: error.column().max(1) };
            let message = error.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
            let finding = problem(format!("the expected divergences cannot be read: {message}"), location)
                .quoting(previous.as_deref().unwrap_or_default())
                .note("rewrite it with `lexdef check --update`");
            findings.push(finding);
            return Ok(None);
        }
        Some(Ok(snapshot)) if snapshot.schema != EXPECTED_SCHEMA && !update => {
            findings.push(
                problem(
                    format!(
                        "the expected divergences are in format `{}`; this lexdef writes `{EXPECTED_SCHEMA}`",
                        snapshot.schema
                    ),
                    Location::file_start(&file),
                )
                .note("rewrite it with `lexdef check --update`"),
            );
            return Ok(None);
        }
        Some(Ok(snapshot)) => Some(snapshot),
        _ => None,
    };

    let mut updated = None;
    if update {
        // Instruments whose file did not load keep what was expected of them.
        if let Some(old) = &expected {
            for id in context.left_out {
                if let Some(kept) = old.instruments.get(id) {
                    actual.instruments.insert(id.clone(), kept.clone());
                }
            }
        }
        let text = write_snapshot(&actual);
        if previous.as_deref() != Some(text.as_str()) {
            write_atomically(&path, &text)?;
            updated = Some(path.clone());
        }
        expected = Some(actual.clone());
    }
    let expected = expected.expect("a snapshot was read or written");
    let written = if update { write_snapshot(&expected) } else { previous.unwrap_or_default() };
    let (lines, instrument_lines) = line_numbers(&written);
    let at_line = |line: usize| Location { file: file.clone(), line, column: 1 };
    // Mark the quoted key (`"act.harbouring"`) on a line of the snapshot.
    let mark_key = |finding: Finding, key: &str| -> Finding {
        let mut finding = finding.quoting(&written);
        if let Some(excerpt) = &mut finding.excerpt {
            let quoted = format!("\"{key}\"");
            if let Some(at) = excerpt.line.find(&quoted) {
                let start = excerpt.line[..at].chars().count() + 1;
                excerpt.start_column = start;
                excerpt.end_column = start + quoted.chars().count();
                finding.location.column = start;
            }
        }
        finding
    };
    let note = format!(
        "an edit changed what a definition means, or lexdef reads it differently: if the change is right, run `lexdef check --update` and commit {EXPECTED_FILE}"
    );
    let ids: std::collections::BTreeSet<&String> =
        expected.instruments.keys().chain(actual.instruments.keys()).collect();
    for id in ids {
        if context.left_out.contains(id.as_str()) {
            continue;
        }
        findings.checked("snapshot", id);
        let empty = BTreeMap::new();
        let old = expected.instruments.get(id);
        let new = actual.instruments.get(id);
        let line = instrument_lines.get(id.as_str()).copied().unwrap_or(1);
        match (old, new) {
            (None, Some(new)) => {
                findings.push(
                    problem(
                        format!("{id} is in the report ({} findings) but not in the expected divergences", new.len()),
                        at_line(line),
                    )
                    .note(note.clone()),
                );
                continue;
            }
            (Some(old), None) => {
                findings.push(
                    problem(
                        format!(
                            "{id} is in the expected divergences ({} findings) but not in the report: it is no longer in the corpus, or is the baseline",
                            old.len()
                        ),
                        at_line(line),
                    )
                    .quoting(&written)
                    .note(note.clone()),
                );
                continue;
            }
            _ => {}
        }
        let (old, new) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
        let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for key in keys {
            let instrument = Some(id.as_str());
            let at_snapshot = || at_line(lines.get(&(id.clone(), key.clone())).copied().unwrap_or(1));
            let finding = match (old.get(key), new.get(key)) {
                (Some(old), Some(new)) if old == new => continue,
                (Some(old), Some(new)) => Finding::new(
                    "snapshot",
                    RuleSeverity::Error,
                    instrument,
                    at_snapshot(),
                    format!("{id} {key}: changed: {}", changes(old, new).join("; ")),
                ),
                (Some(old), None) => Finding::new(
                    "snapshot",
                    RuleSeverity::Error,
                    instrument,
                    at_snapshot(),
                    format!("{id} {key}: expected {}, which the report no longer finds", describe(old)),
                ),
                (None, Some(new)) => {
                    let divergence = divergences.get(&(id.clone(), key.clone()));
                    let summary = divergence.map(|divergence| divergence.summary.clone()).unwrap_or_default();
                    let mut finding = Finding::new(
                        "snapshot",
                        RuleSeverity::Error,
                        instrument,
                        Location::file_start(&file),
                        format!("{id} {key}: a new finding, not expected: {} — {summary}", describe(new)),
                    );
                    let evidence = divergence.and_then(|divergence| divergence.subject.evidence.first());
                    finding = match (evidence, context.study.analysis(id.as_str()).ok()) {
                        (Some(evidence), Some(analysis)) => finding.at_words(&analysis.instrument, evidence.span),
                        _ => {
                            let line = instrument_lines.get(id.as_str()).copied().unwrap_or(1);
                            finding.location = at_line(line);
                            finding.quoting(&written)
                        }
                    };
                    finding
                }
                (None, None) => continue,
            };
            let finding = if finding.location.file == file { mark_key(finding, key) } else { finding };
            findings.push(finding.note(note.clone()));
        }
    }
    Ok(updated)
}
