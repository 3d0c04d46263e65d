fn main() {
    let _value = flinks_config::api_url!(b"https://toolbox-api.private.fin.ag/v3/");
}
