# Shell integration (tests/shell/): the committed completions and man page are
# current, the man page renders cleanly, the shell code parses and passes
# shellcheck, completion works in real bash, zsh and fish, and the Debian
# package installs a working iom. Each script takes
# the iom binary and the source directory; 77 means a tool is missing.
foreach(name stale man syntax bash zsh fish)
  add_test(NAME shell/${name}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/shell/test_${name}.sh
    $<TARGET_FILE:iom> ${PROJECT_SOURCE_DIR})
  set_tests_properties(shell/${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()

# Builds the .deb with this build tree's CPack configuration (a few seconds).
add_test(NAME shell/package
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/shell/test_package.sh
  $<TARGET_FILE:iom> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
set_tests_properties(shell/package PROPERTIES
  LABELS package SKIP_RETURN_CODE 77 TIMEOUT 300)
