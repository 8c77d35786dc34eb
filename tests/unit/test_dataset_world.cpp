// The world table (data/world.toml) compiled in: its size, Kosovo, its
// agreement with the directory's codes and with the file loaded at run time,
// the loader's refusals of a bad world file, and --data's fallback to the
// built-in world.

#include <doctest/doctest.h>

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "cli/context.hpp"
#include "dataset/builtin.hpp"
#include "dataset/load.hpp"
#include "dataset/schema.hpp"
#include "model.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

using namespace iom;

namespace {

const WorldRow *world_by_iso3(std::span<const WorldRow> world,
                              std::string_view iso3) {
  for (const WorldRow &row : world)
    if (row.iso3 == iso3)
      return &row;
  return nullptr;
}

constexpr std::string_view k_world = R"([meta]
source = "https://example.org"
source_path = "x.csv"
source_commit = "abc"
source_date = "2026-02-11"
source_sha256 = "00"
licence = "MIT"

[[world]]
iso2 = "AD"
iso3 = "AND"
numeric = "020"
code_status = "iso"
name = "Andorra"
name_source = "English Short"
independent = true

[[world]]
iso2 = "XK"
iso3 = "XKX"
code_status = "user-assigned"
name = "Kosovo"
name_source = "Preferred Term"
independent = false
)";

std::string with(std::string_view from, std::string_view to) {
  std::string text(k_world);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::string world_error_of(const std::string &text) {
  try {
    dataset::load_world_text(text, "w.toml");
  } catch (const Error &error) {
    return error.what();
  }
  return "(loaded)";
}

} // namespace

TEST_CASE("builtin world: 250 rows, the ISO 3166-1 entries and Kosovo") {
  std::span<const WorldRow> world = dataset::builtin().world;
  CHECK(world.size() == 250);
  std::size_t iso = 0;
  for (const WorldRow &row : world)
    iso += row.code_status == CodeStatus::iso;
  CHECK(iso == 249);
}

TEST_CASE("builtin world: Kosovo is XK/XKX, user-assigned, with no numeric") {
  const WorldRow *kosovo = world_by_iso3(dataset::builtin().world, "XKX");
  REQUIRE(kosovo != nullptr);
  CHECK(kosovo->iso2 == "XK");
  CHECK(kosovo->code_status == CodeStatus::user_assigned);
  CHECK(kosovo->numeric.empty());
  CHECK(kosovo->name == "Kosovo");
}

TEST_CASE("builtin world: a row keeps its names, M49 regions and status") {
  const WorldRow *kenya = world_by_iso3(dataset::builtin().world, "KEN");
  REQUIRE(kenya != nullptr);
  CHECK(kenya->name == "Kenya");
  CHECK(kenya->formal_name == "the Republic of Kenya");
  CHECK(kenya->m49_region == "002");
  CHECK(kenya->m49_region_name == "Africa");
  CHECK(kenya->independent);
  const WorldRow *antarctica = world_by_iso3(dataset::builtin().world, "ATA");
  REQUIRE(antarctica != nullptr);
  CHECK(antarctica->m49_region.empty());
  CHECK_FALSE(antarctica->independent);
}

TEST_CASE("builtin world: each directory country's codes equal its world "
          "row's") {
  const Dataset &data = dataset::builtin();
  std::size_t checked = 0;
  for (const Entry &entry : data.entries) {
    if (entry.kind == Kind::office)
      continue;
    CAPTURE(entry.id);
    const WorldRow *row = world_by_iso3(data.world, entry.iso3);
    REQUIRE(row != nullptr);
    CHECK(row->iso2 == entry.iso2);
    CHECK(row->numeric == entry.numeric);
    CHECK(row->code_status == entry.code_status);
    ++checked;
  }
  CHECK(checked == 176);
}

TEST_CASE("builtin world: every schema field equals data/world.toml loaded "
          "at run time") {
  dataset::World loaded = dataset::load_world_text(
      dataset::read_file(std::string(IOM_SOURCE_DIR) + "/data/world.toml"),
      "data/world.toml");
  std::span<const WorldRow> built = dataset::builtin().world;
  REQUIRE(built.size() == loaded.rows.size());
  for (std::size_t i = 0; i < built.size(); ++i)
    for (const auto &field : dataset::Schema<WorldRow>::fields) {
      CAPTURE(built[i].iso3);
      CAPTURE(field.name);
      std::visit(
          [&](auto member) {
            const auto &x = built[i].*member;
            // A world row has no lists; Strings is only in the variant.
            if constexpr (!std::is_same_v<std::decay_t<decltype(x)>, Strings>)
              CHECK(x == loaded.rows[i].*member);
          },
          field.member);
    }
  CHECK(loaded.meta.source_commit ==
        "b40de354a65723b5bc8b0080112c46a002433f6c");
  CHECK(loaded.meta.licence == "MIT");
}

TEST_CASE("world file: a valid one loads") {
  dataset::World world = dataset::load_world_text(k_world, "w.toml");
  REQUIRE(world.rows.size() == 2);
  CHECK(world.rows[0].independent);
  CHECK_FALSE(world.rows[1].independent);
  CHECK(world.meta.source_date == "2026-02-11");
}

TEST_CASE("world file: a duplicate iso3 is refused at its value") {
  CHECK(world_error_of(with("iso2 = \"XK\"\niso3 = \"XKX\"\n"
                            "code_status = \"user-assigned\"",
                            "iso2 = \"AX\"\niso3 = \"AND\"\n"
                            "numeric = \"248\"\ncode_status = \"iso\"")) ==
        "w.toml:20:8: duplicate iso3 'AND'");
}

TEST_CASE("world file: codes of the wrong shape are refused") {
  CHECK(world_error_of(with("iso2 = \"AD\"", "iso2 = \"ad\"")) ==
        "w.toml:10:8: iso2 'ad' must be two letters A-Z");
  CHECK(world_error_of(with("iso3 = \"AND\"", "iso3 = \"ANDO\"")) ==
        "w.toml:11:8: iso3 'ANDO' must be three letters A-Z");
  CHECK(world_error_of(with("numeric = \"020\"", "numeric = \"20\"")) ==
        "w.toml:12:11: numeric '20' must be three digits");
}

TEST_CASE("world file: independent must be a boolean") {
  CHECK(world_error_of(with("independent = true", "independent = \"Y\"")) ==
        "w.toml:16:15: field 'independent' must be true or false");
}

TEST_CASE("world file: only [meta] and [[world]], with the world's meta") {
  CHECK(world_error_of(std::string(k_world) + "[[entries]]\nid = \"x\"\n") ==
        "w.toml:25:3: unknown section 'entries'");
  CHECK(world_error_of(with("licence = \"MIT\"\n", ""))
            .starts_with("w.toml:1:1: missing field 'licence' in meta"));
}

TEST_CASE("dataset file: [[world]] is optional, and checked when present") {
  std::string valid = dataset::read_file(std::string(IOM_SOURCE_DIR) +
                                         "/tests/bad/files/valid.toml");
  CHECK(dataset::load_text(valid, "d.toml").world.empty());
  std::string rows(k_world.substr(k_world.find("[[world]]")));
  Dataset own = dataset::load_text(valid + "\n" + rows, "d.toml");
  REQUIRE(own.world.size() == 2);
  CHECK(own.world[1].iso2 == "XK");
}

TEST_CASE("--data: a file without [[world]] gets the built-in world") {
  util::Output out;
  cli::Context context(out);
  context.options.data_path =
      std::string(IOM_SOURCE_DIR) + "/tests/fixtures/mini.toml";
  CHECK(context.data().world.size() == dataset::builtin().world.size());
  CHECK(context.data().world.data() == dataset::builtin().world.data());
}
