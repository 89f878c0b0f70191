//! agora: a program manager for conferences and forums.
//!
//! The core — model, loading, time, rules, reports — knows nothing about terminals; the command
//! line (`cli`) is a thin layer over it.

pub mod busy;
pub mod cli;
pub mod codes;
pub mod edit;
pub mod export;
pub mod generate;
pub mod ids;
pub mod import;
pub mod instance;
pub mod language;
pub mod load;
pub mod merge;
pub mod model;
pub mod picks;
pub mod place;
pub mod recover;
pub mod release;
pub mod report;
pub mod rules;
pub mod save;
pub mod signage;
pub mod source;
pub mod text;
pub mod time;
pub mod tui;
pub mod zones;
