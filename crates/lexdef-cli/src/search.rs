//! `lexdef index` and `lexdef search`.

use std::io::{self, IsTerminal};

use lexdef::{Corpus, Error, Filters, Index, Lexicon};

use crate::args::{Format, IndexCommand, SearchCommand};
use crate::{diagnostics, output, Outcome};

pub(crate) fn run_index(command: &IndexCommand) -> io::Result<Outcome> {
    let Ok(corpus) = crate::definitions::corpus(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    for problem in corpus.errors() {
        diagnostics::message(&problem.message, problem.location.as_ref());
    }
    if command.index.exists() && !command.rebuild {
        if let Err(error @ Error::StaleIndex { .. }) = Index::open(&command.index) {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    }
    match Index::build_in_dir(&corpus, &Lexicon::bundled(), &command.index) {
        Ok(index) => {
            eprintln!(
                "indexed {} instruments ({} documents) in {}",
                corpus.len(),
                index.len(),
                command.index.display()
            );
            Ok(if corpus.errors().is_empty() { Outcome::Clean } else { Outcome::InputError })
        }
        Err(error) => {
            diagnostics::error(&error);
            Ok(Outcome::InputError)
        }
    }
}

fn filters(command: &SearchCommand) -> Result<Filters, Error> {
    let years = match &command.years {
        None => None,
        Some(text) => {
            let parse = |part: &str| {
                part.trim().parse::<u64>().map_err(|_| Error::InvalidValue {
                    what: "years",
                    value: text.clone(),
                    expected: "a year (`2008`) or a range (`2000-2015`)".to_owned(),
                })
            };
            Some(match text.split_once('-') {
                Some((from, to)) => (parse(from)?, parse(to)?),
                None => {
                    let year = parse(text)?;
                    (year, year)
                }
            })
        }
    };
    let lexicon = Lexicon::bundled();
    let element = command.element.as_deref().map(|id| lexicon.element(id)).transpose()?;
    let concept = command.concept.as_deref().map(|name| lexicon.concept(name)).transpose()?;
    let jurisdictions = command
        .jurisdiction
        .iter()
        .map(|code| code.parse::<lexdef::Jurisdiction>().map(|code| code.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Filters {
        jurisdictions,
        kind: command.kind.clone(),
        language: command.language.clone(),
        years,
        concept,
        element,
    })
}

pub(crate) fn run_search(command: &SearchCommand) -> io::Result<Outcome> {
    let filters = match filters(command) {
        Ok(filters) => filters,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let index = match &command.index {
        Some(directory) => Index::open(directory),
        None => Index::build(&Corpus::bundled(), &Lexicon::bundled()),
    };
    let index = match index {
        Ok(index) => index,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let results = match index.search(&command.query, &filters, command.limit) {
        Ok(results) => results,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    output::to_stdout(|out| match command.format {
        Format::Json => output::json(out, &results),
        Format::Text => {
            writeln!(
                out,
                "{} matching document(s){}",
                results.total,
                if results.hits.len() < results.total {
                    format!(
                        "; {} passage(s) shown, the best first (a definition and the provision holding it are one passage)",
                        results.hits.len()
                    )
                } else {
                    String::new()
                }
            )?;
            for hit in &results.hits {
                let term = hit.term.as_ref().map(|term| format!(" “{term}”")).unwrap_or_default();
                writeln!(
                    out,
                    "\n{} {} line {} ({}{term}, score {:.2})",
                    hit.instrument, hit.eid, hit.line, hit.doc_type, hit.score
                )?;
                writeln!(out, "  {}", highlighted(&hit.snippet, &hit.highlights, colour))?;
            }
            Ok(())
        }
    })?;
    Ok(Outcome::Clean)
}

/// The snippet with its matched words marked: bold in a terminal, `[[...]]` otherwise, so
/// nothing needs colour to be read.
fn highlighted(snippet: &str, ranges: &[(usize, usize)], colour: bool) -> String {
    let (open, close) = if colour { ("\u{1b}[1m", "\u{1b}[0m") } else { ("[[", "]]") };
    let mut out = String::new();
    let mut cursor = 0;
    for &(start, end) in ranges {
        if start < cursor || end > snippet.len() {
            continue;
        }
        out.push_str(&snippet[cursor..start]);
        out.push_str(open);
        out.push_str(&snippet[start..end]);
        out.push_str(close);
        cursor = end;
    }
    out.push_str(&snippet[cursor..]);
    out.replace('\n', " ")
}
