# The benchmark suite (tests/bench/run.sh, `make bench`) is not part of the
# test suite; CTest runs only its quick smoke, so that the suite cannot rot.
# Included from tests/CMakeLists.txt: paths are relative to tests/.

# The busy-machine check that decides whether a ratio is judged, on made-up
# measurements (no timing, so it runs in every build).
add_test(NAME bench/busy_check COMMAND Python3::Interpreter
  ${CMAKE_CURRENT_SOURCE_DIR}/bench/test_busy_check.py)
set_tests_properties(bench/busy_check PROPERTIES LABELS bench)

# Timings of an instrumented binary mean nothing, and valgrind cannot run an
# ASan one: no smoke in the sanitizer build.
if(IOM_SANITIZE)
  return()
endif()

# The baseline of the --data benchmark: a bare toml++ parse, configured as iom
# configures toml++ (iom_toml: header-only, formatters off), same flags.
add_executable(iom_toml_parse ${CMAKE_CURRENT_SOURCE_DIR}/bench/toml_parse.cpp)
target_link_libraries(iom_toml_parse PRIVATE iom_toml)

# run.sh --quick exits 77 (skipped) when hyperfine or valgrind is missing
# (`sh cmake/deps.sh bench` installs them), 0 when every step works, 2 when a
# step is broken. Missed targets do not fail the smoke.
add_test(NAME bench_smoke
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/bench/run.sh --quick)
set_tests_properties(bench_smoke PROPERTIES
  LABELS bench
  SKIP_RETURN_CODE 77
  TIMEOUT 120
  ENVIRONMENT "IOM_BIN=$<TARGET_FILE:iom>;TOML_PARSE_BIN=$<TARGET_FILE:iom_toml_parse>;INDEX_METHODS_BIN=$<TARGET_FILE:iom_index_methods>;BENCH_WORK=${CMAKE_CURRENT_BINARY_DIR}/bench-smoke")

# The candidate-index methods of issue 17, measured side by side on the
# built-in words (run.sh step 7).
add_executable(iom_index_methods ${CMAKE_CURRENT_SOURCE_DIR}/bench/index_methods.cpp)
target_link_libraries(iom_index_methods PRIVATE iom_app)
