"""A PC's own archive never loads the PostgreSQL driver: psycopg and libpq cost
every window start and every command on a SQLite archive about 40 ms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_reading_a_pcs_own_archive_loads_no_postgresql_driver(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from db.archive import open_archive\n"
        "from db import counts, queries, search\n"
        f"archive = open_archive(Path({str(tmp_path / 'kho')!r}), create=True)\n"
        "with archive.reading() as session:\n"
        "    queries.list_notices(session)\n"
        "    search.search(session, 'thong bao')\n"
        "archive.close()\n"
        "print('psycopg' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False", done.stderr
