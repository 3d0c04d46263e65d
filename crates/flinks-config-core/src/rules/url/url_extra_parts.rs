#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK007.md"))]

use crate::context::{Sink, UrlCheck};
use crate::text::clip;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK007",
    "url-extra-parts",
    Error,
    "MRLQ",
    "user-info, a port other than 443, or a fragment in a URL"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let parts = &url.parts;
    if let Some(info) = parts.userinfo {
        // The user-info may hold a password: the message never quotes it.
        let span = Span::new(info.span.start, info.span.end + 1);
        sink.push(
            Diagnostic::new(&RULE, "credentials before `@` in the URL")
                .with_span(span)
                .with_help(
                    "remove everything between `://` and `@`: Flinks takes credentials in headers",
                ),
        );
    }
    if let Some(port) = parts.port {
        if port.text != "443" {
            let span = Span::new(port.span.start - 1, port.span.end);
            let message = if port.text.is_empty() {
                "an empty port after the host".to_string()
            } else {
                format!(
                    "port `{}` in the URL: Flinks serves HTTPS on 443 only",
                    clip(port.text, 20)
                )
            };
            sink.push(
                Diagnostic::new(&RULE, message)
                    .with_span(span)
                    .with_help(format!("remove the port: {}", url.fixed(span, ""))),
            );
        }
    }
    if let Some(fragment) = parts.fragment {
        let span = Span::new(fragment.span.start - 1, fragment.span.end);
        sink.push(
            Diagnostic::new(&RULE, "a fragment (`#…`) in the URL")
                .with_span(span)
                .with_help("remove the `#` and everything after it"),
        );
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    fn codes(url: &str) -> Vec<&'static str> {
        check_api_url(url, &UrlContext::runtime())
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_userinfo_port_and_fragment() {
        assert_eq!(
            codes("https://me:pw@toolbox-api.private.fin.ag/v3/"),
            ["FLK007"]
        );
        assert_eq!(
            codes("https://toolbox-api.private.fin.ag:8443/v3/"),
            ["FLK007"]
        );
        assert_eq!(
            codes("https://toolbox-api.private.fin.ag/v3/#x"),
            ["FLK007"]
        );
    }

    #[test]
    fn message_never_quotes_userinfo() {
        let found = check_api_url(
            "https://me:hunter2@toolbox-api.private.fin.ag/v3/",
            &UrlContext::runtime(),
        );
        assert!(!format!("{found:?}").contains("hunter2"), "{found:#?}");
    }

    #[test]
    fn does_not_fire_on_port_443() {
        assert!(codes("https://toolbox-api.private.fin.ag:443/v3/").is_empty());
    }
}
