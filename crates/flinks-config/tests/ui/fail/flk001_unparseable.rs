fn main() {
    let _value = flinks_config::api_url!("toolbox-api.private.fin.ag/v3/");
}
