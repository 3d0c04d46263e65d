// A warning (reported as a deprecation on stable Rust); denied here to
// snapshot it.
#![deny(deprecated)]

fn main() {
    let _value = flinks_config::iframe_url!("https://toolbox-iframe.private.fin.ag/v1/?demo=true");
}
