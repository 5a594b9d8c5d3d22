//! The Python package `lexdef`: the core crate's nouns as Python classes.
//!
//! Each class wraps one core value and translates it (attributes, `repr`, records for
//! pandas, HTML for notebooks, pickling through serde); every rule about the law stays in
//! the core. Work on a whole corpus runs with the GIL released.

mod convert;
mod corpus;
mod errors;
mod lexicon;
mod results;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

use crate::convert::unpickle;
use crate::corpus::{PyCorpus, PyInstrument};
use crate::errors::IntoPyResult;
use crate::lexicon::PyLexicon;
use crate::results::{
    PyComparison, PyDefinition, PyDefinitions, PyDiagnostic, PyDiagnostics, PyDivergence, PyDivergences, PyElement,
    PyEvidence, PyHit, PyHits, PyMatrix, PyProvision, PyProvisions, PyQualifier, PyReport, PyTermModel,
    PyTranslationCheck, PyTranslationFinding, PyTranslationFindings, PyTranslationPair,
};

/// Parse a drafter's text (a bill, an article) that is not in a corpus. A corpus metadata
/// block at its top is read; without one, `title` and `jurisdiction` describe it (an unknown
/// jurisdiction code is an error).
#[pyfunction]
#[pyo3(signature = (text, title = None, jurisdiction = None, file = "draft.txt"))]
fn parse_text(text: &str, title: Option<String>, jurisdiction: Option<&str>, file: &str) -> PyResult<PyInstrument> {
    PyInstrument::from_text(text, file, title, jurisdiction).py_result()
}

/// Rebuild a pickled object from its class name and serialised state.
#[pyfunction]
fn _restore<'py>(py: Python<'py>, class_name: &str, state: &str) -> PyResult<Bound<'py, PyAny>> {
    let class = class_name;
    macro_rules! restore {
        ($($name:literal => $type:ty),* $(,)?) => {
            match class {
                $($name => unpickle::<$type>(class, state)?.into_bound_py_any(py),)*
                _ => Err(PyValueError::new_err(format!("cannot unpickle an object of class `{class}`"))),
            }
        };
    }
    restore! {
        "Corpus" => PyCorpus,
        "Instrument" => PyInstrument,
        "Lexicon" => PyLexicon,
        "Evidence" => PyEvidence,
        "Element" => PyElement,
        "Qualifier" => PyQualifier,
        "TermModel" => PyTermModel,
        "Definition" => PyDefinition,
        "Definitions" => PyDefinitions,
        "Provision" => PyProvision,
        "Provisions" => PyProvisions,
        "Divergence" => PyDivergence,
        "Divergences" => PyDivergences,
        "Comparison" => PyComparison,
        "Matrix" => PyMatrix,
        "Report" => PyReport,
        "Hit" => PyHit,
        "Hits" => PyHits,
        "Diagnostic" => PyDiagnostic,
        "Diagnostics" => PyDiagnostics,
        "TranslationCheck" => PyTranslationCheck,
        "TranslationPair" => PyTranslationPair,
        "TranslationFinding" => PyTranslationFinding,
        "TranslationFindings" => PyTranslationFindings,
    }
}

#[pymodule]
fn _lexdef(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(module)?;
    module.add_class::<PyCorpus>()?;
    module.add_class::<PyInstrument>()?;
    module.add_class::<PyLexicon>()?;
    module.add_class::<PyEvidence>()?;
    module.add_class::<PyElement>()?;
    module.add_class::<PyQualifier>()?;
    module.add_class::<PyTermModel>()?;
    module.add_class::<PyDefinition>()?;
    module.add_class::<PyDefinitions>()?;
    module.add_class::<PyProvision>()?;
    module.add_class::<PyProvisions>()?;
    module.add_class::<PyDivergence>()?;
    module.add_class::<PyDivergences>()?;
    module.add_class::<PyComparison>()?;
    module.add_class::<PyMatrix>()?;
    module.add_class::<PyReport>()?;
    module.add_class::<PyHit>()?;
    module.add_class::<PyHits>()?;
    module.add_class::<PyDiagnostic>()?;
    module.add_class::<PyDiagnostics>()?;
    module.add_class::<PyTranslationCheck>()?;
    module.add_class::<PyTranslationPair>()?;
    module.add_class::<PyTranslationFinding>()?;
    module.add_class::<PyTranslationFindings>()?;
    module.add_function(wrap_pyfunction!(parse_text, module)?)?;
    module.add_function(wrap_pyfunction!(_restore, module)?)?;
    Ok(())
}
