"""Import or build in a child process, and report its time, peak memory and peak disk.

    python bench/measure.py import DATA_DIR BUNDLE
    python bench/measure.py build SRC KEY OUT

Prints one JSON object: `seconds` (the call alone), `peak_rss` (the child's
resident peak, bytes, VmHWM: interpreter and imports included) and,
for an import, `peak_disk` (the largest the data folder grew while the call
ran, sampled every 20 ms) and `final_disk`. A child process so that each
figure is the call's own, not the benchmark's.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def folder_bytes(folder: Path) -> int:
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.stat(os.path.join(base, name)).st_size
            except OSError:  # removed while we looked
                pass
    return total


class DiskWatch:
    """Samples a folder's size on a thread until stopped; keeps the largest."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.peak = folder_bytes(folder)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, folder_bytes(self.folder))

    def __enter__(self) -> DiskWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, folder_bytes(self.folder))


def _peak_rss() -> int:
    """This process's peak resident memory since it was exec'd.

    Not getrusage's ru_maxrss on Linux: that survives execve, so a child
    reports at least the parent's size when it forked (the benchmark holds
    the bare import's rows: 300 MB at 100,000 notices). VmHWM starts anew
    with the new program.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def child(argv: list[str]) -> dict[str, Any]:
    mode = argv[0]
    if mode == "import":
        from db.archive import open_archive
        from desktop.bundles.importer import import_bundle

        data_dir, bundle = Path(argv[1]), Path(argv[2])
        archive = open_archive(data_dir)
        with DiskWatch(data_dir) as disk:
            start = time.perf_counter()
            result = import_bundle(archive, bundle)
            seconds = time.perf_counter() - start
        archive.close()
        return {
            "seconds": seconds,
            "status": result.status,
            "peak_rss": _peak_rss(),
            "peak_disk": disk.peak,
            "final_disk": folder_bytes(data_dir),
        }
    if mode == "build":
        from desktop.bundles.builder import build_bundle

        src, key, out = Path(argv[1]), Path(argv[2]), Path(argv[3])
        start = time.perf_counter()
        built = build_bundle(src, key, "Sở Thông tin và Truyền thông tỉnh Sơn Hà", out, sequence=1)
        return {
            "seconds": time.perf_counter() - start,
            "size": built.size,
            "peak_rss": _peak_rss(),
        }
    raise SystemExit(f"unknown mode {mode}")


def run_child(*args: str | Path) -> dict[str, Any]:
    """Run this module as a child with *args*; its JSON answer."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"measure {args[0]} failed:\n{proc.stdout}\n{proc.stderr}")
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1:])))
