//! What the credential rules share. A leaf of the family: it imports no rule.

use crate::CredentialKind;

/// One credential or id value under check, and the kind it should be.
pub(crate) struct CredentialValue<'a> {
    /// The value as configured.
    pub(crate) text: &'a str,
    /// What it should be.
    pub(crate) kind: CredentialKind,
}
