"""Time opening each hostile notice in the real window (not part of the test run).

Run from the repository root:  python bench/hostile_render.py

The notices are those of tests/gui/test_hostile_content.py. For each one it
prints the best of five for: the render (article_html), the view (setHtml
through ArticleBrowser.show_article) and the whole open in the window
(open_notice with a synchronous runner: the query, the render and the view).
The window must stay responsive: the goal is under 100 ms for each open.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from db import queries, store  # noqa: E402
from db.archive import open_archive  # noqa: E402
from db.records import NoticeRecord  # noqa: E402
from desktop.render.article import article_html  # noqa: E402
from desktop.ui.mainwindow import MainWindow  # noqa: E402
from desktop.ui.settings import settings_for  # noqa: E402
from tests.gui.test_hostile_content import HOSTILE  # noqa: E402
from tests.helpers.runner import SyncRunner  # noqa: E402

ROUNDS = 5
LIMIT_MS = 100.0


def best(fn: object, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> int:
    from datetime import datetime, timedelta

    from db.types import VN_TZ

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bangtin-hostile-") as tmp:
        data = Path(tmp) / "data"
        start = datetime(2023, 6, 1, 8, 0, tzinfo=VN_TZ)
        notices = [
            NoticeRecord(
                id=f"doc-{i}",
                title=f"Văn bản {name}",
                category="Thông báo",
                published=start - timedelta(hours=i),
                body_markdown=body,
            )
            for i, (name, body) in enumerate(HOSTILE.items())
        ]
        archive = open_archive(data)
        with archive.writing() as session:
            store.ensure_publisher(session, "ubnd", "UBND")
            ids = store.ensure_categories(session, ["Thông báo"])
            store.apply_notices(session, "ubnd", notices, [], ids)
        runner = SyncRunner()
        window = MainWindow(
            data,
            runner=runner,
            settings=settings_for(data),
            watch_volumes=False,
            remember=False,
            interactive=False,
        )
        window.resize(1280, 800)
        window.show()
        window.start()
        app.processEvents()
        slow = 0
        print(f"{'notice':<18}{'size':>10}{'render ms':>12}{'setHtml ms':>12}{'open ms':>10}")
        for i, name in enumerate(HOSTILE):
            with archive.reading() as session:
                detail = queries.get_notice(session, f"doc-{i}")
            assert detail is not None
            html = article_html(detail, lang="vi")
            render_ms = best(lambda d=detail: article_html(d, lang="vi"))
            view_ms = best(lambda h=html: window.browser.show_article(h, {}))

            def open_it(nid: str = f"doc-{i}") -> None:
                window.open_notice(nid, count_view=False)
                app.processEvents()

            open_ms = best(open_it)
            slow += open_ms > LIMIT_MS
            flag = "  SLOW" if open_ms > LIMIT_MS else ""
            size = len(HOSTILE[name].encode("utf-8"))
            print(f"{name:<18}{size:>10}{render_ms:>12.1f}{view_ms:>12.1f}{open_ms:>10.1f}{flag}")
        window.shutdown()
        window.close()
        archive.close()
    print(f"{slow} of {len(HOSTILE)} over {LIMIT_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
