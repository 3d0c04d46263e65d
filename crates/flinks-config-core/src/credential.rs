//! The kinds of value a Flinks integration handles, and which are secret.

use std::fmt;

/// What a configured value is. Values all look alike (GUIDs), so the kind
/// comes from where the value is configured, never from the value.
///
/// ```
/// use flinks_config_core::CredentialKind;
/// assert!(CredentialKind::SecretKey.is_secret());
/// assert!(!CredentialKind::CustomerId.is_secret());
/// assert_eq!(CredentialKind::ApiKey.to_string(), "API key");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialKind {
    /// Identifies the integration; in the URL path.
    CustomerId,
    /// Generates authorize tokens; header `flinks-auth-key` on `/GenerateAuthorizeToken` only.
    SecretKey,
    /// Single-use, 30-minute token; header `flinks-auth-key` on `/Authorize` or iframe `authorizeToken=`.
    AuthorizeToken,
    /// Header `x-api-key` on data endpoints.
    ApiKey,
    /// A connected account; body of `/Authorize`, path of `DeleteCard/{loginId}`.
    LoginId,
    /// A session; body of data POSTs, path of `…Async/{requestId}`.
    RequestId,
}

impl CredentialKind {
    /// Whether values of this kind must never be shown.
    ///
    /// ```
    /// use flinks_config_core::CredentialKind;
    /// assert!(CredentialKind::AuthorizeToken.is_secret());
    /// assert!(!CredentialKind::LoginId.is_secret());
    /// ```
    pub const fn is_secret(self) -> bool {
        matches!(
            self,
            CredentialKind::SecretKey | CredentialKind::AuthorizeToken | CredentialKind::ApiKey
        )
    }

    /// Human name, e.g. `secret key`.
    ///
    /// ```
    /// use flinks_config_core::CredentialKind;
    /// assert_eq!(CredentialKind::CustomerId.noun(), "customer id");
    /// ```
    pub const fn noun(self) -> &'static str {
        match self {
            CredentialKind::CustomerId => "customer id",
            CredentialKind::SecretKey => "secret key",
            CredentialKind::AuthorizeToken => "authorize token",
            CredentialKind::ApiKey => "API key",
            CredentialKind::LoginId => "login id",
            CredentialKind::RequestId => "request id",
        }
    }
}

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// A value whose kind is known, used to recognise it elsewhere (a secret key
/// pasted into an iframe URL, the API key in the wrong header).
///
/// ```
/// use flinks_config_core::{CredentialKind, KnownValue};
/// let known = KnownValue::new(CredentialKind::SecretKey, "c4569c54-e167-4d34-8de6-f4113bc82414");
/// assert!(known.matches("C4569C54-E167-4D34-8DE6-F4113BC82414"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct KnownValue<'a> {
    /// Its kind.
    pub kind: CredentialKind,
    value: &'a str,
}

impl<'a> KnownValue<'a> {
    /// A known value of `kind`.
    ///
    /// ```
    /// use flinks_config_core::{CredentialKind, KnownValue};
    /// let known = KnownValue::new(CredentialKind::ApiKey, "3d5266a8-b697-48d4-8de6-52e2e2662acc");
    /// assert_eq!(known.kind, CredentialKind::ApiKey);
    /// ```
    pub const fn new(kind: CredentialKind, value: &'a str) -> Self {
        KnownValue { kind, value }
    }

    /// The value, for masking it wherever it shows up. Never print it.
    pub(crate) fn value(&self) -> &'a str {
        self.value
    }

    /// Whether `text` is this value (constant time, ASCII case ignored).
    ///
    /// ```
    /// use flinks_config_core::{CredentialKind, KnownValue};
    /// let known = KnownValue::new(CredentialKind::ApiKey, "3d5266a8-b697-48d4-8de6-52e2e2662acc");
    /// assert!(known.matches(" 3d5266a8-b697-48d4-8de6-52e2e2662acc "));
    /// assert!(!known.matches("43387ca6-0391-4c82-857d-70d95f087ecb"));
    /// ```
    pub fn matches(&self, text: &str) -> bool {
        !self.value.is_empty() && crate::text::constant_time_eq_ignore_case(self.value, text.trim())
    }

    /// The public sandbox's published values.
    ///
    /// ```
    /// use flinks_config_core::{CredentialKind, KnownValue};
    /// let known = KnownValue::toolbox();
    /// assert!(known.iter().any(|k| k.kind == CredentialKind::SecretKey
    ///     && k.matches("c4569c54-e167-4d34-8de6-f4113bc82414")));
    /// ```
    pub fn toolbox() -> &'static [KnownValue<'static>] {
        &TOOLBOX
    }
}

static TOOLBOX: [KnownValue<'static>; 3] = {
    use crate::environment::toolbox;
    [
        KnownValue::new(CredentialKind::CustomerId, toolbox::CUSTOMER_ID),
        KnownValue::new(CredentialKind::SecretKey, toolbox::SECRET_KEY),
        KnownValue::new(CredentialKind::ApiKey, toolbox::API_KEY),
    ]
};

impl fmt::Debug for KnownValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnownValue")
            .field("kind", &self.kind)
            .field("value", &crate::redact::MASK)
            .finish()
    }
}
