#!/bin/sh
# Set up Bảng Tin from a fresh clone and run it.
#
#   ./dev.sh demo    set up, then open the reader on the demo archive
#   ./dev.sh test    set up, then run the whole test suite
#   ./dev.sh setup   only set up (.venv with the app and its test tools)
#
# Needs Python 3.11+ as python3. On Debian/Ubuntu it installs the few system
# packages Qt and the tests need (with sudo when not run as root).
set -eu
cd "$(dirname "$0")"

VENV=.venv
# binutils: `strip`, which packaging/build.sh (PyInstaller) uses on libpython.
APT_PACKAGES="python3-venv python3-pip libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
fonts-liberation2 fonts-croscore fonts-dejavu-core poppler-utils binutils"

say() { printf '%s\n' "bangtin: $*" >&2; }

system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    missing=""
    for pkg in $APT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" \
            || missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    say "installing system packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    # Names differ a little between releases; install what exists.
    available=""
    for pkg in $missing; do
        if apt-cache show "$pkg" >/dev/null 2>&1; then available="$available $pkg"; fi
    done
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $available
}

python_ok() {
    python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null
}

setup() {
    if ! python_ok; then
        say "Bảng Tin needs Python 3.11 or newer as python3"
        exit 1
    fi
    system_packages
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating $VENV"
        python3 -m venv "$VENV"
    fi
    stamp="$VENV/.installed"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        say "installing Bảng Tin and its test tools into $VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e ".[test]"
        touch "$stamp"
    fi
}

case "${1:-}" in
    demo)
        setup
        shift
        exec "$VENV/bin/bangtin" --demo "$@"
        ;;
    test)
        setup
        shift
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    setup)
        setup
        ;;
    *)
        echo "usage: ./dev.sh demo | test [pytest args] | setup" >&2
        exit 2
        ;;
esac
