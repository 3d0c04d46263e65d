#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK501.md"))]

use crate::context::{ProfileCheck, Sink, UrlCheck};
use crate::profile::{located, Field};
use crate::{CredentialKind, Diagnostic, Environment, KnownValue};
use std::ops::ControlFlow;

rule!(
    "FLK501",
    "sandbox-credentials-in-production",
    Error,
    "RL",
    "the public toolbox customer id, secret key or API key in a production profile"
);

fn diagnostic(kind: CredentialKind) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        format!("the public sandbox {kind} is configured for production"),
    )
    .with_help(format!(
        "use the production {kind} Flinks issued for your instance"
    ))
}

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let (profile, environment) = (check.profile, check.environment);
    if environment != Some(Environment::Production) {
        return;
    }
    for field in [Field::CustomerId, Field::SecretKey, Field::ApiKey] {
        let Some(value) = profile.get(field) else {
            continue;
        };
        let kind = field.credential().expect("credential field");
        if KnownValue::toolbox()
            .iter()
            .any(|k| k.kind == kind && k.matches(value.text))
        {
            sink.push(diagnostic(kind).with_location(located(field, value)));
        }
    }
}

/// The customer id segment of a production API URL.
pub(crate) fn check_url(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    if url.environment() != Some(Environment::Production) || url.kind != crate::UrlKind::Api {
        return ControlFlow::Continue(());
    }
    let Some(segment) = url.words().get(1).copied() else {
        return ControlFlow::Continue(());
    };
    if crate::text::constant_time_eq_ignore_case(segment.text, crate::toolbox::CUSTOMER_ID) {
        sink.push(diagnostic(CredentialKind::CustomerId).with_span(segment.span));
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{
        check_api_url, check_profile, toolbox, Checker, Environment, Field, Location, Profile,
        ProfileOptions, Source, UrlContext, Value,
    };

    #[test]
    fn fires_on_each_public_value_in_production() {
        let mut p = Profile::new(Location::new(Source::Value, "production"));
        p.name = Some(Value {
            text: "production",
            location: Location::new(Source::Value, "production"),
        });
        for (f, v) in [
            (Field::CustomerId, toolbox::CUSTOMER_ID),
            (Field::SecretKey, toolbox::SECRET_KEY),
            (Field::ApiKey, toolbox::API_KEY),
        ] {
            p.set(
                f,
                Value {
                    text: v,
                    location: Location::new(Source::Value, f.key()),
                },
            );
        }
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        assert_eq!(
            found.iter().filter(|d| d.code() == "FLK501").count(),
            3,
            "{found:#?}"
        );
        let url = format!(
            "https://acme-api.private.fin.ag/v3/{}/BankingServices/",
            toolbox::CUSTOMER_ID
        );
        let cx = UrlContext::runtime().in_environment(Environment::Production);
        assert!(check_api_url(&url, &cx)
            .iter()
            .any(|d| d.code() == "FLK501"));
    }

    #[test]
    fn does_not_fire_in_the_sandbox() {
        let url = format!(
            "https://toolbox-api.private.fin.ag/v3/{}/BankingServices/",
            toolbox::CUSTOMER_ID
        );
        assert!(check_api_url(&url, &UrlContext::runtime()).is_empty());
    }
}
