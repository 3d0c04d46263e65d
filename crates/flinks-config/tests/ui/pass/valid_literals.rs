use flinks_config::{api_url, customer_id, iframe_url, instance};
use flinks_config::{ApiUrl, CustomerId, IframeUrl, Instance};

// Const-usable: the literal is checked at compile time, nothing at runtime.
const AUTHORIZE: ApiUrl = api_url!(
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize"
);
const PROD: ApiUrl = api_url!(
    production,
    "https://acme-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/GetAccountsDetail"
);
const SANDBOX: ApiUrl = api_url!(
    sandbox,
    "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/"
);
const CONNECT: IframeUrl = iframe_url!("https://toolbox-iframe.private.fin.ag/v2/?demo=true");
const CONNECT_PROD: IframeUrl = iframe_url!(production, "https://acme-iframe.private.fin.ag/v2/");
const ACME: Instance = instance!("acme-ca");
const CUSTOMER: CustomerId = customer_id!("43387ca6-0391-4c82-857d-70d95f087ecb");

fn main() {
    assert!(AUTHORIZE.as_str().ends_with("/Authorize"));
    assert!(PROD.as_str().contains("acme-api"));
    assert!(SANDBOX.as_str().contains("toolbox-api"));
    assert!(CONNECT.as_str().contains("demo=true"));
    assert!(CONNECT_PROD.as_str().contains("acme-iframe"));
    assert_eq!(ACME.as_str(), "acme-ca");
    assert_eq!(CUSTOMER.as_str(), "43387ca6-0391-4c82-857d-70d95f087ecb");
    // Also usable as an expression.
    let local = instance!("toolbox");
    assert_eq!(local.as_str(), "toolbox");
}
