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
