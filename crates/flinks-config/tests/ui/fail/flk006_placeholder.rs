fn main() {
    let _value = flinks_config::api_url!("https://toolbox-api.private.fin.ag/v3/{customerId}/BankingServices/Authorize");
}
