//! The exception hierarchy and the one conversion from the core's error into it.
//!
//! `LexdefError` is the base; `ParseError` (a text or file that cannot be read),
//! `CorpusError` (a corpus, an instrument id, an index on disk), `QueryError` (a search query,
//! a concept, an element or a value given by the caller) and `LexiconError` (a lexicon file)
//! derive from it. Every exception has `file`, `line` and `column` attributes: the location
//! the core names, or `None` where it has none.

use pyo3::exceptions::{PyException, PyUserWarning};
use pyo3::prelude::*;

pyo3::create_exception!(lexdef, LexdefError, PyException, "The base of every error lexdef raises.");
pyo3::create_exception!(
    lexdef,
    ParseError,
    LexdefError,
    "A text or file that cannot be read: bad encoding, NUL bytes, a malformed metadata block or marker."
);
pyo3::create_exception!(
    lexdef,
    CorpusError,
    LexdefError,
    "A corpus problem: an unreadable directory, an unknown instrument, a duplicate id, a broken relation, an index."
);
pyo3::create_exception!(
    lexdef,
    QueryError,
    LexdefError,
    "A value given by the caller that cannot be used: a search query, a concept, an element id, a jurisdiction code."
);
pyo3::create_exception!(lexdef, LexiconError, LexdefError, "A lexicon file that cannot be used.");
pyo3::create_exception!(
    lexdef,
    LexdefWarning,
    PyUserWarning,
    "Work went on, but something was left out: files of a corpus that could not be loaded."
);

/// The Python exception for a core error, with its location.
pub(crate) fn to_py(error: lexdef::Error) -> PyErr {
    use lexdef::Error;
    let message = error.to_string();
    let exception = match &error {
        Error::InvalidUtf8 { .. }
        | Error::Utf16 { .. }
        | Error::NulByte { .. }
        | Error::EmptyFile { .. }
        | Error::Metadata { .. }
        | Error::UnknownJurisdiction { .. }
        | Error::Marker { .. }
        | Error::Akn { .. } => ParseError::new_err(message),
        Error::Lexicon { .. } => LexiconError::new_err(message),
        Error::Query { .. } | Error::UnknownConcept { .. } | Error::InvalidValue { .. } | Error::PointInTime { .. } => {
            QueryError::new_err(message)
        }
        // Io, IncompleteCorpus, DuplicateInstrument, UnknownRelationTarget, UnknownInstrument,
        // StaleIndex, Index, and variants added to the core later.
        _ => CorpusError::new_err(message),
    };
    let (file, line, column) = match (&error, error.location()) {
        (_, Some(location)) => (Some(location.file.clone()), Some(location.line), Some(location.column)),
        (Error::Io { path, .. }, None) => (Some(path.display().to_string()), None, None),
        (Error::StaleIndex { directory, .. } | Error::IncompleteCorpus { directory, .. }, None) => {
            (Some(directory.display().to_string()), None, None)
        }
        _ => (None, None, None),
    };
    Python::attach(|py| {
        let value = exception.value(py);
        // Setting an attribute on a fresh exception object cannot fail.
        let _ = value.setattr("file", file);
        let _ = value.setattr("line", line);
        let _ = value.setattr("column", column);
    });
    exception
}

/// `.map_err(errors::to_py)` for core results.
pub(crate) trait IntoPyResult<T> {
    fn py_result(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for lexdef::Result<T> {
    fn py_result(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}

/// Register the exceptions on the module.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("LexdefError", py.get_type::<LexdefError>())?;
    module.add("ParseError", py.get_type::<ParseError>())?;
    module.add("CorpusError", py.get_type::<CorpusError>())?;
    module.add("QueryError", py.get_type::<QueryError>())?;
    module.add("LexiconError", py.get_type::<LexiconError>())?;
    module.add("LexdefWarning", py.get_type::<LexdefWarning>())?;
    Ok(())
}
