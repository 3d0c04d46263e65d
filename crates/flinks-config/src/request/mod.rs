//! Typed Flinks requests: each endpoint's constructor takes exactly the
//! credential it needs, so the classic header mix-ups do not compile.
//!
//! The flow: [`GenerateAuthorizeToken`] (secret key) → [`Authorize`]
//! (authorize token, consumed) → [`DataRequest`] (API key + request id),
//! polling the `…Async/{requestId}` endpoint while Flinks answers 202.
//! If an iframe reports `TOKEN_INVALID`, mint a new token and call
//! [`AuthorizedIframeUrl::refresh`](crate::AuthorizedIframeUrl::refresh).
//!
//! ```
//! use flinks_config::{request::GenerateAuthorizeToken, ApiUrl, CustomerId, Instance, SecretKey};
//! let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
//! let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
//! let parts = GenerateAuthorizeToken::request(&base, &secret);
//! assert_eq!(parts.method(), "POST");
//! assert!(parts.url().as_str().ends_with("/BankingServices/GenerateAuthorizeToken"));
//! ```

mod body;
mod builders;
#[cfg(feature = "http")]
mod check;
mod clock;
#[cfg(feature = "json")]
mod error;
mod ledger;
mod parts;

pub use builders::{Authorize, DataRequest, GenerateAuthorizeToken, LiveCredentials};
#[cfg(feature = "http")]
pub use check::check_request;
pub use clock::{Clock, ManualClock, RequestSession, SessionState, SystemClock};
#[cfg(feature = "json")]
pub use error::{Diagnosis, FlinksCode, FlinksError};
pub use ledger::TokenLedger;
pub use parts::RequestParts;
