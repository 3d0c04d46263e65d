fn main() {
    let _value = flinks_config::iframe_url!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken=43387ca6-0391-4c82-857d-70d95f087ecb");
}
