"""CI step: the wheel builds offline and, installed away from the source tree, finds its files.

Builds the wheel without build isolation or an index, installs it with pip
into a fresh folder, and asks the installed package where its resources and
migrations are. Exits non-zero, with the reason on stderr, when any of that
fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, desktop, db.archive, db.search, desktop.cli, desktop.ops
from desktop import paths
print(json.dumps({
    "package": desktop.__file__,
    "demo_bundle": str(paths.demo_bundle_path()),
    "demo_source": str(paths.demo_source_dir()),
    "demo_key": str(paths.demo_public_key_path()),
    "head": db.archive.head_revision(),
}))
"""

REQUIRED_ENTRIES = (
    "desktop/resources/demo/demo.bangtin",
    "desktop/resources/demo/demo-publisher.pub",
    "desktop/resources/translations/qtbase_vi.qm",
    "desktop/resources/help/guide_vi.html",
)


def pip(*args: str, cwd: Path) -> None:
    # Captured: setuptools' warnings are noise unless pip fails (then main shows them).
    subprocess.run(
        [sys.executable, "-m", "pip", *args],
        check=True,
        cwd=cwd,
        timeout=600,
        capture_output=True,
        text=True,
    )


def check(work: Path) -> list[str]:
    """Build, install and probe in *work*; returns what is wrong."""
    out = work / "wheel"
    pip(
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-q",
        "-w",
        str(out),
        str(ROOT),
        cwd=work,
    )
    wheels = list(out.glob("bangtin-*.whl"))
    if len(wheels) != 1:
        return [f"expected one wheel, found {[w.name for w in wheels]}"]
    with zipfile.ZipFile(wheels[0]) as zf:
        names = set(zf.namelist())
    problems = [f"the wheel lacks {name}" for name in REQUIRED_ENTRIES if name not in names]
    if not any(n.startswith("db/migrations/versions/0001") for n in names):
        problems.append("the wheel lacks the migrations")
    # Every Python package of the source tree, so that one missing from
    # pyproject's list is caught here and not on an office's PC.
    for init in sorted([*ROOT.glob("db/**/__init__.py"), *ROOT.glob("desktop/**/__init__.py")]):
        entry = init.relative_to(ROOT).as_posix()
        if entry not in names:
            problems.append(f"the wheel lacks the package {init.parent.relative_to(ROOT)}")

    site = work / "site"
    pip("install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheels[0]), cwd=work)
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        check=True,
        capture_output=True,
        text=True,
        cwd=work,
        # Only the installed copy and the venv's dependencies: never the source tree.
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    found = json.loads(probe.stdout)
    if not Path(found["package"]).is_relative_to(site):
        problems.append(f"the probe imported {found['package']}, not the installed copy")
    for key, test in (
        ("demo_bundle", Path.is_file),
        ("demo_source", Path.is_dir),
        ("demo_key", Path.is_file),
    ):
        path = Path(found[key])
        if not (test(path) and path.is_relative_to(site)):
            problems.append(f"{key} is not inside the installed package: {path}")
    if not found["head"]:
        problems.append("the installed package has no migration head")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bangtin-wheel-") as tmp:
        try:
            problems = check(Path(tmp))
        except subprocess.CalledProcessError as exc:
            problems = [
                f"{' '.join(map(str, exc.cmd[:4]))}… exited {exc.returncode}: {exc.stderr or ''}"
            ]
    for problem in problems:
        print(f"wheel: {problem}", file=sys.stderr)
    if not problems:
        print("wheel: built, installed and found its resources and migrations", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
