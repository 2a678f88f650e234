"""The order of a shared archive's dumps comes from their generation, not the clock.

Only names here: which file `restore` takes and `prune` keeps is decided
from the names in the backups folder (the dumps themselves are PostgreSQL's
business, tested with the real pg_dump in tests/e2e/test_cli_server_backup.py).
"""

from __future__ import annotations

from pathlib import Path

from db import serverbackup
from db.serverbackup import dump_label, generation, list_dumps, newest_backup, prune

URL = "postgresql://vanthu@may-chu:5432/bangtin"
OTHER = "postgresql://vanthu@may-chu:5432/bangtin-cu"


def _dumps(data_dir: Path, *names: str) -> list[Path]:
    folder = data_dir / serverbackup.BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name in names:
        path = folder / name
        path.write_bytes(b"PGDMP")
        made.append(path)
    return made


def test_numbered_dumps_come_in_their_generations_order_whatever_their_times(
    tmp_path: Path,
) -> None:
    label = dump_label(URL)
    # The clock ran ahead for the first two dumps, then was put right.
    first, second, third = _dumps(
        tmp_path,
        f"server-{label}-20990101-090000-g1.dump",
        f"server-{label}-20990101-100000-g2.dump",
        f"server-{label}-20240601-090000-g3.dump",
    )
    assert list_dumps(tmp_path, URL) == [third, second, first]
    assert newest_backup(tmp_path, URL) == third
    assert [generation(p, URL) for p in (first, second, third)] == [1, 2, 3]
    assert prune(tmp_path, URL, keep=2) == [first]
    assert list_dumps(tmp_path, URL) == [third, second]


def test_dumps_from_before_numbering_are_found_and_come_after_the_numbered_ones(
    tmp_path: Path,
) -> None:
    label = dump_label(URL)
    old, old_second, old_later, numbered = _dumps(
        tmp_path,
        f"server-{label}-20240101-000000.dump",
        f"server-{label}-20240101-000000-2.dump",
        f"server-{label}-20250101-000000.dump",
        f"server-{label}-20200101-000000-g1.dump",
    )
    # Another database's dumps, and the states restores set aside, are never counted.
    _dumps(
        tmp_path,
        f"server-{dump_label(OTHER)}-20300101-000000-g9.dump",
        f"replaced-{label}-20300101-000000.dump",
    )
    assert list_dumps(tmp_path, URL) == [numbered, old_later, old_second, old]
    assert generation(old_later, URL) == 0
    assert prune(tmp_path, URL, keep=2) == [old_second, old]
    assert newest_backup(tmp_path, URL) == numbered


def test_prune_never_deletes_the_newest_dump(tmp_path: Path) -> None:
    label = dump_label(URL)
    older, newest = _dumps(
        tmp_path,
        f"server-{label}-20240101-000000-g1.dump",
        f"server-{label}-20240101-000001-g2.dump",
    )
    assert prune(tmp_path, URL, keep=0) == [older]
    assert list_dumps(tmp_path, URL) == [newest]
