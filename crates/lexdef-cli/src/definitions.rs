//! `lexdef definitions` and `lexdef model`: what an instrument defines, and what its
//! definition of a concept contains.

use std::io::{self, Write};
use std::path::Path;

use lexdef::{extract_definitions, Corpus, Instrument, Lexicon, ModelBuilder, TermModel};

use crate::args::{DefinitionsCommand, Format, ModelCommand, ModelFormat};
use crate::{diagnostics, output, Outcome};

/// The corpus a command reads: a directory, or the bundled corpus.
pub(crate) fn corpus(directory: Option<&Path>) -> Result<Corpus, ()> {
    match directory {
        Some(directory) => Corpus::load(directory).map_err(|error| diagnostics::error(&error)),
        None => Ok(Corpus::bundled()),
    }
}

/// The corpus a command reads one file at a time: a directory, or the bundled corpus.
pub(crate) fn stream(directory: Option<&Path>) -> Result<lexdef::CorpusStream, ()> {
    match directory {
        Some(directory) => Corpus::stream(directory).map_err(|error| diagnostics::error(&error)),
        None => Ok(Corpus::stream_bundled()),
    }
}

/// The instrument a target names: a file, else a bundled id.
pub(crate) fn resolve(target: &str) -> Result<Instrument, ()> {
    resolve_marked(target, false)
}

/// The instrument a target names; with `partial`, a file's text is marked as an excerpt.
pub(crate) fn resolve_marked(target: &str, partial: bool) -> Result<Instrument, ()> {
    if Path::new(target).is_file() {
        return match Instrument::read(Path::new(target)) {
            Ok((mut instrument, warnings)) => {
                warnings.iter().for_each(diagnostics::warning);
                if partial {
                    instrument.mark_excerpt("marked as an excerpt with --partial");
                }
                Ok(instrument)
            }
            Err(error) => {
                diagnostics::error(&error);
                Err(())
            }
        };
    }
    Corpus::bundled().require(target).cloned().map_err(|error| diagnostics::error(&error))
}

/// The bundled lexicon, extended with the user's file where one is given.
fn lexicon(extension: Option<&Path>) -> Result<Lexicon, ()> {
    let mut lexicon = Lexicon::bundled();
    if let Some(path) = extension {
        let text = std::fs::read_to_string(path)
            .map_err(|source| diagnostics::error(&lexdef::Error::Io { path: path.to_owned(), source }))?;
        lexicon.extend_from_toml(&text, &path.display().to_string()).map_err(|error| diagnostics::error(&error))?;
    }
    Ok(lexicon)
}

pub(crate) fn run(command: &DefinitionsCommand) -> io::Result<Outcome> {
    let Ok(instrument) = resolve(&command.target) else { return Ok(Outcome::InputError) };
    let Ok(lexicon) = lexicon(command.lexicon.as_deref()) else { return Ok(Outcome::InputError) };
    let document = lexdef::parse(&instrument);
    let (mut definitions, warnings) = extract_definitions(&instrument, &document, &lexicon);
    document.warnings.iter().chain(&warnings).for_each(diagnostics::warning);
    if let Some(term) = &command.term {
        let wanted = lexdef::tokens(term).into_iter().map(|token| token.folded).collect::<Vec<_>>();
        definitions.retain(|definition| {
            lexdef::tokens(&definition.term).into_iter().map(|token| token.folded).collect::<Vec<_>>() == wanted
        });
    }
    output::to_stdout(|out| match command.format {
        Format::Json => {
            output::json(out, &serde_json::json!({ "instrument": instrument.id, "definitions": definitions }))
        }
        Format::Text => {
            writeln!(out, "{} — {} definition(s)", instrument.id, definitions.len())?;
            for definition in &definitions {
                let term = if definition.term.is_empty() {
                    "(constitutive)".to_owned()
                } else {
                    format!("“{}”", definition.term)
                };
                let concept = definition.concept.as_ref().map_or("-".to_owned(), ToString::to_string);
                let form = serde_json::to_value(definition.form)
                    .ok()
                    .and_then(|value| value.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let mut flags = Vec::new();
                if definition.quoted {
                    flags.push("quoted".to_owned());
                }
                if definition.incomplete {
                    flags.push("incomplete".to_owned());
                }
                if let Some(reference) = &definition.reference {
                    flags.push(match &reference.target {
                        Some(target) => format!("→ {target}"),
                        None => format!("→ {}", reference.words),
                    });
                }
                let flags = if flags.is_empty() { String::new() } else { format!("  ({})", flags.join(", ")) };
                writeln!(out, "  {term}  {concept}  {form}  [{}] line {}{flags}", definition.eid, definition.line)?;
            }
            Ok(())
        }
    })?;
    Ok(Outcome::Clean)
}

pub(crate) fn run_model(command: &ModelCommand) -> io::Result<Outcome> {
    let Some(target) = &command.target else { return run_model_corpus(command) };
    let version = match &command.at {
        Some(day) => {
            if Path::new(target).is_file() {
                diagnostics::message(
                    &format!(
                        "`--at` reads the corpus's amendments of an instrument of the corpus; `{target}` is a file"
                    ),
                    None,
                );
                return Ok(Outcome::InputError);
            }
            let Ok(version) = crate::timeline::version_at(&Corpus::bundled(), target, day) else {
                return Ok(Outcome::InputError);
            };
            Some(version)
        }
        None => None,
    };
    let instrument = match &version {
        Some(version) => version.instrument.clone(),
        None => {
            let Ok(instrument) = resolve_marked(target, command.partial) else {
                return Ok(Outcome::InputError);
            };
            instrument
        }
    };
    let Some((lexicon, concept)) = model_lexicon_and_concept(command) else { return Ok(Outcome::InputError) };
    let document = lexdef::parse(&instrument);
    let (definitions, warnings) = extract_definitions(&instrument, &document, &lexicon);
    document.warnings.iter().chain(&warnings).for_each(diagnostics::warning);
    let model = ModelBuilder::new(&instrument, &document, &definitions, &lexicon).model(&concept);
    output::to_stdout(|out| match command.format {
        ModelFormat::Json | ModelFormat::Jsonl => {
            let mut value = serde_json::to_value(&model).map_err(io::Error::other)?;
            if let (Some(version), Some(day)) = (&version, &command.at) {
                // The lines of the evidence are the consolidated file's: the stretches say
                // which corpus file and line each was copied from.
                value["at"] = serde_json::json!(day);
                value["amended_by"] = serde_json::json!(version.by);
                value["stretches"] = serde_json::json!(version.stretches);
            }
            if command.format == ModelFormat::Jsonl {
                output::json_line(out, &value)
            } else {
                output::json(out, &value)
            }
        }
        ModelFormat::Text => {
            let place = |line: usize| match &version {
                Some(version) => crate::timeline::origin(version, line),
                None => format!("line {line}"),
            };
            if let (Some(version), Some(day)) = (&version, &command.at) {
                let by =
                    version.by.as_ref().map_or_else(|| "as adopted".to_owned(), |by| format!("as amended by {by}"));
                writeln!(
                    out,
                    "{} as it stood on {day} ({by}, {})",
                    model.instrument,
                    crate::timeline::dated(version.date.as_ref(), version.basis)
                )?;
                if version.by.is_some() && version.basis == lexdef::DateBasis::Adopted {
                    writeln!(out, "(dated by its adoption: its entry into force is not in the corpus, so on {day} it may have been made and not yet in force)")?;
                }
            }
            write_model(out, &model, &place)
        }
    })?;
    Ok(Outcome::Clean)
}

/// The lexicon (`--lexicon`) and the concept (`--concept`) a model command reads with; `None`
/// once the error is reported.
fn model_lexicon_and_concept(command: &ModelCommand) -> Option<(Lexicon, lexdef::ConceptId)> {
    let lexicon = lexicon(command.lexicon.as_deref()).ok()?;
    match lexicon.concept(&command.concept) {
        Ok(concept) => Some((lexicon, concept)),
        Err(error) => {
            diagnostics::error(&error);
            None
        }
    }
}

/// `lexdef model` with no target: the model of every instrument of the corpus, each read as
/// `lexdef model FILE` reads it, one file at a time (read, parse, model, write, drop); only
/// `--format json`, one list, holds the models until the end.
fn run_model_corpus(command: &ModelCommand) -> io::Result<Outcome> {
    let Some((lexicon, concept)) = model_lexicon_and_concept(command) else { return Ok(Outcome::InputError) };
    let Ok(stream) = stream(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    let mut outcome = Outcome::Clean;
    let mut models = Vec::new();
    output::to_stdout(|out| {
        let mut written = false;
        for file in stream {
            file.warnings.iter().for_each(diagnostics::warning);
            let instrument = match file.instrument {
                Ok(instrument) => instrument,
                Err(problem) => {
                    diagnostics::message(&problem.message, problem.location.as_ref());
                    outcome = Outcome::InputError;
                    continue;
                }
            };
            let document = lexdef::parse(&instrument);
            let (definitions, warnings) = extract_definitions(&instrument, &document, &lexicon);
            document.warnings.iter().chain(&warnings).for_each(diagnostics::warning);
            let model = ModelBuilder::new(&instrument, &document, &definitions, &lexicon).model(&concept);
            // Through a `Value`, as for one target, so that a line is byte for byte what
            // `lexdef model FILE --format json` writes compactly (keys sorted).
            match command.format {
                ModelFormat::Jsonl => output::json_line(out, &serde_json::to_value(&model).map_err(io::Error::other)?)?,
                ModelFormat::Json => models.push(serde_json::to_value(&model).map_err(io::Error::other)?),
                ModelFormat::Text => {
                    if written {
                        writeln!(out)?;
                    }
                    write_model(out, &model, &|line| format!("line {line}"))?;
                }
            }
            written = true;
        }
        if command.format == ModelFormat::Json {
            output::json(out, &models)?;
        }
        Ok(())
    })?;
    Ok(outcome)
}

fn write_model(out: &mut dyn Write, model: &TermModel, place: &dyn Fn(usize) -> String) -> io::Result<()> {
    writeln!(out, "{} — {}", model.instrument, model.concept)?;
    match &model.definition {
        Some(source) => {
            let form = serde_json::to_value(source.form)
                .ok()
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_default();
            let linked = if source.linked.is_empty() {
                String::new()
            } else {
                format!(", drawing on {}", source.linked.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
            };
            writeln!(out, "  definition: [{}] ({form}){linked}", source.eid)?;
        }
        None => writeln!(out, "  definition: none in the text seen")?,
    }
    writeln!(out, "  elements:")?;
    for element in &model.elements {
        let first = &element.evidence[0];
        writeln!(out, "    {:<34} “{}”  [{}] {}", element.id.to_string(), first.text, first.eid, place(first.line))?;
    }
    writeln!(out, "  qualifiers:")?;
    for (name, qualifier) in &model.qualifiers {
        let why = match (qualifier.evidence.first(), &qualifier.basis) {
            (Some(evidence), _) => format!("“{}”  [{}] {}", evidence.text, evidence.eid, place(evidence.line)),
            (None, Some(basis)) => format!("({basis})"),
            (None, None) => String::new(),
        };
        writeln!(out, "    {name:<28} {:<18} {why}", qualifier.value.to_string())?;
    }
    if !model.unrecognised.is_empty() {
        writeln!(out, "  not recognised (words of the list of purposes that match no element):")?;
        for evidence in &model.unrecognised {
            writeln!(out, "    “{}”  [{}] {}", evidence.text, evidence.eid, place(evidence.line))?;
        }
    }
    if !model.absent.is_empty() {
        writeln!(out, "  absent: {}", model.absent.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))?;
    }
    if !model.not_found.is_empty() {
        let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
        for item in &model.not_found {
            match reasons.iter_mut().find(|(reason, _)| *reason == item.reason) {
                Some((_, ids)) => ids.push(item.id.to_string()),
                None => reasons.push((&item.reason, vec![item.id.to_string()])),
            }
        }
        for (reason, ids) in reasons {
            writeln!(out, "  not found ({reason}): {}", ids.join(", "))?;
        }
    }
    Ok(())
}
