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
