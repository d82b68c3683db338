#!/usr/bin/env bash
# Builds Kalito_Inspector-x86_64.AppImage with linuxdeploy and its Qt plugin.
# UNTESTED: linuxdeploy and linuxdeploy-plugin-qt are downloaded from GitHub, which the machine this
# was written on cannot reach. Build on the OLDEST distribution you want to support (the AppImage
# runs on systems with the same or a newer glibc); Qt 6.4+ and SQLite 3 dev packages installed.
#   packaging/appimage/build-appimage.sh            -> build/appimage/Kalito_Inspector-x86_64.AppImage
# Environment: QMAKE (default /usr/lib/qt6/bin/qmake6, how the Qt plugin finds Qt),
#              LINUXDEPLOY_DIR (where the tools are, or are downloaded to).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
BUILD=$ROOT/build/appimage
APPDIR=$BUILD/AppDir
TOOLS=${LINUXDEPLOY_DIR:-$BUILD/tools}
ARCH=$(uname -m)

fetch() { # NAME: download a linuxdeploy tool once (pin a release tag and check its sha256 in CI)
    local url=https://github.com/linuxdeploy/$2/releases/download/continuous/$1
    [ -x "$TOOLS/$1" ] && return
    mkdir -p "$TOOLS"
    curl -fL --retry 3 -o "$TOOLS/$1" "$url"
    chmod +x "$TOOLS/$1"
}

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DKALITO_BUILD_TESTS=OFF
cmake --build "$BUILD" --parallel 2
rm -rf "$APPDIR"
DESTDIR=$APPDIR cmake --install "$BUILD" --strip

fetch "linuxdeploy-$ARCH.AppImage" linuxdeploy
fetch "linuxdeploy-plugin-qt-$ARCH.AppImage" linuxdeploy-plugin-qt

export QMAKE=${QMAKE:-/usr/lib/qt6/bin/qmake6}
# Plugins Qt loads at run time that no linker sees: the SQLite driver comes with QtSql; the SVG
# icon engine (the application icon) must be asked for. Older plugin releases read
# EXTRA_QT_PLUGINS, newer ones EXTRA_QT_MODULES.
export EXTRA_QT_PLUGINS="svg;" EXTRA_QT_MODULES="svg;"
# Wayland sessions: also deploy the wayland platform plugin when Qt has it.
if [ -e "$("$QMAKE" -query QT_INSTALL_PLUGINS)/platforms/libqwayland-generic.so" ]; then
    export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so;libqwayland-egl.so"
fi
export APPIMAGE_EXTRACT_AND_RUN=1 # works without FUSE (containers, CI)
export OUTPUT="$BUILD/Kalito_Inspector-$ARCH.AppImage"

cd "$BUILD"
"$TOOLS/linuxdeploy-$ARCH.AppImage" --appdir "$APPDIR" \
    --desktop-file "$APPDIR/usr/share/applications/org.kalito.Inspector.desktop" \
    --icon-file "$APPDIR/usr/share/icons/hicolor/scalable/apps/org.kalito.Inspector.svg" \
    --executable "$APPDIR/usr/bin/kalito-inspector" \
    --executable "$APPDIR/usr/libexec/kalito-inspector/kalito-inspector-gui" \
    --plugin qt --output appimage

# Smoke test: the headless subcommands need no display.
"$OUTPUT" --version
"$OUTPUT" demo "$BUILD/appimage-demo.db" --sessions 2 --messages-per-session 2 && \
    "$OUTPUT" status --json "$BUILD/appimage-demo.db" >/dev/null && rm -f "$BUILD"/appimage-demo.db*
echo "$OUTPUT"
