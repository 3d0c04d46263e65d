fn main() {
    let _value = flinks_config::api_url!(staging, "https://toolbox-api.private.fin.ag/v3/");
}
