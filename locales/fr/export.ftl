# Mots du programme publié (HTML, Markdown, texte, agendas, affichage) : français.
# Même liste de messages que locales/en/export.ftl ; voir docs/languages.md.

## Étiquettes du programme

program = Programme
days = Jours
time = Horaire
room = Salle
session = Session
track = Parcours
tracks = Parcours
speakers = Intervenants
moderators = Animation
speakers_index = Intervenants
sessions = Sessions
details = Détails
description = Description
link = Lien
tags = Mots-clés
add_to_calendar = Ajouter à mon agenda
whole_program_ics = Tout le programme dans votre agenda (.ics)
cancelled = Annulé
tentative = À confirmer
plenary = Plénière
everyone = Pour tous
unscheduled = Sessions à programmer
times_in = Horaires en heure locale
times_note = { $times } ({ $zone })
times_in_utc = Horaires en temps universel (UTC)
legend = Légende des parcours
skip_to_content = Aller au programme
no_sessions = Aucune session.
published_with = Programme publié avec agora.
# Une espace insécable avant le deux-points, pour qu'il ne commence jamais une ligne.
colon = {"\u00A0: "}
mark_new = Nouveau
mark_moved = Déplacé
mark_changed = Modifié
mark_cancelled = Annulé depuis la version précédente
changes = Modifications du programme
language = Langue
languages = Langues
interpretation = Interprétation
list_separator = {", "}
search = Rechercher
search_hint = Titre, intervenant, salle
day = Jour
kind = Type
all = Tous
condensed = Vue condensée
favourite = Favori
my_agenda = Seulement mes favoris
download_mine = Télécharger mes favoris (.ics)
my_time_zone = Horaires dans mon fuseau horaire
no_match = Aucune session ne correspond.
jump_to_time = Aller à l’horaire
room_page = Toutes les sessions de la salle
track_page = Toutes les sessions du parcours
filters = Filtres
accessible = Accessible en fauteuil roulant
not_accessible = Non accessible en fauteuil roulant
selection_ics = Ces sessions dans votre agenda (.ics)
subscribe = S'abonner (l'agenda se met à jour)
whole_program_page = Tout le programme
qr_agenda = Ce programme sur votre téléphone
qr_calendar = S'abonner depuis votre téléphone

## Types de session

kind_talk = Intervention
kind_keynote = Plénière
kind_panel = Débat
kind_workshop = Atelier
kind_roundtable = Table ronde
kind_break = Pause
kind_social = Moment convivial
kind_other = Autre

## Dates et heures (déjà écrites au format CLDR du français)

day_at = { $day } à { $time }
day_time = { $day }, { $time }
date_range_tight = du { $start } au { $end }
date_range_wide = du { $start } au { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
# Des espaces insécables à l'intérieur des guillemets.
part_ics = Le programme de «{"\u00A0"}{ $name }{"\u00A0"}» dans votre agenda (.ics)
language_name = { $tag ->
    [ar] arabe
    [de] allemand
    [en] anglais
    [es] espagnol
    [fr] français
    [it] italien
    [ja] japonais
    [nl] néerlandais
    [pl] polonais
    [pt] portugais
    [zh] chinois
   *[other] { $tag }
}

## Affichage

signage_now = En ce moment
signage_next = Ensuite
signage_in_ = dans { $value }
signage_left = encore { $value }
signage_moved_to = Déplacé{"\u00A0"}: { $value }
signage_moved_from = Déplacé depuis { $value }
signage_free_until = Libre jusqu'à { $value }
signage_done_today = Plus rien aujourd'hui dans cette salle
signage_none_today = Aucune session dans cette salle aujourd'hui
signage_later_here = Prochaine session ici{"\u00A0"}: { $value }
signage_starts = L'événement commence le { $value }
signage_ended = L'événement est terminé. Merci{"\u00A0"}!
signage_rooms = Salles
signage_until = jusqu'à
signage_clock = Heure
