# Sanitizer builds, apart from the warnings: they change code generation for
# every library, ours and the header-only dependencies alike.

if(IOM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer: every library is instrumented for coverage and built with ASan and
# UBSan, so the fuzz targets (tests/fuzz, linked with -fsanitize=fuzzer) see
# inside them. UBSan must abort, or libFuzzer would not notice; nothing is
# left out of it (src/dataset/toml_guard.hpp defines toml++ 3.3.0's UB away).
# A sanitized binary cannot be linked statically.
if(IOM_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  set(IOM_STATIC OFF)
  # The word index's probes compare hash fingerprints and loop bounds, which
  # no input byte holds: tracing those comparisons cannot lead the fuzzer
  # anywhere, and cost fuzz_convert an eighth of its time on its seed corpus
  # (perf, 2026-12-07).
  # Its edges are still counted.
  set_source_files_properties(src/query/word_index.cpp PROPERTIES
    COMPILE_OPTIONS -fno-sanitize-coverage=trace-cmp)
endif()
