fn main() {
    let _value = flinks_config::api_url!("https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/DeleteCard/c4569c54-e167-4d34-8de6-f4113bc82414");
}
