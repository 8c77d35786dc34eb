"""Lucene's AUTO fuzziness, as the matcher applies it per word (query::edit_bound),
for the tests and tools that must tell a typo within the budget from one outside it."""


def edits(a, b):
    """Damerau-Levenshtein (optimal string alignment): a transposition is one edit."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def auto_budget(word):
    """0 edits for 1-2 characters, 1 for 3-5, 2 beyond."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


def words_within_auto(words, meant_words):
    """As many words, each within the smaller of the two words' budgets."""
    return len(words) == len(meant_words) and all(
        edits(w, m) <= min(auto_budget(w), auto_budget(m)) for w, m in zip(words, meant_words))
