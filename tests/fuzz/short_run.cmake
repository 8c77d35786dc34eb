# One short fuzz run (a ctest test; see CMakeLists.txt). libFuzzer writes what
# it finds into its first corpus directory, so it gets a fresh copy of the
# committed corpus, never the corpus itself.
#   cmake -DTARGET=BIN -DCORPUS=DIR -DWORK=DIR -DSECONDS=N -DOPTIONS=LIST -P short_run.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/crashes)
file(GLOB seeds ${CORPUS}/*)
file(COPY ${seeds} DESTINATION ${WORK}/corpus)
execute_process(
  COMMAND ${TARGET} -max_total_time=${SECONDS} -print_final_stats=1
    -artifact_prefix=${WORK}/crashes/ ${OPTIONS} ${WORK}/corpus
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB crashes ${WORK}/crashes/*)
  message(FATAL_ERROR "${TARGET} failed (${result}): ${crashes}\n"
    "Reproduce with: ${TARGET} FILE; then add FILE to tests/fuzz/regressions/")
endif()
