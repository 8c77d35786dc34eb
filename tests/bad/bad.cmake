# The catalogue of bad inputs (see bad/run_bad.py).
add_test(NAME bad_inputs COMMAND Python3::Interpreter
  ${CMAKE_CURRENT_SOURCE_DIR}/bad/run_bad.py $<TARGET_FILE:iom>)
