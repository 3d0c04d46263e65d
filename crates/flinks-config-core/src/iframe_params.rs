//! The documented Flinks Connect iframe parameters and the values they take.

/// What values a parameter takes.
///
/// ```
/// use flinks_config_core::iframe_params::{iframe_param, ParamValue};
/// assert_eq!(iframe_param("demo").unwrap().value, ParamValue::Bool);
/// assert_eq!(iframe_param("language").unwrap().value, ParamValue::OneOf(&["en", "fr"]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamValue {
    /// `true` or `false`.
    Bool,
    /// One of a fixed set (case-sensitive).
    OneOf(&'static [&'static str]),
    /// An https URL the integrator owns.
    Url,
    /// The single-use authorize token.
    Token,
    /// Free text or a number.
    Text,
}

/// A documented iframe parameter.
///
/// ```
/// use flinks_config_core::iframe_params::iframe_param;
/// assert_eq!(iframe_param("theme").unwrap().name, "theme");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IframeParam {
    /// Its exact (case-sensitive, camelCase) name.
    pub name: &'static str,
    /// Its values.
    pub value: ParamValue,
}

const fn p(name: &'static str, value: ParamValue) -> IframeParam {
    IframeParam { name, value }
}

use ParamValue::{Bool, OneOf, Text, Token, Url};

/// Every documented iframe parameter.
///
/// ```
/// use flinks_config_core::iframe_params::{iframe_param, ParamValue};
/// assert_eq!(iframe_param("demo").unwrap().value, ParamValue::Bool);
/// assert!(iframe_param("Demo").is_none());
/// ```
pub static IFRAME_PARAMS: &[IframeParam] = &[
    p("authorizeToken", Token),
    p("demo", Bool),
    p("redirectUrl", Url),
    p("language", OneOf(&["en", "fr"])),
    p("tag", Text),
    p("innerRedirect", Bool),
    p("jsRedirect", Bool),
    p("consentEnable", Bool),
    p("closeEnable", Bool),
    p("headerEnable", Bool),
    p("headerImgEnable", Bool),
    p("backEnable", Bool),
    p("staticLoadingEnable", Bool),
    p("removePadding", Bool),
    p("institutionFilterEnable", Bool),
    p("theme", OneOf(&["dark", "light"])),
    p("desktopLayout", Bool),
    p("fixedHeightEnable", Bool),
    p("boxLayout", Bool),
    p("loadingType", OneOf(&["dots", "progressbar"])),
    p("productType", OneOf(&["banking", "investment"])),
    p("detailsAndStatementEnable", Bool),
    p(
        "monthsOfStatements",
        OneOf(&["MostRecent", "Months3", "Months12"]),
    ),
    p("daysOfTransactions", OneOf(&["Days90", "Days365"])),
    p("accountSelectorEnable", Bool),
    p("accountSelectorMultiple", Bool),
    p("accountSelectorNoTitle", Bool),
    p("accountSelectorCurrency", OneOf(&["cad", "usd"])),
    p("fetchAllAccounts", Bool),
    p("showAllAccounts", Bool),
    p("showAllOperationsAccounts", Bool),
    p("scheduleRefresh", Bool),
    p("withTransactions", Bool),
    p("maximumRetry", Text),
    p("webview", Bool),
    p("stringify", Bool),
    p("oauthWindowRedirect", Bool),
    p("demoOutbound", Bool),
    p("institutionsLocation", Text),
    p("customerName", Text),
    p("backgroundColor", Text),
    p("foregroundColor1", Text),
    p("foregroundColor2", Text),
    p("termsUrl", Text),
    p("requestId", Text),
];

/// The parameter named exactly `name`.
///
/// ```
/// use flinks_config_core::iframe_params::{iframe_param, ParamValue};
/// assert_eq!(iframe_param("demo").unwrap().value, ParamValue::Bool);
/// assert!(iframe_param("Demo").is_none());
/// ```
pub fn iframe_param(name: &str) -> Option<&'static IframeParam> {
    IFRAME_PARAMS.iter().find(|p| p.name == name)
}
