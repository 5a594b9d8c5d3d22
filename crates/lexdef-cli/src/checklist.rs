//! `lexdef checklist`: what each instrument provides for victims, item by item, with the words.

use std::io;

use lexdef::{ChecklistSet, Instrument, Lexicon, ProtectionVocabulary};

use crate::args::{ChecklistCommand, ChecklistFormat};
use crate::definitions::{corpus, resolve};
use crate::{diagnostics, output, Outcome};

pub(crate) fn run(command: &ChecklistCommand) -> io::Result<Outcome> {
    let vocabulary = ProtectionVocabulary::bundled();
    let mut wanted = Vec::new();
    for item in &command.items {
        let id = if item.starts_with("protection.") { item.clone() } else { format!("protection.{item}") };
        if !vocabulary.items().any(|(known, _)| known.as_str() == id) {
            let known: Vec<String> = vocabulary.items().map(|(known, _)| known.to_string()).collect();
            let near = vocabulary
                .lexicon()
                .similar_element_ids(&id)
                .first()
                .map(|similar| format!(" (did you mean `{similar}`?)"))
                .unwrap_or_default();
            eprintln!("error: `{item}` is no checklist item{near}\n  the items: {}", known.join(", "));
            return Ok(Outcome::InputError);
        }
        wanted.push(id);
    }
    let instruments: Vec<Instrument> = if command.targets.is_empty() {
        let Ok(corpus) = corpus(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
        for problem in corpus.errors() {
            diagnostics::message(&problem.message, problem.location.as_ref());
        }
        corpus.instruments().cloned().collect()
    } else if let Some(directory) = &command.corpus {
        let Ok(corpus) = corpus(Some(directory)) else { return Ok(Outcome::InputError) };
        let mut found = Vec::new();
        for target in &command.targets {
            match corpus.require(target) {
                Ok(instrument) => found.push(instrument.clone()),
                Err(error) => {
                    diagnostics::error(&error);
                    return Ok(Outcome::InputError);
                }
            }
        }
        found
    } else {
        let mut found = Vec::new();
        for target in &command.targets {
            let Ok(instrument) = resolve(target) else { return Ok(Outcome::InputError) };
            found.push(instrument);
        }
        found
    };
    let lexicon = Lexicon::bundled();
    let mut checklists: Vec<_> = instruments.iter().map(|instrument| vocabulary.read(instrument, &lexicon)).collect();
    if !wanted.is_empty() {
        for checklist in &mut checklists {
            checklist.items.retain(|item| wanted.iter().any(|id| id == item.id.as_str()));
        }
    }
    let set = ChecklistSet::new(checklists);
    let rendered = match command.format {
        ChecklistFormat::Text => set.to_text(),
        ChecklistFormat::Markdown => set.to_markdown(),
        ChecklistFormat::Csv => set.to_csv(),
        ChecklistFormat::Json => output::rendered_json(&set.to_json()).into_owned(),
        ChecklistFormat::Html => set.to_html(),
    };
    output::to_stdout(|out| out.write_all(rendered.as_bytes()))?;
    Ok(Outcome::Clean)
}
