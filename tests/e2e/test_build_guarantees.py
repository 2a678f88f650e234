"""`bangtin bundle build` never leaves a bundle whose sequence it did not record.

The tests run as any user, root included, so a folder that cannot be
written is made by putting a folder where a file must go, not by file modes.
A build is held half way with tests/e2e/held.py and killed there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.held import start_held
from tests.helpers.published import PUBLISHER, Published


def own_key(published: Published, folder: Path) -> Path:
    """A copy of the publisher's private key with no sequence file beside it yet."""
    folder.mkdir(parents=True, exist_ok=True)
    key = folder / "publisher.key"
    shutil.copyfile(published.private_key, key)
    return key


def build_args(published: Published, key: Path, out: Path, *extra: str) -> list[str | Path]:
    return [
        "bundle",
        "build",
        published.base_source,
        "--key",
        key,
        "--publisher",
        PUBLISHER,
        "--out",
        out,
        *extra,
    ]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".bangtin-build-"))


def test_a_sequence_that_cannot_be_recorded_leaves_no_bundle(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    key = own_key(published, tmp_path / "stick")
    state = key.with_name("publisher.key.state.json")
    # Where the new state is written before it is renamed into place.
    blocker = state.with_name(state.name + ".tmp")
    blocker.mkdir()
    out = tmp_path / "out" / "goi.bangtin"

    failed = cli.fails(*build_args(published, key, out, "--json"))
    assert failed.err_lines == [text("sequence_state_unwritable", "vi", path=str(state))]
    assert not out.exists()
    assert leftovers(out.parent) == []

    # Once the key's folder can be written, sequences start at 1 and go on.
    blocker.rmdir()
    assert cli(*build_args(published, key, out, "--json")).json()["sequence"] == 1
    again = tmp_path / "out" / "goi-2.bangtin"
    assert cli(*build_args(published, key, again, "--json")).json()["sequence"] == 2


def test_a_sequence_file_that_cannot_be_read_stops_the_build(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    key = own_key(published, tmp_path / "stick")
    state = key.with_name("publisher.key.state.json")
    out = tmp_path / "out" / "goi.bangtin"
    cli(*build_args(published, key, out))
    recorded = state.read_text("utf-8")

    for broken in ("dir", "garbage"):
        state.unlink() if state.is_file() else state.rmdir()
        if broken == "dir":
            state.mkdir()
        else:
            state.write_text("{ hỏng", encoding="utf-8")
        target = tmp_path / "out" / f"{broken}.bangtin"
        failed = cli.fails("--lang", "en", *build_args(published, key, target))
        assert failed.err_lines == [text("sequence_state_unreadable", "en", path=str(state))]
        assert "Unexpected" not in failed.stderr
        assert not target.exists()
    # The broken file is left for a person to look at, not written over.
    assert state.read_text("utf-8") == "{ hỏng"
    assert recorded != "{ hỏng"


def test_a_killed_build_leaves_nothing_for_the_next_one(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    key = own_key(published, tmp_path / "keys")
    out = tmp_path / "out"
    out.mkdir()
    held = start_held(
        cli, build_args(published, key, out / "a.bangtin", "--sequence", "10"), stage="notices"
    )
    try:
        assert held.reached(), held.finish().describe()
        (running,) = leftovers(out)
        # Another build beside a running one leaves the running one's file alone.
        cli(*build_args(published, key, out / "b.bangtin", "--sequence", "11"))
        assert leftovers(out) == [running]
    finally:
        held.kill()
    assert leftovers(out) == [running]
    assert not (out / "a.bangtin").exists()

    cli(*build_args(published, key, out / "c.bangtin", "--sequence", "12"))
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["b.bangtin", "c.bangtin"]
