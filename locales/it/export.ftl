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
