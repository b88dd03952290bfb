#!/usr/bin/env python3
"""Draws the role colours (`kleur: 0` to `kleur: 15` in a roles file) as a
picture for the trainer guide: levels/kleuren.png.

The colours are read from the game itself (ui_role_colour in src/ui/gfx.c)
and the ink on each chip follows ui_ink_on, so the picture cannot drift from
the screens. Each chip is labelled with the bundled role that uses it
(levels/rollen.yaml). Rendered with headless Chromium, as the report and the
handout are checked.

Usage: tools/kleuren.py [OUT.png]   (default: levels/kleuren.png)"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def palette():
    src = open(os.path.join(ROOT, "src", "ui", "gfx.c"), encoding="utf-8").read()
    body = re.search(r"SDL_Color ui_role_colour\(int i\)\s*\{(.*?)\n\}", src, re.S).group(1)
    cols = re.findall(r"\{0x([0-9A-Fa-f]{2}), 0x([0-9A-Fa-f]{2}), 0x([0-9A-Fa-f]{2}), 0xFF\}, /\* (.*?) \*/",
                      body)
    if len(cols) != 16:
        sys.exit("kleuren.py: expected 16 colours in ui_role_colour, found %d" % len(cols))
    return [(int(r, 16), int(g, 16), int(b, 16), name) for r, g, b, name in cols]


def roles_by_colour():
    text = open(os.path.join(ROOT, "levels", "rollen.yaml"), encoding="utf-8").read()
    out = {}
    for block in re.split(r"\n  - id: ", text)[1:]:
        name = re.search(r"\n    naam: (.*)", block)
        kleur = re.search(r"\n    kleur: (\d+)", block)
        if name and kleur:
            out.setdefault(int(kleur.group(1)), name.group(1).strip().strip('"'))
    return out


def ink_on(r, g, b):
    # the rule of ui_ink_on (src/ui/gfx.c)
    return "#1B242C" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 140.0 else "#FFFFFF"


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "levels", "kleuren.png"))
    chrome = next((shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome")
                   if shutil.which(c)), None)
    if not chrome:
        sys.exit("kleuren.py: chromium is needed to draw the picture")
    roles = roles_by_colour()
    cells = []
    for i, (r, g, b, name) in enumerate(palette()):
        role = roles.get(i, "")
        cells.append(
            '<div class="cell"><div class="chip" style="background:#%02X%02X%02X;color:%s">%d</div>'
            '<div class="txt"><b>kleur: %d</b><br/><span>%s</span></div></div>'
            % (r, g, b, ink_on(r, g, b), i, i, html.escape(role or "vrij")))
    page = ("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"/><style>"
            "body{margin:0;background:#F4F1EA;font-family:'DejaVu Sans',Verdana,sans-serif;color:#1B242C}"
            ".wrap{padding:18px 22px}h1{font-size:19px;margin:0 0 4px}p{margin:0 0 14px;font-size:13px;color:#44505A}"
            ".row{display:grid;grid-template-columns:repeat(8,minmax(0,1fr));gap:10px;margin-bottom:12px}"
            ".cell{background:#fff;border:1px solid #C9CFD2;border-radius:8px;padding:8px;text-align:center}"
            ".chip{width:54px;height:54px;border-radius:10px;margin:0 auto 6px;display:flex;align-items:center;"
            "justify-content:center;font-size:22px;font-weight:bold}"
            ".txt{font-size:11px;line-height:1.3}.txt span{color:#44505A}"
            "</style></head><body><div class=\"wrap\"><h1>De rolkleuren van Samenspel</h1>"
            "<p>Boven: kleur 0–7 (Okabe–Ito). Onder: kleur 8–15, donkerder of bleker, zodat een negende rol "
            "nooit op een van de eerste acht lijkt. Onder elke kleur: de rol uit rollen.yaml die ze gebruikt (vrij: nog geen rol).</p>"
            "<div class=\"row\">" + "".join(cells[:8]) + "</div><div class=\"row\">" + "".join(cells[8:]) +
            "</div></div></body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "kleuren.html")
        open(f, "w", encoding="utf-8").write(page)
        subprocess.run([chrome, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                        "--window-size=1120,360", "--screenshot=" + out, "file://" + f],
                       capture_output=True, timeout=90)
    if not os.path.exists(out):
        sys.exit("kleuren.py: chromium wrote no picture")
    print("kleuren.py: wrote", out)


if __name__ == "__main__":
    main()
