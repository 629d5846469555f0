#!/usr/bin/env bash
# Startup benchmark, measured side by side in one run: time from launching the process to its first
# rendered frames, for an empty Bevy 0.19 app with the kiosk's features (examples/empty_window.rs) and for
# the kiosk (first frame at all, and first frame of the attract loop with fonts and content), full HD
# under Xvfb with Mesa's software Vulkan (lavapipe). Also the frame time with rendering, from the
# kiosk's own heartbeat after 70 s on the attract loop. Release build:
#   cargo build --release --locked && cargo build --release --locked --example empty_window
#   bash benches/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}/release"
runs="${1:-7}"
export WGPU_BACKEND=vulkan VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json BEVY_ASSET_ROOT="$PWD"
Xvfb :77 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
export DISPLAY=:77
sleep 1
data=$(mktemp -d)
measure() { # label, command...
  local label="$1"; shift
  local all=()
  for _ in $(seq "$runs"); do
    local t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    local t1=$EPOCHREALTIME
    all+=("$(awk "BEGIN{printf \"%.0f\", ($t1 - $t0) * 1000}")")
  done
  local median
  median=$(printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  echo "$label: median $median ms (runs: ${all[*]})"
  eval "${label//[^a-z]/_}=$median"
}
measure empty "$target/examples/empty_window"
measure kiosk_first "$target/midori-kiosk" run --data "$data" --exit-after-first-frame loading
measure kiosk_attract "$target/midori-kiosk" run --data "$data" --exit-after-first-frame attract
awk "BEGIN{printf \"kiosk first frame / empty window: %.2fx (goal <= 1.3x); attract loop ready / empty window: %.2fx\n\", $kiosk_first/$empty, $kiosk_attract/$empty}"
# Rendering cost: 70 s of the attract loop under lavapipe; the heartbeat logs frame time p50/p99.
rm -rf "$data"; data=$(mktemp -d)
timeout 75 "$target/midori-kiosk" run --data "$data" >/dev/null 2>&1 || true
sqlite_file=$(ls "$data"/*.sqlite | head -1)
python3 - "$sqlite_file" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT uptime_s, p50_us, p99_us FROM events WHERE kind='heartbeat' ORDER BY utc_ms").fetchall()
for r in rows:
    print(f"rendered under lavapipe at {r[0]} s: frame p50 {r[1]/1000:.1f} ms, p99 {r[2]/1000:.1f} ms")
PY
ls -l "$target/midori-kiosk" | awk '{printf "binary size: %.1f MiB\n", $5/1048576}'
rm -rf "$data"
