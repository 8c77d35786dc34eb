#include "render/card.hpp"

#include "util/utf8.hpp"

#include <algorithm>

namespace iom::render {
namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_reset = "\x1b[0m";

// Cards are for people, so control characters are always escaped.
void append_text(std::string &out, std::string_view text, bool styled,
                 std::string_view style) {
  if (styled)
    out += style;
  util::append_escaped_control(out, text);
  if (styled)
    out += k_reset;
}

std::string label_of(const Column &column) {
  std::string label = column.header;
  for (char &c : label)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return label;
}

} // namespace

void write_cards(std::string &out, const Rows &rows, const Options &options) {
  std::size_t label_width = 0;
  for (std::size_t c = 1; c < rows.columns.size(); ++c)
    label_width = std::max(label_width, label_of(rows.columns[c]).size());

  for (std::size_t r = 0; r < rows.cells.size(); ++r) {
    const auto &row = rows.cells[r];
    if (r > 0)
      out += '\n';
    if (rows.columns.empty())
      continue;
    append_text(out, cell_at(row, 0).value(), options.color, k_bold);
    out += '\n';
    for (std::size_t c = 1; c < rows.columns.size(); ++c) {
      const Cell &cell = cell_at(row, c);
      std::string label = label_of(rows.columns[c]);
      bool dim = options.color && cell.emphasis == Emphasis::dim;
      std::vector<std::string_view> lines;
      if (rows.columns[c].is_list)
        lines.assign(cell.items.begin(), cell.items.end());
      else if (!cell.value().empty())
        lines.push_back(cell.value());
      if (lines.empty())
        lines.push_back("-");
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out += "  ";
        std::string_view shown = i == 0 ? std::string_view(label) : "";
        out += shown;
        out.append(label_width - shown.size() + 2, ' ');
        append_text(out, lines[i], dim, k_dim);
        out += '\n';
      }
    }
  }
}

} // namespace iom::render
