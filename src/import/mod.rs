//! Import: a frab/C3VOC schedule (what pretalx and frab write and conference apps read) turned
//! into agora's own TOML.
//!
//! Everything here is pure: text in, text out, no file system and no terminal. [`read_xml`] and
//! [`read_json`] read either shape into one neutral [`foreign`] schedule (which also holds
//! [`ImportError`] and the date-time forms both readers accept, so neither reader depends on
//! the other), [`map`] maps it onto agora's items and [`toml_out`] writes them. The
//! identifiers the exports wrote (GUIDs, slugs) are read back through [`crate::ids::frab`].
//! docs/interop.md documents the mapping both ways; the writers live in `export::frab`.

pub(crate) mod foreign;
pub(crate) mod map;
pub(crate) mod read_json;
pub(crate) mod read_xml;
pub(crate) mod text;
pub mod toml_out;

pub use foreign::ImportError;
pub use map::{decode, import, Imported};
