// The nightly index as a library call (winnow/index.hpp) and the stored
// form of a shingle set (the engine's Rice blob, src/dedup/dedup_store.cpp).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "dedup/dedup_internal.hpp"
#include "winnow/index.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::uint32_t> random_set(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(static_cast<std::uint32_t>(rng() % winnow::detail::kFingerprintSpace));
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

struct TempDir {
  fs::path path;
  TempDir() {
    char name[] = "/tmp/winnow-index-test.XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string seed(const std::string& prefix) {
  for (auto& e : fs::directory_iterator(fs::path(WINNOW_SOURCE_DIR) / "fixtures/seeds"))
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
  return {};
}

winnow::NightlyResult night(winnow::DedupIndex& index, const std::string& date, const std::vector<std::string>& files,
                            bool commit = true) {
  winnow::Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  winnow::ExtractOptions extract;
  extract.metadata_parts = {false, false};
  winnow::Extractor extractor(winnow::ProfileSet::builtin(), extract);
  winnow::InputReader reader(files, winnow::ReaderOptions{}, diagnostics);
  winnow::NightlyDedup run(index, date);
  CHECK(run.read(reader, extractor, diagnostics, 1));
  winnow::NightlyResult result = run.finish();
  if (commit) run.commit();
  return result;
}

}  // namespace

TEST_CASE("a shingle set's blob decodes to the set; a damaged one is refused, never overread") {
  for (std::size_t n : {0u, 1u, 2u, 100u, 815u, 5000u, 200000u}) {
    const auto set = random_set(n, n + 1);
    const std::string blob = winnow::detail::encode_blob(set.data(), set.size());
    std::vector<std::uint32_t> back;
    REQUIRE(winnow::detail::decode_blob(blob, back));
    CHECK(back == set);
    if (set.size() > 10) {
      CHECK_FALSE(winnow::detail::decode_blob(std::string_view(blob).substr(0, blob.size() / 2), back));
      std::string zeros = blob;
      std::fill(zeros.begin() + 5, zeros.end(), '\0');  // one endless unary run
      CHECK_FALSE(winnow::detail::decode_blob(zeros, back));
    }
  }
  std::vector<std::uint32_t> out;
  CHECK_FALSE(winnow::detail::decode_blob("", out));
  CHECK_FALSE(winnow::detail::decode_blob(std::string("\x30\x01\0\0\0", 5), out));  // Rice parameter 48
}

TEST_CASE("two nights: the repost of an indexed release is a copy of it; a re-crawl a repeat; a dry run changes nothing") {
  TempDir dir;
  const std::string file = (dir.path / "seen.db").string();
  winnow::DedupOptions options;
  winnow::DedupIndex index(file, &options, {});
  const auto first = night(index, "2026-11-01", {seed("000"), seed("001")});
  REQUIRE(first.records.size() == 2);
  CHECK(first.records[0].status == winnow::IndexStatus::New);
  CHECK(first.records[0].keep());

  const auto dry = night(index, "2026-11-02", {seed("002"), seed("000")}, /*commit=*/false);
  const auto second = night(index, "2026-11-02", {seed("002"), seed("000")});
  REQUIRE(second.records.size() == 2);
  CHECK(winnow::nightly_record_json(dry.records[0]) == winnow::nightly_record_json(second.records[0]));
  const winnow::NightlyRecord& repost = second.records[0];
  CHECK(repost.status == winnow::IndexStatus::Copy);
  REQUIRE(repost.of);
  CHECK(repost.of->id == seed("000"));
  CHECK(repost.of->first_seen == "2026-11-01");
  CHECK(repost.containment > 0.9);
  CHECK_FALSE(repost.keep());
  CHECK(second.records[1].status == winnow::IndexStatus::Repeat);
  CHECK_FALSE(second.records[1].of);  // not a copy of itself
  CHECK(second.stats.indexed_documents == 3);
  CHECK(index.check().empty());
}

TEST_CASE("a file that is not an index is refused with exit 3 and left as it was") {
  TempDir dir;
  const fs::path path = dir.path / "notes.txt";
  { std::FILE* f = std::fopen(path.c_str(), "w"); std::fputs("not an index\n", f); std::fclose(f); }
  winnow::DedupOptions options;
  try {
    winnow::DedupIndex index(path.string(), &options, {});
    FAIL("opened a foreign file");
  } catch (const winnow::IndexError& e) {
    CHECK(e.exit_code() == winnow::kExitFatal);
    CHECK(std::string(e.what()).find("not a winnow index") != std::string::npos);
  }
  CHECK(fs::file_size(path) == 13);
}
