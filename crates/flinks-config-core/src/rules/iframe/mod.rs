//! FLK2xx, the iframe family: a Flinks Connect URL (host, version, query
//! parameters, `demo`, the authorize token, the redirect URL).
//!
//! | code   | rule                       |
//! |--------|----------------------------|
//! | FLK201 | [`iframe_demo_missing`]      |
//! | FLK202 | [`iframe_demo_in_production`] |
//! | FLK203 | [`iframe_token_missing`]     |
//! | FLK204 | [`iframe_token_hardcoded`]   |
//! | FLK205 | [`iframe_secret_exposed`]    |
//! | FLK206 | [`iframe_malformed_query`]   |
//! | FLK207 | [`iframe_unknown_parameter`] |
//! | FLK208 | [`iframe_version`]           |
//! | FLK209 | [`iframe_redirect_url`]      |
//! | FLK210 | [`iframe_wrong_host_kind`]   |
//!
//! The family's check shape is
//! `check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()>`.

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
pub(crate) mod shared;

use crate::context::{Sink, UrlCheck};
use std::ops::ControlFlow;

/// The rules of a Flinks Connect iframe URL: an API host stops them.
pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    iframe_wrong_host_kind::check(url, sink)?;
    iframe_version::check(url, sink)?;
    iframe_malformed_query::check(url, sink)?;
    iframe_unknown_parameter::check(url, sink)?;
    iframe_demo_missing::check(url, sink)?;
    iframe_demo_in_production::check(url, sink)?;
    iframe_secret_exposed::check(url, sink)?;
    iframe_token_hardcoded::check(url, sink)?;
    iframe_token_missing::check(url, sink)?;
    iframe_redirect_url::check(url, sink)
}
