//! The Flinks configuration rule set and diagnostic model.
//!
//! Every check of `flinks-config` lives here once, and every front end calls
//! it: the compile-time macros, startup validation and the pre-deploy linter
//! report the same code for the same mistake. No I/O and no dependencies, so
//! the proc-macro crate that uses it builds fast.
//!
//! ```
//! use flinks_config_core::{check_api_url, UrlContext};
//!
//! let found = check_api_url(
//!     "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
//!     &UrlContext::runtime(),
//! );
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].code(), "FLK003");
//! assert_eq!(found[0].rule.name, "url-double-slash");
//! ```
//!
//! How a value flows: a front end hands a value (or a loaded
//! [`Profile`]) to a `check_*` function; it runs a family's pipeline in
//! [`rules`] (`url`, `api`, `iframe`, `credential`, `header`, `profile`),
//! whose rules push raw [`Diagnostic`]s; the findings and the secrets they
//! may quote pass once through a [`redact::Redactor`] before they are
//! returned. Model types ([`Diagnostic`], [`Profile`], [`UrlContext`],
//! [`Endpoint`]…) live in leaf modules that import no rule.
#![forbid(unsafe_code)]

#[macro_use]
pub mod rules;

mod check;
mod context;
mod credential;
mod diagnostic;
pub mod endpoint;
mod environment;
#[doc(hidden)]
pub mod guid;
mod host;
pub mod iframe_params;
mod profile;
pub mod redact;
#[cfg(feature = "render")]
pub mod render;
mod rule;
mod text;
pub mod url;

pub use check::{
    check_api_url, check_credential, check_headers, check_iframe_url, check_instance,
    check_profile, check_profiles, check_url,
};
pub use context::{UrlContext, UrlKind};
pub use credential::{CredentialKind, KnownValue};
pub use diagnostic::{Diagnostic, Fix, Location, Source, Span};
pub use endpoint::{endpoint, Auth, Endpoint, Method, API_KEY_HEADER, AUTH_KEY_HEADER, ENDPOINTS};
pub use environment::{toolbox, Environment};
pub use guid::is_guid;
pub use host::{classify_host, host_for, FlinksHost, HostKind, DOMAIN};
pub use profile::{Field, Profile, ProfileOptions, Value};
pub use redact::MASK;
pub use rule::{Checker, Checkers, Rule, Severity};

// The old top-level paths of what moved to `__private`, so the sibling
// crates build unchanged while they move to it. Not API.
#[doc(hidden)]
pub use __private::*;

/// Not API: what the sibling crates of this workspace (the library, the
/// macros, the linter, the fuzz targets) share with the core. Anything here
/// may change or go in any release; applications must not use it.
#[doc(hidden)]
pub mod __private {
    pub use crate::check::{check_across_profiles, cross_profile_keys};
    pub use crate::guid::first_guid_error;
    pub use crate::profile::{is_reference, normalize_key, reference_default, secret_values};
    pub use crate::redact::{names_a_secret, redact_all, scrub, secret_fragments, SecretFragments};
    pub use crate::text::{
        constant_time_eq, contains_ignore_case, find_all_ignore_case, placeholders,
    };
}

/// The rule with this code, e.g. `FLK003`.
///
/// ```
/// assert_eq!(flinks_config_core::rule_by_code("FLK202").unwrap().name, "iframe-demo-in-production");
/// assert!(flinks_config_core::rule_by_code("FLK999").is_none());
/// ```
pub fn rule_by_code(code: &str) -> Option<&'static Rule> {
    rules::ALL
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}
