#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK105.md"))]

use super::shared::ApiPath;
use crate::context::Sink;
use crate::host::{host_for, HostKind};
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK105",
    "api-wrong-host-kind",
    Error,
    "MRLQ",
    "an iframe host used as an API URL"
);

/// Returns `false` (stop) when the host is an iframe host.
pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let url = path.url;
    let Some(host) = url.host.as_ref().filter(|h| h.kind == HostKind::Iframe) else {
        return ControlFlow::Continue(());
    };
    let fixed = host_for(&host.instance, HostKind::Api);
    sink.push(
        Diagnostic::new(
            &RULE,
            "this is the Flinks Connect (iframe) host, not the API host",
        )
        .with_span(url.parts.host.span)
        .with_help(format!("API calls go to {fixed}")),
    );
    ControlFlow::Break(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    #[test]
    fn fires_on_an_iframe_host() {
        let found = check_api_url(
            "https://toolbox-iframe.private.fin.ag/v3/",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK105");
    }

    #[test]
    fn does_not_fire_on_an_api_host() {
        assert!(check_api_url(
            "https://toolbox-api.private.fin.ag/v3/",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
