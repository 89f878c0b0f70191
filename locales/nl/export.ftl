# Woorden van het gepubliceerde programma: Nederlands. Dezelfde berichten als locales/en/export.ftl; zie docs/languages.md.

program = Programma
days = Dagen
time = Tijd
room = Zaal
session = Sessie
track = Thema
tracks = Thema’s
speakers = Sprekers
moderators = Moderatie
speakers_index = Sprekers
sessions = Sessies
details = Details
description = Beschrijving
link = Link
tags = Trefwoorden
add_to_calendar = Aan agenda toevoegen
whole_program_ics = Het hele programma in uw agenda (.ics)
cancelled = Geannuleerd
tentative = Nog te bevestigen
plenary = Plenair
everyone = Voor iedereen
unscheduled = Nog niet ingepland
times_in = Tijden in lokale tijd
times_note = { $times } ({ $zone })
times_in_utc = Tijden in UTC
legend = Thema’s
skip_to_content = Naar het programma
no_sessions = Geen sessies.
published_with = Programma gepubliceerd met agora.
colon = {": "}
mark_new = Nieuw
mark_moved = Verplaatst
mark_changed = Gewijzigd
mark_cancelled = Geannuleerd sinds de vorige versie
changes = Wijzigingen in het programma
language = Taal
languages = Talen
interpretation = Tolken
list_separator = {", "}
search = Zoeken
search_hint = Titel, spreker, zaal
day = Dag
kind = Soort
all = Alle
condensed = Compacte weergave
favourite = Favoriet
my_agenda = Alleen mijn favorieten
download_mine = Mijn favorieten downloaden (.ics)
my_time_zone = Tijden in mijn tijdzone
no_match = Geen enkele sessie komt overeen.
jump_to_time = Naar een tijdstip
room_page = Alle sessies in deze zaal
track_page = Alle sessies van dit thema
filters = Filters
accessible = Toegankelijk voor rolstoelen
not_accessible = Niet toegankelijk voor rolstoelen
selection_ics = Deze sessies in uw agenda (.ics)
subscribe = Abonneren (uw agenda blijft bijgewerkt)
whole_program_page = Het hele programma
qr_agenda = Dit programma op uw telefoon
qr_calendar = Abonneren vanaf uw telefoon
kind_talk = Lezing
kind_keynote = Keynote
kind_panel = Paneldiscussie
kind_workshop = Workshop
kind_roundtable = Rondetafelgesprek
kind_break = Pauze
kind_social = Netwerkmoment
kind_other = Overig
day_at = { $day } om { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = Het programma van { $name } in uw agenda (.ics)
language_name = { $tag ->
    [ar] Arabisch
    [de] Duits
    [en] Engels
    [es] Spaans
    [fr] Frans
    [it] Italiaans
    [ja] Japans
    [nl] Nederlands
    [pl] Pools
    [pt] Portugees
    [zh] Chinees
   *[other] { $tag }
}
signage_now = Nu
signage_next = Hierna
signage_in_ = over { $value }
signage_left = nog { $value }
signage_moved_to = Verplaatst naar { $value }
signage_moved_from = Verplaatst vanuit { $value }
signage_free_until = Vrij tot { $value }
signage_done_today = Vandaag niets meer in deze zaal
signage_none_today = Vandaag geen sessies in deze zaal
signage_later_here = Hierna in deze zaal: { $value }
signage_starts = Het evenement begint op { $value }
signage_ended = Het evenement is afgelopen. Bedankt!
signage_rooms = Zalen
signage_until = tot
signage_clock = Tijd

## Wijzigingslogboek: changes.html, changes.atom en CHANGES.md.

changes_md_title = Wijzigingen in het programma van { $event }
changes_page_title = { $event } — wijzigingen
changes_feed_title = { $event } — versies
changes_releases = Versies
changes_back = Terug naar het programma
changes_atom = Atom-feed
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] Eerste versie: { $sessions } sessie.
   *[other] Eerste versie: { $sessions } sessies.
}
change_unreleased = niet-gepubliceerde wijzigingen
change_none = Geen wijzigingen.
change_sentence = { $summary }.
change_summary = { $new } nieuw, { $cancelled } geannuleerd, { $removed } verwijderd, { $changed } gewijzigd
change_summary_items = ; wijzigingen bij { $rooms } { $rooms ->
    [one] zaal
   *[other] zalen
}, { $speakers } { $speakers ->
    [one] spreker
   *[other] sprekers
} en { $tracks } { $tracks ->
    [one] thema
   *[other] thema’s
}
change_separator = {"; "}
change_quoted = ‘{ $text }’
change_no_value = geen
change_people = { $field } { $people }
change_description = beschrijving gewijzigd
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } min
change_kind_new = nieuw
change_kind_cancelled = geannuleerd
change_kind_removed = verwijderd
change_kind_changed = gewijzigd
change_kind_moved = verplaatst
change_item_added = { $kind ->
    [room] zaal
    [speaker] spreker
   *[track] thema
} toegevoegd: { $id } { $name }
change_item_removed = { $kind ->
    [room] zaal
    [speaker] spreker
   *[track] thema
} verwijderd: { $id } { $name }
change_item_renamed = { $kind ->
    [room] zaal
    [speaker] spreker
   *[track] thema
} hernoemd: { $id } { $old } → { $new }
change_field_status = status
change_field_day = dag
change_field_time = tijd
change_field_room = zaal
change_field_duration = duur
change_field_title = titel
change_field_speakers = sprekers
change_field_moderators = moderatie
change_field_track = thema
change_field_kind = soort
change_field_language = taal
change_field_description = beschrijving
change_field_url = link

## Duur op de bewegwijzering ("over 12 min")

span_minutes = { $minutes } min
span_hours = { $minutes ->
    [0] { $hours } u
   *[other] { $hours } u { $minutes } min
}
span_days = { $hours ->
    [0] { $days } d
   *[other] { $days } d { $hours } u
}

## CSV (--excel)

csv_id = ID
csv_title = Titel
csv_kind = Soort
csv_status = Status
csv_date = Datum
csv_start_time = Begintijd
csv_end_time = Eindtijd
csv_start = Begin
csv_end = Einde
csv_start_utc = Begin (UTC)
csv_end_utc = Einde (UTC)
csv_duration_minutes = Duur (minuten)
csv_room_id = Zaal-ID
csv_room = Zaal
csv_track_id = Thema-ID
csv_track = Thema
csv_speakers = Sprekers
csv_moderators = Moderatie
csv_tags = Trefwoorden
csv_url = Link
csv_description = Beschrijving
csv_uid = Agenda-UID
