"""CI step: the shipped .ts files hold exactly the strings of the window's code.

Runs pyside6-lupdate over desktop/ui into a scratch file and compares its
(context, source) pairs with resources/translations/bangtin_en.ts. The fast
checks of the .ts and .qm files themselves stay in
tests/gui/test_translations.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "resources" / "translations" / "bangtin_en.ts"


def lupdate() -> str:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("lupdate: pyside6-lupdate is needed (it ships with PySide6)")
    return found


def messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory(prefix="bangtin-lupdate-") as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run(
            [lupdate(), *sources, "-locations", "none", "-ts", str(fresh)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        in_code = messages(fresh)
    shipped = messages(SHIPPED)
    missing, obsolete = sorted(in_code - shipped), sorted(shipped - in_code)
    for context, source in missing:
        print(f"lupdate: not in the .ts files: {context}: {source!r}", file=sys.stderr)
    for context, source in obsolete:
        print(f"lupdate: obsolete in the .ts files: {context}: {source!r}", file=sys.stderr)
    if missing or obsolete:
        print("lupdate: run packaging/translations.sh, then translate", file=sys.stderr)
        return 1
    print(f"lupdate: the .ts files hold all {len(in_code)} strings of desktop/ui", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
