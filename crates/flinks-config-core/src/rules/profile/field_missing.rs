#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK508.md"))]

use crate::context::{ProfileCheck, Sink};
use crate::profile::Field;
use crate::Diagnostic;

rule!(
    "FLK508",
    "field-missing",
    Error,
    "RL",
    "a required field (instance, customer id, secret key, API key) absent from a profile"
);

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let profile = check.profile;
    if profile.name.is_none() && profile.get(Field::Environment).is_none() {
        sink.push(
            Diagnostic::new(&RULE, "the environment is missing")
                .with_help(format!(
                    "set {} to `sandbox` or `production`",
                    Field::Environment.env_var()
                ))
                .with_location(profile.location.clone()),
        );
    }
    for field in Field::ALL.iter().filter(|f| f.is_required()) {
        if profile.get(*field).is_some() {
            continue;
        }
        sink.push(
            Diagnostic::new(&RULE, format!("`{}` is missing", field.key()))
                .with_help(format!(
                    "set `{}` (or the environment variable {})",
                    field.key(),
                    field.env_var()
                ))
                .with_location(profile.location.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Location, Profile, ProfileOptions, Source};

    #[test]
    fn fires_per_missing_field_when_complete_is_required() {
        let p = Profile::new(Location::new(Source::Value, "sandbox"));
        let found = check_profile(&p, ProfileOptions::new(Checker::Runtime));
        // instance, customer id, secret key, API key, and the environment
        assert_eq!(found.iter().filter(|d| d.code() == "FLK508").count(), 5);
    }

    #[test]
    fn does_not_fire_in_the_linter_by_default() {
        let p = Profile::new(Location::new(Source::Value, "sandbox"));
        assert!(check_profile(&p, ProfileOptions::new(Checker::Linter)).is_empty());
    }
}
