fn main() {
    let _value = flinks_config::iframe_url!("https://toolbox-api.private.fin.ag/v2/?demo=true");
}
