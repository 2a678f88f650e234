#!/bin/sh
# Set up Bảng Tin from a fresh clone and run it.
#
#   ./dev.sh demo    set up, then open the reader on the demo archive
#   ./dev.sh test    set up, then run the whole test suite, one process per core
#   ./dev.sh run     set up, then open the reader on this computer's own archive
#   ./dev.sh setup   only set up (.venv with the app and its test tools)
#
# After `demo` or `run` any bangtin command may follow (`./dev.sh demo list`).
# After setup the command itself is .venv/bin/bangtin (or `. .venv/bin/activate`).
#
# Needs Python 3.11+ as python3. On Debian/Ubuntu it installs the few system
# packages Qt and the tests need (with sudo when not run as root), waiting
# for any other package installation to finish first.
set -eu
cd "$(dirname "$0")"

VENV=.venv
# binutils: `strip`, which packaging/build.sh (PyInstaller) uses on libpython.
# postgresql: the tests start a throwaway server of their own (initdb,
# pg_ctl) for the shared-archive suites, and `bangtin backup` of such an
# archive drives its pg_dump.
APT_PACKAGES="python3-venv python3-pip libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
fonts-liberation2 fonts-croscore fonts-dejavu-core poppler-utils binutils postgresql"

say() { printf '%s\n' "bangtin: $*" >&2; }

# How long to wait for another program (apt, the software updater, unattended
# upgrades) to finish installing packages.
APT_WAIT=300
# apt-get update takes the first; apt-get install the others. apt's own
# DPkg::Lock::Timeout covers only the dpkg locks, and says nothing under -qq.
APT_LOCKS="/var/lib/apt/lists/lock /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock \
/var/cache/apt/archives/lock"

# Exits 3 while another process holds one of apt's locks, 0 when none does.
# It only asks the kernel who holds them (F_GETLK), so it never takes a lock
# another apt run might want at that moment.
apt_locks_held() {
    # shellcheck disable=SC2086
    $SUDO python3 -c '
import fcntl, os, struct, sys
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        continue
    try:
        # struct flock starts with l_type; the rest (whole file, from 0) is
        # zeros, and the buffer is larger than struct flock on any platform.
        query = struct.pack("h", fcntl.F_WRLCK) + bytes(126)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    finally:
        os.close(fd)
    if struct.unpack_from("h", answer)[0] != fcntl.F_UNLCK:
        sys.exit(3)
' $APT_LOCKS
}

# Any other answer (sudo refused, say) is left to apt-get itself to report.
apt_busy() {
    status=0
    apt_locks_held || status=$?
    [ "$status" -eq 3 ]
}

wait_for_apt() {
    apt_busy || return 0
    say "another program is installing or updating packages (apt, the software updater);"
    say "waiting for it to finish, at most $((APT_WAIT / 60)) minutes..."
    waited=0
    while apt_busy; do
        if [ "$waited" -ge "$APT_WAIT" ]; then
            say "it is still running after $((APT_WAIT / 60)) minutes; run this again when it has finished"
            exit 1
        fi
        sleep 2
        waited=$((waited + 2))
    done
    say "the other package installation has finished; continuing"
}

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
    wait_for_apt
    $SUDO apt-get -o DPkg::Lock::Timeout="$APT_WAIT" update -qq
    # Names differ a little between releases; install what exists.
    available=""
    for pkg in $missing; do
        if apt-cache show "$pkg" >/dev/null 2>&1; then available="$available $pkg"; fi
    done
    wait_for_apt
    # The timeout covers a run that starts between the check and this line;
    # env, not a plain assignment: sudo drops the caller's environment.
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$APT_WAIT" \
        install -y -qq --no-install-recommends $available
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
        # resources/ is installed as desktop.resources, so setuptools makes the
        # editable install with an import hook and prints a boxed note about it
        # ("Editable installation."), which is information only.
        PYTHONWARNINGS="ignore:Editable installation" \
            "$VENV/bin/python" -m pip install -q -e ".[test]"
        touch "$stamp"
    fi
}

# The same test as bangtin's own before it opens its window: can one open here?
has_display() {
    case "$(uname -s)" in Darwin | MINGW* | MSYS* | CYGWIN*) return 0 ;; esac
    case "${QT_QPA_PLATFORM:-}" in offscreen* | minimal* | vnc*) return 0 ;; esac
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

case "${1:-}" in
    demo)
        setup
        shift
        if [ $# -eq 0 ] && ! has_display; then
            # On a server or over ssh, show what the demo holds rather than
            # only an error.
            say "no graphical display here, so the window cannot open; the newest demo notices instead."
            say "All of them: ./dev.sh demo list. The window as a picture: ./dev.sh demo screenshot --out window.png"
            exec "$VENV/bin/bangtin" --demo list --limit 10
        fi
        exec "$VENV/bin/bangtin" --demo "$@"
        ;;
    run)
        setup
        shift
        if [ $# -eq 0 ]; then
            if ! has_display; then
                say "no graphical display here, so the window cannot open."
                say "Commands work: ./dev.sh run list, ./dev.sh run --help"
                exit 1
            fi
            # Say which archive: this one is the office's, not the demo's.
            data_dir=$("$VENV/bin/python" -c 'from desktop.paths import data_dir; print(data_dir())')
            say "opening the archive in $data_dir"
        fi
        exec "$VENV/bin/bangtin" "$@"
        ;;
    test)
        setup
        shift
        # One test process per core (pytest-xdist); BANGTIN_TEST_PROCESSES=0
        # runs everything in this one process, for a debugger.
        exec "$VENV/bin/python" -m pytest -n "${BANGTIN_TEST_PROCESSES:-auto}" "$@"
        ;;
    setup)
        setup
        say "ready: run the program as $VENV/bin/bangtin, or after \". $VENV/bin/activate\" as bangtin"
        ;;
    *)
        echo "usage: ./dev.sh demo | run | test [pytest args] | setup" >&2
        echo "       (bangtin arguments may follow demo and run: ./dev.sh demo list)" >&2
        exit 2
        ;;
esac
