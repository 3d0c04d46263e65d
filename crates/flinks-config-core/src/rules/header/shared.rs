//! What the header rules share. A leaf of the family: it imports no rule.

use crate::endpoint::Endpoint;
use crate::KnownValue;

/// One request as every header rule sees it.
pub(crate) struct Request<'r> {
    /// The endpoint it goes to.
    pub(crate) endpoint: &'r Endpoint,
    /// Its headers, names as sent (compared case-insensitively).
    pub(crate) headers: &'r [(&'r str, &'r str)],
    /// Values whose kind is known, to recognise a credential of the wrong kind.
    pub(crate) known: &'r [KnownValue<'r>],
}

impl<'r> Request<'r> {
    pub(crate) fn new(
        endpoint: &'r Endpoint,
        headers: &'r [(&'r str, &'r str)],
        known: &'r [KnownValue<'r>],
    ) -> Self {
        Request {
            endpoint,
            headers,
            known,
        }
    }
}
