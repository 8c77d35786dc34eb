// The candidate-index methods of issue 17 point 1, side by side on the real
// words of the built-in keys (world names, French and Spanish, aliases).
//
// usage: iom_index_methods METHOD < queries.txt
//
// Every word of every line of stdin, normalised, is a query word. METHOD finds
// the words of the keys within edit_bound(query) edits of it (what search's
// edit steps need) and verifies each candidate with the edit distance:
//   none      reads and splits the input only (the baseline to subtract)
//   deletion  the symmetric-deletion index that iom ships (near_words)
//   bktree    a BK-tree over the words; Levenshtein, since the optimal
//             string alignment distance breaks the triangle inequality
//             that the tree's pruning needs, so radius 2 * bound
//   qgram     bigram postings with a count filter
//   scan      every word of a similar length whose letters could match
//             (what search did before the index)
// Prints one line: method, queries, candidates verified, words found, and
// a checksum of the words found, which must agree between methods.
// run.sh times each method with callgrind and subtracts `none`.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dataset/builtin.hpp"
#include "query/distance.hpp"
#include "query/normalise.hpp"
#include "query/word_index.hpp"

namespace {

using iom::query::damerau_levenshtein;
using iom::query::edit_bound;

int levenshtein(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

struct BkNode {
  std::uint32_t word;
  std::unordered_map<int, std::unique_ptr<BkNode>> children;
};

class BkTree {
public:
  explicit BkTree(std::span<const std::string_view> words) : m_words(words) {
    for (std::uint32_t w = 0; w < words.size(); ++w)
      insert(w);
  }
  template <typename Visit>
  void near(std::string_view q, int radius, Visit visit) const {
    std::vector<const BkNode *> stack{m_root.get()};
    while (!stack.empty()) {
      const BkNode *node = stack.back();
      stack.pop_back();
      const int d = levenshtein(q, m_words[node->word]);
      ++m_distances;
      if (d <= radius)
        visit(node->word);
      for (const auto &[edge, child] : node->children)
        if (edge >= d - radius && edge <= d + radius)
          stack.push_back(child.get());
    }
  }
  std::size_t distances() const { return m_distances; }

private:
  void insert(std::uint32_t w) {
    if (!m_root) {
      m_root = std::make_unique<BkNode>(BkNode{w, {}});
      return;
    }
    BkNode *node = m_root.get();
    for (;;) {
      const int d = levenshtein(m_words[w], m_words[node->word]);
      auto &child = node->children[d];
      if (!child) {
        child = std::make_unique<BkNode>(BkNode{w, {}});
        return;
      }
      node = child.get();
    }
  }
  std::span<const std::string_view> m_words;
  std::unique_ptr<BkNode> m_root;
  mutable std::size_t m_distances = 0;
};

// Bigrams of "^word$"; a word within d edits of the query shares at least
// max(|q|, |w|) + 1 - 3d of them (a transposition breaks three).
class QGrams {
public:
  explicit QGrams(std::span<const std::string_view> words) : m_words(words) {
    for (std::uint32_t w = 0; w < words.size(); ++w)
      for (const std::uint32_t g : grams(words[w]))
        m_postings[g].push_back(w);
    m_counts.assign(words.size(), 0);
  }
  template <typename Visit>
  void near(std::string_view q, int bound, Visit visit) {
    std::vector<std::uint32_t> touched;
    for (const std::uint32_t g : grams(q)) {
      const auto it = m_postings.find(g);
      if (it == m_postings.end())
        continue;
      for (const std::uint32_t w : it->second)
        if (m_counts[w]++ == 0)
          touched.push_back(w);
    }
    // A threshold of 0 or less lets every word of a fitting length through.
    for (std::uint32_t w = 0; w < m_words.size(); ++w) {
      const std::size_t longest = std::max(q.size(), m_words[w].size());
      const long need = static_cast<long>(longest) + 1 - 3L * bound;
      const std::size_t gap = q.size() > m_words[w].size()
                                  ? q.size() - m_words[w].size()
                                  : m_words[w].size() - q.size();
      if (gap <= static_cast<std::size_t>(bound) &&
          (need <= 0 || m_counts[w] >= need))
        visit(w);
    }
    for (const std::uint32_t w : touched)
      m_counts[w] = 0;
  }

private:
  static std::vector<std::uint32_t> grams(std::string_view word) {
    std::vector<std::uint32_t> out;
    std::string padded(1, '^');
    padded.append(word);
    padded.push_back('$');
    for (std::size_t i = 0; i + 1 < padded.size(); ++i)
      out.push_back(static_cast<unsigned char>(padded[i]) << 8 |
                    static_cast<unsigned char>(padded[i + 1]));
    std::sort(out.begin(), out.end());
    return out;
  }
  std::span<const std::string_view> m_words;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_postings;
  std::vector<std::uint32_t> m_counts;
};

std::uint32_t letters(std::string_view text) {
  std::uint32_t mask = 0;
  for (const char c : text)
    mask |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
  return mask;
}

int popcount(std::uint32_t bits) {
  int n = 0;
  for (; bits != 0; bits &= bits - 1)
    ++n;
  return n;
}

} // namespace

int main(int argc, char **argv) {
  const std::string method = argc == 2 ? argv[1] : "";
  const iom::WordIndex &index = iom::dataset::builtin().word_index;
  const auto words = index.words;
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(std::cin, line)) {
    line = iom::query::normalise(line);
    std::size_t start = 0;
    while (start < line.size()) {
      const std::size_t end = std::min(line.find(' ', start), line.size());
      if (end > start)
        queries.push_back(line.substr(start, end - start));
      start = end + 1;
    }
  }
  std::size_t verified = 0;
  std::size_t found = 0;
  std::uint64_t checksum = 0;
  const auto check = [&](std::string_view q, std::uint32_t w) {
    ++verified;
    const int bound = edit_bound(q.size());
    if (damerau_levenshtein(q, words[w], bound) <= bound) {
      ++found;
      checksum += (w + 1) * 2654435761u ^ q.size();
    }
  };

  if (method == "none") {
  } else if (method == "deletion") {
    std::vector<std::uint32_t> near;
    for (const std::string &q : queries) {
      iom::query::near_words(index, q, near);
      for (const std::uint32_t w : near)
        check(q, w);
    }
  } else if (method == "bktree") {
    const BkTree tree(words);
    for (const std::string &q : queries)
      tree.near(q, 2 * edit_bound(q.size()),
                [&](std::uint32_t w) { check(q, w); });
    std::fprintf(stderr, "bktree: %zu Levenshtein distances\n",
                 tree.distances());
  } else if (method == "qgram") {
    QGrams grams(words);
    for (const std::string &q : queries)
      grams.near(q, edit_bound(q.size()),
                 [&](std::uint32_t w) { check(q, w); });
  } else if (method == "scan") {
    std::vector<std::uint32_t> masks;
    for (const std::string_view w : words)
      masks.push_back(letters(w));
    for (const std::string &q : queries) {
      const int bound = edit_bound(q.size());
      const std::uint32_t mask = letters(q);
      for (std::uint32_t w = 0; w < words.size(); ++w) {
        const std::size_t n = words[w].size();
        if (n + bound < q.size() || n > q.size() + bound ||
            popcount(mask & ~masks[w]) > bound ||
            popcount(masks[w] & ~mask) > bound)
          continue;
        check(q, w);
      }
    }
  } else {
    std::fprintf(stderr, "usage: iom_index_methods "
                         "none|deletion|bktree|qgram|scan < queries\n");
    return 2;
  }
  std::printf("%s\t%zu\t%zu\t%zu\t%llu\n", method.c_str(), queries.size(),
              verified, found, static_cast<unsigned long long>(checksum));
  return 0;
}
