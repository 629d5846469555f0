# UI strings, Japanese (the default language). Content text lives in booth_config/.
language-self-name = 日本語
start-over = はじめから
back = もどる
aid-large-text = 大きな文字
aid-high-contrast = 見やすい色
aid-read-aloud = 読み上げ
aid-stop-reading = 止める
aid-more-below = 下につづきます ▼（指で上へ動かす）
date = { $year }年{ $month }月{ $day }日
fiscal-year = { $year }年度
yen = { $amount }円
people = { $count }人

## Attract loop
attract-touch = 画面にさわってスタート
attract-privacy = 個人を特定する情報は記録しません
attract-can-map = 地図から62市区町村の環境の取り組みを見る
attract-can-about = プロジェクトについて知る
attract-demo-tap = さわってみよう
attract-featured = 注目の市区町村
attract-fact-title = 知っていますか？
fact-since = { $year }年度から、東京の{ $count }の市区町村がいっしょに地球温暖化防止に取り組んでいます。
fact-grant = 市区町村の環境の事業に、1つあたり最大{ $amount }円を助成しています。
fact-lectures = { $year }年度の体験型講座には、{ $count }人が参加しました。
fact-ecoproducts = エコプロダクツ2012には、{ $count }の自治体が出展しました。
fact-goya = 共同事業の普及のため、「ゴーヤの種」を各市区町村に配りました。

## Map hub
map-title = 地図から市区町村をえらんでください
map-about = プロジェクトについて
map-hint = 地図の市区町村にさわってください
map-hint-more = もう一度さわるか「くわしく見る」で、その市区町村のページが開きます。2本の指で拡大・縮小、1本の指で動かせます。
map-more = くわしく見る
map-card-programs = おもな取り組み
map-list-open = 一覧からえらぶ
map-list-close = 地図にもどる
map-zoom-tokyo = 東京全体
map-zoom-wards = 23区
map-zoom-tama = 多摩
map-zoom-islands = 島しょ
map-colour-title = 地図の色分け
map-colour-region = 地域
map-colour-programs = 取り組みのテーマ
map-colour-density = 人口密度
map-layout-official = 実際の形で見る
map-layout-tiles = タイルで見る
map-featured = 特集中：{ $name }
map-no-data = データなし
map-legend-density = { $range }人/km²
map-inset-distance = 都心から約{ $km }km
region-special-wards = 特別区（23区）
region-tama = 多摩地域
region-islands = 島しょ地域
kind-ward = 区
kind-city = 市
kind-town = 町
kind-village = 村

## Municipality
muni-facts = データ
fact-kind = 種別
fact-region = 地域
fact-district = 所属
fact-population = 人口
fact-population-value = { $count }人
fact-area = 面積
fact-area-value = { $value } km²
fact-as-of = { $date }現在
fact-website = ウェブサイト
program-joint = 62市区町村の共同事業
muni-take-home = スマホで持ち帰る
muni-sources = 出典

## Take-home
take-home-title = スマホのカメラで読みとってください
take-home-website = { $name }のウェブサイト
take-home-hint = QRコードを読みとると、ページがスマホで開きます。
take-home-step-camera = 1. スマホのカメラを開く
take-home-step-point = 2. QRコードに向ける
take-home-step-open = 3. 出てきたリンクをタップ

## About the project
about-title = プロジェクトについて
about-tab-declaration = 共同宣言
about-tab-organizers = 主催・運営
about-tab-plan = 事業計画
about-tab-results = 実績
about-tab-lectures = 体験講座
about-declared-on = { $date }に宣言
about-started = { $year }年度から、{ $count }の市区町村が参加
about-role-host = 主催
about-role-operator = 企画・運営
about-plan-title = { $year }年度の事業計画
about-budget = 事業費合計 { $amount }
about-grant-cap = 助成金の上限：1市区町村 { $amount }
about-status-new = 新規
about-status-continuing = 継続
about-contact = 問い合わせ先：{ $names }
about-results-title = { $year }年度の実績
about-participating = 参加自治体 { $count }
about-lectures-title = { $year }年度の体験型一般公開講座
about-lectures-total = 合計 { $count }人が参加
about-source = 出典：{ $source }
about-homepage = ホームページ（資料の表記）：{ $url }

## Idle
idle-title = まだ見ますか？
idle-countdown = { $seconds }秒後に、はじめの画面にもどります。
idle-continue = つづける

## Configuration errors (shown to staff only)
config-error-title = 設定ファイルにエラーがあります
config-error-help = 係員の方へ：次の問題を直してから、キオスクを再起動してください（midori-kiosk check で確認できます）。

## Quiz
quiz-open = エコクイズに挑戦
quiz-title = エコクイズ
quiz-intro = { $count }問のクイズに答えて、東京の環境の取り組みを知ろう！
quiz-intro-how = 答えをえらぶと、すぐに正解と解説が出ます。
quiz-start = スタート
quiz-progress = 第{ $number }問 / 全{ $total }問
quiz-correct = せいかい！
quiz-wrong = ざんねん…
quiz-answer-was = こたえ：{ $answer }
quiz-next = つぎの問題へ
quiz-see-result = けっかを見る
quiz-score = { $total }問中 { $score }問 正解！
quiz-your-rank = あなたは…
quiz-rank-doctor = エコ博士
quiz-rank-leader = エコリーダー
quiz-rank-apprentice = エコ見習い
quiz-rank-beginner = エコビギナー
quiz-again = もう一度
quiz-back-to-map = 地図へもどる
quiz-learn-more = もっと知りたい人は、スマホで読みとってね
quiz-source-press = 出典：みどり東京・温暖化防止プロジェクト 平成25年度 発表資料
quiz-source-municipalities = 出典：市区町村のデータ（東京都、国土地理院ほか）
quiz-source-url = 出典：{ $url }

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
muni-own-programs = この市区町村の取り組み
muni-no-own-programs = この市区町村の取り組みは、まだ確かめられた情報がありません。
muni-joint-programs = 62市区町村すべてで取り組んでいること
program-open = くわしく見る
program-year-fiscal = { $year }年度
program-year-calendar = { $year }年
program-year-month = { $year }年{ $month }月
program-source = 出典：{ $publisher }「{ $title }」
program-scan = スマホで読みとると、この取り組みのページが開きます
program-no-page = この取り組みには持ち帰れるページがありません。
program-of-all = 62市区町村の共同事業
theme-energy = エネルギー
theme-greenery = みどり
theme-waste = ごみ・リサイクル
theme-water = 水
theme-biodiversity = 生きもの
theme-declaration = 気候の宣言
theme-learning = 学び・イベント
theme-mobility = 移動・交通
about-plan-other = そのほか
map-legend-theme-has = { $theme }の取り組みがある（{ $count }）
map-legend-theme-none = ほかの市区町村（{ $count }）
muni-where = 東京のどこにある？
