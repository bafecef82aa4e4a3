#!/usr/bin/python3
"""Write large fuzz seeds (100-250 KB) built from fixtures/ into OUT/<target>/.

The problem. libFuzzer starts its input length at the largest seed and
grows it slowly (-len_control); with the fixtures' 3-14 KB pages it stayed
at 10-14 KB in four minutes, so nothing big (deep nesting, huge tables,
many speakers, long header sections) was ever tried. Big seeds put the
mutator at the sizes the hostile-input audit found bugs at from the first
execution.

The method. Every seed is our own content: fixture pages, text dumps and
gold texts, concatenated and repeated until the seed reaches its size. Made
at run time (tests/fuzz/campaign.sh, run.sh) into a temporary corpus, never
committed, so the repo holds no third-party pages and no blobs.

  tests/fuzz/make_big_seeds.py OUT [TARGET...]
"""
import gzip
import html as html_escape
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures"
KB = 1024


def read(p):
    return p.read_bytes()


def pages():
    return [read(p) for p in sorted((FIX / "html").glob("*.html"))]


def text_dumps():
    return [read(p) for p in sorted((FIX / "seeds").glob("*.txt"))]


def gold_texts():
    return [read(p) for p in sorted((FIX / "gold").glob("*.txt"))]


def repeat_to(parts, size, sep=b"\n"):
    """Concatenate parts, cycling, until at least `size` bytes."""
    out, i = [], 0
    total = 0
    while total < size:
        chunk = parts[i % len(parts)]
        out.append(chunk)
        total += len(chunk) + len(sep)
        i += 1
    return sep.join(out)


def body_of(page):
    lo = page.find(b"<body")
    lo = page.find(b">", lo) + 1 if lo >= 0 else 0
    hi = page.rfind(b"</body>")
    return page[lo:hi if hi >= 0 else len(page)]


def big_page(size):
    """One page: the first fixture's head, then the bodies of all fixture pages repeated."""
    ps = pages()
    head_end = ps[0].find(b"<body")
    head = ps[0][:head_end] if head_end >= 0 else b"<html><head></head>"
    bodies = repeat_to([body_of(p) for p in ps], size - len(head) - 32)
    return head + b"<body>\n" + bodies + b"\n</body></html>\n"


def big_table_page(size):
    """Nested lists and tables of fixture lines: many elements, many blocks."""
    lines = [l for t in text_dumps() for l in t.split(b"\n") if l.strip()]
    rows, total, i = [], 0, 0
    while total < size:
        l = html_escape.escape(lines[i % len(lines)].decode("utf-8", "replace")).encode()
        row = b"<tr><td><ul><li><a href=\"/x\">" + l + b"</a></li></ul></td><td><p>" + l + b"</p></td></tr>\n"
        rows.append(row)
        total += len(row)
        i += 1
    return b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><table>\n" + \
        b"".join(rows) + b"</table></body></html>\n"


def jsonl_records(size):
    """Records carrying the fixture pages and dumps, then one with a 200 KB page."""
    recs = []
    for i, p in enumerate(pages()):
        recs.append({"id": f"html{i}", "url": "https://www.osce.org/a", "html": p.decode("utf-8", "replace")})
    for i, t in enumerate(text_dumps()):
        recs.append({"id": f"text{i}", "url": "https://www.osce.org/b", "text": t.decode("utf-8", "replace")})
    lines = [json.dumps(r).encode() for r in recs]
    small = repeat_to(lines, size)
    one_big = json.dumps({"id": "big", "url": "https://www.osce.org/c",
                          "html": big_page(size).decode("utf-8", "replace")}).encode()
    return small + b"\n", one_big + b"\n"


def warc(size):
    page = big_page(size)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + \
        str(len(page)).encode() + b"\r\n\r\n" + page
    head = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.osce.org/x\r\n"
            b"WARC-Date: 2016-06-17T10:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
            b"Content-Type: application/http;msgtype=response\r\nContent-Length: " + str(len(http)).encode() +
            b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


def seeds_for(target, size=200 * KB):
    if target in ("fuzz_html", "fuzz_decode"):
        return {"big-page.html": big_page(size), "big-table.html": big_table_page(120 * KB)}
    if target == "fuzz_extract":
        return {"big-page.html": big_page(size), "big-table.html": big_table_page(120 * KB),
                "big-dump.txt": repeat_to(text_dumps(), size)}
    if target == "fuzz_text_dump":
        return {"big-dump.txt": repeat_to(text_dumps(), size)}
    if target == "fuzz_metadata":
        return {"big-gold.txt": repeat_to(gold_texts(), size), "big-dump.txt": repeat_to(text_dumps(), 120 * KB)}
    if target == "fuzz_jsonl":
        many, one = jsonl_records(size)
        return {"many-records.jsonl": many, "one-big-page.jsonl": one, "many-records.jsonl.gz": gzip.compress(many)}
    if target == "fuzz_warc":
        w = warc(size)
        return {"big-record.warc": w, "big-record.warc.gz": gzip.compress(w)}
    return {}


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: make_big_seeds.py OUT [TARGET...]")
    out = Path(argv[1])
    targets = argv[2:] or ["fuzz_decode", "fuzz_extract", "fuzz_html", "fuzz_jsonl", "fuzz_metadata",
                           "fuzz_text_dump", "fuzz_warc"]
    for t in targets:
        d = out / t
        d.mkdir(parents=True, exist_ok=True)
        for name, data in seeds_for(t).items():
            (d / name).write_bytes(data)


if __name__ == "__main__":
    main(sys.argv)
