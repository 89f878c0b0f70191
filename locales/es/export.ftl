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
