//! Warnings: problems that let work go on. They are returned values, never log lines, so a
//! caller (the CLI, a notebook, `lexdef check`) decides how to show them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::location::Location;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A text with no metadata block (a drafter's bill, a pasted web page).
    MissingMetadata,
    /// No provision number was recognised: the whole text is one provision.
    NoNumbering,
    /// Provisions nested deeper than any law does; the deeper ones were read as siblings.
    DeepNesting,
    /// A corpus marker where it has no effect (a number marker inside a line).
    MisplacedMarker,
    /// A provision headed as an interpretation section holds no defined term.
    NoDefinitions,
    /// A quoted term with no word saying how it is defined.
    UnclearDefinition,
    /// A quote that opens a term and never closes.
    UnterminatedQuote,
    /// The same term is defined twice.
    DefinedTwice,
    /// A definition takes its meaning from itself, or two from each other.
    CircularReference,
    /// The file started with a UTF-8 byte-order mark, which was skipped.
    ByteOrderMark,
    /// A corpus file whose name is not its instrument id.
    FileNameMismatch,
    /// A relation that the instrument it points at does not record back.
    MissingInverseRelation,
}

/// A problem that did not stop the work, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Warning {
    /// Where.
    pub location: Location,
    /// What kind of problem.
    pub kind: WarningKind,
    /// What happened, lower case, specific.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(kind: WarningKind, location: Location, message: impl Into<String>) -> Warning {
        Warning { location, kind, message: message.into() }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: warning: {}", self.location, self.message)
    }
}
