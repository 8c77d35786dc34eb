#pragma once

// CLI11, without the start-up cost of its predefined validators. CLI11 2.1
// defines eight of them (ExistingFile ... PositiveNumber) as const objects in
// its header, so every file that includes it constructs its own copies
// before main: about 4,500 instructions per file, a third of a lookup over
// the nineteen files. iom uses none of them; these macros turn each
// definition into a function declaration, which constructs nothing. Another
// CLI11 version is included as it is (its definitions may differ), and a
// use of one of the eight fails to compile rather than misbehave.

#include <CLI/Version.hpp>

#if CLI11_VERSION_MAJOR == 2 && CLI11_VERSION_MINOR == 1
#define ExistingFile iom_unused_ExistingFile()
#define ExistingDirectory iom_unused_ExistingDirectory()
#define ExistingPath iom_unused_ExistingPath()
#define NonexistentPath iom_unused_NonexistentPath()
#define ValidIPV4 iom_unused_ValidIPV4()
#define Number(...) iom_unused_Number()
#define NonNegativeNumber(...) iom_unused_NonNegativeNumber()
#define PositiveNumber(...) iom_unused_PositiveNumber()
#include <CLI/CLI.hpp>
#undef ExistingFile
#undef ExistingDirectory
#undef ExistingPath
#undef NonexistentPath
#undef ValidIPV4
#undef Number
#undef NonNegativeNumber
#undef PositiveNumber
#else
#include <CLI/CLI.hpp>
#endif
