//! An injectable clock and a request-id session tracker, so expiry is
//! testable without sleeping.

use std::cell::Cell;
use std::time::{Duration, SystemTime};

/// A source of the current time.
///
/// ```
/// use flinks_config::request::{Clock, SystemClock};
/// assert!(SystemClock.now() > std::time::SystemTime::UNIX_EPOCH);
/// ```
pub trait Clock {
    /// Now.
    fn now(&self) -> SystemTime;
}

/// The system clock.
///
/// ```
/// # use flinks_config::request::{Clock, SystemClock};
/// let _ = SystemClock.now();
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock tests move by hand.
///
/// ```
/// use flinks_config::request::{Clock, ManualClock};
/// use std::time::{Duration, SystemTime};
/// let c = ManualClock::new(SystemTime::UNIX_EPOCH);
/// c.advance(Duration::from_secs(60));
/// assert_eq!(c.now(), SystemTime::UNIX_EPOCH + Duration::from_secs(60));
/// ```
#[derive(Debug)]
pub struct ManualClock(Cell<SystemTime>);

impl ManualClock {
    /// A clock standing at `start`.
    ///
    /// ```
    /// let _ = flinks_config::request::ManualClock::new(std::time::SystemTime::UNIX_EPOCH);
    /// ```
    pub fn new(start: SystemTime) -> Self {
        ManualClock(Cell::new(start))
    }

    /// Moves the clock forward.
    ///
    /// ```
    /// # use flinks_config::request::ManualClock;
    /// ManualClock::new(std::time::SystemTime::UNIX_EPOCH).advance(std::time::Duration::from_secs(1));
    /// ```
    pub fn advance(&self, by: Duration) {
        self.0.set(self.0.get() + by);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        self.0.get()
    }
}

/// Where a request id stands.
///
/// ```
/// use flinks_config::request::SessionState;
/// assert_ne!(SessionState::Active, SessionState::Expired);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    /// Usable.
    Active,
    /// Within a minute of one of its limits: use it now or re-authorize.
    ExpiringSoon,
    /// Flinks answers `SESSION_EXPIRED`: call `/Authorize` again.
    Expired,
}

/// Tracks one `RequestId`: it expires after 8 minutes without a request,
/// or 30 minutes after it was issued.
///
/// ```
/// use flinks_config::request::{ManualClock, RequestSession, SessionState};
/// use std::time::{Duration, SystemTime};
/// let clock = ManualClock::new(SystemTime::UNIX_EPOCH);
/// let mut s = RequestSession::start(&clock);
/// clock.advance(Duration::from_secs(7 * 60 + 30));
/// assert_eq!(s.state(&clock), SessionState::ExpiringSoon);
/// s.touch(&clock);
/// assert_eq!(s.state(&clock), SessionState::Active);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RequestSession {
    started: SystemTime,
    last_used: SystemTime,
}

impl RequestSession {
    /// Inactivity limit: a request id expires after 8 idle minutes.
    ///
    /// ```
    /// use flinks_config::request::RequestSession;
    /// assert_eq!(RequestSession::INACTIVITY.as_secs(), 8 * 60);
    /// ```
    pub const INACTIVITY: Duration = Duration::from_secs(8 * 60);
    /// Processing limit: a request id expires after 30 minutes of processing.
    ///
    /// ```
    /// use flinks_config::request::RequestSession;
    /// assert_eq!(RequestSession::PROCESSING.as_secs(), 30 * 60);
    /// ```
    pub const PROCESSING: Duration = Duration::from_secs(30 * 60);
    /// How early [`SessionState::ExpiringSoon`] is reported.
    ///
    /// ```
    /// use flinks_config::request::RequestSession;
    /// assert!(RequestSession::WARN_BEFORE < RequestSession::INACTIVITY);
    /// ```
    pub const WARN_BEFORE: Duration = Duration::from_secs(60);

    /// A session that starts now (the `/Authorize` answer).
    ///
    /// ```
    /// # use flinks_config::request::{RequestSession, SystemClock};
    /// let _ = RequestSession::start(&SystemClock);
    /// ```
    pub fn start(clock: &dyn Clock) -> Self {
        let now = clock.now();
        RequestSession {
            started: now,
            last_used: now,
        }
    }

    /// Records a request made with the id.
    ///
    /// ```
    /// # use flinks_config::request::{RequestSession, SystemClock};
    /// RequestSession::start(&SystemClock).touch(&SystemClock);
    /// ```
    pub fn touch(&mut self, clock: &dyn Clock) {
        self.last_used = clock.now();
    }

    /// The state now.
    ///
    /// ```
    /// # use flinks_config::request::{RequestSession, SessionState, SystemClock};
    /// assert_eq!(RequestSession::start(&SystemClock).state(&SystemClock), SessionState::Active);
    /// ```
    pub fn state(&self, clock: &dyn Clock) -> SessionState {
        let now = clock.now();
        let idle = now.duration_since(self.last_used).unwrap_or_default();
        let age = now.duration_since(self.started).unwrap_or_default();
        if idle >= Self::INACTIVITY || age >= Self::PROCESSING {
            SessionState::Expired
        } else if idle + Self::WARN_BEFORE >= Self::INACTIVITY
            || age + Self::WARN_BEFORE >= Self::PROCESSING
        {
            SessionState::ExpiringSoon
        } else {
            SessionState::Active
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: u64) -> Duration {
        Duration::from_secs(min * 60)
    }

    #[test]
    fn inactivity_expires_after_eight_minutes() {
        let c = ManualClock::new(SystemTime::UNIX_EPOCH);
        let s = RequestSession::start(&c);
        c.advance(at(5));
        assert_eq!(s.state(&c), SessionState::Active);
        c.advance(at(3));
        assert_eq!(s.state(&c), SessionState::Expired);
    }

    #[test]
    fn processing_expires_after_thirty_minutes_even_when_busy() {
        let c = ManualClock::new(SystemTime::UNIX_EPOCH);
        let mut s = RequestSession::start(&c);
        for _ in 0..29 {
            c.advance(at(1));
            s.touch(&c);
        }
        assert_eq!(s.state(&c), SessionState::ExpiringSoon);
        c.advance(at(1));
        s.touch(&c);
        assert_eq!(s.state(&c), SessionState::Expired);
    }

    #[test]
    fn token_expiry_follows_the_clock() {
        use crate::AuthorizeToken;
        let c = ManualClock::new(SystemTime::UNIX_EPOCH);
        let t = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", c.now()).unwrap();
        c.advance(at(29));
        assert!(!t.is_expired_at(c.now()));
        c.advance(at(1));
        assert!(t.is_expired_at(c.now()));
    }
}
