//! Qualifiers: the conditions a definition sets on what it covers (the age under which a
//! person is a child, whether consent is irrelevant, whether the forms of exploitation are
//! listed open or closed, whom it protects, ...). Their names and values are enums: the
//! comparison's direction, a check's verdict and an annotation's agreement match variants;
//! the snake-case words (`child_age`, `all_persons`) are how they are written in JSON, TOML
//! and Python, and what `Display` shows.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Implements `as_str` (the written word), `Display` (padded, so `{name:<28}` aligns),
/// `FromStr` (an error naming every valid word) and serde as that word, for a fieldless enum.
macro_rules! written_enum {
    ($type:ident, $what:literal, { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $type {
            /// Every variant, in order.
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            /// As written in JSON, TOML and Python.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($type::$variant => $word),+
                }
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.pad(self.as_str())
            }
        }

        impl FromStr for $type {
            type Err = Error;

            fn from_str(value: &str) -> Result<$type, Error> {
                match value {
                    $($word => Ok($type::$variant),)+
                    _ => Err(Error::InvalidValue {
                        what: $what,
                        value: value.to_owned(),
                        expected: format!(
                            "one of {}",
                            $type::ALL.iter().map(|each| format!("`{each}`")).collect::<Vec<_>>().join(", ")
                        ),
                    }),
                }
            }
        }

        impl Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$type, D::Error> {
                let written = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                written.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A qualifier of a term model. Ordered as its words sort, so a map by name lists the
/// qualifiers in the same order as a map by word would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QualifierName {
    /// `child_age`: the age under which a person is a child (a number).
    ChildAge,
    /// `consent_irrelevant`: whether the victim's consent is irrelevant (yes or no).
    ConsentIrrelevant,
    /// `exploitation_list`: whether the forms of exploitation are listed open or closed
    /// ([`ListKind`]).
    ExploitationList,
    /// `means_required_for_children`: whether means must be shown where the victim is a
    /// child (yes or no).
    MeansRequiredForChildren,
    /// `transnational_required`: whether a border must be crossed (yes or no).
    TransnationalRequired,
    /// `victim_scope`: whom the definition protects ([`VictimScope`]).
    VictimScope,
}

written_enum!(QualifierName, "qualifier", {
    ChildAge => "child_age",
    ConsentIrrelevant => "consent_irrelevant",
    ExploitationList => "exploitation_list",
    MeansRequiredForChildren => "means_required_for_children",
    TransnationalRequired => "transnational_required",
    VictimScope => "victim_scope",
});

impl QualifierName {
    /// The qualifier written `name`; for any other word an error that names the qualifiers
    /// it may mean (`child age`, `childage`: `child_age`), then every qualifier.
    pub fn named(name: &str) -> Result<QualifierName, Error> {
        name.parse().map_err(|_| {
            let wanted = name.trim().to_lowercase().replace([' ', '-'], "_");
            let similar: Vec<String> = QualifierName::ALL
                .iter()
                .filter(|known| {
                    let known = known.as_str();
                    strsim::damerau_levenshtein(known, &wanted) <= 3
                        || (wanted.len() >= 4 && (known.contains(wanted.as_str()) || wanted.contains(known)))
                })
                .map(|known| format!("`{known}`"))
                .collect();
            let every = QualifierName::ALL.iter().map(|each| format!("`{each}`")).collect::<Vec<_>>().join(", ");
            let expected = if similar.is_empty() {
                format!("one of {every}")
            } else {
                format!("did you mean {}? (the qualifiers: {every})", similar.join(", "))
            };
            Error::InvalidValue { what: "qualifier", value: name.to_owned(), expected }
        })
    }

    /// The values it can take that are written as words (`open`, `closed`); empty for a
    /// qualifier whose value is a number or yes or no.
    pub fn named_values(self) -> Vec<QualifierValue> {
        match self {
            QualifierName::ExploitationList => ListKind::ALL.iter().copied().map(QualifierValue::List).collect(),
            QualifierName::VictimScope => VictimScope::ALL.iter().copied().map(QualifierValue::Scope).collect(),
            QualifierName::ChildAge
            | QualifierName::ConsentIrrelevant
            | QualifierName::MeansRequiredForChildren
            | QualifierName::TransnationalRequired => Vec::new(),
        }
    }
}

/// How a definition lists the forms of exploitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    /// `open`: other forms count too (`includes`, `at a minimum`, `or other ...`).
    Open,
    /// `closed`: only the forms listed count.
    Closed,
}

written_enum!(ListKind, "list kind", {
    Open => "open",
    Closed => "closed",
});

/// Whom a definition protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VictimScope {
    /// `all_persons`: any person.
    AllPersons,
    /// `women_and_children`: women and children only.
    WomenAndChildren,
    /// `children`: children only.
    Children,
}

written_enum!(VictimScope, "victim scope", {
    AllPersons => "all_persons",
    WomenAndChildren => "women_and_children",
    Children => "children",
});

/// The value of a qualifier, written in JSON as a number, `true`/`false`, a word (`open`,
/// `all_persons`) or `"unknown"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QualifierValue {
    /// A number (the child age).
    Number(u32),
    /// Yes or no.
    Bool(bool),
    /// How the forms of exploitation are listed.
    List(ListKind),
    /// Whom the definition protects.
    Scope(VictimScope),
    /// The text does not settle it: written `"unknown"`.
    Unknown,
}

impl QualifierValue {
    /// The value written as the word `word` (`open`, `all_persons`, `unknown`), if it is one.
    pub fn from_word(word: &str) -> Option<QualifierValue> {
        if word == "unknown" {
            return Some(QualifierValue::Unknown);
        }
        word.parse().map(QualifierValue::List).or_else(|_| word.parse().map(QualifierValue::Scope)).ok()
    }
}

impl std::fmt::Display for QualifierValue {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QualifierValue::Number(number) => write!(formatter, "{number}"),
            QualifierValue::Bool(flag) => write!(formatter, "{flag}"),
            QualifierValue::List(kind) => formatter.write_str(kind.as_str()),
            QualifierValue::Scope(scope) => formatter.write_str(scope.as_str()),
            QualifierValue::Unknown => formatter.write_str("unknown"),
        }
    }
}

impl Serialize for QualifierValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            QualifierValue::Number(number) => serializer.serialize_u32(*number),
            QualifierValue::Bool(flag) => serializer.serialize_bool(*flag),
            QualifierValue::List(kind) => serializer.serialize_str(kind.as_str()),
            QualifierValue::Scope(scope) => serializer.serialize_str(scope.as_str()),
            QualifierValue::Unknown => serializer.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for QualifierValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<QualifierValue, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Number(u32),
            Bool(bool),
            Word(String),
        }
        match Written::deserialize(deserializer)? {
            Written::Number(number) => Ok(QualifierValue::Number(number)),
            Written::Bool(flag) => Ok(QualifierValue::Bool(flag)),
            Written::Word(word) => QualifierValue::from_word(&word).ok_or_else(|| {
                let words: Vec<String> = ListKind::ALL
                    .iter()
                    .map(|kind| kind.as_str())
                    .chain(VictimScope::ALL.iter().map(|scope| scope.as_str()))
                    .chain(["unknown"])
                    .map(|word| format!("`{word}`"))
                    .collect();
                serde::de::Error::custom(format!(
                    "invalid qualifier value `{word}`: expected a number, `true`, `false` or one of {}",
                    words.join(", ")
                ))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_qualifier_is_refused_with_the_names_it_may_mean() {
        assert_eq!(QualifierName::named("child_age").unwrap(), QualifierName::ChildAge);
        for (typed, meant) in
            [("childage", "`child_age`"), ("child age", "`child_age`"), ("consent", "`consent_irrelevant`")]
        {
            let message = QualifierName::named(typed).unwrap_err().to_string();
            assert!(message.contains(&format!("did you mean {meant}")), "{message}");
        }
        let message = QualifierName::named("zzz").unwrap_err().to_string();
        assert!(!message.contains("did you mean") && message.contains("`victim_scope`"), "{message}");
    }

    #[test]
    fn names_sort_as_their_words() {
        let mut by_variant = QualifierName::ALL.to_vec();
        by_variant.sort();
        let mut by_word = QualifierName::ALL.to_vec();
        by_word.sort_by_key(|name| name.as_str());
        assert_eq!(by_variant, by_word);
    }

    #[test]
    fn every_word_reads_back_as_itself() {
        for name in QualifierName::ALL {
            assert_eq!(name.as_str().parse::<QualifierName>().expect("a name's word"), *name);
            assert_eq!(serde_json::to_value(name).expect("serialises"), serde_json::json!(name.as_str()));
        }
        let table = [
            (QualifierValue::Number(18), serde_json::json!(18)),
            (QualifierValue::Bool(true), serde_json::json!(true)),
            (QualifierValue::Bool(false), serde_json::json!(false)),
            (QualifierValue::List(ListKind::Open), serde_json::json!("open")),
            (QualifierValue::List(ListKind::Closed), serde_json::json!("closed")),
            (QualifierValue::Scope(VictimScope::AllPersons), serde_json::json!("all_persons")),
            (QualifierValue::Scope(VictimScope::WomenAndChildren), serde_json::json!("women_and_children")),
            (QualifierValue::Scope(VictimScope::Children), serde_json::json!("children")),
            (QualifierValue::Unknown, serde_json::json!("unknown")),
        ];
        for (value, json) in table {
            assert_eq!(serde_json::to_value(value).expect("serialises"), json);
            assert_eq!(serde_json::from_value::<QualifierValue>(json.clone()).expect("reads back"), value);
            assert_eq!(value.to_string(), json.as_str().map_or_else(|| json.to_string(), str::to_owned));
        }
    }

    #[test]
    fn a_word_that_is_no_qualifier_names_the_valid_ones() {
        let error = "child_ages".parse::<QualifierName>().expect_err("not a qualifier");
        assert_eq!(
            error.to_string(),
            "invalid qualifier `child_ages`: one of `child_age`, `consent_irrelevant`, `exploitation_list`, \
             `means_required_for_children`, `transnational_required`, `victim_scope`"
        );
        let error = serde_json::from_value::<QualifierValue>(serde_json::json!("ajar")).expect_err("not a value");
        assert_eq!(
            error.to_string(),
            "invalid qualifier value `ajar`: expected a number, `true`, `false` or one of `open`, `closed`, \
             `all_persons`, `women_and_children`, `children`, `unknown`"
        );
    }

    #[test]
    fn named_values_are_those_of_the_qualifier() {
        let words = |name: QualifierName| name.named_values().iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(words(QualifierName::ExploitationList), ["open", "closed"]);
        assert_eq!(words(QualifierName::VictimScope), ["all_persons", "women_and_children", "children"]);
        assert!(words(QualifierName::ChildAge).is_empty());
    }
}
