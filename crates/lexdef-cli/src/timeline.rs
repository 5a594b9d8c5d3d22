//! `lexdef timeline`, and `--at DATE` for `parse`, `model`, `compare` and `report`: the law
//! as it stood on a day, with the corpus's amendments made by then applied.

use std::io::{self, Write};

use lexdef::{Corpus, DateBasis, Event, History, ItemKind, Lexicon, Timeline, Version};

use crate::args::{TimelineCommand, TimelineFormat};
use crate::{diagnostics, output, Outcome};

/// The version of corpus instrument `id` that stood on `day`, its notes said on stderr.
pub(crate) fn version_at(corpus: &Corpus, id: &str, day: &str) -> Result<Version, ()> {
    let history = History::of(corpus, id).map_err(|error| diagnostics::error(&error))?;
    let at = history.at(day).map_err(|error| diagnostics::error(&error))?;
    for undated in at.undated {
        if let Some(by) = &undated.by {
            eprintln!("note: {by} amends {id} and its date is not in the corpus: its changes are not shown");
        }
    }
    let applied_by: Vec<_> =
        history.versions.iter().take_while(|version| !std::ptr::eq(*version, at.version)).collect();
    for unapplied in &history.unapplied {
        let due =
            applied_by.iter().chain([&at.version]).any(|version| version.by.as_ref() == Some(&unapplied.by.instrument));
        if due {
            eprintln!(
                "note: {} {} (line {}) is not applied: {}",
                unapplied.by.instrument, unapplied.by.eid, unapplied.by.line, unapplied.reason
            );
        }
    }
    Ok(at.version.clone())
}

/// The corpus as it stood on `day`, its notes said on stderr.
pub(crate) fn corpus_at(corpus: &Corpus, day: &str) -> Result<Corpus, ()> {
    let (corpus, notes) = corpus.at(day).map_err(|error| diagnostics::error(&error))?;
    for note in notes {
        eprintln!("note: {note}");
    }
    Ok(corpus)
}

/// A date with where it comes from: `2013 (adopted)`, `2019-04-08 (in force)`, `date not in
/// the corpus`.
pub(crate) fn dated(date: Option<&lexdef::PartialDate>, basis: DateBasis) -> String {
    match (date, basis) {
        (Some(date), DateBasis::InForce) => format!("{date} (in force)"),
        (Some(date), _) => format!("{date} (adopted)"),
        (None, _) => "date not in the corpus".to_owned(),
    }
}

/// Where a line of a version's file was copied from: `PH-RA10364-2012 line 95`.
pub(crate) fn origin(version: &Version, line: usize) -> String {
    match version.origin(line) {
        Some((instrument, line)) if version.by.is_some() => format!("{instrument} line {line}"),
        _ => format!("line {line}"),
    }
}

/// What a version changed, for the end of an outline: one line per provision.
pub(crate) fn write_changes(out: &mut dyn Write, version: &Version, day: &str) -> io::Result<()> {
    let document = version.document();
    let mut changed: Vec<(&lexdef::Provision, &lexdef::Change)> = document
        .walk()
        .filter_map(|provision| {
            let change = version.last_changed_provision(provision.eid.as_str())?;
            (change.eid == provision.eid).then_some((provision, change))
        })
        .collect();
    changed.sort_by_key(|(provision, _)| provision.line);
    match &version.by {
        None => writeln!(out, "  as adopted: the corpus holds no amendment of it dated on or before {day}")?,
        Some(by) => writeln!(
            out,
            "  as it stood on {day}: last amended by {by}, {}",
            dated(version.date.as_ref(), version.basis)
        )?,
    }
    if version.by.is_some() && version.basis == DateBasis::Adopted {
        writeln!(out, "  (dated by its adoption: its entry into force is not in the corpus, so on {day} it may have been made and not yet in force)")?;
    }
    for (provision, change) in changed {
        let words = if change.by.words.is_empty() {
            "printed as amended, without the amending words".to_owned()
        } else {
            format!("“{}”", one_line(&change.by.words))
        };
        let seen = if change.target_seen { "" } else { " (the provision it replaced was not in the corpus text)" };
        writeln!(
            out,
            "  {} {} by {} {} (line {}): {words}{seen}; its words from {}",
            provision.eid,
            change.action.as_str(),
            change.by.instrument,
            change.by.eid,
            change.by.line,
            origin(version, provision.line)
        )?;
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn run(command: &TimelineCommand) -> io::Result<Outcome> {
    let Ok(corpus) = crate::definitions::corpus(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    let lexicon = Lexicon::bundled();
    let concept = match lexicon.concept(&command.concept) {
        Ok(concept) => concept,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let history = match History::of(&corpus, &command.target) {
        Ok(history) => history,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let timeline = Timeline::of(&history, &lexicon, &concept);
    output::to_stdout(|out| match command.format {
        TimelineFormat::Json => output::json(out, &timeline),
        TimelineFormat::Csv => write_csv(out, &timeline),
        TimelineFormat::Text => write_text(out, &timeline),
    })?;
    Ok(Outcome::Clean)
}

fn place(place: Option<&lexdef::Place>) -> String {
    place.map_or_else(String::new, |place| format!("{} line {}", place.instrument, place.line))
}

fn write_text(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    writeln!(
        out,
        "{} — the definition of {} through {} version(s)",
        timeline.instrument,
        timeline.concept,
        timeline.versions.len()
    )?;
    for version in &timeline.versions {
        let by = version.by.as_ref().map_or_else(|| "as adopted".to_owned(), |by| format!("amended by {by}"));
        let definition = match (&version.definition, &version.definition_from) {
            (Some(eid), from) => format!("definition [{eid}] {}", place(from.as_ref())),
            (None, _) => "no definition in the text seen".to_owned(),
        };
        writeln!(
            out,
            "  v{}  {:<26} {:<28} {definition}",
            version.index,
            crate::timeline::dated(version.date.as_ref(), version.basis),
            by
        )?;
    }
    let mut items: Vec<(&str, ItemKind)> = Vec::new();
    for entry in &timeline.entries {
        if !items.iter().any(|(item, _)| *item == entry.item) {
            items.push((&entry.item, entry.kind));
        }
    }
    items.sort_by_key(|(item, kind)| (*kind == ItemKind::Qualifier, *item));
    for (item, _) in items {
        writeln!(out)?;
        writeln!(out, "{item}")?;
        for entry in timeline.entries.iter().filter(|entry| entry.item == item) {
            let when =
                format!("v{} {}", entry.version, entry.date.as_ref().map_or("undated".to_owned(), ToString::to_string));
            let what = match (entry.event, &entry.from) {
                (Event::AsAdopted, _) => format!("as adopted: {}", entry.to),
                (event, Some(from)) => format!("{} ({from} → {})", event.as_str(), entry.to),
                (event, None) => format!("{} ({})", event.as_str(), entry.to),
            };
            writeln!(out, "  {when:<16} {what}")?;
            if let Some(amending) = &entry.amending {
                let words = if amending.words.is_empty() {
                    "printed as amended, without the amending words".to_owned()
                } else {
                    format!("“{}”", one_line(&amending.words))
                };
                writeln!(
                    out,
                    "  {:<16} by {} {} (line {}): {words}",
                    "", amending.instrument, amending.eid, amending.line
                )?;
            }
            if let Some(words) = &entry.words {
                writeln!(out, "  {:<16} “{}”  {}", "", words, place(entry.words_at.as_ref()))?;
            }
            if let Some(note) = &entry.note {
                writeln!(out, "  {:<16} ({note})", "")?;
            }
        }
    }
    if !timeline.unapplied.is_empty() {
        writeln!(out)?;
        writeln!(out, "not applied ({}):", timeline.unapplied.len())?;
        for unapplied in &timeline.unapplied {
            writeln!(
                out,
                "  {} {} (line {}): {}",
                unapplied.by.instrument, unapplied.by.eid, unapplied.by.line, unapplied.reason
            )?;
        }
    }
    Ok(())
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn write_csv(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    writeln!(
        out,
        "instrument,item,kind,version,date,by,event,from,to,amending_instrument,amending_eid,amending_line,amending_words,words,words_instrument,words_line,note"
    )?;
    for entry in &timeline.entries {
        let amending = entry.amending.as_ref();
        let fields = [
            timeline.instrument.to_string(),
            entry.item.clone(),
            match entry.kind {
                ItemKind::Element => "element".to_owned(),
                ItemKind::Qualifier => "qualifier".to_owned(),
            },
            entry.version.to_string(),
            entry.date.as_ref().map(ToString::to_string).unwrap_or_default(),
            entry.by.as_ref().map(ToString::to_string).unwrap_or_default(),
            entry.event.as_str().to_owned(),
            entry.from.clone().unwrap_or_default(),
            entry.to.clone(),
            amending.map(|a| a.instrument.to_string()).unwrap_or_default(),
            amending.map(|a| a.eid.to_string()).unwrap_or_default(),
            amending.map(|a| a.line.to_string()).unwrap_or_default(),
            amending.map(|a| one_line(&a.words)).unwrap_or_default(),
            entry.words.clone().unwrap_or_default(),
            entry.words_at.as_ref().map(|p| p.instrument.to_string()).unwrap_or_default(),
            entry.words_at.as_ref().map(|p| p.line.to_string()).unwrap_or_default(),
            entry.note.clone().unwrap_or_default(),
        ];
        writeln!(out, "{}", fields.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(","))?;
    }
    Ok(())
}
