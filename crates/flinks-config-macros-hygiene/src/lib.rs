//! Uses every macro through a renamed dependency (`fc`) with the prelude's
//! `Ok`, `Result`, `Option`, `Some` and `None` shadowed, and no
//! `flinks_config` name in scope: if an expansion used a relative or
//! hard-coded path, this crate would not compile.
#![forbid(unsafe_code)]
#![allow(dead_code)]

/// Shadows the prelude's `Ok`.
pub struct Ok;
/// Shadows the prelude's `Result`.
pub struct Result;
/// Shadows the prelude's `Option`.
pub struct Option;
/// Shadows the prelude's `Some`.
pub struct Some;
/// Shadows the prelude's `None`.
pub struct None;
/// A module named like the crate's original name.
pub mod flinks_config {}

/// The sandbox Authorize URL.
///
/// ```
/// assert!(flinks_config_macros_hygiene::AUTHORIZE.as_str().ends_with("/Authorize"));
/// ```
pub const AUTHORIZE: fc::ApiUrl = fc::api_url!(
    sandbox,
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize"
);

/// The sandbox iframe.
pub const CONNECT: fc::IframeUrl =
    fc::iframe_url!(r#"https://toolbox-iframe.private.fin.ag/v2/?demo=true"#);

/// A production instance.
pub const INSTANCE: fc::Instance = fc::instance!("acme-ca");

/// A customer id.
pub const CUSTOMER: fc::CustomerId = fc::customer_id!("43387ca6-0391-4c82-857d-70d95f087ecb");

/// A warning-level literal (FLK106) also expands under the rename.
#[allow(deprecated)]
pub const WITH_QUERY: fc::ApiUrl = fc::api_url!(
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize?x=1"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_survive_the_rename() {
        assert_eq!(INSTANCE.as_str(), "acme-ca");
        assert_eq!(CUSTOMER.as_str(), "43387ca6-0391-4c82-857d-70d95f087ecb");
        assert!(CONNECT.as_str().ends_with("?demo=true"));
        assert!(AUTHORIZE.as_str().contains("/v3/"));
        assert!(WITH_QUERY.as_str().ends_with("?x=1"));
    }

    #[test]
    fn macros_work_in_expressions_too() {
        use fc::instance;
        let local = instance!("toolbox");
        assert_eq!(local.as_str(), "toolbox");
    }
}
