#include "util/choices.hpp"

namespace iom::util {

std::string encode_choices(Choices choices) {
  std::string out = "{";
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0)
      out += ',';
    out += choices[i].value;
  }
  out += '}';
  return out;
}

std::vector<std::string> decode_choices(std::string_view text) {
  std::vector<std::string> out;
  if (text.size() < 2 || text.front() != '{' || text.back() != '}')
    return out;
  text = text.substr(1, text.size() - 2);
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos)
      break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string join_choices(Choices choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0)
      out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i].value;
  }
  return out;
}

const Choice *find_choice(Choices choices, std::string_view value) {
  for (const Choice &choice : choices)
    if (choice.value == value)
      return &choice;
  return nullptr;
}

} // namespace iom::util
