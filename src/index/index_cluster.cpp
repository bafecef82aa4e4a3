// The chain guard and the choice of original across nights.
//
// The problem: one big run over all nights takes the connected components
// of the verified-duplicate graph, then in each chooses the original and
// keeps only the members verified against it (src/dedup/dedup_cluster.cpp).
// A night that brings a copy of an indexed document can change that answer
// for the whole component: a better original (the official release after
// its repost), a member that now fails against the new original, two
// components joined by a page that copies both.
//
// The method: the index stores each document's component (the smallest
// seq of its connected duplicates) besides its original. A night loads
// every component one of its documents verifiably duplicates (and the old
// component of each changed document), adds its own documents, and runs
// the engine itself over that set, with the document frequencies of the
// whole index, in seq order (seq is the input order of one big run over the
// nights). Inside a component LSH proposes the same pairs as in the big
// run (same signatures, same templates), verification and clustering are
// the same code, so the groups come out the same; what can differ is
// named in the README: the template bar grows with the index, so a shingle
// that crosses it only on a later night was not yet a template on the
// earlier ones, and band keys stored on an earlier night were computed with
// the templates of that night.
//
// Cost: linear in the sizes of the components a night touches (loaded from
// the index by the docs_component index), usually a few documents per
// copy; a component of thousands of copies of one page is loaded whole
// each time it is touched.
#include "index_cluster.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "dedup/dedup_internal.hpp"

namespace winnow::index {

void decode_or_fail(Db& db, std::string_view blob, std::int64_t seq, std::vector<std::uint32_t>& out) {
  if (!detail::decode_blob(blob, out))
    throw IndexError(fmt::format("index {}: document {} has a damaged shingle set; run `winnow index check`", db.path(), seq),
                     kExitFatal);
}

void load_component(Db& db, std::int64_t component, const std::unordered_set<std::int64_t>& skip,
                    std::vector<Member>& out) {
  Stmt s(db,
         "SELECT seq, id, url, first_seen, date, official, excerpt, text_bytes, original, component, jaccard, "
         "containment, shingles FROM docs WHERE component = ?");
  s.bind(1, component);
  while (s.step()) {
    const std::int64_t seq = s.integer(0);
    if (skip.count(seq)) continue;
    Member m;
    m.seq = seq;
    m.id = s.text(1);
    m.url = s.text(2);
    m.first_seen = s.text(3);
    m.date = s.text(4);
    m.official = s.integer(5) != 0;
    m.excerpt = s.integer(6) != 0;
    m.text_bytes = static_cast<std::size_t>(s.integer(7));
    m.old_original = s.integer(8);
    m.old_component = s.integer(9);
    m.old_jaccard = s.null(10) ? 1.0 : s.real(10);
    m.old_containment = s.null(11) ? 1.0 : s.real(11);
    decode_or_fail(db, s.blob(12), seq, m.fps);
    out.push_back(std::move(m));
  }
}

DedupReport cluster_members(std::vector<Member>& members, const DedupOptions& options,
                            const std::vector<std::uint32_t>& df, std::size_t corpus_documents) {
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.seq < b.seq; });
  Deduplicator engine(options);
  engine.use_document_frequencies(&df, corpus_documents);
  for (const Member& m : members) {
    DedupItem item;
    item.sequence = static_cast<std::uint64_t>(m.seq);
    item.date = m.date;
    item.official = m.official;
    item.text_bytes = m.text_bytes;
    item.excerpt = m.excerpt;
    engine.add_fingerprints(std::move(item), m.fps);
  }
  DedupReport report = engine.finish();
  // Components: connected verified duplicates, named by their smallest seq
  // (members are sorted, so by the smallest position).
  std::vector<std::size_t> parent(members.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const DedupPair& p : report.pairs)
    if (p.duplicate) {
      const std::size_t a = find(p.a), b = find(p.b);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  for (std::size_t i = 0; i < members.size(); ++i) {
    const DedupRecord& r = report.records[i];
    Member& m = members[i];
    m.component = members[find(i)].seq;
    m.original = members[r.original].seq;
    m.jaccard = r.jaccard;
    m.containment = r.containment;
    m.in_group = r.group.has_value();
  }
  return report;
}

void write_loaded(Db& db, const std::vector<Member>& members) {
  Stmt s(db, "UPDATE docs SET original = ?, component = ?, jaccard = ?, containment = ? WHERE seq = ?");
  for (const Member& m : members) {
    if (m.tonight >= 0) continue;
    if (m.original == m.old_original && m.component == m.old_component &&
        (m.original == m.seq || (m.jaccard == m.old_jaccard && m.containment == m.old_containment)))
      continue;
    s.reset();
    s.bind(1, m.original).bind(2, m.component);
    if (m.original == m.seq) s.bind_null(3).bind_null(4);
    else s.bind(3, m.jaccard).bind(4, m.containment);
    s.bind(5, m.seq);
    s.step();
  }
}

}  // namespace winnow::index
