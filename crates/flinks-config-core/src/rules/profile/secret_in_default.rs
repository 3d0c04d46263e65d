#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK512.md"))]

use crate::context::Sink;
use crate::profile::Field;
use crate::Diagnostic;

rule!(
    "FLK512",
    "secret-in-default",
    Error,
    "L",
    "a secret key, API key or token written as the default of a reference (`${FLINKS_SECRET_KEY:-…}`)"
);

/// A secret setting whose reference carries a literal default: `field` is
/// the setting, `default` the default's text (never quoted).
pub(crate) fn check(field: Field, default: &str, sink: &mut Sink) {
    // An empty default is no secret, the public sandbox's published values
    // are no secret either; the placeholder rules judge the rest.
    let published = crate::KnownValue::toolbox()
        .iter()
        .any(|k| Some(k.kind) == field.credential() && k.matches(default));
    if !field.is_secret() || default.trim().is_empty() || published {
        return;
    }
    let noun = field.credential().map_or("secret", |k| k.noun());
    sink.push(
        Diagnostic::new(
            &RULE,
            format!("the {noun} is written as the default of a reference: it is used wherever the variable is unset, and committed with the file"),
        )
        .with_help(format!(
            "remove the default (`${{{}}}`) and set the variable at deploy time; if the value was real, have Flinks rotate it",
            field.env_var()
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Field, Location, Profile, ProfileOptions, Source, Value};

    fn codes(field: Field, text: &str) -> Vec<&'static str> {
        let mut p = Profile::new(Location::new(Source::Value, "FLINKS_*"));
        p.set(
            field,
            Value {
                text,
                location: Location::new(Source::Value, field.env_var()),
            },
        );
        check_profile(&p, ProfileOptions::new(Checker::Linter))
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_a_secret_default_in_every_form() {
        for text in [
            "${FLINKS_SECRET_KEY:-8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b}",
            "${FLINKS_SECRET_KEY-8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b}",
            "${flinks.secret-key:8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b}",
        ] {
            assert_eq!(codes(Field::SecretKey, text), ["FLK512"], "{text}");
        }
        // The default is also checked as the value it stands for.
        assert_eq!(
            codes(Field::ApiKey, "${FLINKS_API_KEY:-changeme}"),
            ["FLK512", "FLK303"]
        );
    }

    #[test]
    fn does_not_fire_without_a_default_or_on_a_setting_that_is_no_secret() {
        assert!(codes(Field::SecretKey, "${FLINKS_SECRET_KEY}").is_empty());
        assert!(codes(Field::SecretKey, "${FLINKS_SECRET_KEY:?set it}").is_empty());
        assert!(codes(Field::Instance, "${FLINKS_INSTANCE:-toolbox}").is_empty());
        let public = "${FLINKS_SECRET_KEY:-c4569c54-e167-4d34-8de6-f4113bc82414}";
        assert!(codes(Field::SecretKey, public).is_empty(), "published");
    }
}
