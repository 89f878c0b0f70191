//! The terminal editor (ratatui + crossterm), in The Elm Architecture's shape:
//! `key → Keymap::resolve(mode, key) → Action → App::update(msg) → Option<Effect>`, a runner
//! that carries out effects and reports their results back as messages ([`Msg`]: saved,
//! reloaded, changed on disk, tick…), and rendering as pure functions of `&App`. `update` is
//! the only place the state changes; the app is split by mode under `app/` (normal, form,
//! picker, prompt, command line, search, navigation), and the screen geometry both drawing
//! and clicks use is in `layout`.
//!
//! Everything that changes the program goes through `crate::edit` (undoable edits);
//! everything written to disk goes through `crate::save` and `crate::recover`. This module
//! must not hold conflict state: it derives it from the program after each edit.

pub mod action;
pub mod app;
pub(crate) mod changes;
pub(crate) mod command;
pub mod derive;
pub(crate) mod export;
pub(crate) mod form;
pub(crate) mod grid;
pub(crate) mod help;
pub(crate) mod item_form;
pub mod keymap;
pub(crate) mod layout;
pub(crate) mod lists;
pub(crate) mod picker;
pub mod render;
pub mod runner;
pub mod signage;
pub mod theme;
pub mod typing;
pub mod words;

pub use action::{Action, Effect, Mode, Msg, View};
pub use app::App;
pub use keymap::{Key, Keymap};
