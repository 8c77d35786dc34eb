// The baseline of the `--data` benchmark: a bare toml++ parse of a file.
//
// usage: toml_parse FILE
//
// It reads the whole file into memory and parses it with toml++, configured as
// iom uses it (header-only, TOML_HEADER_ONLY=1, formatters off), then prints
// the number of [[entries]] so the parse cannot be optimised away. No schema
// check, no validation, no index: this is the floor that `iom --data FILE`
// is compared with (target: iom <= 1.3x this).

#include <toml++/toml.h>

#include <cstdio>
#include <string>
#include <string_view>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fputs("usage: toml_parse FILE\n", stderr);
    return 2;
  }
  std::FILE *file = std::fopen(argv[1], "rb");
  if (!file) {
    std::perror(argv[1]);
    return 2;
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
    text.append(buffer, n);
  std::fclose(file);

  try {
    toml::table root =
        toml::parse(std::string_view(text), std::string_view(argv[1]));
    const toml::array *entries = root["entries"].as_array();
    std::printf("%zu\n", entries ? entries->size() : std::size_t{0});
  } catch (const toml::parse_error &error) {
    std::fprintf(stderr, "%s:%u:%u: %.*s\n", argv[1],
                 static_cast<unsigned>(error.source().begin.line),
                 static_cast<unsigned>(error.source().begin.column),
                 static_cast<int>(error.description().size()),
                 error.description().data());
    return 1;
  }
  return 0;
}
