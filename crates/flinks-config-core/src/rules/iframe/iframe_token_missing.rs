#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK203.md"))]

use crate::context::{Sink, UrlCheck};
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK203",
    "iframe-token-missing",
    Error,
    "LQ",
    "a final iframe URL (about to be shown) without `authorizeToken`"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    if !url.cx.final_url {
        return ControlFlow::Continue(());
    }
    let has_token = url
        .parts
        .params()
        .any(|p| p.name.text == "authorizeToken" && p.value.is_some_and(|v| !v.text.is_empty()));
    if has_token {
        return ControlFlow::Continue(());
    }
    sink.push(
        Diagnostic::new(&RULE, "the iframe URL has no `authorizeToken`: Flinks Connect will refuse the session")
            .with_span(url.parts.query.unwrap_or(url.parts.path).span)
            .with_help("generate a token with /GenerateAuthorizeToken on your backend and add authorizeToken={token}"),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, UrlContext};

    #[test]
    fn fires_on_a_final_url_without_token() {
        let found = check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true",
            &UrlContext::request(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK203");
    }

    #[test]
    fn does_not_fire_on_configured_bases_or_with_a_token() {
        assert!(check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true",
            &UrlContext::runtime()
        )
        .is_empty());
        let url = "https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken=d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        assert!(check_iframe_url(url, &UrlContext::request()).is_empty());
    }
}
