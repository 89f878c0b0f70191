//! What changed since the last release, for the editor: a mark per session (grid and lists),
//! the diff behind `:diff` and the agenda's "changed" filter, and the two steps the runner
//! performs (reading the store at launch, `:release`). The diff itself is the core's
//! (`crate::release`).

use std::path::Path;

use crate::codes::Level;
use crate::model::Program;
use crate::release::diff::{diff, Change, Diff};
use crate::release::history::Mark;
use crate::release::Store;
use crate::time::Instant;

/// The working copy compared with the last release.
#[derive(Debug)]
pub struct Changes {
    /// The last release's name.
    pub since: String,
    last: Program,
    pub diff: Diff,
    /// Per session of the working copy (by index), how it changed.
    pub marks: Vec<Option<Mark>>,
}

impl Changes {
    pub fn new(since: String, last: Program, program: &Program) -> Changes {
        let mut changes = Changes {
            since,
            last,
            diff: Diff::default(),
            marks: Vec::new(),
        };
        changes.refresh(program);
        changes
    }

    /// Compare again after an edit.
    pub fn refresh(&mut self, program: &Program) {
        self.diff = diff(&self.last, program);
        let by_id: foldhash::HashMap<&str, Mark> = self
            .diff
            .sessions
            .iter()
            .filter_map(|c| {
                let mark = match c.change {
                    Change::New => Mark::New,
                    Change::Cancelled => Mark::Cancelled,
                    Change::Removed => return None,
                    Change::Changed if c.moved => Mark::Moved,
                    Change::Changed => Mark::Changed,
                };
                Some((c.id.as_str(), mark))
            })
            .collect();
        self.marks = program
            .sessions
            .iter()
            .map(|s| by_id.get(s.id.as_str()).copied())
            .collect();
    }

    pub fn mark(&self, session: usize) -> Option<Mark> {
        self.marks.get(session).copied().flatten()
    }

    /// One line for the status bar: the counts, and the removed sessions by id.
    pub fn summary(&self) -> String {
        if self.diff.is_empty() {
            return crate::tui::words::format("changes_none_since", &[("release", &self.since)]);
        }
        let mut text = crate::tui::words::format(
            "changes_since",
            &[
                ("release", &self.since),
                (
                    "summary",
                    &crate::export::changes::summary_in(
                        &self.diff,
                        &crate::export::locale::Locale::for_tag(crate::tui::words::tag()),
                    ),
                ),
            ],
        );
        let removed: Vec<&str> = self
            .diff
            .sessions
            .iter()
            .filter(|c| c.change == Change::Removed)
            .map(|c| c.id.as_str())
            .collect();
        if !removed.is_empty() {
            text.push_str(&format!(" (removed: {})", removed.join(", ")));
        }
        text
    }
}

/// The glyph of a mark, as the HTML agenda uses: ★ new, → moved, ✎ changed, ✕ cancelled.
pub fn glyph(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "★",
        Mark::Moved => "→",
        Mark::Changed => "✎",
        Mark::Cancelled => "✕",
    }
}

/// The release history seen from the editor's program, for `:export` (as `agora export` has
/// it): `None` for an event without releases.
pub fn history(
    root: &Path,
    program: &Program,
    now: Instant,
) -> Result<Option<std::sync::Arc<crate::release::history::ChangeInfo>>, String> {
    let store = Store::open(root).map_err(|f| store_message(&f))?;
    Ok((!store.releases.is_empty())
        .then(|| std::sync::Arc::new(store.follow_working_copy(program, now))))
}

/// The last release of the event at `root` (name and program), if it has one.
pub fn last_release(root: &Path) -> Result<Option<(String, Box<Program>)>, String> {
    let mut store = Store::open(root).map_err(|f| store_message(&f))?;
    Ok(store.releases.pop().map(|r| (r.name, Box::new(r.program))))
}

fn store_message(failure: &crate::load::LoadFailure) -> String {
    let first = failure.errors.first();
    let place = first
        .and_then(|e| e.span)
        .map(|s| {
            let (path, line, col) = failure.sources.locate(s);
            format!("{}:{line}:{col}: ", path.display())
        })
        .unwrap_or_default();
    crate::tui::words::format(
        "release_store_unreadable",
        &[
            ("place", &place),
            ("problem", first.map_or("", |e| e.message.as_str())),
        ],
    )
}

/// `:release NAME [comment]`: freeze the event as saved on disk. Refuses a program with
/// error-level conflicts (the command line's `--force` is the way to release one).
pub fn release(
    root: &Path,
    name: &str,
    comment: Option<&str>,
    time: Instant,
) -> Result<(String, Box<Program>), String> {
    let program = crate::load::load_path(root)
        .map_err(|_| crate::tui::words::word("release_does_not_load").to_string())?;
    let errors = crate::rules::check(&program)
        .iter()
        .filter(|d| d.severity == Level::Error)
        .count();
    if errors > 0 {
        return Err(crate::tui::words::format_counts(
            "release_errors",
            &[],
            &[("errors", errors as i64)],
        ));
    }
    let mut store = Store::open(root).map_err(|f| store_message(&f))?;
    store
        .add(program, name, comment, time)
        .map_err(|e| e.to_string())?;
    let program = crate::load::load_path(root)
        .map_err(|_| crate::tui::words::word("release_changed_on_disk").to_string())?;
    Ok((name.to_string(), Box::new(program)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::save;
    use crate::tui::action::{Action, Effect, Msg, View};
    use crate::tui::app::App;
    use crate::tui::keymap::Key;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn editor() -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forum.toml");
        let seed =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
        std::fs::copy(seed, &path).unwrap();
        let (doc, disk) = save::open(&path).unwrap();
        let mut app = App::new(doc, disk, 0, false);
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        let last = last_release(&app.disk.root);
        app.update(Msg::ReleasesLoaded(last));
        (dir, app)
    }

    fn command(app: &mut App, line: &str) -> Option<Effect> {
        app.update(Action::CommandLine);
        for c in line.chars() {
            app.handle_key(Key::Char(c));
        }
        app.update(Action::Submit)
    }

    fn message(app: &App) -> String {
        app.message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }

    fn screen(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
        terminal.draw(|f| crate::tui::render::draw(f, app)).unwrap();
        let buf = terminal.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    fn index(app: &App, id: &str) -> usize {
        app.doc
            .program
            .sessions
            .iter()
            .position(|s| s.id == id)
            .unwrap()
    }

    #[test]
    fn release_then_edit_marks_the_session_and_diff_lists_it() {
        let (_dir, mut app) = editor();
        assert_eq!(command(&mut app, "diff"), None);
        assert!(
            message(&app).starts_with("No release yet"),
            "{}",
            message(&app)
        );

        let effect = command(&mut app, "release v1 First programme");
        assert_eq!(
            effect,
            Some(Effect::Release {
                name: "v1".into(),
                comment: Some("First programme".into())
            })
        );
        // What the runner does with the effect.
        let result = release(&app.disk.root, "v1", Some("First programme"), 1_000);
        app.update(Msg::Released(result));
        assert!(
            message(&app).starts_with("Released v1"),
            "{}",
            message(&app)
        );
        assert!(app.changes.as_ref().unwrap().diff.is_empty());

        // Move one session a step later: it is marked moved, nothing else is.
        let moved = index(&app, "atelier-tiers-lieux");
        app.reveal(moved);
        app.update(Action::MoveLater);
        let changes = app.changes.as_ref().unwrap();
        assert_eq!(changes.mark(moved), Some(Mark::Moved));
        assert_eq!(
            changes.marks.iter().filter(|m| m.is_some()).count(),
            1,
            "{:?}",
            changes.diff
        );
        // :export follows the releases as `agora export` does: the moved session's SEQUENCE rose.
        let out = app.disk.root.with_file_name("out.ics");
        let changes = history(&app.disk.root, &app.doc.program, 2_000).unwrap();
        crate::tui::export::export(&app.doc.program, None, "ics", Some(&out), changes).unwrap();
        let ics = std::fs::read_to_string(&out).unwrap();
        assert_eq!(ics.matches("SEQUENCE:1\r\n").count(), 1, "{ics}");
        assert_eq!(ics.matches("SEQUENCE:0\r\n").count(), 27);
        // A release is made of the saved files.
        assert_eq!(command(&mut app, "release v2"), None);
        assert!(message(&app).starts_with("Unsaved edits"));

        // :diff: the agenda lists the changed session only, marked, and Enter goes to it.
        assert_eq!(command(&mut app, "diff"), None);
        assert_eq!(app.view, View::Agenda);
        assert!(
            message(&app).starts_with("Since release v1: 0 new, 0 cancelled, 0 removed, 1 changed"),
            "{}",
            message(&app)
        );
        let sessions: Vec<usize> = app
            .rows(View::Agenda)
            .iter()
            .filter_map(|r| app.row_session(r))
            .collect();
        assert_eq!(sessions, [moved]);
        let text = screen(&app);
        assert!(text.contains("→ Atelier : monter un tiers-lieu"), "{text}");
        assert!(text.contains("changed since v1"), "{text}");
        // The grid marks it too.
        app.update(Action::ShowView(View::Grid));
        app.reveal(moved);
        assert!(screen(&app).contains("→ "), "{}", screen(&app));
        // The filter clears like the others.
        assert_eq!(command(&mut app, "nofilter"), None);
        assert!(app.rows(View::Agenda).len() > 20);
    }

    #[test]
    fn a_damaged_store_is_reported_not_fatal() {
        let (dir, _app) = editor();
        let store = dir.path().join("forum.releases");
        std::fs::create_dir_all(&store).unwrap();
        std::fs::write(store.join("releases.toml"), "[[releases]]\nname = \"v1\n").unwrap();
        let err = last_release(&dir.path().join("forum.toml")).unwrap_err();
        assert!(err.contains("releases.toml:2:"), "{err}");
    }
}
