// One literal with an error (FLK003) and a warning (FLK106): both are
// reported, the warning as a deprecation at the literal.
fn main() {
    let _value = flinks_config::api_url!("https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize?x=1");
}
