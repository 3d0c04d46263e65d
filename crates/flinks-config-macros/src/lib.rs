//! Compile-time checked Flinks literals. Use them through `flinks-config`
//! (`flinks_config::api_url!` and friends); this crate only holds the
//! procedural halves.
//!
//! Each macro takes `<path to flinks_config> ; [environment ,] "literal"`.
//! The path comes first because `$crate` does not exist in a proc macro: the
//! `macro_rules!` wrappers in `flinks-config` pass their own `$crate` token,
//! and the expansion is built from it, so it resolves even when a user
//! renames the dependency or shadows `Ok`, `Result` or `Option`.
//!
//! Parsing uses `proc_macro` directly (no `syn`/`quote`) so this crate builds
//! in a second: the input is one literal token, read by `unescape`.
#![forbid(unsafe_code)]

#[cfg(test)]
mod crosscheck;
mod expand;
mod input;
mod unescape;

use proc_macro::TokenStream;

use expand::Kind;

/// `api_url!` (through `flinks_config::api_url!`).
#[doc(hidden)]
#[proc_macro]
pub fn api_url_impl(input: TokenStream) -> TokenStream {
    input::run(Kind::ApiUrl, input)
}

/// `iframe_url!` (through `flinks_config::iframe_url!`).
#[doc(hidden)]
#[proc_macro]
pub fn iframe_url_impl(input: TokenStream) -> TokenStream {
    input::run(Kind::IframeUrl, input)
}

/// `instance!` (through `flinks_config::instance!`).
#[doc(hidden)]
#[proc_macro]
pub fn instance_impl(input: TokenStream) -> TokenStream {
    input::run(Kind::Instance, input)
}

/// `customer_id!` (through `flinks_config::customer_id!`).
#[doc(hidden)]
#[proc_macro]
pub fn customer_id_impl(input: TokenStream) -> TokenStream {
    input::run(Kind::CustomerId, input)
}
