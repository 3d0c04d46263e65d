#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK502.md"))]

use crate::context::{ProfileCheck, Sink, UrlCheck};
use crate::profile::{located, Field};
use crate::{Diagnostic, Environment};
use std::ops::ControlFlow;

rule!(
    "FLK502",
    "sandbox-instance-in-production",
    Error,
    "MRL",
    "instance `toolbox` in a production profile"
);

fn diagnostic() -> Diagnostic {
    Diagnostic::new(
        &RULE,
        "the sandbox instance `toolbox` is configured for production",
    )
    .with_help("use your company's instance (the one Flinks gave you, e.g. `acme` or `acme-ca`)")
}

pub(crate) fn check(check: &ProfileCheck<'_, '_>, sink: &mut Sink) {
    let (profile, environment) = (check.profile, check.environment);
    let Some(value) = profile.get(Field::Instance) else {
        return;
    };
    if environment == Some(Environment::Production) && value.text.trim() == crate::toolbox::INSTANCE
    {
        sink.push(diagnostic().with_location(located(Field::Instance, value)));
    }
}

/// A toolbox host in a URL declared for production.
pub(crate) fn check_url(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let Some(host) = &url.host else {
        return ControlFlow::Continue(());
    };
    if url.cx.environment == Some(Environment::Production)
        && host.instance == crate::toolbox::INSTANCE
    {
        sink.push(diagnostic().with_span(url.parts.host.span));
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, Environment, UrlContext};

    #[test]
    fn fires_on_a_toolbox_host_in_production() {
        let cx = UrlContext::macro_literal().in_environment(Environment::Production);
        let found = check_api_url("https://toolbox-api.private.fin.ag/v3/", &cx);
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK502"]
        );
    }

    #[test]
    fn does_not_fire_in_the_sandbox() {
        let cx = UrlContext::macro_literal().in_environment(Environment::Sandbox);
        assert!(check_api_url("https://toolbox-api.private.fin.ag/v3/", &cx).is_empty());
    }
}
