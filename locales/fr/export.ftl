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
day_title_style = long
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

## Le journal des modifications : changes.html, changes.atom et CHANGES.md. $event est le nom de l’événement.

changes_md_title = Modifications du programme de { $event }
changes_page_title = { $event } — modifications
changes_feed_title = { $event } — versions publiées
changes_releases = Versions publiées
changes_back = Retour au programme
changes_atom = Flux Atom
changes_time = { $date } à { $time } UTC
changes_first = { $sessions ->
    [one] Première version{"\u00A0"}: { $sessions } session.
   *[other] Première version{"\u00A0"}: { $sessions } sessions.
}
change_unreleased = modifications non publiées
change_none = Aucune modification.
change_sentence = { $summary }.
change_summary = { $new } { $new ->
    [one] nouvelle
   *[other] nouvelles
}, { $cancelled } { $cancelled ->
    [one] annulée
   *[other] annulées
}, { $removed } { $removed ->
    [one] supprimée
   *[other] supprimées
}, { $changed } { $changed ->
    [one] modifiée
   *[other] modifiées
}
change_summary_items = {"\u202F"}; modifiés{"\u00A0"}: { $rooms } { $rooms ->
    [one] salle
   *[other] salles
}, { $speakers } { $speakers ->
    [one] intervenant
   *[other] intervenants
} et { $tracks } parcours
change_separator = {"\u202F; "}
change_quoted = «{"\u00A0"}{ $text }{"\u00A0"}»
change_no_value = aucun
change_people = { $field } { $people }
change_description = description modifiée
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } min
change_kind_new = nouvelle
change_kind_cancelled = annulée
change_kind_removed = supprimée
change_kind_changed = modifiée
change_kind_moved = déplacée
change_item_added = { $kind ->
    [room] salle ajoutée
    [speaker] intervenant ajouté
   *[track] parcours ajouté
} { $id } { $name }
change_item_removed = { $kind ->
    [room] salle supprimée
    [speaker] intervenant supprimé
   *[track] parcours supprimé
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] salle renommée
    [speaker] intervenant renommé
   *[track] parcours renommé
} { $id } { $old } → { $new }
change_field_status = statut
change_field_day = jour
change_field_time = horaire
change_field_room = salle
change_field_duration = durée
change_field_title = titre
change_field_speakers = intervenants
change_field_moderators = animation
change_field_track = parcours
change_field_kind = type
change_field_language = langue
change_field_description = description
change_field_url = lien

## Durées de l’affichage (« dans 12 min »)

span_minutes = { $minutes } min
span_hours = { $hours } h { $mm }
span_days = { $hours ->
    [0] { $days } j
   *[other] { $days } j { $hours } h
}

## Noms des colonnes du CSV pour tableur (`--excel`)

csv_id = Identifiant
csv_title = Titre
csv_kind = Type
csv_status = Statut
csv_date = Date
csv_start_time = Heure de début
csv_end_time = Heure de fin
csv_start = Début
csv_end = Fin
csv_start_utc = Début (UTC)
csv_end_utc = Fin (UTC)
csv_duration_minutes = Durée (minutes)
csv_room_id = Identifiant de salle
csv_room = Salle
csv_track_id = Identifiant de parcours
csv_track = Parcours
csv_speakers = Intervenants
csv_moderators = Animation
csv_tags = Mots-clés
csv_url = Lien
csv_description = Description
csv_uid = UID d’agenda
