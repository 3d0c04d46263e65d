//! FLK1xx, the API family: the path of an API URL, segment by segment
//! (`/v3/{customerId}/BankingServices/{Endpoint}/{param}`).
//!
//! | code   | rule                   |
//! |--------|------------------------|
//! | FLK101 | [`api_version`]          |
//! | FLK102 | [`api_customer_id`]      |
//! | FLK103 | [`api_service_segment`]  |
//! | FLK104 | [`api_unknown_endpoint`] |
//! | FLK105 | [`api_wrong_host_kind`]  |
//! | FLK106 | [`api_query_string`]     |
//! | FLK107 | [`api_path_parameter`]   |
//! | FLK108 | [`api_base_join_trap`]   |
//!
//! The family's check shape is
//! `check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()>`:
//! a rule breaks the walk when what follows would only repeat its finding.

pub mod api_base_join_trap;
pub mod api_customer_id;
pub mod api_path_parameter;
pub mod api_query_string;
pub mod api_service_segment;
pub mod api_unknown_endpoint;
pub mod api_version;
pub mod api_wrong_host_kind;
pub(crate) mod shared;

use crate::context::{Sink, UrlCheck};
use shared::ApiPath;
use std::ops::ControlFlow;

/// The path rules of an API URL, segment by segment.
pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let words = url.words();
    let path = ApiPath {
        url,
        segments: &words,
        endpoint: shared::endpoint_at(url, &words),
    };
    api_wrong_host_kind::check(&path, sink)?;
    api_query_string::check(&path, sink)?;
    api_version::check(&path, sink)?;
    if path
        .segments
        .get(1)
        .is_some_and(|s| s.text.eq_ignore_ascii_case("oauth"))
    {
        return ControlFlow::Break(()); // `/v3/oauth/authorize?…`: the OAuth entry point has no customer id.
    }
    api_customer_id::check(&path, sink)?;
    api_service_segment::check(&path, sink)?;
    api_unknown_endpoint::check(&path, sink)?;
    if path.endpoint.is_some() {
        api_path_parameter::check(&path, sink)
    } else if path.segments.len() < 4 {
        api_base_join_trap::check(&path, sink)
    } else {
        ControlFlow::Continue(())
    }
}
