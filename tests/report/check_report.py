#!/usr/bin/env python3
"""Checks one exported Samenspel report folder with standard readers.

- events.csv / edges.csv / nodes.csv parse with Python's csv module (RFC 4180
  dialect), have the expected headers, and their counts match the journal;
- report.html parses as XML (stricter than HTML: every tag closed) and with
  html.parser, and holds no external reference;
- anonymized output holds no player name; a plain one holds them (control);
- with Chromium installed, the page renders headless to a PNG that shows the
  network's node colours (skipped cleanly otherwise).
Exit 0 = all good; prints what failed otherwise."""
import argparse
import csv
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from page_checks import check, chromium, failures, well_formed  # noqa: E402


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def png_colours(path):
    """Decodes an 8-bit RGB(A) non-interlaced PNG with zlib (no PIL)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return set()
    pos, idat, w, h, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        ln, typ = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + ln]
        if typ == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", chunk[:10])
        elif typ == b"IDAT":
            idat += chunk
        pos += 12 + ln
    bpp = {2: 3, 6: 4}.get(ctype)
    if not bpp:
        return set()
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = set()
    i = 0
    for _ in range(h):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        for x in range(0, stride, bpp):
            colours.add(tuple(line[x:x + 3]))
        prev = line
    return colours


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--actions", type=int, required=True)
    ap.add_argument("--events", type=int, required=True)
    ap.add_argument("--seats", type=int, required=True)
    ap.add_argument("--absent", action="append", default=[])
    ap.add_argument("--present", action="append", default=[])
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--render", action="store_true", help="also render with headless Chromium")
    a = ap.parse_args()
    d = a.dir

    # events.csv
    rows = read_csv(os.path.join(d, "events.csv"))
    check(rows and rows[0] == ["seq", "kind", "round", "phase", "seat", "role", "name", "type", "details", "time"],
          "events.csv header: %r" % (rows[0] if rows else None))
    body = rows[1:]
    check(all(len(r) == 10 for r in body), "events.csv: every row has 10 fields")
    check(all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r[9]) for r in body),
          "events.csv: time is ISO 8601 UTC")
    n_act = sum(1 for r in body if r[1] == "action")
    n_evt = sum(1 for r in body if r[1] == "event")
    check(n_act == a.actions, "events.csv: %d action rows, journal has %d" % (n_act, a.actions))
    check(n_evt == a.events, "events.csv: %d event rows, replay gave %d" % (n_evt, a.events))
    seqs = [int(r[0]) for r in body]
    check(seqs == sorted(seqs), "events.csv: seq ascending")
    check(all(r[2].isdigit() for r in body), "events.csv: round is a number")

    # nodes.csv + edges.csv (Gephi: Source/Target match node Ids; igraph: the
    # first two columns are the vertices, Weight numeric)
    nodes = read_csv(os.path.join(d, "nodes.csv"))
    check(nodes and nodes[0] == ["Id", "Label", "Role"], "nodes.csv header")
    ids = [r[0] for r in nodes[1:]]
    check(len(ids) == a.seats and len(set(ids)) == a.seats, "nodes.csv: one unique id per seat")
    edges = read_csv(os.path.join(d, "edges.csv"))
    check(edges and edges[0] == ["Source", "Target", "Weight", "Round", "Type"], "edges.csv header")
    for r in edges[1:]:
        check(len(r) == 5 and r[0] in ids and r[1] in ids and r[0] != r[1],
              "edges.csv: endpoints are nodes: %r" % r)
        check(r[2].isdigit() and int(r[2]) > 0 and r[3].isdigit(), "edges.csv: numeric weight/round: %r" % r)
    n_edges = len(edges) - 1
    for f, rows_ in (("events.csv", body), ("edges.csv", edges[1:]), ("nodes.csv", nodes[1:])):
        for r in rows_:
            check(not any(c[:1] in ("=", "+", "-", "@") for c in r),
                  "%s: a field starts like a spreadsheet formula: %r" % (f, r))

    # report.html
    page = open(os.path.join(d, "report.html"), encoding="utf-8").read()
    well_formed(page, "report.html")
    p = Collector()
    p.feed(page)
    p.close()
    check("svg" in p.tags and "style" in p.tags, "report.html has inline svg and style")
    for bad in ("http:", "https:", "src=", "url(", "@import", "<link", "<script"):
        # the only allowed "http" is the SVG namespace name, which is not a fetch
        text = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
        check(bad not in text, "report.html contains an external reference: %s" % bad)
    check("@media print" in page and "A4" in page, "report.html has print styles for A4")
    if n_edges:
        check('class="edge"' in page, "report.html: network has edges")
    check(page.count('class="node"') >= a.seats, "report.html: network shows every seat")
    check(page.count('class="chart"') == 4, "report.html: four measure charts")
    check('lang="%s"' % a.lang in page, "report.html language %s" % a.lang)
    if shutil.which("xmllint"):
        # XML mode: libxml2's HTML parser predates HTML5 (<section>, <svg>),
        # and the page is written to be well-formed XML anyway.
        r = subprocess.run(["xmllint", "--noout", os.path.join(d, "report.html")],
                           capture_output=True)
        msg = r.stderr.decode("utf-8", "replace")
        check(r.returncode == 0 and not msg.strip(), "xmllint: %s" % msg[:300])

    everything = page
    for f in ("events.csv", "edges.csv", "nodes.csv"):
        everything += open(os.path.join(d, f), encoding="utf-8").read()
    for name in a.absent:
        check(name.lower() not in everything.lower(), "name %r appears in anonymized output" % name)
    labels = {r[1][1:] if r[1].startswith("'") else r[1] for r in nodes[1:]}
    import html as htmlmod
    for name in a.present:
        check(name in labels, "name %r missing from nodes.csv" % name)
        check(name in htmlmod.unescape(page), "name %r missing from report.html" % name)

    chrome = chromium()
    if chrome and a.render:
        with tempfile.TemporaryDirectory() as tmp:
            png = os.path.join(tmp, "report.png")
            subprocess.run([chrome, "--headless", "--disable-gpu", "--no-sandbox",
                            "--window-size=1000,2400", "--screenshot=" + png,
                            "file://" + os.path.abspath(os.path.join(d, "report.html"))],
                           capture_output=True, timeout=60)
            check(os.path.exists(png), "chromium rendered a PNG")
            if os.path.exists(png):
                cols = png_colours(png)
                node_cols = {(0xE6, 0x9F, 0x00), (0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73),
                             (0xF0, 0xE4, 0x42), (0x00, 0x72, 0xB2), (0xD5, 0x5E, 0x00),
                             (0xCC, 0x79, 0xA7)}
                check(len(cols & node_cols) >= 2, "the rendered page shows the network's node colours")
    elif a.render:
        print("check_report: chromium not installed; render check skipped")

    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("check_report: %s ok (%d actions, %d events, %d edges)" % (d, n_act, n_evt, n_edges))
    return 0


if __name__ == "__main__":
    sys.exit(main())
