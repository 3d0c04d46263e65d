fn main() {
    let _value = flinks_config::api_url!("https://toolbox-api.private.fin.ag/v3/x/%2e%2E/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize");
}
