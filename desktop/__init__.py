"""Bảng Tin: the application (bundles, rendering, command line, window)."""

from __future__ import annotations


def app_version() -> str:
    """The version from pyproject, the one source of truth."""
    # Imported here: importlib.metadata costs ~25 ms, and the window's start
    # should not pay it before its first paint.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bangtin")
    except PackageNotFoundError:  # running from a tree that was never installed
        return "0+unknown"
