# The Debian packages are used header-only, so that the binary can be linked
# statically: a static binary starts as fast as /bin/true, with no dynamic
# loader work. The include directories come from the packages' own configs.

# fmt: the package's header-only target.
add_library(iom_fmt INTERFACE)
target_link_libraries(iom_fmt INTERFACE fmt::fmt-header-only)

# toml++: the package's target links the shared library; we want the header-only
# mode (TOML_HEADER_ONLY=1, the library's default), so take only its includes.
get_target_property(IOM_TOML_INCLUDES tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
add_library(iom_toml INTERFACE)
target_include_directories(iom_toml SYSTEM INTERFACE ${IOM_TOML_INCLUDES})
target_compile_definitions(iom_toml INTERFACE TOML_HEADER_ONLY=1 TOML_ENABLE_FORMATTERS=0)

# CLI11: header-only.
add_library(iom_cli11 INTERFACE)
target_link_libraries(iom_cli11 INTERFACE CLI11::CLI11)
