//! The integration tests, as one binary: each file in tests/ used to link the whole crate on
//! its own, which was most of a test build on a 2-core machine.

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

mod common;
mod export_support;
mod place_support;

mod agenda_publish;
mod agenda_web;
mod busy;
mod cli_edit;
mod cli_import;
mod committed_exports;
mod examples;
mod export_cli;
mod export_roundtrip;
mod export_security;
mod fixtures;
mod fuzz_regressions;
mod hostile;
mod html_native;
mod ical_regressions;
mod import_fuzz;
mod import_shapes;
mod interop;
mod languages;
mod merge_cli;
mod native_agendas;
mod oracle;
mod place;
mod place_explain;
mod probe;
mod properties;
mod recover;
mod release_props;
mod releases;
mod robustness;
mod rules;
mod save;
mod signage;
mod signage_export;
pub(crate) mod tmux;
mod tmux_edges;
mod tmux_place;
mod tmux_safety;
mod tui_edges;
mod tui_export;
mod tui_robust;
