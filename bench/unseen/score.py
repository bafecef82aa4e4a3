#!/usr/bin/python3
"""Score `winnow extract` on fixtures/unseen/ (issue 17, point 5).

Problem: winnow's figures on the pages it was developed on say nothing about
sites it has never seen. fixtures/unseen/ holds 32 reposts on 16 templates
it has no profile for, each as HTML and as a text dump, labelled for type,
title, date, dateline, lines that must appear and the template's lines that
must not. This scores one JSONL output of `winnow extract` per format
against those labels.

Method: records are matched to labels by file name (NNN.html / NNN.txt ->
NNN.json). Per format and per half (pages sorted by name: even positions
"tune", odd "measure", then all), it prints:

- type, title, date, dateline: the share of pages where the record's field
  equals the label exactly (title after whitespace trim; dateline: places as
  written and date both equal, or both null); a missing value counts as
  wrong, as in bench/metadata's scorer a label not predicted is a miss.
- must_appear: the share of the labels' article lines present in the text
  (after whitespace folding, as a substring of the text, so that an HTML
  reading which joins two blocks on one line still counts).
- chrome left: must_not_appear lines still in the text, of all of them. A
  template line counts as left when a text line equals it, or, for lines of
  25 characters or more, when it occurs inside a text line (a widget glued
  to a paragraph); shorter lines ("Home", "OSCE", "Reply") only by equality,
  since they are words of the article too.
- extra lines: text lines that are no part of the article (not inside its
  title and body): chrome however the reader cut or glued it, which the
  must_not_appear count misses when several short template lines end up
  on one text line ("Jana Novak jnovak at example.org Wed Jan 12 ...").
- no article: pages whose text holds no sentence of the article's body
  (fixtures/gold/AAA.txt, sentences of 30 characters or more).

--misses prints, per page, every wrong field (label and prediction), every
missing article line and every chrome line left. --by-template adds one row
per template (both halves pooled).

Why Python: the labels are lines and sets of lines, the C++ gold scorer
(bench/metadata) scores fields of one record shape; this needs only json.
Cost: milliseconds.
"""
import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "fixtures" / "gold"


def fold(s):
    return re.sub(r"\s+", " ", s or "").strip()


def load_records(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[Path(r["id"]).stem] = r
    return out


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?”\"])\s+", text) if len(s) >= 30]


def score_page(label, rec):
    """Per-page result: field verdicts, article lines missing, chrome left."""
    rec = rec or {}
    text = rec.get("text") or ""
    lines = [fold(l) for l in text.split("\n") if fold(l)]
    joined = "\n".join(lines)
    got_dl = rec.get("dateline")
    got_dl = {"places": got_dl.get("places"), "date": got_dl.get("date")} if got_dl else None
    want_dl = label["dateline"]
    fields = {
        "type": (label["type"], rec.get("type")),
        "title": (fold(label["title"]), fold(rec.get("title")) if rec.get("title") is not None else None),
        "date": (label["date"], rec.get("date")),
        "dateline": (want_dl, got_dl),
    }
    right = {k: want == got for k, (want, got) in fields.items()}
    missing = [l for l in label["must_appear"] if fold(l) not in joined]
    line_set = set(lines)
    left = [c for c in label["must_not_appear"]
            if fold(c) in line_set or (len(fold(c)) >= 25 and fold(c) in joined)]
    art_lines = (GOLD / f"{label['article']}.txt").read_text(encoding="utf-8").split("\n")
    sents = [fold(s) for p in art_lines[1:] for s in sentences(p)]
    no_article = not any(s in joined for s in sents)
    article = fold(" ".join(art_lines))
    extra = [l for l in lines if l not in article]
    return dict(fields=fields, right=right, missing=missing, left=left, no_article=no_article, extra=extra,
                found=rec != {})


def summary(results, labels):
    n = len(results)
    if not n:
        return None
    acc = {k: sum(r["right"][k] for r in results) / n for k in ("type", "title", "date", "dateline")}
    must_total = sum(len(l["must_appear"]) for l in labels)
    must_found = must_total - sum(len(r["missing"]) for r in results)
    chrome_total = sum(len(l["must_not_appear"]) for l in labels)
    chrome_left = sum(len(r["left"]) for r in results)
    return dict(n=n, **acc, must=must_found / must_total if must_total else 1.0,
                left=chrome_left, chrome=chrome_total, extra=sum(len(r["extra"]) for r in results), no_article=sum(r["no_article"] for r in results))


def print_table(fmt, rows):
    print(f"\n{fmt}: {'set':<22} {'pages':>5} {'type':>6} {'title':>6} {'date':>6} {'dateline':>8} "
          f"{'must_appear':>11} {'chrome left':>13} {'extra lines':>11} {'no article':>10}")
    for name, s in rows:
        if s:
            print(f"{'':{len(fmt)}}  {name:<22} {s['n']:>5} {s['type']:>6.3f} {s['title']:>6.3f} {s['date']:>6.3f} "
                  f"{s['dateline']:>8.3f} {s['must']:>11.3f} {s['left']:>5} / {s['chrome']:<5} {s['extra']:>11} {s['no_article']:>10}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", default=str(ROOT / "fixtures" / "unseen"), help="directory of NNN.json labels")
    ap.add_argument("--format", action="append", nargs=2, metavar=("NAME", "JSONL"), required=True,
                    help="a format's name and the JSONL winnow wrote for its pages; repeatable")
    ap.add_argument("--misses", action="store_true", help="print every mismatch, missing line and chrome line left")
    ap.add_argument("--by-template", action="store_true", help="add a row per template")
    args = ap.parse_args()

    names = sorted(p.stem for p in Path(args.labels).glob("[0-9][0-9][0-9].json"))
    labels = {n: json.loads((Path(args.labels) / f"{n}.json").read_text(encoding="utf-8")) for n in names}
    half = {n: ("tune" if i % 2 == 0 else "measure") for i, n in enumerate(names)}
    status = 0
    for fmt, path in args.format:
        records = load_records(path)
        res = {n: score_page(labels[n], records.get(n)) for n in names}
        absent = [n for n in names if not res[n]["found"]]
        if absent:
            print(f"{fmt}: no record for {', '.join(absent)} (scored as empty)", file=sys.stderr)
            status = 1
        pick = lambda keep: ([res[n] for n in names if keep(n)], [labels[n] for n in names if keep(n)])
        rows = [(h, summary(*pick(lambda n, h=h: half[n] == h))) for h in ("tune", "measure")]
        rows.append(("all", summary(*pick(lambda n: True))))
        if args.by_template:
            for t in sorted({labels[n]["template"] for n in names}):
                rows.append((t, summary(*pick(lambda n, t=t: labels[n]["template"] == t))))
        print_table(fmt, rows)
        if args.misses:
            for n in names:
                r = res[n]
                bad = [f"{k}: want {json.dumps(w, ensure_ascii=False)} got {json.dumps(g, ensure_ascii=False)}"
                       for k, (w, g) in r["fields"].items() if not r["right"][k]]
                if not (bad or r["missing"] or r["left"] or r["extra"] or r["no_article"]):
                    continue
                print(f"  {fmt} {n} ({labels[n]['template']}, {half[n]}){' NO ARTICLE' if r['no_article'] else ''}")
                for b in bad:
                    print(f"    {b}")
                for l in r["missing"]:
                    print(f"    missing: {l[:100]}")
                for l in r["left"]:
                    print(f"    left: {l[:100]}")
                for l in r["extra"]:
                    print(f"    extra line: {l[:100]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
