//! The Python package `lexdef`: the core crate's nouns as Python classes.
//!
//! Each class wraps one core value and translates it (attributes, `repr`, records for
//! pandas, HTML for notebooks, pickling through serde); every rule about the law stays in
//! the core. Work on a whole corpus runs with the GIL released.

mod checklist;
mod convert;
mod corpus;
mod errors;
mod lexicon;
mod results;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

use crate::checklist::{PyChecklist, PyChecklistItem, PyInstrumentChecklist, PyProtectionEvidence};
use crate::convert::unpickle;
use crate::corpus::{PyCorpus, PyInstrument};
use crate::errors::IntoPyResult;
use crate::lexicon::PyLexicon;
use crate::results::{
    PyComparison, PyDefinition, PyDefinitions, PyDiagnostic, PyDiagnostics, PyDivergence, PyDivergences, PyElement,
    PyEvidence, PyHit, PyHits, PyMatrix, PyProvision, PyProvisions, PyQualifier, PyQualifiers, PyReport, PyTermModel,
    PyTranslationCheck, PyTranslationFinding, PyTranslationFindings, PyTranslationPair,
};

/// Parse a drafter's text (a bill, an article) that is not in a corpus. A corpus metadata
/// block at its top is read; without one, `title` and `jurisdiction` describe it (an unknown
/// jurisdiction code is an error), its id is made from the title (`Anti-Trafficking Bill
/// 2026`: `ANTI-TRAFFICKING-BILL-2026`) unless a `file` is named, and it is read as a whole
/// text unless `complete=False` says it is an excerpt (then what it does not say settles
/// nothing).
#[pyfunction]
#[pyo3(signature = (text, title = None, jurisdiction = None, file = None, complete = true))]
fn parse_text(
    text: &str,
    title: Option<String>,
    jurisdiction: Option<&str>,
    file: Option<&str>,
    complete: bool,
) -> PyResult<PyInstrument> {
    let named = title.as_deref().map(id_from_title).filter(|id| !id.is_empty()).map(|id| format!("{id}.txt"));
    let file = file.map(str::to_owned).or(named).unwrap_or_else(|| "draft.txt".to_owned());
    PyInstrument::from_text(text, &file, title, jurisdiction, complete).py_result()
}

/// An instrument id made from a draft's title: its letters and digits in capitals, words
/// joined by hyphens (an empty id where the title has no Latin letters or digits).
fn id_from_title(title: &str) -> String {
    let words: Vec<String> = title
        .split(|character: char| !character.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_uppercase)
        .collect();
    let mut id = String::new();
    for word in words {
        if id.len() + word.len() + 1 > 48 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word);
    }
    id
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
        "Qualifiers" => PyQualifiers,
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
        "Checklist" => PyChecklist,
        "InstrumentChecklist" => PyInstrumentChecklist,
        "ChecklistItem" => PyChecklistItem,
        "ProtectionEvidence" => PyProtectionEvidence,
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
    module.add_class::<PyQualifiers>()?;
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
    module.add_class::<PyChecklist>()?;
    module.add_class::<PyInstrumentChecklist>()?;
    module.add_class::<PyChecklistItem>()?;
    module.add_class::<PyProtectionEvidence>()?;
    module.add_function(wrap_pyfunction!(parse_text, module)?)?;
    module.add_function(wrap_pyfunction!(_restore, module)?)?;
    Ok(())
}
