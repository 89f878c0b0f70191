# واژه‌های برنامهٔ منتشرشده (HTML، Markdown، متن، تقویم‌ها، تابلوها): فارسی.
# همان پیام‌های locales/en/export.ftl؛ نگاه کنید به docs/languages.md.

## برچسب‌ها

program = برنامه
days = روزها
time = ساعت
room = سالن
session = نشست
track = محور
tracks = محورها
speakers = سخنرانان
moderators = مجریان
speakers_index = سخنرانان
sessions = نشست‌ها
details = جزئیات
description = توضیحات
link = پیوند
tags = برچسب‌ها
add_to_calendar = افزودن به تقویم
whole_program_ics = کل برنامه در تقویم شما (.ics)
cancelled = لغو شد
tentative = در انتظار تأیید
plenary = نشست عمومی
everyone = همهٔ شرکت‌کنندگان
unscheduled = هنوز زمان‌بندی نشده
times_in = ساعت‌ها به وقت محلی است
times_note = { $times } ({ $zone })
times_in_utc = ساعت‌ها به وقت UTC است
legend = محورها
skip_to_content = رفتن به برنامه
no_sessions = نشستی نیست.
published_with = این برنامه با agora منتشر شده است.
colon = {": "}
mark_new = جدید
mark_moved = جابه‌جا شد
mark_changed = تغییر کرد
mark_cancelled = از نسخهٔ پیشین لغو شده
changes = تغییرات برنامه
language = زبان
languages = زبان‌ها
interpretation = ترجمهٔ همزمان
list_separator = {"، "}
search = جست‌وجو
search_hint = عنوان، سخنران، سالن
day = روز
kind = نوع
all = همه
condensed = نمای فشرده
favourite = برگزیده
my_agenda = فقط برگزیده‌های من
download_mine = بارگیری برگزیده‌های من (.ics)
my_time_zone = ساعت‌ها به منطقهٔ زمانی من
no_match = هیچ نشستی پیدا نشد.
jump_to_time = رفتن به یک ساعت
room_page = همهٔ نشست‌های این سالن
track_page = همهٔ نشست‌های این محور
filters = پالایه‌ها
accessible = قابل دسترس با صندلی چرخ‌دار
not_accessible = بدون دسترسی برای صندلی چرخ‌دار
selection_ics = این نشست‌ها در تقویم شما (.ics)
subscribe = اشتراک (تقویم شما به‌روز می‌ماند)
whole_program_page = کل برنامه
qr_agenda = این برنامه روی تلفن شما
qr_calendar = اشتراک از روی تلفن

## انواع نشست

kind_talk = سخنرانی
kind_keynote = سخنرانی اصلی
kind_panel = میزگرد
kind_workshop = کارگاه
kind_roundtable = میز گفت‌وگو
kind_break = استراحت
kind_social = دیدار دوستانه
kind_other = دیگر

## تاریخ و ساعت

day_at = { $day }، ساعت { $time }
day_time = { $day }، { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } تا { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } تا { $end }
part_ics = نشست‌های «{ $name }» در تقویم شما (.ics)
language_name = { $tag ->
    [ar] عربی
    [de] آلمانی
    [en] انگلیسی
    [es] اسپانیایی
    [fa] فارسی
    [fr] فرانسوی
    [he] عبری
    [it] ایتالیایی
    [ja] ژاپنی
    [nl] هلندی
    [pl] لهستانی
    [pt] پرتغالی
    [zh] چینی
   *[other] { $tag }
}

## تابلوها

signage_now = اکنون
signage_next = بعدی
signage_in_ = { $value } دیگر
signage_left = { $value } مانده
signage_moved_to = به { $value } منتقل شد
signage_moved_from = از { $value } منتقل شد
signage_free_until = آزاد تا { $value }
signage_done_today = امروز در این سالن نشست دیگری نیست
signage_none_today = امروز در این سالن نشستی نیست
signage_later_here = نشست بعدی اینجا: { $value }
signage_starts = آغاز رویداد: { $value }
signage_ended = رویداد به پایان رسید. سپاس!
signage_rooms = سالن‌ها
signage_until = تا
signage_clock = ساعت

## سیاههٔ تغییرات

changes_md_title = تغییرات برنامهٔ { $event }
changes_page_title = { $event } — تغییرات
changes_feed_title = { $event } — نسخه‌ها
changes_releases = نسخه‌ها
changes_back = بازگشت به برنامه
changes_atom = خوراک Atom
changes_time = { $date }، { $time } UTC
changes_first = نسخهٔ نخست: { $sessions } نشست.
change_unreleased = تغییرات منتشرنشده
change_none = تغییری نیست.
change_sentence = { $summary }.
change_summary = جدید: { $new }، لغوشده: { $cancelled }، حذف‌شده: { $removed }، تغییریافته: { $changed }
change_summary_items = ؛ تغییر سالن‌ها: { $rooms }، سخنرانان: { $speakers }، محورها: { $tracks }
change_separator = {"؛ "}
change_quoted = «{ $text }»
change_no_value = هیچ
change_people = { $field } { $people }
change_description = توضیحات تغییر کرد
change_field = { $field } { $old } ← { $new }
change_duration = { $field } { $old } ← { $new } دقیقه
change_kind_new = جدید
change_kind_cancelled = لغو شد
change_kind_removed = حذف شد
change_kind_changed = تغییر کرد
change_kind_moved = جابه‌جا شد
change_item_added = { $kind ->
    [room] سالن افزوده شد
    [speaker] سخنران افزوده شد
   *[track] محور افزوده شد
} { $id } { $name }
change_item_removed = { $kind ->
    [room] سالن حذف شد
    [speaker] سخنران حذف شد
   *[track] محور حذف شد
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] نام سالن تغییر کرد
    [speaker] نام سخنران تغییر کرد
   *[track] نام محور تغییر کرد
} { $id } { $old } ← { $new }
change_field_status = وضعیت
change_field_day = روز
change_field_time = ساعت
change_field_room = سالن
change_field_duration = مدت
change_field_title = عنوان
change_field_speakers = سخنرانان
change_field_moderators = مجریان
change_field_track = محور
change_field_kind = نوع
change_field_language = زبان
change_field_description = توضیحات
change_field_url = پیوند

## مدت‌ها روی تابلو

span_minutes = { $minutes } دقیقه
span_hours = { $minutes ->
    [0] { $hours } ساعت
   *[other] { $hours } ساعت و { $minutes } دقیقه
}
span_days = { $hours ->
    [0] { $days } روز
   *[other] { $days } روز و { $hours } ساعت
}

## CSV (--excel)

csv_id = شناسه
csv_title = عنوان
csv_kind = نوع
csv_status = وضعیت
csv_date = تاریخ
csv_start_time = ساعت آغاز
csv_end_time = ساعت پایان
csv_start = آغاز
csv_end = پایان
csv_start_utc = آغاز (UTC)
csv_end_utc = پایان (UTC)
csv_duration_minutes = مدت (دقیقه)
csv_room_id = شناسهٔ سالن
csv_room = سالن
csv_track_id = شناسهٔ محور
csv_track = محور
csv_speakers = سخنرانان
csv_moderators = مجریان
csv_tags = برچسب‌ها
csv_url = پیوند
csv_description = توضیحات
csv_uid = شناسهٔ تقویم (UID)
