"""Latency of `sayso.extract` on one article of about 5 KB, from Python.

Usage (after `pip install .`):

    python3 benches/extract_latency.py [--kb 5] [--calls 2000] [--from DIR]

The article is made of the bundled sample articles (examples/sample.jsonl)
joined as paragraphs until it reaches the size, or of the .txt files of DIR
of about that size. Each call is timed alone; the report gives the median and
the 90th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import time

import sayso

HERE = pathlib.Path(__file__).resolve().parent


def sample_article(kb: float) -> str:
    texts = [
        json.loads(line)["text"]
        for line in (HERE.parent / "examples" / "sample.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    parts: list[str] = []
    size = 0
    i = 0
    while size < kb * 1000:
        t = texts[i % len(texts)]
        parts.append(t)
        size += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def articles_from(directory: pathlib.Path, kb: float) -> list[str]:
    lo, hi = kb * 900, kb * 1100
    out = []
    for p in sorted(directory.glob("*.txt")):
        t = p.read_text("utf-8")
        if lo <= len(t.encode("utf-8")) <= hi:
            out.append(t)
    if not out:
        raise SystemExit(f"no .txt file of {lo:.0f}-{hi:.0f} bytes in {directory}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=float, default=5.0, help="article size in KB (default 5)")
    ap.add_argument("--calls", type=int, default=2000, help="timed calls (default 2000)")
    ap.add_argument("--from", dest="source", type=pathlib.Path, help="directory of .txt articles")
    args = ap.parse_args()

    texts = articles_from(args.source, args.kb) if args.source else [sample_article(args.kb)]
    for t in texts[:5]:  # warm up: lexicons are compiled on first use
        sayso.extract(t, published="2024-05-01")
    times = []
    for n in range(args.calls):
        t = texts[n % len(texts)]
        start = time.perf_counter()
        sayso.extract(t, published="2024-05-01")
        times.append(time.perf_counter() - start)
    times.sort()
    median = statistics.median(times) * 1000
    p90 = times[int(len(times) * 0.9)] * 1000
    size = statistics.mean(len(t.encode("utf-8")) for t in texts)
    print(
        f"sayso.extract: {len(texts)} article(s) of {size / 1000:.1f} KB on average, "
        f"{args.calls} calls: median {median:.3f} ms, 90th percentile {p90:.3f} ms"
    )


if __name__ == "__main__":
    main()
