//! What every result class shares: records for pandas, list behaviour, pickling.

use pyo3::exceptions::PyValueError;
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

/// How a column is typed in a DataFrame (`lexdef/_frames.py` builds the frames).
#[derive(Clone, PartialEq)]
pub(crate) enum Dtype {
    /// `string` / `String`.
    Text,
    /// Nullable `Int64`.
    Integer,
    /// Nullable `Float64`.
    Float,
    /// Nullable `boolean` / `Boolean`.
    Boolean,
    /// A value of mixed kinds (a side of a finding: `present`, `16`, `true`), written as in
    /// the JSON report, as text.
    Written,
    /// An ordered categorical (`Enum` in polars), the categories from least to most.
    Ordered(Vec<String>),
    /// An unordered categorical (`Enum` in polars).
    Category(Vec<String>),
}

/// The dtype of a column by its name, shared by every record: line numbers and depths are
/// integers, flags booleans; severity, direction and state are ordered categoricals in the
/// core's order (so they sort by weight, not by their letters); the two sides of a finding
/// are written values; the rest is text.
pub(crate) fn dtype_of(column: &str) -> Dtype {
    match column {
        "line" | "subject_line" | "depth" | "column" => Dtype::Integer,
        "score" | "similarity" => Dtype::Float,
        "quoted" | "incomplete" | "certain" | "partial" => Dtype::Boolean,
        "severity" => Dtype::Ordered(lexdef::Severity::ALL.iter().map(serial_name).collect()),
        "direction" => Dtype::Ordered(lexdef::Direction::ALL.iter().map(serial_name).collect()),
        "state" => Dtype::Ordered(lexdef::ElementState::ALL.iter().map(ToString::to_string).collect()),
        "subject_value" | "baseline_value" | "original_value" | "translation_value" => Dtype::Written,
        _ => Dtype::Text,
    }
}

/// The dtype of a qualifier's value: `Int64` for an age, `boolean` for yes or no, a
/// categorical of its words (`open`, `closed`) otherwise; `<NA>` where the text does not
/// settle it.
pub(crate) fn qualifier_dtype(name: lexdef::QualifierName) -> Dtype {
    use lexdef::QualifierName;
    match name {
        QualifierName::ChildAge => Dtype::Integer,
        QualifierName::ConsentIrrelevant
        | QualifierName::MeansRequiredForChildren
        | QualifierName::TransnationalRequired => Dtype::Boolean,
        QualifierName::ExploitationList => {
            Dtype::Category(lexdef::ListKind::ALL.iter().map(ToString::to_string).collect())
        }
        QualifierName::VictimScope => {
            Dtype::Category(lexdef::VictimScope::ALL.iter().map(ToString::to_string).collect())
        }
    }
}

/// A qualifier value in a record: as [`qualifier_value`], but `None` where the text does not
/// settle it (the reason is in the column beside it).
pub(crate) fn qualifier_cell<'py>(py: Python<'py>, value: &lexdef::QualifierValue) -> Option<Bound<'py, PyAny>> {
    (*value != lexdef::QualifierValue::Unknown).then(|| qualifier_value(py, value))
}

/// The columns of a frame, each with its dtype.
pub(crate) type Schema = Vec<(String, Dtype)>;

/// The schema where every column takes its dtype from [`dtype_of`].
pub(crate) fn schema_of(columns: &[&str]) -> Schema {
    columns.iter().map(|column| ((*column).to_owned(), dtype_of(column))).collect()
}

/// `schema` with `column` typed `dtype` instead.
pub(crate) fn retyped(mut schema: Schema, column: &str, dtype: Dtype) -> Schema {
    for (name, each) in &mut schema {
        if name == column {
            *each = dtype.clone();
        }
    }
    schema
}

/// A result that is one row of a table.
pub(crate) trait Record: Sized {
    /// The columns, in order.
    const COLUMNS: &'static [&'static str];
    /// The row: a dict with exactly [`Record::COLUMNS`] as keys.
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
    /// The columns with their dtypes, for the rows `items`.
    fn schema(_items: &[Self]) -> Schema {
        schema_of(Self::COLUMNS)
    }
}

/// Records as a list of dicts.
pub(crate) fn records<'py, T: Record>(py: Python<'py>, items: &[T]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for item in items {
        list.append(item.record(py)?)?;
    }
    Ok(list)
}

/// A DataFrame library.
#[derive(Clone, Copy)]
pub(crate) enum Frames {
    Pandas,
    Polars,
}

/// Records as a DataFrame of `library` with the schema's columns and dtypes (so an empty
/// result still has them); pandas or polars is imported only now, by `lexdef/_frames.py`.
/// With `index`, a pandas frame is indexed by that column (a polars frame, which has no
/// index, keeps it as a column).
pub(crate) fn frame<'py>(
    py: Python<'py>,
    library: Frames,
    rows: Bound<'py, PyList>,
    schema: &Schema,
    index: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let columns = PyList::empty(py);
    for (name, dtype) in schema {
        let (kind, categories) = match dtype {
            Dtype::Text => ("text", None),
            Dtype::Integer => ("integer", None),
            Dtype::Float => ("float", None),
            Dtype::Boolean => ("boolean", None),
            Dtype::Written => ("written", None),
            Dtype::Ordered(categories) => ("ordered", Some(categories)),
            Dtype::Category(categories) => ("category", Some(categories)),
        };
        columns.append((name, kind, categories))?;
    }
    let frames = py.import("lexdef._frames")?;
    match library {
        Frames::Pandas => frames.call_method1("pandas_frame", (rows, columns, index)),
        Frames::Polars => frames.call_method1("polars_frame", (rows, columns)),
    }
}

/// The records of `items` as a DataFrame of `library`.
pub(crate) fn item_frame<'py, T: Record>(py: Python<'py>, library: Frames, items: &[T]) -> PyResult<Bound<'py, PyAny>> {
    frame(py, library, records(py, items)?, &T::schema(items), None)
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

            /// A pandas DataFrame of the records, with nullable dtypes (pandas is imported
            /// only now).
            fn to_pandas<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::convert::item_frame(py, $crate::convert::Frames::Pandas, &self.items)
            }

            /// A polars DataFrame of the records, of the same shape (polars is imported only
            /// now).
            fn to_polars<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::convert::item_frame(py, $crate::convert::Frames::Polars, &self.items)
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
