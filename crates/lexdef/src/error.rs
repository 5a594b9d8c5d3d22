//! The one error type of the core crate. Every variant that is about input carries the
//! [`Location`] it was found at, so a user can go to the byte that is wrong.

use std::path::PathBuf;

use crate::location::Location;

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which part of a metadata block is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetadataProblem {
    /// The file opens a `+++` block and never closes it.
    Unterminated,
    /// The block is not valid TOML.
    Syntax,
    /// The same key is given twice.
    DuplicateKey,
    /// A key the format does not define.
    UnknownField,
    /// A required key is absent.
    MissingField,
    /// A value of the wrong type (a number where a string is expected, ...).
    WrongType,
    /// A value of the right type that is not allowed (a malformed date, an unknown kind, ...).
    InvalidValue,
}

/// Everything that can go wrong in lexdef's core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },

    /// The bytes are not UTF-8.
    #[error("{location}: invalid UTF-8 at byte {offset} (0x{byte:02x}); statute files must be UTF-8 (hint: convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`)")]
    InvalidUtf8 {
        /// Where the first bad byte is.
        location: Location,
        /// Its byte offset in the file.
        offset: usize,
        /// The byte.
        byte: u8,
    },

    /// The file is UTF-16 (it starts with a UTF-16 byte-order mark).
    #[error(
        "{location}: the file is UTF-16 ({endianness}); statute files must be UTF-8 (hint: `iconv -f UTF-16 -t UTF-8`)"
    )]
    Utf16 {
        /// The start of the file.
        location: Location,
        /// `little-endian` or `big-endian`.
        endianness: &'static str,
    },

    /// The text holds a NUL byte, which no statute text has: the file is binary or corrupt.
    #[error(
        "{location}: NUL byte at byte {offset}; is this a binary file, or a UTF-16 file without a byte-order mark?"
    )]
    NulByte {
        /// Where the NUL byte is.
        location: Location,
        /// Its byte offset in the file.
        offset: usize,
    },

    /// The file has no content at all.
    #[error("{location}: the file is empty; an instrument whose text was not found still needs its metadata block")]
    EmptyFile {
        /// The start of the file.
        location: Location,
    },

    /// The metadata block is wrong.
    #[error("{location}: metadata{}: {message}", field.as_ref().map(|field| format!(" field `{field}`")).unwrap_or_default())]
    Metadata {
        /// Where in the file.
        location: Location,
        /// What kind of problem.
        problem: MetadataProblem,
        /// The field concerned, where one is.
        field: Option<String>,
        /// What was expected.
        message: String,
    },

    /// A jurisdiction code that is neither ISO 3166-1 alpha-2 nor `INTL` / `ASEAN`.
    #[error("{location}: unknown jurisdiction `{code}`; expected an ISO 3166-1 alpha-2 code (`PH`, `TH`, ...), `INTL` or `ASEAN`")]
    UnknownJurisdiction {
        /// Where the code is.
        location: Location,
        /// The code as written.
        code: String,
    },

    /// A malformed `{{...}}` marker in a corpus text.
    #[error("{location}: {message}")]
    Marker {
        /// Where the marker starts.
        location: Location,
        /// What is wrong with it.
        message: String,
    },

    /// Two files of a corpus give the same instrument id.
    #[error("{location}: duplicate instrument id `{id}`; it is already used by {first}")]
    DuplicateInstrument {
        /// The id.
        id: String,
        /// The second file's `id` field.
        location: Location,
        /// The first file's `id` field.
        first: Location,
    },

    /// A relation names an instrument the corpus does not have.
    #[error("{location}: relation `{kind}` points at `{target}`, which is not in the corpus")]
    UnknownRelationTarget {
        /// Where the relation is.
        location: Location,
        /// The relation kind.
        kind: String,
        /// The id it points at.
        target: String,
    },

    /// A lexicon file that cannot be used.
    #[error("{location}: lexicon: {message}")]
    Lexicon {
        /// Where in the lexicon file.
        location: Location,
        /// What is wrong.
        message: String,
    },

    /// An annotation file (`corpus/annotations/<ID>.toml`) that cannot be read as the format says.
    #[error("{location}: annotation: {message}")]
    Annotation {
        /// Where in the annotation file.
        location: Location,
        /// What is wrong.
        message: String,
    },

    /// A file of `lexdef check`'s own (the rules file, the accepted differences, the expected
    /// divergences) that cannot be used as written.
    #[error("{location}: {message}")]
    CheckInput {
        /// Where in the file.
        location: Location,
        /// What is wrong.
        message: String,
    },

    /// A concept the lexicon does not have.
    #[error("unknown concept `{name}`; the lexicon's concepts are: {}", known.join(", "))]
    UnknownConcept {
        /// The name given.
        name: String,
        /// The lexicon's concepts.
        known: Vec<String>,
    },

    /// A search query that cannot be run.
    #[error("invalid query `{query}`: {message}")]
    Query {
        /// The query as given (shortened when long).
        query: String,
        /// What is wrong with it.
        message: String,
    },

    /// An index directory written by another lexdef version or index layout.
    #[error("{}: the index cannot be used: {reason} (hint: rebuild it with `lexdef index --rebuild`)", directory.display())]
    StaleIndex {
        /// The index directory.
        directory: PathBuf,
        /// Why it is refused.
        reason: String,
    },

    /// The search engine failed (a disk or index error, not a query error).
    #[error("index: {message}")]
    Index {
        /// What tantivy said.
        message: String,
    },

    /// An instrument id or value that is not well formed, outside a file (e.g. from the CLI).
    #[error("invalid {what} `{value}`: {expected}")]
    InvalidValue {
        /// What kind of value (`instrument id`, `eId`, ...).
        what: &'static str,
        /// The value given.
        value: String,
        /// What was expected.
        expected: String,
    },

    /// A strict load met a file that could not be loaded (see [`crate::Corpus::load_strict`]).
    #[error("{}: {count} of its files could not be loaded; the first: {message}", directory.display())]
    IncompleteCorpus {
        /// The corpus directory.
        directory: PathBuf,
        /// How many files could not be loaded.
        count: usize,
        /// The first problem, rendered.
        message: String,
        /// Where the first problem is, when known.
        location: Option<Location>,
    },

    /// An Akoma Ntoso document that cannot be read (malformed XML, not an AKN document), or
    /// an instrument whose text cannot be written as XML (a control character XML forbids).
    #[error("{location}: {message}")]
    Akn {
        /// Where in the XML file (reading) or in the instrument's file (writing).
        location: Location,
        /// What is wrong.
        message: String,
    },

    /// An instrument asked for by id that the corpus does not have.
    #[error("no instrument `{id}` in the corpus{}", if suggestions.is_empty() { String::new() } else { format!(" (did you mean {}?)", suggestions.join(", ")) })]
    UnknownInstrument {
        /// The id asked for.
        id: String,
        /// Close ids that do exist.
        suggestions: Vec<String>,
    },

    /// The law at a date cannot be given: the date is before the instrument, or an amendment's
    /// date is known too roughly to say whether it had been made.
    #[error("{id} at {date}: {message}")]
    PointInTime {
        /// The instrument asked for.
        id: String,
        /// The date asked for.
        date: String,
        /// Why it cannot be given, and what would do.
        message: String,
    },
}

impl Error {
    /// The location the error is about, where it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::InvalidUtf8 { location, .. }
            | Error::Utf16 { location, .. }
            | Error::NulByte { location, .. }
            | Error::EmptyFile { location }
            | Error::Metadata { location, .. }
            | Error::UnknownJurisdiction { location, .. }
            | Error::Marker { location, .. }
            | Error::DuplicateInstrument { location, .. }
            | Error::UnknownRelationTarget { location, .. }
            | Error::Lexicon { location, .. }
            | Error::Annotation { location, .. }
            | Error::CheckInput { location, .. }
            | Error::Akn { location, .. } => Some(location),
            Error::IncompleteCorpus { location, .. } => location.as_ref(),
            Error::Io { .. }
            | Error::InvalidValue { .. }
            | Error::UnknownInstrument { .. }
            | Error::PointInTime { .. }
            | Error::Query { .. }
            | Error::UnknownConcept { .. }
            | Error::StaleIndex { .. }
            | Error::Index { .. } => None,
        }
    }
}
