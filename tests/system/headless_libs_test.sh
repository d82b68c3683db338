#!/usr/bin/env bash
# The headless executable loads no graphical library (issue 21): its DT_NEEDED entries (readelf
# -d), the whole closure the dynamic loader resolves (ldd), and what a real `status` run opens,
# plugins included (LD_DEBUG=files, which also shows dlopen()). The window executable is read the
# same way as a control: it must show Widgets, or the patterns below could never match.
# Usage: headless_libs_test.sh HEADLESS WINDOW
set -euo pipefail
HEADLESS=${1:?headless executable}
WINDOW=${2:?window executable}
fail() { echo "FAIL: $*" >&2; exit 1; }
GUI='libQt6(Gui|Widgets|OpenGL|DBus|XcbQpa|WaylandClient)|libGL|libEGL|libGLX|libOpenGL|libX11|libxcb|libxkb|libwayland|libfontconfig|libfreetype|libharfbuzz|libpng|libdbus'

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p'; }

echo "== DT_NEEDED of $HEADLESS"
needed "$HEADLESS" | tee "${TMPDIR:-/tmp}/headless-needed.$$"
for lib in libQt6Core.so.6 libQt6Sql.so.6 libsqlite3.so.0; do
    grep -qx "$lib" "${TMPDIR:-/tmp}/headless-needed.$$" || fail "$lib is not in DT_NEEDED (did readelf read it?)"
done
if grep -E "$GUI" "${TMPDIR:-/tmp}/headless-needed.$$"; then fail "the headless executable needs a GUI library"; fi
rm -f "${TMPDIR:-/tmp}/headless-needed.$$"

echo "== the control: DT_NEEDED of $WINDOW"
needed "$WINDOW" | grep -E "$GUI" || fail "the pattern finds no GUI library in the window executable either"

echo "== the loader's closure (ldd)"
closure=$(ldd "$HEADLESS")
echo "$closure" | wc -l
if grep -E "$GUI" <<<"$closure"; then fail "the closure of the headless executable holds a GUI library"; fi

echo "== what status opens at run time, plugins included (LD_DEBUG=files), with no display"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_STATE_HOME=$WORK/state
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$HEADLESS" demo "$WORK/d.db" --sessions 2 \
    --messages-per-session 2 >/dev/null
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LD_DEBUG=files "$HEADLESS" status --json "$WORK/d.db" \
    >"$WORK/status.json" 2>"$WORK/ld.log"
grep -q '"messages"' "$WORK/status.json" || fail "status printed no counts"
opened=$(sed -n 's/.*file=\([^ ]*\) \[0\];  \(needed\|dynamically loaded\) by.*/\1/p' "$WORK/ld.log" | sort -u)
echo "$opened"
grep -q 'libqsqlite' <<<"$opened" || fail "the SQLite plugin was not seen loading (LD_DEBUG output changed?)"
if grep -E "$GUI" <<<"$opened"; then fail "status loaded a GUI library at run time"; fi
echo "headless executable: no GUI library"
