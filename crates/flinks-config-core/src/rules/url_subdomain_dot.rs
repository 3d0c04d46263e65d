#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK004.md"))]

use crate::check::{Sink, UrlCheck};
use crate::host::HostKind;
use crate::{Diagnostic, Span};

rule!(
    "FLK004",
    "url-subdomain-dot",
    Error,
    "MRLQ",
    "`toolbox.api.private.fin.ag` instead of `toolbox-api.private.fin.ag`"
);

/// The separator position and the corrected host, if the host joins the
/// instance and `api`/`iframe` with something other than `-`.
pub(crate) fn misjoined(host: &str) -> Option<(usize, String)> {
    // No allocation on the common path: this runs for every URL checked.
    let label = host.get(..host.len().checked_sub(crate::host::DOMAIN.len() + 1)?)?;
    let domain = &host[label.len()..];
    if !domain.starts_with('.') || !domain[1..].eq_ignore_ascii_case(crate::host::DOMAIN) {
        return None;
    }
    for kind in [HostKind::Api, HostKind::Iframe] {
        let word = kind.noun();
        let Some(split) = label
            .len()
            .checked_sub(word.len() + 1)
            .filter(|&i| label.is_char_boundary(i))
        else {
            continue;
        };
        let (instance, tail) = label.split_at(split);
        if tail[1..].eq_ignore_ascii_case(word)
            && matches!(tail.as_bytes()[0], b'.' | b'_')
            && !instance.is_empty()
            && !instance.contains('.')
        {
            let lower = instance.to_ascii_lowercase();
            return Some((
                split,
                format!(
                    "{lower}-{}.{}",
                    word.to_ascii_lowercase(),
                    crate::host::DOMAIN
                ),
            ));
        }
    }
    None
}

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) {
    let host = url.parts.host;
    if !url.clean(&host) {
        return;
    }
    if let Some((at, fixed)) = misjoined(host.text) {
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
            )),
        );
    }
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
