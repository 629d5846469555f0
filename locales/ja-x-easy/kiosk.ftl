# UI strings, やさしい日本語 (plain Japanese, ja-x-easy). Style: readings in （） after kanji beyond grade 2, spaces between phrases.
language-self-name = やさしい日本語
start-over = はじめから
back = もどる
aid-large-text = 大きい 字
aid-high-contrast = 見やすい 色
aid-read-aloud = 読み上げ
aid-stop-reading = 止める
aid-more-below = 下に つづきます ▼（指（ゆび）で 上へ 動（うご）かす）
date = { $year }年{ $month }月{ $day }日
fiscal-year = { $year }年度（ねんど）
yen = { $amount }円
people = { $count }人

## Attract loop
attract-touch = 画面（がめん）に さわって スタート
attract-privacy = あなたが だれか わかる 情報（じょうほう）は 記録（きろく）しません
attract-can-map = 地図から 62の 市区町村（しくちょうそん）の 環境（かんきょう）の 取（と）り組みを 見る
attract-can-about = プロジェクトに ついて 知る
attract-demo-tap = さわって みよう
attract-featured = おすすめの 市区町村（しくちょうそん）
attract-fact-title = 知って いますか？
fact-since = { $year }年度（ねんど）から、東京の { $count }の 市区町村（しくちょうそん）が いっしょに 活動（かつどう）して います。地球温暖化（ちきゅうおんだんか）を ふせぐ ための 活動（かつどう）です。
fact-grant = 市区町村（しくちょうそん）の 環境（かんきょう）の 取（と）り組みに、お金を 出して います。1つ あたり、いちばん 多くて { $amount }円です。
fact-lectures = { $year }年度（ねんど）の 体験（たいけん）教室には、{ $count }人が 参加（さんか）しました。
fact-ecoproducts = エコプロダクツ2012には、{ $count }の 市区町村（しくちょうそん）が ブースを 出しました。
fact-goya = 「ゴーヤの 種（たね）」を それぞれの 市区町村（しくちょうそん）に くばりました。いっしょに する 取（と）り組みを みんなに 知らせる ためです。

## Map hub
map-title = 地図から 市区町村（しくちょうそん）を えらんで ください
map-about = プロジェクトに ついて
map-hint = 地図の 市区町村（しくちょうそん）に さわって ください
map-hint-more = もう いちど さわると、その 市区町村（しくちょうそん）の ページが 開（ひら）きます。「くわしく 見る」に さわっても 開（ひら）きます。2本の 指（ゆび）で、地図を 大きく したり 小さく したり できます。1本の 指（ゆび）で 地図を 動（うご）かせます。
map-more = くわしく 見る
map-card-programs = おもな 取（と）り組み
map-list-open = リストから えらぶ
map-list-close = 地図に もどる
map-zoom-tokyo = 東京 ぜんぶ
map-zoom-wards = 23区（く）
map-zoom-tama = 多摩（たま）
map-zoom-islands = 島（しま）
map-colour-title = 地図の 色分け
map-colour-region = 地域（ちいき）
map-colour-programs = 取（と）り組みの テーマ
map-colour-density = 人の 多さ
map-layout-official = 本当の 形で 見る
map-layout-tiles = タイルで 見る
map-featured = おすすめ：{ $name }
map-no-data = データなし
map-legend-density = { $range }人/km²
map-inset-distance = 東京の 中心から だいたい { $km }km
region-special-wards = 23区（く）
region-tama = 多摩（たま）の 地域（ちいき）
region-islands = 島（しま）の 地域（ちいき）
kind-ward = 区（く）
kind-city = 市
kind-town = 町
kind-village = 村

## Municipality
muni-facts = データ
fact-kind = 種類（しゅるい）
fact-region = 地域（ちいき）
fact-district = 所属（しょぞく）
fact-population = 人口
fact-population-value = { $count }人
fact-area = 広さ
fact-area-value = { $value } km²
fact-as-of = { $date }の データ
fact-website = ホームページ
program-joint = 62の 市区町村（しくちょうそん）が いっしょに する 取（と）り組み
muni-take-home = スマホで 見る
muni-sources = 出典（しゅってん）

## Take-home
take-home-title = スマホの カメラで 読みとって ください
take-home-website = { $name }の ホームページ
take-home-hint = QRコードを 読みとると、ページが スマホで 開（ひら）きます。
take-home-step-camera = 1. スマホの カメラを 開（ひら）く
take-home-step-point = 2. QRコードに 向（む）ける
take-home-step-open = 3. 出て きた リンクを タップ

## About the project
about-title = プロジェクトに ついて
about-tab-declaration = 約束（やくそく）
about-tab-organizers = だれが するか
about-tab-plan = 計画
about-tab-results = した こと
about-tab-lectures = 教室
about-declared-on = { $date }に 約束（やくそく）しました
about-started = { $year }年度（ねんど）から、{ $count }の 市区町村（しくちょうそん）が 参加（さんか）
about-role-host = 中心に なる ところ
about-role-operator = 計画を 作って 進（すす）める ところ
about-plan-title = { $year }年度（ねんど）の 計画
about-budget = 使（つか）う お金の 合計 { $amount }
about-grant-cap = 市区町村（しくちょうそん）に 出す お金：1つ { $amount }まで
about-status-new = 新しい
about-status-continuing = 前から つづく
about-contact = しつもんは：{ $names }
about-results-title = { $year }年度（ねんど）に した こと
about-participating = 参加（さんか）した 市区町村（しくちょうそん） { $count }
about-lectures-title = { $year }年度（ねんど）の だれでも 参加（さんか）できる 体験（たいけん）教室
about-lectures-total = ぜんぶで { $count }人が 参加（さんか）
about-source = 出典（しゅってん）：{ $source }
about-homepage = 資料（しりょう）に 書いて ある ホームページ：{ $url }

## Idle
idle-title = まだ 見ますか？
idle-countdown = { $seconds }秒（びょう）たつと、はじめの 画面（がめん）に もどります。
idle-continue = つづける

## Configuration errors (shown to staff only)
config-error-title = 設定ファイルにエラーがあります
config-error-help = 係員の方へ：次の問題を直してから、キオスクを再起動してください（midori-kiosk check で確認できます）。

## Quiz
quiz-open = エコクイズを する
quiz-title = エコクイズ
quiz-intro = { $count }問（もん）の クイズに 答えて、東京の 環境（かんきょう）の 取（と）り組みを 知ろう！
quiz-intro-how = 答えを えらぶと、すぐに 正しい 答えと 説明（せつめい）が 出ます。
quiz-start = スタート
quiz-progress = { $number }問目（もんめ） / ぜんぶで { $total }問（もん）
quiz-correct = せいかい！
quiz-wrong = ざんねん…
quiz-answer-was = こたえ：{ $answer }
quiz-next = つぎの もんだい
quiz-see-result = けっかを 見る
quiz-score = { $total }問（もん）の うち { $score }問（もん） せいかい！
quiz-your-rank = あなたは…
quiz-rank-doctor = エコはかせ
quiz-rank-leader = エコリーダー
quiz-rank-apprentice = エコみならい
quiz-rank-beginner = エコビギナー
quiz-again = もう いちど
quiz-back-to-map = 地図へ もどる
quiz-learn-more = もっと 知りたい 人は、スマホで 読みとってね
quiz-source-press = 出典（しゅってん）：「みどり東京・温暖化防止（おんだんかぼうし）プロジェクト」が 2013年度（ねんど）に 発表（はっぴょう）した 資料（しりょう）
quiz-source-municipalities = 出典（しゅってん）：東京都（とうきょうと）、国土地理院（こくどちりいん）などの 市区町村（しくちょうそん）の データ
quiz-source-url = 出典（しゅってん）：{ $url }

## Staff (PIN pad and panel)
staff-pin-title = 係員用：PINを入力してください
staff-pin-clear = 消去
staff-pin-ok = OK
staff-pin-cancel = 閉じる
staff-pin-wrong = PINがちがいます（あと{ $count }回）
staff-pin-locked = ロック中です。{ $seconds }秒後にもう一度どうぞ
staff-pin-not-set = PINが設定されていません（midori-kiosk set-pin）
staff-panel-title = 係員パネル
staff-showcase = 注目の市区町村
staff-showcase-none = なし
staff-showcase-by-staff = 係員が選択（次の枠まで）
staff-showcase-by-schedule = スケジュール
staff-showcase-clear = 選択を解除
staff-more-time-off = 団体向けに待ち時間を延ばす（{ $factor }倍）：オフ
staff-more-time-on = 団体向けに待ち時間を延ばす（{ $factor }倍）：オン
staff-speech-volume = 読み上げの音量：{ $percent }%（タップで変更）
staff-health-speech-ok = 読み上げ：使えます（Open JTalk・espeak-ng）
staff-health-speech-missing = 読み上げ：使えません（{ $problem }）
staff-schedule = スケジュール
staff-counters = 今日の数
staff-count-sessions = 来場者セッション：{ $count }
staff-count-quiz = クイズ：開始 { $started } / 完了 { $completed }
staff-count-qr = QRコード表示：{ $count }
staff-top = よく選ばれた市区町村
staff-health = 状態
staff-health-ok = 記録：正常（待ち { $waiting }件、保存済み { $committed }件）
staff-health-no-log = 警告：記録ファイルが開いていません。操作は保存されません
staff-health-not-writable = 警告：記録ファイルに書き込めません（{ $error }）。{ $waiting }件がメモリで待っています
staff-health-dropped = 警告：保存できずに捨てた記録 { $count }件
staff-health-recreated = 注意：記録ファイルが消されたため作り直しました（それまでの{ $count }件は移してあります）
staff-health-disk = ディスクの空き：{ $mb } MB
staff-health-clock-ok = 時計：{ $time }
staff-health-clock-bad = 警告：時計がおかしいようです（{ $time }）
staff-close = パネルを閉じる
staff-exit = キオスクを終了
staff-health-heartbeat = 最新のハートビート：{ $seconds }秒前
staff-health-heartbeat-none = ハートビート：まだありません
staff-health-display = 表示：{ $backend }
staff-health-display-none = 表示：なし（ウィンドウなし）
staff-health-touch = タッチ：これまで{ $count }回、最後は{ $seconds }秒前（{ $x }, { $y }）
staff-health-touch-none = タッチ：まだありません（マウスのクリック：{ $mouse }回）
staff-health-clock-jumped = 警告：時計が{ $minutes }分ずれました（動作中に変更されました）
staff-filter-all = すべて

# Programs of a municipality (issue: own programs first, then the joint ones)
muni-own-programs = この 市区町村（しくちょうそん）の 取（と）り組み
muni-no-own-programs = この 市区町村（しくちょうそん）の 取（と）り組みは、まだ 確（たし）かめた 情報（じょうほう）が ありません。
muni-joint-programs = 62の 市区町村（しくちょうそん） すべてで して いる こと
program-open = くわしく 見る
program-year-fiscal = { $year }年度（ねんど）
program-year-calendar = { $year }年
program-year-month = { $year }年{ $month }月
program-source = 出典（しゅってん）：{ $publisher }「{ $title }」
program-scan = スマホで 読みとると、この 取（と）り組みの ページが 開（ひら）きます
program-no-page = この 取（と）り組みには、スマホで 見る ページが ありません。
program-of-all = 62の 市区町村（しくちょうそん）が いっしょに する 取（と）り組み
theme-energy = エネルギー
theme-greenery = みどり
theme-waste = ごみ・リサイクル
theme-water = 水
theme-biodiversity = 生きもの
theme-declaration = 気候（きこう）の 約束（やくそく）
theme-learning = 学び・イベント
theme-mobility = 移動（いどう）・交通
about-plan-other = そのほか
map-legend-theme-has = { $theme }の 取（と）り組みが ある（{ $count }）
map-legend-theme-none = そのほか（{ $count }）
muni-where = 東京の どこに ある？
