//! Compile-time checked literals: `api_url!`, `iframe_url!`, `instance!`,
//! `customer_id!`. See `docs/compile-time.md`.
//!
//! Why `macro_rules!` wrappers around the proc macros: `$crate` does not
//! exist in a proc macro, so a proc macro alone cannot name this crate in its
//! expansion when the user renamed the dependency (`fc = { package =
//! "flinks-config" }`). Each wrapper hands its own `$crate` token to the
//! hidden proc macro (`$crate::__macros::api_url_impl!($crate; …)`), which
//! builds every path from it. Paths are absolute, so a user's own `Ok`,
//! `Result` or `Option` cannot capture them.

/// The hidden proc macros; use the wrappers below.
#[doc(hidden)]
pub mod __macros {
    pub use flinks_config_macros::{
        api_url_impl, customer_id_impl, iframe_url_impl, instance_impl,
    };
}

/// A Flinks API URL checked at compile time, as a const [`ApiUrl`](crate::ApiUrl).
///
/// Every URL and API rule runs on the literal (the same code as
/// [`ApiUrl::parse`](crate::ApiUrl::parse)); an error is a compile error
/// naming the rule. `api_url!(production, "…")` / `api_url!(sandbox, "…")`
/// also checks the URL against the declared environment.
///
/// ```
/// use flinks_config::{api_url, ApiUrl};
/// const AUTHORIZE: ApiUrl = api_url!(
///     "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize"
/// );
/// assert!(AUTHORIZE.as_str().ends_with("/Authorize"));
/// let prod = api_url!(production, "https://acme-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/");
/// assert!(prod.as_str().starts_with("https://acme-api"));
/// ```
///
/// A double slash is FLK003:
/// ```compile_fail
/// let url = flinks_config::api_url!("https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize");
/// ```
///
/// The sandbox host in production is FLK502:
/// ```compile_fail
/// let url = flinks_config::api_url!(production, "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize");
/// ```
#[macro_export]
macro_rules! api_url {
    ($($args:tt)*) => { $crate::__macros::api_url_impl!($crate; $($args)*) };
}

/// A Flinks Connect iframe URL checked at compile time, as a const
/// [`IframeUrl`](crate::IframeUrl). Takes an optional environment like
/// [`api_url!`].
///
/// ```
/// use flinks_config::{iframe_url, IframeUrl};
/// const CONNECT: IframeUrl = iframe_url!(sandbox, "https://toolbox-iframe.private.fin.ag/v2/?demo=true");
/// assert!(CONNECT.as_str().contains("demo=true"));
/// ```
///
/// `demo=true` on a production instance is FLK202:
/// ```compile_fail
/// let url = flinks_config::iframe_url!("https://acme-iframe.private.fin.ag/v2/?demo=true");
/// ```
#[macro_export]
macro_rules! iframe_url {
    ($($args:tt)*) => { $crate::__macros::iframe_url_impl!($crate; $($args)*) };
}

/// A Flinks instance name checked at compile time, as a const
/// [`Instance`](crate::Instance).
///
/// ```
/// use flinks_config::{instance, Instance};
/// const ACME: Instance = instance!("acme-ca");
/// assert_eq!(ACME.as_str(), "acme-ca");
/// ```
///
/// A dotted name is FLK506:
/// ```compile_fail
/// let i = flinks_config::instance!("acme.ca");
/// ```
#[macro_export]
macro_rules! instance {
    ($($args:tt)*) => { $crate::__macros::instance_impl!($crate; $($args)*) };
}

/// A Flinks customer id checked at compile time, as a const
/// [`CustomerId`](crate::CustomerId).
///
/// ```
/// use flinks_config::{customer_id, CustomerId};
/// const CUSTOMER: CustomerId = customer_id!("43387ca6-0391-4c82-857d-70d95f087ecb");
/// assert_eq!(CUSTOMER.as_str().len(), 36);
/// ```
///
/// A truncated GUID is FLK301:
/// ```compile_fail
/// let id = flinks_config::customer_id!("43387ca6-0391-4c82");
/// ```
#[macro_export]
macro_rules! customer_id {
    ($($args:tt)*) => { $crate::__macros::customer_id_impl!($crate; $($args)*) };
}
