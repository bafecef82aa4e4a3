// TEMPORARY: placeholders until the metadata and HTML branches are merged.
#include "winnow/html.hpp"
namespace winnow {
}  // namespace winnow
// TEMPORARY naive dedup (exact, quadratic) until the dedup branch lands.
#include <algorithm>
#include <cctype>
#include <functional>
#include "winnow/dedup.hpp"
namespace winnow {
std::string normalise_for_shingling(std::string_view t) {
  std::string o; for (char c : t) o += std::isalnum((unsigned char)c) ? (char)std::tolower((unsigned char)c) : ' '; return o; }
std::vector<std::uint64_t> shingle_set(std::string_view text, const ShingleOptions& opt) {
  std::string n = normalise_for_shingling(text); std::vector<std::string> w; std::string cur;
  for (char c : n) { if (c == ' ') { if (!cur.empty()) w.push_back(cur); cur.clear(); } else cur += c; }
  if (!cur.empty()) w.push_back(cur);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + opt.k <= w.size(); ++i) { std::string s; for (std::size_t j = 0; j < opt.k; ++j) s += w[i+j] + " "; out.push_back(std::hash<std::string>{}(s)); }
  std::sort(out.begin(), out.end()); out.erase(std::unique(out.begin(), out.end()), out.end()); return out; }
double exact_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::vector<std::uint64_t> i; std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(i));
  return a.size() + b.size() - i.size() ? double(i.size()) / (a.size() + b.size() - i.size()) : 0; }
double exact_containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::vector<std::uint64_t> i; std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(i));
  auto m = std::min(a.size(), b.size()); return m ? double(i.size()) / m : 0; }
struct Deduplicator::Impl { DedupOptions o; std::vector<DedupItem> items; };
Deduplicator::Deduplicator(DedupOptions o) : impl_(new Impl{o, {}}) {}
Deduplicator::~Deduplicator() { delete impl_; }
void Deduplicator::add(DedupItem item) { impl_->items.push_back(std::move(item)); }
Deduplicator::Banding Deduplicator::banding() const { return {16, 8, 0, 0}; }
DedupReport Deduplicator::finish() {
  auto& it = impl_->items; DedupReport r; r.records.resize(it.size());
  for (std::size_t i = 0; i < it.size(); ++i) r.records[i].original = i;
  for (std::size_t i = 0; i < it.size(); ++i) for (std::size_t j = i + 1; j < it.size(); ++j) {
    DedupPair p{i, j, exact_jaccard(it[i].shingles, it[j].shingles), exact_containment(it[i].shingles, it[j].shingles), false};
    p.duplicate = p.jaccard >= impl_->o.jaccard || p.containment >= impl_->o.containment;
    if (p.containment < 0.1) continue;
    r.pairs.push_back(p);
    if (p.duplicate && !r.records[j].group) {
      std::size_t orig = it[i].shingles.size() <= it[j].shingles.size() ? i : j, copy = orig == i ? j : i;
      if (!r.records[i].group) { r.records[i].group = r.groups.size(); r.groups.push_back({orig, {i}}); }
      auto g = *r.records[i].group; r.records[j].group = g; r.groups[g].members.push_back(j); r.groups[g].original = orig;
      for (auto m : r.groups[g].members) { r.records[m].original = orig; r.records[m].is_original = m == orig; }
      r.records[copy].jaccard = p.jaccard; r.records[copy].containment = p.containment; }
  }
  return r; }
}  // namespace winnow
