"""What installers and file managers call: `trust add-dir DIR` and `bangtin FILE.bangtin`."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import cli, paths
from desktop.bundles import keys
from tests.helpers.cli import Cli


def make_key(folder: Path, name: str) -> tuple[Path, str]:
    """A publisher's public key as `<name>.pub` in *folder*; returns it and its id."""
    _private, public, kid = keys.generate_keypair(folder / f"pair-{name}", name)
    target = folder / f"{name}.pub"
    target.write_text(public.read_text(encoding="utf-8"), encoding="utf-8")
    return target, kid


def trusted_ids(cli: Cli) -> set[str]:
    return {k["key_id"] for k in cli("trust", "list", "--json").json()}


def test_add_dir_trusts_every_key_in_the_folder(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "trusted-keys"
    folder.mkdir()
    _first, first_id = make_key(folder, "so-tttt")
    _second, second_id = make_key(folder, "ubnd-tinh")
    out = cli("trust", "add-dir", folder)
    assert trusted_ids(cli) == {first_id, second_id}
    assert sorted(out.stdout.splitlines()) == sorted(
        f"Đã tin cậy khóa {kid} ({name})."
        for kid, name in [(first_id, "so-tttt"), (second_id, "ubnd-tinh")]
    )
    # Running the installer again changes nothing and still succeeds.
    again = cli("trust", "add-dir", folder)
    assert again.stdout.count("đã được tin cậy từ trước") == 2, again.describe()
    assert trusted_ids(cli) == {first_id, second_id}


def test_add_dir_skips_a_broken_key_and_says_so(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "trusted-keys"
    folder.mkdir()
    _good, good_id = make_key(folder, "so-tttt")
    (folder / "hong.pub").write_text("bangtin-ed25519 không-phải-khóa\n", encoding="utf-8")
    result = cli("trust", "add-dir", folder, expect=1)
    assert len(result.err_lines) == 1, result.describe()
    assert trusted_ids(cli) == {good_id}


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_add_dir_without_keys_fails_in_one_sentence(cli: Cli, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "trusted-keys"
    if kind == "empty":
        folder.mkdir()
        (folder / "readme.txt").write_text("không có khóa", encoding="utf-8")
    result = cli.fails("trust", "add-dir", folder)
    assert "*.pub" in result.stderr


# -- a bundle as the only argument ------------------------------------------------------


class Opened:
    """Stands in for the window: records what `run` was asked to open."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[Path, Path | None]] = []
        #: Whether each run may make a new archive without asking.
        self.creates: list[bool] = []
        from desktop.ui import app

        def run(
            data_dir: Path,
            *,
            lang: str | None = None,
            initial_bundle: Path | None = None,
            create: bool = True,
            demo: bool = False,
            database_url: str | None = None,
        ) -> int:
            self.calls.append((Path(data_dir), initial_bundle))
            self.creates.append(create)
            return 0

        monkeypatch.setattr(app, "run", run)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Opened:
    return Opened(monkeypatch)


@pytest.mark.parametrize("before", [[], ["--lang", "en"], ["--data-dir", "DATA"]])
def test_a_bundle_path_opens_the_window_and_imports_it(
    opened: Opened, tmp_path: Path, data_dir: Path, before: list[str]
) -> None:
    bundle = tmp_path / "Tin tháng 5.BANGTIN"
    bundle.write_bytes(paths.demo_bundle_path().read_bytes())
    argv = [str(tmp_path / "chosen") if a == "DATA" else a for a in before]
    assert cli.main([*argv, str(bundle)]) == 0
    expected_dir = tmp_path / "chosen" if "--data-dir" in before else data_dir
    assert opened.calls == [(expected_dir, bundle.resolve())]
    # A folder typed on the command line is made only after the window asked.
    assert opened.creates == ["--data-dir" not in before]


def test_no_argument_opens_the_window_without_an_import(opened: Opened, data_dir: Path) -> None:
    assert cli.main([]) == 0
    assert opened.calls == [(data_dir, None)]


def test_a_missing_bundle_or_a_command_is_not_taken_for_a_double_click(
    opened: Opened, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([str(tmp_path / "khong-co.bangtin")]) == cli.EXIT_USAGE
    bundle = tmp_path / "goi.bangtin"
    bundle.write_bytes(paths.demo_bundle_path().read_bytes())
    # `bangtin bundle verify FILE` stays the command it always was.
    assert cli.main(["bundle", "verify", str(bundle)]) == cli.EXIT_REFUSED
    assert opened.calls == []
    capsys.readouterr()
