"""`bangtin --demo`: the shipped demo notices, in a folder of their own."""

from __future__ import annotations

from pathlib import Path

from desktop.demoday import DEMO_TODAY
from desktop.messages import text
from tests.helpers.cli import Cli, import_log_rows
from tests.helpers.published import Published


def test_demo_lists_the_demo_notices_and_leaves_the_office_archive_alone(
    cli: Cli, data_dir: Path
) -> None:
    notices = cli("--demo", "list", "--json").json()
    assert len(notices) >= 40
    assert all(n["withdrawn"] is False for n in notices)
    published = [n["published"] for n in notices]
    assert published == sorted(published, reverse=True)
    assert all(p.endswith("+07:00") for p in published)
    # The office's data dir (BANGTIN_DATA_DIR) is never created by the demo.
    assert not data_dir.exists()
    assert (data_dir.with_name(data_dir.name + "-demo") / "archive.sqlite3").is_file()


def test_a_real_bundle_is_refused_by_the_demo_in_one_sentence(
    cli: Cli, data_dir: Path, published: Published
) -> None:
    demo = data_dir.with_name(data_dir.name + "-demo")
    before = len(cli("--demo", "list", "--json").json())
    log = import_log_rows(demo)
    # Even with the publisher's key trusted there, the demo takes no bundle.
    cli("--demo", "trust", "add", published.public_key)
    refused = cli.fails("--demo", "import", published.base)
    assert refused.err_lines == [text("demo_archive", "vi")]
    as_json = cli("--demo", "import", published.base, "--json", expect=1).json()
    assert as_json["error"]["code"] == "demo_archive"
    assert len(cli("--demo", "list", "--json").json()) == before
    assert import_log_rows(demo) == log
    # The office's own archive takes it.
    cli("trust", "add", published.public_key)
    assert cli("import", published.base, "--json").json()["status"] == "imported"


def test_status_on_the_demo_is_reckoned_on_the_demos_own_day(cli: Cli, data_dir: Path) -> None:
    # The demo bundle is signed when the demo is made, years after the demo's day: the
    # status speaks of that day, as the window's freshness line and its to-do list do,
    # whether the demo is named with --demo or with its folder.
    day = DEMO_TODAY.strftime("%d/%m/%Y")
    lines = cli("--demo", "status").stdout.splitlines()
    assert f"Dữ liệu cập nhật đến ngày {day} (hôm nay)" in lines
    assert any(line.endswith(f"gói số 1, ký ngày {day}") for line in lines), lines
    demo = data_dir.with_name(data_dir.name + "-demo")
    data = cli("--data-dir", demo, "status", "--json").json()
    assert (data["as_of"], data["latest_day"], data["days_since"], data["stale"]) == (
        DEMO_TODAY.isoformat(),
        DEMO_TODAY.isoformat(),
        0,
        False,
    )
    assert [p["last_signed"] for p in data["publishers"]] == [DEMO_TODAY.isoformat()]
