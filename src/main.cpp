// iom: where the International Organization for Migration works.

#include "cli/app.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include <exception>
#include <new>

int main(int argc, char **argv) {
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
