# The editor's own words: English. Same messages in every editor.ftl; see docs/languages.md.

## View tabs

view_grid = Grid
view_agenda = Agenda
view_speakers = Speakers
view_rooms = Rooms
view_conflicts = Conflicts

## The mode, at the left of the status line

mode_normal = NORMAL
mode_grab = GRAB
mode_command = COMMAND
mode_search = SEARCH
mode_edit = EDIT
mode_pick = PICK
mode_prompt = PROMPT
mode_help = HELP
mode_messages = MESSAGES

## Headings of the help screen (?)

group_move = Move
group_views = Views
group_edit = Edit
group_grab = Grab
group_search_and_commands = Search and commands
group_form = Form
group_picker = Picker
group_prompt = Prompt
group_typing = Typing
group_help = Help
group_grid_glyphs = Grid glyphs
group_commands = Commands
group_mouse = Mouse

## The hints bar: one or two words after a key

hint_add = add
hint_apply = apply
hint_cancel = cancel
hint_close = close
hint_command = command
hint_delete = delete
hint_drop = drop
hint_earlier = earlier
hint_edit = edit
hint_grab = grab
hint_help = help
hint_keep = keep
hint_later = later
hint_moderator = moderator
hint_next_field = next field
hint_people = people
hint_quit = quit
hint_room = room
hint_run = run
hint_save = save
hint_search = search
hint_speaker = speaker
hint_undo = undo
hint_view = view

# $width × $height is the terminal's size, $min_width × $min_height the smallest agora draws on.
too_small = Terminal too small: { $width }×{ $height }. agora needs at least { $min_width }×{ $min_height }. Enlarge the window; q quits.
