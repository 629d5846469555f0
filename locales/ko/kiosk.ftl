# UI strings, Korean.
language-self-name = 한국어
start-over = 처음으로
back = 뒤로
aid-large-text = 큰 글자
aid-high-contrast = 고대비
aid-read-aloud = 읽어 주기
aid-stop-reading = 멈춤
aid-more-below = 아래에 더 있어요 ▼ (위로 끌어 올리기)
date = { $year }년 { $month }월 { $day }일
fiscal-year = { $year }년도
yen = { $amount }엔
people = { $count }명

## Attract loop
attract-touch = 화면을 터치하여 시작
attract-privacy = 개인을 식별할 수 있는 정보는 기록하지 않습니다
attract-can-map = 지도에서 도쿄 62개 시구정촌의 환경 활동 보기
attract-can-about = 프로젝트 알아보기
attract-demo-tap = 눌러 보세요
attract-featured = 주목할 시구정촌
attract-fact-title = 알고 있나요?
fact-since = { $year }년도부터 도쿄의 { $count }개 시구정촌이 함께 지구온난화 방지에 힘쓰고 있습니다.
fact-grant = 시구정촌의 환경 사업에 한 곳당 최대 { $amount }엔을 보조합니다.
fact-lectures = { $year }년도 체험형 강좌에 { $count }명이 참가했습니다.
fact-ecoproducts = 에코프로덕츠 2012에 { $count }개 자치단체가 출전했습니다.
fact-goya = 공동사업을 알리기 위해 「여주(고야) 씨앗」을 각 시구정촌에 나누어 주었습니다.

## Map hub
map-title = 지도에서 시구정촌을 고르세요
map-about = 프로젝트 소개
map-hint = 지도의 시구정촌을 터치하세요
map-hint-more = 한 번 더 터치하거나 "자세히"를 누르면 그 시구정촌의 페이지가 열립니다. 두 손가락으로 확대·축소, 한 손가락으로 이동할 수 있습니다.
map-more = 자세히
map-card-programs = 주요 사업
map-list-open = 목록에서 고르기
map-list-close = 지도로 돌아가기
map-zoom-tokyo = 도쿄 전체
map-zoom-wards = 23구
map-zoom-tama = 다마
map-zoom-islands = 섬 지역
map-colour-title = 지도 색 구분
map-colour-region = 지역
map-colour-programs = 활동 주제
map-colour-density = 인구 밀도
map-layout-official = 실제 모양
map-layout-tiles = 타일 지도
map-featured = 특집: { $name }
map-no-data = 데이터 없음
map-legend-density = { $range }명/km²
map-inset-distance = 도심에서 약 { $km }km
region-special-wards = 특별구 (23구)
region-tama = 다마 지역
region-islands = 도서 지역
kind-ward = 구
kind-city = 시
kind-town = 정
kind-village = 촌

## Municipality
muni-facts = 데이터
fact-kind = 종류
fact-region = 지역
fact-district = 소속
fact-population = 인구
fact-population-value = { $count }명
fact-area = 면적
fact-area-value = { $value } km²
fact-as-of = { $date } 기준
fact-website = 웹사이트
program-joint = 62개 시구정촌 공동사업
muni-take-home = 스마트폰으로 가져가기
muni-sources = 출처

## Take-home
take-home-title = 스마트폰 카메라로 읽어 주세요
take-home-website = { $name } 웹사이트
take-home-hint = QR 코드를 읽으면 스마트폰에서 페이지가 열립니다.
take-home-step-camera = 1. 스마트폰 카메라를 연다
take-home-step-point = 2. QR 코드에 맞춘다
take-home-step-open = 3. 나타난 링크를 누른다

## About the project
about-title = 프로젝트 소개
about-tab-declaration = 공동선언
about-tab-organizers = 주최・운영
about-tab-plan = 사업계획
about-tab-results = 실적
about-tab-lectures = 체험 강좌
about-declared-on = { $date } 선언
about-started = { $year }년도부터 { $count }개 시구정촌 참여
about-role-host = 주최
about-role-operator = 기획・운영
about-plan-title = { $year }년도 사업계획
about-budget = 사업비 합계 { $amount }
about-grant-cap = 보조금 상한: 시구정촌당 { $amount }
about-status-new = 신규
about-status-continuing = 계속
about-contact = 문의: { $names }
about-results-title = { $year }년도 실적
about-participating = 참가 자치단체 { $count }곳
about-lectures-title = { $year }년도 체험형 일반 공개강좌
about-lectures-total = 총 { $count }명 참가
about-source = 출처: { $source }
about-homepage = 홈페이지 (자료 표기): { $url }

## Idle
idle-title = 계속 보시겠어요?
idle-countdown = { $seconds }초 후에 처음 화면으로 돌아갑니다.
idle-continue = 계속 보기

## Configuration errors (shown to staff only)
config-error-title = 설정 파일에 오류가 있습니다
config-error-help = 담당자께: 다음 문제를 고친 후 키오스크를 다시 시작하세요 (midori-kiosk check 로 확인).

## Quiz
quiz-open = 에코 퀴즈 도전
quiz-title = 에코 퀴즈
quiz-intro = { $count }문제의 퀴즈를 풀고 도쿄의 환경 활동을 알아보세요!
quiz-intro-how = 답을 고르면 바로 정답과 해설이 나옵니다.
quiz-start = 시작
quiz-progress = 제{ $number }문 / 전체 { $total }문
quiz-correct = 정답!
quiz-wrong = 아쉬워요…
quiz-answer-was = 정답: { $answer }
quiz-next = 다음 문제
quiz-see-result = 결과 보기
quiz-score = { $total }문제 중 { $score }문제 정답!
quiz-your-rank = 당신은…
quiz-rank-doctor = 에코 박사
quiz-rank-leader = 에코 리더
quiz-rank-apprentice = 에코 견습생
quiz-rank-beginner = 에코 비기너
quiz-again = 다시 하기
quiz-back-to-map = 지도로 돌아가기
quiz-learn-more = 더 알고 싶다면 스마트폰으로 읽어 주세요
quiz-source-press = 출처: 초록 도쿄 프로젝트 2013년도 보도자료
quiz-source-municipalities = 출처: 시구정촌 데이터 (도쿄도, 국토지리원 등)
quiz-source-url = 출처: { $url }

## Staff (PIN pad and panel)
staff-pin-title = 담당자: PIN을 입력하세요
staff-pin-clear = 지우기
staff-pin-ok = 확인
staff-pin-cancel = 닫기
staff-pin-wrong = PIN이 틀렸습니다 (남은 횟수 { $count }회)
staff-pin-locked = 잠겼습니다. { $seconds }초 후에 다시 시도하세요
staff-pin-not-set = PIN이 설정되지 않았습니다 (midori-kiosk set-pin)
staff-panel-title = 담당자 패널
staff-showcase = 주목할 시구정촌
staff-showcase-none = 없음
staff-showcase-by-staff = 담당자 선택 (다음 시간대까지)
staff-showcase-by-schedule = 일정
staff-showcase-clear = 선택 해제
staff-more-time-off = 단체용 대기 시간 연장({ $factor }배): 꺼짐
staff-more-time-on = 단체용 대기 시간 연장({ $factor }배): 켜짐
staff-speech-volume = 읽어 주기 음량: { $percent }% (눌러서 변경)
staff-health-speech-ok = 읽어 주기: 사용 가능 (Open JTalk, espeak-ng)
staff-health-speech-missing = 읽어 주기: 사용 불가 ({ $problem })
staff-schedule = 일정
staff-counters = 오늘
staff-count-sessions = 방문자 세션: { $count }
staff-count-quiz = 퀴즈: 시작 { $started } / 완료 { $completed }
staff-count-qr = QR 코드 표시: { $count }
staff-top = 많이 선택된 시구정촌
staff-health = 상태
staff-health-ok = 기록: 정상 (대기 { $waiting }건, 저장 { $committed }건)
staff-health-no-log = 경고: 기록 파일이 열려 있지 않아 저장되지 않습니다
staff-health-not-writable = 경고: 기록을 쓸 수 없습니다 ({ $error }). { $waiting }건이 메모리에서 대기 중
staff-health-dropped = 경고: 저장하지 못하고 버린 기록 { $count }건
staff-health-recreated = 주의: 실행 중에 기록 파일이 삭제되어 다시 만들었습니다(그전에 저장된 { $count }건은 옮겨 두었습니다)
staff-health-disk = 디스크 여유: { $mb } MB
staff-health-clock-ok = 시계: { $time }
staff-health-clock-bad = 경고: 시계가 이상합니다 ({ $time })
staff-close = 패널 닫기
staff-exit = 키오스크 종료
staff-health-heartbeat = 최근 하트비트: { $seconds }초 전
staff-health-heartbeat-none = 하트비트: 아직 없음
staff-health-display = 디스플레이: { $backend }
staff-health-display-none = 디스플레이: 없음(창 없음)
staff-health-touch = 터치: 지금까지 { $count }회, 마지막은 { $seconds }초 전 ({ $x }, { $y })
staff-health-touch-none = 터치: 아직 없음(마우스 클릭: { $mouse }회)
staff-health-clock-jumped = 경고: 실행 중에 시계가 { $minutes }분 바뀌었습니다
staff-filter-all = 전체

# Programs of a municipality (issue: own programs first, then the joint ones)
muni-own-programs = 이 지역의 활동
muni-no-own-programs = 이 지역의 활동은 아직 확인된 정보가 없습니다.
muni-joint-programs = 62개 시구정촌 모두가 함께하는 활동
program-open = 자세히 보기
program-year-fiscal = { $year }년도
program-year-calendar = { $year }년
program-year-month = { $year }년 { $month }월
program-source = 출처: { $publisher } 「{ $title }」
program-scan = 스마트폰으로 읽으면 이 활동의 페이지가 열립니다
program-no-page = 이 활동에는 가져갈 페이지가 없습니다.
program-of-all = 62개 시구정촌 공동사업
theme-energy = 에너지
theme-greenery = 녹지
theme-waste = 쓰레기・재활용
theme-water = 물
theme-biodiversity = 생물
theme-declaration = 기후 선언
theme-learning = 배움・행사
theme-mobility = 이동・교통
about-plan-other = 기타
map-legend-theme-has = 「{ $theme }」 활동이 있음 ({ $count })
map-legend-theme-none = 다른 시구정촌 ({ $count })
muni-where = 도쿄의 어디에 있을까요?
