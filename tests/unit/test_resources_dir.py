"""The resources folder is found without importlib.resources, where importlib.resources finds it."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from desktop.paths import resources_dir


def test_the_resources_folder_is_the_one_importlib_resources_names() -> None:
    with as_file(files("desktop.resources")) as path:
        expected = Path(path)
    assert resources_dir() == expected
    assert (resources_dir() / "icons").is_dir()
