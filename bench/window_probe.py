"""Start a window cold in this process and report its timings (a bench/run.py helper).

    python bench/window_probe.py bare --out probe.json
    python bench/window_probe.py app --data-dir DIR --ids ids.json --out probe.json
    python bench/window_probe.py bare-open --pages pages.sqlite3 --ids ids.json --out probe.json

`bare` shows an empty QMainWindow (the anchor); `bare-open` shows a
QMainWindow holding one QTextBrowser and, for each id, SELECTs its page
from a plain SQLite table and `setHtml`s it (the anchor of opening); `app`
shows the real reader window the way `bangtin` starts it (desktop/ui/app.py `run`) on the archive
in DIR. Times count from BENCH_T0_NS, the parent's `time.monotonic_ns()`
just before it started this process (CLOCK_MONOTONIC is one clock for every
process), so they include the interpreter's start and every import.

Reported (milliseconds, bytes): `first_paint`, the first pass of painting of any
widget of the window; for `app` also `first_content`, the first paint after
the counts and the first page of the list are shown; `rss_idle`, the
resident memory one second after that, the event loop idle; and `opens`,
the time of each notice in *ids* from `MainWindow.open_notice` to the first
paint of the article view showing it. Each open starts once the worker has
finished the previous one's follow-up work, as when a clerk reads. With
`--pages-out` the app also writes the HTML each open gave the view, for
`bare-open` to show.

Only the standard library is imported before the clock matters.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

T0_NS = int(os.environ.get("BENCH_T0_NS", "0")) or time.monotonic_ns()
IDLE_MS = 1000
TIMEOUT_MS = 120_000


def _ms_since_t0() -> float:
    return (time.monotonic_ns() - T0_NS) / 1e6


def rss_bytes() -> int:
    """This process's resident memory now."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource  # not on Windows; there the peak stands in  # noqa: PLC0415

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("bare", "bare-open", "app"))
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--ids", type=Path, help="JSON list of notice ids to open")
    parser.add_argument("--pages", type=Path, help="bare-open: SQLite file of (id, html)")
    parser.add_argument("--pages-out", type=Path, help="app: write the HTML of each open here")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser, QWidget

    result: dict[str, object] = {"mode": args.mode}
    loop: QEventLoop  # made once the application exists

    def wait(done: object) -> None:
        """Run the event loop until done() is true (or the timeout)."""
        if done():  # type: ignore[operator]
            return
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(TIMEOUT_MS)
        while not done() and timer.isActive():  # type: ignore[operator]
            loop.exec()
        if not done():  # type: ignore[operator]
            raise SystemExit(f"window_probe: timed out in {args.mode} mode")

    class PaintWatch(QObject):
        """Notes paint events of widgets inside one window, or one widget."""

        def __init__(self, inside: QWidget) -> None:
            super().__init__()
            self.inside = inside
            self.count = 0
            #: (paints so far, ms since T0) once each pass of painting is
            #: done: noted by the pass itself, since it may be delivered
            #: before the loop that waits for it returns.
            self.passes: list[tuple[int, float]] = []
            self._pending = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                if obj is self.inside or obj.window() is self.inside:
                    self.count += 1
                    loop.quit()
                    if not self._pending:
                        # The filter sees the paint before it is drawn: the
                        # time is taken once the loop is back from drawing.
                        self._pending = True
                        QTimer.singleShot(0, self._painted)
            return False

        def _painted(self) -> None:
            self._pending = False
            self.passes.append((self.count, _ms_since_t0()))
            loop.quit()

        def after(self, paints: int) -> float | None:
            """When the first pass that painted after the first *paints* paints was done."""
            return next((ms for count, ms in self.passes if count > paints), None)

    def watch_window(window: QWidget, watch: PaintWatch, on: bool = True) -> None:
        """Filter the events of the window and every widget in it, nothing else.

        Not an application-wide filter: that one sees every QObject of the
        process, and PySide6 then builds a Python type (and all its enums)
        for each kind of object it meets, work the real window never does.
        """
        for widget in (window, *window.findChildren(QWidget)):
            if on:
                widget.installEventFilter(watch)
            else:
                widget.removeEventFilter(watch)

    if args.mode == "bare-open":
        import sqlite3

        app = QApplication(sys.argv[:1])
        loop = QEventLoop()
        window = QMainWindow()
        window.resize(1280, 800)
        view = QTextBrowser()
        window.setCentralWidget(view)
        window.show()
        conn = sqlite3.connect(args.pages)
        ids = json.loads(args.ids.read_text(encoding="utf-8"))
        view_watch = PaintWatch(view.viewport())
        view.viewport().installEventFilter(view_watch)
        wait(lambda: view_watch.count > 0)
        opens: list[float] = []
        for notice_id in ids:
            painted = view_watch.count
            start = time.perf_counter()
            (html,) = conn.execute("SELECT html FROM page WHERE id = ?", (notice_id,)).fetchone()
            view.setHtml(html)
            wait(lambda p=painted: view_watch.count > p)
            opens.append((time.perf_counter() - start) * 1000)
        result["opens"] = opens
        args.out.write_text(json.dumps(result), encoding="utf-8")
        window.close()
        del app
        return 0
    if args.mode == "bare":
        app = QApplication(sys.argv[:1])
        loop = QEventLoop()
        window: QMainWindow = QMainWindow()
        window.resize(1280, 800)
        watch = PaintWatch(window)
        watch_window(window, watch)
        window.show()
        wait(lambda: watch.after(0) is not None)
        result["first_paint"] = watch.after(0)
        watch_window(window, watch, on=False)
    else:
        from desktop.ui import app as ui_app
        from desktop.ui import i18n
        from desktop.ui import settings as prefs
        from desktop.ui.mainwindow import MainWindow

        # As desktop.ui.app.run does it, with nothing remembered or watched.
        qapp = ui_app._application()
        loop = QEventLoop()
        ui_app._style(qapp)
        settings = prefs.settings_for(args.data_dir)
        i18n.install_language("vi")
        state = {"overview": False, "list": False, "failed": False}
        #: How many paints there were when the last ready signal came.
        ready_at: list[int] = []
        window = MainWindow(
            args.data_dir,
            settings=settings,
            lang="vi",
            watch_volumes=False,
            remember=False,
            interactive=False,
        )
        window.resize(1280, 800)

        def flag(name: str) -> None:
            state[name] = True
            if state["overview"] and state["list"] and not ready_at:
                # Here, in the slot: the paints the counts and the page cause
                # come after it, but may be delivered in the same pass of the
                # event loop, before a wait for them would begin. The content
                # may be drawn by widgets made since the show (the list's
                # rows, the panels): watch every widget there is now.
                ready_at.append(watch.count)
                watch_window(window, watch, on=False)
                watch_window(window, watch)
            loop.quit()

        window.overview_ready.connect(lambda: flag("overview"))
        window.list_ready.connect(lambda: flag("list"))
        window.archive_failed.connect(lambda _e: flag("failed"))
        watch = PaintWatch(window)
        watch_window(window, watch)
        window.show()
        window.start()
        wait(lambda: watch.after(0) is not None)
        result["first_paint"] = watch.after(0)
        wait(lambda: state["failed"] or (state["overview"] and state["list"]))
        if state["failed"]:
            raise SystemExit("window_probe: the archive did not open")
        wait(lambda: watch.after(ready_at[0]) is not None)
        result["first_content"] = watch.after(ready_at[0])
        watch_window(window, watch, on=False)
        model = window.list_model()
        result["list_rows"] = model.rowCount() if model is not None else 0
        app = qapp
        reader = window

    idle = QTimer()
    idle.setSingleShot(True)
    idle.timeout.connect(loop.quit)
    idle.start(IDLE_MS)
    wait(lambda: not idle.isActive())
    result["rss_idle"] = rss_bytes()

    if args.mode == "app" and args.ids is not None:
        ids = json.loads(args.ids.read_text(encoding="utf-8"))
        viewport = reader.browser.viewport()
        view_watch = PaintWatch(viewport)
        viewport.installEventFilter(view_watch)
        # The paints of the view counted when each notice was shown: the
        # loop may paint the view before it returns from the wait for the
        # signal, and that paint must not be missed.
        shown: dict[str, int] = {}

        def on_article(notice_id: str) -> None:
            shown[notice_id] = view_watch.count
            loop.quit()

        def worker_idle() -> bool:
            # The view count and the panels are asked for once the article is painted.
            return not reader.reader.following and not reader.runner.busy()

        pages: dict[str, str] = {}
        current = [""]
        set_html = reader.browser.setHtml

        def capture(html: str) -> None:  # the HTML the view is given, for bare-open
            pages[current[0]] = html
            set_html(html)

        if args.pages_out is not None:
            reader.browser.setHtml = capture  # type: ignore[method-assign]
        reader.article_ready.connect(on_article)
        reader.runner.idle.connect(loop.quit)  # type: ignore[attr-defined]
        opens: list[float] = []
        for notice_id in ids:
            shown.clear()
            current[0] = notice_id
            start = time.perf_counter()
            reader.open_notice(notice_id)
            wait(lambda nid=notice_id: nid in shown)
            painted = shown[notice_id]
            wait(lambda p=painted: view_watch.count > p)
            opens.append((time.perf_counter() - start) * 1000)
            wait(worker_idle)
        result["opens"] = opens
        result["rss_after_opens"] = rss_bytes()
        if args.pages_out is not None:
            args.pages_out.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        reader.shutdown()

    args.out.write_text(json.dumps(result), encoding="utf-8")
    window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
