#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK209.md"))]

use crate::context::{Sink, UrlCheck};
use crate::text::percent_decode;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK209",
    "iframe-redirect-url",
    Error,
    "MRLQ",
    "`redirectUrl` not an https URL, or pointing at a Flinks host"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let Some(param) = url.parts.params().find(|p| p.name.text == "redirectUrl") else {
        return ControlFlow::Continue(());
    };
    let Some(value) = param.value.filter(|v| url.clean(v)) else {
        return ControlFlow::Continue(());
    };
    let target = percent_decode(value.text);
    let host = target.strip_prefix("https://").map(|rest| {
        rest.split(['/', '?', '#', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    });
    let problem = match &host {
        None => Some("`redirectUrl` is not an https URL"),
        Some(h) if h.is_empty() => Some("`redirectUrl` has no host"),
        Some(h)
            if h.ends_with(".fin.ag")
                || ["flinks.com", "flinks.io"]
                    .iter()
                    .any(|d| h == d || h.ends_with(&format!(".{d}"))) =>
        {
            Some("`redirectUrl` points at a Flinks host: it must be a page you own")
        }
        Some(_) => None,
    };
    if let Some(message) = problem {
        sink.push(
            Diagnostic::new(&RULE, message)
                .with_span(value.span)
                .with_help("set redirectUrl to an https page of your own site, URL-encoded, e.g. https%3A%2F%2Fexample.com%2Fdone"),
        );
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, UrlContext};

    const HOST: &str = "https://acme-iframe.private.fin.ag/v2/";

    #[test]
    fn fires_on_bad_targets() {
        for target in [
            "flinks.com",
            "http://example.com",
            "https%3A%2F%2Fflinks.com%2F",
            "https://",
        ] {
            let found = check_iframe_url(
                &format!("{HOST}?redirectUrl={target}"),
                &UrlContext::runtime(),
            );
            assert_eq!(
                found.iter().map(|d| d.code()).collect::<Vec<_>>(),
                ["FLK209"],
                "{target}"
            );
        }
    }

    #[test]
    fn does_not_fire_on_an_owned_https_page() {
        for target in [
            "https://example.com/done",
            "https%3A%2F%2Fexample.com%2Fdone",
        ] {
            assert!(check_iframe_url(
                &format!("{HOST}?redirectUrl={target}"),
                &UrlContext::runtime()
            )
            .is_empty());
        }
    }
}
