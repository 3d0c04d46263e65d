//! FLK4xx, the header family: one request to a Flinks endpoint (its
//! authentication header, a credential of the wrong kind, a needless
//! secret) and the authorize token's use (reused, expired).
//!
//! | code   | rule                        |
//! |--------|-----------------------------|
//! | FLK401 | [`header_wrong_name`]         |
//! | FLK402 | [`header_missing`]            |
//! | FLK403 | [`header_wrong_credential`]   |
//! | FLK404 | [`header_needless_secret`]    |
//! | FLK405 | [`token_reused`]              |
//! | FLK406 | [`token_expired`]             |
//!
//! The header rules' shape is
//! `check(request: &Request<'_>) -> Option<Diagnostic>` (one finding per
//! request at most; FLK407 one per header name, so it returns a `Vec`); the pipeline, which reports a wrongly named header
//! instead of a missing one, is `check_headers` (public as [`crate::check_headers`]). FLK405 and FLK406
//! are reported by the library's token type, which calls their public
//! functions.

pub mod header_duplicated;
pub mod header_missing;
pub mod header_needless_secret;
pub mod header_wrong_credential;
pub mod header_wrong_name;
pub(crate) mod shared;
pub mod token_expired;
pub mod token_reused;

use crate::endpoint::Endpoint;
use crate::{Diagnostic, KnownValue, Severity};
use shared::Request;

/// Checks the headers of one request to `endpoint` (FLK401–FLK404,
/// FLK407), every value of each name. A
/// wrongly named header is reported instead of a missing one; an endpoint
/// whose authentication is not documented for certain reports warnings.
pub(crate) fn check_headers(
    endpoint: &Endpoint,
    headers: &[(&str, &str)],
    known: &[KnownValue<'_>],
) -> Vec<Diagnostic> {
    let request = Request::new(endpoint, headers, known);
    let mut out = Vec::new();
    match header_wrong_name::check(&request) {
        Some(d) => out.push(d),
        None => out.extend(header_missing::check(&request)),
    }
    out.extend(header_duplicated::check(&request));
    out.extend(header_wrong_credential::check(&request));
    out.extend(header_needless_secret::check(&request));
    if endpoint.uncertain {
        for d in &mut out {
            if d.severity == Severity::Error {
                d.severity = Severity::Warning;
            }
        }
    }
    out
}
