"""page_checks: what the handout and report checkers share: a list of
failed checks, a well-formedness check for the pages they write, and the
Chromium that renders them (when one is installed)."""
import re
import shutil
import xml.etree.ElementTree as ET

failures = []


def check(cond, what):
    """Records what failed (and goes on, so one run lists every failure)."""
    if not cond:
        failures.append(what)
    return cond


def well_formed(page, what):
    """The pages are written as well-formed XML: stricter than HTML."""
    try:
        ET.fromstring(re.sub(r"^<!DOCTYPE html>", "", page))
    except ET.ParseError as e:
        check(False, "%s is not well-formed: %s" % (what, e))


def chromium():
    """The path of a Chromium to render with, None when none is installed."""
    return next((shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(c)), None)
