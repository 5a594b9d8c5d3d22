//! The result classes: thin wrappers around the core's values, with attributes, a `repr`,
//! records for pandas and pickling. Nothing here decides anything about the law.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::{Deserialize, Serialize};

use crate::convert::{
    self, item_frame, json_to_py, qualifier_cell, qualifier_dtype, qualifier_value, result_list, serial_name,
    value_class, Dtype, Frames, Record, Schema,
};
use crate::errors::IntoPyResult;

/// Words of the law behind a fact, and where they are.
#[pyclass(module = "lexdef", name = "Evidence", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyEvidence {
    pub(crate) inner: lexdef::Evidence,
}

value_class!(PyEvidence, "Evidence", {
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        self.inner.instrument.as_str()
    }
    /// The provision holding the words.
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
    /// How they matched the lexicon: `exact`, `folded`, `fuzzy`, or `None` for a qualifier.
    #[getter]
    fn method(&self) -> Option<&'static str> {
        self.inner.method.map(|method| match method {
            lexdef::MatchMethod::Exact => "exact",
            lexdef::MatchMethod::Folded => "folded",
            lexdef::MatchMethod::Fuzzy { .. } => "fuzzy",
        })
    }
    /// For a fuzzy match, the lowest word similarity (0 to 1).
    #[getter]
    fn score(&self) -> Option<f64> {
        match self.inner.method {
            Some(lexdef::MatchMethod::Fuzzy { score }) => Some(score),
            _ => None,
        }
    }
    fn __repr__(&self) -> String {
        format!(
            "<Evidence {} {} line {}: {:?}>",
            self.inner.instrument, self.inner.eid, self.inner.line, self.inner.text
        )
    }
});

fn evidence_list(evidence: &[lexdef::Evidence]) -> Vec<PyEvidence> {
    evidence.iter().map(|inner| PyEvidence { inner: inner.clone() }).collect()
}

/// An element a definition names (`act.recruitment`, `means.coercion`, ...), with its words.
#[pyclass(module = "lexdef", name = "Element", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyElement {
    pub(crate) inner: lexdef::ElementPresence,
}

value_class!(PyElement, "Element", {
    /// The element id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// `act`, `means` or `purpose`.
    #[getter]
    fn family(&self) -> String {
        serial_name(&self.inner.id.family())
    }
    /// Every place the definition names it.
    #[getter]
    fn evidence(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.evidence)
    }
    fn __repr__(&self) -> String {
        let words = self.inner.evidence.first().map_or(String::new(), |evidence| format!(" {:?}", evidence.text));
        format!("<Element {}{words}>", self.inner.id)
    }
});

/// A qualifier of a definition (child age, consent, ...): its value and what settles it.
#[pyclass(module = "lexdef", name = "Qualifier", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyQualifier {
    /// The instrument whose definition it qualifies.
    #[serde(default)]
    pub(crate) instrument: String,
    pub(crate) name: lexdef::QualifierName,
    pub(crate) inner: lexdef::Qualifier,
}

value_class!(PyQualifier, "Qualifier", {
    /// The instrument whose definition it qualifies.
    #[getter]
    fn instrument(&self) -> &str {
        &self.instrument
    }
    /// `child_age`, `consent_irrelevant`, ...
    #[getter]
    fn name(&self) -> &'static str {
        self.name.as_str()
    }
    /// An int, a bool or a name; `"unknown"` where the text does not settle it.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        qualifier_value(py, &self.inner.value)
    }
    /// Whether the text settles it.
    #[getter]
    fn known(&self) -> bool {
        self.inner.value != lexdef::QualifierValue::Unknown
    }
    /// Where no words settle it, why the value follows (or why it is unknown).
    #[getter]
    fn basis(&self) -> Option<&str> {
        self.inner.basis.as_deref()
    }
    /// The words that settle it.
    #[getter]
    fn evidence(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.evidence)
    }
    fn __repr__(&self) -> String {
        format!("<Qualifier {} {} = {}>", self.instrument, self.name, self.inner.value)
    }
});

impl Record for PyQualifier {
    const COLUMNS: &'static [&'static str] = &["instrument", "qualifier", "value", "reason", "words", "eid", "line"];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        let evidence = self.inner.evidence.first();
        row.set_item("instrument", &self.instrument)?;
        row.set_item("qualifier", self.name.as_str())?;
        row.set_item("value", qualifier_cell(py, &self.inner.value))?;
        row.set_item("reason", self.inner.basis.as_deref())?;
        row.set_item("words", evidence.map(|evidence| evidence.text.as_str()))?;
        row.set_item("eid", evidence.map(|evidence| evidence.eid.as_str()))?;
        row.set_item("line", evidence.map(|evidence| evidence.line))?;
        Ok(row)
    }
    /// `value` takes the qualifier's dtype (`Int64` for `child_age`, ...).
    fn schema(items: &[Self]) -> Schema {
        let schema = convert::schema_of(Self::COLUMNS);
        match items.first() {
            Some(first) => convert::retyped(schema, "value", qualifier_dtype(first.name)),
            None => schema,
        }
    }
}

result_list!(
    PyQualifiers,
    "Qualifiers",
    PyQualifier,
    "One qualifier of every instrument's definition, by instrument: its value (`None` where the text does not settle it), the reason where no words settle it, and the words."
);

/// Why each qualifier has its value where no words settle it (or why it is unknown): by
/// instrument, then qualifier. The matrix's `<qualifier>_reason` columns.
pub(crate) type Reasons = BTreeMap<String, BTreeMap<String, String>>;

/// The reasons of the models' qualifiers.
pub(crate) fn qualifier_reasons<'m>(models: impl Iterator<Item = &'m lexdef::TermModel>) -> Reasons {
    models
        .map(|model| {
            let reasons = model
                .qualifiers
                .iter()
                .filter_map(|(name, qualifier)| Some((name.to_string(), qualifier.basis.clone()?)))
                .collect();
            (model.instrument.to_string(), reasons)
        })
        .collect()
}

/// What one instrument's definition of one concept contains: elements and qualifiers, each
/// with the words behind it; what the complete text lacks (`absent`), and what could not be
/// read (`not_found`, with the reason).
#[pyclass(module = "lexdef", name = "TermModel", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyTermModel {
    pub(crate) inner: lexdef::TermModel,
}

impl PyTermModel {
    fn frame<'py>(&self, py: Python<'py>, library: Frames) -> PyResult<Bound<'py, PyAny>> {
        let columns = ["instrument", "element", "family", "state", "words", "eid", "line", "reason"];
        convert::frame(py, library, self.to_records(py)?, &convert::schema_of(&columns), None)
    }

    /// The core's state of the element (`TermModel::state`); an id that is not an element id
    /// at all is read as the core reads an element the model does not hold (the Python
    /// `state` refuses such ids first, with suggestions).
    fn state(&self, id: &str) -> &'static str {
        match id.parse::<lexdef::ElementId>() {
            Ok(id) => self.inner.state(&id).as_str(),
            Err(_) if self.inner.definition.is_none() => lexdef::ElementState::NotDefined.as_str(),
            Err(_) => lexdef::ElementState::Absent.as_str(),
        }
    }
}

value_class!(PyTermModel, "TermModel", {
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        self.inner.instrument.as_str()
    }
    /// The concept.
    #[getter]
    fn concept(&self) -> &str {
        self.inner.concept.as_str()
    }
    /// Whether the text seen defines the concept.
    #[getter]
    fn defined(&self) -> bool {
        self.inner.definition.is_some()
    }
    /// The provision the model was built from.
    #[getter]
    fn eid(&self) -> Option<&str> {
        self.inner.definition.as_ref().map(|source| source.eid.as_str())
    }
    /// The defined term as written (empty for a constitutive definition).
    #[getter]
    fn term(&self) -> Option<&str> {
        self.inner.definition.as_ref().map(|source| source.term.as_str())
    }
    /// How the definition is worded (`means`, `refers-to`, `constitutive`, ...).
    #[getter]
    fn form(&self) -> Option<String> {
        self.inner.definition.as_ref().map(|source| serial_name(&source.form))
    }
    /// Other definitions the model drew on (of exploitation, of child, ...).
    #[getter]
    fn linked(&self) -> Vec<String> {
        self.inner
            .definition
            .as_ref()
            .map_or_else(Vec::new, |source| source.linked.iter().map(ToString::to_string).collect())
    }
    /// The elements the text names, in id order.
    #[getter]
    fn elements(&self) -> Vec<PyElement> {
        self.inner.elements.iter().map(|inner| PyElement { inner: inner.clone() }).collect()
    }
    /// The qualifiers, by name.
    #[getter]
    fn qualifiers(&self) -> BTreeMap<String, PyQualifier> {
        self.inner
            .qualifiers
            .iter()
            .map(|(name, inner)| {
                let instrument = self.inner.instrument.to_string();
                (name.to_string(), PyQualifier { instrument, name: *name, inner: inner.clone() })
            })
            .collect()
    }
    /// Elements the complete text does not name: a fact about the law.
    #[getter]
    fn absent(&self) -> Vec<String> {
        self.inner.absent.iter().map(ToString::to_string).collect()
    }
    /// Items of the definition's list of purposes that match no element: words lexdef did not
    /// read, each with its place (a purpose the list does not name is then not called absent).
    #[getter]
    fn unrecognised(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.unrecognised)
    }
    /// Elements that cannot be called absent, with the reason: `{id: reason}`.
    #[getter]
    fn not_found(&self) -> BTreeMap<String, String> {
        self.inner.not_found.iter().map(|item| (item.id.to_string(), item.reason.clone())).collect()
    }
    /// `present`, `absent`, `not_found` or `not_defined` for one element id. An id that is
    /// no element of the model or of the bundled lexicon raises `QueryError` naming the ids
    /// it may mean (`means.vulnerability`: `means.abuse_of_vulnerability`): a typo must never
    /// read as a law that lacks the element.
    #[pyo3(name = "state")]
    fn state_of(&self, element: &str) -> PyResult<&'static str> {
        let model = &self.inner;
        let known = model
            .elements
            .iter()
            .map(|presence| &presence.id)
            .chain(&model.absent)
            .chain(model.not_found.iter().map(|item| &item.id))
            .any(|id| id.as_str() == element);
        if !known {
            crate::lexicon::bundled().element(element).py_result()?;
        }
        Ok(self.state(element))
    }
    /// One record per element the model speaks of: present (with its first words), absent or
    /// not found (with the reason).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        let mut ids: Vec<&lexdef::ElementId> = self.inner.elements.iter().map(|presence| &presence.id).collect();
        ids.extend(self.inner.absent.iter());
        ids.extend(self.inner.not_found.iter().map(|item| &item.id));
        ids.sort();
        ids.dedup();
        for id in ids {
            let row = PyDict::new(py);
            row.set_item("instrument", self.inner.instrument.as_str())?;
            row.set_item("element", id.as_str())?;
            row.set_item("family", serial_name(&id.family()))?;
            row.set_item("state", self.state(id.as_str()))?;
            let evidence = self
                .inner
                .elements
                .iter()
                .find(|presence| &presence.id == id)
                .and_then(|presence| presence.evidence.first());
            row.set_item("words", evidence.map(|evidence| evidence.text.as_str()))?;
            row.set_item("eid", evidence.map(|evidence| evidence.eid.as_str()))?;
            row.set_item("line", evidence.map(|evidence| evidence.line))?;
            row.set_item(
                "reason",
                self.inner.not_found.iter().find(|item| &item.id == id).map(|item| item.reason.as_str()),
            )?;
            list.append(row)?;
        }
        Ok(list)
    }
    /// The records as a pandas DataFrame (`state` an ordered categorical, `line` `Int64`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, Frames::Pandas)
    }
    /// The records as a polars DataFrame.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, Frames::Polars)
    }
    /// The elements and qualifiers with the law's words, in a notebook.
    fn _repr_html_(&self) -> String {
        self.inner.to_html_fragment()
    }
    fn __repr__(&self) -> String {
        match &self.inner.definition {
            None => {
                format!("<TermModel {} {}: not defined in the text seen>", self.inner.instrument, self.inner.concept)
            }
            Some(source) => format!(
                "<TermModel {} {} [{}]: {} elements, {} absent, {} not found>",
                self.inner.instrument,
                self.inner.concept,
                source.eid,
                self.inner.elements.len(),
                self.inner.absent.len(),
                self.inner.not_found.len()
            ),
        }
    }
});

/// A definition found in an instrument.
#[pyclass(module = "lexdef", name = "Definition", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyDefinition {
    pub(crate) instrument: String,
    pub(crate) jurisdiction: Option<String>,
    pub(crate) inner: lexdef::Definition,
    pub(crate) text: String,
}

value_class!(PyDefinition, "Definition", {
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        &self.instrument
    }
    /// The instrument's jurisdiction, where its metadata gives one.
    #[getter]
    fn jurisdiction(&self) -> Option<&str> {
        self.jurisdiction.as_deref()
    }
    /// The term as written (empty for a constitutive definition).
    #[getter]
    fn term(&self) -> &str {
        &self.inner.term
    }
    /// The concept the term names, per the lexicon.
    #[getter]
    fn concept(&self) -> Option<&str> {
        self.inner.concept.as_ref().map(|concept| concept.as_str())
    }
    /// How it is worded: `means`, `includes`, `refers-to`, `constitutive`, ...
    #[getter]
    fn form(&self) -> String {
        serial_name(&self.inner.form)
    }
    /// The provision that holds it.
    #[getter]
    fn eid(&self) -> &str {
        self.inner.eid.as_str()
    }
    /// The line of the instrument's file.
    #[getter]
    fn line(&self) -> usize {
        self.inner.line
    }
    /// It is in the quoted text of an amendment.
    #[getter]
    fn quoted(&self) -> bool {
        self.inner.quoted
    }
    /// Text is missing within or right after it.
    #[getter]
    fn incomplete(&self) -> bool {
        self.inner.incomplete
    }
    /// The provision's words.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Where it is and its provision's words, in a notebook.
    fn _repr_html_(&self) -> String {
        self.inner.to_html_fragment(&self.instrument, &self.text)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Definition {} [{}] {:?} ({}, {})>",
            self.instrument,
            self.inner.eid,
            self.inner.term,
            self.concept().unwrap_or("no concept"),
            self.form()
        )
    }
});

impl Record for PyDefinition {
    const COLUMNS: &'static [&'static str] =
        &["instrument", "jurisdiction", "term", "concept", "form", "eid", "line", "quoted", "incomplete", "text"];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        row.set_item("instrument", &self.instrument)?;
        row.set_item("jurisdiction", &self.jurisdiction)?;
        row.set_item("term", &self.inner.term)?;
        row.set_item("concept", self.concept())?;
        row.set_item("form", self.form())?;
        row.set_item("eid", self.inner.eid.as_str())?;
        row.set_item("line", self.inner.line)?;
        row.set_item("quoted", self.inner.quoted)?;
        row.set_item("incomplete", self.inner.incomplete)?;
        row.set_item("text", &self.text)?;
        Ok(row)
    }
}

result_list!(PyDefinitions, "Definitions", PyDefinition, "Definitions, in corpus and text order.");

/// A numbered unit of a text (article, section, paragraph, ...).
#[pyclass(module = "lexdef", name = "Provision", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyProvision {
    pub(crate) instrument: String,
    pub(crate) depth: usize,
    pub(crate) inner: lexdef::Provision,
    pub(crate) text: String,
}

value_class!(PyProvision, "Provision", {
    /// Its Akoma Ntoso-style id (`sec_2__subsec_1__para_b`).
    #[getter]
    fn eid(&self) -> &str {
        self.inner.eid.as_str()
    }
    /// `article`, `section`, `paragraph`, ...
    #[getter]
    fn kind(&self) -> String {
        serial_name(&self.inner.kind)
    }
    /// The number exactly as printed, where there is one.
    #[getter]
    fn number(&self) -> Option<&str> {
        self.inner.num.as_deref()
    }
    /// Its heading, where it has one.
    #[getter]
    fn heading(&self) -> Option<&str> {
        self.inner.heading.as_deref()
    }
    /// The line of the file where it starts.
    #[getter]
    fn line(&self) -> usize {
        self.inner.line
    }
    /// How deep in the tree (0 for a top-level provision).
    #[getter]
    fn depth(&self) -> usize {
        self.depth
    }
    /// Part of the quoted text of an amendment.
    #[getter]
    fn quoted(&self) -> bool {
        self.inner.quoted
    }
    /// The provision as printed.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    fn __repr__(&self) -> String {
        format!("<Provision {} {}>", self.instrument, self.inner.eid)
    }
});

impl Record for PyProvision {
    const COLUMNS: &'static [&'static str] =
        &["instrument", "eid", "kind", "number", "heading", "line", "depth", "quoted", "text"];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        row.set_item("instrument", &self.instrument)?;
        row.set_item("eid", self.inner.eid.as_str())?;
        row.set_item("kind", self.kind())?;
        row.set_item("number", self.number())?;
        row.set_item("heading", self.heading())?;
        row.set_item("line", self.inner.line)?;
        row.set_item("depth", self.depth)?;
        row.set_item("quoted", self.inner.quoted)?;
        row.set_item("text", &self.text)?;
        Ok(row)
    }
}

result_list!(PyProvisions, "Provisions", PyProvision, "Provisions, in text order.");

/// A departure of a subject's definition from a baseline's, with the words on both sides.
#[pyclass(module = "lexdef", name = "Divergence", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyDivergence {
    pub(crate) inner: lexdef::Divergence,
}

value_class!(PyDivergence, "Divergence", {
    /// `missing_element`, `additional_element`, `qualifier_mismatch`, ...
    #[getter]
    fn kind(&self) -> String {
        serial_name(&self.inner.kind)
    }
    /// The subject instrument.
    #[getter]
    fn instrument(&self) -> &str {
        self.inner.instrument.as_str()
    }
    /// The baseline instrument.
    #[getter]
    fn baseline(&self) -> &str {
        self.inner.baseline_instrument.as_str()
    }
    /// The concept compared.
    #[getter]
    fn concept(&self) -> &str {
        &self.inner.concept
    }
    /// The element, for element findings.
    #[getter]
    fn element(&self) -> Option<&str> {
        self.inner.element.as_ref().map(|element| element.as_str())
    }
    /// The qualifier, for qualifier findings.
    #[getter]
    fn qualifier(&self) -> Option<&'static str> {
        self.inner.qualifier.map(lexdef::QualifierName::as_str)
    }
    /// `narrower`, `broader` or `different`.
    #[getter]
    fn direction(&self) -> String {
        serial_name(&self.inner.direction)
    }
    /// `high`, `medium`, `low` or `info`.
    #[getter]
    fn severity(&self) -> String {
        serial_name(&self.inner.severity)
    }
    /// Whether both texts settle it.
    #[getter]
    fn certain(&self) -> bool {
        matches!(self.inner.confidence, lexdef::Confidence::Certain)
    }
    /// Why it is uncertain: the gap or the missing definition it rests on.
    #[getter]
    fn uncertain_reason(&self) -> Option<&str> {
        match &self.inner.confidence {
            lexdef::Confidence::Certain => None,
            lexdef::Confidence::Uncertain { reason } => Some(reason),
        }
    }
    /// The subject's side: `present`/`absent`/`not_found`, a qualifier value, or words.
    #[getter]
    fn subject_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.subject.value)
    }
    /// The baseline's side.
    #[getter]
    fn baseline_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.baseline.value)
    }
    /// The subject's words.
    #[getter]
    fn subject_evidence(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.subject.evidence)
    }
    /// The baseline's words.
    #[getter]
    fn baseline_evidence(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.baseline.evidence)
    }
    /// For a wording variance, the similarity of the two wordings (0 to 1).
    #[getter]
    fn similarity(&self) -> Option<f64> {
        self.inner.similarity
    }
    /// A sentence saying what the finding means.
    #[getter]
    fn summary(&self) -> &str {
        &self.inner.summary
    }
    fn __repr__(&self) -> String {
        let uncertain = if self.certain() { "" } else { " (uncertain)" };
        format!("<Divergence {} {}: {}{uncertain}>", self.inner.instrument, self.kind(), self.inner.summary)
    }
});

fn first_words(evidence: &[lexdef::Evidence]) -> Option<&str> {
    evidence.first().map(|evidence| evidence.text.as_str())
}

impl Record for PyDivergence {
    const COLUMNS: &'static [&'static str] = &[
        "instrument",
        "baseline",
        "kind",
        "element",
        "qualifier",
        "direction",
        "severity",
        "certain",
        "uncertain_reason",
        "subject_value",
        "baseline_value",
        "subject_words",
        "subject_eid",
        "subject_line",
        "baseline_words",
        "summary",
    ];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        let subject = self.inner.subject.evidence.first();
        row.set_item("instrument", self.inner.instrument.as_str())?;
        row.set_item("baseline", self.inner.baseline_instrument.as_str())?;
        row.set_item("kind", self.kind())?;
        row.set_item("element", self.element())?;
        row.set_item("qualifier", self.qualifier())?;
        row.set_item("direction", self.direction())?;
        row.set_item("severity", self.severity())?;
        row.set_item("certain", self.certain())?;
        row.set_item("uncertain_reason", self.uncertain_reason())?;
        row.set_item("subject_value", json_to_py(py, &self.inner.subject.value)?)?;
        row.set_item("baseline_value", json_to_py(py, &self.inner.baseline.value)?)?;
        row.set_item("subject_words", first_words(&self.inner.subject.evidence))?;
        row.set_item("subject_eid", subject.map(|evidence| evidence.eid.as_str()))?;
        row.set_item("subject_line", subject.map(|evidence| evidence.line))?;
        row.set_item("baseline_words", first_words(&self.inner.baseline.evidence))?;
        row.set_item("summary", &self.inner.summary)?;
        Ok(row)
    }
}

result_list!(PyDivergences, "Divergences", PyDivergence, "Divergences, sorted by instrument, kind and element.");

/// One definition compared with a baseline's: both models, the divergences, and in a
/// notebook the two definitions side by side with their words marked.
#[pyclass(module = "lexdef", name = "Comparison", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyComparison {
    pub(crate) subject: lexdef::TermModel,
    pub(crate) baseline: lexdef::TermModel,
    pub(crate) divergences: Vec<lexdef::Divergence>,
    pub(crate) html: String,
    /// The comparison's report (for its text).
    pub(crate) comparison: lexdef::Comparison,
}

value_class!(PyComparison, "Comparison", {
    /// The subject's model.
    #[getter]
    fn subject(&self) -> PyTermModel {
        PyTermModel { inner: self.subject.clone() }
    }
    /// The baseline's model.
    #[getter]
    fn baseline(&self) -> PyTermModel {
        PyTermModel { inner: self.baseline.clone() }
    }
    /// The divergences.
    #[getter]
    fn divergences(&self) -> PyDivergences {
        PyDivergences { items: self.divergences.iter().map(|inner| PyDivergence { inner: inner.clone() }).collect() }
    }
    fn __len__(&self) -> usize {
        self.divergences.len()
    }
    /// The divergences as records.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::records(py, &self.divergences().items)
    }
    /// The divergences as a pandas DataFrame.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Pandas, &self.divergences().items)
    }
    /// The divergences as a polars DataFrame.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Polars, &self.divergences().items)
    }
    /// The comparison as plain text: what `lexdef compare` prints (`wording=True`: with the
    /// wording variances, as `lexdef compare --wording`).
    #[pyo3(signature = (wording = false))]
    fn to_text(&self, wording: bool) -> String {
        if wording {
            self.comparison.report.to_text()
        } else {
            self.comparison.report_without_wording().to_text()
        }
    }
    fn _repr_html_(&self) -> &str {
        &self.html
    }
    fn __repr__(&self) -> String {
        format!(
            "<Comparison {} with {} ({}): {} divergences>",
            self.subject.instrument,
            self.baseline.instrument,
            self.subject.concept,
            self.divergences.len()
        )
    }
});

/// Instruments × elements (and qualifiers): the overview researchers plot. A cell is
/// `present`, `absent` (the complete text lacks it), `not_found` (the text seen is
/// incomplete or not in a language the lexicon covers) or `not_defined`.
#[pyclass(module = "lexdef", name = "Matrix", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyMatrix {
    pub(crate) inner: lexdef::Matrix,
    /// Why each qualifier has its value where no words settle it.
    #[serde(default)]
    pub(crate) reasons: Reasons,
}

impl PyMatrix {
    /// The columns of its records and frames: `instrument`, the elements (ordered
    /// categoricals of the states), then each qualifier (its own dtype) and its reason.
    fn schema(&self) -> Schema {
        let mut schema: Schema = vec![("instrument".to_owned(), Dtype::Text)];
        schema.extend(self.inner.elements.iter().map(|element| (element.clone(), convert::dtype_of("state"))));
        for qualifier in &self.inner.qualifiers {
            schema.push((qualifier.to_string(), qualifier_dtype(*qualifier)));
            schema.push((format!("{qualifier}_reason"), Dtype::Text));
        }
        schema
    }

    fn frame<'py>(&self, py: Python<'py>, library: Frames) -> PyResult<Bound<'py, PyAny>> {
        convert::frame(py, library, self.to_records(py)?, &self.schema(), Some("instrument"))
    }
}

value_class!(PyMatrix, "Matrix", {
    /// The element columns.
    #[getter]
    fn elements(&self) -> Vec<String> {
        self.inner.elements.clone()
    }
    /// The qualifier columns.
    #[getter]
    fn qualifiers(&self) -> Vec<&'static str> {
        self.inner.qualifiers.iter().map(|name| name.as_str()).collect()
    }
    /// The rows' instrument ids.
    #[getter]
    fn instruments(&self) -> Vec<String> {
        self.inner.rows.iter().map(|row| row.instrument.to_string()).collect()
    }
    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }
    /// One cell: an element's state or a qualifier's value.
    fn value<'py>(&self, py: Python<'py>, instrument: &str, column: &str) -> PyResult<Bound<'py, PyAny>> {
        let row =
            self.inner.rows.iter().find(|row| row.instrument.as_str() == instrument).ok_or_else(|| {
                pyo3::exceptions::PyKeyError::new_err(format!("the matrix has no row `{instrument}`"))
            })?;
        if let Some(state) = row.elements.get(column) {
            return Ok(pyo3::types::PyString::new(py, state).into_any());
        }
        match column.parse().ok().and_then(|name: lexdef::QualifierName| row.qualifiers.get(&name)) {
            Some(value) => Ok(qualifier_value(py, value)),
            None => Err(pyo3::exceptions::PyKeyError::new_err(format!("the matrix has no column `{column}`"))),
        }
    }
    /// One dict per instrument: `instrument`, a key per element (its state), then per
    /// qualifier its value (`None` where the text does not settle it) and
    /// `<qualifier>_reason` (why, where no words settle it).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for row in &self.inner.rows {
            let record = PyDict::new(py);
            record.set_item("instrument", row.instrument.as_str())?;
            for element in &self.inner.elements {
                record.set_item(element, row.elements.get(element))?;
            }
            let reasons = self.reasons.get(row.instrument.as_str());
            for qualifier in &self.inner.qualifiers {
                let value = row.qualifiers.get(qualifier).and_then(|value| qualifier_cell(py, value));
                record.set_item(qualifier.as_str(), value)?;
                let reason = reasons.and_then(|reasons| reasons.get(qualifier.as_str()));
                record.set_item(format!("{qualifier}_reason"), reason)?;
            }
            list.append(record)?;
        }
        Ok(list)
    }
    /// A DataFrame indexed by instrument: a column per element (an ordered categorical of
    /// the states), then per qualifier its value (`Int64`, `boolean` or a categorical, `<NA>`
    /// where the text does not settle it) and `<qualifier>_reason`.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, Frames::Pandas)
    }
    /// The same as a polars DataFrame, `instrument` its first column.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, Frames::Polars)
    }
    /// A heatmap of the elements' states (matplotlib, imported only now), in Okabe and Ito's
    /// colour-blind-safe palette with a legend naming each state; `instruments` picks and
    /// orders the rows, `ax` draws on an existing Axes. Returns the Axes.
    #[pyo3(signature = (instruments = None, ax = None))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        instruments: Option<Vec<String>>,
        ax: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let plot = slf.py().import("lexdef._plot")?;
        plot.call_method1("plot_matrix", (slf, instruments, ax))
    }
    /// A coloured grid with a legend, in a notebook.
    fn _repr_html_(&self) -> String {
        self.inner.to_html_fragment()
    }
    fn __repr__(&self) -> String {
        format!(
            "<Matrix {} instruments × {} elements, {} qualifiers>",
            self.inner.rows.len(),
            self.inner.elements.len(),
            self.inner.qualifiers.len()
        )
    }
});

/// The divergence report of a corpus against a baseline: every instrument's findings, the
/// matrix and pairwise counts; in a notebook, the HTML report.
#[pyclass(module = "lexdef", name = "Report", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyReport {
    pub(crate) inner: lexdef::Report,
    pub(crate) html: String,
    /// Why each qualifier of the matrix has its value where no words settle it.
    #[serde(default)]
    pub(crate) reasons: Reasons,
}

value_class!(PyReport, "Report", {
    /// The baseline instrument id.
    #[getter]
    fn baseline(&self) -> &str {
        self.inner.baseline.as_str()
    }
    /// The concept compared.
    #[getter]
    fn concept(&self) -> &str {
        &self.inner.concept
    }
    /// The instruments compared (the baseline aside).
    #[getter]
    fn instruments(&self) -> Vec<String> {
        self.inner.instruments.iter().map(|entry| entry.instrument.to_string()).collect()
    }
    /// Every instrument's findings.
    #[getter]
    fn divergences(&self) -> PyDivergences {
        PyDivergences {
            items: self
                .inner
                .instruments
                .iter()
                .flat_map(|entry| entry.findings.iter().map(|inner| PyDivergence { inner: inner.clone() }))
                .collect(),
        }
    }
    /// The matrix, baseline included.
    #[getter]
    fn matrix(&self) -> PyMatrix {
        PyMatrix { inner: self.inner.matrix.clone(), reasons: self.reasons.clone() }
    }
    /// Whether the pairwise counts were left out (too many definitions).
    #[getter]
    fn pairwise_omitted(&self) -> bool {
        self.inner.pairwise_omitted
    }
    /// `{(a, b): divergences of a from b}`, wording variances aside.
    #[getter]
    fn pairwise(&self) -> BTreeMap<(String, String), usize> {
        self.inner.pairwise.iter().map(|pair| ((pair.a.to_string(), pair.b.to_string()), pair.divergences)).collect()
    }
    /// The findings as records.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::records(py, &self.divergences().items)
    }
    /// The findings as a pandas DataFrame.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Pandas, &self.divergences().items)
    }
    /// The findings as a polars DataFrame.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Polars, &self.divergences().items)
    }
    /// The report as JSON (schema `lexdef-report/1`).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// As Markdown.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }
    /// The matrix as CSV.
    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }
    /// As plain text.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }
    /// Each translation of the corpus checked against its original (independent of the
    /// baseline).
    #[getter]
    fn translation(&self) -> PyTranslationCheck {
        PyTranslationCheck {
            inner: lexdef::TranslationCheck {
                concept: self.inner.concept.clone(),
                pairs: self.inner.translation.clone(),
            },
        }
    }
    /// The HTML report (a fragment with its own scoped style).
    fn to_html(&self) -> &str {
        &self.html
    }
    fn _repr_html_(&self) -> &str {
        &self.html
    }
    fn __repr__(&self) -> String {
        format!(
            "<Report {} against {}: {} instruments, {} findings>",
            self.inner.concept,
            self.inner.baseline,
            self.inner.instruments.len(),
            self.inner.instruments.iter().map(|entry| entry.findings.len()).sum::<usize>()
        )
    }
});

/// A search hit: a provision or a definition, with a snippet.
#[pyclass(module = "lexdef", name = "Hit", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyHit {
    pub(crate) inner: lexdef::Hit,
}

value_class!(PyHit, "Hit", {
    /// `provision` or `definition`.
    #[getter]
    fn kind(&self) -> &str {
        &self.inner.doc_type
    }
    /// The instrument id.
    #[getter]
    fn instrument(&self) -> &str {
        &self.inner.instrument
    }
    /// Its jurisdiction.
    #[getter]
    fn jurisdiction(&self) -> &str {
        &self.inner.jurisdiction
    }
    /// The provision.
    #[getter]
    fn eid(&self) -> &str {
        &self.inner.eid
    }
    /// The line of the file.
    #[getter]
    fn line(&self) -> u64 {
        self.inner.line
    }
    /// The relevance score.
    #[getter]
    fn score(&self) -> f32 {
        self.inner.score
    }
    /// Words around the match.
    #[getter]
    fn snippet(&self) -> &str {
        &self.inner.snippet
    }
    /// `(start, end)` character offsets of the matched words in `snippet`.
    #[getter]
    fn highlights(&self) -> Vec<(usize, usize)> {
        // The core gives byte offsets; Python slices strings by character.
        let snippet = &self.inner.snippet;
        let characters = |byte: usize| snippet.get(..byte).map_or(0, |prefix| prefix.chars().count());
        self.inner.highlights.iter().map(|&(start, end)| (characters(start), characters(end))).collect()
    }
    /// The whole provision or definition text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// For a definition, its term.
    #[getter]
    fn term(&self) -> Option<&str> {
        self.inner.term.as_deref()
    }
    fn __repr__(&self) -> String {
        format!(
            "<Hit {} {} {} line {}: {:?}>",
            self.inner.doc_type, self.inner.instrument, self.inner.eid, self.inner.line, self.inner.snippet
        )
    }
});

impl Record for PyHit {
    const COLUMNS: &'static [&'static str] =
        &["kind", "instrument", "jurisdiction", "eid", "line", "score", "term", "snippet"];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        row.set_item("kind", &self.inner.doc_type)?;
        row.set_item("instrument", &self.inner.instrument)?;
        row.set_item("jurisdiction", &self.inner.jurisdiction)?;
        row.set_item("eid", &self.inner.eid)?;
        row.set_item("line", self.inner.line)?;
        row.set_item("score", self.inner.score)?;
        row.set_item("term", &self.inner.term)?;
        row.set_item("snippet", &self.inner.snippet)?;
        Ok(row)
    }
}

result_list!(PyHits, "Hits", PyHit, "Search hits, best first; ties in document order.", {
    /// A table of the hits with the matched words marked, in a notebook.
    fn _repr_html_(&self) -> String {
        lexdef::Hit::to_html_table(self.items.iter().map(|hit| &hit.inner))
    }
});

/// A problem met while loading or parsing, and where: an error (the file was left out) or a
/// warning (the work went on).
#[pyclass(module = "lexdef", name = "Diagnostic", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyDiagnostic {
    pub(crate) severity: String,
    pub(crate) file: String,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    pub(crate) kind: Option<String>,
    pub(crate) message: String,
}

impl PyDiagnostic {
    pub(crate) fn of_warning(warning: &lexdef::Warning) -> PyDiagnostic {
        PyDiagnostic {
            severity: "warning".to_owned(),
            file: warning.location.file.clone(),
            line: Some(warning.location.line),
            column: Some(warning.location.column),
            kind: Some(serial_name(&warning.kind)),
            message: warning.message.clone(),
        }
    }

    pub(crate) fn of_load_error(error: &lexdef::LoadError) -> PyDiagnostic {
        PyDiagnostic {
            severity: "error".to_owned(),
            file: error.file.clone(),
            line: error.location.as_ref().map(|location| location.line),
            column: error.location.as_ref().map(|location| location.column),
            kind: Some(serial_name(&error.kind)),
            message: error.message.clone(),
        }
    }
}

value_class!(PyDiagnostic, "Diagnostic", {
    /// `error` or `warning`.
    #[getter]
    fn severity(&self) -> &str {
        &self.severity
    }
    /// The file.
    #[getter]
    fn file(&self) -> &str {
        &self.file
    }
    /// The line, where known.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.line
    }
    /// The column (in characters), where known.
    #[getter]
    fn column(&self) -> Option<usize> {
        self.column
    }
    /// What kind of problem: for a warning `missing_metadata`, ...; for a file that could
    /// not be loaded `io`, `encoding`, `metadata`, `marker`, `duplicate_id` or
    /// `relation_target` (the core's `LoadErrorKind`).
    #[getter]
    fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }
    /// What happened.
    #[getter]
    fn message(&self) -> &str {
        &self.message
    }
    fn __repr__(&self) -> String {
        format!("<Diagnostic {}: {}>", self.severity, self.message)
    }
    fn __str__(&self) -> String {
        self.message.clone()
    }
});

impl Record for PyDiagnostic {
    const COLUMNS: &'static [&'static str] = &["severity", "file", "line", "column", "kind", "message"];
    /// A diagnostic's severity sorts warning < error.
    fn schema(_items: &[Self]) -> Schema {
        let severities = Dtype::Ordered(vec!["warning".to_owned(), "error".to_owned()]);
        convert::retyped(convert::schema_of(Self::COLUMNS), "severity", severities)
    }
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        row.set_item("severity", &self.severity)?;
        row.set_item("file", &self.file)?;
        row.set_item("line", self.line)?;
        row.set_item("column", self.column)?;
        row.set_item("kind", &self.kind)?;
        row.set_item("message", &self.message)?;
        Ok(row)
    }
}

result_list!(PyDiagnostics, "Diagnostics", PyDiagnostic, "Errors and warnings, each with its file, line and column.");

/// One element or qualifier of a translation checked against its original: the verdict
/// (`agrees`, `more`, `less`, `differs`, `cannot_say`) and the words of both texts.
#[pyclass(module = "lexdef", name = "TranslationFinding", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyTranslationFinding {
    pub(crate) original: String,
    pub(crate) translation: String,
    pub(crate) inner: lexdef::TranslationFinding,
}

value_class!(PyTranslationFinding, "TranslationFinding", {
    /// The original-language instrument.
    #[getter]
    fn original(&self) -> &str {
        &self.original
    }
    /// Its translation.
    #[getter]
    fn translation(&self) -> &str {
        &self.translation
    }
    /// `element` or `qualifier`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    /// The element or qualifier (`act.recruitment`, `child_age`).
    #[getter]
    fn id(&self) -> String {
        self.inner.id()
    }
    /// `agrees`, `more` (the translation names an element the whole original does not),
    /// `less`, `differs` (a qualifier's value) or `cannot_say` (one text does not settle it).
    #[getter]
    fn verdict(&self) -> &'static str {
        self.inner.verdict.as_str()
    }
    /// The original's side: an element's state (`present`, `absent`, `not_found`, ...) or a
    /// qualifier's value.
    #[getter]
    fn original_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.in_original.value)
    }
    /// The translation's side.
    #[getter]
    fn translation_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.in_translation.value)
    }
    /// The original's words (those nearest the translation's first).
    #[getter]
    fn original_evidence(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.in_original.evidence)
    }
    /// The translation's words.
    #[getter]
    fn translation_evidence(&self) -> Vec<PyEvidence> {
        evidence_list(&self.inner.in_translation.evidence)
    }
    /// For `cannot_say`: which text does not settle it, and why.
    #[getter]
    fn reason(&self) -> Option<String> {
        self.inner.reason()
    }
    /// A sentence saying what the finding means.
    #[getter]
    fn summary(&self) -> &str {
        &self.inner.summary
    }
    fn __repr__(&self) -> String {
        format!(
            "<TranslationFinding {} {} {}: {}>",
            self.translation,
            self.inner.id(),
            self.verdict(),
            self.inner.summary
        )
    }
});

impl Record for PyTranslationFinding {
    const COLUMNS: &'static [&'static str] = &[
        "original",
        "translation",
        "kind",
        "id",
        "verdict",
        "original_value",
        "translation_value",
        "original_words",
        "translation_words",
        "original_eid",
        "translation_eid",
        "reason",
    ];
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = PyDict::new(py);
        let original = self.inner.in_original.evidence.first();
        let translation = self.inner.in_translation.evidence.first();
        row.set_item("original", &self.original)?;
        row.set_item("translation", &self.translation)?;
        row.set_item("kind", self.inner.kind())?;
        row.set_item("id", self.inner.id())?;
        row.set_item("verdict", self.verdict())?;
        row.set_item("original_value", json_to_py(py, &self.inner.in_original.value)?)?;
        row.set_item("translation_value", json_to_py(py, &self.inner.in_translation.value)?)?;
        row.set_item("original_words", original.map(|evidence| evidence.text.as_str()))?;
        row.set_item("translation_words", translation.map(|evidence| evidence.text.as_str()))?;
        row.set_item("original_eid", original.map(|evidence| evidence.eid.as_str()))?;
        row.set_item("translation_eid", translation.map(|evidence| evidence.eid.as_str()))?;
        row.set_item("reason", self.inner.reason())?;
        Ok(row)
    }
}

result_list!(
    PyTranslationFindings,
    "TranslationFindings",
    PyTranslationFinding,
    "Findings of the translation check, by pair, each pair's in id order."
);

fn translation_findings(pairs: &[lexdef::TranslationPair]) -> PyTranslationFindings {
    PyTranslationFindings {
        items: pairs
            .iter()
            .flat_map(|pair| {
                pair.findings.iter().map(|inner| PyTranslationFinding {
                    original: pair.original.to_string(),
                    translation: pair.translation.to_string(),
                    inner: inner.clone(),
                })
            })
            .collect(),
    }
}

/// An original-language text and its translation, checked against each other.
#[pyclass(module = "lexdef", name = "TranslationPair", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyTranslationPair {
    pub(crate) inner: lexdef::TranslationPair,
}

value_class!(PyTranslationPair, "TranslationPair", {
    /// The original-language instrument.
    #[getter]
    fn original(&self) -> &str {
        self.inner.original.as_str()
    }
    /// Its translation.
    #[getter]
    fn translation(&self) -> &str {
        self.inner.translation.as_str()
    }
    /// The original's language (ISO 639-1), where the corpus holds it.
    #[getter]
    fn original_language(&self) -> Option<&str> {
        self.inner.original_language.as_deref()
    }
    /// The translation's language.
    #[getter]
    fn translation_language(&self) -> Option<&str> {
        self.inner.translation_language.as_deref()
    }
    /// `original` or `translation`: the text a relation names that the corpus does not hold.
    #[getter]
    fn not_in_corpus(&self) -> Option<&'static str> {
        self.inner.not_in_corpus.map(lexdef::PairText::as_str)
    }
    /// `{"original" | "translation": why}` for each text that could not be read at all.
    #[getter]
    fn not_read(&self) -> BTreeMap<&'static str, String> {
        self.inner.not_read.iter().map(|unsettled| (unsettled.text.as_str(), unsettled.reason.clone())).collect()
    }
    /// Whether both texts were read and agree on every element and qualifier both settle.
    #[getter]
    fn agrees(&self) -> bool {
        self.inner.agrees()
    }
    /// The verdicts counted: `agrees`, `qualifiers_agree`, `more`, `less`, `differs`,
    /// `cannot_say`, `qualifiers_cannot_say`.
    #[getter]
    fn counts(&self) -> BTreeMap<&'static str, usize> {
        let counts = &self.inner.counts;
        BTreeMap::from([
            ("agrees", counts.agrees),
            ("qualifiers_agree", counts.qualifiers_agree),
            ("more", counts.more),
            ("less", counts.less),
            ("differs", counts.differs),
            ("cannot_say", counts.cannot_say),
            ("qualifiers_cannot_say", counts.qualifiers_cannot_say),
        ])
    }
    /// What the pair comes to, in one sentence.
    #[getter]
    fn summary(&self) -> &str {
        &self.inner.summary
    }
    /// Its findings.
    #[getter]
    fn findings(&self) -> PyTranslationFindings {
        translation_findings(std::slice::from_ref(&self.inner))
    }
    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }
    /// The findings as records.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::records(py, &self.findings().items)
    }
    /// The findings as a pandas DataFrame.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Pandas, &self.findings().items)
    }
    /// The findings as a polars DataFrame.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Polars, &self.findings().items)
    }
    fn __repr__(&self) -> String {
        format!("<TranslationPair {} of {}: {}>", self.inner.translation, self.inner.original, self.inner.summary)
    }
});

/// Every translation of a corpus checked against its original, element by element and
/// qualifier by qualifier; `to_pandas()` gives one row per finding, and in a notebook the
/// findings show with the words of both texts side by side.
#[pyclass(module = "lexdef", name = "TranslationCheck", frozen)]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyTranslationCheck {
    pub(crate) inner: lexdef::TranslationCheck,
}

value_class!(PyTranslationCheck, "TranslationCheck", {
    /// The concept checked.
    #[getter]
    fn concept(&self) -> &str {
        &self.inner.concept
    }
    /// The pairs, by original then translation id.
    #[getter]
    fn pairs(&self) -> Vec<PyTranslationPair> {
        self.inner.pairs.iter().map(|inner| PyTranslationPair { inner: inner.clone() }).collect()
    }
    /// The pair of `original` and `translation`.
    fn pair(&self, original: &str, translation: &str) -> PyResult<PyTranslationPair> {
        self.inner.pair(original, translation).map(|inner| PyTranslationPair { inner: inner.clone() }).ok_or_else(
            || {
                pyo3::exceptions::PyKeyError::new_err(format!(
                    "the check has no pair of `{original}` and its translation `{translation}`"
                ))
            },
        )
    }
    /// Every pair's findings.
    #[getter]
    fn findings(&self) -> PyTranslationFindings {
        translation_findings(&self.inner.pairs)
    }
    fn __len__(&self) -> usize {
        self.inner.pairs.len()
    }
    /// The findings as records.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::records(py, &self.findings().items)
    }
    /// The findings as a pandas DataFrame: `original`, `translation`, `kind` (element or
    /// qualifier), `id`, `verdict`, both values, both texts' words and eIds, `reason`.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Pandas, &self.findings().items)
    }
    /// The findings as a polars DataFrame.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        item_frame(py, Frames::Polars, &self.findings().items)
    }
    /// As JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// As plain text.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }
    /// As Markdown.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }
    /// As an HTML fragment with its own scoped style.
    fn to_html(&self) -> String {
        self.inner.to_html_fragment()
    }
    fn _repr_html_(&self) -> String {
        self.inner.to_html_fragment()
    }
    fn __repr__(&self) -> String {
        format!(
            "<TranslationCheck {}: {} pairs, {} agreeing on every element read, {} findings>",
            self.inner.concept,
            self.inner.pairs.len(),
            self.inner.pairs.iter().filter(|pair| pair.agrees()).count(),
            self.inner.pairs.iter().map(|pair| pair.findings.len()).sum::<usize>()
        )
    }
});

/// The columns of `Corpus.timeline()`.
const TIMELINE_COLUMNS: [&str; 17] = [
    "instrument",
    "item",
    "kind",
    "version",
    "date",
    "by",
    "event",
    "from",
    "to",
    "amending_instrument",
    "amending_eid",
    "amending_line",
    "amending_words",
    "words",
    "words_instrument",
    "words_line",
    "note",
];

/// A timeline as a DataFrame, one row per event; `event` an ordered categorical in the order
/// things happen to an item, and the amendments not applied in `.attrs["unapplied"]`.
pub(crate) fn timeline_frame<'py>(py: Python<'py>, timeline: &lexdef::Timeline) -> PyResult<Bound<'py, PyAny>> {
    let rows = PyList::empty(py);
    for entry in &timeline.entries {
        let row = PyDict::new(py);
        let amending = entry.amending.as_ref();
        row.set_item("instrument", timeline.instrument.as_str())?;
        row.set_item("item", &entry.item)?;
        row.set_item("kind", crate::convert::serial_name(&entry.kind))?;
        row.set_item("version", entry.version)?;
        row.set_item("date", entry.date.as_ref().map(ToString::to_string))?;
        row.set_item("by", entry.by.as_ref().map(ToString::to_string))?;
        row.set_item("event", entry.event.as_str())?;
        row.set_item("from", entry.from.clone())?;
        row.set_item("to", &entry.to)?;
        row.set_item("amending_instrument", amending.map(|by| by.instrument.to_string()))?;
        row.set_item("amending_eid", amending.map(|by| by.eid.to_string()))?;
        row.set_item("amending_line", amending.map(|by| by.line))?;
        row.set_item("amending_words", amending.map(|by| by.words.split_whitespace().collect::<Vec<_>>().join(" ")))?;
        row.set_item("words", entry.words.clone())?;
        row.set_item("words_instrument", entry.words_at.as_ref().map(|place| place.instrument.to_string()))?;
        row.set_item("words_line", entry.words_at.as_ref().map(|place| place.line))?;
        row.set_item("note", entry.note.clone())?;
        rows.append(row)?;
    }
    use crate::convert::{retyped, schema_of, Dtype};
    let words = |list: &[&str]| list.iter().map(|word| (*word).to_owned()).collect::<Vec<_>>();
    let mut schema = schema_of(&TIMELINE_COLUMNS);
    for column in ["version", "amending_line", "words_line"] {
        schema = retyped(schema, column, Dtype::Integer);
    }
    schema = retyped(schema, "event", Dtype::Ordered(words(&["as adopted", "appeared", "changed", "unknown", "went"])));
    schema = retyped(schema, "kind", Dtype::Category(words(&["element", "qualifier"])));
    let frame = crate::convert::frame(py, crate::convert::Frames::Pandas, rows, &schema, None)?;
    let unapplied = PyList::empty(py);
    for item in &timeline.unapplied {
        let row = PyDict::new(py);
        row.set_item("instrument", item.by.instrument.as_str())?;
        row.set_item("eid", item.by.eid.as_str())?;
        row.set_item("line", item.by.line)?;
        row.set_item("words", &item.by.words)?;
        row.set_item("reason", &item.reason)?;
        unapplied.append(row)?;
    }
    frame.getattr("attrs")?.set_item("unapplied", unapplied)?;
    Ok(frame)
}
