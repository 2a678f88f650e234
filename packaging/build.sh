#!/usr/bin/env bash
# Build Bảng Tin as one folder with PyInstaller (dist/bangtin/), then run the
# built program offscreen to prove it works: --version, a screenshot of the
# demo, trusting the demo key and importing the demo bundle into a fresh data
# dir, and portable mode. Prints the folder's size and cold-start times.
#
#   packaging/build.sh              build, then smoke-run
#   packaging/build.sh --no-build   smoke-run the existing dist/bangtin only
#
# Uses the project venv (.venv, made by ./dev.sh setup; BANGTIN_VENV to use
# another) and installs PyInstaller into it from the `packaging` extra.
# Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${BANGTIN_VENV:-.venv}"
DIST="dist"
APP="$DIST/bangtin"
MAX_MB=200
MIN_PNG_BYTES=20000

say() { printf 'build: %s\n' "$*" >&2; }
fail() { printf 'build: FAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

build=1
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        *) echo "usage: packaging/build.sh [--no-build]" >&2; exit 2 ;;
    esac
done

if [[ ! -x "$VENV/bin/python" ]]; then
    [[ -z "${BANGTIN_VENV:-}" ]] || fail "no Python in $VENV"
    ./dev.sh setup
fi
PY="$VENV/bin/python"
VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"

if [[ $build == 1 ]]; then
    if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
        say "installing PyInstaller into $VENV"
        "$PY" -m pip install -q -e ".[packaging]"
    fi
    say "building bangtin $VERSION with PyInstaller"
    start=$(now_ms)
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath build/pyinstaller packaging/bangtin.spec
    say "built in $(( ($(now_ms) - start) / 1000 )) s"
fi

EXE="$APP/bangtin"
[[ -x "$EXE" ]] || fail "$EXE is missing"
RES="$APP/_internal/desktop/resources"
[[ -f "$RES/demo/demo.bangtin" && -f "$RES/demo/demo-publisher.pub" ]] \
    || fail "the demo bundle or its key is not in the build"
[[ -f "$APP/_internal/db/migrations/env.py" ]] \
    || fail "the Alembic migrations are not in the build as files"
[[ ! -e "$RES/demo/demo-publisher.key" ]] || fail "the demo's private key was shipped"

# Bảng Tin never opens a connection: QtNetwork must not be in the build at all.
unwanted="$(find "$APP" \( -iname '*Qt6Network*' -o -iname 'QtNetwork*' -o -iname '*Qt6Qml*' \
    -o -iname '*Qt6Quick*' -o -iname '*WebEngine*' \) -print)"
[[ -z "$unwanted" ]] || fail "unused Qt modules in the build: $unwanted"

# -- smoke run, with a private HOME and no display ------------------------------------------

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bangtin-smoke.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/home"
run() {
    env -u BANGTIN_DATA_DIR -u DISPLAY -u WAYLAND_DISPLAY \
        HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/share" XDG_CONFIG_HOME="$TMP/home/config" \
        XDG_CACHE_HOME="$TMP/home/cache" QT_QPA_PLATFORM=offscreen \
        QT_LOGGING_RULES="qt.qpa.*=false" "$@" </dev/null
}

start=$(now_ms)
got="$(run "$EXE" --version)" || fail "--version exited non-zero"
version_ms=$(( $(now_ms) - start ))
[[ "$got" == "bangtin $VERSION" ]] || fail "--version printed '$got', pyproject says $VERSION"

start=$(now_ms)
run "$EXE" --data-dir "$TMP/shot" --demo screenshot --out "$TMP/demo.png" \
    || fail "--demo screenshot exited non-zero"
shot_ms=$(( $(now_ms) - start ))
[[ -f "$TMP/demo.png" ]] || fail "the screenshot was not written"
"$PY" - "$TMP/demo.png" "$MIN_PNG_BYTES" <<'EOF' || fail "the screenshot is not a real picture"
import struct, sys
data = open(sys.argv[1], "rb").read()
width, height = struct.unpack(">II", data[16:24])
ok = data[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1280, 800)
sys.exit(0 if ok and len(data) >= int(sys.argv[2]) else 1)
EOF
# Again, on the archive that now exists: what a clerk waits for each morning.
start=$(now_ms)
run "$EXE" --data-dir "$TMP/shot" --demo screenshot --out "$TMP/again.png" \
    || fail "the second screenshot exited non-zero"
again_ms=$(( $(now_ms) - start ))

# Import the demo bundle as an office would: make the archive, trust the key,
# import, list. (A folder named with --data-dir is never made by accident.)
run "$EXE" --data-dir "$TMP/data" init >/dev/null || fail "init failed"
run "$EXE" --data-dir "$TMP/data" trust add "$RES/demo/demo-publisher.pub" >/dev/null \
    || fail "trust add failed"
run "$EXE" --data-dir "$TMP/data" import "$RES/demo/demo.bangtin" --json >"$TMP/import.json" \
    || fail "import of the demo bundle failed"
run "$EXE" --data-dir "$TMP/data" list --json >"$TMP/list.json" || fail "list failed"
count="$("$PY" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/list.json")"
(( count >= 40 )) || fail "list shows $count notices after the import"

# Portable mode: portable.ini beside the program keeps the archive beside it.
cp -al "$APP" "$TMP/portable" 2>/dev/null || cp -a "$APP" "$TMP/portable"
touch "$TMP/portable/portable.ini"
run "$TMP/portable/bangtin" trust add "$RES/demo/demo-publisher.pub" >/dev/null \
    || fail "trust add failed in portable mode"
[[ -f "$TMP/portable/data/archive.sqlite3" ]] || fail "portable mode did not keep the archive beside the program"
[[ ! -e "$TMP/home/share/bangtin" ]] || fail "portable mode wrote to the user's data folder"

size_mb="$(du -sm "$APP" | cut -f1)"
say "OK: bangtin $VERSION, $count notices imported, screenshot $(stat -c %s "$TMP/demo.png") bytes"
say "one-folder size: ${size_mb} MB (limit ${MAX_MB} MB)"
say "start-up: --version ${version_ms} ms; --demo screenshot ${shot_ms} ms with a new demo" \
    "archive, ${again_ms} ms on the existing one (first runs after the build)"
(( size_mb <= MAX_MB )) || fail "the build is ${size_mb} MB, over ${MAX_MB} MB"
