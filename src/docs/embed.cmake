# cmake -DIN=FILE -DOUT=FILE.inc -P embed.cmake: writes FILE as a C++ raw
# string literal, for `constexpr std::string_view x =\n#include "FILE.inc"\n;`.
# The shell runtime of the completions lives in real files (src/docs/shell/),
# where bash -n, zsh -n, fish -n and shellcheck can read it.
file(READ "${IN}" text)
set(delimiter "iom_embed")
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains )${delimiter}\", which ends the literal")
endif()
get_filename_component(name "${IN}" NAME)
file(WRITE "${OUT}"
  "// Generated from ${name} by src/docs/embed.cmake; do not edit.\n"
  "R\"${delimiter}(${text})${delimiter}\"\n")
