#!/usr/bin/env bash
# Renders every screen in every language to shots/<screen>-<lang>.png under Xvfb with Mesa's software
# Vulkan (lavapipe), then checks each PNG independently: 1920x1080, not blank, and (take-home) a QR code
# that zbarimg decodes back to the URL the kiosk encoded.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/debug/midori-kiosk"
out="${SHOTS_DIR:-shots}"
mkdir -p "$out"
export WGPU_BACKEND=vulkan VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json BEVY_ASSET_ROOT="$PWD"
screens=(${SCREENS:-attract map municipality take-home about idle quiz quiz-feedback quiz-result staff-pin staff-panel})
langs=(${LANGS:-ja en zh-Hans ko ja-x-easy})
fail=0
passed=0
failed=0
for screen in "${screens[@]}"; do
  for lang in "${langs[@]}"; do
    png="$out/$screen-$lang.png"
    if ! timeout 180 xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" screenshot --screen "$screen" --lang "$lang" \
        --municipality 13104 --size 1920x1080 --out "$png" >"$out/$screen-$lang.log" 2>&1; then
      echo "FAIL $png: the screenshot command failed (see $out/$screen-$lang.log)"; fail=1; continue
    fi
    read -r w h sd < <(identify -format '%w %h %[fx:standard_deviation]\n' "$png")
    if [ "$w" != 1920 ] || [ "$h" != 1080 ]; then echo "FAIL $png: ${w}x${h}, expected 1920x1080"; fail=1; continue; fi
    if awk "BEGIN{exit !($sd < 0.02)}"; then echo "FAIL $png: blank (standard deviation $sd)"; fail=1; continue; fi
    expected=""
    case "$screen" in
      take-home) expected="https://www.city.shinjuku.lg.jp/?utm_source=midori-kiosk&utm_medium=qr&utm_campaign=ecoproducts&utm_content=13104-kiosk-01" ;;
      quiz-result) expected="https://all62.jp/?utm_source=midori-kiosk&utm_medium=qr&utm_campaign=ecoproducts&utm_content=quiz-kiosk-01" ;;
    esac
    if [ -n "$expected" ]; then
      decoded=$(zbarimg --quiet --raw "$png" || true)
      if [ "$decoded" != "$expected" ]; then echo "FAIL $png: QR decoded to '$decoded', expected '$expected'"; fail=1; continue; fi
    fi
    echo "ok   $png (${w}x${h}, sd $sd)"
    passed=$((passed + 1))
  done
done
# Pages that show each municipality's own programs: a ward, a city and an island village, and a program
# in detail with the QR code of its page (decoded back to the link the kiosk tags).
pages=(
  "municipality-13201|--screen municipality --municipality 13201|"
  "municipality-13402|--screen municipality --municipality 13402|"
  "program|--screen program --municipality 13104 --program 13104-green-curtain|https://all62.jp/business/09/01.html?utm_source=midori-kiosk&utm_medium=qr&utm_campaign=ecoproducts&utm_content=13104-kiosk-01"
  "about-plan|--screen about --about-tab plan|"
  "about-results|--screen about --about-tab results|"
  "about-lectures|--screen about --about-tab lectures|"
)
pages_total=0
# shoot NAME LANG EXPECTED_QR SCREENSHOT_ARGS...: renders $out/NAME-LANG.png, checks it is 1920x1080 and not
# blank and, when EXPECTED_QR is not empty, that its QR code decodes to it; counts it as passed or failed.
shoot() {
  local name="$1" lang="$2" expected="$3"; shift 3
  local png="$out/$name-$lang.png" w h sd decoded
  if ! timeout 180 xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" screenshot "$@" --lang "$lang" \
      --size 1920x1080 --out "$png" >"$out/$name-$lang.log" 2>&1; then
    echo "FAIL $png: the screenshot command failed (see $out/$name-$lang.log)"; fail=1; return
  fi
  read -r w h sd < <(identify -format '%w %h %[fx:standard_deviation]\n' "$png")
  if [ "$w" != 1920 ] || [ "$h" != 1080 ] || awk "BEGIN{exit !($sd < 0.02)}"; then
    echo "FAIL $png: ${w}x${h}, sd $sd"; fail=1; return
  fi
  if [ -n "$expected" ]; then
    decoded=$(zbarimg --quiet --raw "$png" || true)
    if [ "$decoded" != "$expected" ]; then echo "FAIL $png: QR decoded to '$decoded', expected '$expected'"; fail=1; return; fi
  fi
  echo "ok   $png (${w}x${h}, sd $sd)"
  passed=$((passed + 1))
}
if [ -z "${SCREENS:-}" ] || [[ " ${SCREENS} " == *" municipality "* ]]; then
  for v in "${pages[@]}"; do
    IFS='|' read -r name args expected <<<"$v"
    for lang in "${langs[@]}"; do
      pages_total=$((pages_total + 1))
      # shellcheck disable=SC2086
      shoot "$name" "$lang" "$expected" $args
    done
  done
fi

# The visitor screens with both aids of the top bar on: large text (x 1.4) and high contrast.
aids_total=0
aid_screens=(attract map municipality take-home about idle quiz quiz-feedback quiz-result)
if [ -z "${SCREENS:-}" ]; then
  for screen in "${aid_screens[@]}"; do
    for lang in ${LANGS:-ja en ja-x-easy}; do
      aids_total=$((aids_total + 1))
      shoot "$screen-aids" "$lang" "" --screen "$screen" --municipality 13104 --large-text --high-contrast
    done
  done
fi

# The map's variants, on a temporary config with the official map imported from ../shared/geo (never
# copied into the repository): a card open, the official map whole and on the 23 wards, the islands, and
# each map colour.
mapcfg=$(mktemp -d)
cp booth_config/*.toml "$mapcfg"/
if ! "$bin" import-map ../shared/geo/tokyo-municipalities-N03-2021-s1pct.topojson \
    --context ../shared/geo/kanto-context-prefectures-N03-2021-s1pct.geojson --config "$mapcfg" >"$out/import-map.log" 2>&1; then
  echo "FAIL import-map (see $out/import-map.log)"; fail=1
fi
variants=(
  "map-card|--municipality 13104|${LANGS:-ja en zh-Hans ko}"
  "map-official|--map-layout official|${LANGS:-ja en zh-Hans ko}"
  "map-official-wards|--map-layout official --zoom wards --municipality 13104|${LANGS:-ja en zh-Hans ko}"
  "map-official-islands|--map-layout official --zoom islands|${LANGS:-ja en}"
  "map-tiles-density|--colour density|${LANGS:-ja en}"
  "map-official-density|--map-layout official --colour density|${LANGS:-ja en}"
  "map-tiles-programs|--colour programs|${LANGS:-ja en zh-Hans ko}"
  "map-tiles-tama|--zoom tama --municipality 13201|${LANGS:-ja en}"
)
map_total=0
if [ -z "${SCREENS:-}" ] || [[ " ${SCREENS} " == *" map "* ]]; then
  for v in "${variants[@]}"; do
    IFS='|' read -r name args vlangs <<<"$v"
    for lang in $vlangs; do
      map_total=$((map_total + 1))
      # shellcheck disable=SC2086
      shoot "$name" "$lang" "" --config "$mapcfg" --screen map $args
    done
  done
fi
rm -rf "$mapcfg"

# The staff page for a broken configuration (Japanese and English on one page).
broken=$(mktemp -d)
cp booth_config/*.toml "$broken"/
sed -i 's/^browse_seconds = .*/browse_seconds = 6/' "$broken/booth.toml"
png="$out/config-error.png"
total=$(( ${#screens[@]} * ${#langs[@]} + 1 + map_total + pages_total + aids_total ))
if timeout 180 xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" screenshot --config "$broken" --screen map --lang ja \
    --size 1920x1080 --out "$png" >"$out/config-error.log" 2>&1 \
   && grep -q "browse_seconds = 6 is out of range" "$out/config-error.log" \
   && [ "$(identify -format '%w %h' "$png")" = "1920 1080" ]; then
  echo "ok   $png"; passed=$((passed + 1))
else
  echo "FAIL $png: the broken-config page did not render or did not log the problem"; fail=1
fi
rm -rf "$broken"
# One contact sheet per language: every screen of that language as a labelled thumbnail, so a person can
# judge the whole product at a glance (shots/contact-<lang>.png).
for lang in "${langs[@]}"; do
  sheet_in=()
  for png in "$out"/*-"$lang".png; do
    case "$png" in */contact-*) continue ;; esac
    [ -f "$png" ] && sheet_in+=("$png")
  done
  if [ ${#sheet_in[@]} -gt 0 ]; then
    if montage -label '%t' -font DejaVu-Sans -pointsize 18 "${sheet_in[@]}" -tile 4x -geometry 480x270+6+6 \
        -background '#f4f8f2' "$out/contact-$lang.png" 2>"$out/contact-$lang.log" \
       || montage -label '%t' "${sheet_in[@]}" -tile 4x -geometry 480x270+6+6 "$out/contact-$lang.png" 2>>"$out/contact-$lang.log"; then
      echo "ok   $out/contact-$lang.png (${#sheet_in[@]} screens)"
    else
      echo "FAIL $out/contact-$lang.png: montage failed (see $out/contact-$lang.log)"; fail=1
    fi
  fi
done
failed=$(( total - passed ))
echo "screenshots: ${#screens[@]} screens x ${#langs[@]} languages, $pages_total program pages, $aids_total with large text and high contrast, $map_total map variants, and the broken-config page"
echo "$passed passed, $failed failed"
[ "$fail" = 0 ]
