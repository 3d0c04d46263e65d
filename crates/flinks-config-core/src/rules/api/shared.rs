//! What the API rules share: the path under check and the endpoint it
//! names. A leaf of the family: it imports no rule.

use crate::context::UrlCheck;
use crate::endpoint::{Endpoint, ENDPOINTS};
use crate::url::Part;
use std::ops::ControlFlow;

/// An API URL's path as every API rule sees it.
pub(crate) struct ApiPath<'u, 'a> {
    /// The URL under check.
    pub(crate) url: &'u UrlCheck<'a>,
    /// The non-empty path segments (`v3`, customer id, service, endpoint…).
    pub(crate) segments: &'u [Part<'a>],
    /// The endpoint the fourth segment names, exactly or but for case (a
    /// miscased endpoint still tells what parameter it takes).
    pub(crate) endpoint: Option<&'static Endpoint>,
}

/// The endpoint named by the fourth segment: exactly, or but for case when
/// the segment is clean (not broken, not a placeholder).
pub(crate) fn endpoint_at(url: &UrlCheck<'_>, segments: &[Part<'_>]) -> Option<&'static Endpoint> {
    let name = segments.get(3)?;
    if let Some(endpoint) = crate::endpoint(name.text) {
        return Some(endpoint);
    }
    if !url.clean(name) {
        return None;
    }
    same_but_case(name.text)
}

/// The endpoint whose name is `name` but for ASCII case.
pub(crate) fn same_but_case(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|e| e.name.eq_ignore_ascii_case(name))
}

/// `Continue` when the walk may go on, `Break` when what follows would
/// only repeat a finding.
pub(crate) fn go_on(yes: bool) -> ControlFlow<()> {
    if yes {
        ControlFlow::Continue(())
    } else {
        ControlFlow::Break(())
    }
}
