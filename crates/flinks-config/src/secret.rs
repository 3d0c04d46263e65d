//! The three secrets: [`SecretKey`], [`ApiKey`], [`AuthorizeToken`].
//!
//! Distinct types, so the wrong credential in the wrong place does not
//! compile. None has `Display`; `Debug` prints a fixed mask (no length, no
//! prefix); values are zeroized on drop and compared in constant time; the
//! only way to the text is the loud [`ExposeSecret::expose_secret`].

use crate::Report;
use flinks_config_core::{check_credential, Checker, CredentialKind, Location, Source, MASK};
use std::fmt;
use std::time::{Duration, SystemTime};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// Read access to a secret's text. Call it only where the value is sent.
///
/// ```
/// use flinks_config::{ExposeSecret, SecretKey};
/// let key = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
/// assert_eq!(key.expose_secret().len(), 36);
/// ```
pub trait ExposeSecret {
    /// The secret's text.
    fn expose_secret(&self) -> &str;
}

/// Serializes a secret's text, for `#[serde(serialize_with = "…")]` where
/// writing the secret out is intended.
///
/// ```
/// use flinks_config::{serialize_exposed, SecretKey};
/// #[derive(serde::Serialize)]
/// struct Vault {
///     #[serde(serialize_with = "serialize_exposed")]
///     key: SecretKey,
/// }
/// let vault = Vault { key: SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap() };
/// assert!(serde_json::to_string(&vault).unwrap().contains("c4569c54"));
/// ```
#[cfg(feature = "serde")]
pub fn serialize_exposed<T: ExposeSecret, S: serde::Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.expose_secret())
}

fn checked(text: &str, kind: CredentialKind) -> Result<Zeroizing<String>, Report> {
    let found = check_credential(text, kind, Checker::Runtime);
    if found.is_empty() {
        return Ok(Zeroizing::new(text.to_string()));
    }
    let location = Location::new(Source::Value, kind.noun()).secret();
    // Whatever a finding quotes, the value it is about is masked.
    Err(Report::from_findings(
        &[text],
        found
            .into_iter()
            .map(|d| d.with_location(location.clone()))
            .collect(),
    ))
}

macro_rules! secret {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        pub struct $name(Zeroizing<String>);

        impl $name {
            /// Checks the value (a GUID, not a placeholder) and wraps it.
            /// The error report never contains the value.
            ///
            #[doc = concat!("```\nuse flinks_config::{ExposeSecret, ", stringify!($name), "};")]
            #[doc = concat!("let value = ", stringify!($name), "::parse(\"c4569c54-e167-4d34-8de6-f4113bc82414\").unwrap();")]
            #[doc = concat!("assert_eq!(value.expose_secret(), \"c4569c54-e167-4d34-8de6-f4113bc82414\");")]
            #[doc = concat!("assert!(", stringify!($name), "::parse(\"YOUR_KEY_HERE\").is_err());\n```")]
            pub fn parse(text: &str) -> Result<Self, Report> {
                checked(text, $kind).map($name)
            }

            /// Wraps a value the profile rules already passed.
            pub(crate) fn from_checked(text: &str) -> Self {
                $name(Zeroizing::new(text.to_string()))
            }
        }

        impl ExposeSecret for $name {
            fn expose_secret(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), MASK)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
            }
        }

        impl Eq for $name {}

        parse_impls!(secret $name);
    };
}

secret!(
    /// The secret key: generates authorize tokens (`flinks-auth-key` on
    /// `/GenerateAuthorizeToken` only). Backend only, never in a browser.
    ///
    /// ```
    /// use flinks_config::SecretKey;
    /// let key = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// assert_eq!(format!("{key:?}"), "SecretKey([redacted])");
    /// assert!(SecretKey::parse("changeme").is_err());
    /// ```
    ///
    /// There is no `Display` and no conversion to another kind:
    ///
    /// ```compile_fail
    /// use flinks_config::{ApiKey, SecretKey};
    /// let key = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// let api: ApiKey = key.into();
    /// ```
    ///
    /// ```compile_fail
    /// let key = flinks_config::SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    /// println!("{key}");
    /// ```
    SecretKey,
    CredentialKind::SecretKey
);

secret!(
    /// The API key: `x-api-key` on data endpoints.
    ///
    /// ```
    /// use flinks_config::ApiKey;
    /// let key = ApiKey::parse("3d5266a8-b697-48d4-8de6-52e2e2662acc").unwrap();
    /// assert_eq!(format!("{key:?}"), "ApiKey([redacted])");
    /// ```
    ApiKey,
    CredentialKind::ApiKey
);

impl Clone for SecretKey {
    fn clone(&self) -> Self {
        SecretKey(self.0.clone())
    }
}

impl Clone for ApiKey {
    fn clone(&self) -> Self {
        ApiKey(self.0.clone())
    }
}

/// A single-use authorize token, from `/GenerateAuthorizeToken`.
///
/// Not `Clone`: using it consumes it. It remembers when it was issued:
/// Flinks expires it 30 minutes later and returns no TTL.
///
/// ```
/// use flinks_config::AuthorizeToken;
/// use std::time::{Duration, SystemTime};
/// let issued = SystemTime::UNIX_EPOCH;
/// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", issued).unwrap();
/// assert!(!token.is_expired_at(issued + Duration::from_secs(29 * 60)));
/// assert!(token.is_expired_at(issued + AuthorizeToken::LIFETIME));
/// assert_eq!(format!("{token:?}"), "AuthorizeToken([redacted])");
/// ```
///
/// ```compile_fail
/// let token = flinks_config::AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", std::time::SystemTime::now()).unwrap();
/// let copy = token.clone();
/// ```
pub struct AuthorizeToken {
    value: Zeroizing<String>,
    issued_at: SystemTime,
}

impl AuthorizeToken {
    /// How long Flinks accepts an unused token.
    ///
    /// ```
    /// use flinks_config::AuthorizeToken;
    /// assert_eq!(AuthorizeToken::LIFETIME.as_secs(), 30 * 60);
    /// ```
    pub const LIFETIME: Duration = Duration::from_secs(30 * 60);

    /// Checks the value and records when it was issued.
    ///
    /// ```
    /// use flinks_config::AuthorizeToken;
    /// use std::time::SystemTime;
    /// assert!(AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", SystemTime::now()).is_ok());
    /// assert!(AuthorizeToken::parse("YOUR_TOKEN", SystemTime::now()).is_err());
    /// ```
    pub fn parse(text: &str, issued_at: SystemTime) -> Result<Self, Report> {
        checked(text, CredentialKind::AuthorizeToken)
            .map(|value| AuthorizeToken { value, issued_at })
    }

    /// When the token was issued.
    ///
    /// ```
    /// use flinks_config::AuthorizeToken;
    /// let issued = std::time::SystemTime::UNIX_EPOCH;
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", issued).unwrap();
    /// assert_eq!(token.issued_at(), issued);
    /// ```
    pub fn issued_at(&self) -> SystemTime {
        self.issued_at
    }

    /// Whether Flinks would refuse it at `now` (30 minutes after issue).
    ///
    /// ```
    /// use flinks_config::AuthorizeToken;
    /// use std::time::{Duration, SystemTime};
    /// let issued = SystemTime::UNIX_EPOCH;
    /// let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", issued).unwrap();
    /// assert!(!token.is_expired_at(issued + Duration::from_secs(60)));
    /// assert!(token.is_expired_at(issued + Duration::from_secs(31 * 60)));
    /// ```
    pub fn is_expired_at(&self, now: SystemTime) -> bool {
        now.duration_since(self.issued_at)
            .is_ok_and(|age| age >= Self::LIFETIME)
    }
}

impl ExposeSecret for AuthorizeToken {
    fn expose_secret(&self) -> &str {
        &self.value
    }
}

impl fmt::Debug for AuthorizeToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuthorizeToken({MASK})")
    }
}

impl PartialEq for AuthorizeToken {
    fn eq(&self, other: &Self) -> bool {
        self.value.as_bytes().ct_eq(other.value.as_bytes()).into()
    }
}

impl Eq for AuthorizeToken {}

#[cfg(test)]
mod tests {
    use super::*;

    const CANARY: &str = "c0ffee00-dead-4bee-8fed-0000feedface";

    #[test]
    fn debug_and_errors_never_show_the_value() {
        let key = SecretKey::parse(CANARY).unwrap();
        assert!(!format!("{key:?}").contains("c0ffee"));
        let bad = format!("{CANARY}x");
        let report = ApiKey::parse(&bad).unwrap_err();
        assert_eq!(report.codes(), ["FLK301"]);
        assert!(!report.to_string().contains("c0ffee"), "{report}");
        assert!(!format!("{report:?}").contains("c0ffee"));
    }

    #[test]
    fn equality_is_by_value() {
        assert_eq!(
            SecretKey::parse(CANARY).unwrap(),
            SecretKey::parse(CANARY).unwrap()
        );
        assert_ne!(
            SecretKey::parse(CANARY).unwrap(),
            SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap()
        );
    }

    #[test]
    fn clock_going_backwards_is_not_expiry() {
        let now = SystemTime::now();
        let token = AuthorizeToken::parse(CANARY, now).unwrap();
        assert!(!token.is_expired_at(now - Duration::from_secs(5)));
    }
}
