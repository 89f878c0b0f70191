# Palabras del programa publicado: español. Los mismos mensajes que locales/en/export.ftl; véase docs/languages.md.

program = Programa
days = Días
time = Hora
room = Sala
session = Sesión
track = Eje temático
tracks = Ejes temáticos
speakers = Ponentes
moderators = Moderación
speakers_index = Ponentes
sessions = Sesiones
details = Detalles
description = Descripción
link = Enlace
tags = Etiquetas
add_to_calendar = Añadir al calendario
whole_program_ics = Todo el programa en su calendario (.ics)
cancelled = Cancelada
tentative = Por confirmar
plenary = Plenaria
everyone = Para todos
unscheduled = Sesiones sin programar
times_in = Horario local
times_note = { $times } ({ $zone })
times_in_utc = Horario en UTC
legend = Ejes temáticos
skip_to_content = Ir al programa
no_sessions = No hay sesiones.
published_with = Programa publicado con agora.
colon = {": "}
mark_new = Nueva
mark_moved = Trasladada
mark_changed = Modificada
mark_cancelled = Cancelada desde la versión anterior
changes = Cambios en el programa
language = Idioma
languages = Idiomas
interpretation = Interpretación
list_separator = {", "}
search = Buscar
search_hint = Título, ponente, sala
day = Día
kind = Tipo
all = Todos
condensed = Vista compacta
favourite = Favorito
my_agenda = Solo mis favoritos
download_mine = Descargar mis favoritos (.ics)
my_time_zone = Horarios en mi zona horaria
no_match = Ninguna sesión coincide.
jump_to_time = Ir a una hora
room_page = Todas las sesiones de la sala
track_page = Todas las sesiones del eje temático
filters = Filtros
accessible = Accesible en silla de ruedas
not_accessible = No accesible en silla de ruedas
selection_ics = Estas sesiones en su calendario (.ics)
subscribe = Suscribirse (su calendario se mantiene al día)
whole_program_page = Todo el programa
qr_agenda = Este programa en su teléfono
qr_calendar = Suscribirse desde su teléfono
kind_talk = Charla
kind_keynote = Conferencia magistral
kind_panel = Panel de debate
kind_workshop = Taller
kind_roundtable = Mesa redonda
kind_break = Pausa
kind_social = Encuentro social
kind_other = Otro
day_at = { $day } a las { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = El programa de { $name } en su calendario (.ics)
language_name = { $tag ->
    [ar] árabe
    [de] alemán
    [en] inglés
    [es] español
    [fr] francés
    [it] italiano
    [ja] japonés
    [nl] neerlandés
    [pl] polaco
    [pt] portugués
    [zh] chino
   *[other] { $tag }
}
signage_now = Ahora
signage_next = A continuación
signage_in_ = en { $value }
signage_left = quedan { $value }
signage_moved_to = Trasladada a { $value }
signage_moved_from = Trasladada desde { $value }
signage_free_until = Libre hasta las { $value }
signage_done_today = No hay nada más hoy en esta sala
signage_none_today = Hoy no hay sesiones en esta sala
signage_later_here = Próxima sesión aquí: { $value }
signage_starts = El evento empieza el { $value }
signage_ended = El evento ha terminado. ¡Gracias!
signage_rooms = Salas
signage_until = hasta
signage_clock = Hora

## Registro de cambios: changes.html, changes.atom y CHANGES.md.

changes_md_title = Cambios en el programa de { $event }
changes_page_title = { $event }: cambios
changes_feed_title = { $event }: versiones publicadas
changes_releases = Versiones publicadas
changes_back = Volver al programa
changes_atom = Canal Atom
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] Primera versión: { $sessions } sesión.
   *[other] Primera versión: { $sessions } sesiones.
}
change_unreleased = cambios sin publicar
change_none = Sin cambios.
change_sentence = { $summary }.
change_summary = { $new } { $new ->
    [one] nueva
   *[other] nuevas
}, { $cancelled } { $cancelled ->
    [one] cancelada
   *[other] canceladas
}, { $removed } { $removed ->
    [one] eliminada
   *[other] eliminadas
}, { $changed } { $changed ->
    [one] modificada
   *[other] modificadas
}
change_summary_items = ; cambios en { $rooms } { $rooms ->
    [one] sala
   *[other] salas
}, { $speakers } { $speakers ->
    [one] ponente
   *[other] ponentes
} y { $tracks } { $tracks ->
    [one] eje temático
   *[other] ejes temáticos
}
change_separator = {"; "}
change_quoted = «{ $text }»
change_no_value = ninguno
change_people = { $field } { $people }
change_description = descripción modificada
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } min
change_kind_new = nueva
change_kind_cancelled = cancelada
change_kind_removed = eliminada
change_kind_changed = modificada
change_kind_moved = trasladada
change_item_added = { $kind ->
    [room] sala añadida
    [speaker] ponente añadido
   *[track] eje temático añadido
} { $id } { $name }
change_item_removed = { $kind ->
    [room] sala eliminada
    [speaker] ponente eliminado
   *[track] eje temático eliminado
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] sala renombrada
    [speaker] ponente renombrado
   *[track] eje temático renombrado
} { $id } { $old } → { $new }
change_field_status = estado
change_field_day = día
change_field_time = hora
change_field_room = sala
change_field_duration = duración
change_field_title = título
change_field_speakers = ponentes
change_field_moderators = moderación
change_field_track = eje temático
change_field_kind = tipo
change_field_language = idioma
change_field_description = descripción
change_field_url = enlace

## Duraciones de la señalización («en 12 min»)

span_minutes = { $minutes } min
span_hours = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
span_days = { $hours ->
    [0] { $days } d
   *[other] { $days } d { $hours } h
}

## CSV (--excel)

csv_id = ID
csv_title = Título
csv_kind = Tipo
csv_status = Estado
csv_date = Fecha
csv_start_time = Hora de inicio
csv_end_time = Hora de fin
csv_start = Inicio
csv_end = Fin
csv_start_utc = Inicio (UTC)
csv_end_utc = Fin (UTC)
csv_duration_minutes = Duración (minutos)
csv_room_id = ID de sala
csv_room = Sala
csv_track_id = ID de eje temático
csv_track = Eje temático
csv_speakers = Ponentes
csv_moderators = Moderación
csv_tags = Etiquetas
csv_url = Enlace
csv_description = Descripción
csv_uid = UID de calendario
