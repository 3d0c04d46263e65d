#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK503.md"))]

use crate::context::{ProfileCheck, Sink, UrlCheck};
use crate::profile::{located, Field};
use crate::rules::credential::shared::is_placeholder;
use crate::text::clip;
use crate::{Diagnostic, Environment};
use std::ops::ControlFlow;

rule!(
    "FLK503",
    "production-instance-in-sandbox",
    Error,
    "RL",
    "a sandbox profile pointing at a company instance"
);

fn diagnostic(instance: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        format!(
            "the sandbox profile points at instance `{}`",
            clip(instance, 60)
        ),
    )
    .with_help(
        "the sandbox instance is `toolbox`; keep company instances in the production profile",
    )
}

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let (profile, environment) = (check.profile, check.environment);
    let Some(value) = profile.get(Field::Instance) else {
        return;
    };
    let instance = value.text.trim();
    // A placeholder (`your-instance`) is FLK303's, and expected in a template.
    let plausible = super::shared::instance_problem(instance).is_none()
        && !crate::is_guid(instance)
        && !is_placeholder(instance);
    if environment == Some(Environment::Sandbox)
        && instance != crate::toolbox::INSTANCE
        && plausible
    {
        sink.push(diagnostic(instance).with_location(located(Field::Instance, value)));
    }
}

/// A company host in a URL declared for the sandbox.
pub(crate) fn check_url(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let Some(host) = &url.host else {
        return ControlFlow::Continue(());
    };
    if url.cx.environment == Some(Environment::Sandbox)
        && host.instance != crate::toolbox::INSTANCE
        && !is_placeholder(&host.instance)
    {
        sink.push(diagnostic(&host.instance).with_span(url.parts.host.span));
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, Environment, UrlContext};

    #[test]
    fn fires_on_a_company_host_in_the_sandbox() {
        let cx = UrlContext::runtime().in_environment(Environment::Sandbox);
        let found = check_api_url("https://acme-api.private.fin.ag/v3/", &cx);
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK503"]
        );
    }

    #[test]
    fn does_not_fire_on_toolbox() {
        let cx = UrlContext::runtime().in_environment(Environment::Sandbox);
        assert!(check_api_url("https://toolbox-api.private.fin.ag/v3/", &cx).is_empty());
    }

    #[test]
    fn a_placeholder_instance_is_not_a_company_instance() {
        let cx = UrlContext::runtime().in_environment(Environment::Sandbox);
        let found = check_api_url("https://{instance}-api.private.fin.ag/v3/", &cx);
        assert!(found.iter().all(|d| d.code() != "FLK503"), "{found:?}");
        let mut p = crate::Profile::new(crate::Location::new(crate::Source::Value, "sandbox"));
        let at = |k: &str| crate::Location::new(crate::Source::Value, k);
        p.name = Some(crate::Value {
            text: "sandbox",
            location: at("sandbox"),
        });
        p.set(
            crate::Field::Instance,
            crate::Value {
                text: "your-instance",
                location: at("instance"),
            },
        );
        let options = crate::ProfileOptions::new(crate::Checker::Linter);
        let codes: Vec<_> = crate::check_profile(&p, options)
            .iter()
            .map(|d| d.code())
            .collect();
        assert_eq!(codes, ["FLK303"], "the placeholder, once");
    }
}
