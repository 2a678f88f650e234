"""Fuzz the importer for a while with mutated bundles (not part of the test run).

Run from the repository root:  python bench/fuzz_long.py [--minutes 10] [--seed N]

It uses the mutations of tests/unit/test_bundle_fuzz.py, drawn with plain
`random` in a time-bounded loop, and the same judge: a clean refusal
(BundleError, archive rows unchanged, nothing staged) or a successful import.
Anything else is printed with the operations that caused it, and the exit
code is 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.helpers.bundles import make_world, read_entries  # noqa: E402
from tests.unit.test_bundle_fuzz import check_outcome, make_target, mutate, random_ops  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bangtin-fuzz-") as tmp:
        root = Path(tmp)
        world = make_world(root / "world")
        base = read_entries(world.bundle2)
        target = make_target(world, root / "fuzzed")
        bundle = root / "mutated.bangtin"
        started = time.monotonic()
        deadline = started + args.minutes * 60
        try:
            while time.monotonic() < deadline:
                ops = random_ops(rng)
                try:
                    bundle.write_bytes(mutate(base, world.keys, ops))
                except Exception:  # noqa: BLE001 - a mutation the harness cannot write
                    outcomes["harness-skipped"] += 1
                    continue
                try:
                    outcomes[check_outcome(target, bundle)] += 1
                except Exception as exc:  # noqa: BLE001 - this is what the fuzz looks for
                    outcomes[f"FAILED:{type(exc).__name__}"] += 1
                    failures.append(f"{ops!r}\n{traceback.format_exc()}")
                    if len(failures) >= 20:
                        break
        finally:
            target.archive.close()
        elapsed = time.monotonic() - started
    total = sum(v for k, v in outcomes.items() if k != "harness-skipped")
    print(f"seed {args.seed}: {total} bundles in {elapsed:.0f} s ({total / elapsed:.0f}/s)")
    for outcome, count in outcomes.most_common():
        print(f"  {count:7d}  {outcome}")
    for failure in failures[:5]:
        print("---", failure, sep="\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
