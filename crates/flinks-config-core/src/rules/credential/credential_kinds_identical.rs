#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK302.md"))]

use crate::context::{ProfileCheck, Sink};
use crate::profile::{is_reference, located, Field};
use crate::text::constant_time_eq_ignore_case;
use crate::Diagnostic;

rule!(
    "FLK302",
    "credential-kinds-identical",
    Error,
    "RL",
    "one value configured as two kinds (secret key = API key, customer id = secret key…)"
);

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let profile = check.profile;
    let kinds = [
        Field::CustomerId,
        Field::SecretKey,
        Field::ApiKey,
        Field::AuthorizeToken,
    ];
    let values: Vec<_> = kinds
        .iter()
        .filter_map(|f| Some((*f, profile.get(*f)?)))
        .filter(|(_, v)| !v.text.trim().is_empty() && !is_reference(v.text))
        .collect();
    for (i, (field, value)) in values.iter().enumerate() {
        let earlier = values[..i]
            .iter()
            .find(|(_, other)| constant_time_eq_ignore_case(other.text.trim(), value.text.trim()));
        if let Some((other_field, _)) = earlier {
            let (a, b) = (
                other_field.credential().unwrap(),
                field.credential().unwrap(),
            );
            sink.push(
                Diagnostic::new(&RULE, format!("the {b} has the same value as the {a}"))
                    .with_help(format!(
                        "each credential is different: copy the {b} from the Flinks dashboard into `{}`",
                        field.key()
                    ))
                    .with_location(located(*field, value)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Field, Location, Profile, ProfileOptions, Source, Value};

    fn profile<'a>(pairs: &[(Field, &'a str)]) -> Profile<'a> {
        let mut p = Profile::new(Location::new(Source::Value, "sandbox"));
        for (f, v) in pairs {
            p.set(
                *f,
                Value {
                    text: v,
                    location: Location::new(Source::Value, f.key()),
                },
            );
        }
        p
    }

    const A: &str = "11111111-2222-4333-8444-555555555555";
    const B: &str = "66666666-7777-4888-8999-aaaaaaaaaaaa";

    #[test]
    fn fires_when_two_kinds_share_a_value() {
        let p = profile(&[(Field::SecretKey, A), (Field::ApiKey, A)]);
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        let d = found.iter().find(|d| d.code() == "FLK302").expect("FLK302");
        assert_eq!(
            d.message,
            "the API key has the same value as the secret key"
        );
        assert!(!format!("{d:?}").contains(A));
    }

    #[test]
    fn does_not_fire_on_distinct_values() {
        let p = profile(&[(Field::SecretKey, A), (Field::ApiKey, B)]);
        assert!(check_profile(&p, ProfileOptions::new(Checker::Linter)).is_empty());
    }
}
