#include "docs/completions.hpp"

#include "docs/completion_bash.hpp"
#include "docs/completion_fish.hpp"
#include "docs/completion_zsh.hpp"
#include "docs/tree.hpp"

namespace iom::docs {

std::string completion_script(const CLI::App &app, Shell shell) {
  const Tree tree = read_tree(app);
  switch (shell) {
  case Shell::bash:
    return bash_script(tree);
  case Shell::zsh:
    return zsh_script(tree);
  case Shell::fish:
    return fish_script(tree);
  }
  return {};
}

} // namespace iom::docs
