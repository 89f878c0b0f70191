# 发布日程中的文字：简体中文。与 locales/en/export.ftl 的消息相同；见 docs/languages.md。

program = 日程
days = 日期
time = 时间
room = 会场
session = 场次
track = 专题
tracks = 专题
speakers = 演讲嘉宾
moderators = 主持人
speakers_index = 演讲嘉宾
sessions = 场次
details = 详情
description = 简介
link = 链接
tags = 标签
add_to_calendar = 添加到日历
whole_program_ics = 将完整日程添加到日历（.ics）
cancelled = 已取消
tentative = 待确认
plenary = 全体会议
everyone = 全体
unscheduled = 尚未安排的场次
times_in = 时间为当地时间
times_note = { $times }（{ $zone }）
times_in_utc = 时间为协调世界时（UTC）
legend = 专题
skip_to_content = 跳到日程
no_sessions = 没有场次。
published_with = 本日程由 agora 发布。
colon = ：
mark_new = 新增
mark_moved = 已调整
mark_changed = 已修改
mark_cancelled = 自上一版起取消
changes = 日程变更
language = 语言
languages = 语言
interpretation = 同声传译
list_separator = 、
search = 搜索
search_hint = 标题、演讲嘉宾、会场
day = 日期
kind = 类型
all = 全部
condensed = 紧凑视图
favourite = 收藏
my_agenda = 只看我的收藏
download_mine = 下载我的收藏（.ics）
my_time_zone = 按我的时区显示时间
no_match = 没有符合条件的场次。
jump_to_time = 跳到某个时间
room_page = 该会场的所有场次
track_page = 该专题的所有场次
filters = 筛选
accessible = 轮椅可通行
not_accessible = 轮椅无法通行
selection_ics = 将这些场次添加到日历（.ics）
subscribe = 订阅（日历自动更新）
whole_program_page = 完整日程
qr_agenda = 在手机上查看本日程
qr_calendar = 在手机上订阅
kind_talk = 演讲
kind_keynote = 主旨演讲
kind_panel = 专题讨论
kind_workshop = 工作坊
kind_roundtable = 圆桌会议
kind_break = 休息
kind_social = 交流活动
kind_other = 其他
day_at = { $day } { $time }
day_time = { $day } { $time }
day_title_style = y年M月d日E
date_range_tight = { $start }至{ $end }
date_range_wide = { $start }至{ $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = 将“{ $name }”的日程添加到日历（.ics）
language_name = { $tag ->
    [ar] 阿拉伯语
    [de] 德语
    [en] 英语
    [es] 西班牙语
    [fr] 法语
    [it] 意大利语
    [ja] 日语
    [nl] 荷兰语
    [pl] 波兰语
    [pt] 葡萄牙语
    [zh] 中文
   *[other] { $tag }
}
signage_now = 正在进行
signage_next = 下一场
signage_in_ = { $value }后
signage_left = 还剩{ $value }
signage_moved_to = 改至{ $value }
signage_moved_from = 由{ $value }改至此处
signage_free_until = 空闲至{ $value }
signage_done_today = 本会场今天已无安排
signage_none_today = 本会场今天没有场次
signage_later_here = 本会场下一场：{ $value }
signage_starts = 活动将于{ $value }开始
signage_ended = 活动已结束，谢谢！
signage_rooms = 会场
signage_until = 至
signage_clock = 时间

## 变更记录：changes.html、changes.atom 和 CHANGES.md

changes_md_title = { $event } 日程变更记录
changes_page_title = { $event } — 变更记录
changes_feed_title = { $event } — 发布版本
changes_releases = 发布版本
changes_back = 返回日程
changes_atom = Atom 订阅
changes_time = { $date } { $time }（UTC）
changes_first = 首次发布：{ $sessions } 个场次。
change_unreleased = 未发布的变更
change_none = 没有变更。
change_sentence = { $summary }。
change_summary = 新增 { $new } 个，取消 { $cancelled } 个，删除 { $removed } 个，修改 { $changed } 个
change_summary_items = ；会场变更 { $rooms } 个，演讲嘉宾变更 { $speakers } 位，专题变更 { $tracks } 个
change_separator = ；
change_quoted = “{ $text }”
change_no_value = 无
change_people = { $field } { $people }
change_description = 简介已修改
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } 分钟
change_kind_new = 新增
change_kind_cancelled = 已取消
change_kind_removed = 已删除
change_kind_changed = 已修改
change_kind_moved = 已调整
change_item_added = 新增{ $kind ->
    [room] 会场
    [speaker] 演讲嘉宾
   *[track] 专题
} { $id } { $name }
change_item_removed = 删除{ $kind ->
    [room] 会场
    [speaker] 演讲嘉宾
   *[track] 专题
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] 会场
    [speaker] 演讲嘉宾
   *[track] 专题
}更名 { $id } { $old } → { $new }
change_field_status = 状态
change_field_day = 日期
change_field_time = 时间
change_field_room = 会场
change_field_duration = 时长
change_field_title = 标题
change_field_speakers = 演讲嘉宾
change_field_moderators = 主持人
change_field_track = 专题
change_field_kind = 类型
change_field_language = 语言
change_field_description = 简介
change_field_url = 链接

## 标牌上的时长（“12分钟后”）

span_minutes = { $minutes }分钟
span_hours = { $minutes ->
    [0] { $hours }小时
   *[other] { $hours }小时{ $minutes }分钟
}
span_days = { $hours ->
    [0] { $days }天
   *[other] { $days }天{ $hours }小时
}

## CSV (--excel)

csv_id = ID
csv_title = 标题
csv_kind = 类型
csv_status = 状态
csv_date = 日期
csv_start_time = 开始时间
csv_end_time = 结束时间
csv_start = 开始
csv_end = 结束
csv_start_utc = 开始（UTC）
csv_end_utc = 结束（UTC）
csv_duration_minutes = 时长（分钟）
csv_room_id = 会场 ID
csv_room = 会场
csv_track_id = 专题 ID
csv_track = 专题
csv_speakers = 演讲嘉宾
csv_moderators = 主持人
csv_tags = 标签
csv_url = 链接
csv_description = 简介
csv_uid = 日历 UID
