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
