# كلمات البرنامج المنشور: العربية. الرسائل نفسها الموجودة في locales/en/export.ftl؛ انظر docs/languages.md.

program = البرنامج
days = الأيام
time = الوقت
room = القاعة
session = الجلسة
track = المسار
tracks = المسارات
speakers = المتحدثون
moderators = إدارة الجلسة
speakers_index = المتحدثون
sessions = الجلسات
details = التفاصيل
description = الوصف
link = الرابط
tags = الكلمات المفتاحية
add_to_calendar = إضافة إلى التقويم
whole_program_ics = البرنامج كاملًا في تقويمك (.ics)
cancelled = أُلغيت
tentative = قيد التأكيد
plenary = جلسة عامة
everyone = للجميع
unscheduled = جلسات لم تُجدول بعد
times_in = الأوقات بالتوقيت المحلي
times_note = { $times } ({ $zone })
times_in_utc = الأوقات بالتوقيت العالمي المنسق (UTC)
legend = المسارات
skip_to_content = الانتقال إلى البرنامج
no_sessions = لا توجد جلسات.
published_with = نُشر البرنامج باستخدام agora.
colon = {": "}
mark_new = جديدة
mark_moved = نُقلت
mark_changed = عُدّلت
mark_cancelled = أُلغيت منذ الإصدار السابق
changes = التغييرات في البرنامج
language = اللغة
languages = اللغات
interpretation = الترجمة الفورية
list_separator = {"، "}
search = بحث
search_hint = العنوان، المتحدث، القاعة
day = اليوم
kind = النوع
all = الكل
condensed = عرض مختصر
favourite = المفضلة
my_agenda = مفضّلاتي فقط
download_mine = تنزيل مفضّلاتي (.ics)
my_time_zone = المواعيد بحسب منطقتي الزمنية
no_match = لا توجد جلسة مطابقة.
jump_to_time = الانتقال إلى موعد
room_page = كل جلسات القاعة
track_page = كل جلسات المسار
filters = عوامل التصفية
accessible = مهيأة للكراسي المتحركة
not_accessible = غير مهيأة للكراسي المتحركة
selection_ics = هذه الجلسات في تقويمك (.ics)
subscribe = اشترك (يبقى تقويمك محدَّثًا)
whole_program_page = البرنامج كاملًا
qr_agenda = هذا البرنامج على هاتفك
qr_calendar = اشترك من هاتفك
kind_talk = محاضرة
kind_keynote = كلمة رئيسية
kind_panel = حلقة نقاش
kind_workshop = ورشة عمل
kind_roundtable = طاولة مستديرة
kind_break = استراحة
kind_social = لقاء اجتماعي
kind_other = أخرى
day_at = { $day } الساعة { $time }
day_time = { $day }، { $time }
day_title_style = long
date_range_tight = { $start }–{ $end }
date_range_wide = { $start } – { $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = برنامج «{ $name }» في تقويمك (.ics)
language_name = { $tag ->
    [ar] العربية
    [de] الألمانية
    [en] الإنجليزية
    [es] الإسبانية
    [fr] الفرنسية
    [it] الإيطالية
    [ja] اليابانية
    [nl] الهولندية
    [pl] البولندية
    [pt] البرتغالية
    [zh] الصينية
   *[other] { $tag }
}
signage_now = الآن
signage_next = التالي
signage_in_ = بعد { $value }
signage_left = متبقٍ { $value }
signage_moved_to = نُقلت إلى { $value }
signage_moved_from = نُقلت من { $value }
signage_free_until = متاحة حتى { $value }
signage_done_today = لا شيء آخر اليوم في هذه القاعة
signage_none_today = لا جلسات اليوم في هذه القاعة
signage_later_here = التالي هنا: { $value }
signage_starts = تبدأ الفعالية يوم { $value }
signage_ended = انتهت الفعالية. شكرًا لكم!
signage_rooms = القاعات
signage_until = حتى
signage_clock = الوقت

## سجل التغييرات: changes.html وchanges.atom وCHANGES.md

changes_md_title = التغييرات في برنامج { $event }
changes_page_title = { $event } — التغييرات
changes_feed_title = { $event } — الإصدارات
changes_releases = الإصدارات
changes_back = العودة إلى البرنامج
changes_atom = موجز Atom
changes_time = { $date }، { $time } UTC
changes_first = { $sessions ->
    [zero] الإصدار الأول: لا جلسات.
    [one] الإصدار الأول: جلسة واحدة.
    [two] الإصدار الأول: جلستان.
    [few] الإصدار الأول: { $sessions } جلسات.
   *[other] الإصدار الأول: { $sessions } جلسة.
}
change_unreleased = تغييرات غير منشورة
change_none = لا تغييرات.
change_sentence = { $summary }.
change_summary = جديدة: { $new }، أُلغيت: { $cancelled }، حُذفت: { $removed }، عُدّلت: { $changed }
change_summary_items = ؛ تغييرات القاعات: { $rooms }، المتحدثين: { $speakers }، المسارات: { $tracks }
change_separator = {"؛ "}
change_quoted = «{ $text }»
change_no_value = لا شيء
change_people = { $field } { $people }
change_description = عُدّل الوصف
change_field = { $field } { $old } ← { $new }
change_duration = { $field } { $old } ← { $new } دقيقة
change_kind_new = جديدة
change_kind_cancelled = أُلغيت
change_kind_removed = حُذفت
change_kind_changed = عُدّلت
change_kind_moved = نُقلت
change_item_added = { $kind ->
    [room] أُضيفت القاعة
    [speaker] أُضيف المتحدث
   *[track] أُضيف المسار
} { $id } { $name }
change_item_removed = { $kind ->
    [room] حُذفت القاعة
    [speaker] حُذف المتحدث
   *[track] حُذف المسار
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] تغيّر اسم القاعة
    [speaker] تغيّر اسم المتحدث
   *[track] تغيّر اسم المسار
} { $id } { $old } ← { $new }
change_field_status = الحالة
change_field_day = اليوم
change_field_time = الوقت
change_field_room = القاعة
change_field_duration = المدة
change_field_title = العنوان
change_field_speakers = المتحدثون
change_field_moderators = إدارة الجلسة
change_field_track = المسار
change_field_kind = النوع
change_field_language = اللغة
change_field_description = الوصف
change_field_url = الرابط

## المدد على الشاشات («بعد 12 دقيقة»)

span_minutes = { $minutes ->
    [zero] أقل من دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
}
span_hours = { $hours ->
    [one] ساعة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
}{ $minutes ->
    [0] {""}
   *[other] {" و"}{ $minutes } د
}
span_days = { $days ->
    [one] يوم
    [two] يومان
    [few] { $days } أيام
   *[other] { $days } يومًا
}{ $hours ->
    [0] {""}
   *[other] {" و"}{ $hours } س
}

## CSV (--excel)

csv_id = المعرّف
csv_title = العنوان
csv_kind = النوع
csv_status = الحالة
csv_date = التاريخ
csv_start_time = وقت البدء
csv_end_time = وقت الانتهاء
csv_start = البدء
csv_end = الانتهاء
csv_start_utc = البدء (UTC)
csv_end_utc = الانتهاء (UTC)
csv_duration_minutes = المدة (بالدقائق)
csv_room_id = معرّف القاعة
csv_room = القاعة
csv_track_id = معرّف المسار
csv_track = المسار
csv_speakers = المتحدثون
csv_moderators = إدارة الجلسة
csv_tags = الوسوم
csv_url = الرابط
csv_description = الوصف
csv_uid = معرّف التقويم (UID)
