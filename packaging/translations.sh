#!/usr/bin/env bash
# Update the window's translations: collect the strings of desktop/ui into
# resources/translations/bangtin_{vi,en}.ts (lupdate keeps what is already
# translated), then compile the .qm files that ship (lrelease), with
# qtbase_vi.ts, the Vietnamese of Qt's own dialogs.
#
#   packaging/translations.sh            update .ts and compile .qm
#   packaging/translations.sh --release  only compile .qm from the .ts files
#
# Translate new strings with pyside6-linguist (or by hand) between the two
# steps; tests/gui/test_translations.py fails while any string is unfinished.
set -euo pipefail

cd "$(dirname "$0")/.."
bin_dir="$(dirname "$(command -v python3 || command -v python)")"
if [[ -n "${VIRTUAL_ENV:-}" ]]; then bin_dir="$VIRTUAL_ENV/bin"; fi
lupdate="${PYSIDE6_LUPDATE:-$(command -v pyside6-lupdate || echo "$bin_dir/pyside6-lupdate")}"
lrelease="${PYSIDE6_LRELEASE:-$(command -v pyside6-lrelease || echo "$bin_dir/pyside6-lrelease")}"
out=resources/translations
mkdir -p "$out"

if [[ "${1:-}" != "--release" ]]; then
    for lang in vi en; do
        target=$([[ $lang == vi ]] && echo vi_VN || echo en_GB)
        "$lupdate" desktop/ui/*.py -no-obsolete -locations none \
            -source-language vi_VN -target-language "$target" -ts "$out/bangtin_$lang.ts"
    done
fi
for lang in vi en; do
    "$lrelease" "$out/bangtin_$lang.ts" -qm "$out/bangtin_$lang.qm"
done
# Qt's own dialogs in Vietnamese (Qt ships no catalog for it): kept by hand,
# never touched by lupdate.
"$lrelease" "$out/qtbase_vi.ts" -qm "$out/qtbase_vi.qm"
