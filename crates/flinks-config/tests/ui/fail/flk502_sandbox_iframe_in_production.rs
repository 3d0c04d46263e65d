fn main() {
    let _value = flinks_config::iframe_url!(production, "https://toolbox-iframe.private.fin.ag/v2/?demo=true");
}
