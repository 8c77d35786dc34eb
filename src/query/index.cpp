#include "query/index.hpp"

#include "query/keys.hpp"
#include "query/word_index.hpp"

#include <vector>

namespace iom::query {
namespace {

struct KeyStorage {
  std::vector<OwnedKey> owned;
  std::vector<Key> keys;
  std::vector<std::uint32_t> slots;
  OwnedWordIndex words; // views `owned`
};

} // namespace

void attach_keys(Dataset &data) {
  auto storage = std::make_shared<KeyStorage>();
  storage->owned = build_keys(data);
  storage->keys.reserve(storage->owned.size());
  for (const auto &key : storage->owned)
    storage->keys.push_back({key.key, key.place, key.kind});
  data.keys = storage->keys;
  storage->slots = build_key_slots(storage->keys);
  data.key_slots = storage->slots;
  storage->words = build_word_index(storage->keys);
  data.word_index = storage->words.view();
  data.key_storage = storage;
}

} // namespace iom::query
