//! agora: a program manager for conferences and forums.
//!
//! # Crate map
//!
//! Six layers; a module may use the layers above it (and its own), never the ones below it.
//! Everything above the shells is pure: no terminal, no clock, no environment, no file writes
//! except through [`save`]'s one atomic writer.
//!
//! 1. **Foundations** — what every other layer speaks: [`source`] (files and spans), [`codes`]
//!    (rule codes and levels), [`model`] (the program as loaded, the format's key order in
//!    [`model::keys`], the date-time ↔ TOML conversion), [`time`] (instants, local times
//!    unique, folded or missing), [`zones`], [`ids`] (valid ids, and the frab GUID/slug scheme
//!    in [`ids::frab`]), [`text`] (the accent fold, hidden characters), [`language`] (BCP 47, direction,
//!    fallback chains), [`catalogue`] (the Fluent message catalogues of `locales/`),
//!    [`collate`] (sorting in the language's CLDR order), [`parallel`] (how many pieces a big
//!    job is cut into, for the cores), [`heap`] (the allocator's settings: the crate's only
//!    unsafe code).
//! 2. **Reading** — [`load`] turns TOML into a [`model::Program`] with located errors; [`busy`]
//!    reads the busy times of people's and rooms' own calendars for it.
//! 3. **Reasoning** — [`rules`] (the resolved schedule, "on the calendar", every check) and
//!    [`place`] (the placement engine over the rules' probe).
//! 4. **Publishing and importing** — [`export`] (one resolved agenda feeding every format,
//!    frab/C3VOC in [`export::frab`], the one delivery step in [`export::deliver`]),
//!    [`import`] (frab/C3VOC schedules into agora TOML), [`report`] (`check`'s text and JSON),
//!    [`signage`] (now/next boards), [`release`] (releases, their diffs and history).
//! 5. **Editing and files** — [`edit`] (edits with inverses, undo), [`save`] (in-place TOML
//!    saving and the atomic writer every file write goes through), [`merge`] (three-way merge of
//!    event files), [`recover`], [`instance`], [`picks`].
//! 6. **Shells** — [`cli`] (the `agora` commands) and [`tui`] (the editor: state, actions,
//!    update, rendering apart): the only modules that read the clock, the environment or a
//!    terminal. [`generate`] writes synthetic programs for benchmarks and tests.
//!
//! Known back-edges, each one function wide: [`save`] and [`export`] share the atomic writer
//! and the output paths (`export::paths` calls `save::replace_atomic` and, for a batch,
//! `save::stage_replace`/`save::commit_staged`, `save::stage_begin` for a page given in
//! pieces, for a new folder `save::NewFolder`),
//! `export` reads [`release`]'s diffs for change marks and [`signage`]'s boards for its pages, and `rules`
//! uses `load`'s "did you mean" suggestions.
//!
//! Visibility: a module is `pub` only when the binary, the benches, the fuzz targets or the
//! integration tests (`tests/it`) use it; the rest are `pub(crate)`, so the compiler reports
//! what nothing uses.

pub(crate) mod busy;
pub mod catalogue;
pub mod cli;
pub mod codes;
pub(crate) mod collate;
pub mod edit;
pub mod export;
pub mod generate;
pub mod heap;
pub(crate) mod ids;
pub mod import;
pub mod instance;
pub(crate) mod language;
pub mod load;
pub mod merge;
pub mod model;
pub(crate) mod parallel;
pub(crate) mod picks;
pub mod place;
pub mod recover;
pub mod release;
pub mod report;
pub mod rules;
pub mod save;
pub mod signage;
pub mod source;
pub(crate) mod text;
pub mod time;
pub mod tui;
pub(crate) mod zones;
