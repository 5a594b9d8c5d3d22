//! A definition through time: each element and qualifier of the term model over the versions
//! of an instrument ([`History`]), with the amending provision that changed it and its words.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::consolidate::{AmendingProvision, DateBasis, History, Unapplied, Version};
use crate::eid::Eid;
use crate::ids::ConceptId;
use crate::instrument_id::InstrumentId;
use crate::lexicon::Lexicon;
use crate::metadata::PartialDate;
use crate::model::{ElementState, Evidence, TermModel};
use crate::report::Analysis;

/// The schema name of [`Timeline`]'s JSON.
pub const TIMELINE_SCHEMA: &str = "lexdef-timeline/1";

/// One version, as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineVersion {
    /// Its place: 0 is the instrument as adopted.
    pub index: usize,
    /// The amending instrument that made it; `None` for the instrument as adopted.
    pub by: Option<InstrumentId>,
    /// From when it stands.
    pub date: Option<PartialDate>,
    /// Where the date comes from.
    pub basis: DateBasis,
    /// The provision holding the definition, in this version.
    pub definition: Option<Eid>,
    /// The corpus file and line that definition's words were copied from.
    pub definition_from: Option<Place>,
}

/// A line of a corpus file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The instrument whose file it is.
    pub instrument: InstrumentId,
    /// The line.
    pub line: usize,
}

/// What happened to an item in a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Its state or value in the instrument as adopted.
    AsAdopted,
    /// The definition names it (an element), or its value became known.
    Appeared,
    /// Its value changed (a qualifier), or an element not known before is now known to be
    /// absent (it was not seen, so it did not go).
    Changed,
    /// The definition named it and no longer does, and the text says so completely.
    Went,
    /// What the corpus holds of this version no longer settles it (the amending text is
    /// partial): not a change of the law that can be told.
    Unknown,
}

impl Event {
    /// The word for it: `as adopted`, `appeared`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Event::AsAdopted => "as adopted",
            Event::Appeared => "appeared",
            Event::Changed => "changed",
            Event::Went => "went",
            Event::Unknown => "unknown",
        }
    }
}

/// What a timeline entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An element of the definition.
    Element,
    /// A qualifier of the definition.
    Qualifier,
}

/// One event of one element or qualifier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The element id (`act.obtaining`) or qualifier name (`child_age`).
    pub item: String,
    /// An element or a qualifier.
    pub kind: ItemKind,
    /// The version it happened in.
    pub version: usize,
    /// That version's amending instrument.
    pub by: Option<InstrumentId>,
    /// That version's date.
    pub date: Option<PartialDate>,
    /// What happened.
    pub event: Event,
    /// The state (or value) before; `None` in the first version.
    pub from: Option<String>,
    /// The state (or value) after.
    pub to: String,
    /// The amending provision that made the change, where one provision's words did.
    pub amending: Option<AmendingProvision>,
    /// The words of the version that name it (or settle the value), where it has them.
    pub words: Option<String>,
    /// Where those words are in the corpus.
    pub words_at: Option<Place>,
    /// Why the state is not known, or why no amending provision is named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The elements and qualifiers of a definition over an instrument's versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// `lexdef-timeline/1`.
    pub schema: String,
    /// The amended instrument.
    pub instrument: InstrumentId,
    /// The concept.
    pub concept: ConceptId,
    /// The versions, the first as adopted.
    pub versions: Vec<TimelineVersion>,
    /// What happened, by version, then item.
    pub entries: Vec<TimelineEntry>,
    /// The amendments of the corpus that could not be applied, and why.
    pub unapplied: Vec<Unapplied>,
}

fn place(version: &Version, line: usize) -> Option<Place> {
    if version.by.is_none() {
        return Some(Place { instrument: version.instrument.id.clone(), line });
    }
    version.origin(line).map(|(instrument, line)| Place { instrument: instrument.clone(), line })
}

fn first_words(evidence: &[Evidence]) -> Option<&Evidence> {
    evidence.first()
}

impl Timeline {
    /// The timeline of `history` for `concept`, each version read with `lexicon`.
    pub fn of(history: &History, lexicon: &Lexicon, concept: &ConceptId) -> Timeline {
        let analyses: Vec<Analysis> =
            history.versions.iter().map(|version| Analysis::of(&version.instrument, lexicon, concept)).collect();
        let models: Vec<&TermModel> = analyses.iter().map(|analysis| &analysis.model).collect();
        let versions = history
            .versions
            .iter()
            .zip(&analyses)
            .enumerate()
            .map(|(index, (version, analysis))| {
                let definition = analysis.model.definition.as_ref().map(|source| source.eid.clone());
                let definition_from = definition.as_ref().and_then(|eid| {
                    let provision = analysis.document.find(eid.as_str())?.line;
                    place(version, provision)
                });
                TimelineVersion {
                    index,
                    by: version.by.clone(),
                    date: version.date.clone(),
                    basis: version.basis,
                    definition,
                    definition_from,
                }
            })
            .collect();
        let mut entries = Vec::new();
        let elements: BTreeSet<_> = models
            .iter()
            .flat_map(|model| {
                model
                    .elements
                    .iter()
                    .map(|presence| presence.id.clone())
                    .chain(model.absent.iter().cloned())
                    .chain(model.not_found.iter().map(|item| item.id.clone()))
            })
            .collect();
        let qualifiers: BTreeSet<_> = models.iter().flat_map(|model| model.qualifiers.keys().copied()).collect();
        for (index, (version, model)) in history.versions.iter().zip(&models).enumerate() {
            let previous = index.checked_sub(1).map(|before| (&history.versions[before], &models[before]));
            let entry = |item: String, kind: ItemKind, event: Event, from: Option<String>, to: String| TimelineEntry {
                item,
                kind,
                version: index,
                by: version.by.clone(),
                date: version.date.clone(),
                event,
                from,
                to,
                amending: None,
                words: None,
                words_at: None,
                note: None,
            };
            for id in &elements {
                let state = model.state(id);
                let evidence =
                    model.elements.iter().find(|presence| &presence.id == id).map(|presence| &presence.evidence);
                let Some((_, before)) = previous else {
                    if state == ElementState::Present {
                        let mut first =
                            entry(id.to_string(), ItemKind::Element, Event::AsAdopted, None, state.to_string());
                        if let Some(words) = evidence.and_then(|evidence| first_words(evidence)) {
                            first.words = Some(words.text.clone());
                            first.words_at = place(version, words.line);
                        }
                        entries.push(first);
                    }
                    continue;
                };
                let old = before.state(id);
                if old == state {
                    continue;
                }
                let event = element_event(old, state);
                let mut change =
                    entry(id.to_string(), ItemKind::Element, event, Some(old.to_string()), state.to_string());
                // The words that show the change: the new ones where it appeared, the old ones
                // (and the provision that replaced them) where it went.
                let shown = match evidence.and_then(|evidence| first_words(evidence)) {
                    Some(words) => Some((words, version)),
                    None => before
                        .elements
                        .iter()
                        .find(|presence| &presence.id == id)
                        .and_then(|presence| first_words(&presence.evidence))
                        .map(|words| (words, previous.expect("a version before").0)),
                };
                if let Some((words, from)) = shown {
                    if std::ptr::eq(from, version) {
                        change.words = Some(words.text.clone());
                        change.words_at = place(version, words.line);
                    }
                    change.amending = made_by(version, words.eid.as_str());
                }
                if event == Event::Unknown {
                    change.note = model.not_found_reason(id).map(|item| item.reason.clone());
                }
                if change.amending.is_none() {
                    change.note.get_or_insert_with(|| no_provision(version));
                }
                entries.push(change);
            }
            for name in &qualifiers {
                let value = model.qualifiers.get(name);
                let shown = value.map_or_else(|| "unknown".to_owned(), |qualifier| qualifier.value.to_string());
                let known = value.is_some_and(|qualifier| qualifier.value != crate::qualifier::QualifierValue::Unknown);
                let words = value.and_then(|qualifier| first_words(&qualifier.evidence));
                let Some((_, before)) = previous else {
                    if known {
                        let mut first = entry(name.to_string(), ItemKind::Qualifier, Event::AsAdopted, None, shown);
                        if let Some(words) = words {
                            first.words = Some(words.text.clone());
                            first.words_at = place(version, words.line);
                        }
                        entries.push(first);
                    }
                    continue;
                };
                let old = before.qualifiers.get(name);
                let old_shown = old.map_or_else(|| "unknown".to_owned(), |qualifier| qualifier.value.to_string());
                if old_shown == shown {
                    continue;
                }
                let old_known =
                    old.is_some_and(|qualifier| qualifier.value != crate::qualifier::QualifierValue::Unknown);
                let event = match (old_known, known) {
                    (_, false) => Event::Unknown,
                    (false, true) => Event::Appeared,
                    (true, true) => Event::Changed,
                };
                let mut change = entry(name.to_string(), ItemKind::Qualifier, event, Some(old_shown), shown);
                if let Some(words) = words {
                    change.words = Some(words.text.clone());
                    change.words_at = place(version, words.line);
                    change.amending = made_by(version, words.eid.as_str());
                } else if let Some(words) = old.and_then(|qualifier| first_words(&qualifier.evidence)) {
                    change.amending = made_by(version, words.eid.as_str());
                }
                if event == Event::Unknown {
                    change.note = value.and_then(|qualifier| qualifier.basis.clone());
                }
                if change.amending.is_none() {
                    change.note.get_or_insert_with(|| no_provision(version));
                }
                entries.push(change);
            }
        }
        Timeline {
            schema: TIMELINE_SCHEMA.to_owned(),
            instrument: history.instrument.clone(),
            concept: concept.clone(),
            versions,
            entries,
            unapplied: history.unapplied.clone(),
        }
    }
}

/// What a change of an element's state is: it went only if it was there before.
fn element_event(old: ElementState, new: ElementState) -> Event {
    match (old, new) {
        (_, ElementState::Present) => Event::Appeared,
        (ElementState::Present, ElementState::Absent) => Event::Went,
        (_, ElementState::Absent) => Event::Changed,
        (_, ElementState::NotFound | ElementState::NotDefined) => Event::Unknown,
    }
}

/// The amending provision of this version that replaced the provision holding `eid`.
fn made_by(version: &Version, eid: &str) -> Option<AmendingProvision> {
    let change = version.last_changed_provision(eid)?;
    version.changes.contains(change).then(|| change.by.clone())
}

fn no_provision(version: &Version) -> String {
    format!(
        "no provision {} replaced changed these words: the reading changed with other provisions of the version",
        version.by.as_ref().map_or_else(String::new, |by| format!("of {by}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_goes_only_if_it_was_there() {
        use ElementState::{Absent, NotDefined, NotFound, Present};
        assert_eq!(element_event(Present, Absent), Event::Went);
        assert_eq!(element_event(NotFound, Absent), Event::Changed);
        assert_eq!(element_event(NotDefined, Absent), Event::Changed);
        assert_eq!(element_event(Absent, Present), Event::Appeared);
        assert_eq!(element_event(Present, NotFound), Event::Unknown);
    }
}
