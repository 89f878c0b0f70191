//! Presenting results: compiler-style text for people, JSON for scripts.

pub mod json;
pub mod text;
