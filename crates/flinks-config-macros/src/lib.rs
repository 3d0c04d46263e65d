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
//! The input is parsed with `syn` (module `args`), checked by `flinks-config-core`
//! (module `expand`), and every diagnostic of the literal is reported: errors as
//! `compile_error!`s and warnings as deprecation warnings, at the literal.
#![forbid(unsafe_code)]

mod args;
#[cfg(test)]
mod crosscheck;
mod expand;
mod render;

use proc_macro::TokenStream;

use expand::Kind;

/// `api_url!` (through `flinks_config::api_url!`).
#[doc(hidden)]
#[proc_macro]
pub fn api_url_impl(input: TokenStream) -> TokenStream {
    expand::run(Kind::ApiUrl, input.into()).into()
}

/// `iframe_url!` (through `flinks_config::iframe_url!`).
#[doc(hidden)]
#[proc_macro]
pub fn iframe_url_impl(input: TokenStream) -> TokenStream {
    expand::run(Kind::IframeUrl, input.into()).into()
}

/// `instance!` (through `flinks_config::instance!`).
#[doc(hidden)]
#[proc_macro]
pub fn instance_impl(input: TokenStream) -> TokenStream {
    expand::run(Kind::Instance, input.into()).into()
}

/// `customer_id!` (through `flinks_config::customer_id!`).
#[doc(hidden)]
#[proc_macro]
pub fn customer_id_impl(input: TokenStream) -> TokenStream {
    expand::run(Kind::CustomerId, input.into()).into()
}
