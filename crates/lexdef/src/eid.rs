//! Provision ids in the style of Akoma Ntoso `eId`s.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The id of a provision within its document: `sec_2__subsec_1__para_b`.
///
/// Each component is a kind name (`part`, `title`, `chp`, `division`, `subdivision`, `art`,
/// `sec`, `subsec`, `para`, `subpara`, `clause`, `item`, `subclause`, `def`, `preamble`) and,
/// but for `preamble`, `_` and the provision's number normalised (brackets and trailing dots
/// removed, `/` as `-`, Thai, Lao, Bangla and Devanagari digits as Arabic digits, whitespace
/// removed: `sec_279.01`,
/// `art_1bis`). Components are joined by `__`. The rules are written out in
/// `corpus/README.md`; `Eid::from_str` checks the shape, not that a document holds the id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Eid(String);

impl Eid {
    /// The id of a child component under this one.
    pub(crate) fn child(parent: Option<&Eid>, component: &str) -> Eid {
        match parent {
            Some(parent) => {
                let mut id = String::with_capacity(parent.0.len() + 2 + component.len());
                id.push_str(&parent.0);
                id.push_str("__");
                id.push_str(component);
                Eid(id)
            }
            None => Eid(component.to_owned()),
        }
    }

    /// The id of a child component under this one, if `component` is well formed: the check
    /// `from_str` makes, on the new part only (the parent is valid already).
    pub(crate) fn checked_child(parent: Option<&Eid>, component: &str) -> Option<Eid> {
        component.split("__").all(component_is_well_formed).then(|| Eid::child(parent, component))
    }

    /// The last component, e.g. `para_b` for `sec_2__subsec_1__para_b`.
    pub fn last_component(&self) -> &str {
        self.0.rsplit("__").next().unwrap_or(&self.0)
    }
}

fn component_is_well_formed(component: &str) -> bool {
    let (kind, number) = match component.split_once('_') {
        Some((kind, number)) => (kind, Some(number)),
        None => (component, None),
    };
    let kind_ok = !kind.is_empty() && kind.chars().all(|character| character.is_ascii_lowercase());
    let number_ok = number.is_none_or(|number| {
        !number.is_empty()
            && !number.starts_with('_')
            && !number.ends_with('_')
            && !number.chars().any(|character| character.is_whitespace() || character.is_control())
    });
    kind_ok && number_ok
}

impl FromStr for Eid {
    type Err = Error;

    fn from_str(value: &str) -> Result<Eid, Error> {
        if !value.is_empty() && value.split("__").all(component_is_well_formed) {
            Ok(Eid(value.to_owned()))
        } else {
            Err(Error::InvalidValue {
                what: "eId",
                value: value.to_owned(),
                expected: "components like `sec_2`, `subsec_1`, `para_b` joined by `__`".to_owned(),
            })
        }
    }
}

crate::newtype::string_newtype!(Eid);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_checked() {
        let table = [
            ("sec_2__subsec_1__para_b", true),
            ("preamble", true),
            ("sec_4-A", true),
            ("para_a_2", true),
            ("def_abuse-of-power", true),
            ("para_đ", true),
            ("sec_279.01", true),
            ("art_1bis__para_1", true),
            ("sec_1591__para_e__subpara_1__clause_A__item_ii__subclause_I", true),
            ("Sec_2", false),
            ("sec_", false),
            ("sec 2", false),
            ("sec_2___para_a", false),
            ("", false),
        ];
        for (input, valid) in table {
            assert_eq!(input.parse::<Eid>().is_ok(), valid, "input {input:?}");
        }
    }
}
