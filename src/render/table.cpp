#include "render/table.hpp"

#include "util/utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace iom::render {

namespace {

constexpr int k_gap = 2; // spaces between table columns
// A narrowed column keeps at least this many columns (or its natural width),
// so a truncated value stays recognisable.
constexpr int k_min_width = 8;
constexpr int k_md_min_width = 3; // "---" is the shortest GFM separator
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_reset = "\x1b[0m";

struct Prepared {
  std::string text; // escaped, ready to print
  int width;
  std::string_view style; // ANSI start code, empty for none
};

Prepared prepare(std::string text, std::string_view style) {
  const int width = util::display_width(text);
  return {std::move(text), width, style};
}

// The text of a table cell: escaped, because the table is for people.
std::string table_text(std::string_view s) { return util::escape_control(s); }

// The text of a Markdown cell: line breaks become <br> and '|' is escaped so
// it cannot end the cell; other control characters are escaped as in the
// table.
std::string md_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '|' && c != '\n' && c != '\r') {
      continue;
    }
    util::append_escaped_control(out, s.substr(run, i - run));
    if (c == '|') {
      out += "\\|";
    } else {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;
      }
      out += "<br>";
    }
    run = i + 1;
  }
  util::append_escaped_control(out, s.substr(run));
  return out;
}

// The prepared grid: an optional header line, then one line per row.
struct Grid {
  std::vector<std::vector<Prepared>> lines;
  std::vector<int> widths;
  std::vector<bool> right; // numbers are right-aligned
};

template <typename Escape>
Grid prepare_grid(const Rows &rows, const Options &options, Escape escape,
                  bool styled) {
  const std::size_t ncols = rows.columns.size();
  Grid grid;
  grid.lines.reserve(rows.cells.size() + 1);
  if (options.header) {
    auto &line = grid.lines.emplace_back();
    for (const Column &column : rows.columns) {
      line.push_back(
          prepare(escape(column.header), styled ? k_bold : std::string_view()));
    }
  }
  for (const auto &row : rows.cells) {
    auto &line = grid.lines.emplace_back();
    line.reserve(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
      const Cell &cell = cell_at(row, c);
      const bool dim = styled && cell.emphasis == Emphasis::dim;
      line.push_back(
          prepare(escape(cell.value()), dim ? k_dim : std::string_view()));
    }
  }
  grid.widths.assign(ncols, 0);
  for (const auto &line : grid.lines) {
    for (std::size_t c = 0; c < ncols; ++c) {
      grid.widths[c] = std::max(grid.widths[c], line[c].width);
    }
  }
  for (const Column &column : rows.columns) {
    grid.right.push_back(column.is_number);
  }
  return grid;
}

// Narrows the widest column one step at a time until the table fits in
// max_width or no column can shrink, then truncates the cells that no longer
// fit.
void fit(Grid &grid, int max_width) {
  const std::size_t ncols = grid.widths.size();
  std::vector<int> floors(ncols);
  int total = k_gap * static_cast<int>(ncols - 1);
  for (std::size_t c = 0; c < ncols; ++c) {
    floors[c] = std::min(grid.widths[c], k_min_width);
    total += grid.widths[c];
  }
  bool narrowed = false;
  while (total > max_width) {
    std::size_t widest = ncols;
    for (std::size_t c = 0; c < ncols; ++c) {
      // ">=" picks the rightmost of equal columns: the first column usually
      // identifies the row and is the last one worth cutting.
      if (grid.widths[c] > floors[c] &&
          (widest == ncols || grid.widths[c] >= grid.widths[widest])) {
        widest = c;
      }
    }
    if (widest == ncols) {
      break;
    }
    --grid.widths[widest];
    --total;
    narrowed = true;
  }
  if (!narrowed) {
    return;
  }
  for (auto &line : grid.lines) {
    for (std::size_t c = 0; c < ncols; ++c) {
      Prepared &cell = line[c];
      if (cell.width > grid.widths[c]) {
        cell.text = util::truncate_to_width(cell.text, grid.widths[c]);
        cell.width = util::display_width(cell.text);
      }
    }
  }
}

void append_styled(std::string &out, const Prepared &cell) {
  if (cell.style.empty()) {
    out += cell.text;
    return;
  }
  out += cell.style;
  out += cell.text;
  out += k_reset;
}

// Padding is held back until something follows it, so no line ends in
// spaces, even when its last cells are empty.
void append_table_line(std::string &out, const std::vector<Prepared> &line,
                       const Grid &grid) {
  int pending = 0;
  for (std::size_t c = 0; c < line.size(); ++c) {
    const Prepared &cell = line[c];
    const int pad = grid.widths[c] - cell.width;
    if (cell.text.empty()) {
      pending += grid.widths[c] + k_gap;
      continue;
    }
    if (grid.right[c]) {
      pending += pad;
    }
    out.append(static_cast<std::size_t>(pending), ' ');
    append_styled(out, cell);
    pending = k_gap + (grid.right[c] ? 0 : pad);
  }
  out += '\n';
}

void append_md_line(std::string &out, const std::vector<Prepared> &line,
                    const Grid &grid) {
  out += '|';
  for (std::size_t c = 0; c < line.size(); ++c) {
    const Prepared &cell = line[c];
    const auto pad = static_cast<std::size_t>(grid.widths[c] - cell.width);
    out += ' ';
    if (grid.right[c]) {
      out.append(pad, ' ');
    }
    out += cell.text;
    if (!grid.right[c]) {
      out.append(pad, ' ');
    }
    out += " |";
  }
  out += '\n';
}

} // namespace

void write_table(std::string &out, const Rows &rows, const Options &options) {
  if (rows.columns.empty()) {
    return;
  }
  Grid grid = prepare_grid(rows, options, table_text, options.color);
  if (options.width > 0) {
    fit(grid, options.width);
  }
  for (const auto &line : grid.lines) {
    append_table_line(out, line, grid);
  }
}

// Markdown is for files, so it is never truncated nor coloured. Without a
// header it is not a GFM table any more, but -H asks for the rows only.
void write_md(std::string &out, const Rows &rows, const Options &options) {
  if (rows.columns.empty()) {
    return;
  }
  Grid grid = prepare_grid(rows, options, md_text, false);
  for (int &width : grid.widths) {
    width = std::max(width, k_md_min_width);
  }
  auto line = grid.lines.begin();
  if (options.header) {
    append_md_line(out, *line++, grid);
    out += '|';
    for (std::size_t c = 0; c < grid.widths.size(); ++c) {
      out += ' ';
      if (grid.right[c]) {
        out.append(static_cast<std::size_t>(grid.widths[c] - 1), '-');
        out += ':';
      } else {
        out.append(static_cast<std::size_t>(grid.widths[c]), '-');
      }
      out += " |";
    }
    out += '\n';
  }
  for (; line != grid.lines.end(); ++line) {
    append_md_line(out, *line, grid);
  }
}

} // namespace iom::render
