//! Helpers shared by the CLI's test files.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Run `lexdef` with `arguments` in `directory`, without colour, to the end.
pub fn lexdef(directory: &std::path::Path, arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexdef"))
        .args(arguments)
        .current_dir(directory)
        .env("NO_COLOR", "1")
        .output()
        .expect("the lexdef binary runs")
}

/// Run `lexdef` with `arguments` in `directory`, kill it (SIGKILL) after `delay`, and wait
/// for it. Whether it was still running when killed (an interruption, not a finished run).
pub fn kill_after(directory: &std::path::Path, arguments: &[&str], delay: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lexdef"))
        .args(arguments)
        .current_dir(directory)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn lexdef");
    std::thread::sleep(delay);
    let running = child.try_wait().expect("the child's state").is_none();
    let _ = child.kill();
    child.wait().expect("wait for lexdef");
    running
}
