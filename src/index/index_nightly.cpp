// A night against the index: today's documents compared with each other
// and with everything indexed, then added, in one transaction.
//
// The problem: a cron job must tell that today's repost copies a release
// crawled last month without re-reading the history, and the answer must be
// the one a single run over all nights would give (exact verification,
// template suppression, the chain guard, the choice of original), while the
// index grows to millions of documents and the machine stays small.
//
// The method, in finish():
//  1. Each input is looked up by id: same id and same fingerprints is a
//     `repeat` (a re-crawl: not a copy of itself, nothing re-indexed), same
//     id and other content is `changed` (its old content leaves the
//     frequencies, the new one replaces it), else it is new and takes the
//     next seq.
//  2. Document frequencies: the index's table (16 MiB, one count per
//     fingerprint) plus tonight's, minus the changed documents' old
//     content; the template bar is that of index + tonight.
//  3. Candidates: tonight's band keys (the engine's own signing, with these
//     templates) are looked up in the `bands` table (a B-tree on the key:
//     one point lookup per band); every indexed document found is verified
//     exactly on its stored shingle set (the engine's Rice blob).
//  4. The components of the verified ones are loaded and the engine re-run
//     over them and tonight's documents (index_cluster.cpp), which gives the
//     groups of one big run; a night that brings a better original says so
//     (`supersedes`) and the index follows.
//  5. Writes: tonight's documents, their band keys, the changed groups,
//     the frequencies, a `nights` row, all in the transaction begun by the
//     constructor (BEGIN IMMEDIATE: the write lock, so an overlapping run
//     waits --wait seconds and gives up with exit 4). Nothing is visible
//     until commit(): kill -9 at any moment leaves the previous night.
//
// Cost per night of n documents: n x bands point lookups (42 by default),
// one blob read and decode per distinct candidate, the engine over the
// night plus the touched components, and the 16 MiB frequency table read
// and written once. Memory: the night's fingerprints (~3 KB a document as
// 32-bit values), the frequency table and template bits (~17 MiB), and
// SQLite's page cache (kCacheKiB = 64 MiB); nothing grows with the index.
#include <fmt/format.h>
#include <xxhash.h>

#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include "dedup/dedup_internal.hpp"
#include "index_cluster.hpp"
#include "index_db.hpp"
#include "winnow/index.hpp"
#include "winnow/output.hpp"
#include "winnow/pipeline.hpp"

namespace winnow {

const char* index_status_name(IndexStatus s) {
  switch (s) {
    case IndexStatus::Copy: return "copy";
    case IndexStatus::Repeat: return "repeat";
    case IndexStatus::Changed: return "changed";
    case IndexStatus::New: break;
  }
  return "new";
}

namespace {
void append_ref(std::string& out, const IndexedRef& ref) {
  out += "{\"id\":";
  append_json_string(out, ref.id);
  out += ",\"url\":";
  append_json_string(out, ref.url);
  out += ",\"first_seen\":";
  append_json_string(out, ref.first_seen);
  out += '}';
}
}  // namespace

std::string nightly_record_json(const NightlyRecord& r) {
  std::string out = "{\"id\":";
  append_json_string(out, r.id);
  out += fmt::format(",\"status\":\"{}\",\"first_seen\":", index_status_name(r.status));
  append_json_string(out, r.first_seen);
  if (r.of) {
    out += ",\"of\":";
    append_ref(out, *r.of);
    out += fmt::format(",\"jaccard\":{:.4f},\"containment\":{:.4f}", r.jaccard, r.containment);
  }
  if (r.supersedes) {
    out += ",\"supersedes\":";
    append_ref(out, *r.supersedes);
  }
  out += fmt::format(",\"keep\":{}}}", r.keep() ? "true" : "false");
  return out;
}

std::string utc_date_today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

namespace {
struct TonightDoc {
  std::string id, url, date;
  bool official = false, excerpt = false;
  std::size_t text_bytes = 0;
  std::vector<std::uint32_t> fps;
  std::int64_t content = 0;
};

std::int64_t content_hash(const std::vector<std::uint32_t>& fps) {
  return static_cast<std::int64_t>(XXH3_64bits(fps.data(), fps.size() * sizeof(std::uint32_t)));
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A set as verification sees it (EffectiveSets::load): template
// fingerprints removed, or only chrome when too little would be left.
void effective(const std::vector<std::uint32_t>& set, const detail::TemplateBits& bits, const DedupOptions& opt,
               std::vector<std::uint32_t>& out) {
  out.clear();
  for (std::uint32_t fp : set)
    if (!bits.is_template(fp)) out.push_back(fp);
  if (static_cast<double>(out.size()) < opt.template_min_kept * static_cast<double>(set.size())) {
    out.clear();
    for (std::uint32_t fp : set)
      if (!bits.is_chrome(fp)) out.push_back(fp);
  }
}
}  // namespace

struct NightlyDedup::Impl {
  DedupIndex& index;
  index::Db& db;
  std::string night;
  std::optional<index::Transaction> transaction;
  std::vector<TonightDoc> docs;
  std::unordered_map<std::string, std::size_t> ids;
  Impl(DedupIndex& i, std::string n) : index(i), db(i.impl().db), night(std::move(n)) {}
};

NightlyDedup::NightlyDedup(DedupIndex& index, std::string night_date)
    : impl_(std::make_unique<Impl>(index, std::move(night_date))) {
  impl_->transaction.emplace(impl_->db, true);
}

NightlyDedup::~NightlyDedup() = default;

bool NightlyDedup::read(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics, std::size_t jobs,
                        const DocumentRenderer& render, const RenderedSink& on_record) {
  PipelineOptions pipeline;
  pipeline.jobs = jobs;
  const ShingleOptions shingles = impl_->index.options().shingles;
  pipeline.after_extract = [shingles](Document& doc) { doc.shingles = shingle_set(doc.text, shingles); };
  return run_extraction(reader, extractor, diagnostics, pipeline, render, [&](Document& doc, std::string& record) {
    if (!impl_->ids.emplace(doc.id, impl_->docs.size()).second) {
      diagnostics.skipped(doc.id, "the same id was read earlier in this run; this copy is not indexed",
                          SkipClass::Corrupt);
      return true;
    }
    DedupItem item = dedup_item(doc, 0, extractor.profiles());
    TonightDoc t;
    t.id = doc.id;
    t.url = doc.url.empty() ? doc.canonical_url : doc.url;
    t.date = std::move(item.date);
    t.official = item.official;
    t.excerpt = item.excerpt;
    t.text_bytes = item.text_bytes;
    detail::fingerprints_of(item.shingles, t.fps);
    t.content = content_hash(t.fps);
    impl_->docs.push_back(std::move(t));
    return !on_record || on_record(doc, record);
  });
}

void NightlyDedup::commit() {
  if (impl_->transaction) impl_->transaction->commit();
  impl_->transaction.reset();
}

NightlyResult NightlyDedup::finish() {
  using index::Member;
  using index::Stmt;
  index::Db& db = impl_->db;
  const DedupOptions& opt = impl_->index.options();
  const std::string& night = impl_->night;
  std::vector<TonightDoc>& docs = impl_->docs;
  NightlyResult result;
  auto t0 = std::chrono::steady_clock::now();

  std::vector<std::uint32_t> df = index::load_df(db);
  const std::vector<std::uint32_t> df_before = df;
  std::int64_t next_seq = std::stoll(db.meta("next_seq"));
  std::int64_t indexed = 0, night_no = 1;
  {
    Stmt s(db, "SELECT count(*) FROM docs");
    if (s.step()) indexed = s.integer(0);
    Stmt n(db, "SELECT coalesce(max(night), 0) + 1 FROM nights");
    if (n.step()) night_no = n.integer(0);
  }

  // 1. Repeat, changed or new.
  struct Entry {
    std::int64_t seq = 0;
    IndexStatus status = IndexStatus::New;
    std::string first_seen;
    std::int64_t old_component = 0;
  };
  std::vector<Entry> entries(docs.size());
  std::vector<std::uint32_t> old;
  std::vector<std::pair<std::int64_t, std::vector<std::uint32_t>>> replaced;  // changed: seq, old content
  std::size_t fresh = 0;
  {
    Stmt by_id(db, "SELECT seq, content, first_seen, component, shingles FROM docs WHERE id = ?");
    for (std::size_t i = 0; i < docs.size(); ++i) {
      Entry& e = entries[i];
      by_id.reset();
      by_id.bind(1, docs[i].id);
      if (by_id.step()) {
        e.seq = by_id.integer(0);
        e.first_seen = by_id.text(2);
        e.old_component = by_id.integer(3);
        if (by_id.integer(1) == docs[i].content) {
          e.status = IndexStatus::Repeat;
        } else {
          e.status = IndexStatus::Changed;
          index::decode_or_fail(db, by_id.blob(4), e.seq, old);
          for (std::uint32_t fp : old) df[fp] -= df[fp] > 0;
          replaced.emplace_back(e.seq, old);
        }
        while (by_id.step()) {}
      } else {
        e.seq = next_seq++;
        e.first_seen = night;
        ++fresh;
      }
      if (e.status != IndexStatus::Repeat)
        for (std::uint32_t fp : docs[i].fps) ++df[fp];
    }
  }
  const std::size_t corpus = static_cast<std::size_t>(indexed) + fresh;

  // 2-3. Templates, tonight's band keys, lookups, exact verification.
  const detail::TemplateBits bits = detail::template_bits_from(df, corpus, opt);
  const Deduplicator::Banding banding = Deduplicator(opt).banding();
  const MinHasher hasher(opt.num_perm, opt.seed);
  std::vector<std::vector<std::int64_t>> keys(docs.size());
  std::set<std::int64_t> involved;
  // A changed document is loaded with tonight's content, not its old one;
  // a repeat in a loaded component is loaded as indexed (same content).
  std::unordered_set<std::int64_t> changed_seqs;
  for (const Entry& e : entries)
    if (e.status == IndexStatus::Changed) changed_seqs.insert(e.seq);
  {
    Stmt lookup(db, "SELECT seq FROM bands WHERE key = ?");
    Stmt load(db, "SELECT component, shingles FROM docs WHERE seq = ?");
    struct Candidate {
      std::int64_t component = 0;
      std::vector<std::uint32_t> set;  // effective
    };
    std::unordered_map<std::int64_t, Candidate> cache;
    std::vector<std::uint32_t> raw_keys(banding.bands), mine, raw;
    std::vector<std::uint64_t> wide;
    std::vector<std::uint32_t> sig;
    // Tonight's keys, then one lookup per distinct key in key order: the
    // B-tree is walked front to back instead of at random (a third of the
    // lookup time at 100k indexed documents).
    std::vector<std::pair<std::int64_t, std::uint32_t>> wanted;  // key, document
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const Entry& e = entries[i];
      if (e.status == IndexStatus::Repeat) continue;
      if (e.status == IndexStatus::Changed) involved.insert(e.old_component);
      bool fallback = false;
      if (!detail::band_keys(docs[i].fps, bits, hasher, opt, banding.bands, banding.rows, raw_keys.data(), 1,
                             &fallback, wide, sig))
        continue;
      for (std::size_t b = 0; b < banding.bands; ++b) {
        keys[i].push_back(index::stored_band_key(b, raw_keys[b]));
        wanted.emplace_back(keys[i].back(), static_cast<std::uint32_t>(i));
      }
    }
    std::sort(wanted.begin(), wanted.end());
    std::vector<std::vector<std::int64_t>> found_by_doc(docs.size());
    std::vector<std::int64_t> hits;
    for (std::size_t w = 0; w < wanted.size();) {
      const std::int64_t key = wanted[w].first;
      lookup.reset();
      lookup.bind(1, key);
      ++result.stats.band_lookups;
      hits.clear();
      while (lookup.step()) hits.push_back(lookup.integer(0));
      for (; w < wanted.size() && wanted[w].first == key; ++w)
        for (std::int64_t seq : hits)
          if (seq != entries[wanted[w].second].seq) found_by_doc[wanted[w].second].push_back(seq);
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
      std::vector<std::int64_t>& found = found_by_doc[i];
      if (found.empty()) continue;
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      effective(docs[i].fps, bits, opt, mine);
      for (std::int64_t seq : found) {
        auto it = cache.find(seq);
        if (it == cache.end()) {
          load.reset();
          load.bind(1, seq);
          Candidate c;
          if (load.step()) {
            c.component = load.integer(0);
            index::decode_or_fail(db, load.blob(1), seq, raw);
            effective(raw, bits, opt, c.set);
            while (load.step()) {}
          }
          it = cache.emplace(seq, std::move(c)).first;
          ++result.stats.indexed_candidates;
        }
        if (it->second.set.empty() || involved.count(it->second.component)) continue;
        const DedupPair p = detail::score_pair(0, 1, mine.size(), it->second.set.size(),
                                               detail::intersect(mine, it->second.set), opt);
        if (p.duplicate) involved.insert(it->second.component);
      }
    }
  }
  result.stats.seconds_lookup = seconds_since(t0);

  // 4. The touched components and tonight's documents through the engine.
  t0 = std::chrono::steady_clock::now();
  std::vector<Member> members;
  for (std::int64_t component : involved) index::load_component(db, component, changed_seqs, members);
  result.stats.reclustered = members.size();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (entries[i].status == IndexStatus::Repeat) continue;
    Member m;
    m.seq = entries[i].seq;
    m.id = docs[i].id;
    m.url = docs[i].url;
    m.first_seen = entries[i].first_seen;
    m.date = docs[i].date;
    m.official = docs[i].official;
    m.excerpt = docs[i].excerpt;
    m.text_bytes = docs[i].text_bytes;
    m.fps = std::move(docs[i].fps);  // tonight's sets live in the members from here on
    m.tonight = static_cast<int>(i);
    members.push_back(std::move(m));
  }
  const DedupReport report = index::cluster_members(members, opt, df, corpus);
  result.stats.seconds_engine = seconds_since(t0);

  // 5. Writes.
  t0 = std::chrono::steady_clock::now();
  index::write_loaded(db, members);
  {
    Stmt insert(db,
                "INSERT INTO docs(seq, id, url, first_seen, last_seen, night, date, official, excerpt, text_bytes, "
                "content, original, component, jaccard, containment, shingles) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Stmt update(db,
                "UPDATE docs SET url = ?, last_seen = ?, night = ?, date = ?, official = ?, excerpt = ?, "
                "text_bytes = ?, content = ?, original = ?, component = ?, jaccard = ?, containment = ?, "
                "shingles = ? WHERE seq = ?");
    Stmt band(db, "INSERT OR IGNORE INTO bands(key, seq) VALUES (?, ?)");
    std::vector<std::pair<std::int64_t, std::int64_t>> rows;
    // A changed document's old keys, as far as tonight's templates give
    // them back (all of them unless a shingle of it crossed the template bar
    // since it was indexed: a key left behind only adds a verified candidate).
    {
      Stmt unband(db, "DELETE FROM bands WHERE key = ? AND seq = ?");
      std::vector<std::uint32_t> old_keys(banding.bands), sig;
      std::vector<std::uint64_t> wide;
      for (const auto& [seq, set] : replaced) {
        bool fallback = false;
        if (!detail::band_keys(set, bits, hasher, opt, banding.bands, banding.rows, old_keys.data(), 1, &fallback,
                               wide, sig))
          continue;
        for (std::size_t b = 0; b < banding.bands; ++b) {
          unband.reset();
          unband.bind(1, index::stored_band_key(b, old_keys[b])).bind(2, seq);
          unband.step();
        }
      }
    }
    for (const Member& m : members) {
      if (m.tonight < 0) continue;
      const auto i = static_cast<std::size_t>(m.tonight);
      const TonightDoc& d = docs[i];
      const std::string blob = detail::encode_blob(m.fps.data(), m.fps.size());
      const bool is_new = entries[i].status == IndexStatus::New;
      Stmt& s = is_new ? insert : update;
      s.reset();
      int c = 0;
      auto next = [&c] { return ++c; };
      if (is_new) {
        s.bind(next(), m.seq);
        s.bind(next(), d.id);
      }
      s.bind(next(), d.url);
      if (is_new) s.bind(next(), night);
      s.bind(next(), night);
      s.bind(next(), night_no);
      s.bind(next(), d.date);
      s.bind(next(), std::int64_t{d.official});
      s.bind(next(), std::int64_t{d.excerpt});
      s.bind(next(), static_cast<std::int64_t>(d.text_bytes));
      s.bind(next(), d.content);
      s.bind(next(), m.original);
      s.bind(next(), m.component);
      if (m.original == m.seq) {
        s.bind_null(next());
        s.bind_null(next());
      } else {
        s.bind(next(), m.jaccard);
        s.bind(next(), m.containment);
      }
      s.bind_blob(next(), blob);
      if (!is_new) s.bind(next(), m.seq);
      s.step();
      for (std::int64_t key : keys[i]) rows.emplace_back(key, m.seq);
    }
    // In key order, like the lookups: appends to the B-tree's pages in turn.
    std::sort(rows.begin(), rows.end());
    for (const auto& [key, seq] : rows) {
      band.reset();
      band.bind(1, key).bind(2, seq);
      band.step();
    }
    Stmt seen(db, "UPDATE docs SET last_seen = ? WHERE seq = ?");
    for (const Entry& e : entries)
      if (e.status == IndexStatus::Repeat) {
        seen.reset();
        seen.bind(1, night).bind(2, e.seq);
        seen.step();
      }
  }
  index::store_df(db, df, &df_before);
  db.set_meta("next_seq", std::to_string(next_seq));

  // Records, read back from the index's new state.
  std::unordered_map<std::int64_t, std::size_t> position;  // seq -> index in members
  for (std::size_t k = 0; k < members.size(); ++k) position[members[k].seq] = k;
  // The previous original of each re-run group, for `supersedes`.
  std::map<std::size_t, std::int64_t> previous_original;  // report group -> seq
  for (std::size_t k = 0; k < members.size(); ++k) {
    const Member& m = members[k];
    const auto& g = report.records[k].group;
    if (g && m.tonight < 0 && m.old_original == m.seq && !previous_original.count(*g))
      previous_original[*g] = m.seq;
  }
  Stmt state(db, "SELECT original, jaccard, containment FROM docs WHERE seq = ?");
  Stmt ref(db, "SELECT id, url, first_seen FROM docs WHERE seq = ?");
  auto ref_of = [&](std::int64_t seq) {
    ref.reset();
    ref.bind(1, seq);
    IndexedRef r;
    if (ref.step()) {
      r.id = ref.text(0);
      r.url = ref.text(1);
      r.first_seen = ref.text(2);
      while (ref.step()) {}
    }
    return r;
  };
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Entry& e = entries[i];
    NightlyRecord r;
    r.id = docs[i].id;
    r.status = e.status;
    r.first_seen = e.first_seen;
    state.reset();
    state.bind(1, e.seq);
    if (state.step()) {
      const std::int64_t original = state.integer(0);
      if (original != e.seq) {
        r.of = ref_of(original);
        r.jaccard = state.real(1);
        r.containment = state.real(2);
      }
      while (state.step()) {}
    }
    if (r.status == IndexStatus::New && r.of) r.status = IndexStatus::Copy;
    if (!r.of && e.status != IndexStatus::Repeat) {
      auto at = position.find(e.seq);
      if (at != position.end() && report.records[at->second].group) {
        auto it = previous_original.find(*report.records[at->second].group);
        if (it != previous_original.end() && it->second != e.seq) {
          r.supersedes = ref_of(it->second);
          ++result.stats.better_originals;
        }
      }
    }
    switch (r.status) {
      case IndexStatus::New: ++result.stats.fresh; break;
      case IndexStatus::Copy: ++result.stats.copies; break;
      case IndexStatus::Repeat: ++result.stats.repeats; break;
      case IndexStatus::Changed: ++result.stats.changed; break;
    }
    result.records.push_back(std::move(r));
  }
  result.stats.documents = docs.size();
  result.stats.indexed_documents = corpus;
  {
    Stmt n(db,
           "INSERT INTO nights(night, date, finished, documents, new, copies, repeats, changed) "
           "VALUES (?, ?, datetime('now'), ?, ?, ?, ?, ?)");
    n.bind(1, night_no).bind(2, night).bind(3, static_cast<std::int64_t>(docs.size()));
    n.bind(4, static_cast<std::int64_t>(result.stats.fresh)).bind(5, static_cast<std::int64_t>(result.stats.copies));
    n.bind(6, static_cast<std::int64_t>(result.stats.repeats)).bind(7, static_cast<std::int64_t>(result.stats.changed));
    n.step();
  }
  result.stats.seconds_write = seconds_since(t0);
  return result;
}

}  // namespace winnow
