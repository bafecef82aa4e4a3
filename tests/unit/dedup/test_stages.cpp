// The staged dedup (winnow/dedup_stages.hpp) against the engine in one
// process, on constructed shingle sets: planted copies with edits, shared
// template shingles above the frequency bar, an empty shard, and shard sizes
// that differ; plus the shard and parameter checks.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "winnow/dedup.hpp"
#include "winnow/dedup_stages.hpp"

using namespace winnow;
namespace fs = std::filesystem;

namespace {

std::vector<DedupItem> planted_corpus(std::size_t n) {
  std::mt19937_64 rng(21);
  std::vector<std::uint64_t> chrome(60);
  for (auto& h : chrome) h = rng();
  std::vector<DedupItem> docs;
  for (std::size_t i = 0; i < n; ++i) {
    DedupItem item;
    item.id = "doc" + std::to_string(i);
    item.sequence = i;
    if (i % 7 == 3) item.date = "2026-0" + std::to_string(1 + i % 9) + "-01";
    if (i >= 10 && rng() % 4 == 0) {  // a copy of an earlier document, 10% of it changed
      item.shingles = docs[rng() % i].shingles;
      for (auto& h : item.shingles)
        if (rng() % 10 == 0) h = rng();
      if (rng() % 3 == 0) item.shingles.resize(item.shingles.size() * 2 / 3);  // truncated
    } else {
      item.shingles.resize(150 + rng() % 300);
      for (auto& h : item.shingles) h = rng();
    }
    if (i % 5 < 2) item.shingles.insert(item.shingles.end(), chrome.begin(), chrome.end());  // site chrome
    item.text_bytes = item.shingles.size() * 30;
    docs.push_back(std::move(item));
  }
  return docs;
}

std::vector<std::string> local_records(const std::vector<DedupItem>& docs, const DedupOptions& options) {
  Deduplicator engine(options);
  DedupResult result;
  for (const auto& d : docs) {
    engine.add(d);
    result.ids.push_back(d.id);
  }
  result.report = engine.finish();
  std::vector<std::string> lines;
  write_dedup_report(result, DedupEmit::Records, [&](std::string_view l) { lines.emplace_back(l); return true; });
  return lines;
}

std::vector<std::string> staged_records(const std::vector<DedupItem>& docs, const DedupOptions& options,
                                        const std::vector<std::size_t>& cuts, const std::string& dir,
                                        std::uint64_t batch_shingles = 0) {
  const std::size_t shards = cuts.size() - 1;
  auto params = stages::engine_params(options);
  params["shards"] = std::to_string(shards);
  stages::record_or_check_params(dir, params);
  for (std::size_t s = 0; s < shards; ++s) {
    stages::ShardWriter writer(dir, {s, shards}, options);
    for (std::size_t i = cuts[s]; i < cuts[s + 1]; ++i) writer.add(docs[i]);
    writer.commit();
  }
  stages::templates_stage(dir, options);
  for (std::size_t s = shards; s-- > 0;) stages::signature_stage(dir, {s, shards}, options);
  for (std::size_t b = 0; b < stages::band_count(options); ++b) stages::buckets_stage(dir, b, options);
  stages::cluster_stage(dir, options, batch_shingles);
  std::vector<std::string> lines;
  for (std::size_t s = 0; s < shards; ++s) {
    stages::filter_stage(dir, {s, shards}, stages::FilterEmit::Records);
    std::ifstream in(stages::filter_output(dir, s, stages::FilterEmit::Records));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  return lines;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("winnow-stages-" + std::to_string(std::random_device{}()));
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("stages: the staged run's verdicts are the engine's, shard sizes and an empty shard notwithstanding") {
  const auto docs = planted_corpus(700);
  const DedupOptions options;
  const auto local = local_records(docs, options);
  TempDir dir;
  const auto staged = staged_records(docs, options, {0, 90, 90, 400, 700}, dir.path.string());
  REQUIRE(staged.size() == local.size());
  std::size_t grouped = 0;
  for (std::size_t i = 0; i < local.size(); ++i) {
    CHECK(staged[i] == local[i]);
    grouped += local[i].find("\"group\":\"g") != std::string::npos;
  }
  CHECK(grouped > 150);  // the planted copies were found: the comparison is not of empty verdicts
  // Clustered a few components at a time (2,000 shingles a batch: dozens of batches).
  TempDir small;
  CHECK(staged_records(docs, options, {0, 90, 90, 400, 700}, small.path.string(), 2000) == local);
  TempDir single;
  CHECK(staged_records(docs, options, {0, 700}, single.path.string(), 1) == local);
}

TEST_CASE("stages: other parameters, another shard count and a missing stage are errors that say so") {
  TempDir dir;
  DedupOptions options;
  auto params = stages::engine_params(options);
  params["shards"] = "4";
  stages::record_or_check_params(dir.path.string(), params);
  CHECK_NOTHROW(stages::record_or_check_params(dir.path.string(), params));
  options.jaccard = 0.7;
  CHECK_THROWS_WITH_AS(stages::record_or_check_params(dir.path.string(), stages::engine_params(options)),
                       doctest::Contains("jaccard=0.7"), stages::StageError);
  params["shards"] = "5";
  CHECK_THROWS_WITH_AS(stages::record_or_check_params(dir.path.string(), params), doctest::Contains("shards=5"),
                       stages::StageError);
  CHECK_THROWS_WITH_AS(stages::templates_stage(dir.path.string(), DedupOptions{}),
                       doctest::Contains("winnow dedup shingle --shard 0/4"), stages::StageError);
}

TEST_CASE("stages: --shard I/N, and N alone from SLURM_ARRAY_TASK_ID") {
  CHECK(stages::parse_shard("3/8").index == 3);
  CHECK(stages::parse_shard("3/8").count == 8);
  CHECK_THROWS_AS(stages::parse_shard("8/8"), stages::StageError);
  CHECK_THROWS_AS(stages::parse_shard("x/8"), stages::StageError);
  CHECK_THROWS_AS(stages::parse_shard("1/0"), stages::StageError);
  ::setenv("SLURM_ARRAY_TASK_ID", "5", 1);
  CHECK(stages::parse_shard("8").index == 5);
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  CHECK_THROWS_WITH_AS(stages::parse_shard("8"), doctest::Contains("SLURM_ARRAY_TASK_ID"), stages::StageError);
}
