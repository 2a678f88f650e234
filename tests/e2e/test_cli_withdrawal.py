"""A withdrawal is never silently ignored (bundle-format §5 and §6).

A source file marked `withdrawn: true` withdraws its notice at every office
that has it: without `updated` it is withdrawn as of the build, and at an
equal revision the withdrawal wins. Withdrawing a notice an office never had
is counted as a withdrawal, not as "không đổi".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.bundles import make_keys, write_notice, write_withdrawal
from tests.helpers.cli import Cli
from tests.helpers.published import ids_of

PUBLISHER = "UBND xã Thử"


def _build(cli: Cli, src: Path, key: Path, out: Path, sequence: int) -> Path:
    cli("bundle", "build", src, "--key", key, "--publisher", PUBLISHER, "--out", out,
        "--sequence", str(sequence))  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("first_updated", "then_updated"),
    [
        (None, None),  # never updated: withdrawn as of the build
        ("2023-04-02 08:00", "2023-04-02 08:00"),  # the same revision: the withdrawal wins
        ("2023-04-02 08:00", None),  # `updated` dropped: still later than the office's copy
    ],
    ids=["no-updated", "same-updated", "updated-dropped"],
)
def test_marking_a_notice_withdrawn_withdraws_it(
    cli: Cli, tmp_path: Path, first_updated: str | None, then_updated: str | None
) -> None:
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_notice(src, "tb-01-2023", updated=first_updated)
    write_notice(src, "tb-02-2023")
    cli("trust", "add", pair.public_path)
    first = _build(cli, src, pair.private_path, tmp_path / "1.bangtin", 1)
    assert cli("import", first, "--json").json()["added"] == 2

    write_notice(src, "tb-01-2023", updated=then_updated, withdrawn=True)
    second = _build(cli, src, pair.private_path, tmp_path / "2.bangtin", 2)
    done = cli("import", second, "--json").json()
    assert (done["withdrawn"], done["unchanged"]) == (1, 1), done
    assert ids_of(cli("list", "--json").json()) == ["tb-02-2023"]


def test_withdrawing_a_notice_the_office_never_had_is_a_withdrawal(
    cli: Cli, tmp_path: Path
) -> None:
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_notice(src, "tb-02-2023")
    write_withdrawal(src, "tb-09-2023")
    cli("trust", "add", pair.public_path)
    bundle = _build(cli, src, pair.private_path, tmp_path / "1.bangtin", 1)
    done = cli("import", bundle, "--json").json()
    assert (done["added"], done["withdrawn"], done["unchanged"]) == (1, 1, 0), done


def test_the_build_counts_withdrawals_as_the_import_does(cli: Cli, tmp_path: Path) -> None:
    """A notice published with `withdrawn: true` and its content is a withdrawal on both sides."""
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_notice(src, "tb-01-2023")
    write_notice(src, "tb-02-2023", withdrawn=True)
    write_notice(src, "tb-03-2023", withdrawn=True)
    build = ("bundle", "build", src, "--key", pair.private_path, "--publisher", PUBLISHER)
    said = cli(*build, "--out", tmp_path / "1.bangtin").stdout
    assert "(gói đầy đủ) gồm 1 văn bản, 2 văn bản thu hồi, 0 tệp đính kèm:" in said, said
    assert "full" not in said
    cli("trust", "add", pair.public_path)
    done = cli("import", tmp_path / "1.bangtin", "--json").json()
    assert (done["added"], done["withdrawn"]) == (1, 2), done
    built = cli(*build, "--out", tmp_path / "2.bangtin", "--json").json()
    assert (built["notices"], built["withdrawals"]) == (1, 2)

    write_notice(src, "tb-03-2023", withdrawn=None)
    said = cli("--lang", "en", *build, "--out", tmp_path / "3.bangtin").stdout
    assert "(full) with 2 notices, 1 withdrawal, 0 attachments:" in said, said
