//! `lexdef`: the command-line front of the lexdef core. Flags live in `args.rs`; each
//! subcommand in its own file; this file only dispatches and maps outcomes to exit codes.

mod args;
mod check;
mod checklist;
mod compare;
mod definitions;
mod diagnostics;
mod output;
mod parse;
mod search;
mod timeline;

use std::process::ExitCode;

use clap::Parser as _;

/// How a command ended, as an exit code: 0 ok, 1 findings, 2 usage or input error.
pub(crate) enum Outcome {
    Clean,
    Findings,
    InputError,
}

fn main() -> ExitCode {
    let arguments = args::Arguments::parse();
    output::set_pretty(arguments.pretty);
    let outcome = match arguments.command {
        args::Command::Parse(command) => parse::run(&command),
        args::Command::Definitions(command) => definitions::run(&command),
        args::Command::Model(command) => definitions::run_model(&command),
        args::Command::Compare(command) => compare::run_compare(&command),
        args::Command::Report(command) => compare::run_report(&command),
        args::Command::Index(command) => search::run_index(&command),
        args::Command::Search(command) => search::run_search(&command),
        args::Command::Timeline(command) => timeline::run(&command),
        args::Command::Check(command) => check::run(&command),
        args::Command::Checklist(command) => checklist::run(&command),
    };
    match outcome {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::InputError) => ExitCode::from(2),
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write output: {error}");
            ExitCode::from(2)
        }
    }
}
