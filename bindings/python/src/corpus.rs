//! `lexdef.Corpus` and `lexdef.Instrument`: the core's corpus and instruments, with the
//! pipeline's questions as methods. Work on a whole corpus runs without the GIL.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::checklist::PyChecklist;
use crate::convert::{reduce, Dtype, Frames, Schema};
use crate::errors::{IntoPyResult, LexdefWarning};
use crate::lexicon::{LexiconHandle, PyLexicon};
use crate::results::{
    qualifier_reasons, PyComparison, PyDefinition, PyDefinitions, PyDiagnostic, PyDiagnostics, PyHit, PyHits, PyMatrix,
    PyProvision, PyProvisions, PyQualifier, PyQualifiers, PyReport, PyTermModel, PyTranslationCheck,
};

const DEFAULT_CONCEPT: &str = "trafficking_in_persons";

/// A set of instruments with unique ids: the bundled corpus (the UN Protocol, the ASEAN
/// instruments and the ten ASEAN member states' laws) or a directory of corpus files.
///
/// Loading is lenient: a file that cannot be read is left out, named in `errors`, and a
/// `LexdefWarning` says so; `strict=True` raises instead.
#[pyclass(module = "lexdef", name = "Corpus", frozen)]
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct PyCorpus {
    corpus: Arc<lexdef::Corpus>,
    lexicon: LexiconHandle,
    /// The search index, built on the first search and not pickled.
    #[serde(skip)]
    index: Arc<OnceLock<Arc<lexdef::Index>>>,
}

/// A subject or baseline given by id or as an instrument (a drafter's parsed text).
enum InstrumentArgument<'py> {
    Id(String),
    Instrument(PyRef<'py, PyInstrument>),
}

/// Read by hand, so that a value of another type is told what is expected in the caller's
/// terms (not PyO3's "failed to extract enum InstrumentArgument").
impl<'a, 'py> FromPyObject<'a, 'py> for InstrumentArgument<'py> {
    type Error = PyErr;

    fn extract(value: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(id) = value.extract::<String>() {
            return Ok(InstrumentArgument::Id(id));
        }
        if let Ok(instrument) = value.extract::<PyRef<'py, PyInstrument>>() {
            return Ok(InstrumentArgument::Instrument(instrument));
        }
        let type_name = value.get_type().name().map_or_else(|_| "another type".to_owned(), |name| name.to_string());
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "an instrument is given by its id (a str, e.g. \"PH-RA9208-2003\") or as an Instrument (from lexdef.parse_text), not {type_name}"
        )))
    }
}

/// One name or several (instrument ids, checklist items).
#[derive(FromPyObject)]
enum Names {
    One(String),
    Several(Vec<String>),
}

impl Names {
    fn all(self) -> Vec<String> {
        match self {
            Names::One(name) => vec![name],
            Names::Several(names) => names,
        }
    }
}

/// One or several jurisdiction codes.
#[derive(FromPyObject)]
enum Jurisdictions {
    One(String),
    Several(Vec<String>),
}

impl Jurisdictions {
    fn codes(self) -> lexdef::Result<Vec<String>> {
        let codes = match self {
            Jurisdictions::One(code) => vec![code],
            Jurisdictions::Several(codes) => codes,
        };
        codes.iter().map(|code| code.parse::<lexdef::Jurisdiction>().map(|code| code.to_string())).collect()
    }
}

impl PyCorpus {
    /// The jurisdiction codes of a filter, refused where none is the jurisdiction of an
    /// instrument of the corpus (`FR`): a filter that can match nothing says so, rather than
    /// answering with nothing.
    fn jurisdiction_filter(&self, jurisdiction: Option<Jurisdictions>) -> PyResult<Option<Vec<String>>> {
        let Some(codes) = jurisdiction.map(Jurisdictions::codes).transpose().py_result()? else { return Ok(None) };
        let held: std::collections::BTreeSet<String> = self
            .corpus
            .instruments()
            .filter_map(|instrument| instrument.metadata.as_ref().map(|metadata| metadata.jurisdiction.to_string()))
            .collect();
        if !codes.iter().any(|code| held.contains(code)) {
            return Err(crate::errors::QueryError::new_err(format!(
                "no instrument of the corpus is from {} (the corpus holds: {})",
                codes.join(", "),
                held.into_iter().collect::<Vec<_>>().join(", ")
            )));
        }
        Ok(Some(codes))
    }

    fn new(corpus: lexdef::Corpus, lexicon: LexiconHandle) -> PyCorpus {
        PyCorpus { corpus: Arc::new(corpus), lexicon, index: Arc::new(OnceLock::new()) }
    }

    fn instrument(&self, instrument: &lexdef::Instrument) -> PyInstrument {
        PyInstrument {
            inner: Arc::new(instrument.clone()),
            title: None,
            jurisdiction: None,
            warnings: Vec::new(),
            lexicon: self.lexicon.clone(),
        }
    }

    fn lexicon_of(lexicon: Option<PyRef<'_, PyLexicon>>) -> LexiconHandle {
        lexicon.map_or_else(LexiconHandle::bundled, |lexicon| lexicon.handle.clone())
    }

    /// A study of the corpus for `concept`.
    fn study(&self, concept: lexdef::ConceptId) -> lexdef::Study<'_> {
        lexdef::Study::new(&self.corpus, &self.lexicon.inner, concept)
    }
}

impl PyCorpus {
    /// The columns of `Corpus.to_pandas()`.
    fn schema() -> Schema {
        let schema = crate::convert::schema_of(&[
            "id",
            "title",
            "short_title",
            "jurisdiction",
            "kind",
            "language",
            "language_status",
            "completeness",
            "partial",
            "adopted",
            "in_force",
            "relations",
            "file",
        ]);
        let statuses = [
            lexdef::CompletenessStatus::Complete,
            lexdef::CompletenessStatus::Partial,
            lexdef::CompletenessStatus::Missing,
        ];
        let completeness = Dtype::Category(statuses.iter().map(crate::convert::serial_name).collect());
        crate::convert::retyped(schema, "completeness", completeness)
    }
}

impl InstrumentArgument<'_> {
    /// The instrument as the study reads it: the corpus's analysis of an id (an unknown id is
    /// refused before any work), or a text of the caller's analysed.
    fn resolve(self, corpus: &lexdef::Corpus) -> lexdef::Result<Subject> {
        match self {
            InstrumentArgument::Id(id) => corpus.require(&id).map(|_| Subject::Corpus(id)),
            InstrumentArgument::Instrument(instrument) => Ok(Subject::Outside(instrument.inner.clone())),
        }
    }

    /// The baseline as a study takes it: a name or id, or an instrument (held without the
    /// GIL).
    fn baseline(self) -> BaselineArgument {
        match self {
            InstrumentArgument::Id(name) => BaselineArgument::Named(name),
            InstrumentArgument::Instrument(instrument) => BaselineArgument::Outside(instrument.inner.clone()),
        }
    }
}

/// A subject, once known to exist.
enum Subject {
    Corpus(String),
    Outside(Arc<lexdef::Instrument>),
}

/// A baseline argument, held without the GIL.
enum BaselineArgument {
    Named(String),
    Outside(Arc<lexdef::Instrument>),
}

impl BaselineArgument {
    /// `study` compared with this baseline.
    fn study<'c>(&self, study: &lexdef::Study<'c>) -> lexdef::Result<lexdef::Study<'c>> {
        match self {
            BaselineArgument::Named(name) => study.with_baseline(name),
            BaselineArgument::Outside(instrument) => Ok(study.with_baseline_instrument(instrument)),
        }
    }
}

#[pymethods]
impl PyCorpus {
    /// The curated corpus bundled with lexdef.
    #[staticmethod]
    #[pyo3(signature = (lexicon = None))]
    fn bundled(py: Python<'_>, lexicon: Option<PyRef<'_, PyLexicon>>) -> PyCorpus {
        let lexicon = PyCorpus::lexicon_of(lexicon);
        PyCorpus::new(py.detach(lexdef::Corpus::bundled), lexicon)
    }

    /// Load every `*.txt` corpus file of a directory (or of its `instruments/`).
    #[staticmethod]
    #[pyo3(signature = (path, lexicon = None, strict = false))]
    fn load(py: Python<'_>, path: PathBuf, lexicon: Option<PyRef<'_, PyLexicon>>, strict: bool) -> PyResult<PyCorpus> {
        let lexicon = PyCorpus::lexicon_of(lexicon);
        let corpus = py
            .detach(|| if strict { lexdef::Corpus::load_strict(&path) } else { lexdef::Corpus::load(&path) })
            .py_result()?;
        if let Some(first) = corpus.errors().first() {
            let message = format!(
                "{} of the files in {} could not be loaded and were left out (see Corpus.errors); the first: {}",
                corpus.errors().len(),
                path.display(),
                first.message
            );
            PyErr::warn(py, &py.get_type::<LexdefWarning>(), &std::ffi::CString::new(message.replace('\0', " "))?, 1)?;
        }
        Ok(PyCorpus::new(corpus, lexicon))
    }

    /// This corpus read with another lexicon.
    fn with_lexicon(&self, lexicon: PyRef<'_, PyLexicon>) -> PyCorpus {
        PyCorpus { corpus: self.corpus.clone(), lexicon: lexicon.handle.clone(), index: Arc::new(OnceLock::new()) }
    }

    /// The lexicon the corpus is read with.
    #[getter]
    fn lexicon(&self) -> PyLexicon {
        PyLexicon { handle: self.lexicon.clone() }
    }

    /// The instruments, by id.
    #[getter]
    fn instruments(&self) -> Vec<PyInstrument> {
        self.corpus.instruments().map(|instrument| self.instrument(instrument)).collect()
    }

    /// The instrument ids, sorted.
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.corpus.instruments().map(|instrument| instrument.id.to_string()).collect()
    }

    /// The files that could not be loaded, and why.
    #[getter]
    fn errors(&self) -> PyDiagnostics {
        PyDiagnostics { items: self.corpus.errors().iter().map(PyDiagnostic::of_load_error).collect() }
    }

    /// What loading noticed without leaving anything out.
    #[getter]
    fn warnings(&self) -> PyDiagnostics {
        PyDiagnostics { items: self.corpus.warnings().iter().map(PyDiagnostic::of_warning).collect() }
    }

    fn __len__(&self) -> usize {
        self.corpus.len()
    }

    fn __contains__(&self, id: &str) -> bool {
        self.corpus.get(id).is_some()
    }

    fn __getitem__(&self, id: &str) -> PyResult<PyInstrument> {
        match self.corpus.require(id) {
            Ok(instrument) => Ok(self.instrument(instrument)),
            Err(error) => Err(PyKeyError::new_err(error.to_string())),
        }
    }

    /// The instrument `id`, or `None`.
    fn get(&self, id: &str) -> Option<PyInstrument> {
        self.corpus.get(id).map(|instrument| self.instrument(instrument))
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        pyo3::types::PyList::new(py, self.instruments())?.as_any().try_iter()
    }

    /// Every definition in the corpus, optionally of one concept and in some jurisdictions.
    #[pyo3(signature = (concept = None, jurisdiction = None))]
    fn definitions(
        &self,
        py: Python<'_>,
        concept: Option<&str>,
        jurisdiction: Option<Jurisdictions>,
    ) -> PyResult<PyDefinitions> {
        let concept = concept.map(|name| self.lexicon.inner.concept(name)).transpose().py_result()?;
        let jurisdictions = self.jurisdiction_filter(jurisdiction)?;
        let items = py.detach(|| {
            let mut items = Vec::new();
            for instrument in self.corpus.instruments() {
                let code = instrument.metadata.as_ref().map(|metadata| metadata.jurisdiction.to_string());
                if let Some(wanted) = &jurisdictions {
                    if !code.as_ref().is_some_and(|code| wanted.contains(code)) {
                        continue;
                    }
                }
                items.extend(
                    definitions_of(instrument, &self.lexicon.inner)
                        .into_iter()
                        .filter(|definition| concept.is_none() || definition.inner.concept == concept),
                );
            }
            items
        });
        Ok(PyDefinitions { items })
    }

    /// The term model of one instrument's definition of a concept.
    #[pyo3(signature = (instrument, concept = DEFAULT_CONCEPT), text_signature = "(self, /, instrument, concept='trafficking_in_persons')")]
    fn model(&self, py: Python<'_>, instrument: InstrumentArgument<'_>, concept: &str) -> PyResult<PyTermModel> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let subject = instrument.resolve(&self.corpus).py_result()?;
        let model = py.detach(|| {
            let study = self.study(concept);
            match &subject {
                Subject::Corpus(id) => study.analysis(id).map(|analysis| analysis.model.clone()),
                Subject::Outside(instrument) => Ok(study.analyse(instrument).model),
            }
        });
        Ok(PyTermModel { inner: model.py_result()? })
    }

    /// Compare one definition (an instrument id, or a text from `parse_text`) with a baseline:
    /// `palermo` (the UN Protocol), an instrument id, or an instrument.
    #[pyo3(
        signature = (subject, baseline = InstrumentArgument::Id("palermo".to_owned()), concept = DEFAULT_CONCEPT),
        text_signature = "(self, /, subject, baseline='palermo', concept='trafficking_in_persons')"
    )]
    fn compare(
        &self,
        py: Python<'_>,
        subject: InstrumentArgument<'_>,
        baseline: InstrumentArgument<'_>,
        concept: &str,
    ) -> PyResult<PyComparison> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let subject = subject.resolve(&self.corpus).py_result()?;
        let baseline = baseline.baseline();
        let comparison = py.detach(|| {
            let study = baseline.study(&self.study(concept))?;
            let outside;
            let subject = match &subject {
                Subject::Corpus(id) => study.analysis(id)?,
                Subject::Outside(instrument) => {
                    outside = study.analyse(instrument);
                    &outside
                }
            };
            let baseline = study.baseline().expect("the study was given a baseline");
            let comparison = study.compare(subject);
            let html = comparison.report.to_html_fragment(&[subject, baseline]);
            Ok(PyComparison {
                subject: subject.model.clone(),
                baseline: baseline.model.clone(),
                divergences: comparison.divergences.clone(),
                html,
                comparison,
            })
        });
        comparison.py_result()
    }

    /// Instruments × elements. With a baseline (`palermo`, an id), the columns are the
    /// elements the baseline's definition names; without one, every element of the lexicon.
    #[pyo3(signature = (baseline = None, concept = DEFAULT_CONCEPT), text_signature = "(self, /, baseline=None, concept='trafficking_in_persons')")]
    fn matrix(&self, py: Python<'_>, baseline: Option<InstrumentArgument<'_>>, concept: &str) -> PyResult<PyMatrix> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let baseline = baseline.map(InstrumentArgument::baseline);
        let matrix = py.detach(|| {
            let study = self.study(concept);
            let matrix = |study: &lexdef::Study<'_>| {
                let reasons = qualifier_reasons(study.analyses_and_baseline().iter().map(|analysis| &analysis.model));
                PyMatrix { inner: study.matrix(), reasons }
            };
            match &baseline {
                Some(baseline) => baseline.study(&study).map(|study| matrix(&study)),
                None => Ok(matrix(&study)),
            }
        });
        matrix.py_result()
    }

    /// The divergence report of every instrument against a baseline.
    #[pyo3(
        signature = (baseline = InstrumentArgument::Id("palermo".to_owned()), concept = DEFAULT_CONCEPT),
        text_signature = "(self, /, baseline='palermo', concept='trafficking_in_persons')"
    )]
    fn report(&self, py: Python<'_>, baseline: InstrumentArgument<'_>, concept: &str) -> PyResult<PyReport> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let baseline = baseline.baseline();
        let report = py.detach(|| {
            let study = baseline.study(&self.study(concept))?;
            let report = study.report();
            let analyses = study.analyses_and_baseline();
            let html = report.to_html_fragment(&analyses);
            let reasons = qualifier_reasons(analyses.iter().map(|analysis| &analysis.model));
            Ok(PyReport { inner: report, html, reasons })
        });
        report.py_result()
    }

    /// Every original-language text of the corpus checked against its translation (the
    /// pairs its `translation_of` / `original_of` relations name), element by element and
    /// qualifier by qualifier: `agrees`, `more`, `less`, `differs`, or `cannot_say` where one
    /// text does not settle it (a gap, a language the lexicon does not read), with the words
    /// of both texts. `.to_pandas()` gives one row per finding.
    #[pyo3(signature = (concept = DEFAULT_CONCEPT), text_signature = "(self, /, concept='trafficking_in_persons')")]
    fn translation_check(&self, py: Python<'_>, concept: &str) -> PyResult<PyTranslationCheck> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let inner = py.detach(|| self.study(concept).translation_check());
        Ok(PyTranslationCheck { inner })
    }

    /// The corpus as it stood on `date` (`"YYYY-MM-DD"`): each instrument that amending
    /// instruments of the corpus changed is its version of that day (their whole-provision
    /// substitutions, insertions and repeals applied, the text copied exactly from the corpus
    /// files), and instruments made after the day are left out. What the day leaves open (an
    /// amendment dated only to the year holding it, an undated one, one that could not be
    /// applied) is said in a `LexdefWarning`, never decided.
    #[pyo3(text_signature = "(self, date)")]
    fn at(&self, py: Python<'_>, date: &str) -> PyResult<PyCorpus> {
        let (corpus, notes) = py.detach(|| self.corpus.at(date)).py_result()?;
        if !notes.is_empty() {
            let message = format!("the corpus on {date}: {}", notes.join("; "));
            PyErr::warn(py, &py.get_type::<LexdefWarning>(), &std::ffi::CString::new(message.replace('\0', " "))?, 1)?;
        }
        Ok(PyCorpus::new(corpus, self.lexicon.clone()))
    }

    /// The definition of `concept` through the versions of an instrument of the corpus, as a
    /// pandas DataFrame: one row per event of an element or qualifier (`as adopted`,
    /// `appeared`, `changed`, `went`, or `unknown` where the corpus text of a version no
    /// longer settles it), with the version's date, the amending provision that made the
    /// change and its words, and the words of the version with the corpus file and line they
    /// are printed on. Amendments that could not be applied are in `.attrs["unapplied"]`.
    #[pyo3(signature = (instrument, concept = DEFAULT_CONCEPT), text_signature = "(self, instrument, concept='trafficking_in_persons')")]
    fn timeline<'py>(&self, py: Python<'py>, instrument: &str, concept: &str) -> PyResult<Bound<'py, PyAny>> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let timeline = py
            .detach(|| {
                let history = lexdef::History::of(&self.corpus, instrument)?;
                Ok::<_, lexdef::Error>(lexdef::Timeline::of(&history, &self.lexicon.inner, &concept))
            })
            .py_result()?;
        crate::results::timeline_frame(py, &timeline)
    }

    /// Search provisions and definitions: words (all must match), "a phrase", `a OR b`,
    /// `-word`; spelling and inflection are folded. The index is built on the first search.
    #[pyo3(signature = (query, jurisdiction = None, element = None, concept = None, limit = 20, language = None))]
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        py: Python<'_>,
        query: &str,
        jurisdiction: Option<Jurisdictions>,
        element: Option<&str>,
        concept: Option<&str>,
        limit: i64,
        language: Option<String>,
    ) -> PyResult<PyHits> {
        let limit = usize::try_from(limit).ok().filter(|limit| *limit > 0).ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "limit is how many hits to return: a number from 1 up, not {limit}"
            ))
        })?;
        let filters = lexdef::Filters {
            language,
            jurisdictions: self.jurisdiction_filter(jurisdiction)?.unwrap_or_default(),
            element: element.map(|element| self.lexicon.inner.element(element)).transpose().py_result()?,
            concept: concept.map(|concept| self.lexicon.inner.concept(concept)).transpose().py_result()?,
            ..lexdef::Filters::default()
        };
        let results = py
            .detach(|| {
                let index = match self.index.get() {
                    Some(index) => index.clone(),
                    None => {
                        let built = Arc::new(lexdef::Index::build(&self.corpus, &self.lexicon.inner)?);
                        self.index.get_or_init(|| built).clone()
                    }
                };
                index.search(query, &filters, limit)
            })
            .py_result()?;
        Ok(PyHits { items: results.hits.into_iter().map(|inner| PyHit { inner }).collect() })
    }

    /// The protection checklist: what each instrument (all, or those of `ids`, in that order)
    /// provides for victims of trafficking, item by item (all 16, or those of `items`:
    /// `"shelter"` or `"protection.shelter"`), each `provided` with the words of the law and
    /// how strongly they bind, `not_provided` only where the corpus holds the whole protection
    /// part, and `not_found` with the reason otherwise. An unknown id raises `CorpusError`, an
    /// unknown item `QueryError`, each naming what it may mean.
    #[pyo3(signature = (ids = None, items = None))]
    fn checklist(&self, py: Python<'_>, ids: Option<Names>, items: Option<Names>) -> PyResult<PyChecklist> {
        let items = items.map(|items| crate::checklist::item_ids(&items.all())).transpose()?;
        let instruments: Vec<&lexdef::Instrument> = match ids {
            None => self.corpus.instruments().collect(),
            Some(ids) => {
                let mut found: Vec<&lexdef::Instrument> = Vec::new();
                for id in ids.all() {
                    let instrument = self.corpus.require(&id).py_result()?;
                    if !found.iter().any(|known| known.id == instrument.id) {
                        found.push(instrument);
                    }
                }
                found
            }
        };
        Ok(py.detach(|| crate::checklist::read(&instruments, &self.lexicon.inner, items.as_deref())))
    }

    /// One qualifier (`child_age`, `consent_irrelevant`, ...) of every instrument's
    /// definition of `concept`: its value (`None` where the text does not settle it), the
    /// reason where no words settle it, and the words, eId and line that do. A name that is no
    /// qualifier raises `QueryError` naming those it may mean.
    #[pyo3(signature = (name, concept = DEFAULT_CONCEPT), text_signature = "(self, /, name, concept='trafficking_in_persons')")]
    fn qualifiers(&self, py: Python<'_>, name: &str, concept: &str) -> PyResult<PyQualifiers> {
        let name = lexdef::QualifierName::named(name).py_result()?;
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        let items = py.detach(|| {
            self.study(concept)
                .analyses()
                .filter_map(|analysis| {
                    let inner = analysis.model.qualifiers.get(&name)?.clone();
                    Some(PyQualifier { instrument: analysis.model.instrument.to_string(), name, inner })
                })
                .collect()
        });
        Ok(PyQualifiers { items })
    }

    /// One dict per instrument: its metadata (see `to_pandas`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyList>> {
        let list = pyo3::types::PyList::empty(py);
        for instrument in self.instruments() {
            let row = pyo3::types::PyDict::new(py);
            let metadata = instrument.inner.metadata.as_ref();
            row.set_item("id", instrument.id())?;
            row.set_item("title", instrument.title())?;
            row.set_item("short_title", instrument.short_title())?;
            row.set_item("jurisdiction", instrument.jurisdiction())?;
            row.set_item("kind", instrument.kind())?;
            row.set_item("language", instrument.language())?;
            row.set_item(
                "language_status",
                metadata.map(|metadata| crate::convert::serial_name(&metadata.language.status)),
            )?;
            row.set_item("completeness", instrument.completeness())?;
            row.set_item("partial", instrument.partial())?;
            row.set_item("adopted", instrument.adopted())?;
            row.set_item("in_force", instrument.in_force())?;
            let relations: Vec<String> = metadata
                .map(|metadata| &metadata.relations[..])
                .unwrap_or_default()
                .iter()
                .map(|relation| format!("{} {}", crate::convert::serial_name(&relation.kind), relation.target))
                .collect();
            row.set_item("relations", (!relations.is_empty()).then(|| relations.join("; ")))?;
            row.set_item("file", instrument.file())?;
            list.append(row)?;
        }
        Ok(list)
    }

    /// One row per instrument, indexed by `id`: `title`, `short_title`, `jurisdiction`,
    /// `kind`, `language`, `language_status` (`official`, `translation`, ...),
    /// `completeness` (`complete`, `partial`, `missing`), `partial` (boolean), `adopted` and
    /// `in_force` (dates as the source gives them: `2003` or `2003-05-26`), `relations`
    /// (`amended_by PH-RA10364-2012; ...`) and `file`.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::frame(py, Frames::Pandas, self.to_records(py)?, &PyCorpus::schema(), Some("id"))
    }

    /// The same as a polars DataFrame, `id` its first column.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::frame(py, Frames::Polars, self.to_records(py)?, &PyCorpus::schema(), None)
    }

    /// The instrument ids, for `corpus["<TAB>` in IPython and Jupyter.
    fn _ipython_key_completions_(&self) -> Vec<String> {
        self.ids()
    }

    /// Two corpora are equal where they hold the same files, read with the same lexicon.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyCorpus>().is_ok_and(|other| {
            let other = other.get();
            let files = |corpus: &lexdef::Corpus| -> Vec<(String, String)> {
                corpus
                    .instruments()
                    .map(|instrument| (instrument.file().to_owned(), instrument.file_text().to_owned()))
                    .collect()
            };
            other.lexicon == self.lexicon
                && (Arc::ptr_eq(&other.corpus, &self.corpus)
                    || (files(&other.corpus) == files(&self.corpus)
                        && other.corpus.errors() == self.corpus.errors()
                        && other.corpus.warnings() == self.corpus.warnings()))
        })
    }

    /// A table of the instruments, in a notebook.
    fn _repr_html_(&self) -> String {
        self.corpus.to_html_fragment()
    }
    fn __repr__(&self) -> String {
        let errors = match self.corpus.errors().len() {
            0 => String::new(),
            count => format!(", {count} files not loaded"),
        };
        format!("<Corpus of {} instruments{errors}>", self.corpus.len())
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String, String))> {
        reduce(py, "Corpus", self)
    }
}

/// Every definition of an instrument, with the words of its provision.
fn definitions_of(instrument: &lexdef::Instrument, lexicon: &lexdef::Lexicon) -> Vec<PyDefinition> {
    let document = lexdef::parse(instrument);
    let (definitions, _) = lexdef::extract_definitions(instrument, &document, lexicon);
    let jurisdiction = instrument.metadata.as_ref().map(|metadata| metadata.jurisdiction.to_string());
    definitions
        .into_iter()
        .map(|inner| PyDefinition {
            instrument: instrument.id.to_string(),
            jurisdiction: jurisdiction.clone(),
            text: instrument.text[inner.span.range()].to_owned(),
            inner,
        })
        .collect()
}

/// One legal text: a corpus instrument, or a drafter's text from `parse_text`.
#[pyclass(module = "lexdef", name = "Instrument", frozen)]
#[derive(Clone)]
pub(crate) struct PyInstrument {
    pub(crate) inner: Arc<lexdef::Instrument>,
    /// For a text without metadata, the title and jurisdiction the caller gave.
    pub(crate) title: Option<String>,
    pub(crate) jurisdiction: Option<String>,
    pub(crate) warnings: Vec<PyDiagnostic>,
    pub(crate) lexicon: LexiconHandle,
}

/// What an instrument pickles as: its file, read again on unpickling.
#[derive(Serialize, Deserialize)]
struct InstrumentState {
    file: String,
    file_text: String,
    title: Option<String>,
    jurisdiction: Option<String>,
    warnings: Vec<PyDiagnostic>,
    lexicon: LexiconHandle,
}

impl Serialize for PyInstrument {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        InstrumentState {
            file: self.inner.file().to_owned(),
            file_text: self.inner.file_text().to_owned(),
            title: self.title.clone(),
            jurisdiction: self.jurisdiction.clone(),
            warnings: self.warnings.clone(),
            lexicon: self.lexicon.clone(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PyInstrument {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PyInstrument, D::Error> {
        let state = InstrumentState::deserialize(deserializer)?;
        let (instrument, _) =
            lexdef::Instrument::from_text(&state.file, &state.file_text).map_err(serde::de::Error::custom)?;
        Ok(PyInstrument {
            inner: Arc::new(instrument),
            title: state.title,
            jurisdiction: state.jurisdiction,
            warnings: state.warnings,
            lexicon: state.lexicon,
        })
    }
}

impl PyInstrument {
    pub(crate) fn from_text(
        text: &str,
        file: &str,
        title: Option<String>,
        jurisdiction: Option<&str>,
        complete: bool,
    ) -> lexdef::Result<PyInstrument> {
        let jurisdiction = jurisdiction.map(|code| code.parse::<lexdef::Jurisdiction>()).transpose()?;
        let (mut instrument, warnings) = lexdef::Instrument::from_text(file, text)?;
        if !complete {
            instrument.mark_excerpt("marked as an excerpt with complete=False");
        }
        let warnings = warnings
            .iter()
            .map(|warning| {
                let mut diagnostic = PyDiagnostic::of_warning(warning);
                // The core's words name the CLI's `--partial` and the corpus format's `+++`.
                if warning.kind == lexdef::WarningKind::MissingMetadata {
                    diagnostic.message = if complete {
                        "no corpus metadata: read as a whole draft, so what it does not say is read as absent (pass complete=False if it is an excerpt)".to_owned()
                    } else {
                        "no corpus metadata: read as an excerpt (complete=False), so what it does not say settles nothing".to_owned()
                    };
                }
                diagnostic
            })
            .collect();
        Ok(PyInstrument {
            inner: Arc::new(instrument),
            title,
            jurisdiction: jurisdiction.map(|code| code.to_string()),
            warnings,
            lexicon: LexiconHandle::bundled(),
        })
    }

    fn metadata(&self) -> Option<&lexdef::Metadata> {
        self.inner.metadata.as_ref()
    }
}

#[pymethods]
impl PyInstrument {
    /// The id (for a text without metadata, made from its file name).
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// The full title.
    #[getter]
    fn title(&self) -> Option<String> {
        self.metadata().map(|metadata| metadata.title.clone()).or_else(|| self.title.clone())
    }
    /// The name users know it by.
    #[getter]
    fn short_title(&self) -> Option<String> {
        self.metadata().map(|metadata| metadata.short_title.clone()).or_else(|| self.title.clone())
    }
    /// The jurisdiction code (`PH`, `ASEAN`, `INTL`, ...).
    #[getter]
    fn jurisdiction(&self) -> Option<String> {
        self.metadata().map(|metadata| metadata.jurisdiction.to_string()).or_else(|| self.jurisdiction.clone())
    }
    /// `act`, `treaty`, `bill`, ...; `None` for a text without metadata.
    #[getter]
    fn kind(&self) -> Option<String> {
        self.metadata().map(|metadata| crate::convert::serial_name(&metadata.kind))
    }
    /// The language code of the text.
    #[getter]
    fn language(&self) -> Option<String> {
        self.metadata().map(|metadata| metadata.language.code.clone())
    }
    /// `complete`, `partial` or `missing`; `None` for a text without metadata.
    #[getter]
    fn completeness(&self) -> Option<String> {
        self.metadata().map(|metadata| crate::convert::serial_name(&metadata.completeness.status))
    }
    /// Whether the text is incomplete: its metadata says so, or (a text without metadata) it
    /// is marked an excerpt or carries an editor's omission mark.
    #[getter]
    fn partial(&self) -> bool {
        // A text without metadata is partial where it is marked an excerpt
        // (`complete=False`) or carries an editor's omission mark (`[...]`).
        self.inner.is_partial() || (self.metadata().is_none() && !self.inner.gaps.is_empty())
    }
    /// When adopted, as the source gives it (`2003`, `2003-05-26`).
    #[getter]
    fn adopted(&self) -> Option<String> {
        self.metadata().and_then(|metadata| metadata.adopted.as_ref().map(ToString::to_string))
    }
    /// When in force, as the source gives it.
    #[getter]
    fn in_force(&self) -> Option<String> {
        self.metadata().and_then(|metadata| metadata.in_force.as_ref().map(ToString::to_string))
    }
    /// The law's text exactly as read.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// The file it was read from.
    #[getter]
    fn file(&self) -> &str {
        self.inner.file()
    }
    /// What reading it noticed (for a text without metadata, that it has none).
    #[getter]
    fn warnings(&self) -> PyDiagnostics {
        PyDiagnostics { items: self.warnings.clone() }
    }
    /// The instrument as an Akoma Ntoso 3.0 document (`act`, `bill`, or `doc` for a treaty):
    /// FRBR identification from its metadata, its provisions with their eIds, the text
    /// exactly, gaps as editorial remarks.
    fn to_akn(&self, py: Python<'_>) -> PyResult<String> {
        let instrument = &self.inner;
        py.detach(|| lexdef::akn::write(instrument, &lexdef::parse(instrument))).py_result()
    }
    /// Every provision, in text order.
    fn provisions(&self, py: Python<'_>) -> PyProvisions {
        let instrument = &self.inner;
        let items = py.detach(|| {
            let document = lexdef::parse(instrument);
            let mut items = Vec::new();
            let mut stack: Vec<(&lexdef::Provision, usize)> =
                document.provisions.iter().rev().map(|provision| (provision, 0)).collect();
            while let Some((provision, depth)) = stack.pop() {
                items.push(PyProvision {
                    instrument: instrument.id.to_string(),
                    depth,
                    inner: without_children(provision),
                    text: instrument.text[provision.span.range()].to_owned(),
                });
                stack.extend(provision.children.iter().rev().map(|child| (child, depth + 1)));
            }
            items
        });
        PyProvisions { items }
    }
    /// Every definition, in text order.
    fn definitions(&self, py: Python<'_>) -> PyDefinitions {
        PyDefinitions { items: py.detach(|| definitions_of(&self.inner, &self.lexicon.inner)) }
    }
    /// The term model of its definition of a concept.
    #[pyo3(signature = (concept = DEFAULT_CONCEPT), text_signature = "(self, /, concept='trafficking_in_persons')")]
    fn model(&self, py: Python<'_>, concept: &str) -> PyResult<PyTermModel> {
        let concept = self.lexicon.inner.concept(concept).py_result()?;
        Ok(PyTermModel { inner: py.detach(|| lexdef::Analysis::of(&self.inner, &self.lexicon.inner, &concept).model) })
    }
    fn __repr__(&self) -> String {
        match self.metadata() {
            Some(metadata) => format!(
                "<Instrument {} {:?} ({}, {}, {})>",
                self.inner.id,
                metadata.short_title,
                metadata.jurisdiction,
                crate::convert::serial_name(&metadata.kind),
                crate::convert::serial_name(&metadata.completeness.status)
            ),
            None => {
                format!("<Instrument {} (a text without metadata, {} bytes)>", self.inner.id, self.inner.text.len())
            }
        }
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyInstrument>().is_ok_and(|other| {
            let other = other.get();
            other.inner.file() == self.inner.file()
                && other.inner.file_text() == self.inner.file_text()
                && other.title == self.title
                && other.jurisdiction == self.jurisdiction
        })
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String, String))> {
        reduce(py, "Instrument", self)
    }
}

/// A provision without the provisions under it: each is listed on its own, and cloning every
/// subtree would cost the square of the depth.
fn without_children(provision: &lexdef::Provision) -> lexdef::Provision {
    lexdef::Provision {
        eid: provision.eid.clone(),
        kind: provision.kind,
        num: provision.num.clone(),
        number: provision.number.clone(),
        term: provision.term.clone(),
        heading: provision.heading.clone(),
        heading_span: provision.heading_span,
        span: provision.span,
        line: provision.line,
        quoted: provision.quoted,
        number_inferred: provision.number_inferred,
        incomplete: provision.incomplete,
        children: Vec::new(),
    }
}
