//! Decoding a Flinks error body and naming the likely mistake.

use crate::load::{json, tree::Kind};
use flinks_config_core::{Auth, Endpoint};
use std::fmt;

/// A documented `FlinksCode`; unknown codes are kept, not dropped.
///
/// ```
/// use flinks_config::request::FlinksCode;
/// assert_eq!(FlinksCode::from_code("ACCESS_DENIED"), FlinksCode::AccessDenied);
/// assert_eq!(FlinksCode::from_code("NEW_ONE"), FlinksCode::Other("NEW_ONE".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlinksCode {
    /// Invalid or missing credentials on `/Authorize`.
    AccessDenied,
    /// A data endpoint called before authorization/MFA finished.
    Unauthorized,
    /// The request id expired.
    SessionExpired,
    /// Malformed body, missing headers, URL format errors such as `//v3`.
    InvalidRequest,
    /// The login id does not exist or belongs to another instance.
    InvalidLogin,
    /// Data still processing: poll the Async endpoint.
    OperationPending,
    /// A sync call went to the background.
    OperationDispatched,
    /// A request made with an expired request id.
    SessionNonexistent,
    /// Throttled.
    TooManyRequests,
    /// Unexpected Flinks error.
    AggregationError,
    /// A code this library does not know.
    Other(String),
}

impl FlinksCode {
    /// Parses a code.
    ///
    /// ```
    /// # use flinks_config::request::FlinksCode;
    /// assert_eq!(FlinksCode::from_code("OPERATION_PENDING"), FlinksCode::OperationPending);
    /// ```
    pub fn from_code(code: &str) -> Self {
        match code {
            "ACCESS_DENIED" => Self::AccessDenied,
            "UNAUTHORIZED" => Self::Unauthorized,
            "SESSION_EXPIRED" => Self::SessionExpired,
            "INVALID_REQUEST" => Self::InvalidRequest,
            "INVALID_LOGIN" => Self::InvalidLogin,
            "OPERATION_PENDING" => Self::OperationPending,
            "OPERATION_DISPATCHED" => Self::OperationDispatched,
            "SESSION_NONEXISTENT" => Self::SessionNonexistent,
            "TOO_MANY_REQUESTS" => Self::TooManyRequests,
            "AGGREGATION_ERROR" => Self::AggregationError,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// A decoded Flinks error body.
///
/// ```
/// use flinks_config::request::{FlinksCode, FlinksError};
/// let e = FlinksError::parse(r#"{"HttpStatusCode":401,"FlinksCode":"ACCESS_DENIED","Message":"You must provide a valid authorize token"}"#).unwrap();
/// assert_eq!((e.status, e.code), (Some(401), FlinksCode::AccessDenied));
/// assert!(FlinksError::parse("<html>").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlinksError {
    /// `HttpStatusCode`.
    pub status: Option<u16>,
    /// `FlinksCode`.
    pub code: FlinksCode,
    /// `Message`.
    pub message: Option<String>,
    /// `RequestId`.
    pub request_id: Option<String>,
}

/// Why a body is not a Flinks error.
///
/// ```
/// let e = flinks_config::request::FlinksError::parse("[]").unwrap_err();
/// assert!(e.to_string().contains("JSON object"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MalformedBody(String);

impl fmt::Display for MalformedBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a Flinks error body: {}", self.0)
    }
}

impl std::error::Error for MalformedBody {}

impl FlinksError {
    /// Parses a body; keys compare case-insensitively.
    ///
    /// ```
    /// # use flinks_config::request::FlinksError;
    /// assert!(FlinksError::parse(r#"{"Message":"x"}"#).is_err()); // no FlinksCode
    /// ```
    pub fn parse(body: &str) -> Result<Self, MalformedBody> {
        let root = json::parse(body).map_err(|e| MalformedBody(e.message))?;
        let Kind::Map(entries) = root.kind else {
            return Err(MalformedBody("expected a JSON object".into()));
        };
        let field = |name: &str| entries.iter().find(|e| e.key.eq_ignore_ascii_case(name));
        let text = |name: &str| {
            field(name).and_then(|e| match &e.value.kind {
                Kind::Text { value, .. } => Some(value.to_string()),
                _ => None,
            })
        };
        let code =
            text("FlinksCode").ok_or_else(|| MalformedBody("no `FlinksCode` string".into()))?;
        let status = field("HttpStatusCode").and_then(|e| match &e.value.kind {
            Kind::Text { value, .. } => value.parse().ok(),
            // Numbers are not typed by the tree: read their source text.
            Kind::Other(_) => e
                .value
                .span
                .and_then(|s| body.get(s.start..s.end)?.trim().parse().ok()),
            _ => None,
        });
        Ok(FlinksError {
            status,
            code: FlinksCode::from_code(&code),
            message: text("Message"),
            request_id: text("RequestId"),
        })
    }

    /// The likely mistake and its fix, given the endpoint called.
    ///
    /// ```
    /// use flinks_config::request::FlinksError;
    /// let e = FlinksError::parse(r#"{"FlinksCode":"ACCESS_DENIED","Message":"You must provide a valid authorize token"}"#).unwrap();
    /// let d = e.diagnose(flinks_config::core::endpoint("Authorize"));
    /// assert!(d.likely_cause.contains("authorize token, not the secret key"));
    /// ```
    pub fn diagnose(&self, endpoint: Option<&Endpoint>) -> Diagnosis {
        let msg = self.message.as_deref().unwrap_or("").to_ascii_lowercase();
        let auth = endpoint.map(|e| e.auth);
        let (cause, fix): (&str, &str) = match &self.code {
            _ if msg.contains("valid authorize token") || (self.code == FlinksCode::AccessDenied && auth == Some(Auth::AuthorizeToken)) => (
                "the flinks-auth-key header must carry the authorize token, not the secret key (or the token was already used or is older than 30 minutes)",
                "call /GenerateAuthorizeToken with the secret key, then send the token it returns in `flinks-auth-key` on /Authorize, once",
            ),
            _ if msg.contains("valid auth key") || (self.code == FlinksCode::AccessDenied && auth == Some(Auth::SecretKey)) => (
                "the secret key in flinks-auth-key is wrong, or belongs to another environment",
                "send the secret key of this environment in `flinks-auth-key` on /GenerateAuthorizeToken",
            ),
            _ if msg.contains("loginid not found") => (
                "the login id does not exist or was issued by another instance",
                "use a login id from this instance, or reconnect the account with live credentials",
            ),
            FlinksCode::AccessDenied => ("credentials are invalid or missing", "check the header name and the credential it carries"),
            FlinksCode::Unauthorized => (
                "a data endpoint was called before /Authorize (or MFA) completed",
                "call /Authorize first and use the RequestId it returns",
            ),
            FlinksCode::SessionExpired | FlinksCode::SessionNonexistent => (
                "the request id expired (8 minutes inactive or 30 minutes processing)",
                "call /Authorize again for a new RequestId",
            ),
            FlinksCode::InvalidRequest => (
                "the request is malformed: a missing header, a bad body, or a URL format error such as `//v3`",
                "build the URL with ApiUrl (no `//v3`), send `x-api-key` on data endpoints and a JSON body",
            ),
            FlinksCode::InvalidLogin => (
                "the login id does not exist or was issued by another instance",
                "use a login id from this instance",
            ),
            FlinksCode::OperationPending | FlinksCode::OperationDispatched => (
                "not an error: the data is still processing",
                "poll the …Async/{requestId} endpoint every 10 s, for at most 30 minutes",
            ),
            FlinksCode::TooManyRequests => ("the integration is throttled", "back off and retry later"),
            FlinksCode::AggregationError => ("an unexpected error at Flinks", "retry; contact Flinks support with the RequestId if it persists"),
            FlinksCode::Other(_) => ("an undocumented Flinks code", "see the Message and contact Flinks support"),
        };
        Diagnosis {
            likely_cause: cause.to_owned(),
            fix: fix.to_owned(),
            retry: matches!(
                self.code,
                FlinksCode::OperationPending
                    | FlinksCode::OperationDispatched
                    | FlinksCode::TooManyRequests
            ),
        }
    }
}

/// What probably went wrong and how to fix it.
///
/// ```
/// # use flinks_config::request::FlinksError;
/// let d = FlinksError::parse(r#"{"FlinksCode":"OPERATION_PENDING"}"#).unwrap().diagnose(None);
/// assert!(d.retry);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnosis {
    /// The likely mistake.
    pub likely_cause: String,
    /// What to do.
    pub fix: String,
    /// Whether retrying (polling, backing off) is the answer.
    pub retry: bool,
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "likely cause: {}\nfix: {}", self.likely_cause, self.fix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flinks_config_core::endpoint;

    fn body(code: &str, msg: &str) -> String {
        format!(
            r#"{{"HttpStatusCode":401,"FlinksCode":"{code}","Message":"{msg}","RequestId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"}}"#
        )
    }

    #[test]
    fn snapshots_of_documented_errors() {
        let cases = [
            (
                "ACCESS_DENIED",
                "You must provide a valid authorize token",
                Some("Authorize"),
            ),
            (
                "ACCESS_DENIED",
                "You must provide a valid auth key",
                Some("GenerateAuthorizeToken"),
            ),
            (
                "INVALID_LOGIN",
                "LoginId not found or invalid",
                Some("Authorize"),
            ),
            ("UNAUTHORIZED", "", Some("GetAccountsDetail")),
            ("SESSION_EXPIRED", "", Some("GetAccountsDetailAsync")),
            ("INVALID_REQUEST", "", Some("GetAccountsDetail")),
            ("OPERATION_PENDING", "", Some("GetAccountsDetail")),
            ("OPERATION_DISPATCHED", "", None),
            ("SESSION_NONEXISTENT", "", None),
            ("TOO_MANY_REQUESTS", "", None),
            ("AGGREGATION_ERROR", "", None),
            ("SOMETHING_NEW", "", None),
        ];
        let mut out = String::new();
        for (code, msg, at) in cases {
            let e = FlinksError::parse(&body(code, msg)).unwrap();
            let d = e.diagnose(at.and_then(endpoint));
            out.push_str(&format!(
                "{code} on {at:?} ({msg}):\n{d}\nretry: {}\n\n",
                d.retry
            ));
        }
        insta::assert_snapshot!(out);
    }

    #[test]
    fn reads_fields_and_keeps_unknown_codes() {
        let e = FlinksError::parse(&body("NEW", "m")).unwrap();
        assert_eq!(e.status, Some(401));
        assert_eq!(e.code, FlinksCode::Other("NEW".into()));
        assert_eq!(
            e.request_id.as_deref(),
            Some("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
        );
    }

    #[test]
    fn malformed_bodies_error_without_panicking() {
        for b in [
            "",
            "{",
            "null",
            "[1]",
            "{\"FlinksCode\":1}",
            "\u{0}",
            &"[".repeat(10_000),
        ] {
            assert!(FlinksError::parse(b).is_err(), "{b:?}");
        }
    }
}
