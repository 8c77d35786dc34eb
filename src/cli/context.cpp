#include "cli/context.hpp"

#include "dataset/builtin.hpp"
#include "dataset/load.hpp"
#include "query/index.hpp"

#include <cstdlib>

namespace iom::cli {

const Dataset &Context::data() {
  if (m_loaded)
    return *m_loaded;
  std::string path = options.data_path;
  if (path.empty())
    if (const char *env = std::getenv("IOM_DATA"))
      path = env;
  if (path.empty())
    return dataset::builtin();
  m_loaded = dataset::load_file(path);
  query::attach_keys(*m_loaded);
  return *m_loaded;
}

} // namespace iom::cli
