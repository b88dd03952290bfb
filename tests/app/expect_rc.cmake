# Runs BIN with ARGS (words separated by '|') and checks the exit status and
# that the output (stdout+stderr) contains EXPECT.
string(REPLACE "|" ";" arg_list "${ARGS}")
execute_process(COMMAND ${BIN} ${arg_list} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT_RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${EXPECT_RC}\n${out}${err}")
endif()
string(FIND "${out}${err}" "${EXPECT}" pos)
if(pos EQUAL -1)
  message(FATAL_ERROR "output lacks '${EXPECT}':\n${out}${err}")
endif()
