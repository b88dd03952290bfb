#!/usr/bin/env python3
"""Runs `samenspel handout` the way a trainer does and checks what it wrote.

- the bundled casus gives one index.html with every page (the casus, a page
  per role at the table, the four bouwstenen, the collaboration levels, the
  reflectiewaaier, the observation sheet, the self-assessment), well-formed,
  with print styles for A4 and no external reference;
- the trainer-only care note is on the observation sheet and nowhere else;
- text from the casus is escaped (a title with <script>, & and quotes);
- --lang en translates the interface, not the casus;
- a missing casus, a casus with errors, no casus and an unwritable folder
  give a Dutch message and exit 1;
- with Chromium installed, the page prints to an A4 PDF with exactly one
  sheet per page of the handout, and renders to a PNG screenshot
  (--keep DIR keeps both to look at).
Exit 0 = all good; prints what failed otherwise."""
import argparse
import html
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from page_checks import check, chromium, failures, well_formed  # noqa: E402


def run(bin_, args, env):
    r = subprocess.run([bin_] + args, capture_output=True, env=env, timeout=60)
    return r.returncode, r.stdout.decode("utf-8", "replace") + r.stderr.decode("utf-8", "replace")


def sections(page):
    """id -> text of each <section class="page">."""
    return dict(re.findall(r'<section class="page" id="([^"]+)">(.*?)</section>', page, re.S))


def no_external(page, what):
    low = page.lower()
    for bad in ("http", "//", "src=", "url(", "@import", "<link", "<script", "<img", "@font-face"):
        check(bad not in low, "%s contains an external reference: %s" % (what, bad))


def pdf_pages(path):
    data = open(path, "rb").read()
    return len(re.findall(rb"/Type\s*/Page[^s]", data)), data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--src", required=True, help="source dir (levels/)")
    ap.add_argument("--locale", required=True)
    ap.add_argument("--keep", help="keep the handout, PDF and PNG in this folder")
    a = ap.parse_args()
    env = dict(os.environ, SAMENSPEL_DATA_DIR=a.src, SAMENSPEL_LOCALE_DIR=a.locale)
    noor = os.path.join(a.src, "levels", "noor.yaml")
    level_text = open(noor, encoding="utf-8").read()

    with tempfile.TemporaryDirectory() as tmp:
        out = a.keep or os.path.join(tmp, "noor")
        rc, msg = run(a.bin, ["handout", noor, "--out", out], env)
        check(rc == 0, "handout noor: exit %d\n%s" % (rc, msg))
        check("index.html" in msg, "handout says where it wrote: %s" % msg)
        check(sorted(os.listdir(out)) == ["index.html"], "one file: %r" % os.listdir(out))
        page = open(os.path.join(out, "index.html"), encoding="utf-8").read()
        well_formed(page, "noor handout")
        no_external(page, "noor handout")
        check('lang="nl"' in page, "Dutch page")
        check("@page{size:A4" in page and "@media print" in page, "print styles for A4")
        check("break-after:page" in page, "a page break after every page")
        secs = sections(page)
        ids = list(secs)
        want = ["casus", "rol-0", "rol-1", "rol-2", "rol-3", "bouwstenen", "niveaus",
                "reflectiewaaier", "observatie", "zelfevaluatie"]
        check(ids == want, "pages in order: %r" % ids)
        text = {k: html.unescape(re.sub(r"<[^>]+>", " ", v)) for k, v in secs.items()}
        # a page per role: name, T-shape, grenzen, cards with their kind of knowledge
        for sid, role in (("rol-0", "Leraar"), ("rol-1", "Ouder"), ("rol-2", "CLB-anker"),
                          ("rol-3", "Leerondersteuner")):
            t = text.get(sid, "")
            check("Jouw rol: " + role in t, "%s is the page of %s" % (sid, role))
            for part in ("Jouw T-shape", "generieke vaardigheden", "specialisme", "Jouw grenzen",
                         "Jouw kaarten", "Soort kennis"):
                check(part in t, "%s has %r" % (sid, part))
        check("ervaringskennis" in text.get("rol-1", ""), "the ouder's cards carry ervaringskennis")
        check("wetenschappelijke kennis" in text.get("rol-2", ""), "the CLB-anker's cards carry wetenschappelijke kennis")
        check("klaspraktijk" in text.get("rol-0", "") and "gedeelde taal" in text.get("rol-0", ""),
              "the leraar's T-shape shows domains and skills")
        for block in ("Identiteit", "Netwerk", "Organisatie", "Verbinding", "T-shaped",
                      "Sannen", "Engeström"):
            check(block in text.get("bouwstenen", ""), "bouwstenen mention %r" % block)
        for lvl in ("geen", "coördinerend", "coöperatief", "verbindend", "elk op zijn eiland"):
            check(lvl in text.get("niveaus", ""), "levels page mentions %r" % lvl)
        # the casus's reflectiewaaier, every question with its answer options
        fan = text.get("reflectiewaaier", "")
        questions = re.findall(r'^\s+vraag: "(.*)"$', level_text, re.M)
        check(len(questions) >= 4, "noor.yaml has reflection questions")
        for q in questions:
            check(q in fan, "reflectiewaaier lacks %r" % q)
        check("Nee, het was verdeeld" in fan, "answer options are shown")
        check(secs.get("reflectiewaaier", "").count('class="box"') >= 2 * len(questions),
              "answer options have tick boxes")
        # trainer notes: goals for the room, care/moments/timing only for the trainers
        care = re.search(r'^\s+gevoelig: "(.*)"$', level_text, re.M).group(1)
        moments = re.findall(r'^\s+- "(Ronde 1.*|De spanning.*|De interimaris.*)"$', level_text, re.M)
        timing = re.search(r'^\s+timing: "(.*)"$', level_text, re.M).group(1)
        check(care in text.get("observatie", ""), "the care note is on the observation sheet")
        check(timing in text.get("observatie", ""), "the timing is on the observation sheet")
        check(len(moments) == 3, "noor.yaml has three moments to watch")
        for m in moments:
            check(m in text.get("observatie", ""), "moment %r on the observation sheet" % m)
        for sid, t in text.items():
            if sid != "observatie":
                check(care not in t and timing not in t, "trainer-only notes leak onto page %s" % sid)
        check("Ontdekken dat ervaringskennis" in text.get("casus", ""), "learning goals on the casus page")
        check(secs.get("observatie", "").count('class="box"') >= 6 * 3,
              "the observation sheet has a tick box per round")
        sa = secs.get("zelfevaluatie", "")
        check(sa.count('class="box"') >= 4 * 10, "self-assessment: Likert items before and after")
        check("voor" in text.get("zelfevaluatie", "") and " na " in text.get("zelfevaluatie", ""),
              "self-assessment has before and after columns")

        # escaping: the casus's own text goes through the report's escaper
        esc_dir = os.path.join(tmp, "esc")
        os.makedirs(esc_dir)
        evil = level_text.replace('titel: "Noor zoekt rust"',
                                  'titel: "Noor <script>alert(1)</script> & \'t \\"hek\\""', 1)
        check(evil != level_text, "noor.yaml title found for the escaping test")
        evil_path = os.path.join(esc_dir, "noor.yaml")
        open(evil_path, "w", encoding="utf-8").write(evil)
        rc, msg = run(a.bin, ["handout", evil_path, "--out", os.path.join(esc_dir, "out")], env)
        check(rc == 0, "handout of the escaping casus: exit %d\n%s" % (rc, msg))
        if rc == 0:
            ep = open(os.path.join(esc_dir, "out", "index.html"), encoding="utf-8").read()
            well_formed(ep, "escaping handout")
            check("<script" not in ep.lower(), "a <script> in the title is escaped")
            check("Noor &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;t &quot;hek&quot;" in ep,
                  "the title is escaped as HTML")

        # English interface, casus as written
        en_dir = os.path.join(tmp, "en")
        rc, msg = run(a.bin, ["--lang", "en", "handout", noor, "--out", en_dir], env)
        check(rc == 0, "--lang en: exit %d\n%s" % (rc, msg))
        if rc == 0:
            ep = open(os.path.join(en_dir, "index.html"), encoding="utf-8").read()
            check('lang="en"' in ep and "Your role: Leraar" in ep and "Observation sheet" in ep,
                  "English interface")
            check("Noor zoekt rust" in ep, "the casus stays as written")

        # bad input: a clear Dutch message and exit 1
        rc, msg = run(a.bin, ["handout", os.path.join(a.src, "levels", "bestaat-niet.yaml"),
                              "--out", os.path.join(tmp, "x")], env)
        check(rc == 1 and "kan niet gelezen worden" in msg, "missing casus: %d %s" % (rc, msg))
        rc, msg = run(a.bin, ["handout"], env)
        check(rc == 1 and "welke casus?" in msg, "no casus: %d %s" % (rc, msg))
        broken = os.path.join(a.src, "tests", "level", "broken", "onbekende-rol.yaml")
        rc, msg = run(a.bin, ["handout", broken, "--out", os.path.join(tmp, "x")], env)
        check(rc == 1 and "heeft fouten" in msg and "onbekende rol" in msg,
              "casus with errors: %d %s" % (rc, msg))
        blocker = os.path.join(tmp, "een-bestand")
        open(blocker, "w").close()
        rc, msg = run(a.bin, ["handout", noor, "--out", os.path.join(blocker, "map")], env)
        check(rc == 1 and "niet aanmaken" in msg and "--out" in msg, "unwritable folder: %d %s" % (rc, msg))
        check(not os.path.exists(os.path.join(tmp, "x")), "nothing written on bad input")

        # headless Chromium, as the report is checked
        chrome = chromium()
        if not chrome:
            print("check_handout: chromium not installed; render check skipped")
        else:
            keep = a.keep or tmp
            pdf = os.path.join(keep, "handout.pdf")
            png = os.path.join(keep, "handout.png")
            url = "file://" + os.path.abspath(os.path.join(out, "index.html"))
            flags = [chrome, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars"]
            subprocess.run(flags + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, url],
                           capture_output=True, timeout=90)
            if check(os.path.exists(pdf), "chromium printed a PDF"):
                n, data = pdf_pages(pdf)
                check(n == len(want), "one A4 sheet per page: %d sheets for %d pages" % (n, len(want)))
                check(re.search(rb"/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+", data) is not None,
                      "the PDF is A4 (595 x 842 pt)")
            subprocess.run(flags + ["--window-size=860,2400", "--screenshot=" + png, url],
                           capture_output=True, timeout=90)
            if check(os.path.exists(png), "chromium rendered a PNG"):
                check(os.path.getsize(png) > 20000, "the screenshot is not blank (%d bytes)" % os.path.getsize(png))

    for f in failures:
        print("FAIL:", f)
    print("check_handout: %d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
