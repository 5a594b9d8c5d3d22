//! The protection checklist (`Corpus.checklist()`): what each instrument provides for victims
//! of trafficking, item by item, as the core reads it (`lexdef::ProtectionVocabulary`). The
//! set is `lexdef.Checklist`; each instrument's is `InstrumentChecklist`, its items
//! `ChecklistItem`, their words `ProtectionEvidence`. Nothing here reads the law.

use std::sync::OnceLock;

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::{Deserialize, Serialize};

use crate::convert::{self, item_frame, json_to_py, value_class, Dtype, Frames, Record, Schema};
use crate::errors::IntoPyResult;

/// The vocabulary the checklist reads with, loaded once.
pub(crate) fn vocabulary() -> &'static lexdef::ProtectionVocabulary {
    static VOCABULARY: OnceLock<lexdef::ProtectionVocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(lexdef::ProtectionVocabulary::bundled)
}

/// The checklist item a caller names, in full (`shelter` and `protection.shelter` are the
/// same item); an unknown name is a `QueryError` naming the items it may mean.
pub(crate) fn item_id(name: &str) -> lexdef::Result<String> {
    let vocabulary = vocabulary();
    let id = if name.contains('.') { name.to_owned() } else { format!("protection.{name}") };
    if vocabulary.items().any(|(known, _)| known.as_str() == id) {
        return Ok(id);
    }
    // The core says which ids are near the one asked for; this only words it.
    let similar: Vec<String> = vocabulary
        .lexicon()
        .similar_element_ids(&id)
        .into_iter()
        .filter(|near| vocabulary.items().any(|(known, _)| known.as_str() == near))
        .map(|near| format!("`{near}`"))
        .collect();
    let expected = if similar.is_empty() {
        format!(
            "an item of the protection checklist: {}",
            vocabulary.items().map(|(known, _)| known.as_str()).collect::<Vec<_>>().join(", ")
        )
    } else {
        format!("an item of the protection checklist (did you mean {}?)", similar.join(", "))
    };
    Err(lexdef::Error::InvalidValue { what: "checklist item", value: name.to_owned(), expected })
}

/// The states in the core's order (`provided`, `not_provided`, `not_found`).
fn states() -> Vec<String> {
    [lexdef::ItemState::Provided, lexdef::ItemState::NotProvided, lexdef::ItemState::NotFound]
        .iter()
        .map(|state| state.as_str().to_owned())
        .collect()
}

/// The obligations from the weakest (`discretionary`, `conditional`, `mandatory`).
fn obligations() -> Vec<String> {
    [lexdef::Obligation::Discretionary, lexdef::Obligation::Conditional, lexdef::Obligation::Mandatory]
        .iter()
        .map(|obligation| obligation.as_str().to_owned())
        .collect()
}

/// The words of the law that provide a protection: where they are, how strongly they bind
/// the State (`obligation`, and the `obligation_words` that say so), and the sentence they
/// stand in (`context`).
#[pyclass(module = "lexdef", name = "ProtectionEvidence", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyProtectionEvidence {
    pub(crate) instrument: String,
    pub(crate) item: String,
    pub(crate) inner: lexdef::ProtectionEvidence,
}

value_class!(PyProtectionEvidence, "ProtectionEvidence", {
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        &self.instrument
    }
    /// The checklist item the words provide (`protection.compensation`).
    #[getter]
    fn item(&self) -> &str {
        &self.item
    }
    /// The innermost provision holding the words.
    #[getter]
    fn eid(&self) -> &str {
        self.inner.eid.as_str()
    }
    /// The line of the instrument's file.
    #[getter]
    fn line(&self) -> usize {
        self.inner.line
    }
    /// Byte offset of the words in the instrument's text.
    #[getter]
    fn start(&self) -> usize {
        self.inner.span.start
    }
    /// One past their last byte.
    #[getter]
    fn end(&self) -> usize {
        self.inner.span.end
    }
    /// The words, exactly as in the text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// How they matched the protection lexicon: `exact`, `folded` or `fuzzy`.
    #[getter]
    fn method(&self) -> &'static str {
        match self.inner.method {
            lexdef::MatchMethod::Exact => "exact",
            lexdef::MatchMethod::Folded => "folded",
            lexdef::MatchMethod::Fuzzy { .. } => "fuzzy",
        }
    }
    /// For a fuzzy match, the lowest word similarity (0 to 1).
    #[getter]
    fn score(&self) -> Option<f64> {
        match self.inner.method {
            lexdef::MatchMethod::Fuzzy { score } => Some(score),
            _ => None,
        }
    }
    /// `mandatory`, `conditional` (on the victim's cooperation) or `discretionary`.
    #[getter]
    fn obligation(&self) -> &'static str {
        self.inner.obligation.as_str()
    }
    /// The words that set the obligation (`shall consider`, `in appropriate cases`, `shall`);
    /// `None` where the law states the protection as a rule without a modal word.
    #[getter]
    fn obligation_words(&self) -> Option<&str> {
        self.inner.obligation_words.as_deref()
    }
    /// The sentence the words stand in, with the chapeau it continues.
    #[getter]
    fn context(&self) -> &str {
        &self.inner.context
    }
    fn __repr__(&self) -> String {
        format!(
            "<ProtectionEvidence {} {} {} line {}: {:?} ({})>",
            self.instrument, self.item, self.inner.eid, self.inner.line, self.inner.text, self.inner.obligation
        )
    }
});

/// One item of an instrument's checklist: `provided` (with the strongest `obligation` of its
/// evidence), `not_provided` (the corpus holds the whole protection part and none of it
/// provides it) or `not_found` (the text seen does not settle it: `reason` says why).
#[pyclass(module = "lexdef", name = "ChecklistItem", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyChecklistItem {
    pub(crate) instrument: String,
    pub(crate) inner: lexdef::ChecklistItem,
}

value_class!(PyChecklistItem, "ChecklistItem", {
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        &self.instrument
    }
    /// The item (`protection.compensation`).
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Its name for people (`Compensation`).
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// `provided`, `not_provided` or `not_found`.
    #[getter]
    fn state(&self) -> &'static str {
        self.inner.state.as_str()
    }
    /// For a provided item, the strongest obligation of its evidence: `mandatory`,
    /// `conditional` or `discretionary`; `None` otherwise.
    #[getter]
    fn obligation(&self) -> Option<&'static str> {
        self.inner.obligation.map(lexdef::Obligation::as_str)
    }
    /// Every place that provides it, in text order.
    #[getter]
    fn evidence(&self) -> Vec<PyProtectionEvidence> {
        self.inner
            .evidence
            .iter()
            .map(|inner| PyProtectionEvidence {
                instrument: self.instrument.clone(),
                item: self.inner.id.to_string(),
                inner: inner.clone(),
            })
            .collect()
    }
    /// For a `not_found` item, why, for people.
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.inner.reason.as_deref()
    }
    /// For a `not_found` item, why, for code: `no_protection_text`, `protection_partial`,
    /// `protection_unknown` or `language_not_covered`.
    #[getter]
    fn cause(&self) -> Option<String> {
        self.inner.cause.as_ref().and_then(|cause| match serde_json::to_value(cause) {
            Ok(serde_json::Value::Object(fields)) => {
                fields.get("kind").and_then(|kind| kind.as_str()).map(str::to_owned)
            }
            _ => None,
        })
    }
    fn __repr__(&self) -> String {
        let state = match (self.inner.obligation, self.inner.evidence.first()) {
            (Some(obligation), Some(first)) => {
                format!("provided ({obligation}) at {} {:?}", first.eid, first.text)
            }
            _ => self.inner.state.to_string(),
        };
        format!("<ChecklistItem {} {}: {state}>", self.instrument, self.inner.id)
    }
});

impl Record for PyChecklistItem {
    const COLUMNS: &'static [&'static str] =
        &["instrument", "item", "label", "state", "obligation", "evidence_count", "eid", "line", "words", "reason"];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        let first = self.inner.evidence.first();
        row.set_item("instrument", &self.instrument)?;
        row.set_item("item", self.inner.id.as_str())?;
        row.set_item("label", &self.inner.label)?;
        row.set_item("state", self.inner.state.as_str())?;
        row.set_item("obligation", self.inner.obligation.map(lexdef::Obligation::as_str))?;
        row.set_item("evidence_count", self.inner.evidence.len())?;
        row.set_item("eid", first.map(|evidence| evidence.eid.as_str()))?;
        row.set_item("line", first.map(|evidence| evidence.line))?;
        row.set_item("words", first.map(|evidence| evidence.text.as_str()))?;
        row.set_item("reason", self.inner.reason.as_deref())?;
        Ok(row)
    }
    /// `item` a categorical in the checklist's order (so a pivot keeps it), `state` and
    /// `obligation` ordered categoricals in the core's order, the counts and lines `Int64`.
    fn schema(items: &[Self]) -> Schema {
        let mut ids: Vec<String> = Vec::new();
        for item in items {
            if !ids.iter().any(|id| id == item.inner.id.as_str()) {
                ids.push(item.inner.id.to_string());
            }
        }
        let schema = convert::schema_of(Self::COLUMNS);
        let schema = convert::retyped(schema, "item", Dtype::Category(ids));
        let schema = convert::retyped(schema, "state", Dtype::Ordered(states()));
        let schema = convert::retyped(schema, "obligation", Dtype::Ordered(obligations()));
        convert::retyped(schema, "evidence_count", Dtype::Integer)
    }
}

/// An instrument's items, each with the instrument's id.
fn items_of(checklist: &lexdef::Checklist) -> Vec<PyChecklistItem> {
    checklist
        .items
        .iter()
        .map(|inner| PyChecklistItem { instrument: checklist.instrument.to_string(), inner: inner.clone() })
        .collect()
}

/// What one instrument provides for victims, item by item: iterate over its items, or index
/// it by item (`checklist["compensation"]` or `["protection.compensation"]`).
#[pyclass(module = "lexdef", name = "InstrumentChecklist", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyInstrumentChecklist {
    pub(crate) inner: lexdef::Checklist,
}

value_class!(PyInstrumentChecklist, "InstrumentChecklist", {
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        self.inner.instrument.as_str()
    }
    /// The language of its text (ISO 639-1).
    #[getter]
    fn language(&self) -> &str {
        &self.inner.language
    }
    /// How much of its protection part the corpus holds: `complete`, `partial`, `none`, or
    /// `unknown` for a text without metadata.
    #[getter]
    fn protection(&self) -> &str {
        &self.inner.protection
    }
    /// The items, in the checklist's order.
    #[getter]
    fn items(&self) -> Vec<PyChecklistItem> {
        items_of(&self.inner)
    }
    /// How many of its items are provided.
    #[getter]
    fn provided(&self) -> usize {
        self.inner.provided()
    }
    fn __len__(&self) -> usize {
        self.inner.items.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        PyList::new(py, self.items())?.as_any().try_iter()
    }
    /// The item `id` (`compensation` or `protection.compensation`). A name that is no item
    /// raises `KeyError` saying what it may mean.
    fn __getitem__(&self, id: &str) -> PyResult<PyChecklistItem> {
        let id = item_id(id).map_err(|error| PyKeyError::new_err(error.to_string()))?;
        let inner = self.inner.item(&id).ok_or_else(|| {
            PyKeyError::new_err(format!("the checklist of {} was asked without the item `{id}`", self.inner.instrument))
        })?;
        Ok(PyChecklistItem { instrument: self.inner.instrument.to_string(), inner: inner.clone() })
    }
    fn __contains__(&self, id: &str) -> bool {
        item_id(id).is_ok_and(|id| self.inner.item(&id).is_some())
    }
    /// One dict per item (see `Checklist.to_pandas`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::records(py, &self.items())
    }
    /// One row per item, typed as `Checklist.to_pandas()`.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Pandas, &self.items())
    }
    /// The same as a polars DataFrame.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Polars, &self.items())
    }
    /// As the JSON writes it, as Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_value(&self.inner)?)
    }
    /// Its row of the grid and its evidence, in a notebook.
    fn _repr_html_(&self) -> String {
        lexdef::ChecklistSet::new(vec![self.inner.clone()]).to_html_fragment()
    }
    fn __repr__(&self) -> String {
        format!(
            "<InstrumentChecklist {}: {} of {} items provided (protection part: {})>",
            self.inner.instrument,
            self.inner.provided(),
            self.inner.items.len(),
            self.inner.protection
        )
    }
});

fn to_value<T: Serialize>(value: &T) -> PyResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))
}

/// The protection checklist of several instruments (`Corpus.checklist()`): iterate over the
/// instruments' checklists or index it by instrument id; `to_pandas()` gives a row per
/// instrument and item; in a notebook, the instruments × items grid with the law's words.
#[pyclass(module = "lexdef", name = "Checklist", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyChecklist {
    pub(crate) inner: lexdef::ChecklistSet,
}

impl PyChecklist {
    fn rows(&self) -> Vec<PyChecklistItem> {
        self.inner.instruments.iter().flat_map(items_of).collect()
    }
}

value_class!(PyChecklist, "Checklist", {
    /// The instruments, in the order asked for (corpus order by default).
    #[getter]
    fn instruments(&self) -> Vec<String> {
        self.inner.instruments.iter().map(|checklist| checklist.instrument.to_string()).collect()
    }
    /// The items (`protection.non_punishment`, ...), in the checklist's order.
    #[getter]
    fn items(&self) -> Vec<String> {
        self.inner
            .instruments
            .first()
            .map_or_else(Vec::new, |first| first.items.iter().map(|item| item.id.to_string()).collect())
    }
    fn __len__(&self) -> usize {
        self.inner.instruments.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        let checklists = self.inner.instruments.iter().map(|inner| PyInstrumentChecklist { inner: inner.clone() });
        PyList::new(py, checklists)?.as_any().try_iter()
    }
    fn __contains__(&self, id: &str) -> bool {
        self.inner.instruments.iter().any(|checklist| checklist.instrument.as_str() == id)
    }
    /// The checklist of instrument `id`; an id it does not hold raises `KeyError` naming
    /// those it may mean.
    fn __getitem__(&self, id: &str) -> PyResult<PyInstrumentChecklist> {
        if let Some(inner) = self.inner.instruments.iter().find(|checklist| checklist.instrument.as_str() == id) {
            return Ok(PyInstrumentChecklist { inner: inner.clone() });
        }
        let wanted = id.to_ascii_uppercase();
        let near: Vec<String> = self
            .instruments()
            .into_iter()
            .filter(|known| {
                let known = known.to_ascii_uppercase();
                !wanted.is_empty() && (known.contains(&wanted) || wanted.contains(&known))
            })
            .take(5)
            .collect();
        let hint = if near.is_empty() {
            format!(" (it holds {} instruments: see .instruments)", self.inner.instruments.len())
        } else {
            format!(" (did you mean {}?)", near.join(", "))
        };
        Err(PyKeyError::new_err(format!("the checklist has no instrument `{id}`{hint}")))
    }
    /// The instrument ids, for `checklist["<TAB>` in IPython and Jupyter.
    fn _ipython_key_completions_(&self) -> Vec<String> {
        self.instruments()
    }
    /// One dict per instrument and item (see `to_pandas`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::records(py, &self.rows())
    }
    /// One row per instrument and item: `instrument`, `item` (a categorical in the
    /// checklist's order), `label`, `state` (`provided` < `not_provided` < `not_found`, an
    /// ordered categorical), `obligation` (`discretionary` < `conditional` < `mandatory`,
    /// `<NA>` unless provided), `evidence_count` and the first evidence's `eid`, `line`
    /// (`Int64`) and `words`, and `reason` (why an item is not found).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Pandas, &self.rows())
    }
    /// The same as a polars DataFrame (categoricals as `Enum`s).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Polars, &self.rows())
    }
    /// JSON (schema `lexdef-checklist/1`), as `lexdef checklist --format json` writes it.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// The JSON as Python values (dicts and lists).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_value(&self.inner)?)
    }
    /// For people: an instrument per block, an item per line, the words under it.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }
    /// Markdown: the instruments × items grid, then each instrument's evidence.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }
    /// CSV: a row per instrument and item, as `lexdef checklist --format csv`.
    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }
    /// The grid and the evidence as an HTML fragment with its own scoped style (the page
    /// `lexdef checklist --format html` writes holds the same).
    fn to_html(&self) -> String {
        self.inner.to_html_fragment()
    }
    fn _repr_html_(&self) -> String {
        self.inner.to_html_fragment()
    }
    fn __repr__(&self) -> String {
        let items = self.inner.instruments.first().map_or(0, |first| first.items.len());
        let provided: usize = self.inner.instruments.iter().map(lexdef::Checklist::provided).sum();
        format!("<Checklist of {} instruments × {items} items: {provided} provided>", self.inner.instruments.len())
    }
});

/// The checklists of `instruments`, their items narrowed to `items` (full ids) if given.
pub(crate) fn read(
    instruments: &[&lexdef::Instrument],
    lexicon: &lexdef::Lexicon,
    items: Option<&[String]>,
) -> PyChecklist {
    let vocabulary = vocabulary();
    let checklists = instruments
        .iter()
        .map(|instrument| {
            let mut checklist = vocabulary.read(instrument, lexicon);
            if let Some(items) = items {
                checklist.items.retain(|item| items.iter().any(|id| id == item.id.as_str()));
            }
            checklist
        })
        .collect();
    PyChecklist { inner: lexdef::ChecklistSet::new(checklists) }
}

/// `item_id` for every name given, with the core's error for the first unknown one.
pub(crate) fn item_ids(names: &[String]) -> PyResult<Vec<String>> {
    names.iter().map(|name| item_id(name)).collect::<lexdef::Result<Vec<_>>>().py_result()
}
