#pragma once

// Loading and validating a dataset file (the schema of data/iom.toml).
// toml++ is used here only.

#include "model.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace iom::dataset {

// The largest dataset file accepted; anything bigger is refused before
// parsing so that a hostile file cannot exhaust memory.
inline constexpr std::size_t k_max_file_size = 256u * 1024 * 1024;

// Reads, parses and validates a file. On any problem throws iom::Error whose
// message holds one "FILE:LINE:COL: message" line per problem ("FILE: message"
// when there is no position). The result has no lookup keys; see
// query::attach_keys.
// A file without [[world]] tables is linked to `default_world` (the
// built-in one) and gets it as its Dataset::world.
Dataset load_file(const std::string &path,
                  std::span<const WorldRow> default_world = {});

// Reads a whole regular file, refusing directories, devices, FIFOs and files
// over k_max_file_size; throws iom::Error("PATH: reason").
std::string read_file(const std::string &path);

// The same for text already in memory; display_name is used in messages.
Dataset load_text(std::string_view text, std::string_view display_name,
                  std::span<const WorldRow> default_world = {});

// A world file (data/world.toml): its own [meta] and [[world]] tables,
// nothing else.
struct World {
  std::span<const WorldRow> rows;
  WorldMeta meta;
  std::shared_ptr<const void> storage; // owns the rows' strings
};

// Reads and validates a world file's text, with the messages of load_text;
// the generator compiles data/world.toml through it.
World load_world_text(std::string_view text, std::string_view display_name);

// A names file of the world (data/world_aliases.toml,
// data/isocodes_names.toml):
// [[alias]] tables, and optionally [[ambiguous]] and [[confusable]] ones,
// every iso3 a row of `world`.
struct WorldNames {
  std::span<const WorldAlias> aliases;
  std::span<const SharedName> shared;
  std::span<const Confusable> confusables;
  std::shared_ptr<const void> storage;
};
WorldNames load_world_names_text(std::string_view text,
                                 std::string_view display_name,
                                 std::span<const WorldRow> world);

} // namespace iom::dataset
