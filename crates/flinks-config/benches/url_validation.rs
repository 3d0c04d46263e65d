//! Checking a full API URL through every rule, against `url::Url::parse` of
//! the same strings, in the same run. Run: `cargo bench -p flinks-config`.
//! Two sets: valid URLs (the common case at startup) and URLs with one
//! mistake each (where the rules also write messages and fixes). The
//! `scaled_*` pairs repeat the valid set 1, 10 and 100 times, and lengthen
//! one valid URL's query 1, 10 and 100 times, to show how the cost grows.

use flinks_config_core::{check_api_url, check_iframe_url, CredentialKind, KnownValue, UrlContext};

fn main() {
    // One fixed batch size for every bench: divan otherwise sizes each
    // side's batches apart, and a one-call batch of a 1 µs function times
    // the timer as much as the function, which skews the ratio.
    divan::Divan::default()
        .sample_size(1000)
        .sample_count(100)
        .config_with_args()
        .main();
}

const VALID: [&str; 3] = [
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
    "https://acme-ca-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/GetAccountsDetailAsync/5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f",
    "https://acme-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/GetAccountsSummary",
];

const MISTAKES: [&str; 3] = [
    "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
    "https://toolbox.api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
    "https://acme-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/GetAccountDetail",
];

fn url_parse(urls: &[&str]) -> usize {
    urls.iter()
        .map(|u| url::Url::parse(divan::black_box(u)).map_or(0, |u| u.as_str().len()))
        .sum()
}

fn all_rules(urls: &[&str]) -> usize {
    let cx = UrlContext::runtime();
    urls.iter()
        .map(|u| check_api_url(divan::black_box(u), &cx).len())
        .sum()
}

/// Baseline: the `url` crate parsing the valid URLs.
#[divan::bench]
fn valid_url_parse() -> usize {
    url_parse(&VALID)
}

/// Every URL and API URL rule on the valid URLs.
#[divan::bench]
fn valid_all_rules() -> usize {
    all_rules(&VALID)
}

/// Baseline: the `url` crate parsing the URLs with a mistake.
#[divan::bench]
fn mistakes_url_parse() -> usize {
    url_parse(&MISTAKES)
}

/// Every rule on the URLs with a mistake, diagnostics written.
#[divan::bench]
fn mistakes_all_rules() -> usize {
    all_rules(&MISTAKES)
}

/// The same, with the profile's three credentials known (as at startup):
/// every diagnostic is also searched for them and their fragments.
#[divan::bench]
fn mistakes_all_rules_known_secrets() -> usize {
    let known = [
        KnownValue::new(
            CredentialKind::SecretKey,
            "c4569c54-e167-4d34-8de6-f4113bc82414",
        ),
        KnownValue::new(
            CredentialKind::ApiKey,
            "3d5266a8-b697-48d4-8de6-52e2e2662acc",
        ),
        KnownValue::new(
            CredentialKind::AuthorizeToken,
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        ),
    ];
    let cx = UrlContext::runtime().with_known(&known, None);
    MISTAKES
        .iter()
        .map(|u| check_api_url(divan::black_box(u), &cx).len())
        .sum()
}

/// Every URL and iframe rule on a typical iframe URL.
#[divan::bench]
fn iframe_all_rules() -> usize {
    let cx = UrlContext::runtime();
    check_iframe_url(
        divan::black_box(
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=fr&theme=dark",
        ),
        &cx,
    )
    .len()
}

/// The valid set repeated `times` times.
fn repeated(times: usize) -> Vec<&'static str> {
    VALID
        .iter()
        .copied()
        .cycle()
        .take(VALID.len() * times)
        .collect()
}

/// Baseline: `url::Url::parse` on 3, 30 and 300 valid URLs.
#[divan::bench(args = [1, 10, 100])]
fn scaled_count_url_parse(bencher: divan::Bencher, times: usize) {
    let urls = repeated(times);
    bencher.bench(|| url_parse(&urls));
}

/// Every rule on 3, 30 and 300 valid URLs.
#[divan::bench(args = [1, 10, 100])]
fn scaled_count_all_rules(bencher: divan::Bencher, times: usize) {
    let urls = repeated(times);
    bencher.bench(|| all_rules(&urls));
}

/// A valid iframe URL whose `tag` value is `times` segments long.
fn long_iframe_url(times: usize) -> String {
    let segments: Vec<String> = (0..times)
        .map(|i| format!("customer-reference-{i}"))
        .collect();
    format!(
        "https://toolbox-iframe.private.fin.ag/v2/?demo=true&tag={}",
        segments.join("-")
    )
}

/// Baseline: `url::Url::parse` on an iframe URL with a `tag` of 1, 10 and
/// 100 segments (about 30, 230 and 2,300 characters).
#[divan::bench(args = [1, 10, 100])]
fn scaled_length_url_parse(bencher: divan::Bencher, times: usize) {
    let url = long_iframe_url(times);
    bencher.bench(|| url::Url::parse(divan::black_box(&url)).map_or(0, |u| u.as_str().len()));
}

/// Every URL and iframe rule on the same lengthened iframe URLs.
#[divan::bench(args = [1, 10, 100])]
fn scaled_length_all_rules(bencher: divan::Bencher, times: usize) {
    let url = long_iframe_url(times);
    let cx = UrlContext::runtime();
    bencher.bench(|| check_iframe_url(divan::black_box(&url), &cx).len());
}
