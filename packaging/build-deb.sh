#!/usr/bin/env bash
# Build a Debian package from the PyInstaller folder (dist/bangtin/):
# the program in /opt/bangtin, /usr/bin/bangtin, the desktop file, icons,
# the MIME type of .bangtin bundles and the AppStream metainfo.
#
#   packaging/build-deb.sh                  build dist/bangtin_<version>_<arch>.deb
#   packaging/build-deb.sh --install-check  then install it, smoke-run the
#                                           installed command and remove it again
#
# Runs packaging/build.sh first when dist/bangtin is missing. Depends: is
# worked out from the libraries the built program loads from the system
# (ldd + dpkg -S), so it names exactly what the Qt platform plugins need.
# The package is assembled without fakeroot (dpkg-deb --root-owner-group).
set -euo pipefail
cd "$(dirname "$0")/.."

APP="dist/bangtin"
STAGE_ROOT="build/deb"
LINUX="packaging/linux"
MAINTAINER="${BANGTIN_MAINTAINER:-Bảng Tin <bangtin@users.noreply.github.com>}"

say() { printf 'build-deb: %s\n' "$*" >&2; }
fail() { printf 'build-deb: FAILED: %s\n' "$*" >&2; exit 1; }

check=0
for arg in "$@"; do
    case "$arg" in
        --install-check) check=1 ;;
        *) echo "usage: packaging/build-deb.sh [--install-check]" >&2; exit 2 ;;
    esac
done

command -v dpkg-deb >/dev/null || fail "dpkg-deb is needed (Debian or Ubuntu)"
[[ -x "$APP/bangtin" ]] || packaging/build.sh
PY="${BANGTIN_VENV:-.venv}/bin/python"
[[ -x "$PY" ]] || PY=python3
VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
ARCH="$(dpkg --print-architecture)"
NAME="bangtin_${VERSION}_${ARCH}"
STAGE="$STAGE_ROOT/$NAME"
DEB="dist/$NAME.deb"

grep -q "version=\"$VERSION\"" "$LINUX/io.github.bangtin.metainfo.xml" \
    || say "warning: the metainfo has no <release> for $VERSION; add one"

# -- the tree ---------------------------------------------------------------------------------

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/bangtin"
cp -a "$APP" "$STAGE/opt/bangtin"
ln -s /opt/bangtin/bangtin "$STAGE/usr/bin/bangtin"
install -m 0644 "$LINUX/bangtin.desktop" "$STAGE/usr/share/applications/bangtin.desktop"
install -m 0644 "$LINUX/bangtin-mime.xml" "$STAGE/usr/share/mime/packages/bangtin.xml"
install -m 0644 "$LINUX/io.github.bangtin.metainfo.xml" "$STAGE/usr/share/metainfo/"
cp -r "$LINUX/icons" "$STAGE/usr/share/icons"
cat >"$STAGE/usr/share/doc/bangtin/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: bangtin
Comment: /opt/bangtin bundles Python, Qt for Python (LGPLv3) and the libraries
 listed in /opt/bangtin/_internal, each under its own license.

Files: *
License: MIT
EOF
# Plain permissions whatever the umask: directories and programs 0755, the rest 0644.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/opt/bangtin/bangtin"
find "$STAGE/opt/bangtin" -type f -name '*.so*' -exec chmod 0755 {} +

# -- Depends: the system libraries the program's binaries load --------------------------------

depends() {
    local lib_dir="$STAGE/opt/bangtin/_internal"
    local libs
    libs="$(find "$STAGE/opt/bangtin" -type f \( -name '*.so*' -o -name bangtin \) -print0 \
        | xargs -0 env LD_LIBRARY_PATH="$lib_dir" ldd 2>/dev/null \
        | awk '/=> \// { print $3 }' | grep -v "^$PWD/$STAGE" | sort -u)"
    if env LD_LIBRARY_PATH="$lib_dir" ldd "$lib_dir"/PySide6/Qt/plugins/platforms/*.so \
        | grep -q "not found"; then
        fail "a Qt platform plugin needs a library this machine lacks (see ldd)"
    fi
    local pkgs=""
    for lib in $libs; do
        local real owner
        real="$(readlink -f "$lib")"
        owner="$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)"
        owner="${owner%%:*}"
        [[ -n "$owner" ]] || fail "no Debian package owns $lib"
        pkgs="$pkgs $owner"
    done
    local glibc
    glibc="$(ldd --version | awk 'NR == 1 { print $NF }')"
    printf '%s\n' $pkgs | sort -u | sed "s/^libc6\$/libc6 (>= $glibc)/" | paste -sd, - \
        | sed 's/,/, /g'
}
DEPENDS="$(depends)"
[[ -n "$DEPENDS" ]] || fail "could not work out Depends"
SIZE_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"

cat >"$STAGE/DEBIAN/control" <<EOF
Package: bangtin
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $SIZE_KB
Depends: $DEPENDS
Recommends: fonts-dejavu-core | fonts-noto-core, shared-mime-info, desktop-file-utils
Section: misc
Priority: optional
Description: Bảng Tin: offline reader and archive of government notices
 Bảng Tin reads, searches and prints the province's notices for commune
 (xã/phường) offices in Vietnam. Notices arrive as signed bundles (.bangtin
 files, usually on a USB stick) and are kept in a local archive. It never
 opens a network connection.
 .
 Đọc, tìm kiếm và in văn bản, thông báo của tỉnh khi không có mạng.
EOF

mkdir -p dist
rm -f "$DEB"
# xz at level 6 with all cores: a third of the size of gzip for Qt's libraries.
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "$DEB" >/dev/null
say "built $DEB ($(du -m "$DEB" | cut -f1) MB, installed ${SIZE_KB} kB)"
say "Depends: $DEPENDS"

[[ $check == 1 ]] || exit 0

# -- install, smoke-run, remove -----------------------------------------------------------------

[[ "$(id -u)" -eq 0 ]] || fail "--install-check installs the package: run it as root"
if dpkg-query -W -f='${Status}' bangtin 2>/dev/null | grep -q "ok installed"; then
    fail "bangtin is already installed here; remove it first (dpkg -r bangtin)"
fi
TMP="$(mktemp -d "${TMPDIR:-/tmp}/bangtin-deb.XXXXXX")"
cleanup() {
    dpkg --purge bangtin >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap cleanup EXIT

dpkg -i "$DEB" >/dev/null || fail "dpkg -i refused the package"
run() {
    env -u BANGTIN_DATA_DIR -u DISPLAY -u WAYLAND_DISPLAY HOME="$TMP/home" \
        XDG_DATA_HOME="$TMP/home/share" XDG_CONFIG_HOME="$TMP/home/config" \
        QT_QPA_PLATFORM=offscreen "$@" </dev/null
}
mkdir -p "$TMP/home"
[[ "$(command -v bangtin)" == /usr/bin/bangtin ]] || fail "bangtin is not on PATH as /usr/bin/bangtin"
got="$(run bangtin --version)"
[[ "$got" == "bangtin $VERSION" ]] || fail "--version printed '$got'"
RES=/opt/bangtin/_internal/desktop/resources/demo
run bangtin --data-dir "$TMP/data" init >/dev/null || fail "init failed"
run bangtin --data-dir "$TMP/data" trust add "$RES/demo-publisher.pub" >/dev/null \
    || fail "trust add failed"
run bangtin --data-dir "$TMP/data" import "$RES/demo.bangtin" >/dev/null || fail "import failed"
count="$(run bangtin --data-dir "$TMP/data" list --json | "$PY" -c 'import json, sys; print(len(json.load(sys.stdin)))')"
(( count >= 40 )) || fail "list shows $count notices after the import"
[[ -f /usr/share/applications/bangtin.desktop && -f /usr/share/icons/hicolor/256x256/apps/bangtin.png ]] \
    || fail "the desktop file or the icons were not installed"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/bangtin.desktop || fail "the desktop file is not valid"
fi
if command -v update-mime-database >/dev/null; then
    # The shared-mime-info trigger may still be pending: run it into a copy.
    mkdir -p "$TMP/mime/packages"
    cp /usr/share/mime/packages/bangtin.xml "$TMP/mime/packages/"
    update-mime-database "$TMP/mime" >/dev/null 2>&1
    grep -q '\*\.bangtin' "$TMP/mime/globs2" || fail "the MIME entry does not claim *.bangtin"
fi
if command -v xvfb-run >/dev/null; then
    # The real X11 platform plugin, on a virtual screen. `screenshot` always
    # renders offscreen, so open the window itself: Qt aborts at once when
    # the xcb plugin cannot load; still running after a few seconds is a pass.
    status=0
    xvfb-run -a env -u BANGTIN_DATA_DIR HOME="$TMP/home" QT_QPA_PLATFORM=xcb \
        timeout 8 bangtin --data-dir "$TMP/data" </dev/null 2>"$TMP/xcb.log" || status=$?
    [[ $status -eq 124 ]] || { cat "$TMP/xcb.log" >&2; fail "the window did not start under X11 (exit $status)"; }
    say "xcb: the window ran under Xvfb"
else
    say "xvfb-run not found: the X11 plugin was not started (the offscreen one was)"
fi
say "install check OK: $count notices imported by /usr/bin/bangtin; package removed again"
