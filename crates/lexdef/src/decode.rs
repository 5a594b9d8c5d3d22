//! Bytes to text. Statute files come from PDFs, web pages and word processors; this is where
//! a wrong encoding is caught, with the byte that gives it away.

use crate::error::{Error, Result};
use crate::location::{LineIndex, Location};
use crate::warning::{Warning, WarningKind};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode a file's bytes as UTF-8, skipping a UTF-8 byte-order mark (with a warning).
///
/// The text is otherwise kept exactly as read: line endings, tabs and non-breaking spaces
/// are the parser's business, not the decoder's.
pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, Vec<Warning>)> {
    let mut warnings = Vec::new();
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let endianness = if bytes[0] == 0xFF { "little-endian" } else { "big-endian" };
        return Err(Error::Utf16 { location: Location::file_start(file), endianness });
    }
    let body = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => {
            warnings.push(Warning::new(
                WarningKind::ByteOrderMark,
                Location::file_start(file),
                "skipped a UTF-8 byte-order mark at the start of the file",
            ));
            rest
        }
        None => bytes,
    };
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.valid_up_to();
            // The prefix up to the bad byte is valid UTF-8, so lines and columns are exact.
            let prefix = std::str::from_utf8(&body[..valid]).expect("valid_up_to marks a valid prefix");
            let (line, column) = LineIndex::new(prefix).line_column(prefix, valid);
            let offset = valid + (bytes.len() - body.len());
            return Err(Error::InvalidUtf8 {
                location: Location { file: file.to_owned(), line, column },
                offset,
                byte: body[valid],
            });
        }
    };
    if let Some(nul) = text.find('\0') {
        let (line, column) = LineIndex::new(text).line_column(text, nul);
        return Err(Error::NulByte {
            location: Location { file: file.to_owned(), line, column },
            offset: nul + (bytes.len() - body.len()),
        });
    }
    Ok((text.to_owned(), warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_byte_line_and_column() {
        let error = decode("bill.txt", b"Section 1.\nThe caf\xe9 owner").unwrap_err();
        match error {
            Error::InvalidUtf8 { location, offset, byte } => {
                assert_eq!((location.line, location.column, offset, byte), (2, 8, 18, 0xe9));
            }
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }

    #[test]
    fn utf16_and_nul_are_refused_and_bom_is_skipped_with_a_warning() {
        assert!(matches!(decode("a", b"\xff\xfeS\x00"), Err(Error::Utf16 { endianness: "little-endian", .. })));
        match decode("a", b"ab\n\x00") {
            Err(Error::NulByte { location, offset }) => assert_eq!((location.line, location.column, offset), (2, 1, 3)),
            other => panic!("expected NulByte, got {other:?}"),
        }
        let (text, warnings) = decode("a", b"\xEF\xBB\xBFSection 1.").expect("a BOM is not an error");
        assert_eq!(text, "Section 1.");
        assert_eq!(warnings[0].kind, WarningKind::ByteOrderMark);
    }
}
