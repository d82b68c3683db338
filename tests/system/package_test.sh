#!/usr/bin/env bash
# The two .debs as a user gets them: built by CPack from this build tree; kalito-inspector-cli
# installed ALONE with apt-get and run with no display (status, locks, check), its dependency
# closure free of any graphical library; then kalito-inspector (the window) on top, run from /usr/bin,
# checked (desktop entry, AppStream, man page, lintian), then both removed again.
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
for pkg in kalito-inspector kalito-inspector-cli; do
    if dpkg-query -W -f='${Status}' $pkg 2>/dev/null | grep -q 'install ok installed'; then
        skip "$pkg is already installed here; this test will not replace or remove it"
    fi
done
# Graphical libraries: none may be in the -cli package's dependencies or their closure.
GUI_PKGS='^(libqt6(gui|widgets|opengl|dbus|svg|xcbqpa|waylandclient)6|libgl1|libegl1|libglx0|libopengl0|libx11-6|libxcb.*|libxkb.*|libwayland-.*|libfontconfig1|libfreetype6|libharfbuzz0b|libdbus-1-3|qt6-wayland)$'

WORK=$(mktemp -d)
installed=0
cleanup() {
    if [ $installed -eq 1 ]; then
        # One at a time: apt-get refuses a whole list when it does not know one name.
        for pkg in kalito-inspector kalito-inspector-cli; do
            DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=300 $pkg \
                >/dev/null 2>&1 || true
        done
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state
mkdir -p "$HOME"

step "cpack -G DEB"
cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 ||
    { cat "$WORK/cpack.log"; fail "cpack failed"; }
CLI_DEB=$(ls "$WORK"/pkg/kalito-inspector-cli_"$VERSION"_*.deb)
DEB=$(ls "$WORK"/pkg/kalito-inspector_"$VERSION"_*.deb)
echo "$CLI_DEB"
echo "$DEB"
has_dep() { grep -qE "(^|, )$2( |,|$)" <<<"$1"; }
cli_depends=$(dpkg-deb -f "$CLI_DEB" Depends)
echo "kalito-inspector-cli Depends: $cli_depends"
for dep in libqt6core6 libqt6sql6 libqt6sql6-sqlite libsqlite3-0; do
    has_dep "$cli_depends" $dep || fail "kalito-inspector-cli: Depends lacks $dep"
done
depends=$(dpkg-deb -f "$DEB" Depends)
echo "kalito-inspector Depends: $depends"
for dep in kalito-inspector-cli libqt6gui6 libqt6widgets6 libqt6svg6 libqt6sql6-sqlite; do
    has_dep "$depends" $dep || fail "kalito-inspector: Depends lacks $dep"
done
grep -q "kalito-inspector-cli (= $VERSION)" <<<"$depends" || fail "kalito-inspector does not pin the -cli version"
dpkg-deb -c "$CLI_DEB" | grep -q '/usr/libexec/' && fail "the -cli package holds the window"
dpkg-deb -c "$DEB" | grep -q '/usr/bin/' && fail "the window package holds /usr/bin (the -cli package's)"

step "the -cli package's dependency closure has no graphical library"
# Every package the Depends (and Pre-Depends) pull, recursively, as apt resolves them here.
cli_pkgs=$(sed 's/([^)]*)//g; s/|/,/g; s/,/ /g' <<<"$cli_depends")
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances $cli_pkgs | grep -v '^ ' | sort -u)
echo "$closure" | tr '\n' ' '
echo
grep -qx libqt6sql6-sqlite <<<"$closure" || fail "the closure lacks libqt6sql6-sqlite (apt-cache output changed?)"
if grep -E "$GUI_PKGS" <<<"$closure"; then fail "kalito-inspector-cli pulls a graphical library"; fi

step "lintian"
lint_failed=0
for d in "$CLI_DEB" "$DEB"; do
    lintian "$d" >"$WORK/lintian.log" 2>&1 || true
    echo "lintian $(basename "$d"):"
    cat "$WORK/lintian.log"
    ! grep -q '^E:' "$WORK/lintian.log" || lint_failed=1
done
[ $lint_failed -eq 0 ] || fail "lintian reports errors"

step "apt-get install the -cli package alone"
cd "$WORK/pkg"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
    "./$(basename "$CLI_DEB")" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get install failed"; }
cd "$WORK"
dpkg-query -W -f='${Status}' kalito-inspector 2>/dev/null | grep -q 'install ok installed' &&
    fail "installing the -cli package installed the window package too"
for f in /usr/bin/kalito-inspector /usr/share/man/man1/kalito-inspector.1.gz \
    /usr/share/doc/kalito-inspector-cli/copyright /usr/share/doc/kalito-inspector-cli/changelog.gz; do
    [ -f "$f" ] || fail "$f is not installed"
done
[ ! -e /usr/libexec/kalito-inspector/kalito-inspector-gui ] || fail "the window came with the -cli package"
file -b /usr/bin/kalito-inspector | grep -q ', stripped' || fail "the installed binary is not stripped"

step "the headless program, no display"
headless() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/kalito-inspector "$@"; }
version=$(headless --version)
[ "$version" = "kalito-inspector $VERSION" ] || fail "--version printed '$version'"
headless demo "$WORK/demo.db" --sessions 3 --messages-per-session 4
headless status --json "$WORK/demo.db" >"$WORK/status.json"
python3 - "$WORK/status.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["tables"]["messages"] == 12, report["tables"]
assert report["wal"] is not None, "no WAL state"
print("status --json: %d messages, wal frames %s" % (report["tables"]["messages"], report["wal"]["frames"]))
PY
headless status "$WORK/demo.db" | grep -q '^wal' || fail "status (text) has no wal section"
headless locks "$WORK/demo.db" >"$WORK/locks.txt" || fail "locks failed"
cat "$WORK/locks.txt"
headless check --quick "$WORK/demo.db" | grep -q 'ok' || fail "check --quick did not say ok"
headless --help | grep -q 'Exit codes' || fail "--help does not describe the exit codes"
set +e
headless "$WORK/demo.db" >"$WORK/nowindow.log" 2>&1
code=$?
headless stauts "$WORK/demo.db" >"$WORK/typo.log" 2>&1
typo=$?
set -e
[ $code -eq 2 ] && grep -q 'window is not installed' "$WORK/nowindow.log" ||
    { cat "$WORK/nowindow.log"; fail "without the window package a PATH gave $code"; }
[ $typo -eq 2 ] && grep -q "unknown subcommand 'stauts'" "$WORK/typo.log" && grep -q 'checkpoint' "$WORK/typo.log" ||
    { cat "$WORK/typo.log"; fail "a mistyped subcommand gave $typo"; }

step "apt-get install the window package"
cd "$WORK/pkg"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
    "./$(basename "$DEB")" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get install failed"; }
cd "$WORK"
for f in /usr/libexec/kalito-inspector/kalito-inspector-gui /usr/share/applications/org.kalito.Inspector.desktop \
    /usr/share/icons/hicolor/scalable/apps/org.kalito.Inspector.svg \
    /usr/share/metainfo/org.kalito.Inspector.metainfo.xml \
    /usr/share/doc/kalito-inspector/copyright /usr/share/doc/kalito-inspector/changelog.gz; do
    [ -f "$f" ] || fail "$f is not installed"
done
file -b /usr/libexec/kalito-inspector/kalito-inspector-gui | grep -q ', stripped' ||
    fail "the installed window binary is not stripped"
# The window: /usr/bin/kalito-inspector starts it offscreen on the demo database; it opens it, and
# stops cleanly on SIGTERM (same pid: the headless program exec()s the window).
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
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=300 kalito-inspector \
    kalito-inspector-cli >/dev/null
installed=0
[ ! -e /usr/bin/kalito-inspector ] || fail "/usr/bin/kalito-inspector is still there after removal"
[ ! -e /usr/libexec/kalito-inspector ] || fail "/usr/libexec/kalito-inspector is still there after removal"
echo "package test passed"
