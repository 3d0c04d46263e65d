//! The endpoint table: every BankingServices endpoint with its method, path
//! parameter and the credential it needs. One table for the URL rules, the
//! request builders and the header checks.

use crate::CredentialKind;

/// An HTTP method, as Flinks endpoints use them.
///
/// ```
/// use flinks_config_core::{endpoint, Method};
/// assert_eq!(endpoint("GenerateAuthorizeToken").unwrap().method, Method::Post);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method name in capitals.
    ///
    /// ```
    /// assert_eq!(flinks_config_core::Method::Patch.as_str(), "PATCH");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// The header an endpoint authenticates with, and what it carries.
///
/// ```
/// use flinks_config_core::{endpoint, Auth};
/// assert_eq!(endpoint("GenerateAuthorizeToken").unwrap().auth, Auth::SecretKey);
/// assert_eq!(Auth::Unknown.header(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Auth {
    /// `flinks-auth-key` carrying the secret key (`/GenerateAuthorizeToken`).
    SecretKey,
    /// `flinks-auth-key` carrying an authorize token (`/Authorize`).
    AuthorizeToken,
    /// `x-api-key` carrying the API key (data endpoints).
    ApiKey,
    /// Not documented; no header is required by the rules.
    Unknown,
}

impl Auth {
    /// The header name, if the endpoint needs one.
    ///
    /// ```
    /// use flinks_config_core::Auth;
    /// assert_eq!(Auth::AuthorizeToken.header(), Some("flinks-auth-key"));
    /// assert_eq!(Auth::ApiKey.header(), Some("x-api-key"));
    /// ```
    pub const fn header(self) -> Option<&'static str> {
        match self {
            Auth::SecretKey | Auth::AuthorizeToken => Some(AUTH_KEY_HEADER),
            Auth::ApiKey => Some(API_KEY_HEADER),
            Auth::Unknown => None,
        }
    }

    /// The credential the header carries.
    ///
    /// ```
    /// use flinks_config_core::{Auth, CredentialKind};
    /// assert_eq!(Auth::ApiKey.credential(), Some(CredentialKind::ApiKey));
    /// assert_eq!(Auth::Unknown.credential(), None);
    /// ```
    pub const fn credential(self) -> Option<CredentialKind> {
        match self {
            Auth::SecretKey => Some(CredentialKind::SecretKey),
            Auth::AuthorizeToken => Some(CredentialKind::AuthorizeToken),
            Auth::ApiKey => Some(CredentialKind::ApiKey),
            Auth::Unknown => None,
        }
    }
}

/// The header on the two authentication endpoints.
///
/// ```
/// use flinks_config_core::{Auth, AUTH_KEY_HEADER};
/// assert_eq!(Auth::SecretKey.header(), Some(AUTH_KEY_HEADER));
/// ```
pub const AUTH_KEY_HEADER: &str = "flinks-auth-key";
/// The header on data endpoints.
///
/// ```
/// use flinks_config_core::{Auth, API_KEY_HEADER};
/// assert_eq!(Auth::ApiKey.header(), Some(API_KEY_HEADER));
/// ```
pub const API_KEY_HEADER: &str = "x-api-key";

/// One Flinks endpoint under `/v3/{customerId}/BankingServices/`.
///
/// ```
/// use flinks_config_core::{endpoint, Auth, CredentialKind};
/// let e = endpoint("GetAccountsDetailAsync").unwrap();
/// assert_eq!(e.path_param, Some(CredentialKind::RequestId));
/// assert_eq!(e.auth, Auth::ApiKey);
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Endpoint {
    /// The path segment, e.g. `GetAccountsDetail`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The id that follows the name in the path, if any.
    pub path_param: Option<CredentialKind>,
    /// The header it authenticates with.
    pub auth: Auth,
    /// Whether the body carries the `RequestId`.
    pub request_id_in_body: bool,
    /// Whether the documentation is uncertain about this row (then the
    /// header rules only warn).
    pub uncertain: bool,
}

const fn row(
    name: &'static str,
    method: Method,
    path_param: Option<CredentialKind>,
    auth: Auth,
    request_id_in_body: bool,
    uncertain: bool,
) -> Endpoint {
    Endpoint {
        name,
        method,
        path_param,
        auth,
        request_id_in_body,
        uncertain,
    }
}

use CredentialKind::{LoginId, RequestId};
use Method::{Delete, Get, Patch, Post};

/// Every documented BankingServices endpoint.
///
/// ```
/// use flinks_config_core::{Auth, ENDPOINTS};
/// let token = ENDPOINTS.iter().find(|e| e.name == "GenerateAuthorizeToken").unwrap();
/// assert_eq!(token.auth, Auth::SecretKey);
/// ```
pub static ENDPOINTS: &[Endpoint] = &[
    row(
        "GenerateAuthorizeToken",
        Post,
        None,
        Auth::SecretKey,
        false,
        false,
    ),
    row("Authorize", Post, None, Auth::AuthorizeToken, false, false),
    row("GetAccountsDetail", Post, None, Auth::ApiKey, true, false),
    row(
        "GetAccountsDetailAsync",
        Get,
        Some(RequestId),
        Auth::ApiKey,
        false,
        false,
    ),
    row("GetAccountsSummary", Post, None, Auth::ApiKey, true, false),
    row(
        "GetAccountsSummaryAsync",
        Get,
        Some(RequestId),
        Auth::ApiKey,
        false,
        false,
    ),
    row("GetStatements", Post, None, Auth::ApiKey, true, false),
    row(
        "GetStatementsAsync",
        Get,
        Some(RequestId),
        Auth::ApiKey,
        false,
        true,
    ),
    row(
        "DeleteCard",
        Delete,
        Some(LoginId),
        Auth::ApiKey,
        false,
        true,
    ),
    row(
        "GetMFAQuestions",
        Get,
        Some(LoginId),
        Auth::ApiKey,
        false,
        true,
    ),
    row("AnswerMFAQuestions", Patch, None, Auth::ApiKey, true, true),
    row(
        "SetScheduledRefresh",
        Patch,
        None,
        Auth::ApiKey,
        false,
        true,
    ),
    row(
        "GetNightlyRefreshStatus",
        Get,
        None,
        Auth::ApiKey,
        false,
        true,
    ),
    row("Institutions", Get, None, Auth::Unknown, false, true),
];

/// The endpoint named exactly `name`.
///
/// ```
/// assert!(flinks_config_core::endpoint("Authorize").is_some());
/// assert!(flinks_config_core::endpoint("authorize").is_none());
/// ```
pub fn endpoint(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|e| e.name == name)
}

impl Endpoint {
    /// Whether the request carries a JSON body (every POST and PATCH).
    ///
    /// ```
    /// assert!(flinks_config_core::endpoint("Authorize").unwrap().json_body());
    /// assert!(!flinks_config_core::endpoint("GetAccountsDetailAsync").unwrap().json_body());
    /// ```
    pub const fn json_body(&self) -> bool {
        matches!(self.method, Method::Post | Method::Patch)
    }

    /// Whether this is a data endpoint (authenticated by `x-api-key`).
    ///
    /// ```
    /// assert!(flinks_config_core::endpoint("GetStatements").unwrap().is_data());
    /// ```
    pub const fn is_data(&self) -> bool {
        matches!(self.auth, Auth::ApiKey)
    }
}

/// The value of header `name` (case-insensitive), if present.
pub(crate) fn header<'a>(headers: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    all_headers(headers, name).next()
}

/// Every value sent under `name` (compared case-insensitively), in order:
/// a header map can hold several values of one name.
pub(crate) fn all_headers<'h, 'a>(
    headers: &'h [(&str, &'a str)],
    name: &'h str,
) -> impl Iterator<Item = &'a str> + 'h {
    headers
        .iter()
        .filter(move |(n, _)| n.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
}

impl Endpoint {
    /// The documented JSON body fields (DOMAIN.md); `Authorize` lists both
    /// the cached (`LoginId`) and the live (`Institution`…) forms.
    ///
    /// ```
    /// let e = flinks_config_core::endpoint("GetAccountsDetail").unwrap();
    /// assert_eq!(e.body_fields(), ["RequestId"]);
    /// ```
    pub fn body_fields(&self) -> &'static [&'static str] {
        match self.name {
            "Authorize" => &[
                "LoginId",
                "MostRecentCached",
                "Institution",
                "Username",
                "Password",
                "Save",
            ],
            _ if self.request_id_in_body => &["RequestId"],
            _ => &[],
        }
    }
}
