//! Writing results to stdout. A closed pipe (`lexdef parse | head`) is not an error.

use std::io::{self, Write};

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
