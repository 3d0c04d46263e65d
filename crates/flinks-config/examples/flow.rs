//! The whole documented flow against a local stub of Flinks on 127.0.0.1:
//! GenerateAuthorizeToken → Authorize → GetAccountsDetail (202) → poll
//! GetAccountsDetailAsync/{requestId} → 200. The stub enforces the
//! documented rules and answers with the documented error bodies; the
//! client writes HTTP/1.1 by hand from the `http::Request` (no client crate).

use flinks_config::request::{Authorize, DataRequest, FlinksError, GenerateAuthorizeToken};
use flinks_config::{
    ApiKey, ApiUrl, AuthorizeToken, CustomerId, Instance, LoginId, RequestId, SecretKey,
};
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// The stub's credentials.
pub const SECRET: &str = "c4569c54-e167-4d34-8de6-f4113bc82414";
/// The stub's API key.
pub const API_KEY: &str = "0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d";
/// A login id the stub knows.
pub const LOGIN: &str = "5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f";

#[derive(Default)]
struct State {
    issued: HashMap<String, SystemTime>,
    used: HashSet<String>,
    polls: HashMap<String, u32>,
    skew: Duration,
    counter: u64,
}

/// A local Flinks stub; stops when dropped.
pub struct Stub {
    /// Where it listens.
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Stub {
    /// Starts the stub on a free loopback port.
    pub fn start() -> std::io::Result<Stub> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, st) = (state.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            while !st.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((conn, _)) => {
                        let _ = serve(conn, &s);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(2)),
                }
            }
        });
        Ok(Stub {
            addr,
            state,
            stop,
            thread: Some(thread),
        })
    }

    /// Moves the stub's own clock forward (token expiry).
    pub fn advance(&self, by: Duration) {
        if let Ok(mut s) = self.state.lock() {
            s.skew += by;
        }
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn error(status: u16, code: &str, message: &str) -> (u16, String) {
    (
        status,
        format!(
            r#"{{"HttpStatusCode":{status},"FlinksCode":"{code}","Message":"{message}","RequestId":null}}"#
        ),
    )
}

fn route(
    method: &str,
    path: &str,
    headers: &HashMap<String, String>,
    body: &str,
    state: &Mutex<State>,
) -> (u16, String) {
    let mut s = match state.lock() {
        Ok(s) => s,
        Err(_) => return error(500, "AGGREGATION_ERROR", "stub poisoned"),
    };
    let now = SystemTime::now() + s.skew;
    if path.contains("//") {
        return error(401, "INVALID_REQUEST", "The request is invalid");
    }
    let name = path.split("/BankingServices/").nth(1).unwrap_or("");
    let auth = headers.get("flinks-auth-key").map(String::as_str);
    let api = headers.get("x-api-key").map(String::as_str);
    match (method, name) {
        ("POST", "GenerateAuthorizeToken") => {
            if auth != Some(SECRET) {
                return error(401, "ACCESS_DENIED", "You must provide a valid auth key");
            }
            s.counter += 1;
            let token = format!("d65f1adb-8ebc-48dc-be8b-{:012x}", s.counter);
            s.issued.insert(token.clone(), now);
            (
                200,
                format!(r#"{{"HttpStatusCode":200,"Token":"{token}"}}"#),
            )
        }
        ("POST", "Authorize") => {
            let ok = auth.is_some_and(|t| {
                s.issued.get(t).is_some_and(|at| {
                    now.duration_since(*at).unwrap_or_default() < Duration::from_secs(1800)
                }) && !s.used.contains(t)
            });
            if !ok {
                return error(
                    401,
                    "ACCESS_DENIED",
                    "You must provide a valid authorize token",
                );
            }
            s.used.insert(auth.unwrap_or_default().to_owned());
            if !body.contains(LOGIN) {
                return error(401, "INVALID_LOGIN", "LoginId not found or invalid");
            }
            s.counter += 1;
            let id = format!("a1b2c3d4-e5f6-4a7b-8c9d-{:012x}", s.counter);
            s.polls.insert(id.clone(), 0);
            (
                200,
                format!(
                    r#"{{"HttpStatusCode":200,"RequestId":"{id}","Login":{{"Id":"{LOGIN}"}}}}"#
                ),
            )
        }
        (_, n) if n.starts_with("GetAccountsDetail") => {
            if api != Some(API_KEY) {
                return error(401, "INVALID_REQUEST", "The request is invalid");
            }
            let id = n
                .strip_prefix("GetAccountsDetailAsync/")
                .map(str::to_owned)
                .or_else(|| body.split('"').nth(3).map(str::to_owned));
            let Some(polls) = id.as_ref().and_then(|id| s.polls.get_mut(id)) else {
                return error(401, "UNAUTHORIZED", "Unauthorized");
            };
            *polls += 1;
            if method == "GET" && *polls >= 3 {
                (200, r#"{"HttpStatusCode":200,"Accounts":[]}"#.to_owned())
            } else {
                let id = id.unwrap_or_default();
                (
                    202,
                    format!(
                        r#"{{"HttpStatusCode":202,"FlinksCode":"OPERATION_PENDING","Message":"pending","RequestId":"{id}"}}"#
                    ),
                )
            }
        }
        _ => error(401, "INVALID_REQUEST", "The request is invalid"),
    }
}

fn serve(mut conn: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    conn.set_nonblocking(false)?;
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    // Bounded: read the head, then exactly Content-Length bytes.
    let head_end = loop {
        let n = conn.read(&mut chunk)?;
        if n == 0 || buf.len() > 64 * 1024 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let (method, path) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
        .min(64 * 1024);
    while buf.len() < head_end + len {
        let n = conn.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
    let (status, answer) = route(method, path, &headers, &body, state);
    write!(
        conn,
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    )
}

/// Sends `req` to the stub (its path only) and returns status and body.
pub fn send(addr: SocketAddr, req: &http::Request<Vec<u8>>) -> std::io::Result<(u16, String)> {
    let mut conn = TcpStream::connect(addr)?;
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let path = req.uri().path_and_query().map_or("/", |p| p.as_str());
    let mut out = format!(
        "{} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n",
        req.method()
    );
    for (k, v) in req.headers() {
        out.push_str(&format!("{k}: {}\r\n", v.to_str().unwrap_or("")));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", req.body().len()));
    conn.write_all(out.as_bytes())?;
    conn.write_all(req.body())?;
    let mut answer = String::new();
    conn.read_to_string(&mut answer)?;
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    Ok((status, body))
}

/// The text value of `"key":"…"` in a flat JSON answer.
pub fn field(body: &str, key: &str) -> Option<String> {
    let rest = body.split(&format!("\"{key}\":\"")).nth(1)?;
    Some(rest.split('"').next()?.to_owned())
}

/// Runs the documented flow; returns the final status.
pub fn run(stub: &Stub) -> Result<u16, Box<dyn std::error::Error>> {
    let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    let secret = SecretKey::parse(SECRET)?;
    let key = ApiKey::parse(API_KEY)?;
    let (status, body) = send(
        stub.addr,
        &GenerateAuthorizeToken::request(&base, &secret).into_http_request(),
    )?;
    assert_eq!(status, 200, "{body}");
    let token =
        AuthorizeToken::parse(&field(&body, "Token").ok_or("no token")?, SystemTime::now())?;
    let login = LoginId::parse(LOGIN)?;
    let (status, body) = send(
        stub.addr,
        &Authorize::cached(&base, token, login)
            .build()
            .map_err(|d| d.to_string())?
            .into_http_request(),
    )?;
    assert_eq!(status, 200, "{body}");
    let id = RequestId::parse(&field(&body, "RequestId").ok_or("no request id")?)?;
    let (mut status, body) = send(
        stub.addr,
        &DataRequest::accounts_detail(&base, &key, &id).into_http_request(),
    )?;
    if status == 202 {
        let pending = FlinksError::parse(&body)?;
        assert!(pending.diagnose(None).retry);
    }
    // Bounded polling (a real client waits 10 s between polls).
    for _ in 0..10 {
        if status != 202 {
            break;
        }
        status = send(
            stub.addr,
            &DataRequest::accounts_detail_async(&base, &key, &id).into_http_request(),
        )?
        .0;
    }
    Ok(status)
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stub = Stub::start()?;
    let status = run(&stub)?;
    println!("flow finished with HTTP {status}");
    Ok(())
}
