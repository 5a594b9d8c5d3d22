//! Errors, warnings and check findings on stderr, compiler-style, rendered by
//! `annotate-snippets` (the renderer of rustc and cargo): the message, `--> file:line:column`,
//! the quoted source line with the words concerned marked, and notes. Colour only when
//! stderr is a terminal and `NO_COLOR` is not set; nothing needs colour to be read.

use std::io::IsTerminal;

use annotate_snippets::{Level, Renderer, Snippet};
use lexdef::{Error, Finding, Location, RuleSeverity, Warning};

/// Whether to colour what goes to stderr.
fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

fn renderer() -> Renderer {
    if colour() {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// What a diagnostic quotes: a line of a file and the columns (in characters, from 1; the
/// end one past the last) marked on it.
pub(crate) struct Quote<'a> {
    pub location: &'a Location,
    pub line: &'a str,
    pub start_column: usize,
    pub end_column: usize,
}

/// The byte range of characters `start_column..end_column` (1-based) of `line`, at least
/// one character wide where the line has one (an empty range at the end of the line).
fn byte_range(line: &str, start_column: usize, end_column: usize) -> std::ops::Range<usize> {
    let offset = |column: usize| line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(at, _)| at);
    let start = offset(start_column);
    let end = offset(end_column.max(start_column + 1)).max(start);
    start..end
}

/// Render one diagnostic. `id` is shown as `error[id]`; `label` goes under the marked words.
pub(crate) fn render(
    level: Level,
    id: Option<&str>,
    title: &str,
    quote: Option<Quote<'_>>,
    label: &str,
    notes: &[String],
) -> String {
    // A tab would be shown as one column by the renderer but several by a terminal.
    let line = quote.as_ref().map(|quote| quote.line.replace('\t', " "));
    let origin = quote.as_ref().map(|quote| quote.location.file.clone());
    let mut message = level.title(title);
    if let Some(id) = id {
        message = message.id(id);
    }
    if let (Some(quote), Some(line), Some(origin)) = (&quote, &line, &origin) {
        let range = byte_range(line, quote.start_column, quote.end_column);
        // The renderer is given the one line and its number, and adds line:column to the origin.
        let snippet = Snippet::source(line)
            .line_start(quote.location.line)
            .origin(origin)
            .annotation(level.span(range).label(label));
        message = message.snippet(snippet);
    }
    for note in notes {
        message = message.footer(Level::Note.title(note));
    }
    format!("{}\n", renderer().render(message))
}

/// The line of a file at `location`, read from disk (lossily: the file may be the one that
/// is not UTF-8), for errors that carry a location but not the line.
fn line_of(location: &Location) -> Option<String> {
    let bytes = std::fs::read(&location.file).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    text.lines().nth(location.line.checked_sub(1)?).map(str::to_owned)
}

fn located(level: Level, message: &str, location: Option<&Location>) -> String {
    let Some(location) = location else { return render(level, None, message, None, "", &[]) };
    let title = message.strip_prefix(&format!("{location}: ")).unwrap_or(message);
    match line_of(location) {
        Some(line) => render(
            level,
            None,
            title,
            Some(Quote { location, line: &line, start_column: location.column, end_column: location.column + 1 }),
            "",
            &[],
        ),
        // No line to quote: keep the location in the message.
        None => render(level, None, &format!("{location}: {title}"), None, "", &[]),
    }
}

/// Print an error, with its source line where it has a location.
pub(crate) fn error(error: &Error) {
    eprint!("{}", located(Level::Error, &error.to_string(), error.location()));
}

/// Print a warning.
pub(crate) fn warning(warning: &Warning) {
    eprint!("{}", render(Level::Warning, None, &format!("{}: {}", warning.location, warning.message), None, "", &[]));
}

/// Print an error message that has no `Error` value (a corpus load problem).
pub(crate) fn message(message: &str, location: Option<&Location>) {
    eprint!("{}", located(Level::Error, message, location));
}

/// A check finding, rendered: `error[rule]: message`, the quoted line with the words marked,
/// and its notes.
pub(crate) fn finding(finding: &Finding) -> String {
    let level = match finding.severity {
        RuleSeverity::Error => Level::Error,
        _ => Level::Warning,
    };
    let title = match &finding.instrument {
        Some(instrument) if !finding.message.starts_with(instrument.as_str()) => {
            format!("{instrument}: {}", finding.message)
        }
        _ => finding.message.clone(),
    };
    match &finding.excerpt {
        Some(excerpt) => render(
            level,
            Some(&finding.rule),
            &title,
            Some(Quote {
                location: &finding.location,
                line: &excerpt.line,
                start_column: excerpt.start_column,
                end_column: excerpt.end_column,
            }),
            "",
            &finding.notes,
        ),
        None => {
            let mut notes = vec![format!("at {}", finding.location)];
            notes.extend(finding.notes.iter().cloned());
            render(level, Some(&finding.rule), &title, None, "", &notes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_become_byte_ranges_of_whole_characters() {
        let table = [("abc", 2, 3, 1..2), ("มาตรา ๖", 7, 8, 16..19), ("abc", 4, 5, 3..3), ("abc", 1, 1, 0..1)];
        for (line, start, end, expected) in table {
            assert_eq!(byte_range(line, start, end), expected, "{line:?} {start}..{end}");
        }
    }
}
