#!/usr/bin/env python3
# Builds the browser player's catalogue (i18n.js) from po/*.po and the
# Dutch reject texts of src/core/core_names.c at build time, so the page has
# the same wording as the program and no second hand-written copy.
# Usage: gen_catalogue.py OUT.js PO_DIR CORE_NAMES.c PAGE.js...
import json
import os
import re
import sys


def unescape(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(m.group(1), m.group(1)), s)


def read_po(path):
    out, cur, key = {}, {}, None
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n') + ['']
    for line in lines:
        line = line.strip()
        if line.startswith('msgid '):
            if 'msgid' in cur and 'msgstr' in cur:
                out[cur['msgid']] = cur['msgstr']
            cur, key = {'msgid': unescape(line[7:-1])}, 'msgid'
        elif line.startswith('msgstr '):
            cur['msgstr'], key = unescape(line[8:-1]), 'msgstr'
        elif line.startswith('"') and key:
            cur[key] += unescape(line[1:-1])
        elif not line:
            if 'msgid' in cur and 'msgstr' in cur:
                out[cur['msgid']] = cur['msgstr']
            cur, key = {}, None
    out.pop('', None)
    return out


def page_strings(paths):
    # t("...") translates at once; N("...") marks a string translated later
    pat = re.compile(r'\b[tN]\("((?:[^"\\]|\\.)*)"\)')
    found = []
    for p in paths:
        with open(p, encoding='utf-8') as f:
            for m in pat.finditer(f.read()):
                found.append(json.loads('"' + m.group(1) + '"'))
    return sorted(set(found))


def rejects(path):
    # The page indexes REJECTS by the reject code, so every case of
    # core_reject_message must be read, in order: a case this pattern does
    # not match (another form of return) stops the build rather than
    # shifting the codes after it.
    with open(path, encoding='utf-8') as f:
        src = f.read()
    body = src[src.index('core_reject_message'):]
    body = body[:body.index('default:')]
    cases = re.findall(r'case CORE_(?:OK|REJ_\w+):[^\n]*', body)
    pat = re.compile(r'case CORE_(?:OK|REJ_\w+): return N_\("((?:[^"\\]|\\.)*)"\);$')
    out = []
    for c in cases:
        m = pat.match(c)
        if not m:
            raise SystemExit('gen_catalogue: cannot read this case of core_reject_message '
                             '(expected: case CORE_...: return N_("...");):\n  ' + c)
        out.append(json.loads('"' + m.group(1) + '"'))
    return out


def main():
    out, po_dir, names, pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    rej = rejects(names)
    # the page shows the rules' refusals too (RESULT), in the player's language
    wanted = sorted(set(page_strings(pages)) | set(rej))
    cat, missing = {}, []
    for fn in sorted(os.listdir(po_dir)):
        if not fn.endswith('.po'):
            continue
        lang, po = fn[:-3], read_po(os.path.join(po_dir, fn))
        cat[lang] = {}
        for s in wanted:
            if po.get(s):
                cat[lang][s] = po[s]
            else:
                missing.append('%s: %r' % (fn, s))
    if missing:
        sys.stderr.write('gen_catalogue: the page uses strings without a translation in po/:\n  ' +
                         '\n  '.join(missing) + '\n')
        return 1
    with open(out, 'w', encoding='utf-8') as f:
        f.write('// Generated at build time from po/ and src/core/core_names.c by src/web/gen_catalogue.py.\n')
        f.write('"use strict";\nconst CATALOGUE = %s;\nconst REJECTS = %s;\n' %
                (json.dumps(cat, ensure_ascii=False, sort_keys=True), json.dumps(rej, ensure_ascii=False)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
