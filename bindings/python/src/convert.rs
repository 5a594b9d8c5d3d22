//! What every result class shares: records for pandas, list behaviour, pickling.

use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};

/// A JSON value of the core (a qualifier value, a side of a finding) as a Python value.
pub(crate) fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        serde_json::Value::Null => py.None().into_bound(py),
        serde_json::Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        serde_json::Value::Number(number) => match number.as_i64() {
            Some(integer) => PyInt::new(py, integer).into_any(),
            None => PyFloat::new(py, number.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        serde_json::Value::String(text) => PyString::new(py, text).into_any(),
        serde_json::Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        serde_json::Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A qualifier value as Python: an int, a bool, a name, or `"unknown"` where the text does
/// not settle it (as in the JSON report and the matrix).
pub(crate) fn qualifier_value<'py>(py: Python<'py>, value: &lexdef::QualifierValue) -> Bound<'py, PyAny> {
    match value {
        lexdef::QualifierValue::Number(number) => PyInt::new(py, *number).into_any(),
        lexdef::QualifierValue::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        lexdef::QualifierValue::List(kind) => PyString::new(py, kind.as_str()).into_any(),
        lexdef::QualifierValue::Scope(scope) => PyString::new(py, scope.as_str()).into_any(),
        lexdef::QualifierValue::Unknown => PyString::new(py, "unknown").into_any(),
    }
}

/// The serialised name of a core enum value (`shall-mean`, `narrower`, ...).
pub(crate) fn serial_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A result that is one row of a table.
pub(crate) trait Record {
    /// The columns, in order.
    const COLUMNS: &'static [&'static str];
    /// The row: a dict with exactly [`Record::COLUMNS`] as keys.
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
}

/// Records as a list of dicts.
pub(crate) fn records<'py, T: Record>(py: Python<'py>, items: &[T]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for item in items {
        list.append(item.record(py)?)?;
    }
    Ok(list)
}

/// pandas, imported only when a DataFrame is asked for.
pub(crate) fn pandas(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("pandas").map_err(|_| {
        PyImportError::new_err(
            "to_pandas() needs pandas, which is not installed (hint: `pip install pandas`, or `pip install lexdef[pandas]`)",
        )
    })
}

/// Records as a DataFrame with the given columns (so an empty result still has them).
pub(crate) fn data_frame<'py>(
    py: Python<'py>,
    rows: Bound<'py, PyList>,
    columns: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = pandas(py)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", columns.clone())?;
    // Nullable dtypes: a line number is `Int64` with `<NA>`, not a float with `NaN`; text is
    // `string`; a column of mixed values (a qualifier's 18, True or "unknown") stays `object`.
    let frame = pandas.getattr("DataFrame")?.call((rows,), Some(&kwargs))?.call_method0("convert_dtypes")?;
    // Severity sorts by weight (info < low < medium < high; a diagnostic's warning < error),
    // not by its letters.
    if columns.iter().any(|column| column == "severity") {
        let values = frame.get_item("severity")?;
        for order in [&["info", "low", "medium", "high"][..], &["warning", "error"][..]] {
            if values.call_method1("isin", (order.to_vec(),))?.call_method0("all")?.is_truthy()? {
                let kwargs = PyDict::new(py);
                kwargs.set_item("categories", order.to_vec())?;
                kwargs.set_item("ordered", true)?;
                let severity = pandas.getattr("Categorical")?.call((values,), Some(&kwargs))?;
                frame.set_item("severity", severity)?;
                break;
            }
        }
    }
    Ok(frame)
}

/// The state of a pickled object: its class name and its serialised value.
pub(crate) fn pickle_state<T: serde::Serialize>(class: &str, value: &T) -> PyResult<(String, String)> {
    serde_json::to_string(value)
        .map(|json| (class.to_owned(), json))
        .map_err(|error| PyValueError::new_err(format!("cannot pickle {class}: {error}")))
}

/// The value of a pickled object's state.
pub(crate) fn unpickle<T: serde::de::DeserializeOwned>(class: &str, json: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|error| PyValueError::new_err(format!("cannot unpickle {class}: {error}")))
}

/// `__reduce__` for a class whose state is its serialised value: `_restore(class, json)`.
pub(crate) fn reduce<'py, T: serde::Serialize>(
    py: Python<'py>,
    class: &str,
    value: &T,
) -> PyResult<(Bound<'py, PyAny>, (String, String))> {
    let restore = py.import("lexdef._lexdef")?.getattr("_restore")?;
    Ok((restore, pickle_state(class, value)?))
}

/// `#[pymethods]` for a class that is a value: the methods given, then `__eq__` (equal
/// values) and `__reduce__` (pickled as its serialised form, restored by `_restore($name)`).
macro_rules! value_class {
    ($type:ty, $name:literal, { $($methods:tt)* }) => {
        #[pyo3::pymethods]
        impl $type {
            $($methods)*

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> bool {
                other.cast::<$type>().is_ok_and(|other| other.get() == self)
            }

            fn __reduce__<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, (String, String))> {
                $crate::convert::reduce(py, $name, self)
            }
        }
    };
}

pub(crate) use value_class;

/// A list-like result class: `len`, indexing (ints and slices), iteration, equality,
/// `to_records()`, `to_pandas()`, a short `repr` and pickling; then the methods given, if any.
macro_rules! result_list {
    ($list:ident, $name:literal, $item:ty, $doc:literal) => {
        $crate::convert::result_list!($list, $name, $item, $doc, {});
    };
    ($list:ident, $name:literal, $item:ty, $doc:literal, { $($methods:tt)* }) => {
        #[doc = $doc]
        #[pyo3::pyclass(module = "lexdef", name = $name, frozen, sequence)]
        #[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub(crate) struct $list {
            pub(crate) items: Vec<$item>,
        }

        #[pyo3::pymethods]
        impl $list {
            fn __len__(&self) -> usize {
                self.items.len()
            }

            fn __getitem__<'py>(
                &self,
                py: pyo3::Python<'py>,
                index: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                use pyo3::IntoPyObjectExt;
                if let Ok(position) = index.extract::<isize>() {
                    let length = self.items.len() as isize;
                    let at = if position < 0 { position + length } else { position };
                    if at < 0 || at >= length {
                        return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                            "{} index {position} out of range (it has {length})",
                            $name
                        )));
                    }
                    return self.items[at as usize].clone().into_bound_py_any(py);
                }
                let list = pyo3::types::PyList::new(py, self.items.iter().cloned())?;
                let selected = list.as_any().get_item(index)?;
                let items: Vec<$item> = selected
                    .try_iter()?
                    .map(|item| item.and_then(|item| Ok(item.cast::<$item>()?.get().clone())))
                    .collect::<pyo3::PyResult<_>>()?;
                $list { items }.into_bound_py_any(py)
            }

            fn __iter__<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyIterator>> {
                pyo3::types::PyList::new(py, self.items.iter().cloned())?.as_any().try_iter()
            }

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> bool {
                other.cast::<$list>().is_ok_and(|other| other.get() == self)
            }

            fn __repr__(&self) -> String {
                format!("<{} of {}>", $name, self.items.len())
            }

            /// One dict per item, with the same keys for every item.
            fn to_records<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyList>> {
                $crate::convert::records(py, &self.items)
            }

            /// A pandas DataFrame of the records (pandas is imported only now).
            fn to_pandas<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                use $crate::convert::Record as _;
                let columns = <$item>::COLUMNS.iter().map(|column| column.to_string()).collect();
                $crate::convert::data_frame(py, $crate::convert::records(py, &self.items)?, columns)
            }

            fn __reduce__<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, (String, String))> {
                $crate::convert::reduce(py, $name, self)
            }

            $($methods)*
        }
    };
}

pub(crate) use result_list;
