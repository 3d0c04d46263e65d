#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK004.md"))]

use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK004",
    "url-subdomain-dot",
    Error,
    "MRLQ",
    "`toolbox.api.private.fin.ag` instead of `toolbox-api.private.fin.ag`"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let host = url.parts.host;
    if !url.clean(&host) {
        return ControlFlow::Continue(());
    }
    if let Some((at, fixed)) = crate::host::misjoined(host.text) {
        let sep = &host.text[at..=at];
        let span = Span::new(host.span.start + at, host.span.start + at + 1);
        sink.push(
            Diagnostic::new(
                &RULE,
                format!("`{sep}` instead of `-` between the instance and the service in the host"),
            )
            .with_span(span)
            .with_help(format!(
                "write the host as {fixed}: {}",
                url.fixed(host.span, &fixed)
            ))
            .with_fix(url.fix(host.span, &fixed, true)),
        );
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_iframe_url, UrlContext};

    #[test]
    fn fires_on_dot_and_underscore() {
        let url = "https://toolbox.api.private.fin.ag/v3/";
        let found = check_api_url(url, &UrlContext::runtime());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code(), "FLK004");
        assert_eq!(&url[found[0].span.unwrap().range()], ".");
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .contains("toolbox-api.private.fin.ag/v3/"));
        let found = check_iframe_url(
            "https://acme_iframe.private.fin.ag/v2/",
            &UrlContext::runtime(),
        );
        assert_eq!(found[0].code(), "FLK004");
    }

    #[test]
    fn does_not_fire_on_the_dash() {
        assert!(check_api_url(
            "https://toolbox-api.private.fin.ag/v3/",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
