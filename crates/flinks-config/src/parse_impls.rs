//! One macro for the traits every parsed type implements the same way.

/// `FromStr`, `TryFrom<&str>` and (feature `serde`) `Deserialize` for a type
/// with `fn parse(&str) -> Result<Self, Report>`: every way in goes through
/// `parse`, so every rule runs. `secret` types read the text into a buffer
/// zeroized on drop.
macro_rules! parse_impls {
    ($name:ident) => {
        parse_impls!(@text $name);
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
    (secret $name:ident) => {
        parse_impls!(@text $name);
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = zeroize::Zeroizing::new(<String as serde::Deserialize>::deserialize(deserializer)?);
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
    (@text $name:ident) => {
        impl std::str::FromStr for $name {
            type Err = $crate::Report;
            fn from_str(text: &str) -> Result<Self, $crate::Report> {
                Self::parse(text)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::Report;
            fn try_from(text: &str) -> Result<Self, $crate::Report> {
                Self::parse(text)
            }
        }
    };
}
