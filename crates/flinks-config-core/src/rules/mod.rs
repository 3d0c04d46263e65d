//! The rule catalogue: one module per rule, whose documentation is the
//! rule's page (the same text as `docs/rules/FLKnnn.md` and `explain`).

use crate::check::{Sink, UrlCheck};

/// Declares a rule's descriptor `RULE`; its page comes from `docs/rules/`.
macro_rules! rule {
    ($code:literal, $name:literal, $severity:ident, $checkers:literal, $summary:literal) => {
        #[doc = concat!(
                    "The descriptor of ", $code, " `", $name, "`: ", $summary, ".\n\n```\n",
                    "let rule = flinks_config_core::rule_by_code(\"", $code, "\").unwrap();\n",
                    "assert_eq!(rule.name, \"", $name, "\");\n",
                    "assert!(rule.page.starts_with(\"# ", $code, ": ", $name, "\"));\n```"
                )]
        pub static RULE: crate::Rule = crate::Rule {
            code: $code,
            name: $name,
            severity: crate::Severity::$severity,
            checkers: crate::Checkers::parse($checkers),
            summary: $summary,
            page: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/", $code, ".md")),
        };
    };
}

pub mod api_base_join_trap;
pub mod api_customer_id;
pub mod api_path_parameter;
pub mod api_query_string;
pub mod api_service_segment;
pub mod api_unknown_endpoint;
pub mod api_version;
pub mod api_wrong_host_kind;
pub mod config_malformed;
pub mod credential_kinds_identical;
pub mod credential_malformed;
pub mod credential_placeholder;
pub mod credentials_shared_across_environments;
pub mod environment_unknown;
pub mod field_missing;
pub mod field_unknown;
pub mod header_missing;
pub mod header_needless_secret;
pub mod header_wrong_credential;
pub mod header_wrong_name;
pub mod iframe_demo_in_production;
pub mod iframe_demo_missing;
pub mod iframe_malformed_query;
pub mod iframe_redirect_url;
pub mod iframe_secret_exposed;
pub mod iframe_token_hardcoded;
pub mod iframe_token_missing;
pub mod iframe_unknown_parameter;
pub mod iframe_version;
pub mod iframe_wrong_host_kind;
pub mod instance_invalid;
pub mod instance_looks_like_id;
pub mod instance_mismatch;
pub mod production_instance_in_sandbox;
pub mod sandbox_credentials_in_production;
pub mod sandbox_instance_in_production;
pub mod secret_in_frontend;
pub mod token_expired;
pub mod token_in_config;
pub mod token_reused;
pub mod url_double_slash;
pub mod url_extra_parts;
pub mod url_foreign_host;
pub mod url_not_https;
pub mod url_placeholder;
pub mod url_stray_characters;
pub mod url_subdomain_dot;
pub mod url_unparseable;

/// Every rule, in code order.
///
/// ```
/// let all = flinks_config_core::rules::ALL;
/// assert!(all.windows(2).all(|w| w[0].code < w[1].code));
/// ```
pub static ALL: &[&crate::Rule] = &[
    &url_unparseable::RULE,
    &url_not_https::RULE,
    &url_double_slash::RULE,
    &url_subdomain_dot::RULE,
    &url_foreign_host::RULE,
    &url_placeholder::RULE,
    &url_extra_parts::RULE,
    &url_stray_characters::RULE,
    &api_version::RULE,
    &api_customer_id::RULE,
    &api_service_segment::RULE,
    &api_unknown_endpoint::RULE,
    &api_wrong_host_kind::RULE,
    &api_query_string::RULE,
    &api_path_parameter::RULE,
    &api_base_join_trap::RULE,
    &iframe_demo_missing::RULE,
    &iframe_demo_in_production::RULE,
    &iframe_token_missing::RULE,
    &iframe_token_hardcoded::RULE,
    &iframe_secret_exposed::RULE,
    &iframe_malformed_query::RULE,
    &iframe_unknown_parameter::RULE,
    &iframe_version::RULE,
    &iframe_redirect_url::RULE,
    &iframe_wrong_host_kind::RULE,
    &credential_malformed::RULE,
    &credential_kinds_identical::RULE,
    &credential_placeholder::RULE,
    &token_in_config::RULE,
    &secret_in_frontend::RULE,
    &instance_looks_like_id::RULE,
    &header_wrong_name::RULE,
    &header_missing::RULE,
    &header_wrong_credential::RULE,
    &header_needless_secret::RULE,
    &token_reused::RULE,
    &token_expired::RULE,
    &sandbox_credentials_in_production::RULE,
    &sandbox_instance_in_production::RULE,
    &production_instance_in_sandbox::RULE,
    &credentials_shared_across_environments::RULE,
    &instance_mismatch::RULE,
    &instance_invalid::RULE,
    &environment_unknown::RULE,
    &field_missing::RULE,
    &field_unknown::RULE,
    &config_malformed::RULE,
];

/// The path rules of an API URL, segment by segment; each stops the walk
/// when what follows would only repeat its finding.
pub(crate) fn check_api_path(url: &UrlCheck<'_>, sink: &mut Sink) {
    if !api_wrong_host_kind::check(url, sink) {
        return;
    }
    api_query_string::check(url, sink);
    let words = url.words();
    let segments = &words[..];
    if !api_version::check(url, segments, sink) {
        return;
    }
    if segments
        .get(1)
        .is_some_and(|s| s.text.eq_ignore_ascii_case("oauth"))
    {
        return; // `/v3/oauth/authorize?…`: the OAuth entry point has no customer id.
    }
    if !api_customer_id::check(url, segments, sink) {
        return;
    }
    if !api_service_segment::check(url, segments, sink) {
        return;
    }
    match api_unknown_endpoint::check(url, segments, sink) {
        Some(endpoint) => api_path_parameter::check(url, segments, endpoint, sink),
        None if segments.len() < 4 => api_base_join_trap::check(url, sink),
        None => {}
    }
}

/// The rules of a Flinks Connect iframe URL.
pub(crate) fn check_iframe(url: &UrlCheck<'_>, sink: &mut Sink) {
    if !iframe_wrong_host_kind::check(url, sink) {
        return;
    }
    iframe_version::check(url, sink);
    iframe_malformed_query::check(url, sink);
    iframe_unknown_parameter::check(url, sink);
    iframe_demo_missing::check(url, sink);
    iframe_demo_in_production::check(url, sink);
    let exposed = iframe_secret_exposed::check(url, sink);
    if !exposed {
        iframe_token_hardcoded::check(url, sink);
    }
    iframe_token_missing::check(url, sink);
    iframe_redirect_url::check(url, sink);
}
