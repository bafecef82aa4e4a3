// The near-duplicate engine on the seeds and on constructed sets.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "winnow/dedup.hpp"

using namespace winnow;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> seed_files() {
  std::vector<fs::path> v;
  for (auto& e : fs::directory_iterator(fs::path(WINNOW_SOURCE_DIR) / "fixtures/seeds"))
    if (e.path().extension() == ".txt") v.push_back(e.path());
  std::sort(v.begin(), v.end());
  return v;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The article body: what follows the "- Fields of work:" list of the OSCE
// metadata block; a file without the block (the blog repost) is all body.
std::string body_of(const std::string& raw) {
  const std::string marker = "\n- Fields of work:\n";
  auto at = raw.find(marker);
  if (at == std::string::npos) return raw;
  std::istringstream in(raw.substr(at + marker.size()));
  std::string line, out;
  bool in_list = true;
  while (std::getline(in, line)) {
    if (in_list && line.rfind("- ", 0) == 0) continue;
    in_list = false;
    out += line + "\n";
  }
  return out;
}

DedupReport run(const std::vector<std::string>& texts, DedupOptions opt = {}) {
  Deduplicator dd(opt);
  for (std::size_t i = 0; i < texts.size(); ++i)
    dd.add({std::to_string(i), i, "", false, texts[i].size(), shingle_set(texts[i], opt.shingles)});
  return dd.finish();
}

std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
std::vector<std::uint64_t> range_set(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint64_t> v;
  for (auto i = from; i < to; ++i) v.push_back(mix(i));
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("seeds, clean text: one group {000, 002} with 000 the original") {
  auto files = seed_files();
  REQUIRE(files.size() == 5);
  std::vector<std::string> texts;
  for (auto& f : files) texts.push_back(body_of(slurp(f)));
  auto r = run(texts);
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].members == std::vector<std::size_t>{0, 2});
  CHECK(r.groups[0].original == 0);
  CHECK(r.records[2].original == 0);
  CHECK_FALSE(r.records[2].is_original);
  CHECK(r.records[2].containment > 0.95);
  CHECK(r.records[2].jaccard < 0.8);  // the added paragraph: Jaccard alone would miss it
  for (std::size_t d : {1, 3, 4}) CHECK_FALSE(r.records[d].group.has_value());
}

TEST_CASE("seeds, raw files: the shared menu makes unrelated articles look alike") {
  auto files = seed_files();
  std::vector<std::vector<std::uint64_t>> sets;
  std::vector<std::string> texts;
  for (auto& f : files) {
    texts.push_back(slurp(f));
    sets.push_back(shingle_set(texts.back()));
  }
  // 000, 001, 003, 004 are four different press releases on one site.
  for (int a : {0, 1, 3, 4})
    for (int b : {0, 1, 3, 4})
      if (a < b) {
        INFO(a << " vs " << b);
        CHECK(exact_containment(sets[a], sets[b]) > 0.4);
      }
  // Without template suppression the engine merges them: why stripping comes first.
  DedupOptions off;
  off.template_min_docs = 1000;
  off.containment = 0.4;
  auto merged = run(texts, off);
  REQUIRE_FALSE(merged.groups.empty());
  CHECK(merged.groups[0].members.size() >= 3);

  // With template suppression tuned to a five-document corpus (a shingle in
  // more than two documents is chrome), the menu is ignored even on raw files.
  DedupOptions on;
  on.template_min_docs = 2;
  on.template_fraction = 0;
  on.containment = 0.4;
  auto kept = run(texts, on);
  CHECK(kept.stats.template_shingles > 100);
  REQUIRE(kept.groups.size() == 1);
  CHECK(kept.groups[0].members == std::vector<std::size_t>{0, 2});

  // At the default thresholds the menu also hides the real repost: raw 000
  // vs 002 has containment 0.765 < 0.8. Suppression brings it back.
  CHECK(exact_containment(sets[0], sets[2]) < 0.8);
  CHECK(run(texts).groups.empty());
  DedupOptions defaults_on;
  defaults_on.template_min_docs = 2;
  defaults_on.template_fraction = 0;
  auto found = run(texts, defaults_on);
  REQUIRE(found.groups.size() == 1);
  CHECK(found.groups[0].members == std::vector<std::size_t>{0, 2});
  CHECK(found.groups[0].original == 0);
}

TEST_CASE("shared site chrome alone never merges two articles") {
  // 60 articles of 160 shingles, each wrapped in the same 700-shingle chrome:
  // containment 700/860 = 0.81 between any two.
  std::vector<std::uint64_t> chrome = range_set(1'000'000, 1'000'700);
  Deduplicator dd;
  for (std::uint64_t d = 0; d < 60; ++d) {
    auto set = range_set(d * 1000, d * 1000 + 160);
    set.insert(set.end(), chrome.begin(), chrome.end());
    std::sort(set.begin(), set.end());
    dd.add({std::to_string(d), d, "", false, 1000, set});
  }
  auto r = dd.finish();
  CHECK(r.stats.template_shingles >= 690);
  CHECK(r.stats.template_fallbacks == 0);
  CHECK(r.groups.empty());

  DedupOptions off;
  off.template_min_docs = 1000;
  Deduplicator dd2(off);
  for (std::uint64_t d = 0; d < 60; ++d) {
    auto set = range_set(d * 1000, d * 1000 + 160);
    set.insert(set.end(), chrome.begin(), chrome.end());
    std::sort(set.begin(), set.end());
    dd2.add({std::to_string(d), d, "", false, 1000, set});
  }
  CHECK_FALSE(dd2.finish().groups.empty());
}

TEST_CASE("chain guard: A~B~C~D does not put D with A's original") {
  // Shifted windows: neighbours share 89% (duplicates by containment),
  // two apart 78% (not), three apart 67%.
  Deduplicator dd;
  for (std::uint64_t i = 0; i < 4; ++i) dd.add({std::to_string(i), i, "", false, 1000, range_set(i * 110, i * 110 + 1000)});
  auto r = dd.finish();
  REQUIRE(r.groups.size() == 1);
  const auto& g = r.groups[0];
  CHECK(g.members.size() == 3);
  for (std::size_t m : g.members) {
    if (m == g.original) continue;
    CHECK(r.records[m].containment >= 0.8);
  }
  CHECK(r.stats.chain_splits >= 1);
  // Exactly one of the ends is left out, and it is alone.
  const bool a_out = !r.records[0].group.has_value(), d_out = !r.records[3].group.has_value();
  CHECK(a_out != d_out);
}

TEST_CASE("keep policies") {
  // 0: press release; 1: repost adding a paragraph (contains 0); 2: repost
  // adding a comment footer and another paragraph.
  const auto base = range_set(0, 500);
  auto plus = [&](std::uint64_t from, std::uint64_t n) {
    auto s = base;
    auto extra = range_set(from, from + n);
    s.insert(s.end(), extra.begin(), extra.end());
    std::sort(s.begin(), s.end());
    return s;
  };
  auto feed = [&](DedupOptions opt, std::vector<std::string> dates) {
    Deduplicator dd(opt);
    dd.add({"repost", 0, dates[0], false, 3000, plus(10'000, 80)});
    dd.add({"original", 1, dates[1], true, 2500, base});
    dd.add({"repost2", 2, dates[2], false, 3400, plus(20'000, 140)});
    return dd.finish();
  };
  DedupOptions opt;
  auto r = feed(opt, {"2024-01-02", "2024-01-01", "2024-01-03"});
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].original == 1);  // the contained one, though not first
  r = feed(opt, {"", "", ""});
  CHECK(r.groups[0].original == 1);  // containment decides without dates
  opt.keep = KeepPolicy::First;
  CHECK(feed(opt, {"", "", ""}).groups[0].original == 0);
  opt.keep = KeepPolicy::Longest;
  CHECK(feed(opt, {"", "", ""}).groups[0].original == 2);
  opt.keep = KeepPolicy::Newest;
  CHECK(feed(opt, {"2024-01-02", "2024-01-01", "2024-01-03"}).groups[0].original == 2);
  CHECK(feed(opt, {"2024-01-05", "2024-01-01", ""}).groups[0].original == 0);
}

TEST_CASE("identical texts: a pair with Jaccard 1, original by input order") {
  auto r = run({"one two three four five six seven", "One two three, four five six seven!", "something else entirely here now"});
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].original == 0);
  CHECK(r.records[1].jaccard == 1.0);
  REQUIRE(r.pairs.size() == 1);
  CHECK(r.pairs[0].duplicate);
}

TEST_CASE("reports do not depend on the thread count; empty input is fine") {
  std::mt19937_64 rng(3);
  std::vector<std::vector<std::uint64_t>> sets;
  for (int d = 0; d < 300; ++d) {
    const std::uint64_t base = rng() % 40;  // ~7 documents per base, overlapping windows
    const std::uint64_t shift = rng() % 120;
    sets.push_back(range_set(base * 10'000 + shift, base * 10'000 + shift + 400 + rng() % 300));
  }
  auto run_with = [&](std::size_t threads) {
    DedupOptions opt;
    opt.threads = threads;
    Deduplicator dd(opt);
    for (std::size_t i = 0; i < sets.size(); ++i) dd.add({std::to_string(i), i, "", false, 0, sets[i]});
    return dd.finish();
  };
  const auto one = run_with(1), many = run_with(0);
  REQUIRE(one.groups.size() == many.groups.size());
  CHECK(one.groups.size() > 10);
  for (std::size_t g = 0; g < one.groups.size(); ++g) {
    CHECK(one.groups[g].members == many.groups[g].members);
    CHECK(one.groups[g].original == many.groups[g].original);
  }
  REQUIRE(one.pairs.size() == many.pairs.size());
  for (std::size_t i = 0; i < one.pairs.size(); ++i) CHECK((one.pairs[i].a == many.pairs[i].a && one.pairs[i].b == many.pairs[i].b));
  // Every group member is a verified duplicate of its original.
  for (const auto& g : one.groups)
    for (std::size_t m : g.members)
      if (m != g.original) CHECK((one.records[m].jaccard >= 0.8 || one.records[m].containment >= 0.8));

  Deduplicator empty;
  auto r = empty.finish();
  CHECK(r.records.empty());
  CHECK(r.groups.empty());
}

TEST_CASE("excerpts: the marks that say a text stops short") {
  CHECK(looks_like_excerpt("Title\nThe Mission opened a course for 45 border guards ... Read more"));
  CHECK(looks_like_excerpt("Title\nThe Mission opened a course for 45 border guards\xE2\x80\xA6"));
  CHECK(looks_like_excerpt("Title\nThe Mission opened a course [...]\n"));
  CHECK(looks_like_excerpt("Title\nThe Mission opened a course for\nContinue reading \xE2\x86\x92"));
  CHECK(looks_like_excerpt("Titel\nDie Mission hat einen Kurs eröffnet ... Weiterlesen"));
  CHECK_FALSE(looks_like_excerpt("Title\nThe Mission opened a course."));
  CHECK_FALSE(looks_like_excerpt("Title\nThe Mission wants more"));  // "more" after no ellipsis, on a sentence line
  CHECK_FALSE(looks_like_excerpt("Read more"));                          // nothing before the phrase
  CHECK_FALSE(looks_like_excerpt("..."));
  CHECK_FALSE(looks_like_excerpt(""));
}

TEST_CASE("original of a pair: the full article over its excerpt, the official page over the blog") {
  const auto article = range_set(0, 600);
  const auto head = range_set(0, 300);  // the first half, as an excerpt is
  for (bool excerpt_first : {true, false}) {
    Deduplicator dd;
    DedupItem full{"article", 0, "", false, 4000, article};
    DedupItem cut{"excerpt", 1, "", false, 2000, head};
    cut.excerpt = true;
    if (excerpt_first) std::swap(full.sequence, cut.sequence);
    dd.add(excerpt_first ? cut : full);
    dd.add(excerpt_first ? full : cut);
    auto r = dd.finish();
    REQUIRE(r.groups.size() == 1);
    CHECK(r.groups[0].original == (excerpt_first ? 1u : 0u));
  }
  // Without the mark the contained side still wins (a repost adding a
  // paragraph contains its source)...
  {
    Deduplicator dd;
    dd.add({"article", 0, "", false, 4000, article});
    dd.add({"half", 1, "", false, 2000, head});
    CHECK(dd.finish().groups[0].original == 1);
  }
  // ...unless the other side is a known official site.
  {
    Deduplicator dd;
    dd.add({"osce", 0, "", true, 4000, article});
    dd.add({"blog", 1, "", false, 2000, head});
    CHECK(dd.finish().groups[0].original == 0);
  }
}
