// Stage: near-duplicate detection over cleaned texts.
//
// Usage: feed each document's shingle set, in input order, then ask for the
// verdicts. The engine keeps only compact per-document data (signature,
// shingle hashes, a few scalars), never the texts.
//
//   winnow::DedupOptions opt;                 // defaults: see DedupOptions
//   winnow::Deduplicator dd(opt);
//   for (auto& doc : docs)
//     dd.add({doc.id, doc.sequence, doc.metadata.date, !doc.profile.empty(),
//             doc.text.size(), winnow::shingle_set(doc.text, opt.shingles)});
//   winnow::DedupReport report = dd.finish();
//   for (auto& r : report.records) ...        // one per add(), in add() order
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "winnow/fingerprint.hpp"

namespace winnow {

enum class KeepPolicy { Original, Longest, First, Newest };

struct DedupOptions {
  double jaccard = 0.8;       // a pair whose resemblance reaches this is a duplicate
  double containment = 0.8;   // ... or whose smaller side is this much contained in the larger
  ShingleOptions shingles;    // word k-shingles
  std::size_t num_perm = 128; // MinHash signature length
  std::uint64_t seed = 0x77696e6e6f77ULL;  // "winnow": fixed so signatures agree across runs
  KeepPolicy keep = KeepPolicy::Original;
};

struct DedupItem {
  std::string id;
  std::uint64_t sequence = 0;
  std::string date;           // ISO 8601 or empty
  bool official = false;      // matched a known site profile (an original publisher)
  std::size_t text_bytes = 0;
  std::vector<std::uint64_t> shingles;  // shingle_set() of the clean text
};

struct DedupPair {
  std::size_t a = 0, b = 0;   // indexes in add() order, a < b
  double jaccard = 0;
  double containment = 0;     // |A ∩ B| / min(|A|, |B|)
  bool duplicate = false;
};

struct DedupRecord {
  std::optional<std::size_t> group;  // index into DedupReport::groups; none if unique
  std::size_t original = 0;          // index of the group's original (itself if unique)
  bool is_original = true;
  double jaccard = 1.0;              // against the original (1 for the original itself)
  double containment = 1.0;
};

struct DedupGroup {
  std::size_t original = 0;
  std::vector<std::size_t> members;  // in add() order, original included
};

struct DedupReport {
  std::vector<DedupRecord> records;  // one per add(), same order
  std::vector<DedupGroup> groups;    // groups with two or more members, ordered by first member
  std::vector<DedupPair> pairs;      // verified candidate pairs, duplicates or not
};

class Deduplicator {
 public:
  explicit Deduplicator(DedupOptions options = {});
  ~Deduplicator();
  Deduplicator(const Deduplicator&) = delete;
  Deduplicator& operator=(const Deduplicator&) = delete;

  void add(DedupItem item);
  DedupReport finish();

  // The LSH banding chosen for the options: bands x rows and the threshold
  // where the candidate probability crosses 1/2.
  struct Banding { std::size_t bands = 0, rows = 0; double fp = 0, fn = 0; };
  Banding banding() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace winnow
