//! Validating a full API URL through every rule, against `url::Url::parse`
//! of the same strings, in the same run. Run: `cargo bench -p flinks-config`.

use flinks_config_core::{check_api_url, check_iframe_url, UrlContext};

fn main() {
    divan::main();
}

const URLS: [&str; 4] = [
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
    "https://acme-ca-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/GetAccountsDetailAsync/5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f",
    "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
    "https://acme-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/GetAccountsSummary",
];

/// Baseline: the `url` crate parsing the same strings.
#[divan::bench]
fn url_parse() -> usize {
    URLS.iter()
        .map(|u| url::Url::parse(divan::black_box(u)).map_or(0, |u| u.as_str().len()))
        .sum()
}

/// Every URL and API URL rule on the same strings.
#[divan::bench]
fn check_api_url_all_rules() -> usize {
    let cx = UrlContext::runtime();
    URLS.iter()
        .map(|u| check_api_url(divan::black_box(u), &cx).len())
        .sum()
}

/// Every URL and iframe rule on a typical iframe URL.
#[divan::bench]
fn check_iframe_url_all_rules() -> usize {
    let cx = UrlContext::runtime();
    check_iframe_url(
        divan::black_box(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=fr&theme=dark",
        ),
        &cx,
    )
    .len()
}
