# Les mots de l’éditeur : français. Mêmes messages que locales/en/editor.ftl ; voir docs/languages.md.

## Onglets des vues

view_grid = Grille
view_agenda = Agenda
view_speakers = Intervenants
view_rooms = Salles
view_conflicts = Conflits

## Le mode, à gauche de la ligne d’état

mode_normal = NORMAL
mode_grab = DÉPLACER
mode_command = COMMANDE
mode_search = RECHERCHE
mode_edit = ÉDITION
mode_pick = CHOIX
mode_prompt = QUESTION
mode_help = AIDE
mode_messages = MESSAGES

## Titres de l’écran d’aide (?)

group_move = Se déplacer
group_views = Vues
group_edit = Modifier
group_grab = Déplacer une session
group_search_and_commands = Recherche et commandes
group_form = Formulaire
group_picker = Sélecteur
group_prompt = Question
group_typing = Saisie
group_help = Aide
group_grid_glyphs = Symboles de la grille
group_commands = Commandes
group_mouse = Souris

## La barre d’aide : un ou deux mots après une touche

hint_add = ajouter
hint_apply = appliquer
hint_cancel = annuler
hint_close = fermer
hint_command = commande
hint_delete = supprimer
hint_drop = poser
hint_earlier = plus tôt
hint_edit = modifier
hint_grab = déplacer
hint_help = aide
hint_keep = garder
hint_later = plus tard
hint_moderator = animation
hint_next_field = champ suivant
hint_people = personnes
hint_quit = quitter
hint_room = salle
hint_run = exécuter
hint_save = enregistrer
hint_search = rechercher
hint_speaker = intervenant
hint_undo = défaire
hint_view = vue

too_small = Terminal trop petit{"\u00A0"}: { $width }×{ $height }. agora a besoin d’au moins { $min_width }×{ $min_height }. Agrandissez la fenêtre{"\u00A0"}; q pour quitter.

## Lignes de l’écran d’aide (?) : ce que fait une touche, une commande, un symbole de la grille.

help_cursor_down_one_grid_step_one_row = curseur vers le bas (un pas de la grille, une ligne)
help_cursor_up = curseur vers le haut
help_cursor_to_the_room_on_the_left_grid = curseur vers la salle de gauche (grille)
help_cursor_to_the_room_on_the_right_grid = curseur vers la salle de droite (grille)
help_page_down = page suivante
help_page_up = page précédente
help_first_row = première ligne
help_last_row = dernière ligne
help_go_to_a_room_by_a_part_of = aller à une salle par (une partie de) son nom
help_next_day = jour suivant
help_previous_day = jour précédent
help_finer_grid_step_60_30_15_5_min = pas de grille plus fin (60, 30, 15, 5 min)
help_coarser_grid_step = pas de grille plus large
help_next_conflict = conflit suivant
help_previous_conflict = conflit précédent
help_next_view = vue suivante
help_previous_view = vue précédente
help_grid_one_day_rooms_side_by_side = grille{"\u00A0"}: un jour, les salles côte à côte
help_agenda_every_session_in_time_order = agenda{"\u00A0"}: toutes les sessions dans l’ordre
help_speakers_and_their_sessions = les intervenants et leurs sessions
help_rooms_and_their_sessions = les salles et leurs sessions
help_conflicts_by_severity = les conflits par gravité
help_open_jump_to_a_conflict_place_a_backlog = ouvrir{"\u00A0"}: aller au conflit, placer une session en attente, ou afficher les détails
help_show_or_hide_the_details_pane = afficher ou masquer le panneau des détails
help_focus_the_unscheduled_backlog_grid = aller aux sessions non planifiées (grille)
help_grid_find_valid_slots_for_the_session_enter = grille{"\u00A0"}: trouver les créneaux possibles (Enter la place){"\u202F"}; listes{"\u00A0"}: filtrer l’agenda
help_clear_the_agenda_filters = retirer les filtres de l’agenda
help_move_the_session_one_step_later = décaler la session d’un pas plus tard
help_move_the_session_one_step_earlier = avancer la session d’un pas
help_move_the_session_to_the_previous_room = mettre la session dans la salle précédente
help_move_the_session_to_the_next_room = mettre la session dans la salle suivante
help_move_the_session_to_the_next_day = mettre la session au jour suivant
help_move_the_session_to_the_previous_day = mettre la session au jour précédent
help_make_the_session_one_step_longer = allonger la session d’un pas
help_make_the_session_one_step_shorter = raccourcir la session d’un pas
help_grab_the_session_move_it_enter_drops_esc = prendre la session{"\u00A0"}: la déplacer, Enter la pose, Esc la remet
help_edit_the_session_s_fields = modifier les champs de la session
help_add_a_session_at_the_cursor = ajouter une session au curseur
help_copy_the_session = copier la session
help_paste_a_copy_at_the_cursor = coller une copie au curseur
help_delete_the_session_u_undoes = supprimer la session (u annule)
help_choose_speakers_and_moderators = choisir les intervenants et l’animation
help_undo = annuler
help_redo = rétablir
help_star_the_session_in_your_picks = marquer la session dans votre sélection
help_move_the_held_session_later = décaler la session tenue plus tard
help_move_the_held_session_earlier = avancer la session tenue
help_move_the_held_session_to_the_previous_room = mettre la session tenue dans la salle précédente
help_move_the_held_session_to_the_next_room = mettre la session tenue dans la salle suivante
help_drop_the_session_here = poser la session ici
help_put_the_session_back = remettre la session à sa place
help_search_titles_speakers_and_rooms = chercher dans les titres, les intervenants et les salles
help_next_match = résultat suivant
help_previous_match = résultat précédent
help_save = enregistrer
help_this_help = cette aide
help_does_not_quit_says_how_to = ne quitte pas{"\u00A0"}: dit comment faire
help_quit_asks_when_edits_are_unsaved = quitter (demande confirmation si des modifications ne sont pas enregistrées)
help_clear_the_message_and_search = effacer le message et la recherche
help_the_last_messages_in_full = les derniers messages en entier
help_scroll_the_details_pane_down = faire défiler les détails vers le bas
help_scroll_the_details_pane_up = faire défiler les détails vers le haut
help_close_without_applying_the_picker_takes_its_changes = fermer sans appliquer (le sélecteur reprend ses changements)
help_run_the_command_search = exécuter la commande, la recherche
help_delete_a_character = effacer un caractère
help_delete_to_the_start_of_the_text_all = effacer jusqu’au début du texte (tout le texte, à la fin)
help_cursor_left = curseur à gauche
help_cursor_right = curseur à droite
help_a_word_left_ctrl_or_shift = un mot à gauche (Ctrl-← ou Maj-←)
help_a_word_right_ctrl_or_shift = un mot à droite (Ctrl-→ ou Maj-→)
help_to_the_start_of_the_text = au début du texte
help_to_the_end_of_the_text = à la fin du texte
help_delete_the_character_under_the_cursor = effacer le caractère sous le curseur
help_delete_the_word_before_the_cursor = effacer le mot avant le curseur
help_delete_to_the_end_of_the_text = effacer jusqu’à la fin du texte
help_apply_the_changes = appliquer les changements
help_edit_the_field_in_visual_or_editor_a = modifier le champ dans $VISUAL ou $EDITOR (une longue description){"\u202F"}; :edit l’ouvre sur la description
help_next_field = champ suivant
help_previous_field = champ précédent
help_add_or_remove_as_speaker_or_choose_the = ajouter ou retirer comme intervenant (ou choisir le filtre)
help_add_or_remove_as_moderator = ajouter ou retirer à l’animation
help_keep_the_changes_and_close_esc_takes_them = garder les changements et fermer (Esc les reprend)
help_next = suivant
help_previous = précédent
help_cancel = annuler
help_close_the_help = fermer l’aide
help_scroll_down = descendre
help_scroll_up = monter
help_top = début
help_the_end = fin
help_search_the_help = chercher dans l’aide
help_an_error_about_this_session_see_conflicts_or = une erreur concerne cette session (voir Conflits, ou ]c)
help_a_warning = un avertissement
help_overlaps_another_session_in_the_same_room_drawn = chevauche une autre session dans la même salle (dessinées côte à côte)
help_in_your_picks = dans votre sélection
help_the_session_being_held_m = la session tenue (m)
help_a_session_its_edge_has_the_track_s = une session{"\u202F"}; son bord a la couleur de son parcours
help_a_break_for_all_rooms = une pause pour toutes les salles
help_more_rooms_off_screen = d’autres salles hors de l’écran
help_the_current_time_when_the_event_is_live = l’heure actuelle, pendant l’événement
help_unsaved_edits = modifications non enregistrées
help_selects_a_cell_a_row_a_tab = sélectionne une case, une ligne, un onglet
help_scrolls_over_the_details_pane_the_details = fait défiler (sur le panneau des détails{"\u00A0"}: les détails)
help_save_and_quit = enregistrer et quitter
help_quit_refused_with_unsaved_edits = quitter (refusé s’il reste des modifications non enregistrées)
help_quit_dropping_unsaved_edits = quitter en abandonnant les modifications non enregistrées
help_grid_cursor_to_that_time = curseur de la grille à cette heure
help_show_the_second_day = afficher le deuxième jour
help_rooms_the_grid_shows_the_picker_only_those = les salles que montre la grille (le sélecteur · seulement celles-ci · toutes)
help_grid_step_in_minutes_5_15_30_60 = pas de la grille en minutes (5, 15, 30, 60)
help_add_a_room = ajouter une salle
help_add_a_speaker = ajouter un intervenant
help_agenda_filters_without_arguments_the_picker = filtres de l’agenda (sans argument{"\u00A0"}: le sélecteur)
help_export_what_is_on_screen = exporter ce qui est à l’écran
help_the_last_messages_in_full_also_g = les derniers messages en entier (aussi g<)

## Questions (les lettres entre parenthèses sont les touches qui répondent)

prompt_quit = Modifications non enregistrées. (w) enregistrer et quitter, (d) les abandonner et quitter, ou (c) annuler{"\u202F"}?
prompt_overwrite = { $paths } a changé sur le disque depuis son chargement. (r) le relire (vos modifications sont perdues), (k) garder les miennes (fusionnées élément par élément avec celles du disque), ou (c) annuler{"\u202F"}?
prompt_restore = Des modifications non enregistrées ({ $when }) ont été retrouvées ({ $reason }). (r) les restaurer, (d) supprimer le fichier de récupération, ou (i) ignorer pour l’instant{"\u202F"}?
prompt_conflict = Conflit { $index } sur { $total }{"\u00A0"}: { $what }. Garder (m) la mienne, (t) l’autre version, ou (c) annuler{"\u202F"}?
prompt_delete_item = { $sessions ->
    [one] { $sessions } session mentionne
   *[other] { $sessions } sessions mentionnent
} { $kind ->
    [room] la salle
    [speaker] l’intervenant
   *[track] le parcours
} { $name }. (u) les en retirer et supprimer, (d) supprimer en gardant les références (agora check les signale), ou (c) annuler{"\u202F"}?
prompt_other_editor = Un autre agora a ouvert cet événement ({ $who }). (r) ouvrir en lecture seule, (o) ouvrir quand même, ou (q) quitter{"\u202F"}?
prompt_other_who = processus { $pid } de l’utilisateur { $user } sur { $host }, lancé le { $started }
prompt_one_of_recoveries = {"\u202F"}; 1 fichier de récupération sur { $count }
prompt_changed_since = {"\u202F"}; l’événement a changé sur le disque depuis{"\u00A0"}: restaurer fusionne vos modifications avec ces changements
prompt_title = Question

## Le formulaire de session : noms des champs (12 caractères au plus), ce qu’affiche un champ vide, messages

form_label_title = titre
form_label_kind = type
form_label_track = parcours
form_label_room = salle
form_label_start = début
form_label_duration = durée
form_label_expected = public
form_label_requires = besoins
form_label_status = statut
form_label_description = description
form_label_speakers = intervenants
form_label_moderators = animation
form_label_tags = mots-clés
form_label_language = langue
form_label_url = lien
form_label_plenary = plénière
form_label_allow = autorise
form_hint_title = le titre de la session
form_hint_kind = talk, keynote, panel, workshop, roundtable, break, social ou other
form_hint_track = identifiant ou nom du parcours (vide{"\u00A0"}: aucun)
form_hint_room = identifiant ou nom de la salle (vide{"\u00A0"}: non planifiée)
form_hint_duration = minutes, ou 1h30
form_hint_expected = public attendu (vide{"\u00A0"}: inconnu)
form_hint_requires = équipements, séparés par des virgules
form_hint_status = confirmed, tentative ou cancelled
form_hint_description = un paragraphe (vide{"\u00A0"}: aucune)
form_hint_speakers = identifiants des intervenants, séparés par des virgules (s pour choisir)
form_hint_moderators = identifiants de l’animation, séparés par des virgules
form_hint_tags = mots-clés, séparés par des virgules
form_hint_language = étiquette BCP 47, par ex. fr ou en-GB (vide{"\u00A0"}: celle de l’événement)
form_hint_url = https://… (vide{"\u00A0"}: aucun)
form_hint_plenary = yes ou no (yes{"\u00A0"}: tout l’événement y assiste)
form_hint_allow = codes des règles acceptées pour elle, séparés par des virgules
form_hint_start = { $day } 14:00 ou 14:00 (vide{"\u00A0"}: non planifiée)
form_title = Modifier { $title }
form_title_none = Modifier
form_keys = Tab/↓ ↑ champs · Enter valide · Esc annule · ←→ Ctrl-a/e/w/k/u texte
form_error_title = une session a besoin d’un titre
form_error_start = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas une date et une heure{"\u00A0"}: écrivez { $day } 14:00, ou 14:00 pour ce jour (02:15+01:00 avec un décalage)
form_error_duration = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas une durée{"\u00A0"}: écrivez des minutes (90) ou des heures et des minutes (1h30), au moins 1 minute
form_error_needs_duration = une session planifiée a besoin d’une durée (en minutes)
form_error_expected = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas un nombre de personnes{"\u00A0"}: écrivez un nombre entier, 0 ou plus
form_error_language = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas une étiquette de langue ({ $problem }){"\u00A0"}: écrivez par exemple fr ou en-GB
form_error_yes_no = «{"\u00A0"}{ $text }{"\u00A0"}»{"\u00A0"}: écrivez yes ou no
form_did_you_mean = vouliez-vous dire «{"\u00A0"}{ $name }{"\u00A0"}»{"\u202F"}?
form_none_yet = { $what ->
    [track] il n’y a pas encore de parcours
    [room] il n’y a pas encore de salle
    [speaker] il n’y a pas encore d’intervenant
   *[other] il n’y en a pas encore
}
form_one_of = une valeur parmi{"\u00A0"}: { $list }
form_give = { $what ->
    [kind] donnez un type
    [track] donnez un parcours
    [room] donnez une salle
    [status] donnez un statut
    [speaker] donnez un intervenant
    [rule] donnez une règle
   *[other] donnez une valeur
}{"\u00A0"}: { $hint }
form_unknown = { $what ->
    [kind] type inconnu
    [track] parcours inconnu
    [room] salle inconnue
    [status] statut inconnu
    [speaker] intervenant inconnu
    [rule] règle inconnue
   *[other] valeur inconnue
} «{"\u00A0"}{ $text }{"\u00A0"}»{"\u00A0"}: { $hint }

## Guillemets autour d’un nom ou d’un titre

quoted = «{"\u00A0"}{ $text }{"\u00A0"}»

## Pourquoi une modification est impossible (src/edit/error.rs) ; $title et $name arrivent entre guillemets

edit_no_session = Aucune session sélectionnée
edit_no_item = { $kind ->
    [room] aucune salle sélectionnée
    [speaker] aucun intervenant sélectionné
   *[track] aucun parcours sélectionné
}
edit_not_placed = { $title } n’a pas encore d’horaire{"\u00A0"}: placez-la d’abord (m, ou e pour la modifier)
edit_cannot_shorten = { $title } ne peut pas être plus courte
edit_no_length = { $title } n’a pas de durée à raccourcir
edit_already_there = { $title } est déjà là
edit_speaker_name = donnez le nom de l’intervenant
edit_room_name = donnez le nom de la salle, par exemple :room Salle Rhône 160
edit_track_name = donnez le nom du parcours, par exemple :track Données publiques
edit_room_taken = il y a déjà une salle nommée { $name } (identifiant { $id }){"\u00A0"}: donnez un autre nom à la nouvelle salle
edit_track_taken = il y a déjà un parcours nommé { $name } («{"\u00A0"}{ $id }{"\u00A0"}»)
edit_invalid_id = «{"\u00A0"}{ $id }{"\u00A0"}» n’est pas un identifiant valable{"\u00A0"}: utilisez des minuscules, des chiffres, «{"\u00A0"}-{"\u00A0"}», «{"\u00A0"}_{"\u00A0"}» et «{"\u00A0"}.{"\u00A0"}»
edit_invalid_id_example = «{"\u00A0"}{ $id }{"\u00A0"}» n’est pas un identifiant valable{"\u00A0"}: utilisez des minuscules, des chiffres, «{"\u00A0"}-{"\u00A0"}», «{"\u00A0"}_{"\u00A0"}» et «{"\u00A0"}.{"\u00A0"}», par exemple «{"\u00A0"}{ $example }{"\u00A0"}»
edit_id_taken = { $kind ->
    [room] une autre salle
    [speaker] un autre intervenant
   *[track] un autre parcours
} a déjà l’identifiant «{"\u00A0"}{ $id }{"\u00A0"}»
edit_needs_name = { $kind ->
    [room] une salle a besoin d’un nom
    [speaker] un intervenant a besoin d’un nom
   *[track] un parcours a besoin d’un nom
}

## Les formulaires d’une salle, d’un intervenant, d’un parcours : champs, ce qu’affiche un champ vide, messages

item_label_id = identifiant
item_label_name = nom
item_label_capacity = capacité
item_label_features = équipements
item_label_accessible = accessible
item_label_location = emplacement
item_label_open = ouverture
item_label_affiliation = organisme
item_label_role = fonction
item_label_bio = biographie
item_label_email = courriel
item_label_url = lien
item_label_available = disponible
item_label_color = couleur
item_label_description = description
item_hint_room_id = identifiant en minuscules, utilisé par les sessions (le renommer les met à jour)
item_hint_room_name = le nom de la salle
item_hint_room_capacity = places assises (vide{"\u00A0"}: inconnu)
item_hint_room_features = projector, stream, … séparés par des virgules
item_hint_room_accessible = yes ou no
item_hint_room_location = où elle se trouve (vide{"\u00A0"}: non précisé)
item_hint_room_open = { $day } 08:00-19:00{"\u202F"}; … (vide{"\u00A0"}: toujours, never{"\u00A0"}: fermée)
item_hint_speaker_id = identifiant en minuscules, utilisé par les sessions (le renommer les met à jour)
item_hint_speaker_name = le nom de la personne
item_hint_speaker_affiliation = organisme (vide{"\u00A0"}: aucun)
item_hint_speaker_role = sa fonction (vide{"\u00A0"}: aucune)
item_hint_speaker_bio = quelques lignes (vide{"\u00A0"}: aucune)
item_hint_speaker_email = nom@example.org (vide{"\u00A0"}: aucune)
item_hint_speaker_url = https://… (vide{"\u00A0"}: aucun)
item_hint_speaker_available = { $day } 13:00-18:00{"\u202F"}; … (vide{"\u00A0"}: toujours, never{"\u00A0"}: jamais)
item_hint_track_id = identifiant en minuscules, utilisé par les sessions (le renommer les met à jour)
item_hint_track_name = le nom du parcours
item_hint_track_color = #rrggbb (vide{"\u00A0"}: aucune)
item_hint_track_description = une phrase (vide{"\u00A0"}: aucune)
item_title = Modifier { $kind ->
    [room] la salle
    [speaker] l’intervenant
   *[track] le parcours
} { $name }
item_error_seats = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas un nombre de places
item_error_email = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas une adresse électronique
item_error_colour = «{"\u00A0"}{ $text }{"\u00A0"}» n’est pas une couleur{"\u00A0"}: écrivez #rrggbb, par exemple #2a7ab0

## Le panneau des détails (i) et les sessions non planifiées (b)

details_title = {" "}Détails{" "}
details_empty = Aucune session pour l’instant{"\u00A0"}: a en ajoute une au curseur.
details_none_here = Aucune session ici. Placez-vous sur une session (hjkl), ou a en ajoute une au curseur.
details_not_placed = non planifiée
details_seats = { $room } ({ $seats ->
    [one] { $seats } place
   *[other] { $seats } places
})
details_unknown_room = { $room } (salle inconnue)
details_all_rooms = toutes les salles
details_no_room_value = aucune
details_no_conflict = aucun conflit
details_plenary = plénière
details_field_when = horaire
details_field_room = salle
details_field_track = parcours
details_field_speakers = intervenants
details_field_moderators = animation
details_field_expected = public
details_field_requires = besoins
details_field_language = langue
details_field_interpretation = interprétation
backlog_title = {" "}Non planifiées ({ $count }) · b{" "}
backlog_no_time_no_room = ni horaire ni salle
backlog_no_time = sans horaire
backlog_no_room = sans salle
backlog_unknown_room = salle inconnue

## Les vues en liste : titres, filtres, titres de groupes

list_agenda_title = Agenda · { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
}
list_filter_or = {" "}ou{" "}
list_filter_day = jour
list_filter_room = salle
list_filter_track = parcours
list_filter_speaker = intervenant
list_filter_kind = type
list_filter_status = statut
list_filter_picks = ma sélection
list_filter_conflicts = avec conflits
list_filter_changed = modifiées depuis { $since } (★ nouvelle → déplacée ✎ modifiée ✕ annulée)
list_no_filters = {" "}· f filtres
list_filters = {" "}· filtres{"\u00A0"}: { $filters } (F les retire)
list_speakers_title = Intervenants · { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
} · leurs sessions et conflits
list_rooms_title = Salles · { $count ->
    [one] { $count } salle
   *[other] { $count } salles
} · leurs sessions et conflits
list_conflicts_title = Conflits · { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}, { $infos } info · Enter montre la session, ]c [c les parcourent
list_not_on_grid = Hors de la grille{"\u00A0"}: non planifiées, annulées ou aux horaires invalides
list_seats = {" "}— { $seats ->
    [one] { $seats } place
   *[other] { $seats } places
}
list_errors = Erreurs
list_warnings = Avertissements
list_infos = Informations
list_role_speaker = interv.
list_role_moderator = animation
list_no_time = sans horaire
list_all_rooms = toutes les salles
list_no_room = sans salle

## Écran d’aide, messages, sélecteurs, grille

help_nothing_matches = Rien dans l’aide ne correspond à «{"\u00A0"}{ $query }{"\u00A0"}»
help_footer = / cherche · j k défilent · gg G début et fin · Esc, q ou{"\u202F"}? ferme
help_title_search = Touches — /{ $query }█
help_title = Touches — d’après le clavier en vigueur
help_read_only_w_is_refused_w_saves_anyway = lecture seule{"\u00A0"}: :w est refusé, :w! enregistre quand même
help_command_line_w_w_q_q_wq_wq = ligne de commande{"\u00A0"}: :w :w! :q :q! :wq :wq! :e :e! :export FORMAT [CHEMIN] :goto 14:00 :day 2 :room NOM :speaker NOM
help_suspend_to_the_shell_from_any_mode_fg = suspendre vers le shell, depuis n’importe quel mode (fg y revient)
help_the_earlier_command_on_or_search_on = la commande précédente (sur :) ou la recherche précédente (sur /)
help_the_later_command_or_search_past_the_last = la commande ou la recherche suivante (après la dernière{"\u00A0"}: ce que vous tapiez)
help_the_same_as_q_q_wq = comme :q, :q!, :wq
help_save_even_a_read_only_file_or_session = enregistrer même un fichier ou une session en lecture seule [RO], par-dessus les changements sur le disque
help_the_same_as_w_and_quit = comme :w!, puis quitter
help_read_the_event_again_from_disk_refused_with = relire l’événement depuis le disque (refusé s’il y a des modifications non enregistrées)
help_read_the_event_again_from_disk_dropping_unsaved = relire l’événement depuis le disque, en abandonnant les modifications non enregistrées
help_text_in_a_field_or_on_the_and = du texte dans un champ ou sur les lignes : et /{"\u00A0"}; ignoré en mode normal
messages_title = Messages — Esc ferme
picker_people_title = Personnes de { $title }
picker_people_keys = Enter intervenant · Tab animation · Ctrl-y garde · Esc annule
picker_filter_title = Filtrer l’agenda
picker_filter_keys = Enter{"\u00A0"}: filtre oui/non · Esc ferme
picker_slots_title = Créneaux possibles pour { $title }
picker_slots_keys = Enter{"\u00A0"}: la placer ici (u annule) · Esc ferme
picker_room_title = Aller à une salle
picker_room_keys = tapez une partie de son nom · Enter y va · Esc ferme
picker_new_speaker = + Enter ajoute l’intervenant «{"\u00A0"}{ $name }{"\u00A0"}»
picker_no_match = aucun résultat
grid_no_day = Cet événement n’a aucun jour à afficher.
grid_rooms_shown = { $shown } salles sur { $all }
grid_step = pas de { $step } min · { $from }–{ $to }{" "}
grid_no_rooms = Aucune salle pour l’instant{"\u00A0"}: :room NOM [CAPACITÉ] en ajoute une

## Messages de la ligne d’état

msg_add_cancelled = Ajout annulé
msg_edit_cancelled = Modification annulée
msg_no_change = Aucun changement
msg_some_fields_need_fixing_marked_esc_cancels = Des champs sont à corriger (marqués ✗){"\u202F"}; Esc annule
msg_back_from_the_editor_no_change = Retour de l’éditeur{"\u00A0"}: aucun changement
msg_back_from_the_editor_enter_applies_the_form = Retour de l’éditeur{"\u00A0"}: Enter applique le formulaire, Esc l’annule
msg_no_session_selected_edit_opens_the_selected_session = Aucune session sélectionnée{"\u00A0"}: :edit ouvre la description de la session sélectionnée
msg_unsaved_edits_w_saves_wq_saves_and_quits = Modifications non enregistrées{"\u00A0"}: :w enregistre, :wq enregistre et quitte, :q! quitte sans enregistrer
msg_filters_cleared = Filtres retirés
msg_unsaved_edits_a_release_is_made_of_the = Modifications non enregistrées{"\u00A0"}: une version est faite des fichiers enregistrés — d’abord :w, puis :release
msg_no_release_yet_release_name_freezes_the_saved = Aucune version pour l’instant{"\u00A0"}: :release NOM fige le programme enregistré
msg_no_changes_to_save = Rien à enregistrer
msg_no_conflicts = Aucun conflit
msg_no_unscheduled_session = Aucune session non planifiée
msg_put_back = Remise à sa place
msg_no_session_selected_move_onto_one_or_press = Aucune session sélectionnée{"\u00A0"}: placez-vous sur une session, ou appuyez sur a pour en ajouter une
msg_no_session_selected_to_copy = Aucune session sélectionnée à copier
msg_no_session_selected_to_delete = Aucune session sélectionnée à supprimer
msg_no_session_selected = Aucune session sélectionnée
msg_nothing_to_undo = Rien à annuler
msg_nothing_to_redo = Rien à rétablir
msg_no_session_selected_to_star = Aucune session sélectionnée à marquer
msg_ctrl_c_does_not_quit_agora_q_quits = Ctrl-c ne quitte pas agora{"\u00A0"}: q quitte (en demandant pour les modifications non enregistrées), :q! les abandonne
msg_no_messages_yet = Aucun message pour l’instant
msg_no_rooms_yet_add_one_with_room_name = Aucune salle pour l’instant{"\u00A0"}: ajoutez-en une avec :room NOM [CAPACITÉ]
msg_no_room_further_that_way = Pas d’autre salle de ce côté
msg_no_session_selected_to_grab = Aucune session sélectionnée à déplacer
msg_cannot_place_it_here_the_event_has_no = Impossible de la placer ici{"\u00A0"}: l’événement n’a aucun jour ou aucune salle
msg_dropped_where_it_was = Posée là où elle était
msg_nothing_copied_y_copies_the_selected_session = Rien de copié{"\u00A0"}: y copie la session sélectionnée
msg_speakers_and_moderators_unchanged = Intervenants et animation inchangés
msg_the_recovery_file_is_kept_it_is_offered = Le fichier de récupération est gardé{"\u202F"}; il sera proposé à nouveau la prochaine fois
msg_read_only_saving_is_off_while_the_other = Lecture seule{"\u00A0"}: l’enregistrement est désactivé tant que l’autre agora a l’événement
msg_opened_anyway_a_change_the_other_agora_saves = Ouvert quand même{"\u00A0"}: ce que l’autre agora enregistre est fusionné élément par élément quand vous enregistrez
msg_not_saved_your_edits_are_still_here = Non enregistré{"\u00A0"}: vos modifications sont toujours là
msg_back_from_the_shell = Retour du shell
msg_recovery_file_discarded = Fichier de récupération supprimé
msg_reloaded_from_disk_your_unsaved_edits_were_dropped = Relu sur le disque{"\u202F"}; vos modifications non enregistrées ont été abandonnées
msg_not_restored_the_recovery_file_is_kept_for = Non restauré{"\u00A0"}: le fichier de récupération est gardé pour la prochaine fois
msg_recovered_edits_restored_u_undoes_them_save_with = Modifications récupérées restaurées (u les annule){"\u202F"}; enregistrez avec :w
msg_the_recovery_file_matched_the_event_nothing_to = Le fichier de récupération correspond à l’événement{"\u00A0"}: rien à restaurer
msg_your_edits_were_already_on_disk_nothing_to = Vos modifications étaient déjà sur le disque{"\u00A0"}: rien à enregistrer
msg_read_only_another_agora_is_editing_this_event = Lecture seule{"\u00A0"}: un autre agora modifie cet événement{"\u00A0"}; l’enregistrement revient quand il se ferme. :w! enregistre quand même
msg_no_search_searches_titles_speakers_and_rooms = Pas de recherche{"\u00A0"}: / cherche dans les titres, les intervenants et les salles
msg_no_session_selected_f_finds_valid_slots_for = Aucune session sélectionnée{"\u00A0"}: f trouve les créneaux possibles de la session sélectionnée

## Messages de la ligne d’état, avec des valeurs

msg_copied = { $title } copiée — p la colle au curseur
msg_undone = Annulé{"\u00A0"}: { $what }
msg_redone = Rétabli{"\u00A0"}: { $what }
msg_unstarred = { $title } retirée de votre sélection
msg_starred = { $title } ajoutée à votre sélection
msg_holding = Session { $title } tenue ({ $where }{ $level ->
    [none] {""}
    [error] {" — "}conflit de niveau erreur
    [warning] {" — "}conflit de niveau avertissement
   *[other] {" — "}conflit de niveau { $level }
}){"\u00A0"}: Enter la pose, Esc la remet
msg_where = { $day } { $time }, { $room }
msg_where_no_time = sans horaire, { $room }
msg_moved = { $title } déplacée{"\u00A0"}: { $where }
msg_edge_room_backlog = { $edge }{"\u202F"}; b va aux sessions non planifiées
msg_last_room = Dernière salle
msg_first_room = Première salle
msg_last_day = Dernier jour
msg_first_day = Premier jour
msg_step_stays = Le pas de la grille reste de { $step } minutes
msg_step = Pas de la grille{"\u00A0"}: { $step } minutes
msg_no_match = Aucun résultat pour «{"\u00A0"}{ $query }{"\u00A0"}»
msg_released = Version { $name } publiée{"\u00A0"}: les agendas et calendriers exportés désormais la suivent (agora export)
msg_saved = Enregistré{"\u00A0"}: { $files }
msg_not_saved = Non enregistré{"\u00A0"}: { $reason }
msg_cannot_restore = Restauration impossible{"\u00A0"}: { $reason }
msg_not_saved_kept = Non enregistré{"\u00A0"}: { $reason }{"\u202F"}; vos modifications sont toujours là
slots_all_rooms = toutes les salles
slots_warnings = { $count ->
    [0] aucun avertissement
    [one] 1 avertissement{"\u00A0"}: { $codes }
   *[other] { $count } avertissements{"\u00A0"}: { $codes }
}
msg_no_item_named = { $kind ->
    [room] aucune salle n’a
    [speaker] aucun intervenant n’a
   *[track] aucun parcours n’a
} l’identifiant ou le nom «{"\u00A0"}{ $what }{"\u00A0"}»

## Notes des listes, filtres, sélecteurs

note_no_sessions = Aucune session pour l’instant{"\u00A0"}: appuyez sur a pour en ajouter une.
note_no_filter_match = Aucune session ne correspond aux filtres (F les retire).
note_no_session = aucune session
note_no_speakers = Aucun intervenant pour l’instant{"\u00A0"}: ajoutez-en un avec :speaker NOM.
note_no_rooms = Aucune salle pour l’instant{"\u00A0"}: ajoutez-en une avec :room NOM [CAPACITÉ].
note_no_conflicts = Aucun conflit{"\u00A0"}: le programme est valide.
filter_no_match = { $what ->
    [room] aucune salle ne correspond
    [track] aucun parcours ne correspond
   *[speaker] aucun intervenant ne correspond
} à «{"\u00A0"}{ $value }{"\u00A0"}»{"\u00A0"}: { $known }
filter_bad_day = day={ $value }{"\u00A0"}: donnez un numéro de jour, de 1 à { $days }
filter_bad_kind = type inconnu «{"\u00A0"}{ $value }{"\u00A0"}»{"\u00A0"}: une valeur parmi { $known }
filter_bad_status = statut inconnu «{"\u00A0"}{ $value }{"\u00A0"}»{"\u00A0"}: une valeur parmi { $known }
filter_bad_language = language={ $value }{"\u00A0"}: donnez une étiquette de langue, par exemple language=fr
filter_unknown = filtre inconnu «{"\u00A0"}{ $name }{"\u00A0"}»{"\u00A0"}: day=, room=, track=, speaker=, kind=, status=, language=, picks, conflicts
msg_width = Colonnes de la grille d’au moins { $width } caractères (:width seul{"\u00A0"}: la valeur par défaut)
msg_outside_grid = { $time } est hors de la grille de ce jour ({ $from }–{ $to })
msg_days = il y a { $days } jours{"\u00A0"}: de :day 1 à :day { $days }
msg_speaker_namesake = Second intervenant { $name } ajouté{"\u00A0"}: un autre ({ $id }) porte déjà ce nom (u l’annule)
msg_in_hidden_room = Elle est dans { $name }, que la grille cache (:rooms all l’affiche)
msg_recovery_elsewhere = Le dossier de l’événement ne peut pas recevoir le fichier de récupération{"\u00A0"}: vos modifications non enregistrées sont gardées dans { $path }
msg_search_match = /{ $query } — résultat { $index }/{ $count }{"\u00A0"}: { $title }
msg_rooms_none_yet = Pas encore de salle{"\u00A0"}: ajoutez-en une avec :room NOM [CAPACITÉ]
msg_rooms_all_shown = Les { $all } salles sont affichées
msg_rooms_some_shown = { $note } affichées
msg_rooms_keep_one = La grille montre au moins une salle
msg_not_saved_read_only_file = Non enregistré{"\u00A0"}: { $files } est en lecture seule (vous n’avez pas le droit d’écrire). :w! l’écrit quand même (son mode est gardé)
msg_file_read_only = { $files } est en lecture seule{"\u00A0"}: :w est refusé, :w! l’écrit quand même
msg_other_editor_quit = L’autre agora s’est fermé{"\u00A0"}: l’enregistrement revient (:w enregistre)
msg_files_gone = { $files } n’est plus sur le disque (supprimé ou renommé){"\u202F"}; vos modifications sont toujours là. :w l’écrit de nouveau
msg_room = Salle { $name }
msg_room_shown_again = Salle { $name } (de nouveau affichée)
msg_field_not_edited = Le champ n’a pas été modifié{"\u00A0"}: { $reason }
picker_only_picks = seulement ma sélection (*)
picker_only_conflicts = seulement avec conflits (✗ ▲)
picker_day = jour{"\u00A0"}: { $value }
picker_room = salle{"\u00A0"}: { $value }
picker_track = parcours{"\u00A0"}: { $value }
picker_speaker = intervenant{"\u00A0"}: { $value }
picker_kind = type{"\u00A0"}: { $value }
picker_status = statut{"\u00A0"}: { $value }

## Erreurs de la ligne de commande (:)

cmd_no_argument = :{ $name } ne prend pas d’argument
cmd_export_unexpected = «{"\u00A0"}{ $word }{"\u00A0"}» inattendu{"\u00A0"}: :export FORMAT [CHEMIN] [--picks]
cmd_export_give = donnez un format{"\u00A0"}: :export FORMAT [CHEMIN] [--picks], FORMAT parmi { $formats }
cmd_export_unknown = format d’export inconnu «{"\u00A0"}{ $format }{"\u00A0"}»{"\u00A0"}: un format parmi { $formats }
cmd_bad_width = «{"\u00A0"}{ $value }{"\u00A0"}» n’est pas une largeur de colonne{"\u00A0"}: :width de { $min } à 200 caractères (:width seul{"\u00A0"}: la valeur par défaut)
cmd_bad_time = «{"\u00A0"}{ $value }{"\u00A0"}» n’est pas une heure{"\u00A0"}: écrivez :goto 14:00
cmd_bad_day = «{"\u00A0"}{ $value }{"\u00A0"}» n’est pas un numéro de jour{"\u00A0"}: écrivez :day 2 pour le deuxième jour
cmd_bad_step = «{"\u00A0"}{ $value }{"\u00A0"}» n’est pas un pas de grille{"\u00A0"}: { $steps } minutes
cmd_track_name = donnez le nom du parcours{"\u00A0"}: :track Données publiques
cmd_item_name = donnez l’identifiant ou le nom { $kind ->
    [room] de la salle
    [speaker] de l’intervenant
   *[track] du parcours
}{"\u00A0"}: :{ $command } { $example }
cmd_room_name = donnez le nom de la salle{"\u00A0"}: :room Salle Rhône 160
cmd_speaker_name = donnez le nom de l’intervenant{"\u00A0"}: :speaker Ada Lovelace
cmd_release_name = donnez le nom de la version{"\u00A0"}: :release v2 [commentaire]
cmd_empty = tapez une commande après «{"\u00A0"}:{"\u00A0"}», par exemple :w
cmd_unknown = commande inconnue «{"\u00A0"}:{ $name }{"\u00A0"}» — essayez :w, :q, :wq, :q!, :export FORMAT, :goto 14:00, :day 2, :room NOM, :speaker NOM, :release NOM, :diff (? liste les touches)

## Exports, versions et relectures depuis l’éditeur

export_unknown_format = format d’export inconnu «{"\u00A0"}{ $format }{"\u00A0"}»
export_no_picks = aucune sélection à exporter{"\u00A0"}: marquez d’abord des sessions avec *
export_done_file = Export { $format } écrit dans { $path }
export_done_folder = { $count ->
    [one] { $count } fichier exporté
   *[other] { $count } fichiers exportés
} dans { $folder }{"\u00A0"}: { $files }
changes_none_since = Aucun changement depuis la version { $release }
changes_since = Depuis la version { $release }{"\u00A0"}: { $summary }
msg_cannot_reload = Relecture impossible{"\u00A0"}: le fichier sur le disque ne se charge pas ({ $problem }){"\u202F"}; vos modifications sont gardées
msg_disk_does_not_load = le fichier sur le disque ne se charge pas ({ $problem })
msg_picks_kept = «{"\u00A0"}{ $path }{"\u00A0"}» était illisible et a été gardé sous le nom «{"\u00A0"}{ $kept }{"\u00A0"}»{"\u202F"}; votre sélection est enregistrée dans un nouveau «{"\u00A0"}{ $path }{"\u00A0"}»

## Versions, sessions verrouillées ou pour tout l’événement, filtres

release_store_unreadable = les versions publiées sont illisibles{"\u00A0"}: { $place }{ $problem } (voir «{"\u00A0"}agora releases{"\u00A0"}»)
release_does_not_load = l’événement sur le disque ne se charge pas{"\u00A0"}: corrigez-le (agora check) avant de publier une version
release_errors = { $errors ->
    [one] version non publiée{"\u00A0"}: { $errors } conflit de niveau erreur (voir la vue Conflits){"\u202F"}; «{"\u00A0"}agora release --force{"\u00A0"}» publie quand même
   *[other] version non publiée{"\u00A0"}: { $errors } conflits de niveau erreur (voir la vue Conflits){"\u202F"}; «{"\u00A0"}agora release --force{"\u00A0"}» publie quand même
}
release_changed_on_disk = l’événement a changé sur le disque
msg_locked = { $title } est verrouillée (locked = true){"\u00A0"}: elle reste où elle est
msg_first_day_only = { $title } est le premier jour de l’événement{"\u00A0"}: elle ne peut pas être avancée
msg_last_day_only = { $title } est le dernier jour de l’événement{"\u00A0"}: elle ne peut pas être reculée
msg_event_wide = { $title } concerne toutes les salles ({ $kind } pour tout l’événement){"\u00A0"}: donnez-lui une salle avec e
msg_filter_count = { $count ->
    [one] { $count } session correspond aux filtres (F les retire)
   *[other] { $count } sessions correspondent aux filtres (F les retire)
}
msg_changes_listed = { $summary } — l’agenda liste ce qui a changé (Enter va à une session, :nofilter montre tout)
grid_all_rooms = {" "}· toutes les salles

## Dates de la grille et des listes : motifs CLDR (E jour de la semaine, d jour, MMM mois, y année), remplis avec les noms CLDR de la langue

date_pattern = EEE d MMM
date_pattern_year = EEE d MMM y

## Affiché sur le terminal quand l’éditeur s’est arrêté (plantage, signal)

stopped_saved = agora s’est arrêté ({ $reason }){"\u202F"}; vos modifications non enregistrées sont dans { $path }.
    Lancez «{"\u00A0"}agora { $event }{"\u00A0"}» pour les restaurer.
stopped_nothing = agora s’est arrêté ({ $reason }){"\u202F"}; il n’y avait aucune modification non enregistrée.
stopped_unwritten = agora s’est arrêté ({ $reason }) et n’a pas pu écrire le fichier de récupération{"\u00A0"}: { $problem }
stopped_busy = agora s’est arrêté ({ $reason }) pendant un travail{"\u202F"}; vos modifications non enregistrées, telles qu’au début de ce travail, sont dans { $path }
stopped_busy_nothing = agora s’est arrêté ({ $reason }) pendant un travail{"\u202F"}; il n’y avait pas de fichier de récupération à laisser (aucune modification non enregistrée à ce moment-là)

## Ce qu’a fait une modification (ligne d’état après un changement, u et Ctrl-r)

did_a_session = une session
did_move = { $title } déplacée
did_resize = durée de { $title } modifiée
did_reassign = { $title } mise dans la salle { $room }
did_unroom = { $title } retirée de sa salle
did_set_field = «{"\u00A0"}{ $key }{"\u00A0"}» de { $title } modifié
did_add_session = { $title } ajoutée
did_remove_session = { $title } supprimée
did_replace_session = { $title } restaurée
did_add_person = { $id } { $role ->
    [moderator] ajouté à l’animation de
   *[speaker] ajouté comme intervenant de
} { $title }
did_remove_person = { $id } { $role ->
    [moderator] retiré de l’animation de
   *[speaker] retiré des intervenants de
} { $title }
did_add_item = { $kind ->
    [room] salle { $name } ajoutée
    [speaker] intervenant { $name } ajouté
   *[track] parcours { $name } ajouté
}
did_remove_item = { $kind ->
    [room] salle { $name } supprimée
    [speaker] intervenant { $name } supprimé
   *[track] parcours { $name } supprimé
}
did_change_item = { $kind ->
    [room] salle { $name } modifiée
    [speaker] intervenant { $name } modifié
   *[track] parcours { $name } modifié
}
did_renamed = { $from } (désormais { $to })
did_people = intervenants et animation de { $title } modifiés
did_new_speaker = intervenant { $name } ajouté { $role ->
    [moderator] à l’animation de
   *[speaker] aux intervenants de
} { $title }

## Formulaires sur un petit écran : combien de champs sont hors de vue

form_more_below = ↓ encore { $below }
form_more_above = ↑ encore { $above }
form_more_both = ↑ encore { $above } · ↓ encore { $below }
