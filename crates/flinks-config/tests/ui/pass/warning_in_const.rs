//! A warning-level rule (FLK106) still compiles, in a const too: it shows as
//! a deprecation warning at the literal.
use flinks_config::{api_url, ApiUrl};

const WITH_QUERY: ApiUrl = api_url!(
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize?x=1"
);

fn main() {
    assert!(WITH_QUERY.as_str().ends_with("?x=1"));
}
