"""Test setup shared by every suite: offscreen Qt, and the helpers loaded as plugins.

Fixtures and builders live in tests/helpers; tests import builders from
there, never from a conftest module.
"""

from __future__ import annotations

import os

import pytest

# Qt must never look for a display in tests, and must never be told twice.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

pytest_plugins = [
    # Before fixtures, which imports it (the socket guard's allowed hosts).
    "tests.helpers.postgres",
    "tests.helpers.fixtures",
    "tests.helpers.cli",
    "tests.helpers.published",
    "tests.helpers.dialogs",
    "tests.helpers.receipts",
    "tests.helpers.keyrings",
    "tests.helpers.pgcluster",
]


#: Modules with the suite's longest tests (hypothesis runs, kill tests, long
#: scenarios; each 5-40 s on two cores). They start first, so that each test
#: process gets some early and the run never ends waiting on one of them.
LONG_FIRST = frozenset(
    {
        "test_bundle_fuzz",
        "test_kill_import",
        "test_kill_receipt_import",
        "test_kill_import_server",
        "test_cli_receipts",
        "test_search_parity",
        "test_validity",
        "test_receipt_fuzz",
        "test_queries",
        "test_archive_guarantees",
        "test_trust_fuzz",
        "test_source",
        "test_two_processes",
        "test_cli_trust_chain",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.stem not in LONG_FIRST)
