fn main() {
    let _value = flinks_config::api_url!(production, "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize");
}
