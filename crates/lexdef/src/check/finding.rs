//! A finding of `lexdef check`: which rule a corpus breaks, where, and the words concerned.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::instrument::Instrument;
use crate::location::{LineIndex, Location};

/// How much a finding matters: an error fails the check; a warning fails it only with
/// `--fail-on warning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSeverity {
    /// Worth a look; does not fail the check by default.
    Warning,
    /// Fails the check.
    Error,
}

impl RuleSeverity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSeverity::Warning => "warning",
            RuleSeverity::Error => "error",
        }
    }
}

impl fmt::Display for RuleSeverity {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// The line a finding points at, quoted as it is in the file, and the words on it that the
/// finding is about (columns count characters, from 1; `end_column` is one past the last).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// The whole line, without its line ending.
    pub line: String,
    /// The first column marked (the finding's column).
    pub start_column: usize,
    /// One past the last column marked; at least `start_column + 1`.
    pub end_column: usize,
}

/// One thing `lexdef check` found wrong with a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule broken: `load.encoding`, `annotation.agreement`, `policy.child-age-18`, ...
    pub rule: String,
    /// Error or warning.
    pub severity: RuleSeverity,
    /// The instrument it is about (for a file that did not load, the file's name without
    /// `.txt`); `None` for a finding about the check's own files.
    pub instrument: Option<String>,
    /// What is wrong: lower case, specific.
    pub message: String,
    /// Where.
    pub location: Location,
    /// The line at `location` and the words marked on it, where the file could be read.
    pub excerpt: Option<Excerpt>,
    /// Further facts and hints, each a sentence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Finding {
    /// A finding at `location`, with no excerpt yet.
    pub(crate) fn new(
        rule: impl Into<String>,
        severity: RuleSeverity,
        instrument: Option<&str>,
        location: Location,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.into(),
            severity,
            instrument: instrument.map(str::to_owned),
            message: message.into(),
            location,
            excerpt: None,
            notes: Vec::new(),
        }
    }

    /// Add a note.
    pub(crate) fn note(mut self, note: impl Into<String>) -> Finding {
        self.notes.push(note.into());
        self
    }

    /// Point the finding at `span` of an instrument's text, marking its words.
    pub(crate) fn at_words(mut self, instrument: &Instrument, span: Span) -> Finding {
        let start = instrument.locate(span.start);
        let line = instrument.file_line_text(start.line).to_owned();
        let end = instrument.locate(span.end.max(span.start));
        let end_column = if end.line == start.line { end.column } else { line.chars().count() + 1 };
        self.excerpt = Some(excerpt(line, start.column, end_column));
        self.location = start;
        self
    }

    /// Point the finding at a byte range of a file whose text is `text`.
    pub(crate) fn at_range(self, file: &str, text: &str, range: std::ops::Range<usize>) -> Finding {
        self.at_range_in(file, text, &LineIndex::new(text), range)
    }

    /// [`Finding::at_range`] with the lines of `text` already indexed, for a caller that
    /// places many findings in one file (so the cost stays linear in its size).
    pub(crate) fn at_range_in(
        mut self,
        file: &str,
        text: &str,
        lines: &LineIndex,
        range: std::ops::Range<usize>,
    ) -> Finding {
        let (line, column) = lines.line_column(text, range.start);
        let (end_line, end_column) = lines.line_column(text, range.end.max(range.start));
        let quoted = text[lines.line_span(text, line)].to_owned();
        let end_column = if end_line == line { end_column } else { quoted.chars().count() + 1 };
        self.excerpt = Some(excerpt(quoted, column, end_column));
        self.location = Location { file: file.to_owned(), line, column };
        self
    }

    /// Quote the line of `text` at the finding's location, marking one column.
    pub(crate) fn quoting(mut self, text: &str) -> Finding {
        let lines = LineIndex::new(text);
        if self.location.line <= lines.line_count() {
            let quoted = text[lines.line_span(text, self.location.line)].to_owned();
            self.excerpt = Some(excerpt(quoted, self.location.column, self.location.column + 1));
        }
        self
    }
}

fn excerpt(line: String, start_column: usize, end_column: usize) -> Excerpt {
    Excerpt { line, start_column, end_column: end_column.max(start_column + 1) }
}

impl fmt::Display for Finding {
    /// One line, compiler-style: `file:line:column: error[rule]: message`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}[{}]: {}", self.location, self.severity, self.rule, self.message)
    }
}
