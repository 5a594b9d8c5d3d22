//! `lexdef.Lexicon`: the bundled lexicon, or one loaded from TOML, extended by users.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::convert::value_class;
use crate::errors::IntoPyResult;

/// How a lexicon was built, so it can be built again after pickling: a base (the bundled
/// lexicon, or a TOML text) and the TOML texts it was extended with, each with its file name.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
struct Recipe {
    base: Option<(String, String)>,
    extensions: Vec<(String, String)>,
}

/// A lexicon and how it was built.
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "Recipe", into = "Recipe")]
pub(crate) struct LexiconHandle {
    pub(crate) inner: Arc<lexdef::Lexicon>,
    recipe: Recipe,
}

impl PartialEq for LexiconHandle {
    fn eq(&self, other: &LexiconHandle) -> bool {
        self.recipe == other.recipe
    }
}

impl From<LexiconHandle> for Recipe {
    fn from(handle: LexiconHandle) -> Recipe {
        handle.recipe
    }
}

impl TryFrom<Recipe> for LexiconHandle {
    type Error = lexdef::Error;
    fn try_from(recipe: Recipe) -> lexdef::Result<LexiconHandle> {
        let mut lexicon = match &recipe.base {
            None => lexdef::Lexicon::bundled(),
            Some((file, text)) => lexdef::Lexicon::from_toml(text, file)?,
        };
        for (file, text) in &recipe.extensions {
            lexicon.extend_from_toml(text, file)?;
        }
        Ok(LexiconHandle { inner: Arc::new(lexicon), recipe })
    }
}

impl LexiconHandle {
    pub(crate) fn bundled() -> LexiconHandle {
        LexiconHandle {
            inner: Arc::new(lexdef::Lexicon::bundled()),
            recipe: Recipe { base: None, extensions: Vec::new() },
        }
    }

    fn extended(&self, text: &str, file: &str) -> lexdef::Result<LexiconHandle> {
        let mut recipe = self.recipe.clone();
        recipe.extensions.push((file.to_owned(), text.to_owned()));
        let mut lexicon = (*self.inner).clone();
        lexicon.extend_from_toml(text, file)?;
        Ok(LexiconHandle { inner: Arc::new(lexicon), recipe })
    }
}

/// A lexicon file's text, decoded (an encoding problem is a `ParseError` with its location).
fn read(path: &std::path::Path) -> lexdef::Result<(String, String)> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| lexdef::Error::Io { path: path.to_owned(), source })?;
    let (text, _) = lexdef::decode(&file, &bytes)?;
    Ok((file, text))
}

/// The lexicon maps the words of a law to concepts, elements and qualifier patterns. It is
/// data: load one, or extend the bundled one with your own synonyms, without recompiling.
/// A lexicon is immutable; `extend` returns a new one.
#[pyclass(module = "lexdef", name = "Lexicon", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyLexicon {
    pub(crate) handle: LexiconHandle,
}

value_class!(PyLexicon, "Lexicon", {
    /// The lexicon bundled with lexdef.
    #[staticmethod]
    fn bundled() -> PyLexicon {
        PyLexicon { handle: LexiconHandle::bundled() }
    }

    /// A lexicon read from a TOML file (the format of the bundled `lexicon.toml`).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyLexicon> {
        let (file, text) = py.detach(|| read(&path)).py_result()?;
        PyLexicon::from_toml(&text, &file)
    }

    /// A lexicon from TOML text; `file` names it in error messages.
    #[staticmethod]
    #[pyo3(signature = (text, file = "<string>"))]
    fn from_toml(text: &str, file: &str) -> PyResult<PyLexicon> {
        let recipe = Recipe { base: Some((file.to_owned(), text.to_owned())), extensions: Vec::new() };
        Ok(PyLexicon { handle: LexiconHandle::try_from(recipe).py_result()? })
    }

    /// This lexicon with the forms, concepts and elements of a TOML text added.
    #[pyo3(signature = (text, file = "<string>"))]
    fn extend(&self, text: &str, file: &str) -> PyResult<PyLexicon> {
        Ok(PyLexicon { handle: self.handle.extended(text, file).py_result()? })
    }

    /// This lexicon extended with a TOML file.
    fn extend_file(&self, py: Python<'_>, path: PathBuf) -> PyResult<PyLexicon> {
        let (file, text) = py.detach(|| read(&path)).py_result()?;
        self.extend(&text, &file)
    }

    /// The concept ids (`trafficking_in_persons`, `child`, ...).
    #[getter]
    fn concepts(&self) -> Vec<String> {
        self.handle.inner.concept_ids().map(ToString::to_string).collect()
    }

    /// The element ids (`act.recruitment`, ...).
    #[getter]
    fn elements(&self) -> Vec<String> {
        self.handle.inner.element_ids().map(ToString::to_string).collect()
    }

    /// The elements named in `text`: `(element id, start, end, words, method)`, with
    /// character offsets into `text`; `method` is `exact`, `folded` or `fuzzy`.
    fn find_elements(&self, text: &str) -> Vec<(String, usize, usize, String, &'static str)> {
        let characters = |byte: usize| text.get(..byte).map_or(0, |prefix| prefix.chars().count());
        self.handle
            .inner
            .find_elements(text, None)
            .into_iter()
            .map(|hit| {
                let method = match hit.method {
                    lexdef::MatchMethod::Exact => "exact",
                    lexdef::MatchMethod::Folded => "folded",
                    lexdef::MatchMethod::Fuzzy { .. } => "fuzzy",
                };
                let words = text.get(hit.start..hit.end).unwrap_or_default().to_owned();
                (hit.element.to_string(), characters(hit.start), characters(hit.end), words, method)
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        let base = match &self.handle.recipe.base {
            None => "bundled".to_owned(),
            Some((file, _)) => format!("from {file}"),
        };
        format!(
            "<Lexicon {base}, {} extensions: {} concepts, {} elements>",
            self.handle.recipe.extensions.len(),
            self.handle.inner.concept_ids().count(),
            self.handle.inner.element_ids().count()
        )
    }
});

/// The bundled lexicon, built once: what an element id is checked against where no corpus's
/// lexicon is at hand (`TermModel.state`).
pub(crate) fn bundled() -> &'static lexdef::Lexicon {
    static BUNDLED: std::sync::OnceLock<lexdef::Lexicon> = std::sync::OnceLock::new();
    BUNDLED.get_or_init(lexdef::Lexicon::bundled)
}
