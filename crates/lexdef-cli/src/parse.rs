//! `lexdef parse`: the outline of one instrument or of a whole corpus.

use std::io::{self, Write};
use std::path::Path;

use lexdef::{Document, Instrument, Provision};
use serde_json::json;

use crate::args::{ParseCommand, ParseFormat};
use crate::{diagnostics, output, Outcome};

pub(crate) fn run(command: &ParseCommand) -> io::Result<Outcome> {
    if command.format == ParseFormat::Jsonl && command.target.is_none() && command.at.is_none() {
        return run_stream(command);
    }
    let Ok(corpus) = crate::definitions::corpus(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    let mut outcome = Outcome::Clean;
    if let Some(day) = &command.at {
        return run_at(command, &corpus, day);
    }
    let instruments: Vec<Instrument> = match &command.target {
        Some(target) if Path::new(target).is_file() => match Instrument::read(Path::new(target)) {
            Ok((instrument, warnings)) => {
                warnings.iter().for_each(diagnostics::warning);
                vec![instrument]
            }
            Err(error) => {
                diagnostics::error(&error);
                return Ok(Outcome::InputError);
            }
        },
        Some(target) => match corpus.require(target) {
            Ok(instrument) => vec![instrument.clone()],
            Err(error) => {
                diagnostics::error(&error);
                if !Path::new(target).exists() && target.contains(['/', '.']) {
                    eprintln!("hint: `{target}` is neither a file nor an instrument id");
                }
                return Ok(Outcome::InputError);
            }
        },
        None => {
            for problem in corpus.errors() {
                diagnostics::message(&problem.message, problem.location.as_ref());
                outcome = Outcome::InputError;
            }
            corpus.warnings().iter().for_each(diagnostics::warning);
            corpus.instruments().cloned().collect()
        }
    };
    let documents: Vec<Document> = instruments.iter().map(lexdef::parse).collect();
    for document in &documents {
        document.warnings.iter().for_each(diagnostics::warning);
    }
    if command.format == ParseFormat::Akn {
        return write_akn(command, &instruments, &documents, outcome);
    }
    output::to_stdout(|out| match command.format {
        ParseFormat::Text | ParseFormat::Akn => {
            write_outlines(out, &instruments, &documents, &|line| format!("line {line}"))
        }
        ParseFormat::Json | ParseFormat::Jsonl => {
            let value = if command.target.is_some() {
                document_json(&instruments[0], &documents[0])
            } else {
                serde_json::Value::Array(
                    instruments
                        .iter()
                        .zip(&documents)
                        .map(|(instrument, document)| document_json(instrument, document))
                        .collect(),
                )
            };
            if command.format == ParseFormat::Jsonl {
                output::json_line(out, &value)
            } else {
                output::json(out, &value)
            }
        }
    })?;
    Ok(outcome)
}

/// `lexdef parse --format jsonl` over a corpus: each file read, parsed, written as a line and
/// dropped before the next is read, so memory stays that of one instrument.
fn run_stream(command: &ParseCommand) -> io::Result<Outcome> {
    let Ok(stream) = crate::definitions::stream(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    let mut outcome = Outcome::Clean;
    output::to_stdout(|out| {
        for file in stream {
            file.warnings.iter().for_each(diagnostics::warning);
            match file.instrument {
                Ok(instrument) => {
                    let document = lexdef::parse(&instrument);
                    document.warnings.iter().for_each(diagnostics::warning);
                    output::json_line(out, &document_json(&instrument, &document))?;
                }
                Err(problem) => {
                    diagnostics::message(&problem.message, problem.location.as_ref());
                    outcome = Outcome::InputError;
                }
            }
        }
        Ok(())
    })?;
    Ok(outcome)
}

/// `lexdef parse ID --at DATE`: the outline of the instrument as it stood that day, then
/// what last changed each provision an amendment touched.
fn run_at(command: &ParseCommand, corpus: &lexdef::Corpus, day: &str) -> io::Result<Outcome> {
    let Some(target) = &command.target else {
        diagnostics::message(
            "`--at` needs the id of an instrument of the corpus (`lexdef parse PH-RA9208-2003 --at 2015-01-01`)",
            None,
        );
        return Ok(Outcome::InputError);
    };
    if Path::new(target).is_file() {
        diagnostics::message(&format!("`--at` reads the corpus's amendments of an instrument of the corpus; `{target}` is a file (give its id, with `--corpus DIR` for another corpus)"), None);
        return Ok(Outcome::InputError);
    }
    let Ok(version) = crate::timeline::version_at(corpus, target, day) else { return Ok(Outcome::InputError) };
    let document = version.document().clone();
    document.warnings.iter().for_each(diagnostics::warning);
    if command.format == ParseFormat::Akn {
        return write_akn(
            command,
            std::slice::from_ref(&version.instrument),
            std::slice::from_ref(&document),
            Outcome::Clean,
        );
    }
    output::to_stdout(|out| match command.format {
        ParseFormat::Text | ParseFormat::Akn => {
            let place = |line: usize| crate::timeline::origin(&version, line);
            write_outlines(out, std::slice::from_ref(&version.instrument), std::slice::from_ref(&document), &place)?;
            crate::timeline::write_changes(out, &version, day)
        }
        ParseFormat::Json | ParseFormat::Jsonl => {
            let mut value = document_json(&version.instrument, &document);
            value["at"] = json!(day);
            value["amended_by"] = json!(version.by);
            value["date"] = json!(version.date);
            value["changes"] = json!(version.changes);
            value["stretches"] = json!(version.stretches);
            if command.format == ParseFormat::Jsonl {
                output::json_line(out, &value)
            } else {
                output::json(out, &value)
            }
        }
    })?;
    Ok(Outcome::Clean)
}

/// One instrument as Akoma Ntoso: a document holds one work, so a whole corpus is refused.
fn write_akn(
    command: &ParseCommand,
    instruments: &[Instrument],
    documents: &[Document],
    outcome: Outcome,
) -> io::Result<Outcome> {
    let (Some(instrument), Some(document), Some(_)) = (instruments.first(), documents.first(), &command.target) else {
        eprintln!("error: `--format akn` writes one instrument: name it (`lexdef parse PH-RA9208-2003 --format akn`)");
        return Ok(Outcome::InputError);
    };
    match lexdef::akn::write(instrument, document) {
        Ok(xml) => {
            output::to_stdout(|out| out.write_all(xml.as_bytes()))?;
            Ok(outcome)
        }
        Err(error) => {
            diagnostics::error(&error);
            Ok(Outcome::InputError)
        }
    }
}

fn document_json(instrument: &Instrument, document: &Document) -> serde_json::Value {
    json!({
        "instrument": instrument.id,
        "file": instrument.file(),
        "metadata": instrument.metadata,
        "provisions": document.provisions,
        "gaps": document.gaps,
        "warnings": document.warnings,
    })
}

/// The outlines; `place` writes a line of the file (`line 12`, or for the law at a date the
/// corpus file and line it was copied from).
fn write_outlines(
    out: &mut dyn Write,
    instruments: &[Instrument],
    documents: &[Document],
    place: &dyn Fn(usize) -> String,
) -> io::Result<()> {
    for (index, (instrument, document)) in instruments.iter().zip(documents).enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        match &instrument.metadata {
            Some(metadata) => {
                let completeness = format!("{:?}", metadata.completeness.status).to_lowercase();
                writeln!(
                    out,
                    "{} — {} ({}, {}, {completeness})",
                    metadata.id,
                    metadata.short_title,
                    metadata.jurisdiction,
                    serialized(&metadata.kind)
                )?;
            }
            None => writeln!(out, "{} — no metadata", instrument.id)?,
        }
        if document.provisions.is_empty() {
            writeln!(out, "  (no text in the corpus)")?;
        }
        for provision in &document.provisions {
            write_provision(out, provision, 1, place)?;
        }
        for gap in &document.gaps {
            let within = gap.within.as_ref().map(|eid| format!(" in {eid}")).unwrap_or_default();
            writeln!(out, "  gap at {}{within}: {}", place(gap.line), gap.note)?;
        }
    }
    Ok(())
}

fn write_provision(
    out: &mut dyn Write,
    provision: &Provision,
    depth: usize,
    place: &dyn Fn(usize) -> String,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let label = match (&provision.num, &provision.term) {
        (Some(num), _) => num.clone(),
        (None, Some(term)) => format!("“{term}”"),
        (None, None) => format!("[{}]", serialized(&provision.kind)),
    };
    let heading = provision.heading.as_ref().map(|heading| format!("  {heading}")).unwrap_or_default();
    let mut flags = Vec::new();
    if provision.quoted {
        flags.push("quoted");
    }
    if provision.number_inferred && provision.num.is_some() {
        flags.push("number inferred");
    }
    if provision.incomplete {
        flags.push("incomplete");
    }
    let flags = if flags.is_empty() { String::new() } else { format!("  ({})", flags.join(", ")) };
    writeln!(out, "{indent}{label}{heading}  [{}] {}{flags}", provision.eid, place(provision.line))?;
    for child in &provision.children {
        write_provision(out, child, depth + 1, place)?;
    }
    Ok(())
}

/// A value's serialised name (`amending-act`, `subsection`): the names of the JSON output.
fn serialized(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|value| value.as_str().map(str::to_owned)).unwrap_or_default()
}
