//! The report's matrix as CSV: a row per instrument, a column per element and qualifier.

use crate::report::Report;

impl Report {
    /// The matrix as CSV: one row per instrument, a column per element and qualifier.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("instrument");
        let qualifier_columns = self.matrix.qualifiers.iter().map(|name| name.as_str());
        for column in self.matrix.elements.iter().map(String::as_str).chain(qualifier_columns) {
            out.push(',');
            out.push_str(column);
        }
        out.push('\n');
        for row in &self.matrix.rows {
            out.push_str(row.instrument.as_str());
            for element in &self.matrix.elements {
                out.push(',');
                out.push_str(&row.elements[element]);
            }
            for qualifier in &self.matrix.qualifiers {
                out.push(',');
                out.push_str(&row.qualifiers[qualifier].to_string());
            }
            out.push('\n');
        }
        out
    }
}
