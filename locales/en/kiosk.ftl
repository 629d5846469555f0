# UI strings, English.
language-self-name = English
start-over = Start over
back = Back
aid-large-text = Larger text
aid-high-contrast = High contrast
aid-read-aloud = Read aloud
aid-stop-reading = Stop
aid-more-below = More below ▼ (drag up)
date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
fiscal-year = FY{ $year }
yen = { $amount } yen
people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}

## Attract loop
attract-touch = Touch the screen to start
attract-privacy = No personal data is recorded
attract-can-map = Explore what Tokyo's 62 municipalities do for the environment
attract-can-about = Learn about the project
attract-demo-tap = Give it a try
attract-featured = Featured municipality
attract-fact-title = Did you know?
fact-since = Since FY{ $year }, Tokyo's { $count } municipalities have worked together against global warming.
fact-grant = Each municipality's environmental projects can get a grant of up to { $amount } yen.
fact-lectures = In FY{ $year }, { $count } people joined the hands-on nature and energy courses.
fact-ecoproducts = { $count } municipalities exhibited at Eco-Products 2012.
fact-goya = To spread the word, goya (bitter gourd) seeds were handed out to every municipality.

## Map hub
map-title = Choose a municipality on the map
map-about = About the project
map-hint = Touch a municipality on the map
map-hint-more = Touch it again, or “More”, to open its page. Pinch with two fingers to zoom, drag with one to move.
map-more = More
map-card-programs = Main programs
map-list-open = Choose from a list
map-list-close = Back to the map
map-zoom-tokyo = All Tokyo
map-zoom-wards = 23 wards
map-zoom-tama = Tama
map-zoom-islands = Islands
map-colour-title = Map colours
map-colour-region = Region
map-colour-programs = Program themes
map-colour-density = Density
map-layout-official = Real shapes
map-layout-tiles = Tiles
map-featured = Featured: { $name }
map-no-data = No data
map-legend-density = { $range } people/km²
map-inset-distance = about { $km } km from central Tokyo
region-special-wards = Special wards (23 wards)
region-tama = Tama area
region-islands = Islands
kind-ward = Special ward
kind-city = City
kind-town = Town
kind-village = Village

## Municipality
muni-facts = Facts
fact-kind = Type
fact-region = Area
fact-district = District
fact-population = Population
fact-population-value = { $count } people
fact-area = Area
fact-area-value = { $value } km²
fact-as-of = as of { $date }
fact-website = Website
program-joint = Joint program of all 62
muni-take-home = Take it home on your phone
muni-sources = Sources

## Take-home
take-home-title = Scan with your phone's camera
take-home-website = Website of { $name }
take-home-hint = Scan the QR code and the page opens on your phone.
take-home-step-camera = 1. Open your phone's camera
take-home-step-point = 2. Point it at the QR code
take-home-step-open = 3. Tap the link that appears

## About the project
about-title = About the project
about-tab-declaration = Declaration
about-tab-organizers = Organizers
about-tab-plan = Plan
about-tab-results = Results
about-tab-lectures = Courses
about-declared-on = Declared on { $date }
about-started = Since FY{ $year }, with { $count } municipalities
about-role-host = Host
about-role-operator = Planning and operation
about-plan-title = Plan for FY{ $year }
about-budget = Total budget { $amount }
about-grant-cap = Grant cap: { $amount } per municipality
about-status-new = New
about-status-continuing = Continuing
about-contact = Contact: { $names }
about-results-title = Results of FY{ $year }
about-participating = { $count } municipalities took part
about-lectures-title = Hands-on public courses, FY{ $year }
about-lectures-total = { $count } participants in all
about-source = Source: { $source }
about-homepage = Website (as printed): { $url }

## Idle
idle-title = Still there?
idle-countdown = Going back to the start in { $seconds } seconds.
idle-continue = Continue

## Configuration errors (shown to staff only)
config-error-title = The booth configuration has errors
config-error-help = For staff: fix these problems, then restart the kiosk (run midori-kiosk check to test).

## Quiz
quiz-open = Take the eco quiz
quiz-title = Eco quiz
quiz-intro = Answer { $count } questions and discover what Tokyo does for the environment!
quiz-intro-how = Choose an answer to see at once whether it is right, and why.
quiz-start = Start
quiz-progress = Question { $number } of { $total }
quiz-correct = Correct!
quiz-wrong = Not quite…
quiz-answer-was = Answer: { $answer }
quiz-next = Next question
quiz-see-result = See your result
quiz-score = { $score } of { $total } right!
quiz-your-rank = You are…
quiz-rank-doctor = an Eco Doctor
quiz-rank-leader = an Eco Leader
quiz-rank-apprentice = an Eco Apprentice
quiz-rank-beginner = an Eco Beginner
quiz-again = Play again
quiz-back-to-map = Back to the map
quiz-learn-more = Want to know more? Scan this with your phone
quiz-source-press = Source: Green Tokyo project, FY2013 press release
quiz-source-municipalities = Source: municipality data (Tokyo Metropolitan Government, GSI and others)
quiz-source-url = Source: { $url }

## Staff (PIN pad and panel)
staff-pin-title = Staff: enter the PIN
staff-pin-clear = Clear
staff-pin-ok = OK
staff-pin-cancel = Close
staff-pin-wrong = Wrong PIN ({ $count } tries left)
staff-pin-locked = Locked. Try again in { $seconds } s
staff-pin-not-set = No PIN is set (midori-kiosk set-pin)
staff-panel-title = Staff panel
staff-showcase = Featured municipality
staff-showcase-none = None
staff-showcase-by-staff = Chosen by staff (until the next slot)
staff-showcase-by-schedule = From the schedule
staff-showcase-clear = Clear the choice
staff-more-time-off = More time for school groups (waits × { $factor }): off
staff-more-time-on = More time for school groups (waits × { $factor }): ON
staff-speech-volume = Read-aloud volume: { $percent } % (tap to change)
staff-health-speech-ok = Read aloud: ready (Open JTalk, espeak-ng)
staff-health-speech-missing = Read aloud: not available ({ $problem })
staff-schedule = Schedule
staff-counters = Today
staff-count-sessions = Visitor sessions: { $count }
staff-count-quiz = Quiz: started { $started } / completed { $completed }
staff-count-qr = QR codes shown: { $count }
staff-top = Most chosen municipalities
staff-health = Health
staff-health-ok = Log: OK ({ $waiting } waiting, { $committed } saved)
staff-health-no-log = Warning: the log file is not open; nothing is being saved
staff-health-not-writable = Warning: cannot write the log ({ $error }); { $waiting } events wait in memory
staff-health-dropped = Warning: { $count } events could not be saved and were dropped
staff-health-recreated = Note: the log file was deleted while running and has been recreated (the { $count } events saved before were kept)
staff-health-disk = Disk free: { $mb } MB
staff-health-clock-ok = Clock: { $time }
staff-health-clock-bad = Warning: the clock looks wrong ({ $time })
staff-close = Close the panel
staff-exit = Quit the kiosk
staff-health-heartbeat = Last heartbeat: { $seconds } s ago
staff-health-heartbeat-none = Heartbeat: none yet
staff-health-display = Display: { $backend }
staff-health-display-none = Display: none (no window)
staff-health-touch = Touch: { $count } fingers so far, the last { $seconds } s ago at ({ $x }, { $y })
staff-health-touch-none = Touch: none yet (mouse presses: { $mouse })
staff-health-clock-jumped = Warning: the clock jumped by { $minutes } min while running
staff-filter-all = All

# Programs of a municipality (issue: own programs first, then the joint ones)
muni-own-programs = Its own programs
muni-no-own-programs = No checked information about its own programs yet.
muni-joint-programs = Shared by all 62 municipalities
program-open = Details
program-year-fiscal = FY{ $year }
program-year-calendar = { $year }
program-year-month = { $month }/{ $year }
program-source = Source: { $publisher }, “{ $title }”
program-scan = Scan to open this program's page on your phone
program-no-page = This program has no page to take home.
program-of-all = Joint program of all 62
theme-energy = Energy
theme-greenery = Greenery
theme-waste = Waste & recycling
theme-water = Water
theme-biodiversity = Wildlife
theme-declaration = Climate pledge
theme-learning = Learning & events
theme-mobility = Getting around
about-plan-other = Other
map-legend-theme-has = With a program on { $theme } ({ $count })
map-legend-theme-none = Others ({ $count })
muni-where = Where it is in Tokyo
