//! Jurisdictions: ISO 3166-1 alpha-2 country codes, plus `INTL` and `ASEAN`.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The officially assigned ISO 3166-1 alpha-2 codes.
const ISO_3166_1_ALPHA_2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Where an instrument applies: a country (ISO 3166-1 alpha-2), the international level
/// (`INTL`, e.g. the UN Protocol) or ASEAN as a region (`ASEAN`, e.g. ACTIP).
///
/// Normalisation: surrounding whitespace is trimmed and letters are upper-cased, so `ph`
/// and ` PH ` are both `PH`; anything else that is not a code is refused.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Jurisdiction(String);

impl Jurisdiction {
    /// Whether this is a country (not `INTL` or `ASEAN`).
    pub fn is_country(&self) -> bool {
        self.0.len() == 2
    }
}

impl FromStr for Jurisdiction {
    type Err = Error;

    fn from_str(value: &str) -> Result<Jurisdiction, Error> {
        let code = value.trim().to_ascii_uppercase();
        let known = code == "INTL"
            || code == "ASEAN"
            || (code.len() == 2 && ISO_3166_1_ALPHA_2.split(' ').any(|known| known == code));
        if known {
            Ok(Jurisdiction(code))
        } else {
            Err(Error::InvalidValue {
                what: "jurisdiction",
                value: value.to_owned(),
                expected: "an ISO 3166-1 alpha-2 code (`PH`, `TH`, ...), `INTL` or `ASEAN`".to_owned(),
            })
        }
    }
}

crate::newtype::string_newtype!(Jurisdiction);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_or_refused() {
        let table = [
            ("PH", Some("PH")),
            ("ph", Some("PH")),
            (" TH ", Some("TH")),
            ("INTL", Some("INTL")),
            ("asean", Some("ASEAN")),
            ("XX", None),
            ("PHL", None),
            ("", None),
            ("EU", None),
        ];
        for (input, expected) in table {
            let parsed = input.parse::<Jurisdiction>().ok();
            assert_eq!(parsed.as_ref().map(Jurisdiction::as_str), expected, "input {input:?}");
        }
        assert_eq!(ISO_3166_1_ALPHA_2.split(' ').count(), 249);
    }
}
