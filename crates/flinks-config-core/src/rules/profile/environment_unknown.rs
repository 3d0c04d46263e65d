#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK507.md"))]

use crate::context::{ProfileCheck, Sink};
use crate::text::clip;
use crate::text::nearest;
use crate::{Diagnostic, Environment, Severity};

rule!(
    "FLK507",
    "environment-unknown",
    Warning,
    "RL",
    "a profile name or `FLINKS_ENVIRONMENT` that is not sandbox/production (`toolbox`, `prod` accepted with a note)"
);

/// Whether a section name reads as an environment, so a nested section of
/// that name is a profile: `sandbox`, `production`, their aliases, and the
/// names teams give other environments (`staging`, `dev`, `test`, `qa`,
/// `uat`, `local`…, which FLK507 then reports). Any other name (`api`,
/// `connect`, `Retry`) is a group of settings, not an environment.
///
/// ```
/// use flinks_config_core::rules::environment_unknown::names_an_environment;
/// assert!(names_an_environment("Production") && names_an_environment("staging"));
/// assert!(!names_an_environment("api") && !names_an_environment("Retry"));
/// ```
pub fn names_an_environment(name: &str) -> bool {
    const OTHERS: [&str; 16] = [
        "staging",
        "stage",
        "stg",
        "development",
        "dev",
        "test",
        "testing",
        "qa",
        "uat",
        "local",
        "preprod",
        "preproduction",
        "live",
        "demo",
        "integration",
        "ci",
    ];
    Environment::parse(name).is_some() || OTHERS.iter().any(|o| name.trim().eq_ignore_ascii_case(o))
}

/// Reports an unknown or aliased environment name.
pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let profile = check.profile;
    let Some(value) = profile
        .get(crate::Field::Environment)
        .or(profile.name.as_ref())
    else {
        return;
    };
    match Environment::parse(value.text) {
        Some((_, false)) => {}
        Some((environment, true)) => {
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("`{}` is read as {environment}", clip(value.text.trim(), 40)),
                )
                .with_severity(Severity::Note)
                .with_help(format!("write `{environment}` to say it plainly"))
                .with_location(value.location.clone()),
            );
        }
        None => {
            let help = match nearest(value.text.trim(), ["sandbox", "production"]) {
                Some(better) => format!("did you mean `{better}`?"),
                None => "name the profile `sandbox` or `production`; environment-specific rules are skipped for it".into(),
            };
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("unknown environment `{}`", clip(value.text.trim(), 40)),
                )
                .with_help(help)
                .with_location(value.location.clone()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{
        check_profile, Checker, Location, Profile, ProfileOptions, Severity, Source, Value,
    };

    fn named(name: &str) -> Vec<crate::Diagnostic> {
        let mut p = Profile::new(Location::new(Source::Value, name));
        p.name = Some(Value {
            text: name,
            location: Location::new(Source::Value, name),
        });
        check_profile(&p, ProfileOptions::new(Checker::Linter))
    }

    #[test]
    fn fires_on_unknown_names_and_notes_aliases() {
        let found = named("staging");
        assert_eq!(
            (found[0].code(), found[0].severity),
            ("FLK507", Severity::Warning)
        );
        let found = named("prod");
        assert_eq!(
            (found[0].code(), found[0].severity),
            ("FLK507", Severity::Note)
        );
        assert!(named("produciton")[0]
            .help
            .as_deref()
            .unwrap()
            .contains("production"));
    }

    #[test]
    fn does_not_fire_on_the_two_names() {
        assert!(named("sandbox").is_empty());
        assert!(named("Production").is_empty());
    }
}
