//! Errors and warnings on stderr, compiler-style: `file:line:column: message`, then the
//! source line and a caret under the column.

use lexdef::{Error, Location, Warning};

/// The quoted source line and caret for `location`, where the file can be read.
fn snippet(location: &Location, source_line: Option<&str>) -> String {
    let line = match source_line {
        Some(line) => line.to_owned(),
        None => match std::fs::read(&location.file) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                match text.lines().nth(location.line.saturating_sub(1)) {
                    Some(line) => line.to_owned(),
                    None => return String::new(),
                }
            }
            Err(_) => return String::new(),
        },
    };
    let gutter = location.line.to_string();
    let padding = " ".repeat(gutter.len());
    let caret_pad: String = line
        .chars()
        .take(location.column.saturating_sub(1))
        .map(|character| if character == '\t' { '\t' } else { ' ' })
        .collect();
    format!("{padding} |\n{gutter} | {line}\n{padding} | {caret_pad}^\n")
}

/// Print an error, with its source line where it has a location.
pub(crate) fn error(error: &Error) {
    eprintln!("error: {error}");
    if let Some(location) = error.location() {
        eprint!("{}", snippet(location, None));
    }
}

/// Print a warning.
pub(crate) fn warning(warning: &Warning) {
    eprintln!("warning: {}: {}", warning.location, warning.message);
}

/// Print an error message that has no `Error` value (a corpus load problem).
pub(crate) fn message(message: &str, location: Option<&Location>) {
    eprintln!("error: {message}");
    if let Some(location) = location {
        eprint!("{}", snippet(location, None));
    }
}
