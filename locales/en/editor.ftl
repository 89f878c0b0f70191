# The editor's own words: English. Same messages in every editor.ftl; see docs/languages.md.

## View tabs

view_grid = Grid
view_agenda = Agenda
view_speakers = Speakers
view_rooms = Rooms
view_conflicts = Conflicts

## The mode, at the left of the status line

mode_normal = NORMAL
mode_grab = GRAB
mode_command = COMMAND
mode_search = SEARCH
mode_edit = EDIT
mode_pick = PICK
mode_prompt = PROMPT
mode_help = HELP
mode_messages = MESSAGES

## Headings of the help screen (?)

group_move = Move
group_views = Views
group_edit = Edit
group_grab = Grab
group_search_and_commands = Search and commands
group_form = Form
group_picker = Picker
group_prompt = Prompt
group_typing = Typing
group_help = Help
group_grid_glyphs = Grid glyphs
group_commands = Commands
group_mouse = Mouse

## The hints bar: one or two words after a key

hint_add = add
hint_apply = apply
hint_cancel = cancel
hint_close = close
hint_command = command
hint_delete = delete
hint_drop = drop
hint_earlier = earlier
hint_edit = edit
hint_grab = grab
hint_help = help
hint_keep = keep
hint_later = later
hint_moderator = moderator
hint_next_field = next field
hint_people = people
hint_quit = quit
hint_room = room
hint_run = run
hint_save = save
hint_search = search
hint_speaker = speaker
hint_undo = undo
hint_view = view

# $width × $height is the terminal's size, $min_width × $min_height the smallest agora draws on.
too_small = Terminal too small: { $width }×{ $height }. agora needs at least { $min_width }×{ $min_height }. Enlarge the window; q quits.

## Lines of the help screen (?): what a key, a command or a glyph of the grid does. Each id is
## made of the first words of the English text (src/tui/words.rs `slug`).

help_cursor_down_one_grid_step_one_row = cursor down (one grid step / one row)
help_cursor_up = cursor up
help_cursor_to_the_room_on_the_left_grid = cursor to the room on the left (grid)
help_cursor_to_the_room_on_the_right_grid = cursor to the room on the right (grid)
help_page_down = page down
help_page_up = page up
help_first_row = first row
help_last_row = last row
help_go_to_a_room_by_a_part_of = go to a room by (a part of) its name
help_next_day = next day
help_previous_day = previous day
help_finer_grid_step_60_30_15_5_min = finer grid step (60/30/15/5 min)
help_coarser_grid_step = coarser grid step
help_next_conflict = next conflict
help_previous_conflict = previous conflict
help_next_view = next view
help_previous_view = previous view
help_grid_one_day_rooms_side_by_side = grid: one day, rooms side by side
help_agenda_every_session_in_time_order = agenda: every session in time order
help_speakers_and_their_sessions = speakers and their sessions
help_rooms_and_their_sessions = rooms and their sessions
help_conflicts_by_severity = conflicts by severity
help_open_jump_to_a_conflict_place_a_backlog = open: jump to a conflict, place a backlog session, or toggle details
help_show_or_hide_the_details_pane = show or hide the details pane
help_focus_the_unscheduled_backlog_grid = focus the unscheduled backlog (grid)
help_grid_find_valid_slots_for_the_session_enter = grid: find valid slots for the session (Enter places it); lists: filter the agenda
help_clear_the_agenda_filters = clear the agenda filters
help_move_the_session_one_step_later = move the session one step later
help_move_the_session_one_step_earlier = move the session one step earlier
help_move_the_session_to_the_previous_room = move the session to the previous room
help_move_the_session_to_the_next_room = move the session to the next room
help_move_the_session_to_the_next_day = move the session to the next day
help_move_the_session_to_the_previous_day = move the session to the previous day
help_make_the_session_one_step_longer = make the session one step longer
help_make_the_session_one_step_shorter = make the session one step shorter
help_grab_the_session_move_it_enter_drops_esc = grab the session: move it, Enter drops, Esc puts back
help_edit_the_session_s_fields = edit the session's fields
help_add_a_session_at_the_cursor = add a session at the cursor
help_copy_the_session = copy the session
help_paste_a_copy_at_the_cursor = paste a copy at the cursor
help_delete_the_session_u_undoes = delete the session (u undoes)
help_choose_speakers_and_moderators = choose speakers and moderators
help_undo = undo
help_redo = redo
help_star_the_session_in_your_picks = star the session in your picks
help_move_the_held_session_later = move the held session later
help_move_the_held_session_earlier = move the held session earlier
help_move_the_held_session_to_the_previous_room = move the held session to the previous room
help_move_the_held_session_to_the_next_room = move the held session to the next room
help_drop_the_session_here = drop the session here
help_put_the_session_back = put the session back
help_search_titles_speakers_and_rooms = search titles, speakers and rooms
help_next_match = next match
help_previous_match = previous match
help_save = save
help_this_help = this help
help_does_not_quit_says_how_to = does not quit: says how to
help_quit_asks_when_edits_are_unsaved = quit (asks when edits are unsaved)
help_clear_the_message_and_search = clear the message and search
help_the_last_messages_in_full = the last messages in full
help_scroll_the_details_pane_down = scroll the details pane down
help_scroll_the_details_pane_up = scroll the details pane up
help_close_without_applying_the_picker_takes_its_changes = close without applying (the picker takes its changes back)
help_run_the_command_search = run the command / search
help_delete_a_character = delete a character
help_delete_to_the_start_of_the_text_all = delete to the start of the text (all of it at the end)
help_cursor_left = cursor left
help_cursor_right = cursor right
help_a_word_left_ctrl_or_shift = a word left (Ctrl-← or Shift-←)
help_a_word_right_ctrl_or_shift = a word right (Ctrl-→ or Shift-→)
help_to_the_start_of_the_text = to the start of the text
help_to_the_end_of_the_text = to the end of the text
help_delete_the_character_under_the_cursor = delete the character under the cursor
help_delete_the_word_before_the_cursor = delete the word before the cursor
help_delete_to_the_end_of_the_text = delete to the end of the text
help_apply_the_changes = apply the changes
help_edit_the_field_in_visual_or_editor_a = edit the field in $VISUAL or $EDITOR (a long description); :edit opens it on the description
help_next_field = next field
help_previous_field = previous field
help_add_or_remove_as_speaker_or_choose_the = add or remove as speaker (or choose the filter)
help_add_or_remove_as_moderator = add or remove as moderator
help_keep_the_changes_and_close_esc_takes_them = keep the changes and close (Esc takes them back)
help_next = next
help_previous = previous
help_cancel = cancel
help_close_the_help = close the help
help_scroll_down = scroll down
help_scroll_up = scroll up
help_top = top
help_the_end = the end
help_search_the_help = search the help
help_an_error_about_this_session_see_conflicts_or = an error about this session (see Conflicts, or ]c)
help_a_warning = a warning
help_overlaps_another_session_in_the_same_room_drawn = overlaps another session in the same room (drawn side by side)
help_in_your_picks = in your picks
help_the_session_being_held_m = the session being held (m)
help_a_session_its_edge_has_the_track_s = a session; its edge has the track's colour
help_a_break_for_all_rooms = a break for all rooms
help_more_rooms_off_screen = more rooms off screen
help_the_current_time_when_the_event_is_live = the current time, when the event is live
help_unsaved_edits = unsaved edits
help_selects_a_cell_a_row_a_tab = selects a cell, a row, a tab
help_scrolls_over_the_details_pane_the_details = scrolls (over the details pane: the details)
help_save_and_quit = save and quit
help_quit_refused_with_unsaved_edits = quit (refused with unsaved edits)
help_quit_dropping_unsaved_edits = quit, dropping unsaved edits
help_grid_cursor_to_that_time = grid cursor to that time
help_show_the_second_day = show the second day
help_rooms_the_grid_shows_the_picker_only_those = rooms the grid shows (the picker · only those · every room)
help_grid_step_in_minutes_5_15_30_60 = grid step in minutes (5, 15, 30, 60)
help_add_a_room = add a room
help_add_a_speaker = add a speaker
help_agenda_filters_without_arguments_the_picker = agenda filters (without arguments: the picker)
help_export_what_is_on_screen = export what is on screen
help_the_last_messages_in_full_also_g = the last messages in full (also g<)

## Questions (the letters in parentheses are the keys that answer)

prompt_quit = Unsaved edits. (w)rite and quit, (d)iscard them and quit, or (c)ancel?
prompt_overwrite = { $paths } changed on disk since it was loaded. (r)eload it (drop your edits), (k)eep mine (merged item by item with the changes on disk), or (c)ancel?
prompt_restore = Unsaved edits from { $when } were recovered ({ $reason }). (r)estore them, (d)iscard the recovery file, or (i)gnore for now?
prompt_conflict = Conflict { $index } of { $total }: { $what }. Keep (m)ine, (t)heirs (the other version), or (c)ancel?
prompt_delete_item = { $sessions ->
    [one] { $sessions } session names
   *[other] { $sessions } sessions name
} the { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} { $name }. (u)nassign them and delete it, (d)elete it and keep the references (agora check reports them), or (c)ancel?
prompt_other_editor = Another agora has this event open ({ $who }). Open (r)ead-only, (o)pen anyway, or (q)uit?
prompt_other_who = process { $pid } of user { $user } on { $host }, started { $started }
prompt_one_of_recoveries = ; 1 of { $count } recovery files
prompt_changed_since = ; the event changed on disk since: restoring merges your edits with those changes
prompt_title = Question

## The session form: field labels (at most 12 characters), what an empty field shows, messages

form_label_title = title
form_label_kind = kind
form_label_track = track
form_label_room = room
form_label_start = start
form_label_duration = duration
form_label_expected = expected
form_label_requires = requires
form_label_status = status
form_label_description = description
form_label_speakers = speakers
form_label_moderators = moderators
form_label_tags = tags
form_label_language = language
form_label_url = url
form_label_plenary = plenary
form_label_allow = allow
form_hint_title = the session's title
form_hint_kind = talk, keynote, panel, workshop, roundtable, break, social, other
form_hint_track = track id or name (empty: none)
form_hint_room = room id or name (empty: unscheduled)
form_hint_duration = minutes, or 1h30
form_hint_expected = expected attendance (empty: unknown)
form_hint_requires = features, comma-separated
form_hint_status = confirmed, tentative or cancelled
form_hint_description = a paragraph (empty: none)
form_hint_speakers = speaker ids, comma-separated (s picks them)
form_hint_moderators = moderator ids, comma-separated
form_hint_tags = tags, comma-separated
form_hint_language = BCP 47 tag, e.g. fr or en-GB (empty: the event's)
form_hint_url = https://… (empty: none)
form_hint_plenary = yes or no (yes: the whole event attends)
form_hint_allow = rule codes accepted for it, comma-separated
form_hint_start = { $day } 14:00 or 14:00 (empty: unscheduled)
form_title = Edit { $title }
form_title_none = Edit
form_keys = Tab/↓ next · ↑ back · Enter applies · Esc cancels · ←→ Ctrl-a/e/w/k/u edit
form_error_title = a session needs a title
form_error_start = `{ $text }` is not a date and time: write { $day } 14:00, or 14:00 for that day (02:15+01:00 with an offset)
form_error_duration = `{ $text }` is not a duration: write minutes (90) or hours and minutes (1h30), at least 1 minute
form_error_needs_duration = a scheduled session needs a duration (minutes)
form_error_expected = `{ $text }` is not a number of people: write a whole number, 0 or more
form_error_language = `{ $text }` is not a language tag ({ $problem }): write e.g. fr or en-GB
form_error_yes_no = `{ $text }`: write yes or no
form_did_you_mean = did you mean `{ $name }`?
form_none_yet = there is no { $what } yet
form_one_of = one of: { $list }
form_give = give a { $what }: { $hint }
form_unknown = unknown { $what } `{ $text }`: { $hint }

## Quotation marks around a name or a title

quoted = '{ $text }'

## Why an edit cannot be made (src/edit/error.rs); $title and $name come quoted

edit_no_session = No session selected
edit_no_item = no { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} selected
edit_not_placed = { $title } has no start yet: place it first (m, or e to edit it)
edit_cannot_shorten = { $title } cannot be shorter
edit_no_length = { $title } has no length to shorten
edit_already_there = { $title } is already there
edit_speaker_name = give the speaker's name
edit_room_name = give the room's name, e.g. :room Salle Rhône 160
edit_track_name = give the track's name, e.g. :track Données publiques
edit_room_taken = there is already a room named { $name } (id { $id }): give the new room another name
edit_track_taken = there is already a track named { $name } (`{ $id }`)
edit_invalid_id = `{ $id }` is not a valid id: use lowercase letters, digits, `-`, `_` and `.`
edit_invalid_id_example = `{ $id }` is not a valid id: use lowercase letters, digits, `-`, `_` and `.`, e.g. `{ $example }`
edit_id_taken = another { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} already has the id `{ $id }`
edit_needs_name = a { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} needs a name

## The forms of a room, a speaker, a track: field labels, what an empty field shows, messages

item_label_id = id
item_label_name = name
item_label_capacity = capacity
item_label_features = features
item_label_accessible = accessible
item_label_location = location
item_label_open = open
item_label_affiliation = affiliation
item_label_role = role
item_label_bio = bio
item_label_email = email
item_label_url = url
item_label_available = available
item_label_color = color
item_label_description = description
item_hint_room_id = lowercase id, used by sessions (renaming updates them)
item_hint_room_name = the room's name
item_hint_room_capacity = seats (empty: unknown)
item_hint_room_features = projector, stream, … comma-separated
item_hint_room_accessible = yes or no
item_hint_room_location = where it is (empty: none)
item_hint_room_open = { $day } 08:00-19:00; … (empty: always, never: closed)
item_hint_speaker_id = lowercase id, used by sessions (renaming updates them)
item_hint_speaker_name = the person's name
item_hint_speaker_affiliation = organisation (empty: none)
item_hint_speaker_role = their role (empty: none)
item_hint_speaker_bio = a few lines (empty: none)
item_hint_speaker_email = name@example.org (empty: none)
item_hint_speaker_url = https://… (empty: none)
item_hint_speaker_available = { $day } 13:00-18:00; … (empty: always, never: never)
item_hint_track_id = lowercase id, used by sessions (renaming updates them)
item_hint_track_name = the track's name
item_hint_track_color = #rrggbb (empty: none)
item_hint_track_description = a sentence (empty: none)
item_title = Edit { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} { $name }
item_error_seats = `{ $text }` is not a number of seats
item_error_email = `{ $text }` is not an email address
item_error_colour = `{ $text }` is not a colour: write #rrggbb, e.g. #2a7ab0

## The details pane (i) and the backlog of unscheduled sessions (b)

details_title = {" "}Details{" "}
details_empty = No session yet: a adds one at the cursor.
details_none_here = No session here. Move onto one (hjkl), or a adds one at the cursor.
details_not_placed = not placed
details_seats = { $room } ({ $seats } seats)
details_unknown_room = { $room } (unknown room)
details_all_rooms = all rooms
details_no_room_value = none
details_no_conflict = no conflict
details_plenary = plenary
details_field_when = when
details_field_room = room
details_field_track = track
details_field_speakers = speakers
details_field_moderators = moderators
details_field_expected = expected
details_field_requires = requires
details_field_language = language
details_field_interpretation = interpretation
backlog_title = {" "}Unscheduled ({ $count }) · b{" "}
backlog_no_time_no_room = no time, no room
backlog_no_time = no time
backlog_no_room = no room
backlog_unknown_room = unknown room

## The list views: titles, filters, headings

list_agenda_title = Agenda · { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
}
list_filter_or = {" "}or{" "}
list_filter_day = day
list_filter_room = room
list_filter_track = track
list_filter_speaker = speaker
list_filter_kind = kind
list_filter_status = status
list_filter_picks = my picks
list_filter_conflicts = with conflicts
list_filter_changed = changed since { $since } (★ new → moved ✎ changed ✕ cancelled)
list_no_filters = {" "}· f filters
list_filters = {" "}· filters: { $filters } (F clears)
list_speakers_title = Speakers · { $count } people · their sessions and conflicts
list_rooms_title = Rooms · { $count } rooms · their sessions and conflicts
list_conflicts_title = Conflicts · { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $infos } info · Enter shows the session, ]c [c walk them
list_not_on_grid = Not on the grid: unplaced, cancelled, or with invalid times
list_seats = {" "}— { $seats } seats
list_errors = Errors
list_warnings = Warnings
list_infos = Info
list_role_speaker = speaker
list_role_moderator = moderator
list_no_time = no time
list_all_rooms = all rooms
list_no_room = no room

## Help screen, messages, pickers, grid

help_nothing_matches = Nothing in the help matches `{ $query }`
help_footer = / searches · j k scroll · gg G top and end · Esc, q or ? closes
help_title_search = Keys — /{ $query }█
help_title = Keys — from the live keymap
help_read_only_w_is_refused_w_saves_anyway = read-only: :w is refused, :w! saves anyway
help_command_line_w_w_q_q_wq_wq = command line: :w :w! :q :q! :wq :wq! :e :e! :export FORMAT [PATH] :goto 14:00 :day 2 :room NAME :speaker NAME
help_suspend_to_the_shell_from_any_mode_fg = suspend to the shell, from any mode (fg comes back to it)
help_the_earlier_command_on_or_search_on = the earlier command (on :) or search (on /)
help_the_later_command_or_search_past_the_last = the later command or search (past the last: what you were typing)
help_the_same_as_q_q_wq = the same as :q, :q!, :wq
help_save_even_a_read_only_file_or_session = save even a read-only file or session [RO], over changes on disk
help_the_same_as_w_and_quit = the same as :w!, and quit
help_read_the_event_again_from_disk_refused_with = read the event again from disk (refused with unsaved edits)
help_read_the_event_again_from_disk_dropping_unsaved = read the event again from disk, dropping unsaved edits
help_text_in_a_field_or_on_the_and = text in a field or on the : and / lines; ignored in normal mode
messages_title = Messages — Esc closes
picker_people_title = People of { $title }
picker_people_keys = Enter speaker · Tab moderator · Ctrl-y keeps · Esc undoes
picker_filter_title = Filter the agenda
picker_filter_keys = Enter: filter on/off · Esc closes
picker_slots_title = Valid slots for { $title }
picker_slots_keys = Enter: place it there (u undoes) · Esc closes
picker_room_title = Go to a room
picker_room_keys = type a part of its name · Enter goes there · Esc closes
picker_new_speaker = + Enter adds a new speaker “{ $name }”
picker_no_match = no match
grid_no_day = This event has no day to show.
grid_rooms_shown = { $shown } of { $all } rooms
grid_step = step { $step } min · { $from }–{ $to }{" "}
grid_no_rooms = No rooms yet: :room NAME [CAPACITY] adds one

## Messages of the status line

msg_add_cancelled = Add cancelled
msg_edit_cancelled = Edit cancelled
msg_no_change = No change
msg_some_fields_need_fixing_marked_esc_cancels = Some fields need fixing (marked ✗); Esc cancels
msg_back_from_the_editor_no_change = Back from the editor: no change
msg_back_from_the_editor_enter_applies_the_form = Back from the editor: Enter applies the form, Esc cancels it
msg_no_session_selected_edit_opens_the_selected_session = No session selected: :edit opens the selected session's description
msg_unsaved_edits_w_saves_wq_saves_and_quits = Unsaved edits: :w saves, :wq saves and quits, :q! quits without saving
msg_filters_cleared = Filters cleared
msg_unsaved_edits_a_release_is_made_of_the = Unsaved edits: a release is made of the saved files — :w first, then :release
msg_no_release_yet_release_name_freezes_the_saved = No release yet: :release NAME freezes the saved program
msg_no_changes_to_save = No changes to save
msg_no_conflicts = No conflicts
msg_no_unscheduled_session = No unscheduled session
msg_put_back = Put back
msg_no_session_selected_move_onto_one_or_press = No session selected: move onto one, or press a to add one
msg_no_session_selected_to_copy = No session selected to copy
msg_no_session_selected_to_delete = No session selected to delete
msg_no_session_selected = No session selected
msg_nothing_to_undo = Nothing to undo
msg_nothing_to_redo = Nothing to redo
msg_no_session_selected_to_star = No session selected to star
msg_ctrl_c_does_not_quit_agora_q_quits = Ctrl-c does not quit agora: q quits (it asks about unsaved edits), :q! drops them
msg_no_messages_yet = No messages yet
msg_no_rooms_yet_add_one_with_room_name = No rooms yet: add one with :room NAME [CAPACITY]
msg_no_room_further_that_way = No room further that way
msg_no_session_selected_to_grab = No session selected to grab
msg_cannot_place_it_here_the_event_has_no = Cannot place it here: the event has no day or no room
msg_dropped_where_it_was = Dropped where it was
msg_nothing_copied_y_copies_the_selected_session = Nothing copied: y copies the selected session
msg_speakers_and_moderators_unchanged = Speakers and moderators unchanged
msg_the_recovery_file_is_kept_it_is_offered = The recovery file is kept; it is offered again next time
msg_read_only_saving_is_off_while_the_other = Read-only: saving is off while the other agora has the event
msg_opened_anyway_a_change_the_other_agora_saves = Opened anyway: a change the other agora saves is merged item by item when you save
msg_not_saved_your_edits_are_still_here = Not saved: your edits are still here
msg_back_from_the_shell = Back from the shell
msg_recovery_file_discarded = Recovery file discarded
msg_reloaded_from_disk_your_unsaved_edits_were_dropped = Reloaded from disk; your unsaved edits were dropped
msg_not_restored_the_recovery_file_is_kept_for = Not restored: the recovery file is kept for next time
msg_recovered_edits_restored_u_undoes_them_save_with = Recovered edits restored (u undoes them); save with :w
msg_the_recovery_file_matched_the_event_nothing_to = The recovery file matched the event: nothing to restore
msg_your_edits_were_already_on_disk_nothing_to = Your edits were already on disk: nothing to save
msg_read_only_another_agora_is_editing_this_event = Read-only: another agora is editing this event; saving comes back when it quits. :w! saves anyway
msg_no_search_searches_titles_speakers_and_rooms = No search: / searches titles, speakers and rooms
msg_no_session_selected_f_finds_valid_slots_for = No session selected: f finds valid slots for the selected session

## Messages of the status line, with values

msg_copied = Copied { $title } — p pastes it at the cursor
msg_undone = Undone: { $what }
msg_redone = Redone: { $what }
msg_unstarred = Unstarred { $title }
msg_starred = Starred { $title } in your picks
msg_holding = Holding { $title } at { $where }{ $level ->
    [none] {""}
   *[other] {" — "}{ $level } conflict
}: Enter drops, Esc puts back
msg_where = { $day } { $time }, { $room }
msg_where_no_time = no time, { $room }
msg_moved = Moved { $title } to { $where }
msg_edge_room_backlog = { $edge }; b focuses the unscheduled sessions
msg_last_room = Last room
msg_first_room = First room
msg_last_day = Last day
msg_first_day = First day
msg_step_stays = Grid step stays { $step } minutes
msg_step = Grid step: { $step } minutes
msg_no_match = No match for `{ $query }`
msg_released = Released { $name }: calendars and agendas exported from now on follow it (agora export)
msg_saved = Saved { $files }
msg_not_saved = Not saved: { $reason }
msg_cannot_restore = Cannot restore: { $reason }
msg_not_saved_kept = Not saved: { $reason }; your edits are still here
slots_all_rooms = all rooms
slots_warnings = { $count ->
    [0] no warning
    [one] 1 warning: { $codes }
   *[other] { $count } warnings: { $codes }
}
msg_no_item_named = no { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} has the id or name `{ $what }`

## Agenda notes, filters, pickers

note_no_sessions = No sessions yet: press a to add one.
note_no_filter_match = No session matches the filters (F clears them).
note_no_session = no session
note_no_speakers = No speakers yet: add one with :speaker NAME.
note_no_rooms = No rooms yet: add one with :room NAME [CAPACITY].
note_no_conflicts = No conflicts: the program checks clean.
filter_no_match = no { $what ->
    [room] room
    [track] track
   *[speaker] speaker
} matches `{ $value }`: { $known }
filter_bad_day = day={ $value }: give a day number, 1 to { $days }
filter_bad_kind = unknown kind `{ $value }`: one of { $known }
filter_bad_status = unknown status `{ $value }`: one of { $known }
filter_bad_language = language={ $value }: give a language tag, for example language=fr
filter_unknown = unknown filter `{ $name }`: day=, room=, track=, speaker=, kind=, status=, language=, picks, conflicts
msg_width = Grid columns at least { $width } cells wide (:width alone: the default)
msg_outside_grid = { $time } is outside the grid of this day ({ $from }–{ $to })
msg_days = there are { $days } days: :day 1 to :day { $days }
msg_speaker_namesake = Added a second { $name }: another speaker ({ $id }) already has this name (u undoes it)
msg_in_hidden_room = It is in { $name }, which the grid hides (:rooms all shows it)
msg_recovery_elsewhere = The event's folder cannot take the recovery file: your unsaved edits are kept in { $path }
msg_search_match = /{ $query } — match { $index }/{ $count }: { $title }
msg_rooms_none_yet = No rooms yet: add one with :room NAME [CAPACITY]
msg_rooms_all_shown = All { $all } rooms shown
msg_rooms_some_shown = { $note } shown
msg_rooms_keep_one = The grid shows at least one room
msg_not_saved_read_only_file = Not saved: { $files } is read-only (you have no write permission). :w! writes it anyway (its mode is kept)
msg_file_read_only = { $files } is read-only: :w is refused, :w! writes it anyway
msg_other_editor_quit = The other agora has quit: saving is back (:w saves)
msg_files_gone = { $files } is gone from disk (removed or renamed); your edits are still here. :w writes it again
msg_room = Room { $name }
msg_room_shown_again = Room { $name } (shown again)
msg_field_not_edited = The field was not edited: { $reason }
picker_only_picks = only my picks (*)
picker_only_conflicts = only with conflicts (✗ ▲)
picker_day = day: { $value }
picker_room = room: { $value }
picker_track = track: { $value }
picker_speaker = speaker: { $value }
picker_kind = kind: { $value }
picker_status = status: { $value }

## Errors of the command line (:)

cmd_no_argument = :{ $name } takes no argument
cmd_export_unexpected = unexpected `{ $word }`: :export FORMAT [PATH] [--picks]
cmd_export_give = give a format: :export FORMAT [PATH] [--picks], FORMAT one of { $formats }
cmd_export_unknown = unknown export format `{ $format }`: one of { $formats }
cmd_bad_width = `{ $value }` is not a column width: :width { $min } to 200 cells (:width alone: the default)
cmd_bad_time = `{ $value }` is not a time: write :goto 14:00
cmd_bad_day = `{ $value }` is not a day number: write :day 2 for the second day
cmd_bad_step = `{ $value }` is not a grid step: one of { $steps } minutes
cmd_track_name = give the track's name: :track Données publiques
cmd_item_name = give the { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
}'s id or name: :{ $command } { $example }
cmd_room_name = give the room's name: :room Salle Rhône 160
cmd_speaker_name = give the speaker's name: :speaker Ada Lovelace
cmd_release_name = give the release's name: :release v2 [comment]
cmd_empty = type a command after `:`, e.g. :w
cmd_unknown = unknown command `:{ $name }` — try :w, :q, :wq, :q!, :export FORMAT, :goto 14:00, :day 2, :room NAME, :speaker NAME, :release NAME, :diff (? lists keys)

## Exports, releases and reloads from the editor

export_unknown_format = unknown export format `{ $format }`
export_no_picks = no picks to export: star sessions with * first
export_done_file = Exported { $format } to { $path }
export_done_folder = Exported { $count ->
    [one] { $count } file
   *[other] { $count } files
} into { $folder }: { $files }
changes_none_since = No change since release { $release }
changes_since = Since release { $release }: { $summary }
msg_cannot_reload = Cannot reload: the file on disk does not load ({ $problem }); your edits are kept
msg_disk_does_not_load = the file on disk does not load ({ $problem })
msg_picks_kept = `{ $path }` could not be read, so it was kept as `{ $kept }`; your picks are saved in a new `{ $path }`

## Releases, locked and event-wide sessions, filters

release_store_unreadable = the release store cannot be read: { $place }{ $problem } (see `agora releases`)
release_does_not_load = the event on disk does not load: fix it (agora check) before releasing
release_errors = not releasing: { $errors } error-level conflict(s) (see the conflicts view); `agora release --force` releases anyway
release_changed_on_disk = the event changed on disk
msg_locked = { $title } is locked (locked = true): it stays where it is
msg_first_day_only = { $title } is on the event's first day: it cannot move earlier
msg_last_day_only = { $title } is on the event's last day: it cannot move later
msg_event_wide = { $title } is for all rooms (an event-wide { $kind }): give it a room with e
msg_filter_count = { $count ->
    [one] { $count } session matches the filters (F clears them)
   *[other] { $count } sessions match the filters (F clears them)
}
msg_changes_listed = { $summary } — the agenda lists what changed (Enter goes to a session, :nofilter shows all)
grid_all_rooms = {" "}· all rooms

## Dates of the grid and the lists: CLDR patterns (E weekday, d day, MMM month, y year), filled with the language's CLDR names

date_pattern = EEE d MMM
date_pattern_year = EEE d MMM y

## Printed on the terminal when the editor stopped (a crash, a signal)

stopped_saved = agora stopped ({ $reason }); your unsaved edits are in { $path }.
    Run `agora { $event }` to restore them.
stopped_nothing = agora stopped ({ $reason }); there were no unsaved edits.
stopped_unwritten = agora stopped ({ $reason }) and could not write the recovery file: { $problem }
stopped_busy = agora stopped ({ $reason }) while busy; your unsaved edits, as they were when it got busy, are in { $path }
stopped_busy_nothing = agora stopped ({ $reason }) while busy; there was no recovery file to leave (no unsaved edits when it got busy)

## What an edit did (the status line after a change, u and Ctrl-r)

did_a_session = a session
did_move = moved { $title }
did_resize = resized { $title }
did_reassign = moved { $title } to room { $room }
did_unroom = took { $title } out of its room
did_set_field = changed `{ $key }` of { $title }
did_add_session = added { $title }
did_remove_session = deleted { $title }
did_replace_session = restored { $title }
did_add_person = added { $id } as { $role ->
    [moderator] moderator
   *[speaker] speaker
} of { $title }
did_remove_person = removed { $id } as { $role ->
    [moderator] moderator
   *[speaker] speaker
} of { $title }
did_add_item = added { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} { $name }
did_remove_item = removed { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} { $name }
did_change_item = changed { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} { $name }
did_renamed = { $from } (now { $to })
did_people = changed the speakers and moderators of { $title }
did_new_speaker = added speaker { $name } as { $role ->
    [moderator] moderator
   *[speaker] speaker
} of { $title }

## Forms on a short screen: how many fields are out of view

form_more_below = ↓ { $below } more
form_more_above = ↑ { $above } more
form_more_both = ↑ { $above } more · ↓ { $below } more
