"""How each figure grows with the number of notices: a table from two or more runs.

    python bench/scaling.py bench/results/n10000 bench/results/n100000 > scaling.md

Each folder holds a bench/run.py `results.json`. For each figure the table
gives its value at each size and the exponent k of value ∝ N^k between the
first and the last size: about 1 is linear, below 1 sublinear (0 flat),
above 1 worse than linear. The anchor is given the same way, since on a
shared machine the absolute values move with the load.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path


def _load(folder: Path) -> tuple[int, dict[str, dict[str, object]], str]:
    rows = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    return int(facts["notices"]), {str(r["name"]): r for r in rows}, _loadavg(facts)


def _loadavg(facts: dict[str, object]) -> str:
    """The run's load average (1 minute) at its start and end: the times move with it."""
    ends = [facts.get("loadavg_start"), facts.get("loadavg_end")]
    if not all(isinstance(e, list) and e for e in ends):
        return "–"
    return " → ".join(f"{e[0]:.1f}" for e in ends)  # type: ignore[index]


def _exponent(n0: int, v0: object, n1: int, v1: object) -> str:
    if not isinstance(v0, int | float) or not isinstance(v1, int | float) or v0 <= 0 or v1 <= 0:
        return "–"
    if n0 == n1:
        return "–"
    k = math.log(v1 / v0) / math.log(n1 / n0)
    if abs(k) < 0.15:
        word = "flat"
    elif k < 0:
        word = "falls"  # on a shared machine: the load, not the size
    else:
        word = "sublinear" if k < 0.85 else "linear" if k < 1.15 else "worse"
    return f"{k:.2f} ({word})"


def scaling(folders: list[Path]) -> str:
    runs = sorted((_load(f) for f in folders), key=lambda run: run[0])
    sizes = [n for n, _, _ in runs]
    names = [name for name in runs[-1][1] if all(name in r for _, r, _ in runs)]
    head = " | ".join(f"{n:,}" for n in sizes)
    lines = [
        f"| figure | unit | {head} | k (ours) | k (anchor) |",
        "|---|---|" + "---:|" * len(sizes) + "---|---|",
    ]
    for name in names:
        rows = [r[name] for _, r, _ in runs]
        values = " | ".join(f"{float(r['value']):.4g}" for r in rows)  # type: ignore[arg-type]
        ours = _exponent(sizes[0], rows[0]["value"], sizes[-1], rows[-1]["value"])
        anchor = _exponent(sizes[0], rows[0]["anchor_value"], sizes[-1], rows[-1]["anchor_value"])
        lines.append(f"| {name} | {rows[0]['unit']} | {values} | {ours} | {anchor} |")
    loads = " | ".join(load for _, _, load in runs)
    lines.append(f"| load average (start → end) | – | {loads} | – | – |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(scaling([Path(a) for a in sys.argv[1:]]), end="")
