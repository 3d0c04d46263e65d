#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK202.md"))]

use super::shared;
use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Environment, Span};
use std::ops::ControlFlow;

rule!(
    "FLK202",
    "iframe-demo-in-production",
    Error,
    "MRLQ",
    "`demo=true` on a production iframe URL"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    if url.environment() != Some(Environment::Production) {
        return ControlFlow::Continue(());
    }
    let Some(demo) = shared::demo_param(url) else {
        return ControlFlow::Continue(());
    };
    if demo.value.is_none_or(|v| v.text != "true") {
        return ControlFlow::Continue(());
    }
    // Remove the pair with one of its `&` separators.
    let whole = demo.whole.span;
    let query = url.parts.query.map_or(whole, |q| q.span);
    let span = if whole.end < query.end {
        Span::new(whole.start, whole.end + 1)
    } else {
        // The last pair: take the `&` before it, or the `?` when it is alone.
        Span::new(whole.start - 1, whole.end)
    };
    sink.push(
        Diagnostic::new(&RULE, "`demo=true` in a production iframe URL")
            .with_span(demo.whole.span)
            .with_help(format!("remove it: {}", url.fixed(span, "")))
            // Certain only where the environment is declared, not guessed
            // from an instance name.
            .with_fix(url.fix(span, "", url.cx.environment.is_some())),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, Environment, UrlContext};

    #[test]
    fn fires_on_a_company_instance() {
        let found = check_iframe_url(
            "https://acme-iframe.private.fin.ag/v2/?demo=true&language=fr",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK202");
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("/v2/?language=fr"));
        let found = check_iframe_url(
            "https://acme-iframe.private.fin.ag/v2/?demo=true",
            &UrlContext::runtime(),
        );
        assert!(found[0].help.as_deref().unwrap().ends_with("/v2/"));
    }

    #[test]
    fn fires_when_the_profile_is_production() {
        let cx = UrlContext::runtime().in_environment(Environment::Production);
        let found = check_iframe_url("https://toolbox-iframe.private.fin.ag/v2/?demo=true", &cx);
        assert!(found.iter().any(|d| d.code() == "FLK202"));
    }

    #[test]
    fn does_not_fire_in_the_sandbox() {
        assert!(check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
