# Słowa publikowanego programu: polski. Te same komunikaty co w locales/en/export.ftl; zob. docs/languages.md.

program = Program
days = Dni
time = Godzina
room = Sala
session = Sesja
track = Ścieżka
tracks = Ścieżki
speakers = Prelegenci
moderators = Prowadzenie
speakers_index = Prelegenci
sessions = Sesje
details = Szczegóły
description = Opis
link = Link
tags = Słowa kluczowe
add_to_calendar = Dodaj do kalendarza
whole_program_ics = Cały program w Twoim kalendarzu (.ics)
cancelled = Odwołane
tentative = Do potwierdzenia
plenary = Sesja plenarna
everyone = Dla wszystkich
unscheduled = Jeszcze nie zaplanowane
times_in = Godziny według czasu lokalnego
times_note = { $times } ({ $zone })
times_in_utc = Godziny według czasu UTC
legend = Ścieżki
skip_to_content = Przejdź do programu
no_sessions = Brak sesji.
published_with = Program opublikowany za pomocą agora.
colon = {": "}
mark_new = Nowe
mark_moved = Przeniesione
mark_changed = Zmienione
mark_cancelled = Odwołane od poprzedniej wersji
changes = Zmiany w programie
language = Język
languages = Języki
interpretation = Tłumaczenie symultaniczne
list_separator = {", "}
search = Szukaj
search_hint = Tytuł, prelegent, sala
day = Dzień
kind = Rodzaj
all = Wszystkie
condensed = Widok skrócony
favourite = Ulubione
my_agenda = Tylko moje ulubione
download_mine = Pobierz moje ulubione (.ics)
my_time_zone = Godziny w mojej strefie czasowej
no_match = Żadna sesja nie pasuje.
jump_to_time = Przejdź do godziny
room_page = Wszystkie sesje w tej sali
track_page = Wszystkie sesje tej ścieżki
filters = Filtry
accessible = Dostępne dla wózków inwalidzkich
not_accessible = Niedostępne dla wózków inwalidzkich
selection_ics = Te sesje w Twoim kalendarzu (.ics)
subscribe = Subskrybuj (kalendarz będzie zawsze aktualny)
whole_program_page = Cały program
qr_agenda = Ten program w Twoim telefonie
qr_calendar = Subskrybuj z telefonu
kind_talk = Prelekcja
kind_keynote = Wystąpienie główne
kind_panel = Panel dyskusyjny
kind_workshop = Warsztaty
kind_roundtable = Okrągły stół
kind_break = Przerwa
kind_social = Spotkanie towarzyskie
kind_other = Inne
day_at = { $day }, godz. { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
# W cudzysłowie, by nie odmieniać nazwy.
part_ics = Program „{ $name }” w Twoim kalendarzu (.ics)
language_name = { $tag ->
    [ar] arabski
    [de] niemiecki
    [en] angielski
    [es] hiszpański
    [fr] francuski
    [it] włoski
    [ja] japoński
    [nl] niderlandzki
    [pl] polski
    [pt] portugalski
    [zh] chiński
   *[other] { $tag }
}
signage_now = Teraz
signage_next = Następnie
signage_in_ = za { $value }
signage_left = jeszcze { $value }
signage_moved_to = Przeniesione do: { $value }
signage_moved_from = Przeniesione z: { $value }
signage_free_until = Wolne do { $value }
signage_done_today = Dziś w tej sali nic więcej
signage_none_today = Dziś w tej sali nie ma sesji
signage_later_here = Następnie tutaj: { $value }
signage_starts = Wydarzenie rozpoczyna się: { $value }
signage_ended = Wydarzenie się zakończyło. Dziękujemy!
signage_rooms = Sale
signage_until = do
signage_clock = Godzina

## Dziennik zmian: changes.html, changes.atom i CHANGES.md.

changes_md_title = Zmiany w programie: { $event }
changes_page_title = { $event } — zmiany
changes_feed_title = { $event } — wersje
changes_releases = Wersje
changes_back = Powrót do programu
changes_atom = Kanał Atom
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] Pierwsza wersja: { $sessions } sesja.
    [few] Pierwsza wersja: { $sessions } sesje.
   *[other] Pierwsza wersja: { $sessions } sesji.
}
change_unreleased = nieopublikowane zmiany
change_none = Brak zmian.
change_sentence = { $summary }.
change_summary = nowe: { $new }, odwołane: { $cancelled }, usunięte: { $removed }, zmienione: { $changed }
change_summary_items = ; zmiany sal: { $rooms }, prelegentów: { $speakers }, ścieżek: { $tracks }
change_separator = {"; "}
change_quoted = „{ $text }”
change_no_value = brak
change_people = { $field } { $people }
change_description = zmieniony opis
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } min
change_kind_new = nowa
change_kind_cancelled = odwołana
change_kind_removed = usunięta
change_kind_changed = zmieniona
change_kind_moved = przeniesiona
change_item_added = { $kind ->
    [room] dodana sala
    [speaker] dodany prelegent
   *[track] dodana ścieżka
} { $id } { $name }
change_item_removed = { $kind ->
    [room] usunięta sala
    [speaker] usunięty prelegent
   *[track] usunięta ścieżka
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] zmieniona nazwa sali
    [speaker] zmienione nazwisko prelegenta
   *[track] zmieniona nazwa ścieżki
} { $id } { $old } → { $new }
change_field_status = status
change_field_day = dzień
change_field_time = godzina
change_field_room = sala
change_field_duration = czas trwania
change_field_title = tytuł
change_field_speakers = prelegenci
change_field_moderators = prowadzenie
change_field_track = ścieżka
change_field_kind = rodzaj
change_field_language = język
change_field_description = opis
change_field_url = link

## Czas trwania na ekranach („za 12 min”)

span_minutes = { $minutes } min
span_hours = { $minutes ->
    [0] { $hours } godz.
   *[other] { $hours } godz. { $minutes } min
}
span_days = { $days } { $days ->
    [one] dzień
   *[other] dni
}{ $hours ->
    [0] {""}
   *[other] {" "}{ $hours } godz.
}

## CSV (--excel)

csv_id = ID
csv_title = Tytuł
csv_kind = Rodzaj
csv_status = Status
csv_date = Data
csv_start_time = Godzina rozpoczęcia
csv_end_time = Godzina zakończenia
csv_start = Początek
csv_end = Koniec
csv_start_utc = Początek (UTC)
csv_end_utc = Koniec (UTC)
csv_duration_minutes = Czas trwania (minuty)
csv_room_id = ID sali
csv_room = Sala
csv_track_id = ID ścieżki
csv_track = Ścieżka
csv_speakers = Prelegenci
csv_moderators = Prowadzenie
csv_tags = Tagi
csv_url = Link
csv_description = Opis
csv_uid = UID kalendarza
