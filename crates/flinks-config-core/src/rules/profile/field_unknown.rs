#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK509.md"))]

use crate::context::{ProfileCheck, Sink};
use crate::profile::{normalize_key, Field};
use crate::text::clip;
use crate::text::nearest;
use crate::Diagnostic;

rule!(
    "FLK509",
    "field-unknown",
    Warning,
    "RL",
    "an unknown key in a Flinks section; suggests the nearest"
);

/// The setting an unknown key is most likely a misspelling of (at most two
/// edits away, ignoring case, separators and a `flinks` prefix). Outside a
/// file of Flinks settings only such keys are reported: an application's
/// own `FLINKS_MODE` or `Flinks: { Timeout }` is not a typo of anything.
///
/// ```
/// use flinks_config_core::{rules::field_unknown::likely_field, Field};
/// assert_eq!(likely_field("secret_kee"), Some(Field::SecretKey));
/// assert_eq!(likely_field("FLINKS_CUSTOMERID_"), Some(Field::CustomerId));
/// assert_eq!(likely_field("FLINKS_MODE"), None);
/// assert_eq!(likely_field("Timeout"), None);
/// ```
pub fn likely_field(key: &str) -> Option<Field> {
    let norm = normalize_key(key);
    let norm = norm.strip_prefix("flinks").unwrap_or(&norm);
    Field::ALL
        .iter()
        .filter(|f| **f != Field::AuthorizeToken)
        .map(|f| (f, f.key().replace('_', "")))
        .find(|(_, k)| crate::text::distance(norm, k, 3) <= 2)
        .map(|(f, _)| *f)
}

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let profile = check.profile;
    for key in &profile.unknown_keys {
        let guess = likely_field(key.text)
            .map(Field::key)
            .or_else(|| nearest(key.text, Field::ALL.iter().map(|f| f.key())));
        let help = match guess {
            Some(better) => format!("did you mean `{better}`?"),
            None => format!(
                "known keys: {}",
                Field::ALL[..7]
                    .iter()
                    .map(|f| f.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        sink.push(
            Diagnostic::new(&RULE, format!("unknown key `{}`", clip(key.text, 60)))
                .with_help(help)
                .with_location(key.location.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Location, Profile, ProfileOptions, Source, Value};

    #[test]
    fn fires_with_a_suggestion() {
        let mut p = Profile::new(Location::new(Source::Value, "sandbox"));
        p.unknown_keys.push(Value {
            text: "secret_kee",
            location: Location::new(Source::Value, "sandbox.secret_kee"),
        });
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        assert_eq!(found[0].code(), "FLK509");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `secret_key`?"));
    }

    #[test]
    fn does_not_fire_without_unknown_keys() {
        let p = Profile::new(Location::new(Source::Value, "sandbox"));
        assert!(check_profile(&p, ProfileOptions::new(Checker::Linter)).is_empty());
    }
}
