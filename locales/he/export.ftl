# מילות התוכנית המתפרסמת (HTML, Markdown, טקסט, יומנים, שילוט): עברית.
# אותן הודעות כמו locales/en/export.ftl; ראו docs/languages.md.

## תוויות

program = תוכנית
days = ימים
time = שעה
room = אולם
session = מושב
track = מסלול
tracks = מסלולים
speakers = דוברים
moderators = מנחים
speakers_index = דוברים
sessions = מושבים
details = פרטים
description = תיאור
link = קישור
tags = תגיות
add_to_calendar = הוספה ליומן
whole_program_ics = התוכנית המלאה ביומן שלך (.ics)
cancelled = בוטל
tentative = טרם אושר
plenary = מליאה
everyone = כל המשתתפים
unscheduled = טרם שובץ
times_in = השעות לפי הזמן המקומי
times_note = { $times } ({ $zone })
times_in_utc = השעות לפי UTC
legend = מסלולים
skip_to_content = דילוג לתוכנית
no_sessions = אין מושבים.
published_with = התוכנית פורסמה באמצעות agora.
colon = {": "}
mark_new = חדש
mark_moved = הועבר
mark_changed = שונה
mark_cancelled = בוטל מאז הגרסה הקודמת
changes = שינויים בתוכנית
language = שפה
languages = שפות
interpretation = תרגום סימולטני
list_separator = {", "}
search = חיפוש
search_hint = כותרת, דובר, אולם
day = יום
kind = סוג
all = הכול
condensed = תצוגה מקוצרת
favourite = מועדף
my_agenda = רק המועדפים שלי
download_mine = הורדת המועדפים שלי (.ics)
my_time_zone = השעות באזור הזמן שלי
no_match = אין מושב מתאים.
jump_to_time = מעבר לשעה
room_page = כל המושבים באולם
track_page = כל המושבים במסלול
filters = מסננים
accessible = נגיש לכיסאות גלגלים
not_accessible = לא נגיש לכיסאות גלגלים
selection_ics = המושבים האלה ביומן שלך (.ics)
subscribe = הרשמה (היומן שלך יתעדכן)
whole_program_page = התוכנית המלאה
qr_agenda = התוכנית בטלפון שלך
qr_calendar = הרשמה מהטלפון

## סוגי מושבים

kind_talk = הרצאה
kind_keynote = הרצאה מרכזית
kind_panel = פאנל
kind_workshop = סדנה
kind_roundtable = שולחן עגול
kind_break = הפסקה
kind_social = מפגש חברתי
kind_other = אחר

## תאריכים ושעות

day_at = { $day } בשעה { $time }
day_time = { $day }, { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = המושבים של { $name } ביומן שלך (.ics)
language_name = { $tag ->
    [ar] ערבית
    [de] גרמנית
    [en] אנגלית
    [es] ספרדית
    [fa] פרסית
    [fr] צרפתית
    [he] עברית
    [it] איטלקית
    [ja] יפנית
    [nl] הולנדית
    [pl] פולנית
    [pt] פורטוגזית
    [zh] סינית
   *[other] { $tag }
}

## שילוט

signage_now = עכשיו
signage_next = הבא
signage_in_ = בעוד { $value }
signage_left = נותרו { $value }
signage_moved_to = הועבר לאולם { $value }
signage_moved_from = הועבר מאולם { $value }
signage_free_until = פנוי עד { $value }
signage_done_today = אין עוד מושבים היום באולם זה
signage_none_today = אין מושבים היום באולם זה
signage_later_here = הבא כאן: { $value }
signage_starts = תחילת האירוע: { $value }
signage_ended = האירוע הסתיים. תודה!
signage_rooms = אולמות
signage_until = עד
signage_clock = שעה

## יומן השינויים

changes_md_title = שינויים בתוכנית של { $event }
changes_page_title = { $event } — שינויים
changes_feed_title = { $event } — גרסאות
changes_releases = גרסאות
changes_back = חזרה לתוכנית
changes_atom = הזנת Atom
changes_time = { $date }, { $time } UTC
changes_first = { $sessions ->
    [one] גרסה ראשונה: מושב אחד.
    [two] גרסה ראשונה: שני מושבים.
   *[other] גרסה ראשונה: { $sessions } מושבים.
}
change_unreleased = שינויים שטרם פורסמו
change_none = אין שינויים.
change_sentence = { $summary }.
change_summary = חדשים: { $new }, בוטלו: { $cancelled }, הוסרו: { $removed }, שונו: { $changed }
change_summary_items = ; שינויים באולמות: { $rooms }, בדוברים: { $speakers }, במסלולים: { $tracks }
change_separator = {"; "}
change_quoted = „{ $text }”
change_no_value = אין
change_people = { $field } { $people }
change_description = התיאור שונה
change_field = { $field } { $old } ← { $new }
change_duration = { $field } { $old } ← { $new } דק׳
change_kind_new = חדש
change_kind_cancelled = בוטל
change_kind_removed = הוסר
change_kind_changed = שונה
change_kind_moved = הועבר
change_item_added = { $kind ->
    [room] נוסף אולם
    [speaker] נוסף דובר
   *[track] נוסף מסלול
} { $id } { $name }
change_item_removed = { $kind ->
    [room] הוסר אולם
    [speaker] הוסר דובר
   *[track] הוסר מסלול
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] שם האולם שונה
    [speaker] שם הדובר שונה
   *[track] שם המסלול שונה
} { $id } { $old } ← { $new }
change_field_status = מצב
change_field_day = יום
change_field_time = שעה
change_field_room = אולם
change_field_duration = משך
change_field_title = כותרת
change_field_speakers = דוברים
change_field_moderators = מנחים
change_field_track = מסלול
change_field_kind = סוג
change_field_language = שפה
change_field_description = תיאור
change_field_url = קישור

## משכי זמן בשילוט

span_minutes = { $minutes } דק׳
span_hours = { $minutes ->
    [0] { $hours } שע׳
   *[other] { $hours } שע׳ { $minutes } דק׳
}
span_days = { $days ->
    [one] יום
    [two] יומיים
   *[other] { $days } ימים
}{ $hours ->
    [0] {""}
   *[other] {" ו־"}{ $hours } שע׳
}

## CSV (--excel)

csv_id = מזהה
csv_title = כותרת
csv_kind = סוג
csv_status = מצב
csv_date = תאריך
csv_start_time = שעת התחלה
csv_end_time = שעת סיום
csv_start = התחלה
csv_end = סיום
csv_start_utc = התחלה (UTC)
csv_end_utc = סיום (UTC)
csv_duration_minutes = משך (דקות)
csv_room_id = מזהה אולם
csv_room = אולם
csv_track_id = מזהה מסלול
csv_track = מסלול
csv_speakers = דוברים
csv_moderators = מנחים
csv_tags = תגיות
csv_url = קישור
csv_description = תיאור
csv_uid = מזהה ביומן (UID)
