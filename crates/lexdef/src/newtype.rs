//! The conversions every validated string newtype shares (`Eid`, `InstrumentId`,
//! `Jurisdiction`, `PartialDate`): built only through `FromStr`, shown as the string.

/// Implement `as_str`, `TryFrom<String>` (through `FromStr`), `From<T> for String` and
/// `Display` for a tuple struct around a `String` that already implements `FromStr`.
macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            /// The value as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::error::Error;
            fn try_from(value: String) -> Result<$name, $crate::error::Error> {
                value.parse()
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str(&self.0)
            }
        }
    };
}

pub(crate) use string_newtype;
