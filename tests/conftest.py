"""Test setup shared by every suite: offscreen Qt, and the helpers loaded as plugins.

Fixtures and builders live in tests/helpers; tests import builders from
there, never from a conftest module.
"""

from __future__ import annotations

import os

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
