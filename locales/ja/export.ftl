# 公開するプログラムの文言：日本語。locales/en/export.ftl と同じメッセージ。docs/languages.md を参照。

program = プログラム
days = 日程
time = 時間
room = 会場
session = セッション
track = トラック
tracks = トラック
speakers = 登壇者
moderators = 司会
speakers_index = 登壇者一覧
sessions = セッション
details = 詳細
description = 概要
link = リンク
tags = タグ
add_to_calendar = カレンダーに追加
whole_program_ics = 全プログラムをカレンダーに追加（.ics）
cancelled = 中止
tentative = 未確定
plenary = 全体会
everyone = 全員
unscheduled = 日時未定のセッション
times_in = 時刻は現地時間です
times_note = 時刻は現地時間（{ $zone }）です
times_in_utc = 時刻は協定世界時（UTC）です
legend = トラック
skip_to_content = プログラムへ移動
no_sessions = セッションはありません。
published_with = このプログラムは agora で公開されています。
colon = ：
mark_new = 新規
mark_moved = 変更（会場・時間）
mark_changed = 変更
mark_cancelled = 前回の版から中止
changes = プログラムの変更点
language = 言語
languages = 言語
interpretation = 通訳
list_separator = 、
search = 検索
search_hint = タイトル、登壇者、会場
day = 日付
kind = 種類
all = すべて
condensed = コンパクト表示
favourite = お気に入り
my_agenda = お気に入りのみ
download_mine = お気に入りをダウンロード（.ics）
my_time_zone = 自分のタイムゾーンで表示
no_match = 該当するセッションはありません。
jump_to_time = 時刻へ移動
room_page = この会場のすべてのセッション
track_page = このトラックのすべてのセッション
filters = 絞り込み
accessible = 車いす対応
not_accessible = 車いす非対応
selection_ics = これらのセッションをカレンダーに追加（.ics）
subscribe = 購読する（カレンダーが自動で更新されます）
whole_program_page = 全プログラム
qr_agenda = このプログラムをスマートフォンで見る
qr_calendar = スマートフォンから購読する
kind_talk = 講演
kind_keynote = 基調講演
kind_panel = パネルディスカッション
kind_workshop = ワークショップ
kind_roundtable = ラウンドテーブル
kind_break = 休憩
kind_social = 懇親会
kind_other = その他
day_at = { $day } { $time }
day_time = { $day } { $time }
day_title_style = y年M月d日(E)
date_range_tight = { $start }～{ $end }
date_range_wide = { $start }～{ $end }
time_range = { $start }～{ $end }
time_range_wide = { $start }～{ $end }
part_ics = 「{ $name }」のプログラムをカレンダーに追加（.ics）
language_name = { $tag ->
    [ar] アラビア語
    [de] ドイツ語
    [en] 英語
    [es] スペイン語
    [fr] フランス語
    [it] イタリア語
    [ja] 日本語
    [nl] オランダ語
    [pl] ポーランド語
    [pt] ポルトガル語
    [zh] 中国語
   *[other] { $tag }
}
signage_now = 現在
signage_next = 次
signage_in_ = あと{ $value }
signage_left = 残り{ $value }
signage_moved_to = { $value }に変更
signage_moved_from = { $value }から変更
signage_free_until = { $value }まで空き
signage_done_today = 本日この会場での予定は終了しました
signage_none_today = 本日この会場でのセッションはありません
signage_later_here = この会場の次の予定：{ $value }
signage_starts = イベントは{ $value }に始まります
signage_ended = イベントは終了しました。ありがとうございました。
signage_rooms = 会場
signage_until = まで
signage_clock = 時刻

## 変更履歴：changes.html、changes.atom、CHANGES.md

changes_md_title = { $event } のプログラム変更履歴
changes_page_title = { $event } — 変更履歴
changes_feed_title = { $event } — 公開版
changes_releases = 公開版
changes_back = プログラムに戻る
changes_atom = Atom フィード
changes_time = { $date } { $time }（UTC）
changes_first = 初版：{ $sessions } セッション。
change_unreleased = 未公開の変更
change_none = 変更はありません。
change_sentence = { $summary }。
change_summary = 新規 { $new }、中止 { $cancelled }、削除 { $removed }、変更 { $changed }
change_summary_items = 、会場の変更 { $rooms }、登壇者の変更 { $speakers }、トラックの変更 { $tracks }
change_separator = 、
change_quoted = 「{ $text }」
change_no_value = なし
change_people = { $field } { $people }
change_description = 概要を変更
change_field = { $field } { $old } → { $new }
change_duration = { $field } { $old } → { $new } 分
change_kind_new = 新規
change_kind_cancelled = 中止
change_kind_removed = 削除
change_kind_changed = 変更
change_kind_moved = 移動
change_item_added = { $kind ->
    [room] 会場
    [speaker] 登壇者
   *[track] トラック
}を追加 { $id } { $name }
change_item_removed = { $kind ->
    [room] 会場
    [speaker] 登壇者
   *[track] トラック
}を削除 { $id } { $name }
change_item_renamed = { $kind ->
    [room] 会場
    [speaker] 登壇者
   *[track] トラック
}の名前を変更 { $id } { $old } → { $new }
change_field_status = 状態
change_field_day = 日付
change_field_time = 時間
change_field_room = 会場
change_field_duration = 所要時間
change_field_title = タイトル
change_field_speakers = 登壇者
change_field_moderators = 司会
change_field_track = トラック
change_field_kind = 種類
change_field_language = 言語
change_field_description = 概要
change_field_url = リンク

## サイネージの時間（「あと12分」）

span_minutes = { $minutes }分
span_hours = { $minutes ->
    [0] { $hours }時間
   *[other] { $hours }時間{ $minutes }分
}
span_days = { $hours ->
    [0] { $days }日
   *[other] { $days }日{ $hours }時間
}

## CSV (--excel)

csv_id = ID
csv_title = タイトル
csv_kind = 種類
csv_status = 状態
csv_date = 日付
csv_start_time = 開始時刻
csv_end_time = 終了時刻
csv_start = 開始
csv_end = 終了
csv_start_utc = 開始（UTC）
csv_end_utc = 終了（UTC）
csv_duration_minutes = 所要時間（分）
csv_room_id = 会場ID
csv_room = 会場
csv_track_id = トラックID
csv_track = トラック
csv_speakers = 登壇者
csv_moderators = 司会
csv_tags = タグ
csv_url = リンク
csv_description = 概要
csv_uid = カレンダーUID
