"""Benchmark the policy engine: mentions classified per second in one process, and p99
latency, over every text of the shared eval data except davidson, at full length.

    .venv/bin/python scripts/bench_policy.py [--data DIR]

The floor, in the same run on the same texts: alt-profanity-check's model (a linear SVM
over character n-grams, the baseline `make eval` compares with), given every text in one
`predict` call as it is meant to be used (`profanity_check_per_s`). `classify_vs_profanity_check`
is how many times longer the policy engine takes over the same texts. Without the package
(`make eval` or `make bench` installs it) the floor is left out and says so.

The last line of output is one compact JSON object, e.g.
{"classify_per_s": 2500.0, "classify_p99_ms": 3.1, ...}
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy import PolicyEngine, bundled_policy_path, load_policy  # noqa: E402

SOURCES = ("hatecheck", "ethos", "nhs_feedback", "reddit_cssrs")


def load_texts(data: Path) -> list[str]:
    texts: list[str] = []
    for source in SOURCES:
        path = data / f"{source}.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def profanity_check_seconds(texts: list[str]) -> float | None:
    try:
        from profanity_check import predict
    except ImportError:
        return None
    predict(texts[:200])  # loaded and warm, as the engine is
    start = time.perf_counter()
    predict(texts)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the policy engine.")
    env = os.environ.get("FEEDWATCH_EVAL_DIR")
    ap.add_argument("--data", type=Path,
                    default=Path(env) if env else ROOT.parent / "shared" / "eval" / "dev")
    args = ap.parse_args(argv)
    texts = load_texts(args.data)
    if not texts:
        print(f"no eval texts under {args.data}", file=sys.stderr)
        return 1
    engine = PolicyEngine(load_policy(bundled_policy_path().read_text("utf-8")))
    for t in texts[:200]:  # warm the spelling cache as a running bot would be
        engine.classify(t)
    latencies: list[float] = []
    clock = time.perf_counter
    start = clock()
    for t in texts:
        t0 = clock()
        engine.classify(t)
        latencies.append(clock() - t0)
    total = clock() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    median = latencies[len(latencies) // 2] * 1e3
    print(f"{len(texts)} texts in {total:.2f} s; median {median:.2f} ms,"
          f" max {latencies[-1] * 1e3:.1f} ms (longest text {max(map(len, texts))} chars)")
    figures = {"classify_per_s": round(len(texts) / total, 1),
               "classify_p99_ms": round(p99 * 1e3, 3)}
    floor = profanity_check_seconds(texts)
    if floor is None:
        print("alt-profanity-check is not installed: no floor (make bench installs it)")
    else:
        print(f"floor: alt-profanity-check over the same texts in {floor:.2f} s")
        figures.update({"profanity_check_per_s": round(len(texts) / floor, 1),
                        "classify_vs_profanity_check": round(total / floor, 2)})
    print(json.dumps(figures, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
