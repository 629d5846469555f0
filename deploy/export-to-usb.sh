#!/usr/bin/env bash
# End of each booth day: copies every kiosk log consistently (a snapshot, safe while the kiosk runs) and
# the day's report onto a USB stick. Usage: export-to-usb.sh /media/usb   (the stick's mount point)
set -euo pipefail
stick="${1:?usage: export-to-usb.sh MOUNT-POINT-OF-THE-USB-STICK}"
[ -d "$stick" ] && [ -w "$stick" ] || { echo "$stick is not a writable folder (is the stick mounted?)" >&2; exit 1; }
day=$(date +%Y-%m-%d)
dest="$stick/midori-kiosk-$day-$(hostname)"
/opt/midori-kiosk/midori-kiosk export --data /var/lib/midori-kiosk --config /opt/midori-kiosk/booth_config \
  --locales /opt/midori-kiosk/locales --out "$dest"
sync
echo "done: $dest (you can remove the stick now)"
