use flinks_config::{api_url, customer_id, iframe_url, instance};

fn main() {
    let raw = api_url!(r"https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize");
    let hashed = iframe_url!(r#"https://toolbox-iframe.private.fin.ag/v2/?demo=true"#);
    let escaped = instance!("\x61\u{63}\u{6d}e");
    let continued = api_url!(
        "https://toolbox-api.private.fin.ag/v3/\
         43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize"
    );
    let id = customer_id!("43387ca6-0391-4c82-857d-\u{37}0d95f087ecb");
    let trailing = instance!("acme",);
    assert_eq!(trailing.as_str(), "acme");
    assert_eq!(raw.as_str(), continued.as_str());
    assert!(hashed.as_str().ends_with("?demo=true"));
    assert_eq!(escaped.as_str(), "acme");
    assert_eq!(id.as_str(), "43387ca6-0391-4c82-857d-70d95f087ecb");
}
