#!/usr/bin/env bash
# Installs midori-kiosk on a Debian booth PC (run as root from the repository, after `make run` or
# `cargo build --release` built target/release/midori-kiosk): the user "kiosk", the program in
# /opt/midori-kiosk, the interaction logs in /var/lib/midori-kiosk, and the systemd unit that starts it
# under cage at boot. Run it again to update (booth_config is replaced by the repository's; back up
# local edits first, or edit /opt/midori-kiosk/booth_config and run `midori-kiosk check` there).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release/midori-kiosk"
[ -x "$bin" ] || { echo "build first: cargo build --release --locked" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
apt-get install -y -qq --no-install-recommends cage xwayland libvulkan1 mesa-vulkan-drivers libxkbcommon-x11-0 >/dev/null
id kiosk >/dev/null 2>&1 || useradd --system --create-home --groups video,render,input kiosk
install -d -o root -g root /opt/midori-kiosk
install -d -o kiosk -g kiosk -m 0750 /var/lib/midori-kiosk
install -m 0755 "$bin" /opt/midori-kiosk/midori-kiosk
rm -rf /opt/midori-kiosk/assets /opt/midori-kiosk/locales
cp -r assets locales /opt/midori-kiosk/
if [ -d /opt/midori-kiosk/booth_config ]; then
  cp -r /opt/midori-kiosk/booth_config "/opt/midori-kiosk/booth_config.bak-$(date +%Y%m%d-%H%M%S)"
fi
rm -rf /opt/midori-kiosk/booth_config
cp -r booth_config /opt/midori-kiosk/
/opt/midori-kiosk/midori-kiosk check --config /opt/midori-kiosk/booth_config --locales /opt/midori-kiosk/locales
install -m 0644 deploy/midori-kiosk.service /etc/systemd/system/midori-kiosk.service
install -m 0755 deploy/export-to-usb.sh /opt/midori-kiosk/export-to-usb.sh
systemctl daemon-reload
systemctl enable midori-kiosk.service
systemctl set-default graphical.target
echo "installed; start now with: systemctl start midori-kiosk (or reboot)"
