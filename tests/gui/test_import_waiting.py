"""The import dialog says what an import waits for, on one PC and on a shared archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.messages import text
from tests.helpers.sample import WindowFactory


@pytest.mark.parametrize("stage", ["waiting", "waiting_server"])
def test_the_dialog_names_what_the_import_waits_for(
    make_window: WindowFactory, data_dir: Path, stage: str
) -> None:
    window = make_window(data_dir)
    # On a server it is another PC's import: "Máy khác đang nhập gói dữ liệu…".
    assert window.importer._stage_text(stage) == text(f"stage_{stage}", "vi") + "…"
