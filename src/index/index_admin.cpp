// The index's maintenance commands: `winnow index stats|show|export|forget|
// vacuum|check`, for the people who run the nightly job.
//
// Readers (stats, show, export, check) open the file read-only and read in
// one transaction: under WAL they see the last committed night while a run
// writes the next, and never block it. forget drops the documents last
// seen before a date, takes their counts out of the frequency table and
// their keys out of the band table (a scan of the band table: a rotation
// is rare), and re-runs the engine over what is left of their components,
// so the groups stay those of one run over the documents kept. check runs
// SQLite's integrity_check, then the index's own invariants: every
// shingle set decodes, the frequency table equals the sum of the stored
// sets, every original and component names a document, originals are
// their own originals, no band row names a missing document.
#include <fmt/format.h>

#include <unordered_set>

#include "dedup/dedup_internal.hpp"
#include "index_cluster.hpp"
#include "index_db.hpp"
#include "winnow/index.hpp"
#include "winnow/output.hpp"

namespace winnow {

using index::Stmt;

DedupIndex::DedupIndex(const std::string& path, const DedupOptions* options, IndexOpenOptions open)
    : impl_(std::make_unique<Impl>(path, options, open)) {}
DedupIndex::~DedupIndex() = default;
const DedupOptions& DedupIndex::options() const { return impl_->options; }
const std::string& DedupIndex::path() const { return impl_->db.path(); }

namespace {
std::int64_t one(index::Db& db, const char* sql) {
  Stmt s(db, sql);
  return s.step() ? s.integer(0) : 0;
}
std::string one_text(index::Db& db, const char* sql) {
  Stmt s(db, sql);
  return s.step() ? s.text(0) : std::string();
}
std::string json(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
}  // namespace

std::string DedupIndex::stats_json() {
  index::Db& db = impl_->db;
  index::Transaction t(db, false);
  const std::int64_t docs = one(db, "SELECT count(*) FROM docs");
  const std::int64_t groups = one(db, "SELECT count(DISTINCT original) FROM docs WHERE original != seq");
  const std::int64_t copies = one(db, "SELECT count(*) FROM docs WHERE original != seq");
  const std::int64_t nights = one(db, "SELECT count(*) FROM nights");
  const std::int64_t bytes = one(db, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  const std::int64_t free_bytes = one(db, "SELECT freelist_count * page_size FROM pragma_freelist_count(), pragma_page_size()");
  const std::string first = one_text(db, "SELECT min(date) FROM nights");
  const std::string last = one_text(db, "SELECT max(date) FROM nights");
  const DedupOptions& o = impl_->options;
  return fmt::format(
      "{{\"index\":{},\"documents\":{},\"groups\":{},\"copies\":{},\"nights\":{},\"first_night\":{},"
      "\"last_night\":{},\"bytes\":{},\"free_bytes\":{},\"bytes_per_document\":{},"
      "\"options\":{{\"shingle_size\":{},\"num_perm\":{},\"jaccard\":{},\"containment\":{}}}}}",
      json(db.path()), docs, groups, copies, nights, first.empty() ? "null" : json(first),
      last.empty() ? "null" : json(last), bytes, free_bytes, docs ? (bytes - free_bytes) / docs : 0, o.shingles.k,
      o.num_perm, o.jaccard, o.containment);
}

std::optional<std::string> DedupIndex::show_json(const std::string& id) {
  index::Db& db = impl_->db;
  index::Transaction t(db, false);
  Stmt s(db,
         "SELECT d.seq, d.url, d.first_seen, d.last_seen, d.original, d.jaccard, d.containment, o.id, o.url, "
         "o.first_seen, (SELECT count(*) FROM docs g WHERE g.original = d.original) "
         "FROM docs d JOIN docs o ON o.seq = d.original WHERE d.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  const bool original = s.integer(4) == s.integer(0);
  const std::int64_t size = s.integer(10);
  std::string out = fmt::format("{{\"id\":{},\"url\":{},\"first_seen\":{},\"last_seen\":{},\"role\":\"{}\",\"group_size\":{}",
                                json(id), json(s.text(1)), json(s.text(2)), json(s.text(3)),
                                original ? (size > 1 ? "original" : "unique") : "copy", size);
  out += fmt::format(",\"original\":{{\"id\":{},\"url\":{},\"first_seen\":{}}}", json(s.text(7)), json(s.text(8)),
                     json(s.text(9)));
  if (!original) out += fmt::format(",\"jaccard\":{:.4f},\"containment\":{:.4f}", s.real(5), s.real(6));
  out += '}';
  return out;
}

bool DedupIndex::export_jsonl(const LineWriter& write) {
  index::Db& db = impl_->db;
  index::Transaction t(db, false);
  Stmt s(db,
         "SELECT d.id, d.url, d.first_seen, d.last_seen, o.id, d.seq = d.original, d.jaccard, d.containment "
         "FROM docs d JOIN docs o ON o.seq = d.original ORDER BY d.seq");
  while (s.step()) {
    std::string line = fmt::format("{{\"id\":{},\"url\":{},\"first_seen\":{},\"last_seen\":{},\"original\":{}",
                                   json(s.text(0)), json(s.text(1)), json(s.text(2)), json(s.text(3)),
                                   json(s.text(4)));
    if (!s.integer(5)) line += fmt::format(",\"jaccard\":{:.4f},\"containment\":{:.4f}", s.real(6), s.real(7));
    line += '}';
    if (!write(line)) return false;
  }
  return true;
}

std::size_t DedupIndex::forget_before(const std::string& date) {
  index::Db& db = impl_->db;
  index::Transaction t(db, true);
  std::vector<std::uint32_t> df = index::load_df(db);
  const std::vector<std::uint32_t> df_before = df;
  db.exec("CREATE TEMP TABLE IF NOT EXISTS forgotten(seq INTEGER PRIMARY KEY)");
  db.exec("DELETE FROM forgotten");
  std::unordered_set<std::int64_t> components;
  std::size_t dropped = 0;
  {
    Stmt s(db, "SELECT seq, component, shingles FROM docs WHERE last_seen < ?");
    Stmt mark(db, "INSERT INTO forgotten(seq) VALUES (?)");
    s.bind(1, date);
    std::vector<std::uint32_t> fps;
    while (s.step()) {
      index::decode_or_fail(db, s.blob(2), s.integer(0), fps);
      for (std::uint32_t fp : fps) df[fp] -= df[fp] > 0;
      components.insert(s.integer(1));
      mark.reset();
      mark.bind(1, s.integer(0));
      mark.step();
      ++dropped;
    }
  }
  if (dropped) {
    db.exec("DELETE FROM docs WHERE seq IN (SELECT seq FROM forgotten)");
    db.exec("DELETE FROM bands WHERE seq IN (SELECT seq FROM forgotten)");
    index::store_df(db, df, &df_before);
    const auto corpus = static_cast<std::size_t>(one(db, "SELECT count(*) FROM docs"));
    // What is left of each touched component, re-run alone: a component
    // whose original was dropped gets the original one run over the rest gives.
    const std::unordered_set<std::int64_t> none;
    for (std::int64_t component : components) {
      std::vector<index::Member> members;
      index::load_component(db, component, none, members);
      if (members.empty()) continue;
      index::cluster_members(members, impl_->options, df, corpus);
      index::write_loaded(db, members);
    }
  }
  t.commit();
  return dropped;
}

void DedupIndex::vacuum() {
  index::Db& db = impl_->db;
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.exec("VACUUM");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::vector<std::string> DedupIndex::check() {
  index::Db& db = impl_->db;
  std::vector<std::string> problems;
  index::Transaction t(db, false);
  {
    Stmt s(db, "PRAGMA integrity_check");
    while (s.step())
      if (s.text(0) != "ok") problems.push_back("integrity_check: " + s.text(0));
  }
  if (!problems.empty()) return problems;  // the rest reads what SQLite says is damaged
  std::vector<std::uint32_t> counted(detail::kFingerprintSpace, 0), fps;
  {
    Stmt s(db, "SELECT seq, id, shingles FROM docs");
    while (s.step()) {
      if (!detail::decode_blob(s.blob(2), fps)) {
        problems.push_back(fmt::format("document {}: its shingle set does not decode", s.text(1)));
        continue;
      }
      for (std::uint32_t fp : fps) ++counted[fp];
    }
  }
  const std::vector<std::uint32_t> stored = index::load_df(db);
  std::size_t wrong = 0;
  for (std::size_t fp = 0; fp < counted.size(); ++fp) wrong += counted[fp] != stored[fp];
  if (wrong) problems.push_back(fmt::format("frequency table: {} counts differ from the stored shingle sets", wrong));
  auto expect_zero = [&](const char* sql, const char* what) {
    const std::int64_t n = one(db, sql);
    if (n) problems.push_back(fmt::format("{}: {}", what, n));
  };
  expect_zero("SELECT count(*) FROM docs d WHERE NOT EXISTS (SELECT 1 FROM docs o WHERE o.seq = d.original)",
              "documents whose original is missing");
  expect_zero("SELECT count(*) FROM docs d WHERE NOT EXISTS (SELECT 1 FROM docs o WHERE o.seq = d.component)",
              "documents whose component is missing");
  expect_zero("SELECT count(*) FROM docs d JOIN docs o ON o.seq = d.original WHERE o.original != o.seq",
              "documents whose original is itself a copy");
  expect_zero("SELECT count(*) FROM bands b WHERE NOT EXISTS (SELECT 1 FROM docs d WHERE d.seq = b.seq)",
              "band keys of missing documents");
  expect_zero("SELECT count(*) FROM docs WHERE seq >= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_seq')",
              "documents past next_seq");
  return problems;
}

}  // namespace winnow
