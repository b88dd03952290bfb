# Issue 15: the words a Flemish school would not use stay out of everything a
# trainer or participant reads: the .po catalogues, the casussen and the
# trainer guide. Run with -DROOT=<source dir>. Each row: a regular expression
# (matched case-insensitively) and the word to use instead. "Jouw dossier"
# is not listed: it stays right for the professional roles (the ouder and
# the leerling see "Wat jij weet").
set(banned
  "quarterback|Alles via één persoon"
  "handelingsgericht (onderzoek|traject)|handelingsgericht diagnostisch traject (HGD)"
  "verslag bevestigt|het diagnostisch verslag / attest"
  "verslag van vorig jaar|een gemotiveerd verslag (type 9)"
  "okan-verslag|advies van de OKAN-klassenraad / het CLB-dossier"
  "ervaringsdeskundige|ervaringsexpert van zijn eigen leven"
  "vervangleraar|een interimaris"
  "lerarenvergadering|personeelsvergadering"
  "koptelefoon|oorkappen"
  "vervuld|bereikt"
  "je kunt|je kan"
  "nagesprek|nabespreking"
  "aangepakt door:|Alleen geprobeerd door:")
# Adds a line to `found` when text matches regex: the file, the word the
# regex's first group caught, and the note (what to use instead).
function(flag_word text regex file note)
  if(text MATCHES "${regex}")
    set(found "${found}\n  ${file}: ‘${CMAKE_MATCH_1}’${note}" PARENT_SCOPE)
  endif()
endfunction()

file(GLOB files ${ROOT}/po/*.po ${ROOT}/levels/*.yaml ${ROOT}/levels/README.md)
set(found "")
foreach(f IN LISTS files)
  file(STRINGS ${f} lines ENCODING UTF-8)
  string(TOLOWER "${lines}" lower)
  foreach(row IN LISTS banned)
    string(REPLACE "|" ";" parts "${row}")
    list(LENGTH parts n)
    math(EXPR last "${n} - 1")
    list(GET parts ${last} instead)
    list(REMOVE_AT parts ${last})
    string(REPLACE ";" "|" re "${parts}")
    flag_word("${lower}" "(${re})" "${f}" " (gebruik: ${instead})")
  endforeach()
endforeach()
# In the Dutch interface a scenario is a casus: no msgid speaks of a level
# (the folder levels/ keeps its name).
file(GLOB pos ${ROOT}/po/*.po)
foreach(f IN LISTS pos)
  file(STRINGS ${f} ids REGEX "^msgid " ENCODING UTF-8)
  foreach(id IN LISTS ids)
    string(REPLACE "levels/" "" id_wo "${id}")
    flag_word("${id_wo}" "[^a-zA-Z]([Ll]evel[a-z]*)" "${f}" " in ${id} (gebruik: casus)")
  endforeach()
endforeach()
list(LENGTH files n)
if(n LESS 9)
  string(APPEND found "\n  verwacht: de acht casussen, rollen.yaml en README.md; gevonden: ${n} bestanden")
endif()
if(found)
  message(FATAL_ERROR "Woorden die een Vlaamse school niet gebruikt:${found}")
endif()
message(STATUS "terms: ${ROOT}: geen verboden woorden")
