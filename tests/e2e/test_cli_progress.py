"""Progress goes to stderr when it is a terminal, and nowhere when redirected."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli import TIMEOUT, Cli, bangtin_command
from tests.helpers.published import PUBLISHER, Published


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no pseudo-terminals")
def test_build_draws_a_progress_bar_on_a_terminal(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    import pty

    out = tmp_path / "b.bangtin"
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [
            *bangtin_command(),
            "bundle",
            "build",
            str(published.base_source),
            "--key",
            str(published.private_key),
            "--publisher",
            PUBLISHER,
            "--out",
            str(out),
            "--sequence",
            "40",
        ],
        env=cli.env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    chunks: list[bytes] = []
    try:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.stdout is not None
        stdout = proc.stdout.read().decode("utf-8")
        assert proc.wait(timeout=TIMEOUT) == 0
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    cli.assert_no_network()
    stderr = b"".join(chunks).decode("utf-8")
    assert "Đang ghi văn bản" in stderr
    assert "Đang ghi tệp đính kèm" in stderr
    assert "100%" in stderr
    assert "Traceback" not in stderr
    assert stdout.startswith("Đã tạo gói dữ liệu số 40 (gói đầy đủ)")
    assert out.is_file()
