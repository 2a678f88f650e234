"""The Linux desktop files agree with each other and with the app (packaging/linux)."""

from __future__ import annotations

import configparser
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import app_version

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME_TYPE = "application/x-bangtin-bundle"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / "bangtin.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_opens_bundles_with_the_command() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == entry["Name[en]"] == "Bảng Tin"
    assert entry["GenericName[vi]"] and entry["GenericName[en]"]
    assert entry["Exec"] == "bangtin %f"
    assert entry["Icon"] == "bangtin"
    assert entry["MimeType"].split(";")[:-1] == [MIME_TYPE]


def test_mime_entry_claims_the_bundle_extension() -> None:
    root = ET.parse(LINUX / "bangtin-mime.xml").getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [MIME_TYPE]
    globs = [g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")]
    assert globs == ["*.bangtin"]


def test_metainfo_names_the_desktop_file_and_this_version() -> None:
    root = ET.parse(LINUX / "io.github.bangtin.metainfo.xml").getroot()
    assert root.findtext("launchable") == "bangtin.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert app_version() in versions, "add a <release> for the version in pyproject.toml"


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256])
def test_icon_png_has_its_size(size: int) -> None:
    data = (LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "bangtin.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)


def test_scalable_icon_is_the_app_svg() -> None:
    scalable = LINUX / "icons" / "hicolor" / "scalable" / "apps" / "bangtin.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()
