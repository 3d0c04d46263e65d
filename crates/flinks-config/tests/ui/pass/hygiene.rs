//! The expansion must not pick up the caller's own `Ok`, `Result`, `Option`,
//! `core` or `flinks_config` items.
#![allow(dead_code)]

struct Ok;
struct Result;
struct Option;
mod core {}

fn main() {
    let url = flinks_config::api_url!(
        "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize"
    );
    let instance = flinks_config::instance!("acme");
    assert_eq!(instance.as_str(), "acme");
    assert!(url.as_str().starts_with("https://"));
}
