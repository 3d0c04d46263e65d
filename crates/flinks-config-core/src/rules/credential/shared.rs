//! What the credential rules share. A leaf of the family: it imports no rule.

use crate::CredentialKind;

/// One credential or id value under check, and the kind it should be.
pub(crate) struct CredentialValue<'a> {
    /// The value as configured.
    pub(crate) text: &'a str,
    /// What it should be.
    pub(crate) kind: CredentialKind,
}

const WORDS: [&str; 14] = [
    "changeme",
    "change_me",
    "change-me",
    "todo",
    "tbd",
    "fixme",
    "placeholder",
    "secret",
    "password",
    "dummy",
    "none",
    "null",
    "undefined",
    "replace_me",
];

/// Whether `value` is a placeholder rather than a real value (FLK303's
/// test; the profile rules use it to leave placeholders uncompared).
pub(crate) fn is_placeholder(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    v.is_empty()
        || WORDS.contains(&lower.as_str())
        || (v.len() >= 3
            && v.bytes()
                .all(|b| matches!(b, b'x' | b'X' | b'*' | b'.' | b'-' | b'#')))
        || crate::guid::is_nil(v)
        || crate::text::placeholders(v)
            .first()
            .is_some_and(|&(s, e)| s == 0 && e == v.len())
        || lower.starts_with("your_")
        || lower.starts_with("your-")
        || lower.starts_with("<")
}
