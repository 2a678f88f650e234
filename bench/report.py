"""The benchmark's report: the Markdown table of every figure beside its anchor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Row


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 0.01:
        return f"{value:.3f}".rstrip("0").rstrip(".") if value < 1 else f"{value:.2f}"
    return f"{value:.4f}"


def markdown(rows: Sequence[Row], facts: dict[str, object]) -> str:
    lines = [
        f"# Benchmark results: {facts['notices']:,} notices",
        "",
        "Every figure is measured beside its anchor in the same run; the ratio is "
        "figure ÷ anchor. Targets are set for 100,000 notices on 2 cores. "
        "See bench/README.md for what each anchor is.",
        "",
        "| figure | value | anchor | anchor value | ratio | target | met |",
        "|---|---:|---|---:|---:|---|---|",
    ]
    for r in rows:
        met = "–" if r.met is None else ("yes" if r.met else "**no**")
        ratio = "–" if r.ratio is None else f"{r.ratio:.3g}×"
        lines.append(
            f"| {r.name} | {_fmt(r.value)} {r.unit} | {r.anchor} | "
            f"{_fmt(r.anchor_value)} {r.unit} | {ratio} | {r.target or '–'} | {met} |"
        )
    lines += ["", "## Machine and run", ""]
    for key in (
        "notices",
        "seed",
        "date",
        "cpu_count",
        "cpus_usable",
        "cpu",
        "platform",
        "python",
        "sqlite",
        "qt",
        "pyside6",
        "sqlalchemy",
        "libzim",
        "loadavg_start",
        "loadavg_end",
        "cpu_stolen_share",
        "generate_s",
        "source_bytes",
        "source_zip_bytes",
        "archive_bytes",
    ):
        if key in facts:
            lines.append(f"- {key}: {facts[key]}")
    kinds = facts.get("search_by_kind")
    if isinstance(kinds, dict):
        lines += [
            "",
            "## Search by query kind (ms)",
            "",
            "| kind | search p50 | search p95 | ranking p50 | ranking p95 | bare p50 | bare p95 "
            "| bare bm25 p50 | bare bm25 p95 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for kind, v in kinds.items():
            lines.append(
                f"| {kind} | {v['ours_p50']:.2f} | {v['ours_p95']:.2f} | "
                f"{v['rank_p50']:.2f} | {v['rank_p95']:.2f} | "
                f"{v['bare_p50']:.2f} | {v['bare_p95']:.2f} | "
                f"{v.get('bm25_p50', float('nan')):.2f} | {v.get('bm25_p95', float('nan')):.2f} |"
            )
    recall = facts.get("recall_by_query")
    if isinstance(recall, dict):
        lines += [
            "",
            "## Recall@20 of queries typed without diacritics",
            "",
            "| query | expected notices | ours | libzim |",
            "|---|---:|---:|---:|",
        ]
        for q, v in recall.items():
            lines.append(f"| `{q}` | {v['expected']:,} | {v['ours']:.2f} | {v['libzim']:.2f} |")
    window = facts.get("window")
    if isinstance(window, dict):
        lines += ["", "## Window probe runs", ""]
        lines += [f"- {k}: {_round(v)}" for k, v in window.items()]
    return "\n".join(lines) + "\n"


def _round(value: object) -> object:
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value
