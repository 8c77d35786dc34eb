#pragma once

// What every subcommand gets: the global options, the dataset (loaded on
// first use, so commands that need none pay nothing) and the output.

#include "model.hpp"
#include "util/output.hpp"

#include <optional>
#include <string>

namespace iom::cli {

struct GlobalOptions {
  std::string data_path;  // --data, else $IOM_DATA, else built-in
  std::string format;     // -f; empty = table on a terminal, else tsv
  std::string fields;     // -F; empty = the command's default
  bool no_header = false; // -H
  std::string color = "auto";
  bool bom = false;
  bool hxl = false;      // --hxl: a HXL hashtag row (tsv, csv)
  std::string delimiter; // -d; empty = "," (csv only)
  std::string lang;      // --lang; empty = $IOM_LANG, else en
};

// A dataset file as --data loads it: linked to its own [[world]], or to the
// built-in world and its names. `validate FILE` loads the same way, so that a
// file it accepts is one that --data accepts.
Dataset load_dataset_file(const std::string &path);

class OptionWords;

class Context {
public:
  explicit Context(util::Output &out) : m_out(out) {}

  GlobalOptions options;
  int status = 0; // the exit code the command chose
  // While build_app_for sets up a run's command: the options argv can name,
  // the only ones that command registers (OptionAdder). Null otherwise: a
  // tree built then has every option.
  const OptionWords *words = nullptr;

  util::Output &out() { return m_out; }
  // The dataset. A loaded one has no lookup index (Dataset::keys) yet:
  // listing and counting need none, and for a large --data file building it
  // is a sort of every name, code and alias.
  const Dataset &data();
  // The dataset with its lookup index, for commands that look names up.
  const Dataset &indexed();

private:
  util::Output &m_out;
  std::optional<Dataset> m_loaded;
  bool m_indexed = false;
};

} // namespace iom::cli
