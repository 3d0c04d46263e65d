#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK505.md"))]

use crate::context::{ProfileCheck, Sink};
use crate::host::host_instance;
use crate::profile::{located, Field};
use crate::rules::credential::shared::is_placeholder;
use crate::text::{clip, trim};
use crate::url::host_part;
use crate::Diagnostic;

rule!(
    "FLK505",
    "instance-mismatch",
    Error,
    "RL",
    "API URL, iframe URL and declared instance disagree (including `-ca`/`-us`)"
);

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let profile = check.profile;
    // An invalid declared instance is FLK506's; comparing with it is noise.
    // Compared ignoring ASCII case, so a lowercase copy is made only for a
    // message (this runs for every profile loaded).
    let declared = profile
        .get(Field::Instance)
        .map(|v| trim(v.text))
        .filter(|i| {
            if i.bytes().any(|b| b.is_ascii_uppercase()) {
                super::shared::instance_problem(&i.to_ascii_lowercase()).is_none()
            } else {
                super::shared::instance_problem(i).is_none()
            }
        })
        .filter(|i| !is_placeholder(i));
    let mut first_url: Option<(Field, &str)> = None;
    for field in [Field::ApiUrl, Field::IframeUrl] {
        let Some(value) = profile.get(field) else {
            continue;
        };
        let Some(host) = host_part(trim(value.text)) else {
            continue;
        };
        // `https://{instance}-api…`: a placeholder host is compared with nothing.
        let Some((instance, _)) = host_instance(host.text).filter(|(i, _)| !is_placeholder(i))
        else {
            continue;
        };
        let mismatch = match (declared, first_url) {
            (Some(d), _) if !d.eq_ignore_ascii_case(instance) => {
                Some(format!("instance `{}`", d.to_ascii_lowercase()))
            }
            (None, Some((f, other))) if !other.eq_ignore_ascii_case(instance) => {
                Some(format!("`{}` (`{}`)", f.key(), other.to_ascii_lowercase()))
            }
            _ => None,
        };
        if let Some(with) = mismatch {
            let offset = value.text.len() - value.text.trim_start().len();
            let instance = instance.to_ascii_lowercase();
            sink.push(
                Diagnostic::new(
                    &RULE,
                    format!("`{}` points at instance `{}`, but the profile says {}", field.key(), clip(&instance, 60), clip(&with, 80)),
                )
                .with_span(host.span.shift(offset))
                .with_help("use one instance throughout the profile: regional instances (`-ca`, `-us`) are distinct")
                .with_location(located(field, value)),
            );
        }
        first_url.get_or_insert((field, instance));
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Field, Location, Profile, ProfileOptions, Source, Value};

    fn profile<'a>(pairs: &[(Field, &'a str)]) -> Profile<'a> {
        let mut p = Profile::new(Location::new(Source::Value, "production"));
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

    #[test]
    fn fires_on_a_regional_mismatch() {
        let p = profile(&[
            (Field::Instance, "acme-ca"),
            (Field::ApiUrl, "https://acme-us-api.private.fin.ag/v3/"),
        ]);
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK505"],
            "{found:#?}"
        );
        let p = profile(&[
            (Field::ApiUrl, "https://acme-api.private.fin.ag/v3/"),
            (
                Field::IframeUrl,
                "https://acme-ca-iframe.private.fin.ag/v2/",
            ),
        ]);
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK505"]
        );
    }

    #[test]
    fn does_not_fire_when_all_agree() {
        let p = profile(&[
            (Field::Instance, "acme-ca"),
            (Field::ApiUrl, "https://acme-ca-api.private.fin.ag/v3/"),
            (
                Field::IframeUrl,
                "https://acme-ca-iframe.private.fin.ag/v2/",
            ),
        ]);
        assert!(check_profile(&p, ProfileOptions::new(Checker::Linter)).is_empty());
    }

    #[test]
    fn placeholders_are_compared_with_nothing() {
        let p = profile(&[
            (Field::Instance, "your-instance"),
            (Field::ApiUrl, "https://{instance}-api.private.fin.ag/v3/"),
            (Field::IframeUrl, "https://acme-iframe.private.fin.ag/v2/"),
        ]);
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        assert!(found.iter().all(|d| d.code() != "FLK505"), "{found:?}");
    }
}
