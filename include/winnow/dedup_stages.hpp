// Near-duplicate detection as stages: pure functions of files in one
// directory, so that a corpus larger than one machine's memory runs as job
// arrays (Slurm, GNU parallel, a loop) and gives the same answer, byte for
// byte, as `winnow dedup` in one process.
//
// The stages, in order (the directory layout is in src/dedup/stages_files.cpp):
//
//   shingle   --shard I/N  clean one shard of the inputs (a contiguous run of
//                          the files the run would read, in its order), keep
//                          each document's 22-bit shingle fingerprints, its
//                          id and what choosing an original needs, and count
//                          the fingerprints' document frequencies
//   templates              sum the shards' frequencies: the template and
//                          chrome fingerprints, as the local run finds them
//                          over the whole corpus (one task, seconds)
//   signature --shard I/N  drop the template shingles, MinHash, and write per
//                          band the shard's sorted (band key, document) list;
//                          keep the shard's compact effective sets
//   buckets   --band B     merge the shards' lists of band B into its
//                          candidate pairs
//   cluster                verify the candidates exactly, reading the shards'
//                          sets two shards at a time, then the engine's own
//                          chain guard and choice of originals
//   filter    --shard I/N  the verdicts (or the kept ids) of one shard's records
//
// Each stage checks the parameters recorded in DIR/params by the first one
// (a mismatch is an error naming the parameter), writes every output
// atomically (a temporary file renamed into place) and then a done-marker,
// and skips the work whose marker exists, so a killed or failed run is
// resumed by running the same commands again.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "winnow/dedup.hpp"

namespace winnow::stages {

// A stage cannot run: missing or mismatched inputs. what() is one line for people.
struct StageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Shard I of N ("3/8"), parsed; I in [0, N).
struct Shard {
  std::size_t index = 0, count = 1;
};
// "I/N" -> Shard, or throws StageError. "N" alone takes I from
// SLURM_ARRAY_TASK_ID (a job array's task; an error if it is unset).
Shard parse_shard(const std::string& text);

// What a stage records and checks: the engine's options as key=value lines,
// plus what the caller adds (the inputs, the shard count, extraction flags).
using Params = std::map<std::string, std::string>;
Params engine_params(const DedupOptions& options);
// Writes DIR/params if absent, else checks that every key of `mine` has the
// recorded value (StageError naming the first that differs).
void record_or_check_params(const std::string& dir, const Params& mine);
// The recorded value of a key (StageError if there is no params file or key).
std::string recorded_param(const std::string& dir, const std::string& key);

// Bands of the banding chosen for the options (what buckets --band counts).
std::size_t band_count(const DedupOptions& options);

// Whether a stage's unit of work is done: "shingle", "signature", "filter-records"
// ... with a shard, "buckets" with a band, "templates" and "cluster" with 0.
bool done(const std::string& dir, const std::string& stage, std::size_t unit);

// The shingle stage's writer: add() the shard's documents in input order
// (dedup_item() of each, as the local run adds them), then commit().
class ShardWriter {
 public:
  ShardWriter(std::string dir, Shard shard, const DedupOptions& options);
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;
  void add(DedupItem item);
  void commit();  // outputs renamed into place, then the done-marker

 private:
  struct Impl;
  Impl* impl_;
};

void templates_stage(const std::string& dir, const DedupOptions& options);
void signature_stage(const std::string& dir, Shard shard, const DedupOptions& options);
void buckets_stage(const std::string& dir, std::size_t band, const DedupOptions& options);
// batch_shingles: the sets clustered at once, in shingles (0: the largest
// shard's, at least 2^20); any value gives the same verdicts.
void cluster_stage(const std::string& dir, const DedupOptions& options, std::uint64_t batch_shingles = 0);

// What filter writes per shard: Records (as --emit records) or Unique (ids kept).
enum class FilterEmit { Records, Unique };
void filter_stage(const std::string& dir, Shard shard, FilterEmit emit);
// The path of a shard's filter output (done or not).
std::string filter_output(const std::string& dir, std::size_t shard, FilterEmit emit);

// --emit pairs / groups of the whole run, after cluster: every line to `write`.
// Loads every id (the one stage whose memory grows with the corpus's ids).
bool write_cluster_report(const std::string& dir, DedupEmit emit, const LineWriter& write);

}  // namespace winnow::stages
