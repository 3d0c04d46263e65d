//! FLK0xx, the URL family: what any Flinks URL must be (parseable, HTTPS,
//! a Flinks host, no placeholder or stray part). Its pipeline runs first
//! for every URL, then hands an API URL to [`api`] and an
//! iframe URL to [`iframe`].
//!
//! | code   | rule                   |
//! |--------|------------------------|
//! | FLK001 | [`url_unparseable`]      |
//! | FLK002 | [`url_not_https`]        |
//! | FLK003 | [`url_double_slash`]     |
//! | FLK004 | [`url_subdomain_dot`]    |
//! | FLK005 | [`url_foreign_host`]     |
//! | FLK006 | [`url_placeholder`]      |
//! | FLK007 | [`url_extra_parts`]      |
//! | FLK008 | [`url_stray_characters`] |
//! | FLK009 | [`url_credential`]       |
//! | FLK010 | [`url_dot_segment`]      |
//!
//! The family's check shape is
//! `check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()>`.
//! Two steps run on the raw text, before there are parts to check, and so
//! take the text: FLK008 trims stray characters around the URL, and FLK001
//! reports a text that does not split (`report_split`), with FLK006's
//! `report` for the placeholders such a text holds. The profile rules that
//! also read a URL's host (FLK501–FLK503, FLK506) export `check_url` in
//! this family's shape, and this pipeline calls them.

pub mod url_credential;
pub mod url_dot_segment;
pub mod url_double_slash;
pub mod url_extra_parts;
pub mod url_foreign_host;
pub mod url_not_https;
pub mod url_placeholder;
pub mod url_stray_characters;
pub mod url_subdomain_dot;
pub mod url_unparseable;

use super::profile::{
    instance_invalid, production_instance_in_sandbox, sandbox_credentials_in_production,
    sandbox_instance_in_production,
};
use super::{api, iframe};
use crate::context::{Sink, UrlCheck, UrlContext, UrlKind};
use crate::host::classify_host;
use crate::redact::{Findings, UrlSecrets};
use crate::text::placeholders;
use crate::url::UrlParts;
use crate::Span;
use std::cell::{OnceCell, RefCell};
use std::ops::ControlFlow;

/// Every URL rule, then the API or iframe family's, on `value`: the raw
/// findings, sorted by position, each with the URL (secrets masked) as its
/// snippet, and the secrets of the URL.
pub(crate) fn findings(value: &str, kind: UrlKind, cx: &UrlContext<'_>) -> Findings {
    // At most a few findings of each rule per value, the rest summarised.
    let mut sink = Sink::per_value(cx.checker);
    let (start, end) = url_stray_characters::check(value, &mut sink);
    let inner = &value[start..end];
    let found: Vec<Span> = placeholders(inner)
        .into_iter()
        .map(|(s, e)| Span::new(s + start, e + start))
        .collect();
    let split_at = UrlParts::split(inner, start);
    let split = split_at.is_ok();
    let secrets = match split_at {
        Err(error) => {
            url_unparseable::report_split(&error, &mut sink);
            url_placeholder::report(&found, None, &mut sink);
            if sink.out.is_empty() {
                return Findings::default();
            }
            UrlSecrets::of_unsplit(value, cx.known)
        }
        Ok(parts) => {
            let url = UrlCheck {
                value,
                kind,
                host: classify_host(parts.host.text),
                parts,
                cx,
                secrets: OnceCell::new(),
                placeholders: found,
                broken: RefCell::new(Vec::new()),
            };
            let _ = check(&url, &mut sink);
            if sink.out.is_empty() {
                return Findings::default();
            }
            url.secrets();
            url.secrets.into_inner().expect("found above")
        }
    };
    let summaries: Vec<_> = sink.summaries().collect();
    let mut out = sink.out;
    out.sort_by_key(|d| d.span.map_or(0, |s| s.start));
    out.extend(summaries);
    // No fix is ever built from, or carries, a secret.
    let clean = secrets.masked() == value;
    for d in &mut out {
        d.snippet = Some(secrets.masked().to_string());
        if !clean {
            d.fix = None;
        } else if d.rule.code == url_stray_characters::RULE.code && split {
            // FLK008 runs on the raw text: its fix is the URL inside.
            d.fix = Some(crate::Fix::machine_applicable(inner));
        }
    }
    Findings::new(out, secrets.into_values())
}

/// The rules of a split URL, in order: FLK001 first, since the others skip
/// what it found broken.
fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    url_unparseable::check(url, sink)?;
    url_placeholder::check(url, sink)?;
    url_not_https::check(url, sink)?;
    url_extra_parts::check(url, sink)?;
    url_subdomain_dot::check(url, sink)?;
    url_foreign_host::check(url, sink)?;
    url_double_slash::check(url, sink)?;
    url_dot_segment::check(url, sink)?;
    url_credential::check(url, sink)?;
    instance_invalid::check_url(url, sink)?;
    sandbox_instance_in_production::check_url(url, sink)?;
    production_instance_in_sandbox::check_url(url, sink)?;
    sandbox_credentials_in_production::check_url(url, sink)?;
    match url.kind {
        UrlKind::Api => api::check(url, sink),
        UrlKind::Iframe => iframe::check(url, sink),
    }
}

#[cfg(test)]
mod tests {
    use crate::context::PER_VALUE_LIMIT;
    use crate::{check_api_url, check_iframe_url, UrlContext};

    /// A value with an absurd number of findings of one rule lists the
    /// first few and counts the rest in one finding of the same rule.
    #[test]
    fn findings_past_the_limit_are_summarised() {
        let mut url = String::from("https://toolbox-iframe.private.fin.ag/v2/?demo=true");
        for i in 0..1000 {
            url.push_str(&format!("&&p{i}=1??"));
        }
        let found = check_iframe_url(&url, &UrlContext::runtime());
        let of = |code: &str| found.iter().filter(|d| d.code() == code).count();
        assert_eq!(of("FLK206"), PER_VALUE_LIMIT + 1, "{found:#?}");
        let summary = found
            .iter()
            .find(|d| d.code() == "FLK206" && d.message.starts_with('…'))
            .expect("a summary");
        // 1,000 `??` runs and 1,000 `&&` runs: 2,000 findings, 10 listed.
        assert_eq!(
            summary.message,
            format!(
                "… and {} more findings of FLK206 in this value",
                2000 - PER_VALUE_LIMIT
            )
        );
        assert!(summary.span.is_none() && summary.snippet.is_some());
        // Listed findings come first, in order, then the summary.
        let last = found.iter().rposition(|d| d.code() == "FLK206").unwrap();
        assert!(found[last].message.starts_with('…'));
    }

    #[test]
    fn a_few_findings_are_listed_without_a_summary() {
        let url = "https://toolbox-api.private.fin.ag/v3/{customerId}/<instance>/BankingServices/";
        let found = check_api_url(url, &UrlContext::runtime());
        assert!(
            found.iter().all(|d| !d.message.starts_with('…')),
            "{found:#?}"
        );
        assert_eq!(found.iter().filter(|d| d.code() == "FLK006").count(), 2);
    }

    #[test]
    fn one_past_the_limit_is_counted_in_the_singular() {
        let mut url = String::from("https://toolbox-api.private.fin.ag/v3/");
        for _ in 0..=PER_VALUE_LIMIT {
            url.push_str("{x}/");
        }
        let found = check_api_url(&url, &UrlContext::runtime());
        assert!(
            found
                .iter()
                .any(|d| d.message == "… and 1 more finding of FLK006 in this value"),
            "{found:#?}"
        );
    }
}
