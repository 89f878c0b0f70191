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
