# Runs valgrind_game (one full journaled game, host + 4 bot clients) under
# valgrind memcheck. Valgrind and ASan do not mix, so it is built here in a
# plain (non-sanitized) build tree next to the test build; only its own
# libraries are compiled (no UI). Arguments: SRC (source dir), WORK (build
# dir to use), VALGRIND (the valgrind program).
if(NOT VALGRIND)
  message(FATAL_ERROR "valgrind not found: install it (tools/deps.sh does)")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${WORK} -DCMAKE_BUILD_TYPE=RelWithDebInfo
                        -DSAMENSPEL_SANITIZE=OFF -DSAMENSPEL_WERROR=OFF -DBUILD_TESTING=ON
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the plain build in ${WORK} failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK} --target valgrind_game -j2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message("${out}")
  message(FATAL_ERROR "building valgrind_game failed")
endif()
execute_process(COMMAND ${VALGRIND} --error-exitcode=1 --leak-check=full
                        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
                        --num-callers=30 ${WORK}/tests/hostile/valgrind_game 400
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
string(REGEX MATCH "ERROR SUMMARY: [0-9]+ errors" summary "${err}")
if(rc EQUAL 0)
  message(STATUS "valgrind: ${summary}")
else()
  message("${err}")
  message(FATAL_ERROR "valgrind_game failed under valgrind (exit ${rc}; ${summary})")
endif()
