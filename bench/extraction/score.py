#!/usr/bin/python3
"""Score extracted texts against the benchmark's expected texts.

The metric is the benchmark's own (see its README.md): tokens are maximal runs
of Unicode word characters; 4-token shingles counted as multisets; per page
tp/fp/fn normalised by their sum; precision and recall averaged over pages;
F1 of the two means. A page with no extracted file counts as empty output.

    score.py DATA_DIR OUT_DIR [--worst N]
"""
import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")


def shingles(text):
    tokens = WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def main():
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    worst = int(sys.argv[sys.argv.index("--worst") + 1]) if "--worst" in sys.argv else 0
    precisions, recalls, rows = [], [], []
    for expected_path in sorted(data.glob("*.txt")):
        if expected_path.name in ("README.txt", "LICENSE.txt"):
            continue
        if not (data / (expected_path.stem + ".html")).exists():
            continue
        got_path = out / expected_path.name
        got = got_path.read_text(encoding="utf-8", errors="replace") if got_path.exists() else ""
        e, g = shingles(expected_path.read_text(encoding="utf-8")), shingles(got)
        tp = sum((e & g).values())
        fp = sum(g.values()) - tp
        fn = sum(e.values()) - tp
        total = tp + fp + fn
        if total == 0:
            continue
        tp, fp, fn = tp / total, fp / total, fn / total
        p = r = None
        if tp + fp > 0:
            p = tp / (tp + fp)
            precisions.append(p)
        if tp + fn > 0:
            r = tp / (tp + fn)
            recalls.append(r)
        rows.append((expected_path.stem, p, r))
    P = sum(precisions) / len(precisions) if precisions else 0.0
    R = sum(recalls) / len(recalls) if recalls else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"pages {len(rows)}  F1 {F:.4f}  P {P:.4f}  R {R:.4f}")
    if worst:
        def f1(row):
            p, r = row[1] or 0.0, row[2] or 0.0
            return 2 * p * r / (p + r) if p + r else 0.0
        for row in sorted(rows, key=f1)[:worst]:
            p = "-" if row[1] is None else f"{row[1]:.2f}"
            r = "-" if row[2] is None else f"{row[2]:.2f}"
            print(f"  {row[0][:16]}  F1 {f1(row):.2f}  P {p}  R {r}")


if __name__ == "__main__":
    main()
