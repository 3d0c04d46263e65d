#![doc = include_str!("../../../../docs/rules/FLK504.md")]

use crate::check::Sink;
use crate::profile::{is_reference, located, Field, Profile};
use crate::text::clip;
use crate::{Diagnostic, Environment, KnownValue};

/// The rule descriptor.
pub static RULE: crate::Rule = rule!(
    "FLK504",
    "credentials-shared-across-environments",
    Error,
    "RL",
    "the same customer id, secret key or API key in two profiles"
);

fn name(profile: &Profile<'_>) -> String {
    profile.name.as_ref().map_or_else(
        || profile.location.key_path.clone(),
        |v| v.text.trim().to_string(),
    )
}

pub(crate) fn check(profiles: &[Profile<'_>], sink: &mut Sink) {
    for (j, later) in profiles.iter().enumerate() {
        for earlier in &profiles[..j] {
            let both_sandbox = [earlier, later]
                .iter()
                .all(|p| p.environment().map(|e| e.0) == Some(Environment::Sandbox));
            if both_sandbox {
                continue; // sandbox profiles may all use the public toolbox values
            }
            for field in [Field::CustomerId, Field::SecretKey, Field::ApiKey] {
                let (Some(a), Some(b)) = (earlier.get(field), later.get(field)) else {
                    continue;
                };
                let kind = field.credential().expect("credential field");
                let public = KnownValue::toolbox().iter().any(|k| k.matches(b.text));
                if a.text.trim().is_empty() || is_reference(a.text) || public {
                    continue; // FLK501 reports public values
                }
                if KnownValue::new(kind, a.text.trim()).matches(b.text) {
                    sink.push(
                        Diagnostic::new(
                            &RULE,
                            format!("the {kind} of `{}` is the same as in `{}`", clip(&name(later), 40), clip(&name(earlier), 40)),
                        )
                        .with_help(format!("each environment and instance has its own {kind}: use the one Flinks issued for it"))
                        .with_location(located(field, b)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_profiles, Checker, Field, Location, Profile, ProfileOptions, Source, Value};

    const KEY: &str = "11111111-2222-4333-8444-555555555555";

    fn profile<'a>(name: &'a str, key: &'a str) -> Profile<'a> {
        let at = |k: &str| Location::new(Source::Value, k);
        let mut p = Profile::new(at(name));
        p.name = Some(Value {
            text: name,
            location: at(name),
        });
        p.set(
            Field::ApiKey,
            Value {
                text: key,
                location: at("api_key"),
            },
        );
        p
    }

    #[test]
    fn fires_on_a_shared_key() {
        let found = check_profiles(
            &[profile("sandbox", KEY), profile("production", KEY)],
            ProfileOptions::new(Checker::Linter),
        );
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK504"]
        );
        assert!(!format!("{found:?}").contains(KEY));
    }

    #[test]
    fn does_not_fire_on_distinct_keys() {
        let other = "66666666-7777-4888-8999-aaaaaaaaaaaa";
        let found = check_profiles(
            &[profile("sandbox", KEY), profile("production", other)],
            ProfileOptions::new(Checker::Linter),
        );
        assert!(found.is_empty());
    }
}
