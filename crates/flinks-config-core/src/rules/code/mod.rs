//! FLK6xx, the code family: mistakes only source code can make (the linter
//! reading JS/TS, Python, C#, Java/Kotlin, Ruby, PHP, Go and shell).
//!
//! | code   | rule                          |
//! |--------|-------------------------------|
//! | FLK601 | [`connect_origin_unchecked`]  |
//!
//! The source scanner finds the code shape (a `message` listener and its
//! body); each rule here decides from that shape alone.

pub mod connect_origin_unchecked;
