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
