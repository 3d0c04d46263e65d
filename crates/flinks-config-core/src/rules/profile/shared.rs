//! What the profile rules share. A leaf of the family: it imports no rule.

use crate::profile::Profile;
use crate::{Environment, Span};

/// The environment a profile names (by its name or `environment` field),
/// aliases included; `None` when unknown (FLK507 reports it).
pub(crate) fn environment(profile: &Profile<'_>) -> Option<Environment> {
    profile
        .environment()
        .map(|(environment, _alias)| environment)
}

/// Longest instance accepted: the host label `{instance}-iframe` must fit in 63 bytes.
///
/// ```
/// use flinks_config_core::rules::instance_invalid::MAX_LEN;
/// assert!(format!("{}-iframe", "a".repeat(MAX_LEN)).len() <= 63);
/// ```
pub const MAX_LEN: usize = 50;

/// Lowercase letters and digits joined by single `-`, not ending in a host
/// suffix, short enough.
fn is_plainly_valid(value: &str) -> bool {
    let b = value.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_LEN
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && !value.contains("--")
        && !value.ends_with("-api")
        && !value.ends_with("-iframe")
}

/// What is wrong with an instance name, where, and the fix.
pub(crate) fn instance_problem(value: &str) -> Option<(String, Option<Span>, String)> {
    if is_plainly_valid(value) {
        return None; // the common case, without allocating
    }
    let lower = value.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let guess = crate::classify_host(rest.split('/').next().unwrap_or(""))
            .map_or_else(|| "toolbox".to_string(), |h| h.instance);
        return Some((
            "the instance is a URL, not a name".into(),
            None,
            format!("write only the host prefix, e.g. {guess}"),
        ));
    }
    if let Some(dot) = value.find('.') {
        let guess = crate::classify_host(&lower)
            .map(|h| h.instance)
            .or_else(|| crate::host::misjoined(&lower).map(|(at, _)| lower[..at].to_string()))
            .unwrap_or_else(|| lower[..dot].to_string());
        return Some((
            "the instance contains a dot: it is the host prefix only".into(),
            Some(Span::new(dot, dot + 1)),
            format!("write only the prefix: {guess}"),
        ));
    }
    for suffix in ["-api", "-iframe"] {
        if let Some(stem) = lower.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return Some((
                format!("the instance ends in `{suffix}`: that suffix belongs to the host"),
                Some(Span::new(stem.len(), value.len())),
                format!("write {stem}"),
            ));
        }
    }
    if let Some(at) = value.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let width = value[at..].chars().next().map_or(1, char::len_utf8);
        let help = if value[at..].starts_with('_') {
            format!("use `-` instead of `_`: {}", lower.replace('_', "-"))
        } else {
            "remove the character".to_string()
        };
        return Some((
            "the instance may hold only lowercase letters, digits and `-`".into(),
            Some(Span::new(at, at + width)),
            help,
        ));
    }
    if let Some(at) = value.find(|c: char| c.is_ascii_uppercase()) {
        return Some((
            "the instance has capital letters".into(),
            Some(Span::new(at, at + 1)),
            format!("write it in lowercase: {lower}"),
        ));
    }
    if value.starts_with('-') || value.ends_with('-') || value.contains("--") {
        let at = if value.starts_with('-') {
            0
        } else {
            value.find("--").unwrap_or(value.len() - 1)
        };
        return Some((
            "a `-` may only join two words of the instance".into(),
            Some(Span::new(at, at + 1)),
            "remove the extra `-`".into(),
        ));
    }
    if value.len() > MAX_LEN {
        return Some((
            format!("the instance is longer than {MAX_LEN} characters"),
            None,
            "use the instance name Flinks gave you".into(),
        ));
    }
    None
}
