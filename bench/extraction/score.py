#!/usr/bin/python3
"""Score extracted texts against the benchmark's expected texts.

The metric is the benchmark's own (see its README.md): tokens are maximal runs
of Unicode word characters; 4-token shingles counted as multisets; per page
tp/fp/fn normalised by their sum; precision and recall averaged over pages;
F1 of the two means. A page with no extracted file counts as empty output.

Beside the whole set it prints the same figures for two fixed halves: pages
sorted by name, even positions the "tune" half, odd positions the "measure"
half (rules are tuned looking at the tune half only), and for each the pages
at F1 0.00 and the pages with no article sentence (no sentence of the
expected text, 4 tokens or more, appears in the output as a run of tokens).

    score.py DATA_DIR OUT_DIR [--worst N]
"""
import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def has_article_sentence(expected, got):
    """True when some sentence of `expected` (split at line ends and at
    . ! ? before a space; 4 tokens or more) is a token run of `got`."""
    got_tokens = " " + " ".join(WORD.findall(got)) + " "
    for line in expected.split("\n"):
        for sentence in SENTENCE_END.split(line):
            tokens = WORD.findall(sentence)
            if len(tokens) >= 4 and " " + " ".join(tokens) + " " in got_tokens:
                return True
    return False


def f1_of(p, r):
    p, r = p or 0.0, r or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def print_summary(label, rows):
    """rows: (name, p, r, has_sentence). Means over pages, as the metric says."""
    ps = [row[1] for row in rows if row[1] is not None]
    rs = [row[2] for row in rows if row[2] is not None]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    zero = sum(1 for row in rows if f1_of(row[1], row[2]) == 0.0)
    lost = sum(1 for row in rows if not row[3])
    print(f"{label + ':':<9}pages {len(rows):>3}  F1 {F:.4f}  P {P:.4f}  R {R:.4f}  "
          f"F1=0.00: {zero}  no article sentence: {lost} ({100.0 * lost / max(len(rows), 1):.1f}%)")


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
        expected = expected_path.read_text(encoding="utf-8")
        e, g = shingles(expected), shingles(got)
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
        rows.append((expected_path.stem, p, r, has_article_sentence(expected, got)))
    P = sum(precisions) / len(precisions) if precisions else 0.0
    R = sum(recalls) / len(recalls) if recalls else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"pages {len(rows)}  F1 {F:.4f}  P {P:.4f}  R {R:.4f}")
    print_summary("  all", rows)
    print_summary("  tune", rows[0::2])
    print_summary("  measure", rows[1::2])
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
