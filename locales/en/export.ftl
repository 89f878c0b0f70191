# Words of the published programme (HTML, Markdown, text, calendars, signage): English.
# Every language has the same messages; docs/languages.md explains each one and how to check a
# catalogue (`cargo test --test it catalogues`).

## Agenda labels

program = Programme
days = Days
time = Time
room = Room
session = Session
track = Track
tracks = Tracks
speakers = Speakers
moderators = Moderators
# The heading of the index of people at the end of the agenda.
speakers_index = Speakers
sessions = Sessions
details = Details
description = Description
link = Link
tags = Tags
add_to_calendar = Add to calendar
whole_program_ics = The whole programme in your calendar (.ics)
cancelled = Cancelled
tentative = To be confirmed
plenary = Plenary
# Where an event-wide session (a break for all) takes place.
everyone = Everyone
unscheduled = Not yet scheduled
times_in = Times are local
# The note under the dates: times_in, then the time zone: "Times are local (Europe/Paris)".
times_note = { $times } ({ $zone })
times_in_utc = Times are in UTC
legend = Tracks
skip_to_content = Skip to the programme
no_sessions = No sessions.
published_with = Programme published with agora.
# Between a label and its value ("Speakers: …"); the spaces count, write them in quotes.
colon = {": "}
mark_new = New
mark_moved = Moved
mark_changed = Changed
mark_cancelled = Cancelled since the last release
changes = Changes to the programme
# A session's language, and the languages it is interpreted into.
language = Language
languages = Languages
interpretation = Interpretation
# Between the items of a list (people, languages, tags); quote it to keep its space.
list_separator = {", "}
# The interactive HTML agenda: search, filters, favourites, per-room and per-track pages.
search = Search
search_hint = Title, speaker, room
day = Day
# The filter of session kinds (talk, workshop, …).
kind = Kind
# The first choice of every filter.
all = All
condensed = Condensed view
# The star button of a session, followed by its title.
favourite = Favourite
my_agenda = My favourites only
download_mine = Download my favourites (.ics)
my_time_zone = Times in my time zone
no_match = No session matches.
jump_to_time = Jump to a time
room_page = Every session in the room
track_page = Every session of the track
filters = Filters
# Whether a room has step-free access (a ♿ mark reads the first aloud; the second is shown).
accessible = Wheelchair accessible
not_accessible = Not wheelchair accessible
# The calendar link of a filtered agenda (`--room`, `--day`…).
selection_ics = These sessions in your calendar (.ics)
# Beside the download, the `webcal://` link that keeps a calendar up to date.
subscribe = Subscribe (your calendar stays up to date)
# On a part's page (`--split`) and on a room's or a track's page, the link to the whole
# programme's page.
whole_program_page = The whole programme
# Captions of the QR codes of the agenda's address and of its calendar feed.
qr_agenda = This programme on your phone
qr_calendar = Subscribe from your phone

## Session kinds

kind_talk = Talk
kind_keynote = Keynote
kind_panel = Panel
kind_workshop = Workshop
kind_roundtable = Round table
kind_break = Break
kind_social = Social
kind_other = Other

## Dates and times. $day, $time, $start and $end are already written in the language's own
## date and time formats (from CLDR); only the words and punctuation around them are yours.

# "Tuesday, December 5 at 9:00 AM"
day_at = { $day } at { $time }
# A day and a time range, in the index of speakers: "Tuesday, December 5, 9:00 AM–10:30 AM".
day_time = { $day }, { $time }
# How a date with its year and weekday is written (day titles, a session's day): `long` is
# CLDR's long date ("Tuesday, December 5, 2017"); or write a CLDR date pattern, whose names
# and digits come from CLDR: Japanese takes CLDR's yMMMEd form `y年M月d日(E)` ("2017年12月5日(火)").
# A setting agora reads, not words it shows.
day_title_style = long
# Two dates that differ in one field: "5–6 December 2017" is { $start } = "5", { $end } = "6 December 2017".
date_range_tight = { $start }–{ $end }
# Two dates that differ in more: "30 November – 1 December 2017".
date_range_wide = { $start } – { $end }
# "14:00–15:30"
time_range = { $start }–{ $end }
# Two times that carry their UTC offsets, across a daylight-saving change: "02:30 CEST – 02:00 CET".
time_range_wide = { $start } – { $end }
# The calendar link on one part's page (`--split`): { $name } is a speaker's, room's or track's name.
part_ics = The sessions of { $name } in your calendar (.ics)
# The name of a language, from its tag (a session's `language`); other tags are shown as written.
language_name = { $tag ->
    [ar] Arabic
    [de] German
    [en] English
    [es] Spanish
    [fr] French
    [it] Italian
    [ja] Japanese
    [nl] Dutch
    [pl] Polish
    [pt] Portuguese
    [zh] Chinese
   *[other] { $tag }
}

## Signage: { $value } stands for what agora fills in (a duration, a room, a time).

signage_now = Now
signage_next = Next
signage_in_ = in { $value }
signage_left = { $value } left
signage_moved_to = Moved to { $value }
signage_moved_from = Moved from { $value }
signage_free_until = Free until { $value }
signage_done_today = Nothing more today in this room
signage_none_today = No session in this room today
signage_later_here = Next here: { $value }
signage_starts = The event starts on { $value }
signage_ended = The event is over. Thank you!
signage_rooms = Rooms
signage_until = until
signage_clock = Time

## The changelog: changes.html, changes.atom and CHANGES.md. $event is the event's name.

changes_md_title = Changes to { $event }
changes_page_title = { $event } — changes
changes_feed_title = { $event } — releases
# The title of the feed's link in the page's head.
changes_releases = Releases
changes_back = Back to the program
changes_atom = Atom feed
# When a release was made, in UTC: $date is the long date, $time the clock.
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] First release: { $sessions } session.
   *[other] First release: { $sessions } sessions.
}
# The name of the changes made since the last release.
change_unreleased = unreleased changes
change_none = No changes.
# The counts ($summary) as a sentence.
change_sentence = { $summary }.
# Numbers of sessions: $new, $cancelled, $removed and $changed.
change_summary = { $new } new, { $cancelled } cancelled, { $removed } removed, { $changed } changed
# Follows change_summary when rooms, speakers or tracks changed.
change_summary_items = ; { $rooms } room, { $speakers } speaker and { $tracks } track change(s)
# Between the field changes of one session.
change_separator = {"; "}
# A title or a name in a change line.
change_quoted = "{ $text }"
# A field that had no value, or has none now.
change_no_value = none
# $people is "+Name -Name": who was added and who was removed.
change_people = { $field } { $people }
change_description = description changed
# $field is one of the change_field_ words; $old and $new its values.
change_field = { $field } { $old } → { $new }
# Minutes.
change_duration = { $field } { $old } → { $new } min
# What happened to a session.
change_kind_new = new
change_kind_cancelled = cancelled
change_kind_removed = removed
change_kind_changed = changed
change_kind_moved = moved
# What happened to a room, a speaker or a track: $kind is room, speaker or track (choose the word
# with a selector), $id its id, $name (or $old and $new) its quoted name.
change_item_added = { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} added { $id } { $name }
change_item_removed = { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} removed { $id } { $name }
change_item_renamed = { $kind ->
    [room] room
    [speaker] speaker
   *[track] track
} renamed { $id } { $old } → { $new }
# The fields of a session.
change_field_status = status
change_field_day = day
change_field_time = time
change_field_room = room
change_field_duration = duration
change_field_title = title
change_field_speakers = speakers
change_field_moderators = moderators
change_field_track = track
change_field_kind = kind
change_field_language = language
change_field_description = description
change_field_url = url

## Durations on the signage ("in 12 min", "1 h 05 left"): $days, $hours and $minutes are
## numbers (choose plural forms with them), $mm is the minutes in two digits ("05").

span_minutes = { $minutes } min
span_hours = { $hours } h { $mm }
span_days = { $hours ->
    [0] { $days } d
   *[other] { $days } d { $hours } h
}

## Column names of the spreadsheet CSV (`--excel`); the plain CSV keeps its English column
## names (a documented contract, docs/exports.md).

csv_id = ID
csv_title = Title
csv_kind = Kind
csv_status = Status
csv_date = Date
csv_start_time = Start time
csv_end_time = End time
csv_start = Start
csv_end = End
csv_start_utc = Start (UTC)
csv_end_utc = End (UTC)
csv_duration_minutes = Duration (minutes)
csv_room_id = Room ID
csv_room = Room
csv_track_id = Track ID
csv_track = Track
csv_speakers = Speakers
csv_moderators = Moderators
csv_tags = Tags
csv_url = Link
csv_description = Description
csv_uid = Calendar UID
