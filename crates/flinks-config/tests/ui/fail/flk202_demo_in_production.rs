fn main() {
    let _value = flinks_config::iframe_url!("https://acme-iframe.private.fin.ag/v2/?demo=true");
}
