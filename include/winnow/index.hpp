// Stage: the persistent dedup index, for nightly runs against everything
// seen before (src/index/).
//
// A cron job deduplicates each day's crawl against every document of the
// nights before, then adds it, in one transaction of one SQLite file (WAL
// mode, no server). The index keeps what the engine (winnow/dedup.hpp) needs
// to give the answers one big run over all nights would give: each
// document's compact shingle set (the Rice blob the engine keeps in memory,
// so every candidate is verified exactly), its band keys in an indexed table
// (the lookup), the document frequency of every fingerprint (template
// suppression over everything indexed), and each document's group original
// and component (the chain guard and the choice of original re-run over the
// components a night touches). The design and its costs: src/index/index_nightly.cpp.
//
//   winnow::DedupIndex index("seen.db", winnow::DedupOptions{}, {});   // created if missing
//   winnow::NightlyDedup night(index, "2026-12-02");    // takes the write lock (waits --wait)
//   night.read(reader, extractor, diagnostics, 0);
//   winnow::NightlyResult result = night.finish();      // verdicts, written in the open transaction
//   night.commit();                                      // or not: --dry-run, a crash: nothing changed
//   for (auto& r : result.records) std::puts(winnow::nightly_record_json(r).c_str());
//
// Errors are winnow::IndexError: one line naming the file and why, and the
// exit code the CLI returns for it (3 fatal: foreign, corrupt, read-only,
// full; 4 busy: another run held the lock past the wait).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "winnow/dedup.hpp"

namespace winnow {

class IndexError : public std::runtime_error {
 public:
  IndexError(const std::string& message, int exit_code) : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

struct IndexOpenOptions {
  double wait_seconds = 60;  // how long a run waits for another one's lock (--wait)
  bool read_only = false;    // stats, show, export, check: never write, never create
};

// An indexed document as a record names it.
struct IndexedRef {
  std::string id, url, first_seen;
};

enum class IndexStatus { New, Copy, Repeat, Changed };
const char* index_status_name(IndexStatus status);

// One input's verdict relative to everything seen.
struct NightlyRecord {
  std::string id;
  IndexStatus status = IndexStatus::New;
  std::string first_seen;               // the night this id was first indexed
  std::optional<IndexedRef> of;         // the group's original, when this is not it
  double jaccard = 1, containment = 1;  // against `of`
  std::optional<IndexedRef> supersedes; // this is now the original of a group whose original was that
  // What a nightly job passes on (--emit unique): new or changed content that is its group's original.
  bool keep() const { return (status == IndexStatus::New || status == IndexStatus::Changed) && !of; }
};
std::string nightly_record_json(const NightlyRecord& record);

struct NightlyResult {
  std::vector<NightlyRecord> records;  // input order
  struct Stats {
    std::size_t documents = 0, fresh = 0, copies = 0, repeats = 0, changed = 0, better_originals = 0;
    std::size_t band_lookups = 0;      // band-key lookups in the index
    std::size_t indexed_candidates = 0;  // indexed documents verified exactly against tonight's
    std::size_t reclustered = 0;       // indexed documents whose components were re-run
    std::size_t indexed_documents = 0; // after the run
    double seconds_lookup = 0, seconds_engine = 0, seconds_write = 0;
  } stats;
};

class DedupIndex {
 public:
  // Opens FILE (created if missing or empty, unless read_only). A file that
  // is not a winnow index, a damaged one, or an index built with other
  // shingle, MinHash or threshold options is refused (IndexError), never
  // written. `options` may be null for the maintenance commands: the index's
  // own are used.
  DedupIndex(const std::string& path, const DedupOptions* options, IndexOpenOptions open);
  ~DedupIndex();
  DedupIndex(const DedupIndex&) = delete;
  DedupIndex& operator=(const DedupIndex&) = delete;

  const DedupOptions& options() const;
  const std::string& path() const;

  // The maintenance commands (`winnow index ...`), each its own transaction.
  std::string stats_json();                               // documents, groups, nights, size
  std::optional<std::string> show_json(const std::string& id);  // group, original, first seen
  bool export_jsonl(const LineWriter& write);             // one line per document, by first seen
  std::size_t forget_before(const std::string& date);     // documents last seen before DATE
  void vacuum();
  std::vector<std::string> check();                       // problems found; empty: sound

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// One night: the dedup line (extraction, shingling) in front of the index.
class NightlyDedup {
 public:
  // Begins the write transaction: waits up to the index's wait_seconds for
  // another run, then throws IndexError (exit 4).
  NightlyDedup(DedupIndex& index, std::string night_date);
  ~NightlyDedup();  // rolls back whatever was not committed
  NightlyDedup(const NightlyDedup&) = delete;
  NightlyDedup& operator=(const NightlyDedup&) = delete;

  // Reads every record (see DedupLine::read); an id read twice in one run is
  // named and skipped. Returns false if the run was stopped.
  bool read(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics, std::size_t jobs,
            const DocumentRenderer& render = {}, const RenderedSink& on_record = {});
  // The verdicts; the index's new state is written in the open transaction.
  NightlyResult finish();
  // Makes the night durable (fsync'd). Not calling it (--dry-run) leaves the index as it was.
  void commit();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Today's date, UTC, as YYYY-MM-DD: the default night.
std::string utc_date_today();

}  // namespace winnow
