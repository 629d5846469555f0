# UI strings, Simplified Chinese.
language-self-name = 简体中文
start-over = 重新开始
back = 返回
aid-large-text = 放大文字
aid-high-contrast = 高对比度
aid-read-aloud = 朗读
aid-stop-reading = 停止
aid-more-below = 下面还有 ▼（向上拖动）
date = { $year }年{ $month }月{ $day }日
fiscal-year = { $year }年度
yen = { $amount }日元
people = { $count }人

## Attract loop
attract-touch = 触摸屏幕开始
attract-privacy = 不记录任何可识别个人身份的信息
attract-can-map = 通过地图了解东京62个区市町村的环保行动
attract-can-about = 了解本项目
attract-demo-tap = 点一下试试
attract-featured = 推荐的区市町村
attract-fact-title = 你知道吗？
fact-since = 自{ $year }年度起，东京的{ $count }个区市町村携手防止全球变暖。
fact-grant = 每个区市町村的环保事业最多可获得{ $amount }日元的补助。
fact-lectures = { $year }年度共有{ $count }人参加了体验型讲座。
fact-ecoproducts = 共有{ $count }个自治体参展了生态产品展2012。
fact-goya = 为推广共同事业，向各区市町村发放了「苦瓜种子」。

## Map hub
map-title = 请在地图上选择区市町村
map-about = 关于本项目
map-hint = 请触摸地图上的区市町村
map-hint-more = 再触摸一次或点“详细”即可打开该区市町村的页面。双指缩放，单指移动。
map-more = 详细
map-card-programs = 主要项目
map-list-open = 从列表选择
map-list-close = 返回地图
map-zoom-tokyo = 东京全域
map-zoom-wards = 23区
map-zoom-tama = 多摩
map-zoom-islands = 岛屿
map-colour-title = 地图配色
map-colour-region = 地区
map-colour-programs = 行动主题
map-colour-density = 人口密度
map-layout-official = 实际形状
map-layout-tiles = 方块地图
map-featured = 专题：{ $name }
map-no-data = 无数据
map-legend-density = { $range }人/km²
map-inset-distance = 距市中心约{ $km }km
region-special-wards = 特别区（23区）
region-tama = 多摩地区
region-islands = 岛屿地区
kind-ward = 区
kind-city = 市
kind-town = 町
kind-village = 村

## Municipality
muni-facts = 数据
fact-kind = 类别
fact-region = 地区
fact-district = 所属
fact-population = 人口
fact-population-value = { $count }人
fact-area = 面积
fact-area-value = { $value } km²
fact-as-of = 截至{ $date }
fact-website = 网站
program-joint = 62个区市町村的共同事业
muni-take-home = 用手机带回家
muni-sources = 出处

## Take-home
take-home-title = 请用手机相机扫描
take-home-website = { $name }的网站
take-home-hint = 扫描二维码，即可在手机上打开页面。
take-home-step-camera = 1. 打开手机相机
take-home-step-point = 2. 对准二维码
take-home-step-open = 3. 点击出现的链接

## About the project
about-title = 关于本项目
about-tab-declaration = 共同宣言
about-tab-organizers = 主办・运营
about-tab-plan = 事业计划
about-tab-results = 成果
about-tab-lectures = 体验讲座
about-declared-on = 宣言日期：{ $date }
about-started = 自{ $year }年度起，{ $count }个区市町村参与
about-role-host = 主办
about-role-operator = 策划・运营
about-plan-title = { $year }年度事业计划
about-budget = 事业费合计 { $amount }
about-grant-cap = 补助金上限：每个区市町村 { $amount }
about-status-new = 新项目
about-status-continuing = 继续
about-contact = 咨询：{ $names }
about-results-title = { $year }年度成果
about-participating = 参加自治体 { $count }个
about-lectures-title = { $year }年度体验型公开讲座
about-lectures-total = 共{ $count }人参加
about-source = 出处：{ $source }
about-homepage = 网站（资料记载）：{ $url }

## Idle
idle-title = 还在看吗？
idle-countdown = { $seconds }秒后返回起始画面。
idle-continue = 继续

## Configuration errors (shown to staff only)
config-error-title = 设置文件有错误
config-error-help = 工作人员：请修正以下问题后重新启动（可用 midori-kiosk check 检查）。

## Quiz
quiz-open = 挑战环保知识问答
quiz-title = 环保知识问答
quiz-intro = 回答{ $count }道题，了解东京的环保行动！
quiz-intro-how = 选择答案后，马上就能看到对错和解说。
quiz-start = 开始
quiz-progress = 第{ $number }题 / 共{ $total }题
quiz-correct = 答对了！
quiz-wrong = 很遗憾…
quiz-answer-was = 答案：{ $answer }
quiz-next = 下一题
quiz-see-result = 查看结果
quiz-score = { $total }题中答对{ $score }题！
quiz-your-rank = 你是…
quiz-rank-doctor = 环保博士
quiz-rank-leader = 环保领袖
quiz-rank-apprentice = 环保学徒
quiz-rank-beginner = 环保新手
quiz-again = 再玩一次
quiz-back-to-map = 返回地图
quiz-learn-more = 想了解更多？请用手机扫描
quiz-source-press = 出处：绿色东京项目 2013年度新闻稿
quiz-source-municipalities = 出处：区市町村数据（东京都、国土地理院等）
quiz-source-url = 出处：{ $url }

## Staff (PIN pad and panel)
staff-pin-title = 工作人员：请输入PIN
staff-pin-clear = 清除
staff-pin-ok = 确定
staff-pin-cancel = 关闭
staff-pin-wrong = PIN错误（还剩{ $count }次）
staff-pin-locked = 已锁定，请{ $seconds }秒后再试
staff-pin-not-set = 未设置PIN（midori-kiosk set-pin）
staff-panel-title = 工作人员面板
staff-showcase = 推荐的区市町村
staff-showcase-none = 无
staff-showcase-by-staff = 工作人员选择（至下一时段）
staff-showcase-by-schedule = 按日程
staff-showcase-clear = 取消选择
staff-more-time-off = 为团体延长等待时间（{ $factor }倍）：关
staff-more-time-on = 为团体延长等待时间（{ $factor }倍）：开
staff-speech-volume = 朗读音量：{ $percent }%（点击更改）
staff-health-speech-ok = 朗读：可用（Open JTalk、espeak-ng）
staff-health-speech-missing = 朗读：不可用（{ $problem }）
staff-schedule = 日程
staff-counters = 今天
staff-count-sessions = 访客会话：{ $count }
staff-count-quiz = 问答：开始 { $started } / 完成 { $completed }
staff-count-qr = 显示二维码：{ $count }
staff-top = 最常选择的区市町村
staff-health = 状态
staff-health-ok = 记录：正常（等待 { $waiting }，已保存 { $committed }）
staff-health-no-log = 警告：记录文件未打开，操作不会被保存
staff-health-not-writable = 警告：无法写入记录（{ $error }），{ $waiting }条在内存中等待
staff-health-dropped = 警告：有{ $count }条记录无法保存而被丢弃
staff-health-recreated = 注意：记录文件在运行中被删除，已重新创建（之前保存的{ $count }条已保留）
staff-health-disk = 磁盘剩余：{ $mb } MB
staff-health-clock-ok = 时钟：{ $time }
staff-health-clock-bad = 警告：时钟似乎不正确（{ $time }）
staff-close = 关闭面板
staff-exit = 退出
staff-health-heartbeat = 最近心跳：{ $seconds }秒前
staff-health-heartbeat-none = 心跳：暂无
staff-health-display = 显示：{ $backend }
staff-health-display-none = 显示：无（没有窗口）
staff-health-touch = 触摸：至今{ $count }次，最近一次在{ $seconds }秒前（{ $x }, { $y }）
staff-health-touch-none = 触摸：暂无（鼠标点击：{ $mouse }次）
staff-health-clock-jumped = 警告：运行中时钟跳变了{ $minutes }分钟
staff-filter-all = 全部

# Programs of a municipality (issue: own programs first, then the joint ones)
muni-own-programs = 本地的环保行动
muni-no-own-programs = 暂无经过核实的本地环保行动信息。
muni-joint-programs = 62个区市町村共同开展的行动
program-open = 查看详情
program-year-fiscal = { $year }年度
program-year-calendar = { $year }年
program-year-month = { $year }年{ $month }月
program-source = 出处：{ $publisher }「{ $title }」
program-scan = 用手机扫码即可打开该行动的网页
program-no-page = 该行动没有可带走的网页。
program-of-all = 62个区市町村的共同事业
theme-energy = 能源
theme-greenery = 绿化
theme-waste = 垃圾・回收
theme-water = 水
theme-biodiversity = 生物
theme-declaration = 气候宣言
theme-learning = 学习・活动
theme-mobility = 出行・交通
about-plan-other = 其他
map-legend-theme-has = 有「{ $theme }」行动（{ $count }）
map-legend-theme-none = 其他区市町村（{ $count }）
muni-where = 在东京的位置
