// iom: where the International Organization for Migration works.

#include "cli/app.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

// A leak checker reports at exit(), so a sanitized build leaves through it.
#if defined(__SANITIZE_ADDRESS__)
#define IOM_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define IOM_LEAK_CHECKED 1
#endif
#endif

namespace {

int run(int argc, char **argv) {
  try {
    return iom::cli::run(argc, argv);
  } catch (const iom::Error &error) {
    iom::util::print_error(error.what());
    return error.exit_code();
  } catch (const std::bad_alloc &) {
    iom::util::print_error("out of memory");
    return iom::k_exit_error;
  } catch (const std::exception &error) {
    iom::util::print_error(error.what());
    return iom::k_exit_error;
  }
}

} // namespace

int main(int argc, char **argv) {
  int status = run(argc, argv);
#ifndef IOM_LEAK_CHECKED
  // exit() would destroy every static object, among them the eight CLI11
  // validators that each file including CLI11 defines: a tenth of a lookup's
  // instructions, and nothing of ours needs it. Only stdio (CLI11's --help,
  // through std::cout) may still hold output.
  std::fflush(nullptr);
  std::_Exit(status);
#endif
  return status;
}
