"""The log file: warnings and errors no sentence shows are kept, small, in UTF-8, on this PC."""

from __future__ import annotations

import logging
import threading
import warnings
from pathlib import Path

import pytest

from desktop import logfile, paths


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_psycopg_warnings_and_python_warnings_are_written_in_utf8(tmp_path: Path) -> None:
    path = logfile.start("cli import")
    assert path == tmp_path / "log" / paths.LOG_NAME == paths.log_file()
    logging.getLogger("psycopg").warning("error ignored terminating <psycopg.Pipeline [BAD]>")
    logging.getLogger("bangtin.test").info("chỉ thông tin: không ghi")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("cảnh báo của thư viện", UserWarning, stacklevel=1)
    lines = _lines(path)
    assert lines[0].endswith(
        "cli import WARNING psycopg: error ignored terminating <psycopg.Pipeline [BAD]>"
    )
    assert "py.warnings" in lines[1] and "UserWarning: cảnh báo của thư viện" in lines[1]
    assert "chỉ thông tin" not in path.read_text(encoding="utf-8")


def test_an_error_on_a_background_thread_is_written_with_its_traceback(tmp_path: Path) -> None:
    path = logfile.start("window")

    def fails() -> None:
        raise RuntimeError("hỏng ở luồng nền")

    worker = threading.Thread(target=fails, name="bangtin-db")
    worker.start()
    worker.join()
    text = path.read_text(encoding="utf-8")
    assert "window ERROR bangtin: thread bangtin-db failed" in text
    assert "Traceback" in text and "RuntimeError: hỏng ở luồng nền" in text


def test_the_file_stays_small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 4096)
    path = logfile.start("cli backup")
    for i in range(500):
        logging.getLogger("psycopg").warning("dòng số %d của nhật ký", i)
    files = sorted(path.parent.iterdir())
    assert [f.name for f in files] == ["bangtin.log", "bangtin.log.1", "bangtin.log.2"]
    assert all(f.stat().st_size <= 4096 for f in files)
    assert "dòng số 499 " in path.read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_is_skipped_in_silence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BANGTIN_LOG_DIR", str(blocker / "log"))
    logfile.start("cli list")
    logging.getLogger("psycopg").warning("không có chỗ ghi")
    # A folder where the file should be: it cannot be opened, even by root.
    (tmp_path / "log2" / paths.LOG_NAME).mkdir(parents=True)
    monkeypatch.setenv("BANGTIN_LOG_DIR", str(tmp_path / "log2"))
    logfile.start("cli list")
    logging.getLogger("psycopg").warning("không mở được tệp")
    assert capsys.readouterr() == ("", "")


def test_stop_leaves_the_root_logger_as_it_was() -> None:
    before = list(logging.getLogger().handlers)
    logfile.start("cli status")
    logfile.start("cli status")  # again: replaced, not added
    assert len(logging.getLogger().handlers) == len(before) + 1
    logfile.stop()
    assert logging.getLogger().handlers == before


def test_nothing_is_made_on_disk_until_there_is_something_to_write(tmp_path: Path) -> None:
    path = logfile.start("cli status")
    logging.getLogger("bangtin.test").info("không phải cảnh báo")
    assert not path.parent.exists()
    logging.getLogger("bangtin.test").warning("cảnh báo đầu tiên")
    assert path.is_file() and (path.parent.stat().st_mode & 0o777) == 0o700
