# 發布議程中的文字：繁體中文。與 locales/en/export.ftl 的消息相同；見 docs/languages.md。

program = 議程
days = 日期
time = 時間
room = 會場
session = 場次
track = 專題
tracks = 專題
speakers = 講者
moderators = 主持人
speakers_index = 講者
sessions = 場次
details = 詳情
description = 簡介
link = 連結
tags = 標籤
add_to_calendar = 添加到行事曆
whole_program_ics = 將完整議程添加到行事曆（.ics）
cancelled = 已取消
tentative = 待確認
plenary = 全體會議
everyone = 全體
unscheduled = 尚未安排的場次
times_in = 時間為當地時間
times_note = { $times }（{ $zone }）
times_in_utc = 時間為世界協調時間（UTC）
legend = 專題
skip_to_content = 跳到議程
no_sessions = 沒有場次。
published_with = 本議程由 agora 發布。
colon = ：
mark_new = 新增
mark_moved = 已調整
mark_changed = 已修改
mark_cancelled = 自上一版起取消
changes = 議程變更
language = 語言
languages = 語言
interpretation = 同步口譯
list_separator = 、
search = 搜尋
search_hint = 標題、講者、會場
day = 日期
kind = 類型
all = 全部
condensed = 精簡檢視
favourite = 收藏
my_agenda = 只看我的收藏
download_mine = 下載我的收藏（.ics）
my_time_zone = 按我的時區顯示時間
no_match = 沒有符合條件的場次。
jump_to_time = 跳到某個時間
room_page = 該會場的所有場次
track_page = 該專題的所有場次
filters = 篩選
accessible = 無障礙通行
not_accessible = 無輪椅通道
selection_ics = 將這些場次添加到行事曆（.ics）
subscribe = 訂閱（行事曆自動更新）
whole_program_page = 完整議程
qr_agenda = 在手機上查看本議程
qr_calendar = 在手機上訂閱
kind_talk = 演講
kind_keynote = 主旨演講
kind_panel = 座談
kind_workshop = 工作坊
kind_roundtable = 圓桌會議
kind_break = 休息
kind_social = 交流活動
kind_other = 其他
day_at = { $day } { $time }
day_time = { $day } { $time }
day_title_style = long
date_range_tight = { $start }至{ $end }
date_range_wide = { $start }至{ $end }
time_range = { $start }–{ $end }
time_range_wide = { $start } – { $end }
part_ics = 將“{ $name }”的議程添加到行事曆（.ics）
language_name = { $tag ->
    [ar] 阿拉伯語
    [de] 德語
    [en] 英語
    [es] 西班牙語
    [fr] 法語
    [it] 義大利語
    [ja] 日語
    [nl] 荷蘭語
    [pl] 波蘭語
    [pt] 葡萄牙語
    [zh] 中文
   *[other] { $tag }
}
signage_now = 正在進行
signage_next = 下一場
signage_in_ = { $value }後
signage_left = 還剩{ $value }
signage_moved_to = 改至{ $value }
signage_moved_from = 由{ $value }改至此處
signage_free_until = 空閒至{ $value }
signage_done_today = 本會場今天已無安排
signage_none_today = 本會場今天沒有場次
signage_later_here = 本會場下一場：{ $value }
signage_starts = 活動將於{ $value }開始
signage_ended = 活動已結束，謝謝！
signage_rooms = 會場
signage_until = 至
signage_clock = 時間

## 變更記錄：changes.html、changes.atom 和 CHANGES.md

changes_md_title = { $event } 議程變更記錄
changes_page_title = { $event } — 變更記錄
changes_feed_title = { $event } — 發布版本
changes_releases = 發布版本
changes_back = 返回議程
changes_atom = Atom 訂閱
changes_time = { $date } { $time }（UTC）
changes_first = 首次發布：{ $sessions } 個場次。
change_unreleased = 未發布的變更
change_none = 沒有變更。
change_sentence = { $summary }。
change_summary = 新增 { $new } 個，取消 { $cancelled } 個，刪除 { $removed } 個，修改 { $changed } 個
change_summary_items = ；會場變更 { $rooms } 個，講者變更 { $speakers } 位，專題變更 { $tracks } 個
change_separator = ；
change_quoted = “{ $text }”
change_no_value = 無
change_people = { $field } { $people }
change_description = 簡介已修改
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } 分鐘
change_kind_new = 新增
change_kind_cancelled = 已取消
change_kind_removed = 已刪除
change_kind_changed = 已修改
change_kind_moved = 已調整
change_item_added = 新增{ $kind ->
    [room] 會場
    [speaker] 講者
   *[track] 專題
} { $id } { $name }
change_item_removed = 刪除{ $kind ->
    [room] 會場
    [speaker] 講者
   *[track] 專題
} { $id } { $name }
change_item_renamed = { $kind ->
    [room] 會場
    [speaker] 講者
   *[track] 專題
}更名 { $id } { $old } → { $new }
change_field_status = 狀態
change_field_day = 日期
change_field_time = 時間
change_field_room = 會場
change_field_duration = 時長
change_field_title = 標題
change_field_speakers = 講者
change_field_moderators = 主持人
change_field_track = 專題
change_field_kind = 類型
change_field_language = 語言
change_field_description = 簡介
change_field_url = 連結

## 標牌上的時長（“12分鐘後”）

span_minutes = { $minutes }分鐘
span_hours = { $minutes ->
    [0] { $hours }小時
   *[other] { $hours }小時{ $minutes }分鐘
}
span_days = { $hours ->
    [0] { $days }天
   *[other] { $days }天{ $hours }小時
}

## CSV (--excel)

csv_id = ID
csv_title = 標題
csv_kind = 類型
csv_status = 狀態
csv_date = 日期
csv_start_time = 開始時間
csv_end_time = 結束時間
csv_start = 開始
csv_end = 結束
csv_start_utc = 開始（UTC）
csv_end_utc = 結束（UTC）
csv_duration_minutes = 時長（分鐘）
csv_room_id = 會場 ID
csv_room = 會場
csv_track_id = 專題 ID
csv_track = 專題
csv_speakers = 講者
csv_moderators = 主持人
csv_tags = 標籤
csv_url = 連結
csv_description = 簡介
csv_uid = 行事曆 UID
