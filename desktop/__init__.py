"""Bảng Tin: the application (bundles, rendering, command line, window)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    """The version from pyproject, the one source of truth."""
    try:
        return version("bangtin")
    except PackageNotFoundError:  # running from a tree that was never installed
        return "0+unknown"
