"""Migrations are frozen: no revision imports the program's own code.

A revision that called live code would change what it does whenever that code
changed, and an old archive would then be upgraded differently from the way
the revision was tested.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

VERSIONS = Path(__file__).resolve().parents[2] / "db" / "migrations" / "versions"
PROGRAM = ("db", "desktop")
_DYNAMIC = ("__import__", "import_module")


def program_imports(source: str) -> list[str]:
    """The modules of the program that *source* imports, anywhere in it."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # Relative to db.migrations.versions: always the program.
                found.append("." * node.level + (node.module or ""))
                continue
            names = [node.module or ""]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) in _DYNAMIC
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        else:
            continue
        found.extend(name for name in names if name.split(".")[0] in PROGRAM)
    return found


REVISIONS = sorted(VERSIONS.glob("*.py"))


def test_the_revisions_are_found() -> None:
    assert len([p for p in REVISIONS if p.name[:4].isdigit()]) >= 3


@pytest.mark.parametrize("path", REVISIONS, ids=lambda p: p.name)
def test_no_revision_imports_the_program(path: Path) -> None:
    assert program_imports(path.read_text(encoding="utf-8")) == [], (
        f"{path.name} must carry a frozen copy of what it needs, not import it"
    )


def test_every_way_of_importing_the_program_is_seen() -> None:
    source = (
        "import db\n"
        "import desktop.cli as cli\n"
        "from db.search import fill_index\n"
        "from .. import models\n"
        "def upgrade():\n"
        "    from db import search\n"
        "    importlib.import_module('db.folding')\n"
        "    __import__('desktop')\n"
        "import dbm, desktopish, alembic.op\n"
        "from sqlalchemy import Connection\n"
    )
    assert sorted(program_imports(source)) == sorted(
        ["db", "desktop.cli", "db.search", "..", "db", "db.folding", "desktop"]
    )
