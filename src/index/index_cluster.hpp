// Re-running the engine over the components of an index that a night (or
// a forget) touches. Private to src/index/; see index_cluster.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "index_db.hpp"
#include "winnow/dedup.hpp"

namespace winnow::index {

// One document of a re-run: an indexed one (loaded) or tonight's.
struct Member {
  std::int64_t seq = 0;
  std::string id, url, first_seen, date;
  bool official = false, excerpt = false;
  std::size_t text_bytes = 0;
  std::vector<std::uint32_t> fps;
  std::int64_t old_original = 0, old_component = 0;  // as stored (0: not indexed before)
  double old_jaccard = 1, old_containment = 1;
  int tonight = -1;  // index into the night's documents, or -1
  // The re-run's answer.
  std::int64_t original = 0, component = 0;
  double jaccard = 1, containment = 1;
  bool in_group = false;
};

// Appends every document of component `component` not in `skip` (their
// seqs) to `out`.
void load_component(Db& db, std::int64_t component, const std::unordered_set<std::int64_t>& skip,
                    std::vector<Member>& out);

// Sorts `members` by seq (the input order of one big run over all nights)
// and runs the engine over them with the index's document frequencies:
// fills each member's original, component (the smallest seq of its
// connected duplicates) and scores. Returns the engine's report (indexes:
// positions in the sorted members).
DedupReport cluster_members(std::vector<Member>& members, const DedupOptions& options,
                            const std::vector<std::uint32_t>& df, std::size_t corpus_documents);

// Writes the new original, component and scores of every loaded member
// whose values changed.
void write_loaded(Db& db, const std::vector<Member>& members);

// The fingerprints of an indexed blob, or IndexError (a damaged index).
void decode_or_fail(Db& db, std::string_view blob, std::int64_t seq, std::vector<std::uint32_t>& out);

}  // namespace winnow::index
