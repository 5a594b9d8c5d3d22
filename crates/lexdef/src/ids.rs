//! Concept and element ids: the public contract of the term model (JSON output, Python,
//! check rules). Spelled exactly as `../shared/DESIGN.md` gives them; new ids may be added,
//! none renamed.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The 21 elements of the UN Protocol's Article 3(a).
pub const PROTOCOL_ELEMENTS: [&str; 21] = [
    "act.recruitment",
    "act.transportation",
    "act.transfer",
    "act.harbouring",
    "act.receipt",
    "means.threat_of_force",
    "means.use_of_force",
    "means.coercion",
    "means.abduction",
    "means.fraud",
    "means.deception",
    "means.abuse_of_power",
    "means.abuse_of_vulnerability",
    "means.payments_to_controller",
    "purpose.prostitution",
    "purpose.sexual_exploitation",
    "purpose.forced_labour",
    "purpose.slavery",
    "purpose.slavery_like_practices",
    "purpose.servitude",
    "purpose.organ_removal",
];

/// The extended elements the design fixes (national laws add these).
pub const EXTENDED_ELEMENTS: [&str; 18] = [
    "act.buying",
    "act.selling",
    "act.procuring",
    "act.detaining",
    "act.obtaining",
    "act.hiring",
    "act.providing",
    "act.offering",
    "act.maintaining",
    "act.sending",
    "means.debt_bondage",
    "purpose.pornography",
    "purpose.begging",
    "purpose.forced_marriage",
    "purpose.illegal_adoption",
    "purpose.debt_bondage",
    "purpose.armed_conflict",
    "purpose.forced_criminality",
];

/// A concept a definition can define: `trafficking_in_persons`, `child`, ...
///
/// Normalisation: none; lower-case ASCII letters and `_`, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ConceptId(String);

impl FromStr for ConceptId {
    type Err = Error;

    fn from_str(value: &str) -> Result<ConceptId, Error> {
        let valid = value.starts_with(|character: char| character.is_ascii_lowercase())
            && value.chars().all(|character| character.is_ascii_lowercase() || character == '_');
        if valid {
            Ok(ConceptId(value.to_owned()))
        } else {
            Err(Error::InvalidValue {
                what: "concept id",
                value: value.to_owned(),
                expected: "lower-case letters and `_`, e.g. `trafficking_in_persons`".to_owned(),
            })
        }
    }
}

crate::newtype::string_newtype!(ConceptId);

/// The family of an element: what is done, how, and what for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementFamily {
    /// `act.*`
    Act,
    /// `means.*`
    Means,
    /// `purpose.*`
    Purpose,
    /// `protection.*`: an item of the protection checklist (what a law provides for
    /// victims), read by its own lexicon, never part of a definition's term model.
    Protection,
}

/// An element of a definition: `act.recruitment`, `means.coercion`, `purpose.slavery`.
///
/// Normalisation: none; a family (`act`, `means`, `purpose`), a dot, and lower-case ASCII
/// letters and `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ElementId(String);

impl ElementId {
    /// Its family.
    pub fn family(&self) -> ElementFamily {
        match self.0.split_once('.').map(|(family, _)| family) {
            Some("act") => ElementFamily::Act,
            Some("means") => ElementFamily::Means,
            Some("protection") => ElementFamily::Protection,
            _ => ElementFamily::Purpose,
        }
    }
}

impl FromStr for ElementId {
    type Err = Error;

    fn from_str(value: &str) -> Result<ElementId, Error> {
        let valid = value.split_once('.').is_some_and(|(family, name)| {
            matches!(family, "act" | "means" | "purpose" | "protection")
                && name.starts_with(|character: char| character.is_ascii_lowercase())
                && name.chars().all(|character| character.is_ascii_lowercase() || character == '_')
        });
        if valid {
            Ok(ElementId(value.to_owned()))
        } else {
            Err(Error::InvalidValue {
                what: "element id",
                value: value.to_owned(),
                expected: "`act.x`, `means.x`, `purpose.x` or `protection.x`, e.g. `means.coercion`".to_owned(),
            })
        }
    }
}

crate::newtype::string_newtype!(ElementId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_ids_are_valid_and_distinct() {
        let all: Vec<&str> = PROTOCOL_ELEMENTS.iter().chain(EXTENDED_ELEMENTS.iter()).copied().collect();
        for id in &all {
            assert!(id.parse::<ElementId>().is_ok(), "{id}");
        }
        let distinct: std::collections::HashSet<&&str> = all.iter().collect();
        assert_eq!(distinct.len(), all.len());
        for bad in ["act", "act.", "Act.recruitment", "means.Coercion", "purpose.organ-removal", "legal.thing"] {
            assert!(bad.parse::<ElementId>().is_err(), "{bad}");
        }
    }
}
