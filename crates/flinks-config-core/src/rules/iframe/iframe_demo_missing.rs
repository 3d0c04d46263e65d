#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK201.md"))]

use super::shared;
use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Environment, Span};
use std::ops::ControlFlow;

rule!(
    "FLK201",
    "iframe-demo-missing",
    Error,
    "MRLQ",
    "a sandbox iframe URL without `demo=true` (the test institution will not show)"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    if url.environment() != Some(Environment::Sandbox) {
        return ControlFlow::Continue(());
    }
    let demo = shared::demo_param(url);
    if demo.and_then(|p| p.value).is_some_and(|v| v.text == "true") {
        return ControlFlow::Continue(());
    }
    // The bytes to replace and with what; certain only when `demo` is
    // missing (a `demo` set to something else was written on purpose) and
    // the environment is the sandbox for sure: declared, or the toolbox host.
    let (span, message, at, replacement, certain) = match demo {
        Some(param) => (
            param.whole.span,
            "the sandbox iframe has `demo` set but not to `true`".to_string(),
            param.whole.span,
            "demo=true",
            false,
        ),
        None => {
            let end = url
                .parts
                .query
                .map_or(url.parts.path.span.end, |q| q.span.end);
            let insert = match url.parts.query {
                None => "?demo=true",
                Some(q) if q.text.is_empty() || q.text.ends_with('&') => "demo=true",
                Some(_) => "&demo=true",
            };
            (
                url.parts.path.span,
                "the sandbox iframe URL has no `demo=true`: the Flinks Capital test institution will not appear".to_string(),
                Span::new(end, end),
                insert,
                url.parts.fragment.is_none(),
            )
        }
    };
    sink.push(
        Diagnostic::new(&RULE, message)
            .with_span(span)
            .with_help(format!("add demo=true: {}", url.fixed(at, replacement)))
            .with_fix(url.fix(at, replacement, certain)),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, Environment, UrlContext};

    #[test]
    fn fires_in_the_sandbox() {
        let found = check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK201");
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("/v2/?demo=true"));
        let found = check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=false",
            &UrlContext::runtime(),
        );
        assert_eq!(found[0].code(), "FLK201");
    }

    #[test]
    fn does_not_fire_with_demo_or_in_production() {
        assert!(check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true",
            &UrlContext::runtime()
        )
        .is_empty());
        assert!(check_iframe_url(
            "https://acme-iframe.private.fin.ag/v2/",
            &UrlContext::runtime()
        )
        .is_empty());
        let cx = UrlContext::runtime().in_environment(Environment::Production);
        assert!(
            !check_iframe_url("https://toolbox-iframe.private.fin.ag/v2/", &cx)
                .iter()
                .any(|d| d.code() == "FLK201")
        );
    }
}
