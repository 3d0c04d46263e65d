//! A literal with two warnings (two unknown iframe parameters, FLK207)
//! compiles, in a const and in a function: each warning is its own item.
#![allow(deprecated)]
use flinks_config::{iframe_url, IframeUrl};

const CONNECT: IframeUrl =
    iframe_url!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&colour=red&size=big");

fn main() {
    let again = iframe_url!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&colour=red&size=big");
    assert_eq!(CONNECT.as_str(), again.as_str());
}
