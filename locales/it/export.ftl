# Parole del programma pubblicato: italiano. Gli stessi messaggi di locales/en/export.ftl; vedi docs/languages.md.

program = Programma
days = Giorni
time = Orario
room = Sala
session = Sessione
track = Percorso
tracks = Percorsi
speakers = Relatori
moderators = Moderazione
speakers_index = Relatori
sessions = Sessioni
details = Dettagli
description = Descrizione
link = Link
tags = Parole chiave
add_to_calendar = Aggiungi al calendario
whole_program_ics = Tutto il programma nel tuo calendario (.ics)
cancelled = Annullata
tentative = Da confermare
plenary = Plenaria
everyone = Per tutti
unscheduled = Sessioni da programmare
times_in = Orari in ora locale
times_note = { $times } ({ $zone })
times_in_utc = Orari in UTC
legend = Percorsi
skip_to_content = Vai al programma
no_sessions = Nessuna sessione.
published_with = Programma pubblicato con agora.
colon = {": "}
mark_new = Nuova
mark_moved = Spostata
mark_changed = Modificata
mark_cancelled = Annullata dalla versione precedente
changes = Modifiche al programma
language = Lingua
languages = Lingue
interpretation = Interpretariato
list_separator = {", "}
search = Cerca
search_hint = Titolo, relatore, sala
day = Giorno
kind = Tipo
all = Tutti
condensed = Vista compatta
favourite = Preferito
my_agenda = Solo i miei preferiti
download_mine = Scarica i miei preferiti (.ics)
my_time_zone = Orari nel mio fuso orario
no_match = Nessuna sessione corrisponde.
jump_to_time = Vai a un orario
room_page = Tutte le sessioni della sala
track_page = Tutte le sessioni del percorso
filters = Filtri
accessible = Accessibile in sedia a rotelle
not_accessible = Non accessibile in sedia a rotelle
selection_ics = Queste sessioni nel tuo calendario (.ics)
subscribe = Iscriviti (il calendario resta aggiornato)
whole_program_page = Tutto il programma
qr_agenda = Questo programma sul tuo telefono
qr_calendar = Iscriviti dal tuo telefono
kind_talk = Intervento
kind_keynote = Relazione principale
kind_panel = Dibattito
kind_workshop = Laboratorio
kind_roundtable = Tavola rotonda
kind_break = Pausa
kind_social = Momento conviviale
kind_other = Altro
day_at = { $day } alle { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = Il programma di { $name } nel tuo calendario (.ics)
language_name = { $tag ->
    [ar] arabo
    [de] tedesco
    [en] inglese
    [es] spagnolo
    [fr] francese
    [it] italiano
    [ja] giapponese
    [nl] olandese
    [pl] polacco
    [pt] portoghese
    [zh] cinese
   *[other] { $tag }
}
signage_now = Ora
signage_next = A seguire
signage_in_ = tra { $value }
signage_left = ancora { $value }
signage_moved_to = Spostata in { $value }
signage_moved_from = Spostata da { $value }
signage_free_until = Libera fino alle { $value }
signage_done_today = Nient’altro oggi in questa sala
signage_none_today = Nessuna sessione oggi in questa sala
signage_later_here = Prossima sessione qui: { $value }
signage_starts = L’evento inizia { $value }
signage_ended = L’evento è terminato. Grazie!
signage_rooms = Sale
signage_until = fino alle
signage_clock = Ora

## Registro delle modifiche: changes.html, changes.atom e CHANGES.md.

changes_md_title = Modifiche al programma di { $event }
changes_page_title = { $event } — modifiche
changes_feed_title = { $event } — versioni pubblicate
changes_releases = Versioni pubblicate
changes_back = Torna al programma
changes_atom = Feed Atom
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] Prima versione: { $sessions } sessione.
   *[other] Prima versione: { $sessions } sessioni.
}
change_unreleased = modifiche non pubblicate
change_none = Nessuna modifica.
change_sentence = { $summary }.
change_summary = { $new } { $new ->
    [one] nuova
   *[other] nuove
}, { $cancelled } { $cancelled ->
    [one] annullata
   *[other] annullate
}, { $removed } { $removed ->
    [one] rimossa
   *[other] rimosse
}, { $changed } { $changed ->
    [one] modificata
   *[other] modificate
}
change_summary_items = ; modifiche a { $rooms } { $rooms ->
    [one] sala
   *[other] sale
}, { $speakers } { $speakers ->
    [one] relatore
   *[other] relatori
} e { $tracks } { $tracks ->
    [one] percorso
   *[other] percorsi
}
change_separator = {"; "}
change_quoted = «{ $text }»
change_no_value = nessuno
change_people = { $field } { $people }
change_description = descrizione modificata
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } min
change_kind_new = nuova
change_kind_cancelled = annullata
change_kind_removed = rimossa
change_kind_changed = modificata
change_kind_moved = spostata
change_item_added = { $kind ->
    [room] sala aggiunta
    [speaker] relatore aggiunto
   *[track] percorso aggiunto
} { $id } { $name }
change_item_removed = { $kind ->
    [room] sala rimossa
    [speaker] relatore rimosso
   *[track] percorso rimosso
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] sala rinominata
    [speaker] relatore rinominato
   *[track] percorso rinominato
} { $id } { $old } → { $new }
change_field_status = stato
change_field_day = giorno
change_field_time = orario
change_field_room = sala
change_field_duration = durata
change_field_title = titolo
change_field_speakers = relatori
change_field_moderators = moderazione
change_field_track = percorso
change_field_kind = tipo
change_field_language = lingua
change_field_description = descrizione
change_field_url = link

## Durate della segnaletica («tra 12 min»)

span_minutes = { $minutes } min
span_hours = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
span_days = { $hours ->
    [0] { $days } g
   *[other] { $days } g { $hours } h
}

## CSV (--excel)

csv_id = ID
csv_title = Titolo
csv_kind = Tipo
csv_status = Stato
csv_date = Data
csv_start_time = Ora di inizio
csv_end_time = Ora di fine
csv_start = Inizio
csv_end = Fine
csv_start_utc = Inizio (UTC)
csv_end_utc = Fine (UTC)
csv_duration_minutes = Durata (minuti)
csv_room_id = ID sala
csv_room = Sala
csv_track_id = ID percorso
csv_track = Percorso
csv_speakers = Relatori
csv_moderators = Moderazione
csv_tags = Tag
csv_url = Link
csv_description = Descrizione
csv_uid = UID calendario
