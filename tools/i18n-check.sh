#!/usr/bin/env bash
# Checks that English is complete: every msgid marked with _() or N_() in
# src/ has a non-empty translation in po/en.po. Prints the missing ones.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find src -name '*.c' -o -name '*.h' | sort > "$tmp/files"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
  --add-comments=TRANSLATORS --files-from="$tmp/files" -o "$tmp/samenspel.pot" 2>/dev/null
if [ ! -s "$tmp/samenspel.pot" ]; then
  echo "i18n: no strings to translate"
  exit 0
fi
# msgcmp fails when a msgid of the template is missing or untranslated in en.po.
if ! msgcmp -N po/en.po "$tmp/samenspel.pot" 2> "$tmp/missing"; then
  echo "i18n: po/en.po is incomplete:" >&2
  grep -E 'this message' "$tmp/missing" | head -n 50 >&2 || cat "$tmp/missing" >&2
  exit 1
fi
echo "i18n: English complete ($(grep -c '^msgid' "$tmp/samenspel.pot") strings)"
