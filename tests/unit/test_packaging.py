"""A non-editable install must find its resources and migrations too.

Builds the wheel offline (no build isolation), unpacks it away from the
source tree, and asks the unpacked package where its files are.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, desktop, db.archive, db.search
from desktop import paths
print(json.dumps({
    "package": desktop.__file__,
    "demo_bundle": str(paths.demo_bundle_path()),
    "demo_source": str(paths.demo_source_dir()),
    "demo_key": str(paths.demo_public_key_path()),
    "head": db.archive.head_revision(),
}))
"""


def test_wheel_carries_resources_and_migrations(tmp_path: Path) -> None:
    out = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
        timeout=300,
    )
    wheels = list(out.glob("bangtin-*.whl"))
    assert len(wheels) == 1
    site = tmp_path / "site"
    with zipfile.ZipFile(wheels[0]) as zf:
        names = set(zf.namelist())
        zf.extractall(site)
    assert "desktop/resources/demo/demo.bangtin" in names
    assert "desktop/resources/demo/demo-publisher.pub" in names
    assert any(n.startswith("db/migrations/versions/0001") for n in names)
    assert "db/search/ranking.py" in names

    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    found = json.loads(probe.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["demo_bundle"]).is_file()
    assert Path(found["demo_source"]).is_dir()
    assert Path(found["demo_key"]).is_file()
    assert Path(found["demo_bundle"]).is_relative_to(site)
