#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK210.md"))]

use crate::context::{Sink, UrlCheck};
use crate::host::{host_for, HostKind};
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK210",
    "iframe-wrong-host-kind",
    Error,
    "MRLQ",
    "an API host used as the iframe URL"
);

/// Returns `false` (stop) when the host is an API host.
pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let Some(host) = url.host.as_ref().filter(|h| h.kind == HostKind::Api) else {
        return ControlFlow::Continue(());
    };
    let fixed = host_for(&host.instance, HostKind::Iframe);
    sink.push(
        Diagnostic::new(
            &RULE,
            "this is the API host, not the Flinks Connect (iframe) host",
        )
        .with_span(url.parts.host.span)
        .with_help(format!("the iframe is served from {fixed}")),
    );
    ControlFlow::Break(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, UrlContext};

    #[test]
    fn fires_on_an_api_host() {
        let found = check_iframe_url(
            "https://toolbox-api.private.fin.ag/v2/?demo=true",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK210");
    }

    #[test]
    fn does_not_fire_on_an_iframe_host() {
        assert!(check_iframe_url(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
