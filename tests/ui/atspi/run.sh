#!/bin/sh
# The window read through AT-SPI, as Orca would: ./run.sh path/to/kalito-inspector path/to/kalito.db
# Needs xvfb, dbus-x11, at-spi2-core and python3-pyatspi (all in ./dev's PACKAGES).
set -e
here=$(dirname "$0")
inspector=$1
db=$2
exec dbus-run-session -- sh -c "
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  sleep 1
  export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 NO_AT_BRIDGE=0
  xvfb-run -a -s '-screen 0 1280x800x24' sh -c '
    \"$inspector\" \"$db\" &
    pid=\$!
    sleep 8
    xdotool search --sync --name Kalito windowactivate >/dev/null 2>&1 || true
    /usr/bin/python3 \"$here/walk.py\" kalito-inspector
    kill \$pid
  '
"
