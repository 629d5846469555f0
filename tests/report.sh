#!/usr/bin/env bash
# End to end: `simulate` writes kiosk logs, `report` turns them into every format, and each format is opened
# by the program an organizer would use: the XLSX converted by LibreOffice (fails on a file that needs
# repair), the HTML printed to PDF by headless Chromium and turned into PNG pages to look at, the CSV checked
# for its BOM and CRLF, the JSON parsed. Also the command-line mistakes an organizer can make.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/debug/midori-kiosk"
out="${REPORT_DIR:-shots/report}"
rm -rf "$out"
mkdir -p "$out"
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

"$bin" simulate --sessions 900 --days 3 --kiosks 2 --seed 7 --out "$out/logs" >/dev/null 2>"$out/simulate.log" \
  || { cat "$out/simulate.log"; echo "FAIL simulate"; exit 1; }
logs=(--db "$out/logs/kiosk-01.sqlite" --db "$out/logs/kiosk-02.sqlite")
printf 'not a database at all' >"$out/logs/broken.sqlite"

# Mistakes: each exits 1 with a clear message naming the problem, and writes nothing.
expect_error() { # name, text the message must contain, args...
  local name="$1" want="$2"; shift 2
  if "$bin" report "$@" --out "$out/none" >/dev/null 2>"$out/err.txt"; then bad "$name: exited 0"; return; fi
  if ! grep -qF -- "$want" "$out/err.txt"; then bad "$name: message '$(cat "$out/err.txt")' lacks '$want'"; return; fi
  if [ -e "$out/none" ]; then bad "$name: wrote $out/none"; return; fi
  ok "$name: $(head -c 160 "$out/err.txt")"
}
expect_error "corrupt log" "broken.sqlite: not a kiosk log" "${logs[@]}" --db "$out/logs/broken.sqlite"
expect_error "missing log" "nope.sqlite: no such file" --db "$out/logs/nope.sqlite"
expect_error "impossible date" '--from "2013-02-30" is not a date' "${logs[@]}" --from 2013-02-30
expect_error "reversed period" "--from 2013-12-14 is after --to 2013-12-12" "${logs[@]}" --from 2013-12-14 --to 2013-12-12
expect_error "unknown format" 'unknown report format "pdf"' "${logs[@]}" --format pdf
expect_error "unknown language" "fr" "${logs[@]}" --lang fr

for lang in ja en; do
  dir="$out/$lang"
  if ! "$bin" report "${logs[@]}" --db "$out/logs/broken.sqlite" --skip-bad --lang "$lang" --out "$dir" >"$out/report-$lang.log" 2>&1; then
    bad "report --lang $lang: $(cat "$out/report-$lang.log")"; continue
  fi
  grep -q "skipped .*broken.sqlite" "$out/report-$lang.log" && ok "report --lang $lang skips the corrupt file and names it" \
    || bad "report --lang $lang did not name the skipped file"
  # CSV: UTF-8 BOM, CRLF line ends.
  for f in "$dir"/*.csv; do
    [ "$(head -c3 "$f" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || bad "$f: no UTF-8 BOM"
    [ "$(tr -cd '\n' <"$f" | wc -c)" = "$(tr -cd '\r' <"$f" | wc -c)" ] || bad "$f: not CRLF"
  done
  ok "$lang: $(ls "$dir"/*.csv | wc -l) CSV files with BOM and CRLF"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['schema_version']==1 and len(d['municipalities'])==62, d.keys()" \
    "$dir/report.json" && ok "$lang: report.json parses, 62 municipalities" || bad "$lang: report.json"
  # XLSX through LibreOffice: a file that needs repair does not convert.
  rm -rf "$dir/xlsx-pdf"
  if timeout 120 soffice --headless --norestore --convert-to pdf --outdir "$dir/xlsx-pdf" "$dir/report.xlsx" >"$dir/soffice.log" 2>&1 \
      && [ -s "$dir/xlsx-pdf/report.pdf" ]; then
    pdftoppm -r 50 -png -f 1 -l 3 "$dir/xlsx-pdf/report.pdf" "$dir/xlsx-page"
    ok "$lang: report.xlsx opens in LibreOffice ($(pdfinfo "$dir/xlsx-pdf/report.pdf" | awk '/^Pages/{print $2}') pages as PDF)"
  else
    bad "$lang: LibreOffice could not convert report.xlsx ($(tail -2 "$dir/soffice.log"))"
  fi
  # HTML printed to A4 by headless Chromium, no network.
  profile=$(mktemp -d)
  if timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
      --print-to-pdf="$dir/report-html.pdf" "file://$PWD/$dir/report.html" >"$dir/chromium.log" 2>&1 && [ -s "$dir/report-html.pdf" ]; then
    pdftoppm -r 60 -png "$dir/report-html.pdf" "$dir/html-page"
    read -r pw ph < <(pdfinfo "$dir/report-html.pdf" | awk '/^Page size/{print $3, $5}')
    pages=$(ls "$dir"/html-page-*.png | wc -l)
    # A4 landscape is 842 x 595 pt.
    if awk "BEGIN{exit !(($pw-842)^2 < 4 && ($ph-595)^2 < 4)}"; then
      ok "$lang: report.html prints on $pages A4 landscape pages ($dir/html-page-*.png)"
    else
      bad "$lang: report.html page size ${pw}x${ph} pt is not A4 landscape"
    fi
  else
    bad "$lang: Chromium could not print report.html ($(tail -2 "$dir/chromium.log"))"
  fi
  rm -rf "$profile"
done
[ "$fail" = 0 ] && echo "report: all checks passed" || { echo "report: some checks failed"; exit 1; }
