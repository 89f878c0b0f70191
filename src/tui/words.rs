//! The editor's own words in the user's language: `locales/<tag>/editor.ftl`, chosen from
//! `LC_ALL`, `LC_MESSAGES` or `LANG` (the first set, as POSIX reads them) when the editor
//! starts. English and French are shipped; any other language, `C` or `POSIX` reads English.
//!
//! Translated so far: the view tabs, the mode in the status line, the hints bar and the
//! headings of the help screen. The help lines themselves, prompts and messages are English
//! (docs/languages.md lists what is left).

use std::sync::{Mutex, OnceLock};

use crate::catalogue::{self, Catalogue, Domain};
use crate::edit::EditError;

/// Every message id the editor reads: each editor catalogue must define exactly these.
pub const IDS: &[&str] = &[
    // View tabs.
    "view_grid",
    "view_agenda",
    "view_speakers",
    "view_rooms",
    "view_conflicts",
    // Modes, in the status line.
    "mode_normal",
    "mode_grab",
    "mode_command",
    "mode_search",
    "mode_edit",
    "mode_pick",
    "mode_prompt",
    "mode_help",
    "mode_messages",
    // Help headings.
    "group_move",
    "group_views",
    "group_edit",
    "group_grab",
    "group_search_and_commands",
    "group_form",
    "group_picker",
    "group_prompt",
    "group_typing",
    "group_help",
    "group_grid_glyphs",
    "group_commands",
    "group_mouse",
    // Hints bar.
    "hint_add",
    "hint_apply",
    "hint_cancel",
    "hint_close",
    "hint_command",
    "hint_delete",
    "hint_drop",
    "hint_earlier",
    "hint_edit",
    "hint_grab",
    "hint_help",
    "hint_keep",
    "hint_later",
    "hint_moderator",
    "hint_next_field",
    "hint_people",
    "hint_quit",
    "hint_room",
    "hint_run",
    "hint_save",
    "hint_search",
    "hint_speaker",
    "hint_undo",
    "hint_view",
    // The screen too small to draw on.
    "too_small",
    // Questions (the letters in parentheses are the keys that answer)
    "prompt_quit",
    "prompt_overwrite",
    "prompt_restore",
    "prompt_conflict",
    "prompt_delete_item",
    "prompt_other_editor",
    "prompt_other_who",
    "prompt_one_of_recoveries",
    "prompt_changed_since",
    "prompt_title",
    // The session form: field labels (at most 12 characters), what an empty field shows, messages
    "form_label_title",
    "form_label_kind",
    "form_label_track",
    "form_label_room",
    "form_label_start",
    "form_label_duration",
    "form_label_expected",
    "form_label_requires",
    "form_label_status",
    "form_label_description",
    "form_label_speakers",
    "form_label_moderators",
    "form_label_tags",
    "form_label_language",
    "form_label_url",
    "form_label_plenary",
    "form_label_allow",
    "form_hint_title",
    "form_hint_kind",
    "form_hint_track",
    "form_hint_room",
    "form_hint_duration",
    "form_hint_expected",
    "form_hint_requires",
    "form_hint_status",
    "form_hint_description",
    "form_hint_speakers",
    "form_hint_moderators",
    "form_hint_tags",
    "form_hint_language",
    "form_hint_url",
    "form_hint_plenary",
    "form_hint_allow",
    "form_hint_start",
    "form_title",
    "form_title_none",
    "form_keys",
    "form_error_title",
    "form_error_start",
    "form_error_duration",
    "form_error_needs_duration",
    "form_error_expected",
    "form_error_language",
    "form_error_yes_no",
    "form_did_you_mean",
    "form_none_yet",
    "form_one_of",
    "form_give",
    "form_unknown",
    // Quotation marks around a name or a title
    "quoted",
    // Why an edit cannot be made (src/edit/error.rs); $title and $name come quoted
    "edit_no_session",
    "edit_no_item",
    "edit_not_placed",
    "edit_cannot_shorten",
    "edit_no_length",
    "edit_already_there",
    "edit_speaker_name",
    "edit_room_name",
    "edit_track_name",
    "edit_room_taken",
    "edit_track_taken",
    "edit_invalid_id",
    "edit_invalid_id_example",
    "edit_id_taken",
    "edit_needs_name",
    // The forms of a room, a speaker, a track: field labels, what an empty field shows, messages
    "item_label_id",
    "item_label_name",
    "item_label_capacity",
    "item_label_features",
    "item_label_accessible",
    "item_label_location",
    "item_label_open",
    "item_label_affiliation",
    "item_label_role",
    "item_label_bio",
    "item_label_email",
    "item_label_url",
    "item_label_available",
    "item_label_color",
    "item_label_description",
    "item_hint_room_id",
    "item_hint_room_name",
    "item_hint_room_capacity",
    "item_hint_room_features",
    "item_hint_room_accessible",
    "item_hint_room_location",
    "item_hint_room_open",
    "item_hint_speaker_id",
    "item_hint_speaker_name",
    "item_hint_speaker_affiliation",
    "item_hint_speaker_role",
    "item_hint_speaker_bio",
    "item_hint_speaker_email",
    "item_hint_speaker_url",
    "item_hint_speaker_available",
    "item_hint_track_id",
    "item_hint_track_name",
    "item_hint_track_color",
    "item_hint_track_description",
    "item_title",
    "item_error_seats",
    "item_error_email",
    "item_error_colour",
    // The details pane (i) and the backlog of unscheduled sessions (b)
    "details_title",
    "details_empty",
    "details_none_here",
    "details_not_placed",
    "details_seats",
    "details_unknown_room",
    "details_all_rooms",
    "details_no_room_value",
    "details_no_conflict",
    "details_plenary",
    "details_field_when",
    "details_field_room",
    "details_field_track",
    "details_field_speakers",
    "details_field_moderators",
    "details_field_expected",
    "details_field_requires",
    "details_field_language",
    "details_field_interpretation",
    "backlog_title",
    "backlog_no_time_no_room",
    "backlog_no_time",
    "backlog_no_room",
    "backlog_unknown_room",
    // The list views: titles, filters, headings
    "list_agenda_title",
    "list_filter_or",
    "list_filter_day",
    "list_filter_room",
    "list_filter_track",
    "list_filter_speaker",
    "list_filter_kind",
    "list_filter_status",
    "list_filter_picks",
    "list_filter_conflicts",
    "list_filter_changed",
    "list_no_filters",
    "list_filters",
    "list_speakers_title",
    "list_rooms_title",
    "list_conflicts_title",
    "list_not_on_grid",
    "list_seats",
    "list_errors",
    "list_warnings",
    "list_infos",
    "list_role_speaker",
    "list_role_moderator",
    "list_no_time",
    "list_all_rooms",
    "list_no_room",
    // Help screen, messages, pickers, grid
    "help_nothing_matches",
    "help_footer",
    "help_title_search",
    "help_title",
    "messages_title",
    "picker_people_title",
    "picker_people_keys",
    "picker_filter_title",
    "picker_filter_keys",
    "picker_slots_title",
    "picker_slots_keys",
    "picker_room_title",
    "picker_room_keys",
    "picker_new_speaker",
    "picker_no_match",
    "grid_no_day",
    "grid_rooms_shown",
    "grid_step",
    "grid_no_rooms",
    // Messages of the status line
    "msg_add_cancelled",
    "msg_edit_cancelled",
    "msg_no_change",
    "msg_some_fields_need_fixing_marked_esc_cancels",
    "msg_back_from_the_editor_no_change",
    "msg_back_from_the_editor_enter_applies_the_form",
    "msg_no_session_selected_edit_opens_the_selected_session",
    "msg_unsaved_edits_w_saves_wq_saves_and_quits",
    "msg_filters_cleared",
    "msg_unsaved_edits_a_release_is_made_of_the",
    "msg_no_release_yet_release_name_freezes_the_saved",
    "msg_no_changes_to_save",
    "msg_no_conflicts",
    "msg_no_unscheduled_session",
    "msg_put_back",
    "msg_no_session_selected_move_onto_one_or_press",
    "msg_no_session_selected_to_copy",
    "msg_no_session_selected_to_delete",
    "msg_no_session_selected",
    "msg_nothing_to_undo",
    "msg_nothing_to_redo",
    "msg_no_session_selected_to_star",
    "msg_ctrl_c_does_not_quit_agora_q_quits",
    "msg_no_messages_yet",
    "msg_no_rooms_yet_add_one_with_room_name",
    "msg_no_room_further_that_way",
    "msg_no_session_selected_to_grab",
    "msg_cannot_place_it_here_the_event_has_no",
    "msg_dropped_where_it_was",
    "msg_nothing_copied_y_copies_the_selected_session",
    "msg_speakers_and_moderators_unchanged",
    "msg_the_recovery_file_is_kept_it_is_offered",
    "msg_read_only_saving_is_off_while_the_other",
    "msg_opened_anyway_a_change_the_other_agora_saves",
    "msg_not_saved_your_edits_are_still_here",
    "msg_back_from_the_shell",
    "msg_recovery_file_discarded",
    "msg_reloaded_from_disk_your_unsaved_edits_were_dropped",
    "msg_not_restored_the_recovery_file_is_kept_for",
    "msg_recovered_edits_restored_u_undoes_them_save_with",
    "msg_the_recovery_file_matched_the_event_nothing_to",
    "msg_your_edits_were_already_on_disk_nothing_to",
    "msg_read_only_another_agora_is_editing_this_event",
    "msg_no_search_searches_titles_speakers_and_rooms",
    "msg_no_session_selected_f_finds_valid_slots_for",
    // Messages of the status line, with values
    "msg_copied",
    "msg_undone",
    "msg_redone",
    "msg_unstarred",
    "msg_starred",
    "msg_holding",
    "msg_where",
    "msg_where_no_time",
    "msg_moved",
    "msg_edge_room_backlog",
    "msg_last_room",
    "msg_first_room",
    "msg_last_day",
    "msg_first_day",
    "msg_step_stays",
    "msg_step",
    "msg_no_match",
    "msg_released",
    "msg_saved",
    "msg_not_saved",
    "msg_cannot_restore",
    "msg_not_saved_kept",
    "slots_all_rooms",
    "slots_warnings",
    "msg_no_item_named",
    // Agenda notes, filters, pickers
    "note_no_sessions",
    "note_no_filter_match",
    "note_no_session",
    "note_no_speakers",
    "note_no_rooms",
    "note_no_conflicts",
    "filter_no_match",
    "filter_bad_day",
    "filter_bad_kind",
    "filter_bad_status",
    "filter_bad_language",
    "filter_unknown",
    "msg_width",
    "msg_outside_grid",
    "msg_days",
    "msg_room",
    "msg_in_hidden_room",
    "msg_recovery_elsewhere",
    "msg_search_match",
    "msg_rooms_none_yet",
    "msg_rooms_all_shown",
    "msg_rooms_some_shown",
    "msg_rooms_keep_one",
    "msg_not_saved_read_only_file",
    "msg_file_read_only",
    "msg_other_editor_quit",
    "msg_files_gone",
    "msg_speaker_namesake",
    "msg_room_shown_again",
    "msg_field_not_edited",
    "picker_only_picks",
    "picker_only_conflicts",
    "picker_day",
    "picker_room",
    "picker_track",
    "picker_speaker",
    "picker_kind",
    "picker_status",
    // Errors of the command line (:)
    "cmd_no_argument",
    "cmd_export_unexpected",
    "cmd_export_give",
    "cmd_export_unknown",
    "cmd_bad_width",
    "cmd_bad_time",
    "cmd_bad_day",
    "cmd_bad_step",
    "cmd_track_name",
    "cmd_item_name",
    "cmd_room_name",
    "cmd_speaker_name",
    "cmd_release_name",
    "cmd_empty",
    "cmd_unknown",
    // Exports, releases and reloads from the editor
    "export_unknown_format",
    "export_no_picks",
    "export_done_file",
    "export_done_folder",
    "changes_none_since",
    "changes_since",
    "msg_cannot_reload",
    "msg_disk_does_not_load",
    "msg_picks_kept",
    // Releases, locked and event-wide sessions, filters
    "release_store_unreadable",
    "release_does_not_load",
    "release_errors",
    "release_changed_on_disk",
    "msg_locked",
    "msg_first_day_only",
    "msg_last_day_only",
    "msg_event_wide",
    "msg_filter_count",
    "msg_changes_listed",
    "grid_all_rooms",
    // Dates of the grid and the lists: CLDR patterns (E weekday, d day, MMM month, y year), filled with the language's CLDR names
    "date_pattern",
    "date_pattern_year",
    // Printed on the terminal when the editor stopped (a crash, a signal)
    "stopped_saved",
    "stopped_nothing",
    "stopped_unwritten",
    "stopped_busy",
    "stopped_busy_nothing",
    // What an edit did (the status line after a change, u and Ctrl-r)
    "did_a_session",
    "did_move",
    "did_resize",
    "did_reassign",
    "did_unroom",
    "did_set_field",
    "did_add_session",
    "did_remove_session",
    "did_replace_session",
    "did_add_person",
    "did_remove_person",
    "did_add_item",
    "did_remove_item",
    "did_change_item",
    "did_renamed",
    "did_people",
    "did_new_speaker",
    // Forms on a short screen: how many fields are out of view
    "form_more_below",
    "form_more_above",
    "form_more_both",
];

static CHOSEN: OnceLock<&'static Catalogue> = OnceLock::new();
static TAG: OnceLock<String> = OnceLock::new();

/// The language a POSIX locale value names: `fr_FR.UTF-8` → `fr-FR`; `C`, `POSIX` and empty
/// values name none.
pub fn tag_of_locale(value: &str) -> Option<String> {
    let base = value.split(['.', '@']).next().unwrap_or("").trim();
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    let tag = base.replace('_', "-");
    crate::language::is_usable_tag(&tag).then_some(tag)
}

/// The editor's language from the environment's `LC_ALL`, `LC_MESSAGES` and `LANG` values
/// (in that order, the first non-empty one decides).
pub fn language_from(
    lc_all: Option<&str>,
    lc_messages: Option<&str>,
    lang: Option<&str>,
) -> String {
    [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .and_then(tag_of_locale)
        .unwrap_or_else(|| "en".to_string())
}

/// Choose the editor's language once, at start-up (the shell reads the environment).
pub fn choose(tag: &str) {
    if let Some(c) = catalogue::for_tag(Domain::Editor, tag) {
        let _ = CHOSEN.set(c);
        let _ = TAG.set(tag.to_string());
    }
}

/// The editor's language tag (`en` until one is chosen).
pub fn tag() -> &'static str {
    TAG.get().map_or("en", String::as_str)
}

thread_local! {
    /// A language for this thread only, over the chosen one ([`in_language`]).
    static OVERRIDE: std::cell::Cell<Option<&'static Catalogue>> = const { std::cell::Cell::new(None) };
}

fn current() -> Option<&'static Catalogue> {
    OVERRIDE
        .with(std::cell::Cell::get)
        .or_else(|| CHOSEN.get().copied())
        .or_else(|| catalogue::for_tag(Domain::Editor, "en"))
}

/// Run `f` with the editor's words in `tag` on this thread (the screens' tests draw in French
/// without changing the language of the others).
pub fn in_language<R>(tag: &str, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.with(|o| o.replace(catalogue::for_tag(Domain::Editor, tag)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

/// The word `id` in the editor's language (read once, kept for the session).
pub fn word(id: &str) -> &'static str {
    /// Each catalogue's words by id (a catalogue's tag and the id: the text).
    type Cache = std::collections::HashMap<(&'static str, String), &'static str>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let Some(cat) = current() else {
        return "";
    };
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = match cache.lock() {
        Ok(c) => c,
        Err(p) => p.into_inner(),
    };
    cache
        .entry((cat.tag, id.to_string()))
        .or_insert_with(|| Box::leak(cat.text(id).into_boxed_str()))
}

/// The message id of an English text: `prefix`, then its first eight words in lower case
/// joined by `_` ("Search and commands" → `group_search_and_commands`).
pub fn slug(prefix: &str, english: &str) -> String {
    let words: Vec<String> = english
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_string)
        .collect();
    format!("{prefix}_{}", words.join("_"))
}

/// The word for an English heading or hint of the keymap ("Search and commands" →
/// `group_search_and_commands`), or the English itself when no message has that id.
pub fn keyed<'a>(prefix: &str, english: &'a str) -> &'a str {
    let id = slug(prefix, english);
    if IDS.contains(&id.as_str()) {
        word(&id)
    } else {
        english
    }
}

/// A line of the help screen (what a key, a command or a glyph does), from its English text:
/// the message `help_…` named after its first words ([`slug`]).
pub fn help(english: &str) -> &str {
    let id = slug("help", english);
    if english_has(&id) {
        word(&id)
    } else {
        english
    }
}

fn english_has(id: &str) -> bool {
    catalogue::for_tag(Domain::Editor, "en").is_some_and(|c| c.has(id))
}

/// Every message id the editor reads: [`IDS`] and one for each line of the help screen.
pub fn ids() -> Vec<String> {
    let mut all: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    for l in crate::tui::help::english_lines() {
        let id = slug("help", &l.text);
        if !l.heading && !all.contains(&id) {
            all.push(id);
        }
    }
    all
}

/// A message with variables, in the editor's language.
pub fn format(id: &str, args: &[(&str, &str)]) -> String {
    current().map(|c| c.format(id, args)).unwrap_or_default()
}

/// A date with the catalogue's CLDR pattern `id` in the editor's language (cached per thread:
/// CLDR names are loaded once).
fn pattern_date(id: &str, date: chrono::NaiveDate) -> Option<String> {
    use crate::export::locale::DatePattern;
    thread_local! {
        static PATTERNS: std::cell::RefCell<Vec<(String, Option<std::rc::Rc<DatePattern>>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let cat = current()?;
    let tag = if OVERRIDE.with(std::cell::Cell::get).is_some() {
        cat.tag
    } else {
        tag()
    };
    let key = format!("{tag}\u{0}{id}");
    let found = PATTERNS.with(|p| {
        p.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, d)| d.clone())
    });
    let pattern = match found {
        Some(d) => d,
        None => {
            let made = DatePattern::new(tag, word(id)).map(std::rc::Rc::new);
            PATTERNS.with(|p| p.borrow_mut().push((key, made.clone())));
            made
        }
    };
    pattern.map(|p| p.format(date))
}

/// "Tue 5 Dec", "mar. 5 déc.": a day within the event, in the editor's language.
pub fn date(d: chrono::NaiveDate) -> String {
    pattern_date("date_pattern", d).unwrap_or_else(|| crate::rules::wording::date(d))
}

/// "Tue 5 Dec 2017", "mar. 5 déc. 2017".
pub fn full_date(d: chrono::NaiveDate) -> String {
    pattern_date("date_pattern_year", d).unwrap_or_else(|| crate::rules::wording::full_date(d))
}

/// The local day of `t`: "Tue 5 Dec".
pub fn day(tz: chrono_tz::Tz, t: crate::time::Instant) -> String {
    date(crate::time::to_local(tz, t).date_naive())
}

/// "14:00–15:30", with the end's day when it is another day: "23:30–Wed 6 Dec 01:00".
pub fn span(tz: chrono_tz::Tz, start: crate::time::Instant, end: crate::time::Instant) -> String {
    use crate::rules::wording::clock;
    let (a, b) = (
        crate::time::to_local(tz, start),
        crate::time::to_local(tz, end),
    );
    if a.date_naive() == b.date_naive() {
        format!("{}–{}", clock(tz, start), clock(tz, end))
    } else {
        format!("{}–{} {}", clock(tz, start), day(tz, end), clock(tz, end))
    }
}

/// What `edit` did, in the editor's language ("moved 'Ouverture'", "« Ouverture » déplacée"):
/// [`crate::edit::Edit::describe`]'s English, worded from the catalogue. A batch keeps the
/// label it was made with.
pub fn describe(edit: &crate::edit::Edit, program: &crate::model::Program) -> String {
    use crate::edit::Edit as E;
    let title = |i: &usize| {
        program
            .sessions
            .get(*i)
            .map_or_else(|| word("did_a_session").to_string(), |s| quoted(&s.title))
    };
    let renamed = |from: &str, to: &str| {
        if from == to {
            from.to_string()
        } else {
            format("did_renamed", &[("from", from), ("to", to)])
        }
    };
    match edit {
        E::Move { session, .. } => format("did_move", &[("title", &title(session))]),
        E::Resize { session, .. } => format("did_resize", &[("title", &title(session))]),
        E::Reassign { session, to, .. } => match to {
            Some(room) => format(
                "did_reassign",
                &[("title", &title(session)), ("room", room)],
            ),
            None => format("did_unroom", &[("title", &title(session))]),
        },
        E::SetField { session, to, .. } => format(
            "did_set_field",
            &[("key", to.key()), ("title", &title(session))],
        ),
        E::AddSession { session, .. } => {
            format("did_add_session", &[("title", &quoted(&session.title))])
        }
        E::RemoveSession { session, .. } => {
            format("did_remove_session", &[("title", &quoted(&session.title))])
        }
        E::ReplaceSession { to, .. } => {
            format("did_replace_session", &[("title", &quoted(&to.title))])
        }
        E::AddPerson {
            session, role, id, ..
        } => format(
            "did_add_person",
            &[
                ("id", id),
                ("role", role.noun()),
                ("title", &title(session)),
            ],
        ),
        E::RemovePerson {
            session, role, id, ..
        } => format(
            "did_remove_person",
            &[
                ("id", id),
                ("role", role.noun()),
                ("title", &title(session)),
            ],
        ),
        E::AddSpeaker { speaker, .. } => format(
            "did_add_item",
            &[("kind", "speaker"), ("name", &speaker.name)],
        ),
        E::RemoveSpeaker { speaker, .. } => format(
            "did_remove_item",
            &[("kind", "speaker"), ("name", &speaker.name)],
        ),
        E::ReplaceSpeaker { from, to, .. } => format(
            "did_change_item",
            &[
                ("kind", "speaker"),
                ("name", &renamed(&from.name, &to.name)),
            ],
        ),
        E::AddRoom { room, .. } => {
            format("did_add_item", &[("kind", "room"), ("name", &room.name)])
        }
        E::RemoveRoom { room, .. } => {
            format("did_remove_item", &[("kind", "room"), ("name", &room.name)])
        }
        E::ReplaceRoom { from, to, .. } => format(
            "did_change_item",
            &[("kind", "room"), ("name", &renamed(&from.name, &to.name))],
        ),
        E::AddTrack { track, .. } => {
            format("did_add_item", &[("kind", "track"), ("name", &track.name)])
        }
        E::RemoveTrack { track, .. } => format(
            "did_remove_item",
            &[("kind", "track"), ("name", &track.name)],
        ),
        E::ReplaceTrack { from, to, .. } => format(
            "did_change_item",
            &[("kind", "track"), ("name", &renamed(&from.name, &to.name))],
        ),
        E::Batch { label, .. } => label.clone(),
    }
}

/// `text` in the language's quotation marks: 'Salle Rhône', « Salle Rhône ».
pub fn quoted(text: &str) -> String {
    format("quoted", &[("text", text)])
}

/// Why an edit cannot be made, in the editor's language (the same values as the English of
/// [`EditError`]'s `Display`).
pub fn edit_error(e: &EditError) -> String {
    use EditError as E;
    match e {
        E::NoSession => word("edit_no_session").to_string(),
        E::NoItem(kind) => format("edit_no_item", &[("kind", kind.noun())]),
        E::NotPlaced(t) => format("edit_not_placed", &[("title", &quoted(t))]),
        E::CannotShorten(t) => format("edit_cannot_shorten", &[("title", &quoted(t))]),
        E::NoLength(t) => format("edit_no_length", &[("title", &quoted(t))]),
        E::AlreadyThere(t) => format("edit_already_there", &[("title", &quoted(t))]),
        E::SpeakerName => word("edit_speaker_name").to_string(),
        E::RoomName => word("edit_room_name").to_string(),
        E::TrackName => word("edit_track_name").to_string(),
        E::RoomTaken { name, id } => {
            format("edit_room_taken", &[("name", &quoted(name)), ("id", id)])
        }
        E::TrackTaken { name, id } => format("edit_track_taken", &[("name", name), ("id", id)]),
        E::InvalidId {
            id,
            suggestion: Some(s),
        } => format("edit_invalid_id_example", &[("id", id), ("example", s)]),
        E::InvalidId {
            id,
            suggestion: None,
        } => format("edit_invalid_id", &[("id", id)]),
        E::IdTaken { kind, id } => format("edit_id_taken", &[("kind", kind.noun()), ("id", id)]),
        E::NeedsName(kind) => format("edit_needs_name", &[("kind", kind.noun())]),
    }
}

/// A message with text and number variables (a number picks the plural form).
pub fn format_counts(id: &str, args: &[(&str, &str)], counts: &[(&str, i64)]) -> String {
    current()
        .map(|c| c.format_counts(id, args, counts))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locales_name_languages() {
        assert_eq!(tag_of_locale("fr_FR.UTF-8").as_deref(), Some("fr-FR"));
        assert_eq!(tag_of_locale("de_DE@euro").as_deref(), Some("de-DE"));
        assert_eq!(tag_of_locale("C.UTF-8"), None);
        assert_eq!(tag_of_locale("POSIX"), None);
        assert_eq!(
            language_from(Some(""), Some("fr_CA.UTF-8"), Some("en_GB")),
            "fr-CA"
        );
        assert_eq!(language_from(Some("C"), Some("fr_FR"), None), "en");
        assert_eq!(language_from(None, None, None), "en");
    }

    #[test]
    fn french_editor_words() {
        let fr = catalogue::for_tag(Domain::Editor, "fr-FR").unwrap();
        assert_eq!(fr.text("view_speakers"), "Intervenants");
        assert_eq!(fr.text("hint_quit"), "quitter");
        // Without a choice the editor speaks English.
        assert_eq!(word("view_grid"), "Grid");
        assert_eq!(keyed("group", "Search and commands"), "Search and commands");
        assert_eq!(keyed("hint", "not a hint"), "not a hint");
    }

    #[test]
    fn help_lines_have_ids_of_their_own() {
        // Two different lines never share a message.
        let mut seen = std::collections::BTreeMap::new();
        for l in crate::tui::help::english_lines()
            .iter()
            .filter(|l| !l.heading)
        {
            let id = slug("help", &l.text);
            if let Some(other) = seen.insert(id.clone(), l.text.clone()) {
                assert_eq!(other, l.text, "{id} names two lines");
            }
        }
        assert_eq!(slug("help", "cursor up"), "help_cursor_up");
        let fr = catalogue::for_tag(Domain::Editor, "fr").unwrap();
        assert_eq!(fr.text("help_next_conflict"), "conflit suivant");
        // Short dates from CLDR with the catalogue's pattern, in each language.
        let d = chrono::NaiveDate::from_ymd_opt(2017, 12, 5).unwrap();
        assert_eq!(date(d), "Tue 5 Dec");
        assert_eq!(date(d), crate::rules::wording::date(d));
        assert_eq!(in_language("fr", || date(d)), "mar. 5 déc.");
        assert_eq!(in_language("fr", || full_date(d)), "mar. 5 déc. 2017");
        // An edit's error, from the catalogue with its values (English without a choice).
        let e = EditError::NeedsName(crate::edit::Referenced::Room);
        assert_eq!(edit_error(&e), e.to_string());
        assert_eq!(
            fr.format("edit_needs_name", &[("kind", "room")]),
            "une salle a besoin d’un nom"
        );
    }
}
