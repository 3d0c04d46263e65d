//! Flinks configuration that cannot be misconfigured.
//!
//! - **Types** keep credentials apart: [`SecretKey`], [`AuthorizeToken`] and
//!   [`ApiKey`] are distinct, redacted, zeroized and compared in constant time.
//! - **Checked URLs**: [`ApiUrl`] and [`IframeUrl`] are built from an
//!   [`Instance`] and a [`CustomerId`], or parsed through every rule.
//! - **Startup validation**: [`FlinksConfig`] loads from environment
//!   variables, TOML or JSON and reports every problem at once in a [`Report`].
//!
//! ```
//! use flinks_config::{Environment, FlinksConfig};
//!
//! let config = FlinksConfig::from_toml_str(r#"
//! [sandbox]
//! instance    = "toolbox"
//! customer_id = "43387ca6-0391-4c82-857d-70d95f087ecb"
//! secret_key  = "c4569c54-e167-4d34-8de6-f4113bc82414"
//! api_key     = "3d5266a8-b697-48d4-8de6-52e2e2662acc"
//! "#, "flinks.toml").expect("a valid sandbox profile");
//! let sandbox = config.profile(Environment::Sandbox).unwrap();
//! assert_eq!(sandbox.instance.as_str(), "toolbox");
//! ```
//!
//! Every check lives once in [`flinks_config_core`]; the macros and the
//! `flinks-config` linter call the same rules and report the same codes.
#![forbid(unsafe_code)]

#[macro_use]
mod parse_impls;

mod config;
#[cfg(test)]
mod doc_examples;
mod ids;
mod load;
mod report;
mod secret;
#[cfg(feature = "serde")]
mod serde_support;
mod urls;

// --- Compile-time checked literals (feature `macros`): `api_url!`, `iframe_url!`,
// `instance!`, `customer_id!`; the macro_rules wrappers live in macros.rs.
#[cfg(feature = "macros")]
#[doc(hidden)]
pub mod macros;
#[cfg(feature = "macros")]
#[doc(hidden)]
pub use macros::__macros;
// --- end of the macros block.

// Typed requests: one constructor per endpoint, header checks, error decoding.
pub mod request;

pub use config::{FlinksConfig, ProfileConfig};
pub use flinks_config_core as core;
pub use flinks_config_core::{Diagnostic, Environment, Severity};
pub use ids::{CustomerId, Instance, LoginId, RequestId};
pub use report::Report;
#[cfg(feature = "serde")]
pub use secret::serialize_exposed;
pub use secret::{ApiKey, AuthorizeToken, ExposeSecret, SecretKey};
pub use urls::{ApiUrl, AuthorizedIframeUrl, IframeUrl};

/// Not API: what the linter, the fuzz targets and the benches of this
/// workspace share with the library (the document pipeline, the parsers,
/// the report's source texts). Anything here may change or go in any
/// release; applications must not use it.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "json")]
    pub use crate::load::json;
    #[cfg(feature = "source")]
    pub use crate::load::source;
    #[cfg(feature = "toml")]
    pub use crate::load::toml;
    pub use crate::load::{
        check_text, dotenv, environment_from_path, is_flinks_file, is_settings_file_name,
        may_hold_settings, not_utf8, read_bytes_at_most, read_file, read_file_at_most, too_large,
        tree, Document, Format, Found, Layout, ParseError,
    };
    pub use crate::report::{line_col, SourceText};
}
