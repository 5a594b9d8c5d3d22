//! The law at a date: an instrument with the amendments the corpus holds applied to it.
//!
//! An amending instrument of the corpus (a relation `amends`) says in its words what it does:
//! `Section 3 of Republic Act No. 9208 ... is hereby further amended to read as follows:`, then
//! the new section, quoted. Those words (`data/amendments.toml`) and the quoted provisions the
//! structure parser finds make one action on one provision: substitute it, insert new ones
//! after it, or repeal it. A corpus file may also print the amended provisions without the
//! words that made them (its relation lists them in `as_amended`).
//!
//! Applying an action is splicing text: the consolidated instrument's file is stretches of
//! the corpus files, each copied exactly (the quotation marks of the amending text included)
//! and headed by a `{{source: ...}}` marker naming the instrument and source it came from, so
//! the consolidated text is read by the same parser and every word is traced to the file
//! and line it was copied from ([`Version::origin`]).
//!
//! Nothing is guessed: an action whose target is not named in the words the corpus holds, a
//! word-level change, an amending text in another language than the amended one, each is
//! listed as [`Unapplied`] with where it is and why; a date known too roughly to say whether
//! an amendment had been made is an error, not a choice.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::document::{Document, Provision};
use crate::eid::Eid;
use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::instrument_id::InstrumentId;
use crate::metadata::{
    Completeness, CompletenessStatus, Metadata, PartialDate, ProtectionStatus, RelationKind, SourceReference,
};

const BUNDLED: &str = include_str!("../data/amendments.toml");

/// The words of one language of `data/amendments.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmendmentWords {
    substitute: Vec<String>,
    insert: Vec<String>,
    repeal: Vec<String>,
    word_level: Vec<String>,
    /// By the eId name of the kind they name (`sec`, `art`).
    section_words: std::collections::BTreeMap<String, Vec<String>>,
    unchanged: Vec<String>,
    principal: Vec<String>,
}

/// The amending words of every language, merged: an amending text is read whatever its
/// language is said to be (the words of one do not occur in another's text).
fn amendment_words() -> &'static AmendmentWords {
    static WORDS: OnceLock<AmendmentWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let by_language: std::collections::BTreeMap<String, AmendmentWords> =
            toml::from_str(BUNDLED).expect("data/amendments.toml is compiled in and read by the tests, so it is valid");
        let mut merged = AmendmentWords {
            substitute: Vec::new(),
            insert: Vec::new(),
            repeal: Vec::new(),
            word_level: Vec::new(),
            section_words: std::collections::BTreeMap::new(),
            unchanged: Vec::new(),
            principal: Vec::new(),
        };
        for words in by_language.into_values() {
            merged.substitute.extend(words.substitute);
            merged.insert.extend(words.insert);
            merged.repeal.extend(words.repeal);
            merged.word_level.extend(words.word_level);
            for (kind, names) in words.section_words {
                merged.section_words.entry(kind).or_default().extend(names);
            }
            merged.principal.extend(words.principal);
            merged.unchanged.extend(words.unchanged.iter().map(|mark| mark.split_whitespace().collect::<String>()));
        }
        merged
    })
}

/// What an amending provision does to the provision it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Replaces it with the quoted provision (`amended to read as follows`).
    Substitute,
    /// Adds the quoted provisions after it (`by inserting after section 4 ...`).
    Insert,
    /// Repeals it.
    Repeal,
    /// The corpus file prints the provision as amended, without the amending words (a
    /// relation's `as_amended`): it replaces the provision of the same number.
    AsAmended,
}

impl Action {
    /// The word for it in reports: `substituted`, `inserted`, `repealed`, `as amended`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Substitute => "substituted",
            Action::Insert => "inserted",
            Action::Repeal => "repealed",
            Action::AsAmended => "as amended",
        }
    }
}

/// Where a date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The date it came into force.
    InForce,
    /// The date it was adopted: its entry into force is not in the corpus.
    Adopted,
    /// Neither is in the corpus.
    Unknown,
}

/// An amending provision, as the corpus holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmendingProvision {
    /// The amending instrument.
    pub instrument: InstrumentId,
    /// Its provision.
    pub eid: Eid,
    /// The line of its file where the provision starts.
    pub line: usize,
    /// Its own words (without the quoted text): `SEC. 3. Section 3 of Republic Act No. 9208,
    /// as amended, is hereby further amended to read as follows:`. Empty for a provision
    /// printed as amended without its amending words.
    pub words: String,
}

/// A change a version made to a provision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The provision changed, by its eId in the amended instrument.
    pub eid: Eid,
    /// What was done to it.
    pub action: Action,
    /// The amending provision that did it.
    pub by: AmendingProvision,
    /// The provision it replaced or followed was not in the corpus text (a substitution of a
    /// section never seen stands in full; it is placed by its number).
    pub target_seen: bool,
}

/// An amendment the corpus holds that lexdef did not apply, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unapplied {
    /// The amending provision (or the amending instrument's first line, where the reason
    /// concerns all of it).
    pub by: AmendingProvision,
    /// Why.
    pub reason: String,
}

/// A stretch of the consolidated file copied from a corpus file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stretch {
    /// Its first line in the consolidated file.
    pub first_line: usize,
    /// How many lines.
    pub lines: usize,
    /// The instrument it was copied from.
    pub origin: InstrumentId,
    /// Its first line in that instrument's file.
    pub origin_line: usize,
}

/// The amended instrument as it stood after one amending instrument (or as adopted).
#[derive(Debug, Clone)]
pub struct Version {
    /// The instrument, consolidated: its id is the amended instrument's, its file the
    /// stretches it was put together from.
    pub instrument: Instrument,
    /// The amending instrument that made this version; `None` for the instrument as adopted.
    pub by: Option<InstrumentId>,
    /// From when it stands: the date of that amending instrument (or of the instrument).
    pub date: Option<PartialDate>,
    /// Where the date comes from.
    pub basis: DateBasis,
    /// What this version changed, in the order applied.
    pub changes: Vec<Change>,
    /// Where each stretch of its file came from.
    pub stretches: Vec<Stretch>,
    /// The provisions each stretch was changed by, parallel to `stretches` (`None`: as the
    /// version before had it).
    changed_by: Vec<Option<usize>>,
    /// Every change so far, this version's and earlier ones', that `changed_by` points into.
    history: Vec<Change>,
    /// Its provisions, parsed on first use.
    document: OnceLock<Document>,
}

impl Version {
    /// The corpus file and line a line of the consolidated file was copied from.
    pub fn origin(&self, line: usize) -> Option<(&InstrumentId, usize)> {
        self.stretches
            .iter()
            .find(|stretch| stretch.first_line <= line && line < stretch.first_line + stretch.lines)
            .map(|stretch| (&stretch.origin, stretch.origin_line + (line - stretch.first_line)))
    }

    /// The change that last gave a line of the consolidated file its words, in this version
    /// or an earlier one; `None` where the line is the instrument's as adopted.
    pub fn last_changed(&self, line: usize) -> Option<&Change> {
        let index = self
            .stretches
            .iter()
            .position(|stretch| stretch.first_line <= line && line < stretch.first_line + stretch.lines)?;
        self.changed_by[index].map(|change| &self.history[change])
    }

    /// Its provisions (parsed once).
    pub fn document(&self) -> &Document {
        self.document.get_or_init(|| crate::structure::parse(&self.instrument))
    }

    /// The change that last gave this provision its words: the change of the stretch its
    /// first line is in (a paragraph an amendment kept by `x x x` keeps the change that made
    /// it). For a provision this version no longer has (repealed), the last change of it or
    /// of the provision holding it.
    pub fn last_changed_provision(&self, eid: &str) -> Option<&Change> {
        if self.by.is_some() {
            if let Some(provision) = self.document().find(eid) {
                return self.last_changed(provision.line);
            }
        }
        self.history.iter().rev().find(|change| {
            let changed = change.eid.as_str();
            eid == changed || eid.strip_prefix(changed).is_some_and(|rest| rest.starts_with("__"))
        })
    }
}

/// An instrument through its versions: as adopted, then after each amending instrument of
/// the corpus, in date order (undated ones last).
#[derive(Debug, Clone)]
pub struct History {
    /// The amended instrument.
    pub instrument: InstrumentId,
    /// Its versions, the first as adopted.
    pub versions: Vec<Version>,
    /// What could not be applied, and why.
    pub unapplied: Vec<Unapplied>,
}

/// The version in force at a date, and what it may lack.
#[derive(Debug, Clone, Copy)]
pub struct AtDate<'h> {
    /// The version.
    pub version: &'h Version,
    /// Amending instruments whose date the corpus does not have: whether they had been made
    /// by the date cannot be said, so their changes are not in the version.
    pub undated: &'h [Version],
}

impl History {
    /// The history of corpus instrument `id`. An instrument nothing amends has one version.
    pub fn of(corpus: &Corpus, id: &str) -> Result<History> {
        let base = corpus.require(id)?;
        let (date, basis) = own_date(base);
        let first = Version {
            instrument: base.clone(),
            by: None,
            date,
            basis,
            changes: Vec::new(),
            stretches: Vec::new(),
            changed_by: Vec::new(),
            history: Vec::new(),
            document: OnceLock::new(),
        };
        let mut consolidation = Consolidation::new(base)?;
        let mut history = History { instrument: base.id.clone(), versions: vec![first], unapplied: Vec::new() };
        for (amending, date, basis, as_amended) in amending_instruments(corpus, base) {
            let by = |eid: &Eid, line: usize, words: String| AmendingProvision {
                instrument: amending.id.clone(),
                eid: eid.clone(),
                line,
                words,
            };
            let language =
                |instrument: &Instrument| instrument.metadata.as_ref().map(|meta| meta.language.code.clone());
            if language(amending) != language(base) {
                history.unapplied.push(Unapplied {
                    by: by(&Eid::child(None, "preamble"), 1, String::new()),
                    reason: format!(
                        "its text is in `{}` and {} is in `{}`: a translation's words cannot be put into the original's",
                        language(amending).unwrap_or_default(),
                        base.id,
                        language(base).unwrap_or_default()
                    ),
                });
                continue;
            }
            let document = crate::structure::parse(amending);
            let (actions, unapplied) = read_actions(amending, &document, base, &as_amended);
            history.unapplied.extend(unapplied);
            let mut changes = Vec::new();
            for action in actions {
                match consolidation.apply(amending, &document, &action)? {
                    Ok(change) => changes.push(change),
                    Err(reason) => history
                        .unapplied
                        .push(Unapplied { by: by(&action.by.eid, action.by.line, action.by.words.clone()), reason }),
                }
            }
            let (instrument, stretches, changed_by) = consolidation.render()?;
            history.versions.push(Version {
                instrument,
                by: Some(amending.id.clone()),
                date,
                basis,
                changes,
                stretches,
                changed_by,
                history: consolidation.changes.clone(),
                document: OnceLock::new(),
            });
        }
        Ok(history)
    }

    /// The version that stood on `date` (`YYYY-MM-DD`): the last whose amending instrument's
    /// date is on or before it. That date is its entry into force where the corpus has it,
    /// else its adoption ([`Version::basis`] says which): a version dated by adoption is the
    /// law as made by then, which may not yet have been in force. An error where the date is before the instrument's own, or
    /// where an amendment's date is known only to the month or year that holds `date`.
    pub fn at(&self, date: &str) -> Result<AtDate<'_>> {
        let day: PartialDate = date.parse()?;
        let id = self.instrument.to_string();
        let refuse = |message: String| Error::PointInTime { id: id.clone(), date: date.to_owned(), message };
        if !day.is_day() {
            return Err(refuse("give a day, `YYYY-MM-DD`: an amendment may fall within a month or a year".to_owned()));
        }
        let (day, _) = day.first_and_last_day();
        let adopted = &self.versions[0];
        if let Some(own) = &adopted.date {
            let (first, last) = own.first_and_last_day();
            if day < first {
                return Err(refuse(format!("{} dates from {own}, after that day", self.instrument)));
            }
            if day <= last && first != last {
                return Err(refuse(format!(
                    "{} dates from {own}, which the corpus does not give to the day: it may not have been made yet",
                    self.instrument
                )));
            }
        }
        let mut standing = adopted;
        let undated_from = self.versions.iter().position(|version| version.by.is_some() && version.date.is_none());
        let dated = &self.versions[1..undated_from.unwrap_or(self.versions.len())];
        for version in dated {
            let date = version.date.as_ref().expect("dated versions come before the undated ones");
            let (first, last) = date.first_and_last_day();
            if last <= day {
                standing = version;
            } else if first <= day {
                let by = version.by.as_ref().expect("an amended version names its amending instrument");
                return Err(refuse(format!(
                    "{by} dates from {date} ({}), which the corpus does not give to the day: whether it had changed {} by then cannot be said; ask for a date before {first} or after {last}",
                    match version.basis {
                        DateBasis::InForce => "in force",
                        _ => "adopted",
                    },
                    self.instrument
                )));
            } else {
                break;
            }
        }
        Ok(AtDate { version: standing, undated: undated_from.map_or(&[][..], |from| &self.versions[from..]) })
    }

    /// The last version (every amendment of the corpus applied, undated ones included).
    pub fn latest(&self) -> &Version {
        self.versions.last().expect("a history has its first version")
    }
}

impl Corpus {
    /// The corpus as it stood on `date` (`YYYY-MM-DD`): each instrument an amending
    /// instrument of the corpus changed is its version of that day, and an instrument made
    /// after the day is left out. What the day leaves open is said, never decided: the notes
    /// name the instruments left out because their date (or an amendment's) is known only to
    /// a month or year holding the day, those kept undated, and the amendments due by then
    /// that could not be applied.
    pub fn at(&self, date: &str) -> Result<(Corpus, Vec<String>)> {
        let day: PartialDate = date.parse()?;
        if !day.is_day() {
            return Err(Error::PointInTime {
                id: "the corpus".to_owned(),
                date: date.to_owned(),
                message: "give a day, `YYYY-MM-DD`: an amendment may fall within a month or a year".to_owned(),
            });
        }
        let mut instruments = Vec::new();
        let mut notes = Vec::new();
        let mut left_out = std::collections::BTreeMap::new();
        for instrument in self.instruments() {
            let history = History::of(self, instrument.id.as_str())?;
            match history.at(date) {
                Ok(at) => {
                    if at.version.date.is_none() {
                        notes.push(format!("{}: its date is not in the corpus; shown as it stands", instrument.id));
                    }
                    for undated in at.undated {
                        if let Some(by) = &undated.by {
                            notes.push(format!(
                                "{}: {by} amends it and its date is not in the corpus; its changes are not shown",
                                instrument.id
                            ));
                        }
                    }
                    for unapplied in &history.unapplied {
                        let due = amending_instruments(self, instrument).into_iter().any(|(amending, date, _, _)| {
                            amending.id == unapplied.by.instrument
                                && date.is_some_and(|date| date.first_and_last_day().1.as_str() <= day.as_str())
                        });
                        if due {
                            notes.push(format!(
                                "{}: {} {} (line {}) not applied: {}",
                                instrument.id,
                                unapplied.by.instrument,
                                unapplied.by.eid,
                                unapplied.by.line,
                                unapplied.reason
                            ));
                        }
                    }
                    instruments.push(at.version.instrument.clone());
                }
                Err(Error::PointInTime { message, .. }) => {
                    notes.push(format!("{}: left out: {message}", instrument.id));
                    left_out.insert(instrument.id.to_string(), (date.to_owned(), message));
                }
                Err(other) => return Err(other),
            }
        }
        Ok((self.with_instruments(instruments, left_out), notes))
    }
}

/// An instrument's own date, and where it comes from.
fn own_date(instrument: &Instrument) -> (Option<PartialDate>, DateBasis) {
    let Some(metadata) = &instrument.metadata else { return (None, DateBasis::Unknown) };
    dated(metadata.in_force.clone(), metadata.adopted.clone())
}

fn dated(in_force: Option<PartialDate>, adopted: Option<PartialDate>) -> (Option<PartialDate>, DateBasis) {
    match (in_force, adopted) {
        (Some(date), _) => (Some(date), DateBasis::InForce),
        (None, Some(date)) => (Some(date), DateBasis::Adopted),
        (None, None) => (None, DateBasis::Unknown),
    }
}

/// The instruments of the corpus that amend `base`, each with its date and the provisions
/// it prints as amended: dated ones by date, then undated ones in corpus order.
fn amending_instruments<'c>(
    corpus: &'c Corpus,
    base: &Instrument,
) -> Vec<(&'c Instrument, Option<PartialDate>, DateBasis, Vec<Eid>)> {
    let mut found: Vec<_> = corpus
        .instruments()
        .filter_map(|instrument| {
            let metadata = instrument.metadata.as_ref()?;
            let relation = metadata
                .relations
                .iter()
                .find(|relation| relation.kind == RelationKind::Amends && relation.target == base.id)?;
            let (date, basis) = dated(
                relation.in_force.clone().or_else(|| metadata.in_force.clone()),
                relation.adopted.clone().or_else(|| metadata.adopted.clone()),
            );
            Some((instrument, date, basis, relation.as_amended.clone()))
        })
        .collect();
    found.sort_by_key(|(_, date, _, _)| match date {
        Some(date) => (0, date.first_and_last_day().0),
        None => (1, String::new()),
    });
    found
}

/// One action read from an amending instrument.
#[derive(Debug, Clone)]
struct ActionToApply {
    action: Action,
    by: AmendingProvision,
    /// The provision of the amended instrument it names (`sec_13`), where it names one.
    target: Option<Eid>,
    /// The new provisions, by their eId in the amending instrument.
    new: Vec<Eid>,
}

/// The eId a provision has at the top of its own instrument: `sec_13` for the quoted
/// `sec_5__sec_13` (sections, articles and the like are numbered without their containers).
fn own_eid(provision: &Provision) -> Option<Eid> {
    let last = provision.eid.as_str().rsplit("__").next()?;
    last.parse().ok()
}

fn ascii_lower(text: &str) -> String {
    text.to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `phrase` is in `text` (both lower case), as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The provision the words name first, as the eId it has at the top of its instrument:
/// `sec_13` of `substituting for section 13 the following section`, `art_5` of `Article 5 of
/// Law No. 12 is amended`.
fn named_provision(words: &str) -> Option<Eid> {
    let lower = words.to_ascii_lowercase();
    amendment_words()
        .section_words
        .iter()
        .flat_map(|(kind, names)| names.iter().map(move |name| (kind, name)))
        .filter_map(|(kind, name)| {
            lower.match_indices(name.as_str()).find_map(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + name.len()..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    return None;
                }
                let rest = words[at + name.len()..].trim_start();
                let number: String = rest
                    .chars()
                    .take_while(|character| character.is_ascii_alphanumeric() || *character == '-')
                    .collect();
                let number = number.trim_end_matches('-');
                if !number.starts_with(|first: char| first.is_ascii_digit()) {
                    return None;
                }
                let eid: Eid = format!("{kind}_{number}").parse().ok()?;
                Some((at, eid))
            })
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, eid)| eid)
}

/// Whether the amending words name `base`: as `the principal Act`; by its short title or
/// title; or by a number of four digits or more in its title that is not a year of the common
/// era (`9208`, `B.E. 2551`). A year alone (`2001`) names no act: `the Other Act 2001` is
/// another act of the same year.
fn names_base(words: &str, base: &Instrument) -> bool {
    let lower = ascii_lower(words);
    if amendment_words().principal.iter().any(|phrase| has_phrase(&lower, phrase)) {
        return true;
    }
    let Some(metadata) = &base.metadata else { return false };
    if [&metadata.short_title, &metadata.title].iter().any(|title| has_phrase(&lower, &ascii_lower(title))) {
        return true;
    }
    let titles = format!("{} {}", metadata.short_title, metadata.title);
    let is_year =
        |number: &str| number.len() == 4 && number.parse::<u32>().is_ok_and(|year| (1800..=2100).contains(&year));
    titles
        .split(|character: char| !character.is_ascii_digit())
        .filter(|number| number.len() >= 4 && !is_year(number))
        .any(|number| has_phrase(&lower, number))
}

/// The actions an amending instrument's provisions take on `base`, and those it cannot.
fn read_actions(
    amending: &Instrument,
    document: &Document,
    base: &Instrument,
    as_amended: &[Eid],
) -> (Vec<ActionToApply>, Vec<Unapplied>) {
    let words = amendment_words();
    let mut actions = Vec::new();
    let mut unapplied = Vec::new();
    let text = &amending.text;
    let amending_provision = |provision: &Provision, own: String| AmendingProvision {
        instrument: amending.id.clone(),
        eid: provision.eid.clone(),
        line: provision.line,
        words: own,
    };
    for eid in as_amended {
        match document.find(eid.as_str()) {
            Some(provision) => actions.push(ActionToApply {
                action: Action::AsAmended,
                by: amending_provision(provision, String::new()),
                target: own_eid(provision),
                new: vec![provision.eid.clone()],
            }),
            None => unapplied.push(Unapplied {
                by: AmendingProvision {
                    instrument: amending.id.clone(),
                    eid: eid.clone(),
                    line: 1,
                    words: String::new(),
                },
                reason: format!("its relation lists `{eid}` as amended, and its text has no such provision"),
            }),
        }
    }
    // Depth first; a provision read as an action takes its subtree with it.
    let mut stack: Vec<(&Provision, bool)> = document.provisions.iter().rev().map(|p| (p, false)).collect();
    while let Some((provision, ancestor_incomplete)) = stack.pop() {
        if as_amended.contains(&provision.eid) {
            continue;
        }
        // The amending words end where the new text (or the first provision under it) begins.
        let words_end = provision.children.first().map_or(provision.span.end, |child| child.span.start);
        let own = text.get(provision.span.start..words_end).unwrap_or_default().trim().to_owned();
        if provision.quoted {
            unapplied.push(Unapplied {
                by: amending_provision(provision, String::new()),
                reason: "quoted text without the amending words that place it (list it in the relation's `as_amended` if the source prints the provision as amended)".to_owned(),
            });
            continue;
        }
        let (head_start, _) = provision.head(text);
        let amending_words = text.get(head_start.min(words_end)..words_end).unwrap_or_default();
        let lower = ascii_lower(amending_words);
        let found = |phrases: &[String]| phrases.iter().any(|phrase| has_phrase(&lower, phrase));
        let action = if found(&words.substitute) {
            Some(Action::Substitute)
        } else if found(&words.insert) {
            Some(Action::Insert)
        } else if found(&words.repeal) || found(&words.word_level) {
            Some(Action::Repeal)
        } else {
            None
        };
        let quoted: Vec<&Provision> = provision.children.iter().filter(|child| child.quoted).collect();
        let Some(action) = action else {
            if quoted.is_empty() {
                let incomplete = ancestor_incomplete || provision.incomplete;
                stack.extend(provision.children.iter().rev().map(|child| (child, incomplete)));
            } else {
                unapplied.push(Unapplied {
                    by: amending_provision(provision, own.clone()),
                    reason:
                        "it quotes provisions, in words that say no action lexdef reads (substitute, insert, repeal)"
                            .to_owned(),
                });
            }
            continue;
        };
        let by = amending_provision(provision, own.clone());
        let refuse = |reason: String| Unapplied { by: by.clone(), reason };
        // `for "a child" substitute "a person"`: words in quotation marks, not a provision.
        let quotes_words = amending_words.contains(['"', '\u{201c}'])
            && !(has_phrase(&lower, "as follows") || has_phrase(&lower, "the following"));
        if found(&words.word_level) || quotes_words {
            let unnamed = named_provision(amending_words).is_none() && (ancestor_incomplete || provision.incomplete);
            unapplied.push(refuse(format!(
                "it changes words within a provision{}; lexdef applies whole provisions only, so the words it changes stay as they were",
                if unnamed { ", named in words the corpus text does not have (the provision is incomplete)" } else { "" }
            )));
            continue;
        }
        let Some(target) = named_provision(amending_words) else {
            unapplied.push(refuse(if ancestor_incomplete || provision.incomplete {
                "the words that name the provision it amends are not in the corpus text (the provision is incomplete)"
                    .to_owned()
            } else {
                "its words name no section lexdef can find".to_owned()
            }));
            continue;
        };
        if !names_base(amending_words, base) {
            unapplied.push(refuse(format!(
                "its words do not name {} (neither a number of its title nor `the principal Act`): it may amend another instrument",
                base.id
            )));
            continue;
        }
        let number = target.as_str().split_once('_').map_or("", |(_, number)| number).to_owned();
        let target = Some(target);
        match action {
            Action::Substitute | Action::Insert if quoted.is_empty() => {
                unapplied.push(refuse(
                    "the new text it gives is not in the corpus (no quoted provision follows its words)".to_owned(),
                ));
            }
            Action::Substitute => {
                let mismatch = quoted.iter().find(|new| own_eid(new) != target && quoted.len() == 1);
                if let Some(new) = mismatch {
                    unapplied.push(refuse(format!(
                        "its words name section {number} and the provision it quotes is numbered {}",
                        new.num.as_deref().unwrap_or("nothing")
                    )));
                } else {
                    actions.push(ActionToApply {
                        action,
                        by,
                        target,
                        new: quoted.iter().map(|new| new.eid.clone()).collect(),
                    });
                }
            }
            _ => actions.push(ActionToApply {
                action,
                by,
                target,
                new: quoted.iter().map(|new| new.eid.clone()).collect(),
            }),
        }
    }
    actions.sort_by_key(|action| action.by.line);
    (actions, unapplied)
}

/// A stretch of text on its way into the consolidated file.
#[derive(Debug, Clone)]
struct Piece {
    origin: InstrumentId,
    origin_line: usize,
    /// The source key in force at its start, qualified (`PH-RA10364-2012/scribd-og-print`).
    source: String,
    /// Copied exactly, but that `{{source: key}}` markers are qualified with the instrument.
    text: String,
    changed_by: Option<usize>,
}

impl Piece {
    /// Bytes `from..to` of its text, as a piece of its own: its first line and source found.
    fn slice(&self, from: usize, to: usize) -> Piece {
        let head = &self.text[..from];
        let source = head
            .rfind("{{source:")
            .and_then(|marker| {
                let inner = &head[marker + "{{source:".len()..];
                inner.find("}}").map(|close| inner[..close].trim().to_owned())
            })
            .unwrap_or_else(|| self.source.clone());
        Piece {
            origin: self.origin.clone(),
            origin_line: self.origin_line + head.matches('\n').count(),
            source,
            text: self.text[from..to].to_owned(),
            changed_by: self.changed_by,
        }
    }
}

/// Whether a quoted provision says only that it is unchanged (`(c) x x x;`).
fn says_unchanged(provision: &Provision, text: &str) -> bool {
    let Some(own) = provision.own_text(text) else { return false };
    let own = provision.num.as_deref().and_then(|num| own.strip_prefix(num)).unwrap_or(&own);
    let bare: String = own
        .chars()
        .filter(|character| {
            !character.is_whitespace() && !matches!(character, ';' | ',' | ':' | '"' | '\u{201c}' | '\u{201d}')
        })
        .collect::<String>()
        .to_lowercase();
    let bare = bare.trim_end_matches('.');
    !bare.is_empty()
        && amendment_words().unchanged.iter().any(|mark| mark.trim_end_matches('.') == bare || *mark == bare)
}

/// The consolidated file being put together.
struct Consolidation {
    base: Instrument,
    pieces: Vec<Piece>,
    changes: Vec<Change>,
    sources: Vec<SourceReference>,
    partial: bool,
    /// The instrument as the pieces make it now, with its parse.
    current: Instrument,
    document: Document,
    /// Where each piece's text starts in the current file.
    piece_starts: Vec<usize>,
}

/// Text of `id`'s file from its line `first_line` on, as the consolidated file holds it: the
/// law's words as they are; the keys of its `{{source: ...}}` markers qualified with `id`, and
/// each gap or omission note ended with where the marker is in `id`'s file (`(PH-RA10364-2012
/// line 111)`), so that whatever reports the gap names the file the reader can open.
fn qualify_markers(id: &InstrumentId, text: &str, first_line: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("{{") {
            out.push_str(&rest[..at]);
            let marker = &rest[at..];
            let Some(close) = marker.find("}}") else {
                out.push_str(marker);
                rest = "";
                break;
            };
            let inner = &marker[2..close];
            let (name, value) = inner.split_once(':').unwrap_or((inner, ""));
            match name.trim() {
                "source" => out.push_str(&format!("{{{{source: {id}/{}}}}}", value.trim())),
                "gap" | "omitted" => {
                    out.push_str(&format!("{{{{{name}:{value} ({id} line {})}}}}", first_line + index))
                }
                _ => out.push_str(&marker[..close + 2]),
            }
            rest = &marker[close + 2..];
        }
        out.push_str(rest);
    }
    out
}

/// The source key in force at a byte of an instrument's text, qualified with its id.
fn source_at(instrument: &Instrument, offset: usize) -> String {
    let key = instrument
        .source_switches
        .iter()
        .take_while(|switch| switch.offset <= offset)
        .last()
        .map_or("text", |switch| switch.key.as_str());
    format!("{}/{key}", instrument.id)
}

impl Consolidation {
    fn new(base: &Instrument) -> Result<Consolidation> {
        let start = base.body_start();
        let piece = Piece {
            origin: base.id.clone(),
            origin_line: base.file_lines().line(start),
            source: source_at(base, 0),
            text: qualify_markers(&base.id, &base.file_text()[start..], base.file_lines().line(start)),
            changed_by: None,
        };
        let mut consolidation = Consolidation {
            base: base.clone(),
            pieces: vec![piece],
            changes: Vec::new(),
            sources: Vec::new(),
            partial: false,
            current: base.clone(),
            document: crate::structure::parse(base),
            piece_starts: Vec::new(),
        };
        consolidation.add_sources(base);
        consolidation.refresh()?;
        Ok(consolidation)
    }

    fn add_sources(&mut self, instrument: &Instrument) {
        let Some(metadata) = &instrument.metadata else { return };
        self.partial |= metadata.completeness.status != CompletenessStatus::Complete;
        let id = &instrument.id;
        if self.sources.iter().any(|source| source.key.starts_with(&format!("{id}/"))) {
            return;
        }
        self.sources.push(SourceReference {
            key: format!("{id}/text"),
            url: String::new(),
            description: format!("{id}: text before its first source marker"),
            covers: None,
        });
        for source in &metadata.sources {
            self.sources.push(SourceReference {
                key: format!("{id}/{}", source.key),
                url: source.url.clone(),
                description: format!("{id}: {}", source.description),
                covers: source.covers.clone(),
            });
        }
    }

    /// The corpus file of the pieces (a metadata block, then the text), where each piece's
    /// text starts in it, and the stretches it is made of.
    fn file(&self) -> (String, Vec<usize>, Vec<Stretch>) {
        let metadata = toml::to_string(&self.metadata()).expect("metadata is plain data, which TOML can write");
        let mut file = format!("+++\n{metadata}+++\n");
        let mut starts = Vec::with_capacity(self.pieces.len());
        let mut stretches = Vec::with_capacity(self.pieces.len());
        let mut line = file.lines().count() + 1;
        for piece in &self.pieces {
            file.push_str(&format!("{{{{source: {}}}}}\n", piece.source));
            line += 1;
            starts.push(file.len());
            file.push_str(&piece.text);
            if !piece.text.ends_with('\n') {
                file.push('\n');
            }
            let lines = piece.text.lines().count();
            stretches.push(Stretch {
                first_line: line,
                lines,
                origin: piece.origin.clone(),
                origin_line: piece.origin_line,
            });
            line += lines;
        }
        (file, starts, stretches)
    }

    fn metadata(&self) -> Metadata {
        let mut metadata = self.base.metadata.clone().expect("an amended instrument has metadata: its relations");
        metadata.sources = self.sources.clone();
        let mut origins: Vec<&InstrumentId> = Vec::new();
        for piece in &self.pieces {
            if !origins.contains(&&piece.origin) {
                origins.push(&piece.origin);
            }
        }
        metadata.provenance_notes.push(format!(
            "Consolidated by lexdef from the corpus files of {}: each stretch of text is copied exactly from the file its `source` marker names (instrument/source), the quotation marks of amending text included.",
            origins.iter().map(|id| id.as_str()).collect::<Vec<_>>().join(", ")
        ));
        if self.partial {
            let own = &metadata.completeness;
            metadata.completeness = Completeness {
                status: CompletenessStatus::Partial,
                note: Some(match &own.note {
                    Some(note) => {
                        format!("consolidated from texts of which one or more are partial; as adopted: {note}")
                    }
                    None => "consolidated from texts of which one or more are partial".to_owned(),
                }),
                ..own.clone()
            };
            // A protection part pieced together from partial texts is not known whole.
            if let Some(protection) = metadata.protection.as_mut().filter(|p| p.status == ProtectionStatus::Complete) {
                protection.status = ProtectionStatus::Partial;
                protection.note = Some("consolidated from texts of which one or more are partial".to_owned());
            }
        }
        metadata
    }

    fn refresh(&mut self) -> Result<()> {
        // A stretch left with nothing but blank lines (or the marker a splice cut it after)
        // says nothing: it goes.
        self.pieces.retain(|piece| {
            piece.text.lines().any(|line| {
                let line = line.trim();
                !line.is_empty() && !(line.starts_with("{{source:") && line.ends_with("}}"))
            })
        });
        let (file, starts, _) = self.file();
        let name = format!("{} (consolidated)", self.base.id);
        // (The file's name is not its id: the mismatch warning says nothing here.)
        let (current, _) = Instrument::from_bytes(&name, file.as_bytes())?;
        self.current = current;
        self.document = crate::structure::parse(&self.current);
        self.piece_starts = starts;
        Ok(())
    }

    fn render(&self) -> Result<(Instrument, Vec<Stretch>, Vec<Option<usize>>)> {
        let (_, _, stretches) = self.file();
        let changed_by = self.pieces.iter().map(|piece| piece.changed_by).collect();
        Ok((self.current.clone(), stretches, changed_by))
    }

    /// Split the pieces so that one starts at byte `at` of the current file; the index of
    /// the first piece at or after it.
    fn split_at(&mut self, at: usize) -> usize {
        for index in 0..self.pieces.len() {
            let start = self.piece_starts[index];
            let end = start + self.pieces[index].text.len();
            if at <= start {
                return index;
            }
            if at < end {
                let cut = at - start;
                let tail = self.pieces[index].slice(cut, end - start);
                self.pieces[index].text.truncate(cut);
                self.pieces.insert(index + 1, tail);
                self.piece_starts.insert(index + 1, at);
                return index + 1;
            }
        }
        self.pieces.len()
    }

    /// Bytes `start..end` of the current file, as pieces that keep where they came from.
    fn copy_current(&self, start: usize, end: usize) -> Vec<Piece> {
        let mut copied = Vec::new();
        for (piece, &piece_start) in self.pieces.iter().zip(&self.piece_starts) {
            let piece_end = piece_start + piece.text.len();
            let (from, to) = (start.max(piece_start), end.min(piece_end));
            if from < to {
                copied.push(piece.slice(from - piece_start, to - piece_start));
            }
        }
        copied
    }

    /// The pieces of a quoted provision that replaces `replaced`: its text, but that a
    /// paragraph of it that says only `x x x` is the paragraph of that number as it stood.
    fn substitute_pieces(
        &self,
        amending: &Instrument,
        new: &Provision,
        replaced: Option<&Provision>,
        changed_by: usize,
    ) -> Vec<Piece> {
        let (start, end) = extent(amending, new, false);
        let from_amending = |from: usize, to: usize| Piece {
            origin: amending.id.clone(),
            origin_line: amending.file_lines().line(from),
            source: source_at(amending, amending.text_offset(from)),
            text: qualify_markers(&amending.id, &amending.file_text()[from..to], amending.file_lines().line(from)),
            changed_by: Some(changed_by),
        };
        let mut pieces = Vec::new();
        let mut cursor = start;
        if let (Some(replaced), Some(prefix)) = (replaced, own_eid(new)) {
            for child in new.walk().skip(1).filter(|child| says_unchanged(child, &amending.text)) {
                let Some(relative) = child.eid.as_str().strip_prefix(new.eid.as_str()) else { continue };
                let Some(old) = self.document.find(&format!("{prefix}{relative}")) else { continue };
                if !replaced.walk().any(|within| within.eid == old.eid) {
                    continue;
                }
                let (child_start, child_end) = extent(amending, child, false);
                if child_start < cursor {
                    continue;
                }
                if cursor < child_start {
                    pieces.push(from_amending(cursor, child_start));
                }
                let (old_start, old_end) = extent(&self.current, old, false);
                pieces.extend(self.copy_current(old_start, old_end));
                cursor = child_end;
            }
        }
        if cursor < end {
            pieces.push(from_amending(cursor, end));
        }
        pieces
    }

    /// The bytes of the current file a provision takes, with the gap markers right after it.
    fn extent(&self, provision: &Provision) -> (usize, usize) {
        extent(&self.current, provision, true)
    }

    /// Where a new provision numbered after `target` goes: after the last provision of the
    /// same kind whose number comes before its own, else before the first, else at the end.
    fn place_for(&self, new: &Provision) -> usize {
        let key = number_key(new.number.as_deref().unwrap_or(""));
        let same_kind: Vec<&Provision> = self.document.walk().filter(|provision| provision.kind == new.kind).collect();
        if let Some(before) =
            same_kind.iter().filter(|provision| number_key(provision.number.as_deref().unwrap_or("")) < key).last()
        {
            return self.extent(before).1;
        }
        if let Some(first) = same_kind.first() {
            return self.extent(first).0;
        }
        self.current.file_text().len()
    }

    /// Apply one action: the change made, or why it could not be.
    fn apply(
        &mut self,
        amending: &Instrument,
        amending_document: &Document,
        action: &ActionToApply,
    ) -> Result<std::result::Result<Change, String>> {
        self.add_sources(amending);
        let target_eid = action.target.clone();
        let target = target_eid.as_ref().and_then(|eid| self.document.find(eid.as_str())).cloned();
        let change =
            |eid: Eid, target_seen: bool| Change { eid, action: action.action, by: action.by.clone(), target_seen };
        let new_pieces = |changed_by: usize| -> Vec<Piece> {
            action
                .new
                .iter()
                .filter_map(|eid| amending_document.find(eid.as_str()))
                .map(|provision| {
                    let (start, end) = extent(amending, provision, false);
                    Piece {
                        origin: amending.id.clone(),
                        origin_line: amending.file_lines().line(start),
                        source: source_at(amending, provision.span.start),
                        text: qualify_markers(
                            &amending.id,
                            &amending.file_text()[start..end],
                            amending.file_lines().line(start),
                        ),
                        changed_by: Some(changed_by),
                    }
                })
                .collect()
        };
        let made = match action.action {
            Action::Repeal => {
                let Some(target) = target else {
                    return Ok(Err(format!(
                        "it repeals {}, which is not in the corpus text of {}",
                        target_eid.map_or_else(|| "a provision".to_owned(), |eid| eid.to_string()),
                        self.base.id
                    )));
                };
                let (start, end) = self.extent(&target);
                self.changes.push(change(target.eid.clone(), true));
                let first = self.split_at(start);
                let after = self.split_at(end);
                self.pieces.drain(first..after);
                self.changes.last().cloned()
            }
            Action::Substitute | Action::AsAmended => {
                let index = self.changes.len();
                let Some(new) = action.new.first().and_then(|eid| amending_document.find(eid.as_str())) else {
                    return Ok(Err("the provision it quotes was not found in its text".to_owned()));
                };
                let replaced = own_eid(new).and_then(|eid| self.document.find(eid.as_str()).cloned());
                let pieces: Vec<Piece> = action
                    .new
                    .iter()
                    .filter_map(|eid| amending_document.find(eid.as_str()))
                    .flat_map(|new| {
                        let replaced = own_eid(new).and_then(|eid| self.document.find(eid.as_str()));
                        self.substitute_pieces(amending, new, replaced, index)
                    })
                    .collect();
                let (start, end) = match &replaced {
                    Some(old) => self.extent(old),
                    None => {
                        let at = self.place_for(new);
                        (at, at)
                    }
                };
                let eid = own_eid(new).or(target_eid).unwrap_or_else(|| new.eid.clone());
                self.changes.push(change(eid, replaced.is_some()));
                let first = self.split_at(start);
                let after = self.split_at(end);
                self.pieces.splice(first..after, pieces);
                self.changes.last().cloned()
            }
            Action::Insert => {
                let index = self.changes.len();
                let pieces = new_pieces(index);
                let Some(new) = action.new.first().and_then(|eid| amending_document.find(eid.as_str())) else {
                    return Ok(Err("the provision it quotes was not found in its text".to_owned()));
                };
                if let Some(existing) = own_eid(new).and_then(|eid| self.document.find(eid.as_str())) {
                    return Ok(Err(format!(
                        "it inserts `{}`, and {} already has a provision `{}`",
                        new.num.as_deref().unwrap_or(""),
                        self.base.id,
                        existing.eid
                    )));
                }
                let at = match &target {
                    Some(anchor) => self.extent(anchor).1,
                    None => self.place_for(new),
                };
                self.changes.push(change(own_eid(new).unwrap_or_else(|| new.eid.clone()), target.is_some()));
                let first = self.split_at(at);
                self.pieces.splice(first..first, pieces);
                self.changes.last().cloned()
            }
        };
        self.refresh()?;
        Ok(made.ok_or_else(|| "nothing was changed".to_owned()))
    }
}

/// The bytes of an instrument's file a provision takes: from the start of its line, with a
/// `{{number: ...}}` marker that gives its number (on its line or on a line above, with gap
/// markers between), to the end of its last line; with `trailing`, the gap markers and blank
/// lines right after it, which are about it.
fn extent(instrument: &Instrument, provision: &Provision, trailing: bool) -> (usize, usize) {
    let file = instrument.file_text();
    let lines = instrument.file_lines();
    let marker_line = |line: usize, name: &str| {
        let text = file[lines.line_span(file, line)].trim();
        text.starts_with(name) && text.ends_with("}}") && text.matches("{{").count() == 1
    };
    let start = instrument.file_offset(provision.span.start);
    let first_line = lines.line(start);
    let line_start = lines.line_span(file, first_line).start;
    let before = &file[line_start..start];
    let mut start =
        if before.trim().is_empty() || before.trim_start().starts_with("{{number:") { line_start } else { start };
    if start == line_start {
        let mut above = first_line;
        while above > 1 && (marker_line(above - 1, "{{gap:") || marker_line(above - 1, "{{number:")) {
            above -= 1;
        }
        // Only a number marker makes the lines above part of the provision.
        if let Some(number_line) = (above..first_line).find(|&line| marker_line(line, "{{number:")) {
            start = lines.line_span(file, number_line).start;
        }
    }
    let last = instrument.file_offset(provision.span.end.saturating_sub(1).max(provision.span.start));
    let mut line = lines.line(last);
    let mut end = lines.line_span(file, line).end;
    while trailing && line < lines.line_count() {
        let next = lines.line_span(file, line + 1);
        let text = file[next.clone()].trim();
        if text.is_empty() || marker_line(line + 1, "{{gap:") {
            line += 1;
            end = next.end;
        } else {
            break;
        }
    }
    (start, skip_newline(file, end))
}

fn skip_newline(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at..) {
        Some([b'\r', b'\n', ..]) => at + 2,
        Some([b'\n', ..]) | Some([b'\r', ..]) => at + 1,
        _ => at,
    }
}

/// A section number for ordering: `4-B` after `4` and before `5`.
fn number_key(number: &str) -> (u64, String) {
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), number[digits.len()..].to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amendment_words_are_valid_and_lower_case() {
        let words = amendment_words();
        for phrase in words.substitute.iter().chain(&words.insert).chain(&words.repeal).chain(&words.principal) {
            assert_eq!(phrase, &phrase.to_lowercase(), "{phrase}");
        }
        assert!(!words.section_words.is_empty());
    }

    #[test]
    fn the_provision_named_is_the_first() {
        let named = |words: &str| named_provision(words).map(|eid| eid.to_string());
        let cases = [
            ("The principal Act is amended by substituting for section 13 the following section:", Some("sec_13")),
            ("Section 4-A of Republic Act No. 9208 is hereby amended", Some("sec_4-A")),
            ("The provisions of section 6 of the Act, B.E. 2551 as amended by the Act (No. 3)", Some("sec_6")),
            ("Article 5 of Law No. 12/2010 is amended to read as follows:", Some("art_5")),
            ("in the shoulder note, by inserting after the word", None),
            // `intersection 5` names no section.
            ("the intersection 5 of roads", None),
        ];
        for (words, expected) in cases {
            assert_eq!(named(words).as_deref(), expected, "{words}");
        }
    }

    #[test]
    fn numbers_order_as_sections_do() {
        let mut numbers = vec!["5", "4-C", "4", "13", "4-B"];
        numbers.sort_by_key(|number| number_key(number));
        assert_eq!(numbers, ["4", "4-B", "4-C", "5", "13"]);
    }
}
