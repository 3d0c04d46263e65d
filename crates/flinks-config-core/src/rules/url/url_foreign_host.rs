#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK005.md"))]

use crate::context::{Sink, UrlCheck};
use crate::host::{HostKind, DOMAIN};
use crate::text::clip;
use crate::text::distance;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK005",
    "url-foreign-host",
    Error,
    "MRLQ",
    "host is not `{instance}-api/-iframe.private.fin.ag`; typos and legacy hosts named"
);

/// A likely intended host for a near miss.
fn suggestion(host: &str, kind: HostKind) -> Option<String> {
    let (label, rest) = host.split_once('.').unwrap_or((host, ""));
    let service = kind
        .suffix()
        .trim_start_matches('-')
        .split('.')
        .next()
        .unwrap_or("api");
    let label_fixed = if let Some(instance) = label.strip_suffix(&format!("-{service}")) {
        (!instance.is_empty()).then(|| label.to_string())
    } else if let Some(instance) = label.strip_suffix(service) {
        (!instance.is_empty() && !instance.ends_with('-')).then(|| format!("{instance}-{service}"))
    } else {
        let (instance, word) = label.rsplit_once('-')?;
        (distance(word, service, 2) <= 2).then(|| format!("{instance}-{service}"))
    }?;
    let rest_ok = rest == DOMAIN || distance(rest, DOMAIN, 3) <= 3;
    (rest_ok && format!("{label_fixed}.{DOMAIN}") != host)
        .then(|| format!("{label_fixed}.{DOMAIN}"))
}

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let host = url.parts.host;
    if url.host.is_some() || !url.clean(&host) || sink.has("FLK004") || host.text.is_empty() {
        return ControlFlow::Continue(());
    }
    let lower = clip(&host.text.to_ascii_lowercase(), 80);
    let kind = match url.kind {
        crate::UrlKind::Api => HostKind::Api,
        crate::UrlKind::Iframe => HostKind::Iframe,
    };
    let legacy = ["flinks.io", "flinks.com"]
        .iter()
        .any(|d| lower == *d || lower.ends_with(&format!(".{d}")));
    let diagnostic = if legacy {
        Diagnostic::new(
            &RULE,
            format!("`{lower}` is a legacy Flinks host, not served for the API today"),
        )
        .with_help(format!(
            "use https://toolbox{} in the sandbox, or https://{{your instance}}{} in production",
            kind.suffix(),
            kind.suffix()
        ))
    } else if let Some(better) = suggestion(&lower, kind) {
        Diagnostic::new(&RULE, format!("`{lower}` is not a Flinks host")).with_help(format!(
            "did you mean {better}? {}",
            url.fixed(host.span, &better)
        ))
    } else {
        Diagnostic::new(&RULE, format!("`{lower}` is not a Flinks host")).with_help(format!(
            "Flinks {} hosts are {{instance}}{}",
            kind.noun(),
            kind.suffix()
        ))
    };
    sink.push(diagnostic.with_span(host.span));
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    fn first(url: &str) -> crate::Diagnostic {
        check_api_url(url, &UrlContext::runtime()).remove(0)
    }

    #[test]
    fn fires_with_typo_suggestions() {
        let d = first("https://toolbox-api.private.fin.ca/v3/");
        assert_eq!(d.code(), "FLK005");
        assert!(d
            .help
            .unwrap()
            .contains("did you mean toolbox-api.private.fin.ag"));
        let d = first("https://toolboxapi.private.fin.ag/v3/");
        assert!(d.help.unwrap().contains("toolbox-api.private.fin.ag"));
        let d = first("https://toolbox-apii.private.fin.ag/v3/");
        assert!(d.help.unwrap().contains("toolbox-api.private.fin.ag"));
    }

    #[test]
    fn names_legacy_hosts() {
        let d = first("https://sandbox-api.flinks.io/v3/");
        assert!(d.message.contains("legacy"), "{d:?}");
        let d = first("https://example.com/v3/");
        assert_eq!(d.code(), "FLK005");
    }

    #[test]
    fn does_not_fire_on_flinks_hosts() {
        assert!(check_api_url(
            "https://acme-us-api.private.fin.ag/v3/",
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
