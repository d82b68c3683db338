#!/usr/bin/env bash
# The .deb as a user gets it: built by CPack from this build tree, installed with apt-get, run from
# /usr/bin, checked (desktop entry, AppStream, man page, lintian), then removed again.
# Usage: package_test.sh BUILD_DIR VERSION. Exit 77 (skip) where apt cannot install packages.
set -euo pipefail
BUILD=${1:?build directory}
VERSION=${2:?version}
SKIP=77

skip() { echo "SKIP: $*"; exit $SKIP; }
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

[ "$(id -u)" -eq 0 ] || skip "installing a package needs root (apt-get install); CI runs as root"
command -v apt-get >/dev/null 2>&1 || skip "no apt-get: not a Debian-like system"
for tool in cpack dpkg-shlibdeps lintian desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing (./dev installs it)"
done
if dpkg-query -W -f='${Status}' kalito-inspector 2>/dev/null | grep -q 'install ok installed'; then
    skip "kalito-inspector is already installed here; this test will not replace or remove it"
fi

WORK=$(mktemp -d)
installed=0
cleanup() {
    if [ $installed -eq 1 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=300 kalito-inspector \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state
mkdir -p "$HOME"

step "cpack -G DEB"
cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 ||
    { cat "$WORK/cpack.log"; fail "cpack failed"; }
DEB=$(ls "$WORK"/pkg/kalito-inspector_"$VERSION"_*.deb)
echo "$DEB"
depends=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $depends"
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6svg6 libsqlite3-0; do
    grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep"
done

step "lintian"
lintian "$DEB" >"$WORK/lintian.log" 2>&1 || true
cat "$WORK/lintian.log"
! grep -q '^E:' "$WORK/lintian.log" || fail "lintian reports errors"

step "apt-get install"
cd "$WORK/pkg"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
    "./$(basename "$DEB")" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get install failed"; }
cd "$WORK"
for f in /usr/bin/kalito-inspector /usr/share/applications/org.kalito.Inspector.desktop \
    /usr/share/icons/hicolor/scalable/apps/org.kalito.Inspector.svg \
    /usr/share/metainfo/org.kalito.Inspector.metainfo.xml /usr/share/man/man1/kalito-inspector.1.gz \
    /usr/share/doc/kalito-inspector/copyright /usr/share/doc/kalito-inspector/changelog.gz; do
    [ -f "$f" ] || fail "$f is not installed"
done
file -b /usr/bin/kalito-inspector | grep -q ', stripped' || fail "the installed binary is not stripped"

step "the installed program"
version=$(/usr/bin/kalito-inspector --version)
[ "$version" = "kalito-inspector $VERSION" ] || fail "--version printed '$version'"
/usr/bin/kalito-inspector demo "$WORK/demo.db" --sessions 3 --messages-per-session 4
/usr/bin/kalito-inspector status --json "$WORK/demo.db" >"$WORK/status.json"
python3 - "$WORK/status.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
text = json.dumps(report)
assert '"messages"' in text, "no messages table in the status report"
print("status --json: a JSON object with", len(report), "keys")
PY
/usr/bin/kalito-inspector --help | grep -q 'Exit codes' || fail "--help does not describe the exit codes"
# The window: starts offscreen on the demo database, opens it, and stops cleanly on SIGTERM.
set +e
QT_QPA_PLATFORM=offscreen timeout --preserve-status -s TERM 4 /usr/bin/kalito-inspector "$WORK/demo.db" \
    >"$WORK/window.log" 2>&1
code=$?
set -e
grep -q "opened .*demo.db" "$WORK/window.log" || { cat "$WORK/window.log"; fail "the window did not open the db"; }
[ $code -eq 0 ] || { cat "$WORK/window.log"; fail "the window exited with $code on SIGTERM"; }

step "desktop entry, AppStream, man page"
desktop-file-validate /usr/share/applications/org.kalito.Inspector.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.kalito.Inspector.metainfo.xml
zcat /usr/share/man/man1/kalito-inspector.1.gz | grep -q '^\.TH KALITO-INSPECTOR 1' || fail "man page header"
LC_ALL=C MANWIDTH=200 man -l /usr/share/man/man1/kalito-inspector.1.gz >"$WORK/man.txt" 2>/dev/null
for word in 'status \[--json\]' 'check \[--quick' 'checkpoint --mode' 'locks \[--json\]' 'demo PATH' \
    --read-only --busy-timeout --messages-per-session --large-session --seed KALITO_DB XDG_DATA_HOME \
    XDG_STATE_HOME QT_LOGGING_RULES 'EXIT STATUS' kalito-inspector.conf kalito-inspector.log; do
    grep -q -- "$word" "$WORK/man.txt" || fail "the man page lacks $word"
done

step "apt-get remove"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=300 kalito-inspector >/dev/null
installed=0
[ ! -e /usr/bin/kalito-inspector ] || fail "/usr/bin/kalito-inspector is still there after removal"
echo "package test passed"
