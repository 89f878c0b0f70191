# Palavras do programa publicado: português. As mesmas mensagens de locales/en/export.ftl; ver docs/languages.md.

program = Programa
days = Dias
time = Horário
room = Sala
session = Sessão
track = Trilha
tracks = Trilhas
speakers = Palestrantes
moderators = Moderação
speakers_index = Palestrantes
sessions = Sessões
details = Detalhes
description = Descrição
link = Link
tags = Palavras-chave
add_to_calendar = Adicionar à agenda
whole_program_ics = Todo o programa na sua agenda (.ics)
cancelled = Cancelada
tentative = A confirmar
plenary = Plenária
everyone = Para todos
unscheduled = Sessões por agendar
times_in = Horários no fuso local
times_note = { $times } ({ $zone })
times_in_utc = Horários em UTC
legend = Trilhas
skip_to_content = Ir para o programa
no_sessions = Nenhuma sessão.
published_with = Programa publicado com agora.
colon = {": "}
mark_new = Nova
mark_moved = Mudou de lugar
mark_changed = Alterada
mark_cancelled = Cancelada desde a versão anterior
changes = Alterações no programa
language = Idioma
languages = Idiomas
interpretation = Interpretação
list_separator = {", "}
search = Pesquisar
search_hint = Título, palestrante, sala
day = Dia
kind = Tipo
all = Todos
condensed = Visualização compacta
favourite = Favorito
my_agenda = Apenas meus favoritos
download_mine = Baixar meus favoritos (.ics)
my_time_zone = Horários no meu fuso horário
no_match = Nenhuma sessão corresponde.
jump_to_time = Ir para um horário
room_page = Todas as sessões da sala
track_page = Todas as sessões da trilha
filters = Filtros
accessible = Acessível para cadeira de rodas
not_accessible = Sem acesso para cadeira de rodas
selection_ics = Estas sessões na sua agenda (.ics)
subscribe = Assinar (a agenda se mantém atualizada)
whole_program_page = Todo o programa
qr_agenda = Este programa no seu celular
qr_calendar = Assinar pelo celular
kind_talk = Palestra
kind_keynote = Palestra principal
kind_panel = Painel
kind_workshop = Oficina
kind_roundtable = Mesa-redonda
kind_break = Intervalo
kind_social = Confraternização
kind_other = Outro
day_at = { $day } às { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = O programa de { $name } na sua agenda (.ics)
language_name = { $tag ->
    [ar] árabe
    [de] alemão
    [en] inglês
    [es] espanhol
    [fr] francês
    [it] italiano
    [ja] japonês
    [nl] neerlandês
    [pl] polonês
    [pt] português
    [zh] chinês
   *[other] { $tag }
}
signage_now = Agora
signage_next = A seguir
signage_in_ = em { $value }
signage_left = faltam { $value }
signage_moved_to = Mudou para { $value }
signage_moved_from = Veio de { $value }
signage_free_until = Livre até { $value }
signage_done_today = Mais nada hoje nesta sala
signage_none_today = Nenhuma sessão hoje nesta sala
signage_later_here = Próxima sessão aqui: { $value }
signage_starts = O evento começa: { $value }
signage_ended = O evento terminou. Obrigado!
signage_rooms = Salas
signage_until = até
signage_clock = Hora

## Registro de alterações: changes.html, changes.atom e CHANGES.md.

changes_md_title = Alterações no programa de { $event }
changes_page_title = { $event } — alterações
changes_feed_title = { $event } — versões publicadas
changes_releases = Versões publicadas
changes_back = Voltar ao programa
changes_atom = Feed Atom
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] Primeira versão: { $sessions } sessão.
   *[other] Primeira versão: { $sessions } sessões.
}
change_unreleased = alterações não publicadas
change_none = Nenhuma alteração.
change_sentence = { $summary }.
change_summary = { $new } { $new ->
    [one] nova
   *[other] novas
}, { $cancelled } { $cancelled ->
    [one] cancelada
   *[other] canceladas
}, { $removed } { $removed ->
    [one] removida
   *[other] removidas
}, { $changed } { $changed ->
    [one] alterada
   *[other] alteradas
}
change_summary_items = ; alterações em { $rooms } { $rooms ->
    [one] sala
   *[other] salas
}, { $speakers } { $speakers ->
    [one] palestrante
   *[other] palestrantes
} e { $tracks } { $tracks ->
    [one] trilha
   *[other] trilhas
}
change_separator = {"; "}
change_quoted = “{ $text }”
change_no_value = nenhum
change_people = { $field } { $people }
change_description = descrição alterada
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } min
change_kind_new = nova
change_kind_cancelled = cancelada
change_kind_removed = removida
change_kind_changed = alterada
change_kind_moved = mudou de lugar
change_item_added = { $kind ->
    [room] sala adicionada
    [speaker] palestrante adicionado
   *[track] trilha adicionada
} { $id } { $name }
change_item_removed = { $kind ->
    [room] sala removida
    [speaker] palestrante removido
   *[track] trilha removida
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] sala renomeada
    [speaker] palestrante renomeado
   *[track] trilha renomeada
} { $id } { $old } → { $new }
change_field_status = situação
change_field_day = dia
change_field_time = horário
change_field_room = sala
change_field_duration = duração
change_field_title = título
change_field_speakers = palestrantes
change_field_moderators = moderação
change_field_track = trilha
change_field_kind = tipo
change_field_language = idioma
change_field_description = descrição
change_field_url = link

## Durações da sinalização ("em 12 min")

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
csv_status = Situação
csv_date = Data
csv_start_time = Hora de início
csv_end_time = Hora de término
csv_start = Início
csv_end = Término
csv_start_utc = Início (UTC)
csv_end_utc = Término (UTC)
csv_duration_minutes = Duração (minutos)
csv_room_id = ID da sala
csv_room = Sala
csv_track_id = ID da trilha
csv_track = Trilha
csv_speakers = Palestrantes
csv_moderators = Moderação
csv_tags = Etiquetas
csv_url = Link
csv_description = Descrição
csv_uid = UID do calendário
