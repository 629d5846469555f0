#!/usr/bin/env bash
# Installs midori-kiosk on a Debian booth PC (run as root from the repository, after `make run` or
# `cargo build --release` built target/release/midori-kiosk): the user "kiosk", the program in
# /opt/midori-kiosk, the interaction logs in /var/lib/midori-kiosk, and the systemd unit that starts it
# under cage at boot, as a native Wayland client. Run it again to update (booth_config is replaced by
# the repository's; back up local edits first, or edit /opt/midori-kiosk/booth_config and run
# `midori-kiosk check` there).
#
# DESTDIR=/some/dir installs the same files under that root instead, without touching the system (no
# packages, no user, no systemctl; files belong to whoever runs it). tests/booth-pc.sh does that, then
# runs the unit's command line from there under cage.
set -euo pipefail
cd "$(dirname "$0")/.."
destdir="${DESTDIR:-}"
bin="${MIDORI_BIN:-${CARGO_TARGET_DIR:-target}/release/midori-kiosk}"
[ -x "$bin" ] || { echo "build first: cargo build --release --locked (or set MIDORI_BIN)" >&2; exit 1; }
if [ -z "$destdir" ]; then
  [ "$(id -u)" = 0 ] || { echo "run as root (or set DESTDIR to install into a folder)" >&2; exit 1; }
  # Run-time packages only: cage (the Wayland kiosk compositor), Vulkan, Wayland and xkbcommon, and the
  # speech engines of read aloud with aplay. xwayland stays for `--backend x11` (see README → Deployment).
  apt-get install -y -qq --no-install-recommends cage xwayland libvulkan1 mesa-vulkan-drivers \
    libwayland-client0 libwayland-cursor0 libxkbcommon0 libxkbcommon-x11-0 \
    open-jtalk open-jtalk-mecab-naist-jdic espeak-ng alsa-utils >/dev/null
  id kiosk >/dev/null 2>&1 || useradd --system --create-home --groups video,render,input,audio kiosk
  owner=(-o kiosk -g kiosk)
else
  owner=()
fi
opt="$destdir/opt/midori-kiosk"
install -d "$opt" "$destdir/etc/systemd/system"
install -d "${owner[@]}" -m 0750 "$destdir/var/lib/midori-kiosk"
install -m 0755 "$bin" "$opt/midori-kiosk"
rm -rf "$opt/assets" "$opt/locales"
cp -r assets locales "$opt/"
if [ -d "$opt/booth_config" ]; then
  cp -r "$opt/booth_config" "$opt/booth_config.bak-$(date +%Y%m%d-%H%M%S)"
fi
rm -rf "$opt/booth_config"
cp -r booth_config "$opt/"
"$opt/midori-kiosk" check --config "$opt/booth_config" --locales "$opt/locales"
install -m 0644 deploy/midori-kiosk.service "$destdir/etc/systemd/system/midori-kiosk.service"
install -m 0755 deploy/export-to-usb.sh "$opt/export-to-usb.sh"
if [ -z "$destdir" ]; then
  systemctl daemon-reload
  systemctl enable midori-kiosk.service
  systemctl set-default graphical.target
  echo "installed; start now with: systemctl start midori-kiosk (or reboot)"
else
  echo "installed under $destdir"
fi
