#!/usr/bin/python3
"""Score `winnow extract` records against Mozilla Readability's test pages.

The problem: the readability set (../shared/bench/readability, see its README)
carries, per page, the expected article text and a title and publishedTime.
This script reads the JSONL that `winnow extract` wrote for the pages and
prints the set's own figures, for all pages and for two fixed halves.

Method, as the data's README defines it:
- text: tokens are maximal `\\w+` runs, 4-token shingles as a multiset (fewer
  than 4 tokens: one shingle of all of them), per page tp/fp/fn normalised by
  their sum, precision and recall averaged over pages, F1 of the two means
  (the code is bench/extraction/score.py's, imported). The record's text
  begins with its title line; a first line equal to the title is not scored.
- title exact: equal after case folding and whitespace collapsing; title
  contains: one contains the other; on pages whose metadata has a title.
- date: the record's date (YYYY-MM-DD) equal to the first 10 characters of
  publishedTime, on pages that have one; a missing date is wrong.
- pages at F1 0.00, and pages with no article sentence: none of the expected
  text's sentences (split at line ends and at . ! ? followed by a space;
  sentences of 4 tokens or more) appears in the output as a run of tokens.

The halves: pages sorted by name, even positions (0, 2, ...) are the "tune"
half, odd positions the "measure" half. Rules may be tuned looking at the tune
half only; the measure half is looked at for its figures alone.

    score.py DATA_DIR RECORDS.jsonl [--worst N] [--misses]
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "extraction"))
from score import shingles, has_article_sentence  # noqa: E402


def fold(s):
    return " ".join((s or "").casefold().split())


def body_of(record):
    text = record.get("text") or ""
    title = record.get("title") or ""
    lines = text.split("\n")
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    return "\n".join(lines)


def page_scores(data, records):
    rows = []
    for html in sorted(data.glob("*.html")):
        name = html.stem
        expected_path = data / (name + ".txt")
        if not expected_path.exists():
            continue
        expected = expected_path.read_text(encoding="utf-8")
        meta_path = data / (name + ".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        record = records.get(name, {})
        got = body_of(record)
        e, g = shingles(expected), shingles(got)
        tp = sum((e & g).values())
        fp = sum(g.values()) - tp
        fn = sum(e.values()) - tp
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        row = {"name": name, "p": p, "r": r, "sentence": has_article_sentence(expected, got)}
        f = 2 * (p or 0) * (r or 0) / ((p or 0) + (r or 0)) if (p or 0) + (r or 0) else 0.0
        row["f1"] = f
        want_title = meta.get("title") or ""
        if want_title:
            a, b = fold(want_title), fold(record.get("title"))
            row["title_exact"] = a == b
            row["title_contains"] = bool(b) and (a in b or b in a)
            row["title"] = (want_title, record.get("title"))
        want_date = (meta.get("publishedTime") or "")[:10]
        if want_date:
            row["date_ok"] = (record.get("date") or "")[:10] == want_date
            row["date"] = (want_date, record.get("date"), record.get("date_source"))
        rows.append(row)
    return rows


def summary(label, rows):
    ps = [r["p"] for r in rows if r["p"] is not None]
    rs = [r["r"] for r in rows if r["r"] is not None]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    titled = [r for r in rows if "title_exact" in r]
    dated = [r for r in rows if "date_ok" in r]
    exact = sum(r["title_exact"] for r in titled) / len(titled) if titled else 0.0
    contains = sum(r["title_contains"] for r in titled) / len(titled) if titled else 0.0
    date = sum(r["date_ok"] for r in dated) / len(dated) if dated else 0.0
    zero = sum(1 for r in rows if r["f1"] == 0.0)
    lost = sum(1 for r in rows if not r["sentence"])
    print(f"{label:<8} pages {len(rows):>3}  F1 {F:.3f}  P {P:.3f}  R {R:.3f}  "
          f"title exact {exact:.3f} contains {contains:.3f} ({len(titled)})  "
          f"date {date:.3f} ({len(dated)})  F1=0.00: {zero}  no article sentence: {lost}")


def main():
    data, records_path = Path(sys.argv[1]), Path(sys.argv[2])
    worst = int(sys.argv[sys.argv.index("--worst") + 1]) if "--worst" in sys.argv else 0
    records = {}
    for line in records_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[Path(record["id"]).stem] = record
    rows = page_scores(data, records)
    summary("all", rows)
    summary("tune", rows[0::2])
    summary("measure", rows[1::2])
    print("(reported in the issue for trafilatura 2.2.0, not run here: F1 0.933, title exact 0.645, "
          "contains 0.727, date 0.939)")
    if worst:
        print(f"worst {worst} pages of the tune half by F1:")
        for r in sorted(rows[0::2], key=lambda r: r["f1"])[:worst]:
            print(f"  {r['name'][:40]:<40} F1 {r['f1']:.2f}")
    if "--misses" in sys.argv:
        for r in rows[0::2]:
            if r.get("title_exact") is False:
                print(f"  title {r['name']}: want {r['title'][0]!r} got {r['title'][1]!r}")
            if r.get("date_ok") is False:
                print(f"  date {r['name']}: want {r['date'][0]} got {r['date'][1]} ({r['date'][2]})")


if __name__ == "__main__":
    main()
