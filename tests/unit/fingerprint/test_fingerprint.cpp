// Normalisation, shingles, MinHash: unit and property tests.
#include <doctest/doctest.h>
#include <utf8proc.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <algorithm>
#include <cmath>
#include <random>

#include "winnow/fingerprint.hpp"

using namespace winnow;

TEST_CASE("normalisation folds quotes, case, compatibility forms and line wrapping") {
  CHECK(normalise_for_shingling("“Don’t” re-wrap\nthe ﬁne ＯＳＣＥ line’s,  ok?") ==
        "don t re wrap the fine osce line s ok");
  CHECK(normalise_for_shingling("\"Don't\" re-wrap the fine OSCE line's, ok?") ==
        "don t re wrap the fine osce line s ok");
  CHECK(normalise_for_shingling("  Ünïcode\tStraße  ") == "ünïcode strasse");
  CHECK(normalise_for_shingling("...!!") == "");
}

namespace {
// The definition, slowly: utf8proc_map over the whole text, then every code
// point that is not a letter, mark or number is a separator.
std::string reference_normalise(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                          static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                         UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  REQUIRE(len >= 0);
  std::string out;
  bool pending = false;
  for (utf8proc_ssize_t pos = 0; pos < len;) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(mapped + pos, len - pos, &cp);
    const auto cat = utf8proc_category(cp);
    const bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
    if (word) {
      if (pending && !out.empty()) out.push_back(' ');
      pending = false;
      out.append(reinterpret_cast<const char*>(mapped + pos), static_cast<std::size_t>(n));
    } else {
      pending = true;
    }
    pos += n;
  }
  std::free(mapped);
  return out;
}
}  // namespace

TEST_CASE("the fast normalisation paths agree with utf8proc_map on the whole text") {
  const char* cases[] = {
      "Café crème, CAFÉ CRÈME (decomposed: Cafe\u0301)", "Cafe\xcc\x81 na\xc3\xafve", "Straße ΣΊΣΥΦΟΣ ς",
      "한국어 텍스트 \xe1\x84\x80\xe1\x85\xa1", "ＦＵＬＬ－ｗｉｄｔｈ １２３", "x²+y³ ½ ℃ ™ ㎏", "soft\xc2\xadhyphen zero\xe2\x80\x8bwidth",
      "Ελληνικά Русский ТЕКСТ", "ﬁﬂ ﬀ ǅungla", "…“quoted”—dash–en ‘single’", "no\xc2\xa0" "break • bullet ‗low‗line ‐hy‑phen ‒ ―"};
  for (const char* c : cases) {
    INFO(c);
    CHECK(normalise_for_shingling(c) == reference_normalise(c));
  }
  for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures/seeds")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(normalise_for_shingling(text.str()) == reference_normalise(text.str()));
  }
}

TEST_CASE("fused shingling agrees with shingling the normalised text") {
  const char* cases[] = {
      "Café crème, CAFÉ CRÈME (decomposed: Cafe\u0301) and more words here", "Cafe\xcc\x81 na\xc3\xafve x y z w",
      "Straße ΣΊΣΥΦΟΣ ς one two three", "한국어 텍스트 \xe1\x84\x80\xe1\x85\xa1 a b c d", "ＦＵＬＬ－ｗｉｄｔｈ １２３ a b c",
      "x²+y³ ½ ℃ ™ ㎏ e f g", "soft\xc2\xadhyphen zero\xe2\x80\x8bwidth p q r s", "don’t “stop” it’s—fine ok so",
      "ﬁﬂ ﬀ ǅungla", "abc…“quoted”—dash–en ‘single’ a b c", "  lead,trail  ", "", "!!", "one",
      // NFKC grows these ~10x (U+FDFA, U+FDFB): the word buffers must grow mid-text.
      "a \xef\xb7\xba\xef\xb7\xba b \xef\xb7\xbb c d e", "x y z w \xef\xb7\xba\xef\xb7\xbb\xef\xb7\xba"};
  for (const char* c : cases) {
    INFO(c);
    for (std::size_t k : {1u, 3u, 5u}) {
      ShingleOptions o;
      o.k = k;
      CHECK(shingle_set(c, o) == shingle_set_of_normalised(normalise_for_shingling(c), o));
    }
  }
  for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures/seeds")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(shingle_set(text.str()) == shingle_set_of_normalised(normalise_for_shingling(text.str())));
  }
}

TEST_CASE("shingles ignore quote style and re-wrapped lines") {
  const char* straight =
      "The OSCE said \"the training courses will take place in 12 regions\" and added that it's funded.";
  const char* curly =
      "The OSCE said “the training courses will\ntake place in 12 regions” and added that it’s funded.";
  CHECK(shingle_set(straight) == shingle_set(curly));
  CHECK(shingle_set(straight).size() == 14);  // 18 words ("it s"), k = 5
  CHECK(shingle_set("too short").size() == 1);
  CHECK(shingle_set("").empty());
}

TEST_CASE("golden shingle and signature values are stable across runs and machines") {
  auto sh = shingle_set("The quick brown fox jumps over the lazy dog and runs away");
  REQUIRE(sh.size() == 8);
  // Since shingles hash word hashes (src/fingerprint/shingle.cpp); the byte-hashing design
  // gave 0x04550065a813270d and signature 0xd5712c9e 0x7a5a11b5 0xc8f5befe ...
  CHECK(sh[0] == 0x0c654a3a7b270378ULL);
  MinHasher h(128, 0x77696e6e6f77ULL);
  auto sig = h.sign(sh);
  REQUIRE(sig.size() == 128);
  CHECK(sig[0] == 0x52e4ff29u);
  CHECK(sig[1] == 0xcac0f6a5u);
  CHECK(sig[2] == 0xcac0f6a5u);
  CHECK(sig[3] == 0xd8ceb515u);
}

namespace {
std::vector<std::uint64_t> random_set(std::mt19937_64& rng, std::size_t n) {
  std::vector<std::uint64_t> v(n);
  for (auto& x : v) x = rng();
  std::sort(v.begin(), v.end());
  return v;
}
// Two sets with |A∩B| = common, |A\B| = only_a, |B\A| = only_b.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>> random_pair(std::mt19937_64& rng, std::size_t common,
                                                                              std::size_t only_a, std::size_t only_b) {
  auto c = random_set(rng, common), a = random_set(rng, only_a), b = random_set(rng, only_b);
  a.insert(a.end(), c.begin(), c.end());
  b.insert(b.end(), c.begin(), c.end());
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return {a, b};
}
}  // namespace

TEST_CASE("MinHash estimates stay within the expected error of exact Jaccard") {
  std::mt19937_64 rng(20261124);
  MinHasher h(128, 42);
  const int pairs = 400;
  double sum_z = 0, sum_abs_z = 0, max_abs_z = 0;
  for (int i = 0; i < pairs; ++i) {
    const std::size_t common = 50 + rng() % 600, only_a = rng() % 400, only_b = rng() % 400;
    auto [a, b] = random_pair(rng, common, only_a, only_b);
    const double j = exact_jaccard(a, b);
    const double est = estimated_jaccard(h.sign(a), h.sign(b));
    const double sigma = std::sqrt(j * (1 - j) / 128.0) + 1e-9;
    const double z = (est - j) / sigma;
    sum_z += z;
    sum_abs_z += std::abs(z);
    max_abs_z = std::max(max_abs_z, std::abs(z));
  }
  // Unbiased: the mean z of 400 pairs has sd 1/20.
  CHECK(std::abs(sum_z / pairs) < 4.0 / std::sqrt(static_cast<double>(pairs)));
  // E|z| = 0.80 for a normal; OPH is at or below the k-permutation variance.
  CHECK(sum_abs_z / pairs < 1.0);
  CHECK(max_abs_z < 4.5);
}

TEST_CASE("raw signatures merge into the signature of the union, and round-trip as bytes") {
  std::mt19937_64 rng(7);
  auto a = random_set(rng, 300), b = random_set(rng, 200);
  std::vector<std::uint64_t> u = a;
  u.insert(u.end(), b.begin(), b.end());
  std::sort(u.begin(), u.end());
  MinHasher h(64, 9);
  auto ra = h.sign_raw(a);
  merge_raw(ra, h.sign_raw(b));
  CHECK(ra == h.sign_raw(u));
  h.densify(ra.data());
  CHECK(ra == h.sign(u));

  const std::string blob = encode_signature(ra, 9, true);
  CHECK(blob.size() == 20 + 4 * 64);
  std::vector<std::uint32_t> back;
  std::uint64_t seed = 0;
  bool dense = false;
  REQUIRE(decode_signature(blob, back, seed, dense));
  CHECK(back == ra);
  CHECK(seed == 9);
  CHECK(dense);
  CHECK_FALSE(decode_signature(blob.substr(0, 30), back, seed, dense));
}

TEST_CASE("exact Jaccard and containment") {
  std::vector<std::uint64_t> a{1, 2, 3, 4}, b{3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(exact_jaccard(a, b) == doctest::Approx(2.0 / 10));
  CHECK(exact_containment(a, b) == doctest::Approx(0.5));
  CHECK(intersection_size(a, b) == 2);
}
