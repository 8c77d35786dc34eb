#include "util/text.hpp"

#include <doctest/doctest.h>

using iom::util::split_commas;
using V = std::vector<std::string_view>;

TEST_CASE("split_commas keeps empty parts so callers can report them") {
  CHECK(split_commas("a,b,c") == V{"a", "b", "c"});
  CHECK(split_commas("name") == V{"name"});
  CHECK(split_commas("") == V{""});
  CHECK(split_commas("a,,b,") == V{"a", "", "b", ""});
}
