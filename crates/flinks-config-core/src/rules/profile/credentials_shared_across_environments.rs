#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK504.md"))]

use crate::context::Sink;
use crate::profile::{is_reference, located, Field, Profile};
use crate::text::clip;
use crate::{Diagnostic, KnownValue};
use std::collections::HashMap;

rule!(
    "FLK504",
    "credentials-shared-across-environments",
    Error,
    "RL",
    "the same customer id, secret key or API key in two profiles"
);

/// `production`, or `production` in `path` when profiles come from files.
fn name(profile: &Profile<'_>) -> String {
    let name = profile.name.as_ref().map_or_else(
        || profile.location.key_path.clone(),
        |v| v.text.trim().to_string(),
    );
    match &profile.location.source {
        crate::Source::File(path) => format!("{}` in `{}", clip(&name, 40), clip(path, 80)),
        _ => clip(&name, 40),
    }
}

/// The values this rule compares, each with its field (ASCII lowercase): a
/// profile can only be reported together with another profile holding one
/// of the same keys.
pub(crate) fn keys(profile: &Profile<'_>) -> Vec<(Field, String)> {
    [Field::CustomerId, Field::SecretKey, Field::ApiKey]
        .into_iter()
        .filter_map(|field| {
            let text = profile.get(field)?.text.trim();
            let public = KnownValue::toolbox().iter().any(|k| k.matches(text));
            // FLK501 reports public values.
            (!text.is_empty() && !is_reference(text) && !public)
                .then(|| (field, text.to_ascii_lowercase()))
        })
        .collect()
}

pub(crate) fn check(profiles: &[&Profile<'_>], sink: &mut Sink) {
    // Group equal values first (ASCII case ignored): a linter run may hold
    // thousands of profiles, and comparing every pair would be quadratic.
    let mut seen: HashMap<(Field, String), Vec<usize>> = HashMap::new();
    for (i, profile) in profiles.iter().enumerate() {
        for key in keys(profile) {
            seen.entry(key).or_default().push(i);
        }
    }
    let mut groups: Vec<_> = seen.into_iter().filter(|(_, at)| at.len() > 1).collect();
    groups.sort_by_key(|((field, _), at)| (at[0], *field));
    for ((field, _), at) in groups {
        let kind = field.credential().expect("credential field");
        for (n, &later) in at.iter().enumerate().skip(1) {
            let earlier = at[..n]
                .iter()
                .copied()
                .find(|&e| !same_deployment(profiles[e], profiles[later]));
            let Some(earlier) = earlier else { continue };
            let (a, b) = (profiles[earlier], profiles[later]);
            let value = b.get(field).expect("grouped by this field");
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("the {kind} of `{}` is the same as in `{}`", name(b), name(a)),
                )
                .with_help(format!("each environment and instance has its own {kind}: use the one Flinks issued for it"))
                .with_location(located(field, value)),
            );
        }
    }
}

/// Whether two profiles describe one deployment (the same environment and
/// instance, e.g. `flinks.toml` and `.env.production` side by side), or
/// cannot be told apart: only profiles known to differ must not share values.
fn same_deployment(a: &Profile<'_>, b: &Profile<'_>) -> bool {
    let env = |p: &Profile<'_>| p.environment().map(|e| e.0);
    let instance = |p: &Profile<'_>| {
        p.get(Field::Instance)
            .map(|v| v.text.trim().to_ascii_lowercase())
    };
    !differ(env(a), env(b)) && !differ(instance(a), instance(b))
}

/// Both known, and not equal.
fn differ<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
    matches!((x, y), (Some(x), Some(y)) if x != y)
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
    fn does_not_fire_for_one_deployment_described_twice() {
        let mut a = profile("production", KEY);
        let mut b = profile("production", KEY);
        for p in [&mut a, &mut b] {
            p.set(
                Field::Instance,
                Value {
                    text: "acme",
                    location: Location::new(Source::Value, "instance"),
                },
            );
        }
        assert!(check_profiles(&[a, b], ProfileOptions::new(Checker::Linter)).is_empty());
        let mut c = profile("production", KEY);
        c.set(
            Field::Instance,
            Value {
                text: "acme-us",
                location: Location::new(Source::Value, "instance"),
            },
        );
        let mut d = profile("production", KEY);
        d.set(
            Field::Instance,
            Value {
                text: "acme-ca",
                location: Location::new(Source::Value, "instance"),
            },
        );
        assert_eq!(
            check_profiles(&[c, d], ProfileOptions::new(Checker::Linter)).len(),
            1
        );
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
