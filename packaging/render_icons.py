"""Render the app icon (resources/icons/app.svg) to the PNG sizes desktops ask for.

Writes packaging/linux/icons/hicolor/<N>x<N>/apps/bangtin.png for each size,
the SVG itself as scalable/apps/bangtin.svg, and packaging/windows/bangtin.ico.
The results are committed; run this again after app.svg changes:

    .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
ICO = ROOT / "packaging" / "windows" / "bangtin.ico"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# Windows picks among these inside the .ico (Explorer, taskbar, Start menu).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / "bangtin.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write_ico(pngs: list[tuple[int, bytes]], out: Path) -> None:
    """An .ico holding one PNG per size (Windows Vista and later read PNG entries)."""
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little")
    header += len(pngs).to_bytes(2, "little")
    offset = 6 + 16 * len(pngs)
    entries = b""
    for size, blob in pngs:
        side = size if size < 256 else 0  # 0 means 256
        entries += bytes([side, side, 0, 0])
        entries += (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    out.write_bytes(header + entries + b"".join(blob for _size, blob in pngs))


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):  # PNG, from the suffix
            print(f"cannot write {target}", file=sys.stderr)
            return 1
    scalable = HICOLOR / "scalable" / "apps" / "bangtin.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    write_ico([(size, png_path(size).read_bytes()) for size in ICO_SIZES], ICO)
    print(f"wrote {len(SIZES)} PNGs, the SVG and {ICO.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
