"""The reader window (PySide6 Qt Widgets): the only package that imports QtWidgets.

`desktop.ui.app.run` opens the window; `desktop.ui.app.screenshot` renders it
offscreen to a PNG.
"""
