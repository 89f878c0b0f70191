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
