# Wörter des veröffentlichten Programms: Deutsch. Dieselben Meldungen wie locales/en/export.ftl; siehe docs/languages.md.

program = Programm
days = Tage
time = Uhrzeit
room = Raum
session = Programmpunkt
track = Themenbereich
tracks = Themenbereiche
speakers = Vortragende
moderators = Moderation
speakers_index = Vortragende
sessions = Programmpunkte
details = Details
description = Beschreibung
link = Link
tags = Schlagwörter
add_to_calendar = Zum Kalender hinzufügen
whole_program_ics = Das ganze Programm in Ihrem Kalender (.ics)
cancelled = Abgesagt
tentative = Noch nicht bestätigt
plenary = Plenum
everyone = Für alle
unscheduled = Noch nicht eingeplant
times_in = Alle Zeiten in Ortszeit
times_note = { $times } ({ $zone })
times_in_utc = Alle Zeiten in UTC
legend = Themenbereiche
skip_to_content = Zum Programm springen
no_sessions = Keine Programmpunkte.
published_with = Programm veröffentlicht mit agora.
colon = {": "}
mark_new = Neu
mark_moved = Verlegt
mark_changed = Geändert
mark_cancelled = Seit der letzten Fassung abgesagt
changes = Änderungen am Programm
language = Sprache
languages = Sprachen
interpretation = Verdolmetschung
list_separator = {", "}
search = Suchen
search_hint = Titel, Vortragende, Raum
day = Tag
kind = Art
all = Alle
condensed = Kompakte Ansicht
favourite = Favorit
my_agenda = Nur meine Favoriten
download_mine = Meine Favoriten herunterladen (.ics)
my_time_zone = Zeiten in meiner Zeitzone
no_match = Kein Programmpunkt passt.
jump_to_time = Zu einer Uhrzeit springen
room_page = Alle Programmpunkte in diesem Raum
track_page = Alle Programmpunkte dieses Themenbereichs
filters = Filter
accessible = Rollstuhlgerecht
not_accessible = Nicht rollstuhlgerecht
selection_ics = Diese Programmpunkte in Ihrem Kalender (.ics)
subscribe = Abonnieren (Ihr Kalender bleibt aktuell)
whole_program_page = Das ganze Programm
qr_agenda = Dieses Programm auf Ihrem Handy
qr_calendar = Vom Handy aus abonnieren
kind_talk = Vortrag
kind_keynote = Keynote
kind_panel = Podiumsdiskussion
kind_workshop = Workshop
kind_roundtable = Gesprächsrunde
kind_break = Pause
kind_social = Geselliges Beisammensein
kind_other = Sonstiges
day_at = { $day } um { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = Das Programm von { $name } in Ihrem Kalender (.ics)
language_name = { $tag ->
    [ar] Arabisch
    [de] Deutsch
    [en] Englisch
    [es] Spanisch
    [fr] Französisch
    [it] Italienisch
    [ja] Japanisch
    [nl] Niederländisch
    [pl] Polnisch
    [pt] Portugiesisch
    [zh] Chinesisch
   *[other] { $tag }
}
signage_now = Jetzt
signage_next = Danach
signage_in_ = in { $value }
signage_left = noch { $value }
signage_moved_to = Verlegt nach { $value }
signage_moved_from = Verlegt aus { $value }
signage_free_until = Frei bis { $value }
signage_done_today = Heute nichts mehr in diesem Raum
signage_none_today = Heute kein Programmpunkt in diesem Raum
signage_later_here = Als Nächstes hier: { $value }
signage_starts = Die Veranstaltung beginnt am { $value }
signage_ended = Die Veranstaltung ist zu Ende. Vielen Dank!
signage_rooms = Räume
signage_until = bis
signage_clock = Uhrzeit

## Änderungsprotokoll: changes.html, changes.atom und CHANGES.md.

changes_md_title = Änderungen am Programm von { $event }
changes_page_title = { $event } – Änderungen
changes_feed_title = { $event } – Fassungen
changes_releases = Fassungen
changes_back = Zurück zum Programm
changes_atom = Atom-Feed
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] Erste Fassung: { $sessions } Programmpunkt.
   *[other] Erste Fassung: { $sessions } Programmpunkte.
}
change_unreleased = unveröffentlichte Änderungen
change_none = Keine Änderungen.
change_sentence = { $summary }.
change_summary = { $new } neu, { $cancelled } abgesagt, { $removed } entfernt, { $changed } geändert
change_summary_items = ; Änderungen an { $rooms } { $rooms ->
    [one] Raum
   *[other] Räumen
}, { $speakers } { $speakers ->
    [one] Vortragenden
   *[other] Vortragenden
} und { $tracks } { $tracks ->
    [one] Themenbereich
   *[other] Themenbereichen
}
change_separator = {"; "}
change_quoted = „{ $text }“
change_no_value = keiner
change_people = { $field } { $people }
change_description = Beschreibung geändert
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } Min.
change_kind_new = neu
change_kind_cancelled = abgesagt
change_kind_removed = entfernt
change_kind_changed = geändert
change_kind_moved = verlegt
change_item_added = { $kind ->
    [room] Raum
    [speaker] Vortragende(r)
   *[track] Themenbereich
} hinzugefügt: { $id } { $name }
change_item_removed = { $kind ->
    [room] Raum
    [speaker] Vortragende(r)
   *[track] Themenbereich
} entfernt: { $id } { $name }
change_item_renamed = { $kind ->
    [room] Raum
    [speaker] Vortragende(r)
   *[track] Themenbereich
} umbenannt: { $id } { $old } → { $new }
change_field_status = Status
change_field_day = Tag
change_field_time = Uhrzeit
change_field_room = Raum
change_field_duration = Dauer
change_field_title = Titel
change_field_speakers = Vortragende
change_field_moderators = Moderation
change_field_track = Themenbereich
change_field_kind = Art
change_field_language = Sprache
change_field_description = Beschreibung
change_field_url = Link

## Dauern der Anzeige („in 12 Min.“)

span_minutes = { $minutes } Min.
span_hours = { $minutes ->
    [0] { $hours } Std.
   *[other] { $hours } Std. { $minutes } Min.
}
span_days = { $hours ->
    [0] { $days } { $days ->
        [one] Tag
       *[other] Tage
    }
   *[other] { $days } { $days ->
        [one] Tag
       *[other] Tage
    } { $hours } Std.
}

## CSV (--excel)

csv_id = ID
csv_title = Titel
csv_kind = Art
csv_status = Status
csv_date = Datum
csv_start_time = Beginn (Uhrzeit)
csv_end_time = Ende (Uhrzeit)
csv_start = Beginn
csv_end = Ende
csv_start_utc = Beginn (UTC)
csv_end_utc = Ende (UTC)
csv_duration_minutes = Dauer (Minuten)
csv_room_id = Raum-ID
csv_room = Raum
csv_track_id = Themenbereich-ID
csv_track = Themenbereich
csv_speakers = Vortragende
csv_moderators = Moderation
csv_tags = Schlagwörter
csv_url = Link
csv_description = Beschreibung
csv_uid = Kalender-UID
