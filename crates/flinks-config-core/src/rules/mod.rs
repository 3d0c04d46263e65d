//! The rule catalogue: one module per rule, whose documentation is the
//! rule's page (the same text as `docs/rules/FLKnnn.md` and `explain`),
//! grouped in families by code range and subject. Each family's `mod.rs`
//! owns its pipeline; its `shared.rs` holds what its rules share (a rule
//! never calls another rule).
//!
//! | codes  | family                          | checks                                   |
//! |--------|---------------------------------|------------------------------------------|
//! | FLK0xx | [`url`]                         | any Flinks URL: scheme, host, path shape |
//! | FLK1xx | [`api`]                         | an API URL's path                        |
//! | FLK2xx | [`iframe`]                      | a Flinks Connect iframe URL              |
//! | FLK3xx | [`credential`]                  | one credential or id value               |
//! | FLK4xx | [`header`]                      | a request: headers, token use            |
//! | FLK5xx | [`profile`]                     | a profile and profiles together          |
//! | FLK6xx | [`code`]                        | source code only (a Connect listener)    |
//!
//! Adding a rule: a file in its family's folder (`rule!` and its page as the
//! doc comment), a line in its family's pipeline, a line in [`ALL`].

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

pub mod api;
pub mod code;
pub mod credential;
pub mod header;
pub mod iframe;
pub mod profile;
pub mod url;

// Every rule stays reachable at `rules::<name>`, as before the families.
pub use api::{
    api_base_join_trap, api_customer_id, api_path_parameter, api_query_string, api_service_segment,
    api_unknown_endpoint, api_version, api_wrong_host_kind,
};
pub use code::connect_origin_unchecked;
pub use credential::{
    credential_kinds_identical, credential_malformed, credential_placeholder,
    instance_looks_like_id, secret_in_frontend, secret_in_template, token_in_config,
};
pub use header::{
    header_duplicated, header_missing, header_needless_secret, header_wrong_credential,
    header_wrong_name, token_expired, token_reused,
};
pub use iframe::{
    iframe_demo_in_production, iframe_demo_missing, iframe_malformed_query, iframe_redirect_url,
    iframe_secret_exposed, iframe_token_hardcoded, iframe_token_missing, iframe_unknown_parameter,
    iframe_version, iframe_wrong_host_kind,
};
pub use profile::{
    config_malformed, credentials_shared_across_environments, dotenv_read_differently,
    environment_unknown, field_missing, field_unknown, instance_invalid, instance_mismatch,
    production_instance_in_sandbox, sandbox_credentials_in_production,
    sandbox_instance_in_production, secret_in_default,
};
pub use url::{
    url_credential, url_dot_segment, url_double_slash, url_extra_parts, url_foreign_host,
    url_not_https, url_placeholder, url_stray_characters, url_subdomain_dot, url_unparseable,
};

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
    &url_credential::RULE,
    &url_dot_segment::RULE,
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
    &secret_in_template::RULE,
    &header_wrong_name::RULE,
    &header_missing::RULE,
    &header_wrong_credential::RULE,
    &header_needless_secret::RULE,
    &token_reused::RULE,
    &token_expired::RULE,
    &header_duplicated::RULE,
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
    &dotenv_read_differently::RULE,
    &secret_in_default::RULE,
    &connect_origin_unchecked::RULE,
];
