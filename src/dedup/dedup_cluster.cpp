// From verified pairs to groups: no chains, and a reasoned choice of original.
//
// Chains. Taking connected components of the duplicate graph (what
// union-find over LSH buckets does in datatrove and text-dedup) merges A and C
// whenever A ~ B ~ C, even if A and C share nothing: a page quoting half of
// one article and half of another joins the two. Here a component is only a
// proposal. We choose its original, verify every member against that
// original (exactly, computing the pair if LSH never proposed it), keep the
// members that pass, and treat the rest as a new proposal with the duplicate
// edges among them, recursively. Every member of a final group is thus a
// verified duplicate of the group's original, and nothing else is claimed.
//
// The original, KeepPolicy::Original. The document the others derive from:
// the press release, not the repost that adds a paragraph, nor the excerpt
// that cuts it, nor the selection that picks from it, nor the re-typed
// mirror (issue 19). A tournament over the members with one pairwise rule,
// decide(x, y), the first of these that tells them apart:
//   1. an excerpt mark (looks_like_excerpt(): "... Read more" in the table of
//      profiles/excerpt_marks.tsv) loses to a member without it   truncation
//   2. a page whose canonical_url is the other's url loses           canonical
//   3. a known site profile that publishes originals wins            official
//   4. the structure of the difference (dedup_align.cpp aligns the
//      smaller outline in the larger): a cut-off head or a selection
//      names the larger; paragraphs added at the edges (or expansions
//      inside) name the smaller        truncation / selection / added-paragraphs
//      -- unless, in a group, a third member has most of the larger's
//      extra words (they are the article's, not added: the larger wins),
//      or the extra is under 15% of the larger and coverage (5) decides
//      (a light rewrite dropping one sentence looks like an appended one)
//   5. near-identical or unaligned: coverage, the summed share of the
//      larger side with every other member, picks the centre of a
//      group of three or more (within 2% it does not decide)          coverage
//   6. unaligned (no outlines): the member most contained in the
//      others, unless within 3% (as before issue 19)          added-paragraphs
//   7. fewer words no other text has (dedup_spelling.cpp)            spelling
//   8. the earliest date (undated last)                              date
//   9. input order                                                   tie
// An excerpt takes part only when every member is one. Structure comes
// before coverage: in a group {source, selection, selection} the two
// selections share with each other about as much as with the source, and
// coverage picked one of them; pairwise structure picks the source, which
// beats every other member, and a tournament finds such a member whatever
// the order. Official before structure, as it came before containment:
// the osce.org page over the blog whichever contains which. The reason
// reported, DedupGroup::reason, is decide() between the original and the
// member that would be original without it (the runner-up's tournament).
// Known weak spots: in a pair, an unmarked cut keeping more than 70% of
// its article and a repost appending 30% or more commentary with nothing
// above the article look alike (dedup_align.cpp draws the line at a 30%
// tail); only a third member, or a mark, tells them apart.
//
// Other policies: Longest (most text bytes), First (input order), Newest
// (latest date, undated last); ties by input order.
#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "dedup_internal.hpp"

namespace winnow::detail {
namespace {

constexpr double kWeakExtra = 0.15;  // of the larger text: see by_structure()
constexpr std::size_t kExactGroup = 64;  // members: above, only verified overlaps are scored

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// "earlier" with undated documents after dated ones.
bool date_before(const std::string& a, const std::string& b) {
  if (a.empty() != b.empty()) return !a.empty();
  return a < b;
}

class Clusterer {
 public:
  Clusterer(DedupReport& report, const EffectiveSets& sets, const std::vector<std::uint32_t>& sizes,
            const std::vector<DocInfo>& info, const OutlineStore& outlines, const DedupOptions& options)
      : report_(report), sets_(sets), sizes_(sizes), info_(info), outlines_(outlines), options_(options) {
    // report.pairs arrives sorted by (a, b): looked up by binary search;
    // pairs computed here go to extra_.
    verified_ = report.pairs.size();
    for (const auto& p : report.pairs)
      if (p.duplicate) edges_.emplace_back(static_cast<std::uint32_t>(p.a), static_cast<std::uint32_t>(p.b));
  }

  void run() {
    const std::size_t n = sizes_.size();
    UnionFind uf(n);
    for (auto [a, b] : edges_) uf.unite(a, b);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> components;
    for (auto [a, b] : edges_) {
      components[uf.find(a)];
    }
    for (std::uint32_t d = 0; d < n; ++d) {
      auto it = components.find(uf.find(d));
      if (it != components.end()) it->second.push_back(d);
    }
    // Adjacency restricted to documents in some component.
    for (auto [a, b] : edges_) {
      adjacency_[a].push_back(b);
      adjacency_[b].push_back(a);
    }
    for (auto& [root, members] : components) resolve(members);

    std::sort(groups_.begin(), groups_.end(),
              [](const DedupGroup& x, const DedupGroup& y) { return x.members.front() < y.members.front(); });
    report_.records.assign(n, DedupRecord{});
    for (std::size_t d = 0; d < n; ++d) {
      report_.records[d].original = d;
      report_.records[d].shingles = sizes_[d];
      report_.records[d].template_fallback = sets_.keeps_all(d);
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (std::size_t m : groups_[g].members) {
        DedupRecord& r = report_.records[m];
        r.group = g;
        r.original = groups_[g].original;
        r.is_original = m == groups_[g].original;
        if (!r.is_original) {
          const DedupPair& p = *find(m, groups_[g].original);
          r.jaccard = p.jaccard;
          r.containment = p.containment;
        }
      }
    }
    report_.groups = std::move(groups_);
    for (auto& [k, p] : extra_) report_.pairs.push_back(p);
    std::sort(report_.pairs.begin(), report_.pairs.end(),
              [](const DedupPair& x, const DedupPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  }

  std::size_t splits = 0;

 private:
  static std::uint64_t key(std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    return static_cast<std::uint64_t>(a) << 32 | b;
  }

  const std::vector<std::uint32_t>& set(std::uint32_t d) {
    auto it = decoded_.find(d);
    if (it == decoded_.end()) {
      it = decoded_.emplace(d, std::vector<std::uint32_t>{}).first;
      sets_.load(d, it->second);
    }
    return it->second;
  }

  const DedupPair* find(std::size_t a, std::size_t b) const {
    if (a > b) std::swap(a, b);
    auto end = report_.pairs.begin() + static_cast<std::ptrdiff_t>(verified_);
    auto it = std::lower_bound(report_.pairs.begin(), end, std::make_pair(a, b),
                               [](const DedupPair& p, const std::pair<std::size_t, std::size_t>& k) {
                                 return p.a != k.first ? p.a < k.first : p.b < k.second;
                               });
    if (it != end && it->a == a && it->b == b) return &*it;
    auto x = extra_.find(key(a, b));
    return x == extra_.end() ? nullptr : &x->second;
  }

  // The verified pair (a, b), computing and recording it if LSH never proposed it.
  const DedupPair& pair(std::uint32_t a, std::uint32_t b) {
    if (const DedupPair* p = find(a, b)) return *p;
    const auto& sa = set(a);
    const auto& sb = set(b);
    return extra_.emplace(key(a, b), score_pair(a, b, sa.size(), sb.size(), intersect(sa, sb), options_))
        .first->second;
  }

  std::size_t overlap(std::uint32_t a, std::uint32_t b, bool exact) {
    if (const DedupPair* p = find(a, b))
      return static_cast<std::size_t>(p->containment * std::min(sizes_[a], sizes_[b]) + 0.5);
    return exact ? intersect(set(a), set(b)) : 0;
  }

  std::uint32_t choose_original(const std::vector<std::uint32_t>& m) {
    auto by_input = [&](std::uint32_t x, std::uint32_t y) { return x < y; };
    switch (options_.keep) {
      case KeepPolicy::First:
        return *std::min_element(m.begin(), m.end(), by_input);
      case KeepPolicy::Longest:
        return *std::min_element(m.begin(), m.end(), [&](std::uint32_t x, std::uint32_t y) {
          if (info_[x].text_bytes != info_[y].text_bytes) return info_[x].text_bytes > info_[y].text_bytes;
          return x < y;
        });
      case KeepPolicy::Newest:
        return *std::min_element(m.begin(), m.end(), [&](std::uint32_t x, std::uint32_t y) {
          if (info_[x].date.empty() != info_[y].date.empty()) return info_[y].date.empty();
          if (info_[x].date != info_[y].date) return info_[y].date < info_[x].date;
          return x < y;
        });
      case KeepPolicy::Original:
        break;
    }
    // Pairwise overlaps: all of them for ordinary groups, only the verified
    // ones for huge components (thousands of copies of one page).
    const bool exact = m.size() <= kExactGroup;
    coverage_.assign(m.size(), 0.0);
    contained_.assign(m.size(), 0.0);
    for (std::size_t i = 0; i < m.size(); ++i)
      for (std::size_t j = i + 1; j < m.size(); ++j) {
        const std::size_t inter = overlap(m[i], m[j], exact);
        if (!inter) continue;
        const double si = std::max(1u, sizes_[m[i]]), sj = std::max(1u, sizes_[m[j]]);
        const double share = static_cast<double>(inter) / std::max(si, sj);
        coverage_[i] += share;
        coverage_[j] += share;
        contained_[i] += static_cast<double>(inter) / si;
        contained_[j] += static_cast<double>(inter) / sj;
      }
    group_ = &m;
    const std::size_t best = tournament(m, SIZE_MAX);
    // The reason: the rule that puts it over the member that would be
    // original without it.
    const std::size_t runner = tournament(m, best);
    reason_ = runner == SIZE_MAX ? OriginalReason::Tie : decide(m, best, runner).reason;
    outlines_cache_.clear();
    return m[best];
  }

  // The best of m (index), skipping `without`; excerpts only if nothing else.
  std::size_t tournament(const std::vector<std::uint32_t>& m, std::size_t without) {
    bool any_full = false;
    for (std::size_t i = 0; i < m.size(); ++i) any_full |= i != without && !info_[m[i]].excerpt;
    std::size_t best = SIZE_MAX;
    for (std::size_t i = 0; i < m.size(); ++i) {
      if (i == without || (any_full && info_[m[i]].excerpt)) continue;
      if (best == SIZE_MAX || decide(m, i, best).first_wins) best = i;
    }
    return best;
  }

  struct Verdict {
    bool first_wins;
    OriginalReason reason;
  };

  // Template-free outline of document d (cached per group). Positions are
  // re-counted without the template stretches: a stretch between two
  // consecutive anchors counts only if neither is a template shingle, so
  // that site chrome the sets ignore (a menu above the article) does not
  // count as an added paragraph.
  struct Outline {
    std::vector<Anchor> anchors;
    std::uint32_t length = 0;  // shingles, template stretches left out
  };
  const Outline& outline(std::uint32_t d, bool sparse_only) {
    const std::uint64_t k = static_cast<std::uint64_t>(d) << 1 | sparse_only;
    auto it = outlines_cache_.find(k);
    if (it != outlines_cache_.end()) return it->second;
    std::vector<Anchor> all;
    outlines_.decode(d, sparse_only, all);
    const bool keep_all = sets_.keeps_all(d);
    auto chrome = [&](const Anchor& x) { return keep_all ? sets_.is_chrome(x.fp) : sets_.is_template(x.fp); };
    Outline o;
    std::uint32_t at = 0, last = 0;
    bool last_chrome = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const bool c = chrome(all[i]);
      if (!c && !(i > 0 && last_chrome)) at += all[i].pos - last;
      last = all[i].pos;
      last_chrome = c;
      if (!c) o.anchors.push_back({all[i].fp, at});
    }
    const std::uint32_t n = outlines_.shingles(d);
    o.length = at + (n > last && !last_chrome ? n - last : 1);
    return outlines_cache_.emplace(k, std::move(o)).first->second;
  }

  // How x and y differ, and which is the original by that: +1 x, -1 y, 0 no verdict.
  // weak: an added-paragraphs verdict on less than kWeakExtra of the larger
  // text (a sentence dropped at the end by a light rewrite looks like a
  // contact block appended): coverage, where it decides, goes first.
  std::pair<int, OriginalReason> by_structure(std::uint32_t x, std::uint32_t y, bool* weak = nullptr) {
    if (weak) *weak = false;
    if (x >= outlines_.documents() || y >= outlines_.documents()) return {0, OriginalReason::Tie};
    const bool sparse = !(outlines_.dense(x) && outlines_.dense(y));
    const Outline& ox = outline(x, sparse);
    const Outline& oy = outline(y, sparse);
    const bool x_larger = ox.anchors.size() != oy.anchors.size() ? ox.anchors.size() > oy.anchors.size()
                                                                 : sizes_[x] > sizes_[y];
    const Alignment a = x_larger ? align(oy.anchors, oy.length, ox.anchors, ox.length)
                                 : align(ox.anchors, ox.length, oy.anchors, oy.length);
    const int larger = x_larger ? 1 : -1;
    if (weak)
      *weak = a.relation == Relation::AddedParagraphs &&
              a.head + a.tail + a.interior < kWeakExtra * std::max(ox.length, oy.length);
    // What the larger has beyond the smaller, found in a third member, is
    // the article's own text, not an added paragraph: the smaller is the
    // one cut (a light rewrite that drops the last sentence, beside a copy
    // that kept it).
    // (Only in ordinary groups: it reads every member, and a component of
    // thousands of copies of one page would make that quadratic.)
    if (a.relation == Relation::AddedParagraphs && group_->size() >= 3 && group_->size() <= kExactGroup &&
        extra_is_shared(x_larger ? x : y, x_larger ? y : x)) {
      if (weak) *weak = false;
      return {larger, a.tail >= a.head + a.interior ? OriginalReason::Truncation : OriginalReason::Selection};
    }
    switch (a.relation) {
      case Relation::Truncation: return {larger, OriginalReason::Truncation};
      case Relation::Selection: return {larger, OriginalReason::Selection};
      case Relation::AddedParagraphs: return {-larger, OriginalReason::AddedParagraphs};
      case Relation::Same: return {0, OriginalReason::Spelling};
      case Relation::Unclear: break;
    }
    return {0, OriginalReason::Tie};
  }

  // Whether most of the anchors `larger` has and `smaller` lacks (at least
  // two) are in another member of the group being decided.
  bool extra_is_shared(std::uint32_t larger, std::uint32_t smaller) {
    const auto [shared, extra] = shared_extra(larger, smaller);
    return extra >= 2 && 2 * shared >= extra;
  }

  // Of the anchors `a` has and `b` lacks: how many another member has, and how many.
  std::pair<std::size_t, std::size_t> shared_extra(std::uint32_t larger, std::uint32_t smaller) {
    std::vector<std::uint32_t> own;
    for (const Anchor& x : outline(smaller, true).anchors) own.push_back(x.fp);
    std::sort(own.begin(), own.end());
    std::vector<std::uint32_t> extra;
    for (const Anchor& x : outline(larger, true).anchors)
      if (!std::binary_search(own.begin(), own.end(), x.fp)) extra.push_back(x.fp);
    if (extra.empty()) return {0, 0};
    std::sort(extra.begin(), extra.end());
    std::vector<std::uint8_t> seen(extra.size(), 0);
    for (std::uint32_t z : *group_) {
      if (z == larger || z == smaller) continue;
      for (const Anchor& x : outline(z, true).anchors) {
        auto it = std::lower_bound(extra.begin(), extra.end(), x.fp);
        if (it != extra.end() && *it == x.fp) seen[static_cast<std::size_t>(it - extra.begin())] = 1;
      }
    }
    return {static_cast<std::size_t>(std::count(seen.begin(), seen.end(), 1)), extra.size()};
  }

  // Is m[i] a better original than m[j], and by which rule.
  Verdict decide(const std::vector<std::uint32_t>& m, std::size_t i, std::size_t j) {
    const std::uint32_t x = m[i], y = m[j];
    const DocInfo& ix = info_[x];
    const DocInfo& iy = info_[y];
    if (ix.excerpt != iy.excerpt) return {iy.excerpt, OriginalReason::Truncation};
    if (ix.canonical_hash && ix.canonical_hash == iy.url_hash && iy.canonical_hash != ix.url_hash)
      return {false, OriginalReason::Canonical};
    if (iy.canonical_hash && iy.canonical_hash == ix.url_hash && ix.canonical_hash != iy.url_hash)
      return {true, OriginalReason::Canonical};
    if (ix.official != iy.official) return {ix.official, OriginalReason::Official};
    bool weak = false;
    const auto [side, reason] = by_structure(x, y, &weak);
    const bool coverage_decides =
        std::abs(coverage_[i] - coverage_[j]) > 0.02 * std::max(coverage_[i], coverage_[j]);
    if (side != 0 && !(weak && coverage_decides)) return {side > 0, reason};
    if (coverage_decides) return {coverage_[i] > coverage_[j], OriginalReason::Coverage};
    if (reason != OriginalReason::Spelling &&  // no alignment: the contained side, as before
        std::abs(contained_[i] - contained_[j]) > 0.03 * std::max(contained_[i], contained_[j]))
      return {contained_[i] > contained_[j], OriginalReason::AddedParagraphs};
    if (ix.hapaxes != iy.hapaxes)
      return {ix.hapaxes < iy.hapaxes, OriginalReason::Spelling};
    if (ix.date != iy.date) return {date_before(ix.date, iy.date), OriginalReason::Date};
    return {x < y, OriginalReason::Tie};
  }

  void resolve(std::vector<std::uint32_t> members) {
    while (members.size() >= 2) {
      const std::uint32_t original = choose_original(members);
      DedupGroup group;
      group.original = original;
      group.reason = options_.keep == KeepPolicy::Original ? reason_ : OriginalReason::Policy;
      std::vector<std::uint32_t> rest;
      for (std::uint32_t d : members) {
        if (d == original || pair(d, original).duplicate) group.members.push_back(d);
        else rest.push_back(d);
      }
      if (group.members.size() >= 2) groups_.push_back(std::move(group));
      if (rest.empty()) break;
      splits += rest.size();
      // The rest: components of the duplicate edges among them.
      std::unordered_map<std::uint32_t, std::uint32_t> index;
      for (std::uint32_t i = 0; i < rest.size(); ++i) index.emplace(rest[i], i);
      UnionFind uf(rest.size());
      for (std::uint32_t d : rest)
        for (std::uint32_t e : adjacency_[d]) {
          auto it = index.find(e);
          if (it != index.end()) uf.unite(index[d], it->second);
        }
      std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> parts;
      for (std::uint32_t i = 0; i < rest.size(); ++i) parts[uf.find(i)].push_back(rest[i]);
      for (auto& [root, part] : parts) resolve(std::move(part));
      break;
    }
    for (std::uint32_t d : members) decoded_.erase(d);
  }

  DedupReport& report_;
  const EffectiveSets& sets_;
  const std::vector<std::uint32_t>& sizes_;
  const std::vector<DocInfo>& info_;
  const OutlineStore& outlines_;
  const DedupOptions& options_;
  // choose_original()'s scratch: scores of the group's members, their
  // decoded outlines, and the reason for the last original chosen.
  std::vector<double> coverage_, contained_;
  std::unordered_map<std::uint64_t, Outline> outlines_cache_;
  OriginalReason reason_ = OriginalReason::Tie;
  const std::vector<std::uint32_t>* group_ = nullptr;  // the members being decided
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> adjacency_;
  std::size_t verified_ = 0;
  std::unordered_map<std::uint64_t, DedupPair> extra_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> decoded_;
  std::vector<DedupGroup> groups_;
};

}  // namespace

void cluster(DedupReport& report, const EffectiveSets& sets, const std::vector<std::uint32_t>& sizes,
             const std::vector<DocInfo>& info, const OutlineStore& outlines, const DedupOptions& options) {
  Clusterer c(report, sets, sizes, info, outlines, options);
  c.run();
  report.stats.chain_splits = c.splits;
}

}  // namespace winnow::detail

namespace winnow {

const char* original_reason_name(OriginalReason reason) {
  switch (reason) {
    case OriginalReason::Truncation: return "truncation";
    case OriginalReason::AddedParagraphs: return "added-paragraphs";
    case OriginalReason::Selection: return "selection";
    case OriginalReason::Coverage: return "coverage";
    case OriginalReason::Spelling: return "spelling";
    case OriginalReason::Canonical: return "canonical";
    case OriginalReason::Official: return "official";
    case OriginalReason::Date: return "date";
    case OriginalReason::Tie: return "tie";
    case OriginalReason::Policy: return "policy";
  }
  return "tie";
}

}  // namespace winnow
