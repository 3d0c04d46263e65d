//! Compile-time checked Flinks literals (built in a later change).
