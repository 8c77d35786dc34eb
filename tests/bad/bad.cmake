# The catalogue of bad inputs (see bad/run_bad.py).
add_test(NAME bad_inputs COMMAND Python3::Interpreter
  ${CMAKE_CURRENT_SOURCE_DIR}/bad/run_bad.py $<TARGET_FILE:iom>)

# The largest dataset the region and type indices hold works in every command.
add_test(NAME bad_limits COMMAND Python3::Interpreter
  ${CMAKE_CURRENT_SOURCE_DIR}/bad/run_limits.py $<TARGET_FILE:iom>)

# Hostile tables for convert --column: huge fields, a million columns, ten
# million rows, NUL bytes, a quote that never closes (bad/run_tables.py).
add_test(NAME bad_tables COMMAND Python3::Interpreter
  ${CMAKE_CURRENT_SOURCE_DIR}/bad/run_tables.py $<TARGET_FILE:iom>)
