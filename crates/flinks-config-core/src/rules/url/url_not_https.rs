#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK002.md"))]

use crate::context::{Sink, UrlCheck};
use crate::text::clip;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK002",
    "url-not-https",
    Error,
    "MRLQ",
    "`http://` or any scheme other than `https`"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let scheme = url.parts.scheme;
    if scheme.text.eq_ignore_ascii_case("https") {
        return ControlFlow::Continue(());
    }
    sink.push(
        Diagnostic::new(
            &RULE,
            format!(
                "the scheme is `{}`: Flinks accepts HTTPS only",
                clip(scheme.text, 40)
            ),
        )
        .with_span(scheme.span)
        .with_help(format!("use https: {}", url.fixed(scheme.span, "https")))
        // Only `http` is surely a typo of `https`; another scheme may be a
        // different address altogether.
        .with_fix(url.fix(
            scheme.span,
            "https",
            scheme.text.eq_ignore_ascii_case("http"),
        )),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    #[test]
    fn fires_on_http() {
        let found = check_api_url(
            "http://toolbox-api.private.fin.ag/v3/",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK002");
        assert_eq!(found[0].span.unwrap().range(), 0..4);
        assert_eq!(
            found[0].help.as_deref(),
            Some("use https: https://toolbox-api.private.fin.ag/v3/")
        );
    }

    #[test]
    fn never_quotes_a_secret_spliced_into_the_scheme() {
        // Found by fuzzing: the scheme is quoted in the message.
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let known = [crate::KnownValue::new(
            crate::CredentialKind::SecretKey,
            secret,
        )];
        let cx = UrlContext::runtime().with_known(&known, None);
        let found = check_api_url(
            &format!("http{secret}://toolbox-api.private.fin.ag/v3/"),
            &cx,
        );
        assert_eq!(found[0].code(), "FLK002");
        assert!(!format!("{found:?}").contains("5ec2e7000001"), "{found:#?}");
    }

    #[test]
    fn does_not_fire_on_https_in_any_case() {
        assert!(check_api_url(
            "HTTPS://toolbox-api.private.fin.ag/v3/",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
