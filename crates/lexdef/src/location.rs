//! Places in a file: byte offsets turned into the line and column a person reads.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A place in a file, rendered compiler-style as `file:line:column`.
///
/// Lines and columns count from 1; the column counts Unicode scalar values, not bytes,
/// so it matches what an editor shows for Thai or Vietnamese text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// The file as the user named it (or `corpus/instruments/<ID>.txt` for the bundled corpus).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// A location at the start of `file`, for errors about the file as a whole.
    pub fn file_start(file: impl Into<String>) -> Location {
        Location { file: file.into(), line: 1, column: 1 }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The start offset of every line of a text, to turn offsets into lines and columns.
///
/// A line ends at `\n`, at `\r\n` or at a lone `\r`, so a file saved on any platform has the
/// same lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut position = 0;
        while position < bytes.len() {
            match bytes[position] {
                b'\n' => starts.push(position + 1),
                b'\r' if bytes.get(position + 1) != Some(&b'\n') => starts.push(position + 1),
                _ => {}
            }
            position += 1;
        }
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The 1-based line and character column of byte `offset` in `text` (the text indexed).
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let column = text.get(start..offset).map_or(1, |prefix| prefix.chars().count() + 1);
        (line, column)
    }

    /// The byte range of 1-based `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        let content = &text.as_bytes()[start..end];
        let trimmed = content.iter().rposition(|&byte| byte != b'\n' && byte != b'\r').map_or(0, |last| last + 1);
        start..start + trimmed
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// The largest char boundary at or before `offset`.
pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_across_line_ending_styles() {
        let text = "one\r\ntwo\rthree\nfour";
        let index = LineIndex::new(text);
        let table = [(0, (1, 1)), (5, (2, 1)), (9, (3, 1)), (15, (4, 1)), (17, (4, 3))];
        for (offset, expected) in table {
            assert_eq!(index.line_column(text, offset), expected, "offset {offset}");
        }
        assert_eq!(&text[index.line_span(text, 1)], "one");
        assert_eq!(&text[index.line_span(text, 3)], "three");
        assert_eq!(&text[index.line_span(text, 4)], "four");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "มาตรา ๖ ผู้ใด";
        let index = LineIndex::new(text);
        let offset = text.find('๖').expect("the test text holds a Thai six");
        assert_eq!(index.line_column(text, offset), (1, 7));
    }
}
