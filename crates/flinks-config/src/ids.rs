//! Non-secret identifiers: [`Instance`], [`CustomerId`], [`LoginId`], [`RequestId`].

use crate::Report;
use flinks_config_core::{
    check_credential, check_instance, Checker, CredentialKind, Diagnostic, Location, Source,
};
use std::borrow::Cow;
use std::fmt;

fn located(found: Vec<Diagnostic>, what: &str) -> Report {
    let location = Location::new(Source::Value, what);
    Report::from_findings(
        &[],
        found
            .into_iter()
            .map(|d| d.with_location(location.clone()))
            .collect(),
    )
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident, $what:literal, $check:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Cow<'static, str>);

        impl $name {
            /// Checks the value and wraps it.
            ///
            #[doc = concat!("```\nuse flinks_config::", stringify!($name), ";")]
            #[doc = concat!("// an instance name or a GUID, never both: kinds do not mix")]
            #[doc = concat!("let parsed = [\"toolbox\", \"43387ca6-0391-4c82-857d-70d95f087ecb\"].map(", stringify!($name), "::parse);")]
            #[doc = concat!("assert_eq!(parsed.iter().filter(|r| r.is_ok()).count(), 1);")]
            #[doc = concat!("assert!(", stringify!($name), "::parse(\"\").is_err());\n```")]
            pub fn parse(text: &str) -> Result<Self, Report> {
                let found: Vec<Diagnostic> = $check(text);
                if found.iter().any(|d| d.severity == flinks_config_core::Severity::Error) {
                    return Err(located(found, $what));
                }
                Ok($name(Cow::Owned(text.to_string())))
            }

            /// Wraps a value the profile rules already passed (startup loading
            /// checks each value once, with more context than `parse`).
            #[allow(dead_code)] // profiles hold an instance and a customer id only
            pub(crate) fn from_checked(text: &str) -> Self {
                $name(Cow::Owned(text.to_string()))
            }

            /// Wraps a literal checked at compile time by the macros.
            #[doc(hidden)]
            pub const fn __from_checked_literal(text: &'static str) -> Self {
                $name(Cow::Borrowed(text))
            }

            /// The text.
            ///
            #[doc = concat!("```\nfor text in [\"toolbox\", \"43387ca6-0391-4c82-857d-70d95f087ecb\"] {")]
            #[doc = concat!("    if let Ok(id) = flinks_config::", stringify!($name), "::parse(text) {")]
            #[doc = concat!("        assert_eq!((id.as_str(), id.to_string()), (text, text.to_string()));")]
            #[doc = concat!("    }\n}\n```")]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        parse_impls!($name);

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    };
}

id!(
    /// The instance: the host prefix (`toolbox`, `acme`, `acme-ca`).
    ///
    /// ```
    /// use flinks_config::Instance;
    /// assert_eq!(Instance::parse("acme-ca").unwrap().as_str(), "acme-ca");
    /// assert_eq!(Instance::parse("toolbox.api").unwrap_err().codes(), ["FLK506"]);
    /// assert!(Instance::TOOLBOX.is_sandbox());
    /// ```
    Instance,
    "instance",
    |t| check_instance(t, Checker::Runtime)
);

impl Instance {
    /// The public sandbox instance.
    ///
    /// ```
    /// use flinks_config::Instance;
    /// assert_eq!(Instance::TOOLBOX, Instance::parse("toolbox").unwrap());
    /// ```
    pub const TOOLBOX: Instance = Instance(Cow::Borrowed(flinks_config_core::toolbox::INSTANCE));

    /// Whether this is the sandbox instance `toolbox`.
    ///
    /// ```
    /// use flinks_config::Instance;
    /// assert!(Instance::parse("toolbox").unwrap().is_sandbox());
    /// assert!(!Instance::parse("acme").unwrap().is_sandbox());
    /// ```
    pub fn is_sandbox(&self) -> bool {
        self.0 == flinks_config_core::toolbox::INSTANCE
    }
}

id!(
    /// The customer id: a GUID in every API URL path.
    ///
    /// ```
    /// use flinks_config::CustomerId;
    /// assert!(CustomerId::parse("43387ca6-0391-4c82-857d-70d95f087ecb").is_ok());
    /// assert_eq!(CustomerId::parse("toolbox").unwrap_err().codes(), ["FLK306"]);
    /// ```
    CustomerId,
    "customer id",
    |t| check_credential(t, CredentialKind::CustomerId, Checker::Runtime)
);

impl CustomerId {
    /// The public sandbox customer id.
    ///
    /// ```
    /// use flinks_config::CustomerId;
    /// assert_eq!(CustomerId::TOOLBOX.as_str(), "43387ca6-0391-4c82-857d-70d95f087ecb");
    /// ```
    pub const TOOLBOX: CustomerId =
        CustomerId(Cow::Borrowed(flinks_config_core::toolbox::CUSTOMER_ID));
}

id!(
    /// A login id: a connected account, returned by Flinks Connect.
    ///
    /// ```
    /// assert!(flinks_config::LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").is_ok());
    /// ```
    LoginId,
    "login id",
    |t| check_credential(t, CredentialKind::LoginId, Checker::Runtime)
);

id!(
    /// A request id: one data session, returned by `/Authorize`.
    ///
    /// ```
    /// assert!(flinks_config::RequestId::parse("not-a-guid").is_err());
    /// ```
    RequestId,
    "request id",
    |t| check_credential(t, CredentialKind::RequestId, Checker::Runtime)
);
