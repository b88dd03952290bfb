# Fails when a term that issue 15 replaced (left column of its table) comes
# back in a casus, the roles file, the trainer guide or a Dutch msgid of
# po/en.po. Run: cmake -DROOT=<source dir> -P terms.cmake
# "Jouw dossier" is not listed: it stays right for the professional roles
# (the ouder and the leerling see "Wat jij weet").
set(terms "quarterback" "handelingsgericht onderzoek" "handelingsgericht traject"
    "bevestigt dyslexie" "verslag van vorig jaar" "okan-verslag" "ervaringsdeskundige"
    "vervangleraar" "lerarenvergadering" "koptelefoon" "vervuld" "je kunt" "nagesprek"
    "aangepakt door:")
file(GLOB files "${ROOT}/levels/*.yaml" "${ROOT}/levels/README.md")
set(bad 0)
foreach(f IN LISTS files)
  file(READ "${f}" text)
  string(TOLOWER "${text}" text)
  foreach(t IN LISTS terms)
    string(FIND "${text}" "${t}" at)
    if(NOT at EQUAL -1)
      message(SEND_ERROR "${f}: forbidden term '${t}' (issue 15)")
      set(bad 1)
    endif()
  endforeach()
endforeach()
file(STRINGS "${ROOT}/po/en.po" ids REGEX "^msgid ")
string(TOLOWER "${ids}" ids)
foreach(t IN LISTS terms)
  string(FIND "${ids}" "${t}" at)
  if(NOT at EQUAL -1)
    message(SEND_ERROR "po/en.po: a msgid uses the forbidden term '${t}' (issue 15)")
    set(bad 1)
  endif()
endforeach()
list(LENGTH files n)
if(n LESS 9)
  message(SEND_ERROR "expected the eight casussen, rollen.yaml and README.md, found ${n} files")
endif()
