# Runs `samenspel check` the way a trainer does and checks exit codes and output.
function(run expect_rc)
  execute_process(COMMAND ${BIN} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  WORKING_DIRECTORY ${SRC} TIMEOUT 240)
  if(NOT rc STREQUAL "${expect_rc}")
    message(FATAL_ERROR "samenspel ${ARGN}: exit ${rc}, expected ${expect_rc}\n${out}\n${err}")
  endif()
  set(OUT "${out}${err}" PARENT_SCOPE)
endfunction()

# bundled content: valid, no warnings (also none of check's rules-v2 advice:
# every casus gives the pupil a voice, has someone who can consent and
# suggests afspraken), play-tested by every kind of bots.
set(BUNDLED noor jonas amira lucas lotte sem mila lina)
set(bundled_files)
foreach(l IN LISTS BUNDLED)
  list(APPEND bundled_files levels/${l}.yaml)
endforeach()
run(0 check ${bundled_files} levels/rollen.yaml)
if(OUT MATCHES "(waarschuwing|fout):")
  message(FATAL_ERROR "bundled levels are not clean:\n${OUT}")
endif()
foreach(l IN LISTS BUNDLED)
  if(NOT OUT MATCHES "levels/${l}.yaml: in orde, 0 waarschuwing\\(en\\); 200 spellen per soort bots, gewonnen: solo [0-9]+%, checklist [0-9]+%, team [0-9]+%, gemengd [0-9]+%")
    message(FATAL_ERROR "no clean summary with every kind of bots for ${l}:\n${OUT}")
  endif()
endforeach()

# errors: exit 1, compiler-style line with caret and hint
run(1 check tests/level/broken/onbekende-rol.yaml)
if(NOT OUT MATCHES "tests/level/broken/onbekende-rol.yaml:16:18: fout: onbekende rol ‘ouders’")
  message(FATAL_ERROR "unexpected output:\n${OUT}")
endif()
if(NOT OUT MATCHES "= hulp: bedoelde je ‘ouder’\\?")
  message(FATAL_ERROR "no hint:\n${OUT}")
endif()

# --format=gcc and English
run(1 --lang en check --format=gcc tests/level/broken/onbekende-rol.yaml)
if(NOT OUT MATCHES "onbekende-rol.yaml:16:18: error: unknown role ‘ouders’")
  message(FATAL_ERROR "unexpected gcc/en output:\n${OUT}")
endif()

# the screens' own verdict (on by default): a warning at the field that is cut
# at 1280x720; the bundled levels above have none. Issue 14's example: a
# 93-character title that ran under the phase buttons was "in orde".
run(0 check --geen-speltest --format=gcc tests/level/fit/te-lange-titel.yaml)
if(NOT OUT MATCHES "tests/level/fit/te-lange-titel.yaml:8:9: warning: deze tekst past niet op het scherm bij 1280×720 \\(scène ‘[a-z-]+’\\)")
  message(FATAL_ERROR "no screen-fit warning at the title's position:\n${OUT}")
endif()
run(0 check --geen-scherm --geen-speltest --format=gcc tests/level/fit/te-lange-titel.yaml)
if(OUT MATCHES "warning")
  message(FATAL_ERROR "--geen-scherm still checked the screens:\n${OUT}")
endif()

# unreadable: exit 2, even next to a good file
run(2 check --geen-speltest levels/noor.yaml tests/level/broken/bestaat-niet.yaml)
run(2 check)

# --format=gcc: one line per message, every line "file:line:col: error|warning: text"
run(1 check --format=gcc --geen-speltest tests/level/broken/inspringing-en-meer.yaml)
string(REGEX REPLACE "\n$" "" gcc_out "${OUT}")
string(REPLACE "\n" ";" gcc_lines "${gcc_out}")
list(LENGTH gcc_lines n_gcc)
if(NOT n_gcc EQUAL 3)
  message(FATAL_ERROR "--format=gcc: expected 3 lines (3 messages), got ${n_gcc}:\n${OUT}")
endif()
foreach(l IN LISTS gcc_lines)
  if(NOT l MATCHES "^tests/level/broken/inspringing-en-meer\\.yaml:[0-9]+:[0-9]+: (error|warning): ")
    message(FATAL_ERROR "--format=gcc line is not file:line:col: error|warning: text:\n${l}")
  endif()
endforeach()

# a casus that cannot be won: exit 1, the unreachable needs named
run(1 check --geen-speltest tests/level/broken/onbereikbare-noden.yaml)
string(FIND "${OUT}" "deze casus is niet te winnen" at_win)
string(FIND "${OUT}" "geen enkele kaart bereikt nood ‘speelplaats’" at_need)
if(at_win LESS 0 OR at_need LESS 0)
  message(FATAL_ERROR "unreachable needs not reported:\n${OUT}")
endif()
