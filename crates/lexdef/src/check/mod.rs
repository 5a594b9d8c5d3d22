//! `lexdef check`: continuous integration for a curated legal corpus. It tells a team that
//! maintains a corpus in git when an edit breaks an instrument or silently changes what a
//! definition means:
//!
//! - every file loads (UTF-8, a valid metadata block, markers), ids are unique, relations
//!   point at instruments that exist, and the metadata is complete ([`metadata`]);
//! - every annotation file agrees with what extraction finds, but for the differences the
//!   corpus accepts with a reason ([`annotations`]);
//! - the divergence report equals the committed snapshot ([`snapshot`]);
//! - the corpus's policy rules hold ([`policy`]).
//!
//! The result is a [`CheckReport`]: typed [`Finding`]s, each with a rule, a severity, a
//! location and the words concerned, rendered as JSON, JUnit XML, GitHub workflow
//! annotations or SARIF here, and as compiler-style diagnostics by the CLI.

mod annotations;
mod finding;
mod github;
mod junit;
mod metadata;
pub(crate) mod policy;
mod sarif;
mod snapshot;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::{Corpus, LoadErrorKind};
use crate::error::{Error, Result};
use crate::ids::ConceptId;
use crate::lexicon::Lexicon;
use crate::location::Location;
use crate::study::Study;
use crate::warning::WarningKind;

pub use annotations::{read_accepted_differences, AcceptedDifference};
pub use finding::{Excerpt, Finding, RuleSeverity};
pub use snapshot::{EXPECTED_FILE, EXPECTED_SCHEMA};

/// The format version of [`CheckReport`] as JSON.
pub const CHECK_SCHEMA: &str = "lexdef-check/1";

/// The JSON Schema of [`CheckReport`] as JSON.
pub const CHECK_JSON_SCHEMA: &str = include_str!("../../data/check.schema.json");

/// The policy rules file of a corpus directory.
pub const RULES_FILE: &str = "lexdef-check.toml";

/// The differences between extraction and the annotations that a corpus accepts.
pub const ACCEPTED_DIFFERENCES_FILE: &str = "annotation-differences.txt";

/// What to check and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The policy rules file; `<corpus>/lexdef-check.toml` when `None`.
    pub rules: Option<PathBuf>,
    /// Rewrite the expected divergences (`<corpus>/expected/divergences.json`) from the
    /// report before comparing, instead of only comparing.
    pub update: bool,
}

/// A rule that `lexdef check` applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Its id.
    pub id: String,
    /// What it requires, in a sentence.
    pub description: String,
    /// The severity of what it finds (some rules find warnings too: a policy rule that
    /// cannot be checked on an incomplete text).
    pub severity: RuleSeverity,
}

/// One rule applied to one instrument (or file): a JUnit test case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CheckedCase {
    /// The rule.
    pub rule: String,
    /// The instrument id, or a file of the check's own.
    pub subject: String,
}

/// Finding counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
}

/// Everything one run of `lexdef check` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// [`CHECK_SCHEMA`].
    pub schema: String,
    /// The corpus directory, as given.
    pub corpus: String,
    /// The rules applied, built-in rules first, then the policy rules.
    pub rules: Vec<RuleInfo>,
    /// Every rule applied to every instrument it applies to.
    pub cases: Vec<CheckedCase>,
    /// What was found, by file, line, column and rule.
    pub findings: Vec<Finding>,
    /// Their counts.
    pub counts: FindingCounts,
    /// The expected-divergences file `--update` rewrote, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

impl CheckReport {
    /// Whether any finding is at or above `level`.
    pub fn fails_at(&self, level: RuleSeverity) -> bool {
        self.findings.iter().any(|finding| finding.severity >= level)
    }

    /// As JSON (pretty, with a final newline); schema `data/check.schema.json`.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a check report serialises");
        json.push('\n');
        json
    }

    /// As JUnit XML: a test suite per rule, a test case per instrument it applies to;
    /// findings at or above `fail_on` are failures, others are written to `system-out`.
    pub fn to_junit(&self, fail_on: RuleSeverity) -> String {
        junit::render(self, fail_on)
    }

    /// As GitHub workflow commands (`::error file=...,line=...::message`), one per finding.
    pub fn to_github(&self) -> String {
        github::render(self)
    }

    /// As a SARIF 2.1.0 log.
    pub fn to_sarif(&self) -> String {
        sarif::render(self)
    }
}

/// The built-in rules, in the order a reader meets them.
pub(crate) const BUILT_IN_RULES: &[(&str, RuleSeverity, &str)] = &[
    ("load.io", RuleSeverity::Error, "every file of the corpus can be read"),
    ("load.encoding", RuleSeverity::Error, "every instrument file is UTF-8 text (no UTF-16, no NUL byte, not empty)"),
    ("load.metadata", RuleSeverity::Error, "every instrument file has a valid metadata block (corpus/README.md)"),
    ("load.marker", RuleSeverity::Error, "every `{{...}}` marker is well formed and names a source of the file"),
    ("corpus.unique_id", RuleSeverity::Error, "no two files give the same instrument id"),
    ("corpus.file_name", RuleSeverity::Warning, "every file is named after its instrument id"),
    (
        "corpus.relations",
        RuleSeverity::Error,
        "every relation points at an instrument of the corpus, which records it back",
    ),
    ("parse", RuleSeverity::Warning, "every text parses into provisions and definitions without surprises"),
    ("metadata.fields", RuleSeverity::Error, "titles are given and not blank"),
    ("metadata.language", RuleSeverity::Error, "the language is an ISO 639-1 code; a translation names its translator"),
    (
        "metadata.sources",
        RuleSeverity::Error,
        "every source has a unique key, an http(s) URL with a host, and a description",
    ),
    (
        "metadata.completeness",
        RuleSeverity::Error,
        "`completeness` agrees with the text: what it includes, and no text cut off in a complete one",
    ),
    ("metadata.dates", RuleSeverity::Warning, "an instrument does not come into force before it is adopted"),
    (
        "annotation.file",
        RuleSeverity::Error,
        "every instrument has a readable annotation file, and every annotation file an instrument",
    ),
    (
        "annotation.agreement",
        RuleSeverity::Error,
        "what extraction finds agrees with the team's annotations, but for the differences accepted with a reason",
    ),
    ("annotation.accepted", RuleSeverity::Error, "every accepted difference has a reason and still occurs"),
    ("snapshot", RuleSeverity::Error, "the divergence report equals the expected divergences (corpus/expected/)"),
    ("rules.config", RuleSeverity::Error, "the policy rules file is valid"),
];

/// Everything the rules need about one corpus directory, read once.
pub(crate) struct Context<'a> {
    pub directory: &'a Path,
    /// The corpus, the lexicon and the analysis of trafficking in persons of every instrument
    /// that loaded.
    pub study: &'a Study<'a>,
    /// Instruments whose file is there but did not load: what depends on them is not
    /// checked (their own error says why), so one bad file gives one finding.
    pub left_out: &'a BTreeSet<String>,
}

/// Collects findings and cases as the rules run.
#[derive(Default)]
pub(crate) struct Findings {
    pub findings: Vec<Finding>,
    pub cases: BTreeSet<CheckedCase>,
}

impl Findings {
    pub fn checked(&mut self, rule: &str, subject: &str) {
        self.cases.insert(CheckedCase { rule: rule.to_owned(), subject: subject.to_owned() });
    }

    pub fn push(&mut self, finding: Finding) {
        let subject = finding.instrument.clone().unwrap_or_else(|| finding.location.file.clone());
        self.checked(&finding.rule.clone(), &subject);
        self.findings.push(finding);
    }
}

/// The name of a file without its directory and `.txt`: the instrument id it should hold.
pub(crate) fn file_stem(file: &str) -> String {
    Path::new(file).file_stem().and_then(|stem| stem.to_str()).unwrap_or(file).to_owned()
}

/// Check the corpus in `directory` (a directory holding `instruments/`, or the instruments
/// themselves). Fails only when the directory or an explicitly named rules file cannot be
/// read, or `--update` cannot write; everything wrong with the corpus is a finding.
pub fn check(directory: &Path, options: &CheckOptions) -> Result<CheckReport> {
    check_with_progress(directory, options, &|_, _| {})
}

/// [`check`], telling `progress` how many instruments are read (parsed, extracted, modelled)
/// and how many there are, as they are: most of a large corpus's check is reading it, on
/// every core of the machine ([`Study::analyse_all`]). The report is the same.
pub fn check_with_progress(
    directory: &Path,
    options: &CheckOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<CheckReport> {
    if !directory.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
        return Err(Error::Io { path: directory.to_owned(), source });
    }
    let corpus = Corpus::load(directory)?;
    let lexicon = Lexicon::bundled();
    let concept: ConceptId = "trafficking_in_persons".parse().expect("a valid concept id");
    let mut findings = Findings::default();

    let mut left_out = BTreeSet::new();
    for error in corpus.errors() {
        let rule = match error.kind {
            LoadErrorKind::Io => "load.io",
            LoadErrorKind::Encoding => "load.encoding",
            LoadErrorKind::Metadata => "load.metadata",
            LoadErrorKind::Marker => "load.marker",
            LoadErrorKind::DuplicateId => "corpus.unique_id",
            LoadErrorKind::RelationTarget => "corpus.relations",
        };
        let stem = file_stem(&error.file);
        if error.kind.file_left_out() {
            left_out.insert(stem.clone());
        }
        let location = error.location.clone().unwrap_or_else(|| Location::file_start(&error.file));
        let message = strip_location(&error.message, &location);
        let finding = Finding::new(rule, RuleSeverity::Error, Some(&stem), location, message);
        findings.push(quote_file(finding));
    }
    for warning in corpus.warnings() {
        let rule = match warning.kind {
            WarningKind::ByteOrderMark => "load.encoding",
            WarningKind::FileNameMismatch => "corpus.file_name",
            WarningKind::MissingInverseRelation => "corpus.relations",
            _ => "parse",
        };
        let instrument = file_stem(&warning.location.file);
        let finding = Finding::new(
            rule,
            RuleSeverity::Warning,
            Some(&instrument),
            warning.location.clone(),
            warning.message.clone(),
        );
        findings.push(quote_file(finding));
    }
    // Every file is a case of the loading rules, whether or not it loaded.
    for instrument in corpus.instruments() {
        for rule in ["load.encoding", "load.metadata", "load.marker", "corpus.unique_id", "corpus.relations"] {
            findings.checked(rule, instrument.id.as_str());
        }
    }

    let study = Study::new(&corpus, &lexicon, concept);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    study.analyse_all(threads, progress);
    for analysis in study.analyses() {
        let id = analysis.instrument.id.as_str();
        findings.checked("parse", id);
        for warning in &analysis.warnings {
            let finding =
                Finding::new("parse", RuleSeverity::Warning, Some(id), warning.location.clone(), &warning.message);
            findings.push(finding.quoting(analysis.instrument.file_text()));
        }
    }

    let context = Context { directory, study: &study, left_out: &left_out };
    metadata::check(&context, &mut findings);
    annotations::check(&context, &mut findings)?;
    let updated = snapshot::check(&context, options.update, &mut findings)?;
    let policy_rules = policy::check(&context, options.rules.as_deref(), &mut findings)?;

    let mut rules: Vec<RuleInfo> = BUILT_IN_RULES
        .iter()
        .map(|(id, severity, description)| RuleInfo {
            id: (*id).to_owned(),
            description: (*description).to_owned(),
            severity: *severity,
        })
        .collect();
    rules.extend(policy_rules);
    let mut all = findings.findings;
    all.sort_by(|left, right| {
        (&left.location.file, left.location.line, left.location.column, &left.rule, &left.message).cmp(&(
            &right.location.file,
            right.location.line,
            right.location.column,
            &right.rule,
            &right.message,
        ))
    });
    all.dedup();
    let counts = FindingCounts {
        errors: all.iter().filter(|finding| finding.severity == RuleSeverity::Error).count(),
        warnings: all.iter().filter(|finding| finding.severity == RuleSeverity::Warning).count(),
    };
    Ok(CheckReport {
        schema: CHECK_SCHEMA.to_owned(),
        corpus: directory.display().to_string(),
        rules,
        cases: findings.cases.into_iter().collect(),
        findings: all,
        counts,
        updated: updated.map(|path| path.display().to_string()),
    })
}

/// Core errors render as `file:line:column: message`; a finding keeps the location apart.
fn strip_location(message: &str, location: &Location) -> String {
    message.strip_prefix(&format!("{location}: ")).unwrap_or(message).to_owned()
}

/// Quote the line of a file on disk at the finding's location (lossily: the file may be the
/// one that is not UTF-8).
fn quote_file(finding: Finding) -> Finding {
    match std::fs::read(&finding.location.file) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            finding.quoting(&text)
        }
        Err(_) => finding,
    }
}
