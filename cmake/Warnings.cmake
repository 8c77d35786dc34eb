# Warnings for our own code. They are errors in CI (IOM_WERROR=ON) only, so a
# newer compiler never breaks a user's build.
add_library(iom_warnings INTERFACE)
target_compile_options(iom_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  # Aggregates rely on default member initialisers; partial init is intended.
  -Wno-missing-field-initializers)
if(IOM_WERROR)
  target_compile_options(iom_warnings INTERFACE -Werror)
endif()

if(IOM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer: every library is instrumented for coverage and built with ASan and
# UBSan, so the fuzz targets (tests/fuzz, linked with -fsanitize=fuzzer) see
# inside them. UBSan must abort, or libFuzzer would not notice; the ignore
# list holds known third-party bugs. A sanitized binary cannot be linked
# statically.
if(IOM_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=all
    -fsanitize-ignorelist=${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/ubsan_ignorelist.txt)
  add_link_options(-fsanitize=address,undefined)
  set(IOM_STATIC OFF)
endif()
