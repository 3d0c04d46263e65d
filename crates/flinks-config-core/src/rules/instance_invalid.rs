#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK506.md"))]

use crate::check::{Sink, UrlCheck};
use crate::{Diagnostic, Span};

rule!(
    "FLK506",
    "instance-invalid",
    Error,
    "MRL",
    "an instance name that is not lowercase letters, digits and inner `-`, ends in `-api`/`-iframe`, or has a dot"
);

/// Longest instance accepted: the host label `{instance}-iframe` must fit in 63 bytes.
///
/// ```
/// use flinks_config_core::rules::instance_invalid::MAX_LEN;
/// assert!(format!("{}-iframe", "a".repeat(MAX_LEN)).len() <= 63);
/// ```
pub const MAX_LEN: usize = 50;

/// Lowercase letters and digits joined by single `-`, not ending in a host
/// suffix, short enough.
fn is_plainly_valid(value: &str) -> bool {
    let b = value.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_LEN
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && !value.contains("--")
        && !value.ends_with("-api")
        && !value.ends_with("-iframe")
}

/// What is wrong with an instance name, where, and the fix.
pub(crate) fn problem(value: &str) -> Option<(String, Option<Span>, String)> {
    if is_plainly_valid(value) {
        return None; // the common case, without allocating
    }
    let lower = value.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let guess = crate::classify_host(rest.split('/').next().unwrap_or(""))
            .map_or_else(|| "toolbox".to_string(), |h| h.instance);
        return Some((
            "the instance is a URL, not a name".into(),
            None,
            format!("write only the host prefix, e.g. {guess}"),
        ));
    }
    if let Some(dot) = value.find('.') {
        let guess = crate::classify_host(&lower)
            .map(|h| h.instance)
            .or_else(|| {
                super::url_subdomain_dot::misjoined(&lower).map(|(at, _)| lower[..at].to_string())
            })
            .unwrap_or_else(|| lower[..dot].to_string());
        return Some((
            "the instance contains a dot: it is the host prefix only".into(),
            Some(Span::new(dot, dot + 1)),
            format!("write only the prefix: {guess}"),
        ));
    }
    for suffix in ["-api", "-iframe"] {
        if let Some(stem) = lower.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return Some((
                format!("the instance ends in `{suffix}`: that suffix belongs to the host"),
                Some(Span::new(stem.len(), value.len())),
                format!("write {stem}"),
            ));
        }
    }
    if let Some(at) = value.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let width = value[at..].chars().next().map_or(1, char::len_utf8);
        let help = if value[at..].starts_with('_') {
            format!("use `-` instead of `_`: {}", lower.replace('_', "-"))
        } else {
            "remove the character".to_string()
        };
        return Some((
            "the instance may hold only lowercase letters, digits and `-`".into(),
            Some(Span::new(at, at + width)),
            help,
        ));
    }
    if let Some(at) = value.find(|c: char| c.is_ascii_uppercase()) {
        return Some((
            "the instance has capital letters".into(),
            Some(Span::new(at, at + 1)),
            format!("write it in lowercase: {lower}"),
        ));
    }
    if value.starts_with('-') || value.ends_with('-') || value.contains("--") {
        let at = if value.starts_with('-') {
            0
        } else {
            value.find("--").unwrap_or(value.len() - 1)
        };
        return Some((
            "a `-` may only join two words of the instance".into(),
            Some(Span::new(at, at + 1)),
            "remove the extra `-`".into(),
        ));
    }
    if value.len() > MAX_LEN {
        return Some((
            format!("the instance is longer than {MAX_LEN} characters"),
            None,
            "use the instance name Flinks gave you".into(),
        ));
    }
    None
}

pub(crate) fn check_value(value: &str, sink: &mut Sink) {
    if super::credential_placeholder::check(
        value,
        crate::CredentialKind::CustomerId,
        &mut Sink::new(sink.checker()),
    ) {
        sink.push(
            Diagnostic::new(
                &super::credential_placeholder::RULE,
                "the instance is empty or a placeholder",
            )
            .with_help(
                "set the instance: `toolbox` in the sandbox, your company's instance in production",
            ),
        );
        return;
    }
    if super::instance_looks_like_id::check_instance(value, sink) {
        return;
    }
    if let Some((message, span, help)) = problem(value) {
        let mut d = Diagnostic::new(&RULE, message).with_help(help);
        if let Some(span) = span {
            d = d.with_span(span);
        }
        sink.push(d);
    }
}

/// The instance part of a Flinks host.
pub(crate) fn check_host(url: &UrlCheck<'_>, sink: &mut Sink) {
    let Some(host) = &url.host else { return };
    if !url.clean(&url.parts.host) {
        return;
    }
    if let Some((message, span, help)) = problem(&host.instance) {
        let start = url.parts.host.span.start;
        let span = span.map_or(Span::new(start, start + host.instance.len()), |s| {
            s.shift(start)
        });
        sink.push(
            Diagnostic::new(&RULE, message)
                .with_span(span)
                .with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_instance, Checker, UrlContext};

    #[test]
    fn fires_on_each_bad_shape() {
        for (value, bad) in [
            ("toolbox.api", Some(".")),
            ("toolbox-api", Some("-api")),
            ("Acme", Some("A")),
            ("acme_ca", Some("_")),
            ("-acme", Some("-")),
            ("acme--ca", Some("-")),
            ("https://acme-api.private.fin.ag", None),
        ] {
            let found = check_instance(value, Checker::Runtime);
            assert_eq!(found.len(), 1, "{value}: {found:#?}");
            assert_eq!(found[0].code(), "FLK506", "{value}");
            assert_eq!(found[0].span.map(|s| &value[s.range()]), bad, "{value}");
        }
        let long = "a".repeat(51);
        assert_eq!(check_instance(&long, Checker::Runtime)[0].code(), "FLK506");
    }

    #[test]
    fn fires_on_a_bad_instance_in_a_host() {
        let found = check_api_url(
            "https://acme--x-api.private.fin.ag/v3/",
            &UrlContext::runtime(),
        );
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK506"]
        );
    }

    #[test]
    fn does_not_fire_on_valid_instances() {
        for value in ["toolbox", "acme", "acme-ca", "acme-us", "bank2"] {
            assert!(
                check_instance(value, Checker::Runtime).is_empty(),
                "{value}"
            );
        }
    }
}
