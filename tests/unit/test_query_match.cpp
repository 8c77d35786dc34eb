#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "query/keys.hpp"
#include "query/match.hpp"

using namespace iom;
using namespace iom::query;

namespace {

constexpr std::array<std::string_view, 1> k_jordan_aliases{
    "Hashemite Kingdom of Jordan"};
constexpr std::array<std::string_view, 3> k_uk_aliases{"UK", "Great Britain",
                                                       "Britain"};
constexpr std::array<std::string_view, 1> k_brussels{"Brussels"};
constexpr std::array<std::string_view, 2> k_turkiye_aliases{"Turkey", "Türkei"};
constexpr std::array<std::string_view, 1> k_cote_aliases{"Ivory Coast"};
constexpr std::array<std::string_view, 2> k_us_aliases{
    "United States of America", "America"};

Entry country(std::string_view id, std::string_view name,
              std::string_view short_name, std::string_view iso2,
              std::string_view iso3, std::string_view numeric,
              Strings aliases = {}) {
  return Entry{.id = id,
               .name = name,
               .short_name = short_name,
               .kind = Kind::country,
               .iso2 = iso2,
               .iso3 = iso3,
               .numeric = numeric,
               .code_status = CodeStatus::iso,
               .region = k_no_region,
               .region_basis = Basis::sourced,
               .region_source = {},
               .type = TypeIndex{0},
               .type_basis = Basis::assumed,
               .type_source = {},
               .city = {},
               .host = {},
               .languages = {},
               .aliases = aliases,
               .sources = {},
               .note = {}};
}

Entry office(std::string_view id, std::string_view name, Strings aliases = {}) {
  Entry e = country(id, name, name, "", "", "", aliases);
  e.kind = Kind::office;
  e.code_status = CodeStatus::none;
  return e;
}

enum Index : EntryIndex {
  afghanistan,
  niger,
  nigeria,
  peru,
  perugia,
  jordan,
  united_kingdom,
  tanzania,
  global_brussels,
  subregional_brussels,
  turkiye,
  cote_divoire,
  saint_lucia,
  sao_tome,
  colombia,
  philippines,
  tunisia,
  nepal,
  saint_vincent,
  casperu,
  entry_count,
};

const std::array<Entry, entry_count> k_entries{
    country("afghanistan", "Afghanistan", "Afghanistan", "AF", "AFG", "004"),
    country("niger", "Niger (the)", "Niger", "NE", "NER", "562"),
    country("nigeria", "Nigeria", "Nigeria", "NG", "NGA", "566"),
    country("peru", "Peru", "Peru", "PE", "PER", "604"),
    office("perugia", "Perugia Liaison Office"),
    country("jordan", "Jordan", "Jordan", "JO", "JOR", "400", k_jordan_aliases),
    country("united-kingdom",
            "United Kingdom of Great Britain and Northern Ireland (the)",
            "United Kingdom", "GB", "GBR", "826", k_uk_aliases),
    country("tanzania", "United Republic of Tanzania (the)", "Tanzania", "TZ",
            "TZA", "834"),
    office("global-office-brussels", "Global Office in Brussels", k_brussels),
    office("subregional-office-brussels", "Subregional Office in Brussels",
           k_brussels),
    country("turkiye", "Türkiye", "Türkiye", "TR", "TUR", "792",
            k_turkiye_aliases),
    country("cote-divoire", "Côte d'Ivoire", "Côte d'Ivoire", "CI", "CIV",
            "384", k_cote_aliases),
    country("saint-lucia", "Saint Lucia", "Saint Lucia", "LC", "LCA", "662"),
    country("sao-tome", "Sao Tome and Principe", "São Tomé and Príncipe", "ST",
            "STP", "678"),
    country("colombia", "Colombia", "Colombia", "CO", "COL", "170"),
    country("philippines", "Philippines (the)", "Philippines", "PH", "PHL",
            "608"),
    country("tunisia", "Tunisia", "Tunisia", "TN", "TUN", "788"),
    country("nepal", "Nepal", "Nepal", "NP", "NPL", "524"),
    country("saint-vincent", "Saint Vincent and the Grenadines",
            "Saint Vincent and the Grenadines", "VC", "VCT", "670"),
    // A name with "peru" inside a word.
    office("casperu", "Casperu Centre"),
};

const std::array<Host, 1> k_hosts{
    Host{"US", "USA", "840", "United States", k_us_aliases}};

struct TestData {
  std::vector<OwnedKey> owned;
  std::vector<Key> keys;
  Dataset data;
};

const Dataset &test_data() {
  static const TestData storage = [] {
    TestData t;
    t.owned = build_keys(k_entries);
    for (const OwnedKey &k : t.owned)
      t.keys.push_back({k.key, k.place, k.kind});
    t.data.entries = k_entries;
    t.data.hosts = k_hosts;
    t.data.keys = t.keys;
    t.data.origin = "test";
    return t;
  }();
  return storage.data;
}

std::vector<EntryIndex> entries_of(const std::vector<Match> &matches) {
  std::vector<EntryIndex> out;
  for (const Match &m : matches)
    out.push_back(m.place);
  return out;
}

std::vector<EntryIndex> entries_of(const std::vector<Candidate> &ranked) {
  std::vector<EntryIndex> out;
  for (const Candidate &c : ranked)
    out.push_back(c.place);
  return out;
}

using Entries = std::vector<EntryIndex>;

bool contains(const std::vector<Candidate> &ranked, EntryIndex entry) {
  for (const Candidate &c : ranked)
    if (c.place == entry)
      return true;
  return false;
}

} // namespace

// build_keys

TEST_CASE("keys: every name and code of an entry becomes a normalised key") {
  const std::array<std::string_view, 1> aliases{"Ivory Coast"};
  const std::array<Entry, 1> entries{country("cote-divoire", "Côte d'Ivoire",
                                             "Cote d'Ivoire", "CI", "CIV",
                                             "384", aliases)};
  const std::vector<OwnedKey> keys = build_keys(entries);
  REQUIRE(keys.size() == 5);
  CHECK(keys[0].key == "384");
  CHECK(keys[0].kind == KeyKind::numeric);
  CHECK(keys[1].key == "ci");
  CHECK(keys[1].kind == KeyKind::iso2);
  CHECK(keys[2].key == "civ");
  CHECK(keys[2].kind == KeyKind::iso3);
  // name, short_name and id normalise alike: the name (strongest) is kept.
  CHECK(keys[3].key == "cote divoire");
  CHECK(keys[3].kind == KeyKind::name);
  CHECK(keys[4].key == "ivory coast");
  CHECK(keys[4].kind == KeyKind::alias);
  for (const OwnedKey &k : keys)
    CHECK(k.place == 0);
}

TEST_CASE("keys: empty fields give no key and numeric codes lose zeros") {
  const std::array<Entry, 1> entries{
      country("afghanistan", "Afghanistan", "", "AF", "", "004")};
  const std::vector<OwnedKey> keys = build_keys(entries);
  REQUIRE(keys.size() == 3);
  CHECK(keys[0].key == "4");
  CHECK(keys[1].key == "af");
  CHECK(keys[2].key == "afghanistan");
}

TEST_CASE("keys: a shared key is kept once per entry, sorted by entry") {
  const std::vector<OwnedKey> keys = build_keys(k_entries);
  std::vector<EntryIndex> brussels;
  for (const OwnedKey &k : keys)
    if (k.key == "brussels") {
      brussels.push_back(k.place);
      CHECK(k.kind == KeyKind::alias);
    }
  CHECK(brussels == Entries{global_brussels, subregional_brussels});
  for (std::size_t i = 1; i < keys.size(); ++i) {
    const bool ordered =
        keys[i - 1].key < keys[i].key ||
        (keys[i - 1].key == keys[i].key && keys[i - 1].place < keys[i].place);
    CHECK(ordered);
  }
}

TEST_CASE("keys: a code outranks a name with the same text") {
  const std::array<std::string_view, 1> aliases{"UK"};
  const std::array<Entry, 1> entries{
      country("uk", "UK", "United Kingdom", "UK", "", "", aliases)};
  const std::vector<OwnedKey> keys = build_keys(entries);
  // "uk" as a code first, then as a name and an alias (From tells the three
  // apart); the name's short_name twin is dropped.
  REQUIRE(keys.size() == 4);
  CHECK(keys[0].key == "uk");
  CHECK(keys[0].kind == KeyKind::iso2);
  CHECK(keys[1].key == "uk");
  CHECK(keys[1].kind == KeyKind::name);
  CHECK(keys[2].key == "uk");
  CHECK(keys[2].kind == KeyKind::alias);
  CHECK(keys[3].key == "united kingdom");
  CHECK(keys[3].kind == KeyKind::short_name);
}

// lookup

TEST_CASE("lookup: a name matches in any case and accent") {
  const Dataset &data = test_data();
  CHECK(entries_of(lookup(data, "Türkiye")) == Entries{turkiye});
  CHECK(entries_of(lookup(data, "TURKIYE")) == Entries{turkiye});
  CHECK(entries_of(lookup(data, "cote d’ivoire")) == Entries{cote_divoire});
  CHECK(entries_of(lookup(data, "Niger")) == Entries{niger});
  CHECK(entries_of(lookup(data, "the Niger")) == Entries{niger});
  CHECK(entries_of(lookup(data, "St. Lucia")) == Entries{saint_lucia});
  CHECK(entries_of(lookup(data, "St Vincent & the Grenadines")) ==
        Entries{saint_vincent});
}

TEST_CASE("lookup: the kind says which key matched") {
  const Dataset &data = test_data();
  const std::vector<Match> by_alias = lookup(data, "Turkey");
  REQUIRE(by_alias.size() == 1);
  CHECK(by_alias[0].place == turkiye);
  CHECK(by_alias[0].kind == KeyKind::alias);
  const std::vector<Match> by_code = lookup(data, "ner");
  REQUIRE(by_code.size() == 1);
  CHECK(by_code[0].place == niger);
  CHECK(by_code[0].kind == KeyKind::iso3);
  const std::vector<Match> by_short = lookup(data, "United Kingdom");
  REQUIRE(by_short.size() == 1);
  CHECK(by_short[0].kind == KeyKind::short_name);
}

TEST_CASE("lookup: codes match with or without leading zeros") {
  const Dataset &data = test_data();
  CHECK(entries_of(lookup(data, "004")) == Entries{afghanistan});
  CHECK(entries_of(lookup(data, "4")) == Entries{afghanistan});
  CHECK(entries_of(lookup(data, "0004")) == Entries{afghanistan});
  CHECK(entries_of(lookup(data, "NE")) == Entries{niger});
  CHECK(entries_of(lookup(data, "ng")) == Entries{nigeria});
  CHECK(entries_of(lookup(data, "GBR")) == Entries{united_kingdom});
}

TEST_CASE("lookup: a shared alias gives every entry, in entry order") {
  const Dataset &data = test_data();
  CHECK(entries_of(lookup(data, "BRUSSELS")) ==
        Entries{global_brussels, subregional_brussels});
}

TEST_CASE("lookup: nothing matches a partial or unknown name") {
  const Dataset &data = test_data();
  CHECK(lookup(data, "nige").empty());
  CHECK(lookup(data, "uni").empty());
  CHECK(lookup(data, "turky").empty());
  CHECK(lookup(data, "").empty());
  CHECK(lookup(data, "  ()  ").empty());
  CHECK(lookup(data, "\xff").empty());
}

TEST_CASE("lookup: a name does not match inside a longer one") {
  const Dataset &data = test_data();
  CHECK(entries_of(lookup(data, "peru")) == Entries{peru});
  CHECK(entries_of(lookup(data, "perugia")) == Entries{perugia});
  CHECK(entries_of(lookup(data, "niger")) == Entries{niger});
}

TEST_CASE("lookup: the code ST is Sao Tome but the word saint is no code") {
  const Dataset &data = test_data();
  CHECK(entries_of(lookup(data, "ST")) == Entries{sao_tome});
  CHECK(entries_of(lookup(data, "s.t.")) == Entries{sao_tome});
  CHECK(lookup(data, "saint").empty());
  CHECK(lookup(data, "Saint", From::iso2).empty());
}

TEST_CASE("lookup: From restricts the keys that may match") {
  const Dataset &data = test_data();
  CHECK(entries_of(lookup(data, "ne", From::iso2)) == Entries{niger});
  CHECK(lookup(data, "ne", From::iso3).empty());
  CHECK(lookup(data, "ner", From::iso2).empty());
  CHECK(entries_of(lookup(data, "ner", From::iso3)) == Entries{niger});
  CHECK(entries_of(lookup(data, "562", From::numeric)) == Entries{niger});
  CHECK(lookup(data, "562", From::name).empty());
  CHECK(entries_of(lookup(data, "niger", From::name)) == Entries{niger});
  CHECK(lookup(data, "niger", From::alias).empty());
  CHECK(entries_of(lookup(data, "ivory coast", From::alias)) ==
        Entries{cote_divoire});
  CHECK(lookup(data, "ivory coast", From::name).empty());
  // The id counts as a name.
  CHECK(entries_of(lookup(data, "global-office-brussels", From::name)) ==
        Entries{global_brussels});
}

TEST_CASE("lookup_into: clears its output and reuses its buffers") {
  const Dataset &data = test_data();
  std::vector<Match> out{{1, KeyKind::name}, {2, KeyKind::name}};
  out.reserve(8);
  std::string scratch;
  scratch.reserve(64);
  const auto *out_data = out.data();
  const auto *scratch_data = scratch.data();
  lookup_into(out, scratch, data, "Peru");
  CHECK(entries_of(out) == Entries{peru});
  lookup_into(out, scratch, data, "no such place");
  CHECK(out.empty());
  CHECK(out.data() == out_data);
  CHECK(scratch.data() == scratch_data);
}

// search

TEST_CASE("search: reasons have stable names") {
  CHECK(to_string(Reason::exact) == "exact");
  CHECK(to_string(Reason::alias) == "alias");
  CHECK(to_string(Reason::code) == "code");
  CHECK(to_string(Reason::prefix) == "prefix");
  CHECK(to_string(Reason::token) == "token");
  CHECK(to_string(Reason::edit) == "edit");
}

TEST_CASE("search: an exact name ranks first, a longer name as a prefix") {
  const std::vector<Candidate> ranked = search(test_data(), "niger");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].place == niger);
  CHECK(ranked[0].reason == Reason::exact);
  CHECK(ranked[0].score == 900);
  CHECK(ranked[0].key == "niger");
  CHECK(ranked[1].place == nigeria);
  CHECK(ranked[1].reason == Reason::prefix);
  CHECK(ranked[1].score == 600 + 99 * 5 / 7);
  CHECK(ranked[1].key == "nigeria");
}

TEST_CASE("search: a two-letter code ranks its entry first") {
  const std::vector<Candidate> ne = search(test_data(), "NE");
  REQUIRE(ne.size() == 2);
  CHECK(ne[0].place == niger);
  CHECK(ne[0].reason == Reason::code);
  CHECK(ne[0].score == 1000);
  CHECK(ne[0].key == "ne");
  CHECK(ne[1].place == nepal);
  CHECK(ne[1].reason == Reason::prefix);

  const std::vector<Candidate> ng = search(test_data(), "ng");
  REQUIRE(ng.size() == 1);
  CHECK(ng[0].place == nigeria);
  CHECK(ng[0].reason == Reason::code);
}

TEST_CASE("search: a three-letter code ranks its entry first") {
  const std::vector<Candidate> ranked = search(test_data(), "PER");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].place == peru);
  CHECK(ranked[0].reason == Reason::code);
  CHECK(ranked[0].key == "per");
  CHECK(ranked[1].place == perugia);
  CHECK(ranked[1].reason == Reason::prefix);
}

TEST_CASE("search: peru is not found inside another word") {
  const std::vector<Candidate> ranked = search(test_data(), "Peru");
  CHECK(entries_of(ranked) == Entries{peru, perugia});
  CHECK(ranked[0].reason == Reason::exact);
  CHECK(ranked[1].reason == Reason::prefix);
  CHECK_FALSE(contains(ranked, casperu));
}

TEST_CASE("search: a longer word does not match a name inside it") {
  const std::vector<Candidate> ranked = search(test_data(), "Perugia");
  CHECK(entries_of(ranked) == Entries{perugia});
  CHECK(ranked[0].reason == Reason::exact); // its id
}

TEST_CASE("search: uni finds only names with a word starting uni") {
  const std::vector<Candidate> ranked = search(test_data(), "uni");
  CHECK(entries_of(ranked) == Entries{united_kingdom, tanzania});
  CHECK(ranked[0].reason == Reason::prefix);
  CHECK(ranked[0].key == "united kingdom"); // the key it covers most of
  CHECK(ranked[0].score == 600 + 99 * 3 / 14);
  CHECK_FALSE(contains(ranked, jordan));
  CHECK_FALSE(contains(ranked, tunisia));
}

TEST_CASE("search: a short query matches at word starts only") {
  CHECK(entries_of(search(test_data(), "erl")).empty());
  CHECK(entries_of(search(test_data(), "king")) ==
        Entries{united_kingdom, jordan});
}

TEST_CASE("search: a prefix ending on a whole word scores 100 more") {
  const std::vector<Candidate> whole = search(test_data(), "perugia liaison");
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].reason == Reason::prefix);
  CHECK(whole[0].score == 600 + 100 + 99 * 15 / 22);
  const std::vector<Candidate> part = search(test_data(), "perugia liais");
  REQUIRE(part.size() == 1);
  CHECK(part[0].reason == Reason::prefix);
  CHECK(part[0].score == 600 + 99 * 13 / 22);
}

TEST_CASE("search: query words may match words anywhere in a name") {
  const std::vector<Candidate> ranked = search(test_data(), "kingdom united");
  REQUIRE(ranked.size() == 1);
  CHECK(ranked[0].place == united_kingdom);
  CHECK(ranked[0].reason == Reason::token);
  CHECK(ranked[0].key == "united kingdom");
  CHECK(ranked[0].score == 400 + 100 + 99 * 14 / 14);

  const std::vector<Candidate> partial = search(test_data(), "rep tanz");
  REQUIRE(partial.size() == 1);
  CHECK(partial[0].place == tanzania);
  CHECK(partial[0].reason == Reason::token);
}

TEST_CASE("search: each query word needs a word of its own") {
  CHECK(search(test_data(), "brussels brussels").empty());
}

TEST_CASE("search: typos are found by edit distance") {
  const std::vector<Candidate> turky = search(test_data(), "turky");
  REQUIRE_FALSE(turky.empty());
  CHECK(turky[0].place == turkiye);
  CHECK(turky[0].reason == Reason::edit);
  CHECK(turky[0].key == "turkey");
  CHECK(turky[0].distance == 1);
  CHECK(turky[0].score == 250);

  const std::vector<Candidate> columbia = search(test_data(), "columbia");
  REQUIRE(columbia.size() == 1);
  CHECK(columbia[0].place == colombia);
  CHECK(columbia[0].distance == 1);

  const std::vector<Candidate> phil = search(test_data(), "phillipines");
  REQUIRE(phil.size() == 1);
  CHECK(phil[0].place == philippines);
  CHECK(phil[0].distance == 2);
  CHECK(phil[0].score == 200);
}

TEST_CASE("search: a typo in one word of a longer name is found") {
  const std::vector<Candidate> ranked = search(test_data(), "tanzanja");
  REQUIRE(ranked.size() == 1);
  CHECK(ranked[0].place == tanzania);
  CHECK(ranked[0].reason == Reason::edit);
  CHECK(ranked[0].key == "tanzania");
  CHECK(ranked[0].score == 250);

  const std::vector<Candidate> in_word = search(test_data(), "grenadnes");
  REQUIRE(in_word.size() == 1);
  CHECK(in_word[0].place == saint_vincent);
  CHECK(in_word[0].score == 150);
  CHECK(in_word[0].distance == 1);
}

TEST_CASE("search: short queries get no typo tolerance") {
  CHECK(search(test_data(), "pem").empty());
  CHECK(search(test_data(), "nx").empty());
}

TEST_CASE("search: an alias match names the alias") {
  const std::vector<Candidate> ranked = search(test_data(), "ivory coast");
  REQUIRE(ranked.size() == 1);
  CHECK(ranked[0].place == cote_divoire);
  CHECK(ranked[0].reason == Reason::alias);
  CHECK(ranked[0].score == 850);
}

TEST_CASE("search: equal scores rank by entry index") {
  const std::vector<Candidate> ranked = search(test_data(), "brussels");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].place == global_brussels);
  CHECK(ranked[1].place == subregional_brussels);
  CHECK(ranked[0].score == ranked[1].score);
}

TEST_CASE("search: the word saint is no code, the code ST is") {
  const std::vector<Candidate> saint = search(test_data(), "saint");
  CHECK(entries_of(saint) == Entries{saint_lucia, saint_vincent});
  CHECK(saint[0].reason == Reason::prefix);

  const std::vector<Candidate> st = search(test_data(), "ST");
  REQUIRE_FALSE(st.empty());
  CHECK(st[0].place == sao_tome);
  CHECK(st[0].reason == Reason::code);
}

TEST_CASE("search: an empty query finds nothing") {
  CHECK(search(test_data(), "").empty());
  CHECK(search(test_data(), " - ").empty());
}

// confident

TEST_CASE("confident: an exact, alias or code match is taken") {
  const auto niger_top = confident(search(test_data(), "niger"));
  REQUIRE(niger_top);
  CHECK(niger_top->place == niger);
  const auto code_top = confident(search(test_data(), "ne"));
  REQUIRE(code_top);
  CHECK(code_top->place == niger);
  const auto alias_top = confident(search(test_data(), "ivory coast"));
  REQUIRE(alias_top);
  CHECK(alias_top->place == cote_divoire);
}

TEST_CASE("confident: a tie is never taken") {
  CHECK_FALSE(confident(search(test_data(), "brussels")));
}

TEST_CASE("confident: a clear typo is taken") {
  const auto turky = confident(search(test_data(), "turky"));
  REQUIRE(turky);
  CHECK(turky->place == turkiye);
  const auto columbia = confident(search(test_data(), "columbia"));
  REQUIRE(columbia);
  CHECK(columbia->place == colombia);
  const auto phil = confident(search(test_data(), "phillipines"));
  REQUIRE(phil);
  CHECK(phil->place == philippines);
}

TEST_CASE("confident: a prefix covering most of one name is taken") {
  // Unless it is also one edit from another name: two countries.
  CHECK_FALSE(confident(search(test_data(), "nigeri")));
  const auto top = confident(search(test_data(), "nigeria"));
  REQUIRE(top);
  CHECK(top->place == nigeria);
  const auto half = confident(search(test_data(), "philip")); // 6 of 11
  REQUIRE(half);
  CHECK(half->place == philippines);
}

TEST_CASE("confident: whole words of one name alone are taken") {
  const auto top = confident(search(test_data(), "northern ireland"));
  REQUIRE(top);
  CHECK(top->place == united_kingdom);
  CHECK(top->reason == Reason::token);
}

TEST_CASE("confident: a close second blocks a fuzzy top") {
  // united kingdom 700+99*6/14 = 742, tanzania 700+99*6/27 = 722.
  CHECK_FALSE(confident(search(test_data(), "united")));
}

TEST_CASE("confident: a weak match alone is not taken") {
  // A short prefix covering little of the name.
  CHECK_FALSE(confident(search(test_data(), "phi"))); // 3 of 11 bytes
  // A one-edit match on one word of a longer name.
  CHECK_FALSE(confident(search(test_data(), "grenadnes")));
  CHECK_FALSE(confident({}));
}

TEST_CASE("confident: built candidates follow the margin rule") {
  const std::vector<Candidate> close{{1, 250, Reason::edit, "a", 1},
                                     {2, 250, Reason::edit, "b", 1}};
  CHECK_FALSE(confident(close));
  // A second candidate that could be a guess on its own is another
  // country the query may mean, however far behind.
  const std::vector<Candidate> two{{1, 700, Reason::prefix, "a", 0},
                                   {2, 250, Reason::edit, "b", 1}};
  CHECK_FALSE(confident(two));
  const std::vector<Candidate> clear{{1, 250, Reason::edit, "a", 1},
                                     {2, 150, Reason::edit, "b", 3}};
  REQUIRE(confident(clear));
  CHECK(confident(clear)->place == 1);
  const std::vector<Candidate> exact{{1, 900, Reason::exact, "a", 0},
                                     {2, 899, Reason::prefix, "ab", 0}};
  REQUIRE(confident(exact));
  const std::vector<Candidate> tied{{1, 900, Reason::exact, "a", 0},
                                    {2, 900, Reason::exact, "a", 0}};
  CHECK_FALSE(confident(tied));
}

// suggest

TEST_CASE("suggest: offers the typo's likely targets") {
  const std::vector<Candidate> turky = suggest(test_data(), "turky");
  REQUIRE_FALSE(turky.empty());
  CHECK(turky[0].place == turkiye);
  CHECK(entries_of(suggest(test_data(), "nigr")) == Entries{niger});
}

TEST_CASE("suggest: caps the list at the limit") {
  CHECK(suggest(test_data(), "s", 2).size() == 2);
  CHECK(suggest(test_data(), "s", 0).empty());
}

TEST_CASE("suggest: drops candidates far behind the best") {
  // "nigeri" is a prefix of Nigeria (770) and one edit from Niger (250).
  CHECK(entries_of(suggest(test_data(), "nigeri")) == Entries{nigeria});
}

TEST_CASE("suggest: drops weak matches") {
  // Three edits from one word of a name scores 50, below the floor.
  CHECK(suggest(test_data(), "grenxxxnes").empty());
  CHECK(suggest(test_data(), "zzzz").empty());
}

// find_host

TEST_CASE("find_host: matches a host by name, alias or code") {
  const Dataset &data = test_data();
  const Host *us = &k_hosts[0];
  CHECK(find_host(data, "United States") == us);
  CHECK(find_host(data, "the United States") == us);
  CHECK(find_host(data, "UNITED STATES OF AMERICA") == us);
  CHECK(find_host(data, "america") == us);
  CHECK(find_host(data, "US") == us);
  CHECK(find_host(data, "u.s.") == us);
  CHECK(find_host(data, "usa") == us);
  CHECK(find_host(data, "840") == us);
  CHECK(find_host(data, "0840") == us);
}

TEST_CASE("find_host: no host for a partial name or an entry") {
  const Dataset &data = test_data();
  CHECK(find_host(data, "united") == nullptr);
  CHECK(find_host(data, "states") == nullptr);
  CHECK(find_host(data, "Peru") == nullptr);
  CHECK(find_host(data, "") == nullptr);
}
