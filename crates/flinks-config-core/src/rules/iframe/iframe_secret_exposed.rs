#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK205.md"))]

use super::shared;
use crate::context::{Sink, UrlCheck};
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK205",
    "iframe-secret-exposed",
    Error,
    "RLQ",
    "`authorizeToken=` carries the secret key or the API key: a secret sent to the browser"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    for (value, kind) in shared::exposed_secrets(url) {
        sink.push(
            Diagnostic::new(
                &RULE,
                format!("`authorizeToken` carries the {kind}: the iframe URL is sent to the browser"),
            )
            .with_span(value.span)
            .with_help("never put the secret key or API key in a URL; generate an authorize token on the backend with /GenerateAuthorizeToken and pass that"),
        );
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_iframe_url, CredentialKind, KnownValue, UrlContext};

    const SECRET: &str = "99999999-8888-4777-8666-555555555555";

    #[test]
    fn fires_on_a_configured_secret_and_never_shows_it() {
        let known = [KnownValue::new(CredentialKind::SecretKey, SECRET)];
        let cx = UrlContext::request().with_known(&known, None);
        let url = format!("https://acme-iframe.private.fin.ag/v2/?authorizeToken={SECRET}");
        let found = check_iframe_url(&url, &cx);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code(), "FLK205");
        assert!(!format!("{found:?}").contains(SECRET));
    }

    #[test]
    fn fires_on_the_public_sandbox_secret_without_context() {
        let url = "https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken=c4569c54-e167-4d34-8de6-f4113bc82414";
        let found = check_iframe_url(url, &UrlContext::runtime());
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK205"]
        );
    }

    #[test]
    fn fires_on_an_encoded_or_partial_copy() {
        let known = [KnownValue::new(CredentialKind::SecretKey, SECRET)];
        let cx = UrlContext::request().with_known(&known, None);
        for copy in [SECRET.replace('-', "%2d"), SECRET[4..].to_ascii_uppercase()] {
            let url = format!("https://acme-iframe.private.fin.ag/v2/?authorizeToken={copy}");
            let found = check_iframe_url(&url, &cx);
            assert_eq!(
                found.iter().map(|d| d.code()).collect::<Vec<_>>(),
                ["FLK205"],
                "{url}"
            );
            assert!(!format!("{found:?}")
                .to_ascii_lowercase()
                .contains("8666-555555"));
        }
    }

    #[test]
    fn does_not_fire_on_a_token() {
        let url = "https://acme-iframe.private.fin.ag/v2/?authorizeToken=d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        assert!(check_iframe_url(url, &UrlContext::request()).is_empty());
    }
}
