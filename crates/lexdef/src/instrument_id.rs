//! Instrument ids: the names of the corpus files.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The id of an instrument, e.g. `PH-RA10364-2012`, `TH-ATIPA-2008-orig`.
///
/// Normalisation: none beyond trimming; an id is case-sensitive (`-orig` is lower case in the
/// corpus). It must start with an upper-case letter and hold only ASCII letters, digits and
/// `-`, at most 64 characters, with no `--` and no trailing `-`, so it is safe as a file name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct InstrumentId(String);

impl FromStr for InstrumentId {
    type Err = Error;

    fn from_str(value: &str) -> Result<InstrumentId, Error> {
        let id = value.trim();
        let well_formed = !id.is_empty()
            && id.len() <= 64
            && id.starts_with(|first: char| first.is_ascii_uppercase())
            && id.chars().all(|character| character.is_ascii_alphanumeric() || character == '-')
            && !id.contains("--")
            && !id.ends_with('-');
        if well_formed {
            Ok(InstrumentId(id.to_owned()))
        } else {
            Err(Error::InvalidValue {
                what: "instrument id",
                value: value.to_owned(),
                expected: "ASCII letters, digits and `-`, starting with an upper-case letter, e.g. `PH-RA9208-2003`"
                    .to_owned(),
            })
        }
    }
}

crate::newtype::string_newtype!(InstrumentId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_validated() {
        let table = [
            ("PH-RA9208-2003", true),
            ("TH-ATIPA-2008-orig", true),
            (" SG-PHTA-2014 ", true),
            ("ph-ra", false),
            ("PH RA", false),
            ("", false),
            ("PH--X", false),
            ("PH-", false),
            ("../etc", false),
        ];
        for (input, valid) in table {
            assert_eq!(input.parse::<InstrumentId>().is_ok(), valid, "input {input:?}");
        }
    }
}
