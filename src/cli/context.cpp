#include "cli/context.hpp"

#include "dataset/builtin.hpp"
#include "dataset/load.hpp"
#include "query/index.hpp"

#include <cstdlib>

namespace iom::cli {

Dataset load_dataset_file(const std::string &path) {
  const Dataset &builtin = dataset::builtin();
  Dataset loaded = dataset::load_file(path, builtin.world);
  if (loaded.world.data() == builtin.world.data()) {
    // No [[world]] of its own: the built-in world, with its names.
    loaded.world_aliases = builtin.world_aliases;
    loaded.shared_names = builtin.shared_names;
    loaded.confusables = builtin.confusables;
  }
  return loaded;
}

const Dataset &Context::data() {
  if (m_loaded)
    return *m_loaded;
  std::string path = options.data_path;
  if (path.empty())
    if (const char *env = std::getenv("IOM_DATA"))
      path = env;
  if (path.empty())
    return dataset::builtin();
  m_loaded = load_dataset_file(path);
  return *m_loaded;
}

const Dataset &Context::indexed() {
  const Dataset &loaded = data();
  if (!m_loaded || m_indexed)
    return loaded; // the built-in dataset's keys are generated with it
  query::attach_keys(*m_loaded);
  m_indexed = true;
  return *m_loaded;
}

} // namespace iom::cli
