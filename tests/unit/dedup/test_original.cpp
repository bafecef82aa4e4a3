// Which copy is the original (issue 19): one small constructed pair per rule.
//
// Every text is made of words no other sentence shares (drawn from a fixed
// seed), so shingles match exactly where the texts share words. In each
// pair the copy comes first in input order and, where a date could decide,
// carries the earlier date: only the rule under test can name the article.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "winnow/dedup.hpp"

using namespace winnow;

namespace {

using Sentence = std::vector<std::string>;

// n sentences of 12 words, each word 4-9 random lower-case letters.
std::vector<Sentence> sentences(std::uint32_t seed, std::size_t n) {
  std::mt19937 rng(seed);
  std::vector<Sentence> out(n);
  for (auto& s : out)
    for (int w = 0; w < 12; ++w) {
      std::string word;
      const int len = 4 + static_cast<int>(rng() % 6);
      for (int c = 0; c < len; ++c) word += static_cast<char>('a' + rng() % 26);
      s.push_back(word);
    }
  return out;
}

// Sentences written four to a paragraph, a period after each.
std::string text_of(const std::vector<Sentence>& ss) {
  std::string t;
  for (std::size_t i = 0; i < ss.size(); ++i) {
    for (std::size_t w = 0; w < ss[i].size(); ++w) t += (w ? " " : "") + ss[i][w];
    t += i % 4 == 3 || i + 1 == ss.size() ? ".\n" : ". ";
  }
  return t;
}

struct Doc {
  std::string text, date, url = {}, canonical_url = {};
};

DedupReport run(const std::vector<Doc>& docs) {
  Deduplicator dd;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    DedupItem item;
    item.id = std::to_string(i);
    item.sequence = i;
    item.date = docs[i].date;
    item.text_bytes = docs[i].text.size();
    item.url = docs[i].url;
    item.canonical_url = docs[i].canonical_url;
    item.excerpt = looks_like_excerpt(docs[i].text);
    item.shingles = shingle_set(docs[i].text, ShingleOptions{}, item.outline);
    dd.add(std::move(item));
  }
  return dd.finish();
}

// The group of document `d`: its original and reason.
std::pair<std::size_t, std::string> verdict(const DedupReport& r, std::size_t d) {
  REQUIRE(r.records[d].group.has_value());
  const DedupGroup& g = r.groups[*r.records[d].group];
  return {g.original, original_reason_name(g.reason)};
}

const std::vector<Sentence> kArticle = sentences(19, 40);  // 480 words

}  // namespace

TEST_CASE("original: a copy cut off after the first 45% of the article names the article (truncation)") {
  const std::vector<Sentence> head(kArticle.begin(), kArticle.begin() + 18);
  const auto r = run({{text_of(head), "2020-01-01"}, {text_of(kArticle), "2020-02-01"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("truncation")));
}

TEST_CASE("original: a repost that adds a header line and a commentary paragraph names the article "
          "(added-paragraphs)") {
  const auto commentary = sentences(7, 3);
  const std::string repost = "Posted by Somebody on Monday\n" + text_of(kArticle) + text_of(commentary);
  const auto r = run({{repost, "2020-01-01"}, {text_of(kArticle), "2020-02-01"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("added-paragraphs")));
}

TEST_CASE("original: a press-contact block appended at the end names the article (added-paragraphs)") {
  const auto contact = sentences(8, 2);
  const auto r = run({{text_of(kArticle) + text_of(contact), "2020-01-01"}, {text_of(kArticle), "2020-02-01"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("added-paragraphs")));
}

TEST_CASE("original: sentences picked from all over the article name the article (selection)") {
  std::vector<Sentence> picked;
  for (std::size_t i = 0; i < kArticle.size(); i += 5)  // runs of three, two dropped between
    for (std::size_t k = i; k < i + 3 && k < kArticle.size(); ++k) picked.push_back(kArticle[k]);
  const auto r = run({{text_of(picked), "2020-01-01"}, {text_of(kArticle), "2020-02-01"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("selection")));
}

TEST_CASE("original: of two same-dated near-identical copies, the one with misspelt words loses (spelling)") {
  // The corpus also holds a text with the article's words in another order
  // (no shingle in common): the correct spellings are words of the corpus,
  // the misspellings are not.
  std::vector<Sentence> shuffled = kArticle;
  for (auto& s : shuffled) std::reverse(s.begin(), s.end());
  std::vector<Sentence> typos = kArticle;
  for (std::size_t i = 2; i < typos.size(); i += 9) std::swap(typos[i][3][0], typos[i][3][1]);
  const auto r = run({{text_of(typos), "2020-01-01"}, {text_of(kArticle), "2020-01-01"}, {text_of(shuffled), ""}});
  CHECK_FALSE(r.records[2].group.has_value());
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("spelling")));
}

TEST_CASE("original: identical copies go to the earlier date, then to input order (date, tie)") {
  auto r = run({{text_of(kArticle), "2020-02-01"}, {text_of(kArticle), "2020-01-01"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("date")));
  r = run({{text_of(kArticle), ""}, {text_of(kArticle), ""}});
  CHECK(verdict(r, 1) == std::make_pair(std::size_t{0}, std::string("tie")));
}

TEST_CASE("original: an excerpt whose mark is followed by a source line names the article (truncation)") {
  const std::vector<Sentence> head(kArticle.begin(), kArticle.begin() + 30);  // 75%: alone it reads as a repost
  const std::string excerpt = text_of(head) + "\xE2\x80\xA6 Read more \xC2\xBB\nSource: example.org\n";
  CHECK(looks_like_excerpt(excerpt));
  const auto r = run({{excerpt, "2020-01-01"}, {text_of(kArticle), "2020-02-01"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("truncation")));
}

TEST_CASE("original: a page whose canonical link is another member's url names that member (canonical)") {
  // Structure alone would name the first (the second adds a paragraph);
  // its canonical link says the second is the page it copies.
  const auto commentary = sentences(9, 3);
  const auto r = run({{text_of(kArticle), "2020-01-01", "https://blog.example.org/p/1", "https://site.example.org/a"},
                      {text_of(kArticle) + text_of(commentary), "2020-02-01", "https://site.example.org/a"}});
  CHECK(verdict(r, 0) == std::make_pair(std::size_t{1}, std::string("canonical")));
  const auto plain = run({{text_of(kArticle), "2020-01-01"}, {text_of(kArticle) + text_of(commentary), "2020-02-01"}});
  CHECK(verdict(plain, 0) == std::make_pair(std::size_t{0}, std::string("added-paragraphs")));
}

TEST_CASE("excerpt marks of other shapes and languages, in the last lines") {
  for (const char* t : {"T\nText cut\xE2\x80\xA6 Continue reading \xE2\x86\x92", "T\nText cut...\nWeiterlesen",
                        "T\nText cut\xE2\x80\xA6 Lire la suite", "T\nText cut [\xE2\x80\xA6]", "T\nText cut (more)",
                        "T\nText cut\n\xE2\x80\xA6", "T\nText cut\xE2\x80\xA6\nLeer m\xC3\xA1s",
                        "T\nText [...]\nOriginally published at x.example.org",
                        "T\nText\xE2\x80\xA6 Read more\nhttps://x.example.org/news/1"})
    CHECK_MESSAGE(looks_like_excerpt(t), t);
  for (const char* t : {"T\nA normal ending.\nSource: example.org", "T\nNevermore", "T\nThe committee met more"})
    CHECK_FALSE_MESSAGE(looks_like_excerpt(t), t);
}
