"""Time render_body on hostile notice bodies (not part of the test run).

Run: python bench/render_hostile.py
Each case is rendered a few times; the best and worst wall times are printed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop.render.markdown import render_body

MB = 1_000_000

CASES: dict[str, Callable[[], str]] = {
    "1 MB single line of words": lambda: "chữ " * (MB // 4),
    "1 MB single line of *em*": lambda: "*a* " * (MB // 4),
    "1 MB single line of **strong**": lambda: "**a** " * (MB // 6),
    "1 MB single line of [links](x)": lambda: "[a](notice:x) " * (MB // 14),
    "1 MB single line of `": lambda: "`" * MB,
    "1 MB single line of [": lambda: "[" * MB,
    "1 MB single line of <": lambda: "<" * MB,
    "1 MB single line of &": lambda: "&" * MB,
    "1 MB single line of <b>": lambda: "<b>" * (MB // 3),
    "1 MB single line of <http://a.b>": lambda: "<http://a.b> " * (MB // 13),
    "1 MB paragraph of *em* lines": lambda: "*a* b\n" * (MB // 6),
    "5,000 list levels (2 spaces)": lambda: "".join("  " * i + "- a\n" for i in range(5000)),
    "5,000 list levels (4 spaces)": lambda: "".join("    " * i + "- a\n" for i in range(5000)),
    "5,000 list markers on one line": lambda: "- " * 5000 + "a\n",
    "5,000 '>' on one line": lambda: ">" * 5000 + " a\n",
    "5,000 '>' lines, growing": lambda: "".join(">" * i + " a\n" for i in range(5000)),
    "5,000 '> -' on one line": lambda: "> - " * 5000 + "a\n",
    "100,000 nested <div> (raw HTML)": lambda: "<div>" * 100_000,
    "NUL bytes (100 KB)": lambda: "a\x00" * 50_000,
    "RLO/bidi controls (100 KB)": lambda: "\u202eabc\u2066def\u2069 " * 10_000,
    "demo-like notice x20": lambda: "Đoạn **đậm** và [liên kết](notice:a).\n\n- mục\n\n" * 20,
}


def main() -> None:
    render_body("warm up *a*", ())
    for name, make in CASES.items():
        text = make()
        times = []
        for _ in range(3):
            start = time.perf_counter()
            render_body(text, ())
            times.append((time.perf_counter() - start) * 1000)
        best, worst = min(times), max(times)
        print(f"{name:36s} {len(text):>11,d} chars  best {best:7.1f} ms  worst {worst:7.1f} ms")


if __name__ == "__main__":
    main()
