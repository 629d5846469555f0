#!/usr/bin/env bash
# The booth PC as deployed, on this machine: deploy/install.sh into a temporary root (DESTDIR), the unit
# checked by systemd-analyze verify, then the unit's own ExecStart line (test paths) run as an
# unprivileged user under cage with wlroots' headless backend and the pixman renderer:
#   1. native Wayland (the unit's --backend wayland): READY=1 and watchdog pings on a fake
#      NOTIFY_SOCKET, pings stop while the process is stopped and come back after; a grim screenshot
#      of the output shows the attract loop (not black, its English title read by OCR); the log holds
#      app_start; the kiosk says which backend it took;
#   2. forced through Xwayland (--backend x11): the same start, the attract loop in the X window and
#      on cage's output;
#   3. a bare X server without a window manager: the full-screen window fills the screen.
# systemd's WATCHDOG_PID names the unit's main process, cage; the test sets it so too.
# Needs root (to add the test user and run as it; it asks sudo otherwise). Used by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir="$PWD"
bin="${CARGO_TARGET_DIR:-target}/debug/midori-kiosk"
[ -x "$bin" ] || { echo "booth-pc: build first (cargo build --locked)" >&2; exit 1; }
bin="$(realpath "$bin")"
# Root adds the test user and runs cage as it; elsewhere ask sudo.
[ "$(id -u)" = 0 ] || exec sudo --preserve-env=CARGO_TARGET_DIR,KEEP bash "$0" "$@"
user=midori-booth-test
id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
pkill -u "$user" 2>/dev/null && sleep 2 || true # an earlier run's leftovers

# As systemd-tmpfiles leaves it on a booth PC: Xwayland refuses a socket folder not owned by root.
mkdir -p /tmp/.X11-unix && chown root:root /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix

tmp="$(mktemp -d /tmp/midori-booth-pc.XXXXXX)"
chmod 0755 "$tmp"
pids=()
cleanup() {
  pkill -u "$user" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "booth-pc: FAIL: $*" >&2; exit 1; }
say() { echo "booth-pc: $*"; }

# --- install into a temporary root, verify the unit --------------------------------------------------
dest="$tmp/root"
DESTDIR="$dest" MIDORI_BIN="$bin" bash deploy/install.sh >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "install.sh into $dest"; }
unit="$dest/etc/systemd/system/midori-kiosk.service"
for f in opt/midori-kiosk/midori-kiosk opt/midori-kiosk/assets opt/midori-kiosk/locales opt/midori-kiosk/booth_config \
  opt/midori-kiosk/export-to-usb.sh var/lib/midori-kiosk etc/systemd/system/midori-kiosk.service; do
  [ -e "$dest/$f" ] || fail "install.sh did not install /$f"
done
systemd-analyze verify "$unit" >"$tmp/verify.log" 2>&1 || { cat "$tmp/verify.log"; fail "systemd-analyze verify"; }
[ ! -s "$tmp/verify.log" ] || { cat "$tmp/verify.log"; fail "systemd-analyze verify printed warnings"; }
sed 's|^ExecStart=/usr/bin/cage |ExecStart=/usr/bin/no-such-cage |' "$unit" >"$tmp/broken.service"
! systemd-analyze verify "$tmp/broken.service" >/dev/null 2>&1 || fail "systemd-analyze verify accepts a unit whose command is missing (the check checks nothing)"
for line in Type=notify NotifyAccess=all WatchdogSec=30s User=kiosk; do
  grep -qx "$line" "$unit" || fail "the unit lacks $line"
done
say "install.sh into a temporary root, systemd-analyze verify: ok"

exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
[[ "$exec_start" == /usr/bin/cage\ * ]] || fail "ExecStart does not start cage: $exec_start"
[[ "$exec_start" == *"--backend wayland"* ]] || fail "ExecStart does not ask for native Wayland: $exec_start"
test_cmd="${exec_start//\/opt\/midori-kiosk/$dest/opt/midori-kiosk}"
test_cmd="${test_cmd//\/var\/lib\/midori-kiosk/$dest/var/lib/midori-kiosk}"
asset_root="$(sed -n 's/^Environment=BEVY_ASSET_ROOT=//p' "$unit")"
asset_root="${asset_root//\/opt\/midori-kiosk/$dest/opt/midori-kiosk}"
chown -R "$user" "$dest/var/lib/midori-kiosk"

# --- a fake NOTIFY_SOCKET ----------------------------------------------------------------------------
start_listener() { # $1: socket, $2: log
  python3 - "$1" "$2" <<'PY' &
import os, socket, sys, time
path, log = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o777)
t0 = time.monotonic()
with open(log, "a", buffering=1) as out:
    while True:
        msg = s.recv(4096).decode(errors="replace")
        for line in msg.splitlines():
            out.write(f"{time.monotonic() - t0:.2f} {line}\n")
PY
  pids+=($!)
  for _ in $(seq 50); do [ -S "$1" ] && return; sleep 0.1; done
  fail "notify listener did not start"
}
wait_for() { # $1: file, $2: pattern, $3: seconds
  for _ in $(seq $(($3 * 2))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  return 1
}
count() { grep -c "$2" "$1" 2>/dev/null || true; }

ocr_has_title() { # $1: png; the English title of the attract screen, read by tesseract
  convert "$1" -crop "$(identify -format '%w' "$1")x$(($(identify -format '%h' "$1") / 6))+0+0" -resize 200% "$1.title.png"
  tesseract "$1.title.png" - 2>/dev/null | tee "$1.ocr.txt" | grep -q "Green Tokyo"
}
mean_of() { convert "$1" -format "%[fx:mean]" info:; }

run_under_cage() { # $1: name, $2: backend flag
  local name=$1 backend=$2 run="$tmp/$1"
  mkdir -p "$run/xdg" && chown "$user" "$run" "$run/xdg" && chmod 0700 "$run/xdg"
  start_listener "$run/notify.sock" "$run/notify.log"
  local cmd="${test_cmd/--backend wayland/--backend $backend}"
  su -s /bin/bash "$user" -c "cd '$dest/opt/midori-kiosk' && exec env -u DISPLAY -u WAYLAND_DISPLAY \
    XDG_RUNTIME_DIR='$run/xdg' WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
    WLR_HEADLESS_OUTPUTS=1 BEVY_ASSET_ROOT='$asset_root' WGPU_BACKEND=vulkan \
    VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json \
    NOTIFY_SOCKET='$run/notify.sock' WATCHDOG_USEC=4000000 WATCHDOG_PID=\$\$ $cmd" >"$run/kiosk.log" 2>&1 &
  pids+=($!)
  wait_for "$run/notify.log" "READY=1" 150 || { tail -20 "$run/kiosk.log"; fail "$name: no READY=1 within 150 s"; }
  pgrep -u "$user" -x cage >/dev/null || { grep -v "Basic output test" "$run/kiosk.log" | tail -20; fail "$name: cage is gone"; }
  say "$name: READY=1 after $(sed -n 's/ READY=1//p' "$run/notify.log" | head -1) s"
  grep -q "display backend: $backend" "$run/kiosk.log" || { grep "display backend" "$run/kiosk.log"; fail "$name: the kiosk did not report backend $backend"; }
  sleep 3
  pgrep -u "$user" -x midori-kiosk >/dev/null || { grep -v "Basic output test" "$run/kiosk.log" | tail -20; fail "$name: the kiosk is gone"; }
  # The output: a screenshot every 2 s until the attract loop's title can be read on it (the first
  # frames, or half of one, may still be on their way on a loaded machine), at most 90 s; the last one
  # is kept.
  local i
  for i in $(seq 45); do
    su -s /bin/bash "$user" -c "XDG_RUNTIME_DIR='$run/xdg' WAYLAND_DISPLAY=wayland-0 grim '$run/screen.png'" || fail "$name: grim"
    chmod 0644 "$run/screen.png"
    awk "BEGIN{exit !($(mean_of "$run/screen.png") > 0.2)}" && ocr_has_title "$run/screen.png" && break
    sleep 2
  done
  say "$name: screenshot $i ($(mean_of "$run/screen.png"))"
  chmod 0644 "$run/screen.png"
}

watchdog_pings_follow_the_frame_loop() { # $1: run dir
  local run=$1 kiosk
  kiosk="$(pgrep -u "$user" -x midori-kiosk | head -1)"
  [ -n "$kiosk" ] || fail "watchdog: kiosk process not found"
  sleep 5
  local before; before="$(count "$run/notify.log" WATCHDOG=1)"
  [ "$before" -ge 2 ] || fail "watchdog: $before pings after READY (WatchdogSec 4 s: one every 2 s)"
  kill -STOP "$kiosk"; sleep 6
  local stalled; stalled="$(count "$run/notify.log" WATCHDOG=1)"
  kill -CONT "$kiosk"; sleep 6
  local after; after="$(count "$run/notify.log" WATCHDOG=1)"
  [ "$stalled" -le $((before + 1)) ] || fail "watchdog: pings went on while the loop was stopped ($before → $stalled)"
  [ "$after" -gt "$stalled" ] || fail "watchdog: no pings after the loop went on ($stalled → $after)"
  say "watchdog: $before pings, $stalled while stopped for 6 s, $after after"
}

log_has_app_start() { # $1: name
  local db="$dest/var/lib/midori-kiosk/kiosk-01.sqlite" n
  n="$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from events where kind='app_start'\").fetchone()[0])" "$db")"
  [ "$n" -ge 1 ] || fail "$1: no app_start in $db"
}

stop_cage() {
  pkill -u "$user" cage 2>/dev/null || true
  for _ in $(seq 20); do pgrep -u "$user" >/dev/null || return 0; sleep 0.5; done
  pkill -9 -u "$user" 2>/dev/null || true
}

# --- 1. native Wayland under cage ------------------------------------------------------------------
run_under_cage wayland wayland
m="$(mean_of "$tmp/wayland/screen.png")"
awk "BEGIN{exit !($m > 0.2)}" || fail "wayland: the screen is dark (mean $m)"
ocr_has_title "$tmp/wayland/screen.png" || { cat "$tmp/wayland/screen.png.ocr.txt"; fail "wayland: the attract title is not on screen"; }
log_has_app_start wayland
watchdog_pings_follow_the_frame_loop "$tmp/wayland"
say "wayland: attract loop on screen (mean $m, title read), app_start logged"
stop_cage

# --- 2. forced through Xwayland ----------------------------------------------------------------------
run_under_cage xwayland x11
log_has_app_start xwayland
xdisplay="$(tr '\0' '\n' </proc/"$(pgrep -u "$user" -x midori-kiosk | head -1)"/environ | sed -n 's/^DISPLAY=//p')"
[ -n "$xdisplay" ] || fail "xwayland: the kiosk has no DISPLAY"
su -s /bin/bash "$user" -c "DISPLAY=$xdisplay import -window midori-kiosk '$tmp/xwayland/x-window.png'" || fail "xwayland: import"
ocr_has_title "$tmp/xwayland/x-window.png" || fail "xwayland: the kiosk did not draw the attract loop into its X window"
m="$(mean_of "$tmp/xwayland/screen.png")"
awk "BEGIN{exit !($m > 0.2)}" || fail "xwayland: cage's output is dark (mean $m)"
ocr_has_title "$tmp/xwayland/screen.png" || fail "xwayland: the attract title is not on cage's output"
say "xwayland: attract loop on screen through Xwayland too (mean $m, title read), app_start logged"
stop_cage

# --- 3. a bare X server, no window manager ------------------------------------------------------------
xd=":$((90 + RANDOM % 9))"
Xvfb "$xd" -screen 0 1600x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
pids+=($!)
sleep 2
mkdir -p "$tmp/barex" && start_listener "$tmp/barex/notify.sock" "$tmp/barex/notify.log"
(cd "$dest/opt/midori-kiosk" && env -u WAYLAND_DISPLAY DISPLAY="$xd" BEVY_ASSET_ROOT="$asset_root" WGPU_BACKEND=vulkan \
  VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json NOTIFY_SOCKET="$tmp/barex/notify.sock" \
  ./midori-kiosk run --config booth_config --locales locales --data "$tmp/barex/data" >"$tmp/barex/kiosk.log" 2>&1) &
pids+=($!)
wait_for "$tmp/barex/notify.log" "READY=1" 150 || { tail -20 "$tmp/barex/kiosk.log"; fail "bare X: no READY=1"; }
sleep 4
geometry="$(DISPLAY=$xd xwininfo -name midori-kiosk | sed -n 's/^ *-geometry //p')"
[[ "$geometry" == 1600x900+0+0* ]] || fail "bare X: the window is $geometry, not the whole 1600x900 screen"
DISPLAY="$xd" import -window root "$tmp/barex/root.png"
ocr_has_title "$tmp/barex/root.png" || fail "bare X: the attract title is not on screen"
say "bare X without a window manager: the window fills the screen ($geometry)"
say "ok"
