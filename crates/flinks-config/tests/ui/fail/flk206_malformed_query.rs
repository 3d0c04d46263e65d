fn main() {
    let _value = flinks_config::iframe_url!("https://toolbox-iframe.private.fin.ag/v2/?demo=yes");
}
