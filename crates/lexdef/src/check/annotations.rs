//! The annotation rules: every instrument's annotation file (`annotations/<ID>.toml`) agrees
//! with what extraction finds, except for the differences the corpus accepts, with a reason,
//! in `annotation-differences.txt`; an accepted difference that no longer occurs is itself a
//! finding, so the list stays true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{file_stem, Context, Finding, Findings, RuleSeverity, ACCEPTED_DIFFERENCES_FILE};
use crate::annotation::{compare_annotation, Annotation};
use crate::error::{Error, Result};
use crate::location::Location;

/// One accepted difference between extraction and the annotations: the difference as
/// [`crate::AnnotationDifference::text`] words it, and why it is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedDifference {
    /// The difference, starting with the instrument id.
    pub difference: String,
    /// Why it is right (or why lexdef cannot do better yet).
    pub reason: String,
    /// Where it is listed.
    pub location: Location,
}

/// Read a list of accepted differences (`annotation-differences.txt`): one per line,
/// `difference # reason`; blank lines and lines starting with `#` are comments. Lines that
/// cannot be read (no reason, listed twice) are findings, the rest is read.
pub fn read_accepted_differences(text: &str, file: &str) -> (Vec<AcceptedDifference>, Vec<Finding>) {
    let mut accepted = Vec::new();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let location = Location { file: file.to_owned(), line: number, column: 1 };
        let instrument = line.split(':').next().map(str::trim);
        let problem = |message: String| {
            Finding::new("annotation.accepted", RuleSeverity::Error, instrument, location.clone(), message)
                .quoting(text)
        };
        let Some((difference, reason)) = line.split_once(" # ") else {
            problems.push(problem(
                "an accepted difference needs a reason: write `difference # why it is right`".to_owned(),
            ));
            continue;
        };
        let (difference, reason) = (difference.trim_end().to_owned(), reason.trim().to_owned());
        if reason.is_empty() {
            problems.push(problem("the reason after ` # ` is blank: say why the difference is right".to_owned()));
            continue;
        }
        if let Some(first) = seen.insert(difference.clone(), number) {
            problems.push(problem(format!("this difference is already accepted on line {first}")));
            continue;
        }
        accepted.push(AcceptedDifference { difference, reason, location });
    }
    (accepted, problems)
}

pub(super) fn check(context: &Context<'_>, findings: &mut Findings) -> Result<()> {
    let directory = context.directory.join("annotations");
    if !directory.is_dir() {
        // A corpus without a coding: nothing to compare (corpus/README.md says so).
        return Ok(());
    }
    let accepted_path = context.directory.join(ACCEPTED_DIFFERENCES_FILE);
    let accepted_file = accepted_path.display().to_string();
    let (accepted, problems) = match std::fs::read(&accepted_path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            read_accepted_differences(&text, &accepted_file)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Vec::new(), Vec::new()),
        Err(source) => return Err(Error::Io { path: accepted_path, source }),
    };
    problems.into_iter().for_each(|finding| findings.push(finding));
    let mut unused: BTreeMap<&str, &AcceptedDifference> =
        accepted.iter().map(|accepted| (accepted.difference.as_str(), accepted)).collect();

    let mut annotated = BTreeSet::new();
    for entry in read_directory(&directory)? {
        let file = entry.display().to_string();
        let stem = file_stem(&file);
        annotated.insert(stem.clone());
        let Ok(analysis) = context.study.analysis(&stem) else {
            if !context.left_out.contains(&stem) {
                let finding = Finding::new(
                    "annotation.file",
                    RuleSeverity::Error,
                    Some(&stem),
                    Location::file_start(&file),
                    format!("`{stem}.toml` codes no instrument of the corpus: there is no `instruments/{stem}.txt`"),
                );
                findings.push(finding);
            }
            continue;
        };
        findings.checked("annotation.file", &stem);
        findings.checked("annotation.agreement", &stem);
        let text = match std::fs::read(&entry).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(error)) => {
                let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
                let prefix = String::from_utf8_lossy(valid).into_owned();
                let (line, column) = crate::location::LineIndex::new(&prefix).line_column(&prefix, prefix.len());
                let finding = Finding::new(
                    "annotation.file",
                    RuleSeverity::Error,
                    Some(&stem),
                    Location { file: file.clone(), line, column },
                    format!("invalid UTF-8 at byte {}; annotation files must be UTF-8", valid.len()),
                );
                findings.push(finding);
                continue;
            }
            Err(source) => return Err(Error::Io { path: entry.clone(), source }),
        };
        let annotation = match Annotation::from_toml(&text, &file) {
            Ok(annotation) => annotation,
            Err(error) => {
                let location = error.location().cloned().unwrap_or_else(|| Location::file_start(&file));
                let message = super::strip_location(&error.to_string(), &location);
                let message = message.strip_prefix("annotation: ").unwrap_or(&message).to_owned();
                findings.push(
                    Finding::new("annotation.file", RuleSeverity::Error, Some(&stem), location, message).quoting(&text),
                );
                continue;
            }
        };
        if annotation.instrument.get_ref() != &stem {
            let finding = Finding::new(
                "annotation.file",
                RuleSeverity::Error,
                Some(&stem),
                Location::file_start(&file),
                format!(
                    "`instrument = \"{}\"`, but the file is named after `{stem}`; an annotation file is named after the instrument it codes",
                    annotation.instrument.get_ref()
                ),
            )
            .at_range(&file, &text, annotation.instrument.span());
            findings.push(finding);
            continue;
        }
        let comparison = compare_annotation(&annotation, analysis);
        for difference in comparison.differences {
            if unused.remove(difference.text.as_str()).is_some() {
                continue;
            }
            let base = Finding::new(
                "annotation.agreement",
                RuleSeverity::Error,
                Some(&stem),
                Location::file_start(&file),
                difference.text.strip_prefix(&format!("{stem}: ")).unwrap_or(&difference.text).to_owned(),
            );
            let annotated_at = difference.annotation.clone().map(|range| annotation.locate(range.start));
            let mut finding = match (difference.words, difference.annotation.clone()) {
                (Some(words), _) => base.at_words(&analysis.instrument, words),
                (None, Some(range)) => base.at_range(&file, &text, range),
                (None, None) => base.quoting(&text),
            };
            if let (Some(place), Some(_)) = (annotated_at, difference.words) {
                finding = finding.note(format!("the annotation is at {place}"));
            }
            finding = finding.note(format!(
                "a parser regression, or an edit that changed what the law says: if lexdef is right and the annotation is too, accept it in {ACCEPTED_DIFFERENCES_FILE} with the reason (`{} # why`)",
                difference.text
            ));
            findings.push(finding);
        }
    }
    for instrument in context.study.corpus().instruments() {
        let id = instrument.id.as_str();
        findings.checked("annotation.file", id);
        if !annotated.contains(id) {
            let location = instrument
                .metadata
                .as_ref()
                .map_or_else(|| Location::file_start(instrument.file()), |metadata| metadata.id_location.clone());
            let finding = Finding::new(
                "annotation.file",
                RuleSeverity::Error,
                Some(id),
                location,
                format!(
                    "`{id}` has no annotation file `annotations/{id}.toml`: code the instrument by reading its text"
                ),
            )
            .quoting(instrument.file_text());
            findings.push(finding);
        }
    }
    for accepted in unused.into_values() {
        let instrument = accepted.difference.split(':').next().unwrap_or_default().trim();
        // An instrument that did not load, or has no annotation, was not compared.
        if context.left_out.contains(instrument)
            || context.study.corpus().get(instrument).is_none()
            || !annotated.contains(instrument)
        {
            continue;
        }
        findings.checked("annotation.accepted", instrument);
        let text = std::fs::read_to_string(&accepted_path).unwrap_or_default();
        let finding = Finding::new(
            "annotation.accepted",
            RuleSeverity::Error,
            Some(instrument),
            accepted.location.clone(),
            "this accepted difference no longer occurs: remove it (or find out what changed)".to_owned(),
        )
        .quoting(&text)
        .note(format!("it was accepted because: {}", accepted.reason));
        findings.push(finding);
    }
    for accepted in &accepted {
        let instrument = accepted.difference.split(':').next().unwrap_or_default().trim();
        findings.checked("annotation.accepted", instrument);
    }
    Ok(())
}

/// The `*.toml` files of a directory, in name order.
fn read_directory(directory: &Path) -> Result<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(directory).map_err(|source| Error::Io { path: directory.to_owned(), source })?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}
