//! Writing results to stdout. A closed pipe (`lexdef parse | head`) is not an error.
//!
//! JSON is indented for a person (stdout a terminal, or `--pretty`) and compact for a
//! program (a pipe or a file): the same values, keys and order either way, so a reader that
//! parses it cannot tell the two apart, and the compact form is several times smaller.

use std::io::{self, IsTerminal, Write};
use std::sync::OnceLock;

/// `--pretty`, as `main` read it.
static PRETTY: OnceLock<bool> = OnceLock::new();

/// Record `--pretty` (called once, by `main`, before any command runs).
pub(crate) fn set_pretty(pretty: bool) {
    let _ = PRETTY.set(pretty);
}

/// Whether JSON is indented: asked for with `--pretty`, or read by a person in a terminal.
pub(crate) fn pretty_json() -> bool {
    *PRETTY.get().unwrap_or(&false) || io::stdout().is_terminal()
}

/// Write `value` as JSON, pretty or compact (see [`pretty_json`]), and a final newline.
pub(crate) fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    if pretty_json() {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)
}

/// Write `value` as one line of JSON Lines: compact whatever `--pretty` says, newline-ended.
pub(crate) fn json_line(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// JSON the core rendered indented (a report, a check report, a SARIF log), compact where
/// [`pretty_json`] says so. Dropping the whitespace outside strings gives exactly what
/// `serde_json::to_writer` writes, keys in the same order; the final newline is kept.
pub(crate) fn rendered_json(pretty: &str) -> std::borrow::Cow<'_, str> {
    if pretty_json() {
        return std::borrow::Cow::Borrowed(pretty);
    }
    std::borrow::Cow::Owned(compact(pretty))
}

/// `text` (JSON) without the whitespace between its tokens, then a newline.
fn compact(text: &str) -> String {
    let mut compact = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for character in text.chars() {
        if in_string {
            compact.push(character);
            if escaped {
                escaped = false;
            } else if character == '\\' {
                escaped = true;
            } else if character == '"' {
                in_string = false;
            }
        } else if character == '"' {
            in_string = true;
            compact.push(character);
        } else if !matches!(character, ' ' | '\n' | '\r' | '\t') {
            compact.push(character);
        }
    }
    compact.push('\n');
    compact
}

/// Whether an I/O error is the reader having gone away.
pub(crate) fn is_closed_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}

/// Run `write` against a locked, buffered stdout and flush it.
pub(crate) fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write(&mut out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn compacting_pretty_json_gives_what_serde_writes_compactly() {
        let value = serde_json::json!({
            "text": "a \"quoted\" word,\n  two  spaces\\",
            "empty": [], "none": {}, "list": [1, 2.5, null, true, " x "],
            "nested": {"b": {"c": ["d", {"e": "f : g"}]}},
        });
        let pretty = serde_json::to_string_pretty(&value).expect("serialises");
        assert_eq!(compact(&pretty), format!("{}\n", serde_json::to_string(&value).expect("serialises")));
    }
}
