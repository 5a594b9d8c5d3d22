//! The metadata block of a corpus file: what an instrument is, where its text came from and
//! how complete it is. The format is documented in `corpus/README.md`.

use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::eid::Eid;
use crate::error::{Error, MetadataProblem, Result};
use crate::instrument_id::InstrumentId;
use crate::jurisdiction::Jurisdiction;
use crate::location::{LineIndex, Location};

/// What sort of instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InstrumentKind {
    /// An international treaty or protocol (the UN Protocol).
    Treaty,
    /// A regional convention (ACTIP).
    Convention,
    /// A declaration, not binding (the ASEAN Declaration 2004).
    Declaration,
    /// A national act or law.
    Act,
    /// An act whose provisions amend another.
    AmendingAct,
    /// A penal or criminal code.
    Code,
    /// A bill as introduced, not the enacted law.
    Bill,
    /// An order with the force of law (Brunei).
    Order,
    /// A revised edition or consolidation of an act.
    RevisedEdition,
}

/// Whether the text is the authoritative one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TextStatus {
    /// The authoritative text.
    Official,
    /// One of several equally authentic texts.
    Authentic,
    /// An unofficial translation.
    Translation,
    /// A translation of a draft, not of the enacted text.
    DraftTranslation,
}

/// How much of the instrument the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CompletenessStatus {
    /// Every provision listed as included is there in full.
    Complete,
    /// Parts are missing; gap markers say where.
    Partial,
    /// No text was found; the file is metadata only.
    Missing,
}

/// How two instruments relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RelationKind {
    /// This instrument amends the target.
    Amends,
    /// The target amends this one.
    AmendedBy,
    /// This instrument supersedes (replaces) the target.
    Supersedes,
    /// The target supersedes this one.
    SupersededBy,
    /// This instrument repeals (part of) the target.
    Repeals,
    /// The target repeals (part of) this one.
    RepealedBy,
    /// This text is a translation of the target (the original-language text).
    TranslationOf,
    /// This is the original-language text of the target (a translation).
    OriginalOf,
    /// This is the bill that became the target act.
    BillFor,
    /// The target is the bill this act was enacted from.
    EnactedFromBill,
    /// This is a revised edition of the target.
    RevisedEditionOf,
    /// The target is a revised edition of this one.
    RevisedEdition,
}

impl RelationKind {
    /// The relation the target must record back.
    pub fn inverse(self) -> RelationKind {
        use RelationKind::*;
        match self {
            Amends => AmendedBy,
            AmendedBy => Amends,
            Supersedes => SupersededBy,
            SupersededBy => Supersedes,
            Repeals => RepealedBy,
            RepealedBy => Repeals,
            TranslationOf => OriginalOf,
            OriginalOf => TranslationOf,
            BillFor => EnactedFromBill,
            EnactedFromBill => BillFor,
            RevisedEditionOf => RevisedEdition,
            RevisedEdition => RevisedEditionOf,
        }
    }

    /// The name used in corpus files, e.g. `amended_by`.
    pub fn as_str(self) -> &'static str {
        use RelationKind::*;
        match self {
            Amends => "amends",
            AmendedBy => "amended_by",
            Supersedes => "supersedes",
            SupersededBy => "superseded_by",
            Repeals => "repeals",
            RepealedBy => "repealed_by",
            TranslationOf => "translation_of",
            OriginalOf => "original_of",
            BillFor => "bill_for",
            EnactedFromBill => "enacted_from_bill",
            RevisedEditionOf => "revised_edition_of",
            RevisedEdition => "revised_edition",
        }
    }
}

/// A calendar date as precise as the source gives it: `2003-05-26`, `2003-05` or `2003`.
///
/// Normalisation: none; the string must already be ISO 8601 with a valid month and day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate(String);

impl PartialDate {
    /// The year.
    pub fn year(&self) -> i32 {
        self.0[..4].parse().expect("a PartialDate starts with four digits")
    }

    /// Whether it gives the day, not only the month or the year.
    pub fn is_day(&self) -> bool {
        self.0.len() == 10
    }

    /// The first and the last day it may stand for, as `YYYY-MM-DD` (`2013` stands for
    /// `2013-01-01` to `2013-12-31`); ISO dates of one width compare as strings.
    pub fn first_and_last_day(&self) -> (String, String) {
        match self.0.len() {
            4 => (format!("{}-01-01", self.0), format!("{}-12-31", self.0)),
            7 => {
                let year = self.year();
                let month: u32 = self.0[5..7].parse().expect("a PartialDate's month is two digits");
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let last = match month {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                (format!("{}-01", self.0), format!("{}-{last:02}", self.0))
            }
            _ => (self.0.clone(), self.0.clone()),
        }
    }
}

impl FromStr for PartialDate {
    type Err = Error;

    fn from_str(value: &str) -> Result<PartialDate> {
        let invalid = || Error::InvalidValue {
            what: "date",
            value: value.to_owned(),
            expected: "an ISO 8601 date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`".to_owned(),
        };
        let parts: Vec<&str> = value.split('-').collect();
        let digits = |part: &str, width: usize| part.len() == width && part.bytes().all(|byte| byte.is_ascii_digit());
        if parts.is_empty() || parts.len() > 3 || !digits(parts[0], 4) {
            return Err(invalid());
        }
        let year: u32 = parts[0].parse().map_err(|_| invalid())?;
        if let Some(month) = parts.get(1) {
            let month: u32 =
                if digits(month, 2) { month.parse().map_err(|_| invalid())? } else { return Err(invalid()) };
            if !(1..=12).contains(&month) {
                return Err(invalid());
            }
            if let Some(day) = parts.get(2) {
                let day: u32 = if digits(day, 2) { day.parse().map_err(|_| invalid())? } else { return Err(invalid()) };
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days_in_month = match month {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                if !(1..=days_in_month).contains(&day) {
                    return Err(invalid());
                }
            }
        }
        Ok(PartialDate(value.to_owned()))
    }
}

crate::newtype::string_newtype!(PartialDate);

/// The language of the text and whether it is authoritative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-1 code, e.g. `en`, `th`.
    pub code: String,
    /// Official, authentic, a translation, or a translation of a draft.
    pub status: TextStatus,
    /// Who translated it (for translations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    /// Anything else the source says about the language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How complete the file is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completeness {
    /// Complete, partial or missing.
    pub status: CompletenessStatus,
    /// The provisions the file holds, as the law numbers them.
    pub included: Vec<String>,
    /// What is missing, in the source header's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How much of an instrument's protection part — its provisions on assisting and protecting
/// victims — the file holds: what the protection checklist may conclude from silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ProtectionStatus {
    /// Every provision of the instrument on protecting victims is in the file, in full: an
    /// item none of them provides is not provided.
    Complete,
    /// Some are; the others were not seen.
    Partial,
    /// None was seen.
    None,
}

impl ProtectionStatus {
    /// The word the metadata uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ProtectionStatus::Complete => "complete",
            ProtectionStatus::Partial => "partial",
            ProtectionStatus::None => "none",
        }
    }
}

/// The protection part of an instrument as the file holds it (`[protection]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protection {
    /// Complete, partial or none.
    pub status: ProtectionStatus,
    /// The protection provisions the file holds, as the law numbers them.
    #[serde(default)]
    pub included: Vec<String>,
    /// What is missing, or why the part counts as complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where (part of) the text was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceReference {
    /// The name `{{source: KEY}}` markers use.
    pub key: String,
    /// Where it is.
    pub url: String,
    /// What it is.
    pub description: String,
    /// Which provisions were read there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<String>,
}

/// A second translation, named but not used as the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeTranslation {
    /// Who made it.
    pub translator: String,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Which provisions it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<String>,
    /// How it differs, or why it was not chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A link to another instrument of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// How they relate.
    pub kind: RelationKind,
    /// The other instrument.
    pub target: InstrumentId,
    /// Which provisions, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// On an `amends` relation: the provisions of this file, by eId, that are the target's
    /// provisions as amended, printed by the source without the amending words that made them
    /// (RA 10364's `sec_3`). They are applied as whole-provision substitutions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub as_amended: Vec<Eid>,
    /// On an `amends` relation of a file that gathers several amending acts: when the act
    /// whose amending text the file holds was adopted, where the file's own `adopted` cannot say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<PartialDate>,
    /// The same, for the date it came into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<PartialDate>,
    /// Where the relation is written, for diagnostics.
    #[serde(skip)]
    pub location: Option<Location>,
}

/// The metadata of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The id, equal to the corpus file's name.
    pub id: InstrumentId,
    /// The full title.
    pub title: String,
    /// The name users know it by.
    pub short_title: String,
    /// Where it applies.
    pub jurisdiction: Jurisdiction,
    /// What sort of instrument.
    pub kind: InstrumentKind,
    /// When adopted, where the source says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted: Option<PartialDate>,
    /// What the source says about adoption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_note: Option<String>,
    /// When in force, where the source says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force: Option<PartialDate>,
    /// What the source says about entry into force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force_note: Option<String>,
    /// The language of the text.
    pub language: Language,
    /// How complete the text is.
    pub completeness: Completeness,
    /// How much of its protection part the file holds; absent where none was seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection: Option<Protection>,
    /// Where it was read.
    pub sources: Vec<SourceReference>,
    /// Other translations, named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternative_translations: Vec<AlternativeTranslation>,
    /// Links to other instruments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Facts about how the text was obtained or rendered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provenance_notes: Vec<String>,
    /// Where the `id` field is written, for diagnostics about the id.
    #[serde(skip)]
    pub id_location: Location,
}

/// The block as written, with spans on the values checked after deserialising.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    id: Spanned<String>,
    title: String,
    short_title: String,
    jurisdiction: Spanned<String>,
    kind: InstrumentKind,
    adopted: Option<Spanned<String>>,
    adopted_note: Option<String>,
    in_force: Option<Spanned<String>>,
    in_force_note: Option<String>,
    language: Language,
    completeness: Completeness,
    #[serde(default)]
    protection: Option<Protection>,
    sources: Vec<SourceReference>,
    #[serde(default)]
    alternative_translations: Vec<AlternativeTranslation>,
    #[serde(default)]
    relations: Vec<RawRelation>,
    #[serde(default)]
    provenance_notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    kind: RelationKind,
    target: Spanned<String>,
    note: Option<String>,
    #[serde(default)]
    as_amended: Vec<Spanned<String>>,
    adopted: Option<Spanned<String>>,
    in_force: Option<Spanned<String>>,
}

/// Where the metadata block sits in its file, to turn TOML spans into file locations.
pub(crate) struct BlockPosition<'file> {
    pub file: &'file str,
    pub file_text: &'file str,
    pub lines: &'file LineIndex,
    /// Byte offset of the block's first character in the file.
    pub start: usize,
}

impl BlockPosition<'_> {
    fn locate(&self, span: Option<Range<usize>>) -> Location {
        let offset = self.start + span.map_or(0, |span| span.start);
        let (line, column) = self.lines.line_column(self.file_text, offset);
        Location { file: self.file.to_owned(), line, column }
    }

    /// The key written at the start of the line holding `span`, e.g. `kind` in `kind = 3`.
    fn key_at(&self, span: &Range<usize>) -> Option<String> {
        let offset = self.start + span.start;
        let line = self.lines.line(offset);
        let text = &self.file_text[self.lines.line_span(self.file_text, line)];
        let (key, _) = text.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && !key.starts_with('[')).then(|| key.trim_matches('"').to_owned())
    }
}

fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let length = message[start..].find('`')?;
    Some(message[start..start + length].to_owned())
}

impl Metadata {
    /// Parse a metadata block. `block` is the TOML between the `+++` lines.
    pub(crate) fn parse(block: &str, position: &BlockPosition<'_>) -> Result<Metadata> {
        let raw: RawMetadata = toml::from_str(block).map_err(|error| {
            let message = error.message().trim().to_owned();
            let problem = if message.starts_with("duplicate key") {
                MetadataProblem::DuplicateKey
            } else if message.starts_with("unknown field") {
                MetadataProblem::UnknownField
            } else if message.starts_with("missing field") {
                MetadataProblem::MissingField
            } else if message.starts_with("invalid type") || message.starts_with("wanted ") {
                MetadataProblem::WrongType
            } else if message.starts_with("unknown variant") || message.starts_with("invalid value") {
                MetadataProblem::InvalidValue
            } else {
                MetadataProblem::Syntax
            };
            // toml says `wanted string or table` where a value has the wrong type: say what it found.
            let message = match (problem, error.span()) {
                (MetadataProblem::WrongType, Some(span)) if message.starts_with("wanted ") => {
                    let found = block.get(span).unwrap_or_default().trim();
                    format!("expected a {}, found `{found}`", message.trim_start_matches("wanted "))
                }
                _ => message,
            };
            let field = match problem {
                MetadataProblem::DuplicateKey | MetadataProblem::UnknownField | MetadataProblem::MissingField => {
                    backticked(&message)
                }
                _ => error.span().and_then(|span| position.key_at(&span)),
            };
            let top_level = ["id", "title", "short_title", "jurisdiction", "kind", "adopted", "adopted_note", "in_force",
                "in_force_note", "provenance_notes"];
            let message = match &field {
                Some(field) if problem == MetadataProblem::UnknownField && top_level.contains(&field.as_str()) => format!(
                    "{message} (hint: `{field}` is a top-level key; in TOML it must come before the first `[table]` or `[[table]]`)"
                ),
                _ => message,
            };
            Error::Metadata { location: position.locate(error.span()), problem, field, message }
        })?;
        let invalid = |field: &str, span: Range<usize>, error: Error| Error::Metadata {
            location: position.locate(Some(span)),
            problem: MetadataProblem::InvalidValue,
            field: Some(field.to_owned()),
            message: match error {
                Error::InvalidValue { value, expected, .. } => format!("`{value}` is not valid: expected {expected}"),
                other => other.to_string(),
            },
        };
        let id = raw.id.get_ref().parse().map_err(|error| invalid("id", raw.id.span(), error))?;
        let jurisdiction = raw.jurisdiction.get_ref().parse().map_err(|_| Error::UnknownJurisdiction {
            location: position.locate(Some(raw.jurisdiction.span())),
            code: raw.jurisdiction.get_ref().clone(),
        })?;
        let date = |field: &str, value: Option<Spanned<String>>| -> Result<Option<PartialDate>> {
            value.map(|value| value.get_ref().parse().map_err(|error| invalid(field, value.span(), error))).transpose()
        };
        let adopted = date("adopted", raw.adopted)?;
        let in_force = date("in_force", raw.in_force)?;
        if raw.sources.is_empty() {
            return Err(Error::Metadata {
                location: position.locate(None),
                problem: MetadataProblem::MissingField,
                field: Some("sources".to_owned()),
                message: "at least one `[[sources]]` entry is required: say where the text was read".to_owned(),
            });
        }
        let relations = raw
            .relations
            .into_iter()
            .map(|relation| {
                let location = position.locate(Some(relation.target.span()));
                let target = relation
                    .target
                    .get_ref()
                    .parse()
                    .map_err(|error| invalid("relations.target", relation.target.span(), error))?;
                let as_amended = relation
                    .as_amended
                    .into_iter()
                    .map(|eid| {
                        eid.get_ref().parse().map_err(|error| invalid("relations.as_amended", eid.span(), error))
                    })
                    .collect::<Result<Vec<Eid>>>()?;
                if !as_amended.is_empty() && relation.kind != RelationKind::Amends {
                    return Err(Error::Metadata {
                        location,
                        problem: MetadataProblem::InvalidValue,
                        field: Some("relations.as_amended".to_owned()),
                        message: format!(
                            "`as_amended` names provisions as amended, so it belongs on an `amends` relation, not `{}`",
                            relation.kind.as_str()
                        ),
                    });
                }
                Ok(Relation {
                    kind: relation.kind,
                    target,
                    note: relation.note,
                    as_amended,
                    adopted: date("relations.adopted", relation.adopted)?,
                    in_force: date("relations.in_force", relation.in_force)?,
                    location: Some(location),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Metadata {
            id_location: position.locate(Some(raw.id.span())),
            id,
            title: raw.title,
            short_title: raw.short_title,
            jurisdiction,
            kind: raw.kind,
            adopted,
            adopted_note: raw.adopted_note,
            in_force,
            in_force_note: raw.in_force_note,
            language: raw.language,
            completeness: raw.completeness,
            protection: raw.protection,
            sources: raw.sources,
            alternative_translations: raw.alternative_translations,
            relations,
            provenance_notes: raw.provenance_notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_real() {
        let table = [
            ("2003-05-26", true),
            ("2003-05", true),
            ("2003", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2003-13", false),
            ("26 May 2003", false),
            ("03-05-26", false),
            ("", false),
        ];
        for (input, valid) in table {
            assert_eq!(input.parse::<PartialDate>().is_ok(), valid, "input {input:?}");
        }
    }

    #[test]
    fn every_relation_has_an_inverse_that_inverts_back() {
        use RelationKind::*;
        for kind in [
            Amends,
            AmendedBy,
            Supersedes,
            SupersededBy,
            Repeals,
            RepealedBy,
            TranslationOf,
            OriginalOf,
            BillFor,
            EnactedFromBill,
            RevisedEditionOf,
            RevisedEdition,
        ] {
            assert_eq!(kind.inverse().inverse(), kind);
            assert_ne!(kind.inverse(), kind);
        }
    }
}
