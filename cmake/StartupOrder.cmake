# Start-up of the static release binary: lld lays out the functions that the
# common commands run (cmake/startup_order.txt, written by
# cmake/startup_order.sh) together at the start of the text. Spread over the
# 3 MB of text, they made about 35 page faults, each mapping 16 pages that
# the kernel then also unmapped at exit: most of the time by which
# `iom show kenya` trailed /bin/true (BENCHMARKS.md). -ffunction-sections
# gives each of iom's own functions a section that lld can place.
# Without lld (Debian package lld) the binary links as before, only slower to
# start.
include(CheckLinkerFlag)
check_linker_flag(CXX "-fuse-ld=lld" IOM_HAVE_LLD)
if(NOT IOM_HAVE_LLD)
  message(STATUS "lld not found: the start-up functions are not laid out together (apt-get install lld)")
  return()
endif()
set(IOM_STARTUP_ORDER ${PROJECT_SOURCE_DIR}/cmake/startup_order.txt)
target_compile_options(iom_core PRIVATE -ffunction-sections)
target_compile_options(iom_app PRIVATE -ffunction-sections)
target_link_options(iom PRIVATE -fuse-ld=lld
  -Wl,--symbol-ordering-file=${IOM_STARTUP_ORDER}
  -Wl,--no-warn-symbol-ordering)
set_property(TARGET iom APPEND PROPERTY LINK_DEPENDS ${IOM_STARTUP_ORDER})
