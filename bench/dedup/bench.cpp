// Near-duplicate benchmark: accuracy against planted ground truth, speed, memory.
//
//   dedup_bench DOCS.jsonl TRUTH.jsonl [THREADS=2] [SIGN_SAMPLE=20000] [option=value ...]
//
// Options (DedupOptions fields) for experiments: max_size_ratio, lsh_threshold,
// fn_weight, fp_weight, template_min_docs, template_fraction, jaccard, containment.
//
// DOCS and TRUTH come from dedup_gen. The documents are streamed (read,
// parsed and shingled in a oneTBB pipeline, added in input order), so the
// texts are never all in memory; peak RSS is the engine's, plus ids. Pairs
// are scored as co-membership in a group: a predicted pair is every pair of
// members of a predicted group, a true pair every pair of a planted group.
#include <rapidjson/document.h>
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "winnow/dedup.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

double thread_cpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

struct Batch {
  std::vector<std::string> lines;
  std::vector<winnow::DedupItem> items;
  std::vector<std::string> texts;  // kept only for the signing sample
  std::vector<std::string> kinds;  // dedup_gen's "kind" of each line
  std::size_t first = 0;            // index of lines[0] in the input
  std::size_t words = 0;
};

std::uint64_t key(std::size_t a, std::size_t b) {
  if (a > b) std::swap(a, b);
  return static_cast<std::uint64_t>(a) << 32 | b;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DOCS.jsonl TRUTH.jsonl [THREADS] [SIGN_SAMPLE]\n", argv[0]);
    return 2;
  }
  const std::size_t threads = argc > 3 ? std::stoul(argv[3]) : 2;
  const std::size_t sample_size = argc > 4 ? std::stoul(argv[4]) : 20000;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);

  winnow::DedupOptions opt;
  for (int i = 5; i < argc; ++i) {
    const std::string a = argv[i];
    const auto eq = a.find('=');
    if (eq == std::string::npos) { std::fprintf(stderr, "bad option %s\n", argv[i]); return 2; }
    const std::string k = a.substr(0, eq);
    const double v = std::stod(a.substr(eq + 1));
    if (k == "max_size_ratio") opt.max_size_ratio = v;
    else if (k == "lsh_threshold") opt.lsh_threshold = v;
    else if (k == "fn_weight") opt.fn_weight = v;
    else if (k == "fp_weight") opt.fp_weight = v;
    else if (k == "template_min_docs") opt.template_min_docs = static_cast<std::size_t>(v);
    else if (k == "template_fraction") opt.template_fraction = v;
    else if (k == "jaccard") opt.jaccard = v;
    else if (k == "containment") opt.containment = v;
    else { std::fprintf(stderr, "unknown option %s\n", k.c_str()); return 2; }
  }
  winnow::Deduplicator dd(opt);
  const auto band = dd.banding();
  std::printf("options: jaccard %.2f containment %.2f k %zu num_perm %zu, LSH %zu bands x %zu rows (tuned for J %.3f, P=1/2 at %.3f)\n",
              opt.jaccard, opt.containment, opt.shingles.k, opt.num_perm, band.bands, band.rows, band.threshold, band.half);

  std::ifstream in(argv[1], std::ios::binary);
  if (!in) { std::perror(argv[1]); return 1; }
  std::vector<std::string> ids, kinds;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::string> sample;
  std::size_t total_words = 0, bytes = 0, lines_read = 0;
  double add_seconds = 0;  // in the serial add() stage

  const auto t_all = Clock::now();
  const double cpu_start = cpu_seconds();
  tbb::parallel_pipeline(
      threads * 4,
      tbb::make_filter<void, Batch*>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& fc) -> Batch* {
                                       auto* b = new Batch;
                                       b->first = lines_read;
                                       std::string line;
                                       while (b->lines.size() < 512 && std::getline(in, line)) {
                                         bytes += line.size() + 1;
                                         b->lines.push_back(std::move(line));
                                       }
                                       if (b->lines.empty()) { delete b; fc.stop(); return nullptr; }
                                       lines_read += b->lines.size();
                                       return b;
                                     }) &
          tbb::make_filter<Batch*, Batch*>(tbb::filter_mode::parallel,
                                           [&](Batch* b) {
                                             for (std::size_t li = 0; li < b->lines.size(); ++li) {
                                               auto& line = b->lines[li];
                                               // In situ: strings stay in the line buffer, no copies.
                                               rapidjson::Document doc;
                                               doc.ParseInsitu(line.data());
                                               winnow::DedupItem item;
                                               item.id = doc["id"].GetString();
                                               b->kinds.emplace_back(doc.HasMember("kind") ? doc["kind"].GetString() : "");
                                               if (doc.HasMember("date")) item.date = doc["date"].GetString();
                                               const auto& t = doc["text"];
                                               std::string_view text(t.GetString(), t.GetStringLength());
                                               item.text_bytes = text.size();
                                               item.excerpt = winnow::looks_like_excerpt(text);
                                               item.shingles = winnow::shingle_set(text, opt.shingles, item.outline);
                                               b->words += item.shingles.size() + opt.shingles.k - 1;
                                               b->items.push_back(std::move(item));
                                               // Only the sample is kept (copying every text was
                                               // a 5.9 GB memcpy at 1M).
                                               if (b->first + li < sample_size) b->texts.emplace_back(text);
                                             }
                                             std::vector<std::string>().swap(b->lines);
                                             return b;
                                           }) &
          tbb::make_filter<Batch*, void>(tbb::filter_mode::serial_in_order, [&](Batch* b) {
            const auto t_add = Clock::now();
            for (std::size_t i = 0; i < b->items.size(); ++i) {
              auto& item = b->items[i];
              item.sequence = ids.size();
              ids.push_back(item.id);
              kinds.push_back(std::move(b->kinds[i]));
              if (sample.size() < sample_size && i < b->texts.size()) sample.push_back(std::move(b->texts[i]));
              dd.add(std::move(item));
            }
            total_words += b->words;
            delete b;
            add_seconds += since(t_add);
          }));
  const double t_ingest = since(t_all);
  const long rss_ingest = peak_rss_mb();
  const auto t_finish = Clock::now();
  winnow::DedupReport report = dd.finish();
  const double t_fin = since(t_finish);
  const double t_total = since(t_all);
  const double cpu_total = cpu_seconds() - cpu_start;
  const long rss_peak = peak_rss_mb();

  // Accuracy. (The id index is built only now, so that it is not counted in
  // the engine's peak.)
  for (std::size_t i = 0; i < ids.size(); ++i) index.emplace(ids[i], i);
  std::unordered_set<std::uint64_t> truth;
  std::vector<std::pair<std::size_t, std::size_t>> truth_originals;  // (original, group size)
  std::vector<std::vector<std::size_t>> truth_groups;
  {
    std::ifstream tin(argv[2]);
    std::string line;
    while (std::getline(tin, line)) {
      rapidjson::Document g;
      g.Parse(line.c_str());
      std::vector<std::size_t> m;
      for (auto& v : g.GetArray()) m.push_back(index.at(v.GetString()));
      for (std::size_t i = 0; i < m.size(); ++i)
        for (std::size_t j = i + 1; j < m.size(); ++j) truth.insert(key(m[i], m[j]));
      truth_originals.emplace_back(m[0], m.size());
      truth_groups.push_back(m);
    }
  }
  std::size_t predicted = 0, correct = 0;
  for (const auto& g : report.groups)
    for (std::size_t i = 0; i < g.members.size(); ++i)
      for (std::size_t j = i + 1; j < g.members.size(); ++j) {
        ++predicted;
        correct += truth.count(key(g.members[i], g.members[j]));
      }
  if (std::getenv("DEDUP_BENCH_DUMP")) {
    // A few errors, for looking at: false pairs, then missed pairs.
    int shown = 0;
    for (const auto& g : report.groups)
      for (std::size_t i = 0; i < g.members.size() && shown < 15; ++i)
        for (std::size_t j = i + 1; j < g.members.size() && shown < 15; ++j)
          if (!truth.count(key(g.members[i], g.members[j]))) {
            const auto& rec = report.records[g.members[i] == g.original ? g.members[j] : g.members[i]];
            std::printf("FALSE %s %s (original %s, J %.3f C %.3f)\n", ids[g.members[i]].c_str(), ids[g.members[j]].c_str(),
                        ids[g.original].c_str(), rec.jaccard, rec.containment);
            ++shown;
          }
    shown = 0;
    for (auto [orig, size] : truth_originals)
      if (report.records[orig].group && !report.records[orig].is_original && shown++ < 400)
      {
        const auto& g = report.groups[*report.records[orig].group];
        std::printf("ORIGINAL planted %s chosen %s by %s\n", ids[orig].c_str(), ids[report.records[orig].original].c_str(),
                    winnow::original_reason_name(g.reason));
        for (std::size_t m : g.members) std::printf("   member %s shingles %zu\n", ids[m].c_str(), report.records[m].shingles);
        for (const auto& q : report.pairs)
          if (report.records[q.a].group == report.records[orig].group && report.records[q.b].group == report.records[orig].group)
            std::printf("   pair %s %s J %.3f C %.3f\n", ids[q.a].c_str(), ids[q.b].c_str(), q.jaccard, q.containment);
      }
    shown = 0;
    std::unordered_set<std::uint64_t> pred;
    for (const auto& g : report.groups)
      for (std::size_t i = 0; i < g.members.size(); ++i)
        for (std::size_t j = i + 1; j < g.members.size(); ++j) pred.insert(key(g.members[i], g.members[j]));
    std::unordered_map<std::uint64_t, const winnow::DedupPair*> scored;
    for (const auto& q : report.pairs) scored[key(q.a, q.b)] = &q;
    for (std::uint64_t k : truth)
      if (!pred.count(k) && shown++ < 400) {
        auto it = scored.find(k);
        std::printf("MISSED %s %s %s\n", ids[k >> 32].c_str(), ids[k & 0xffffffffu].c_str(),
                    it == scored.end() ? "(not a candidate)"
                                       : ("(J " + std::to_string(it->second->jaccard) + " C " +
                                          std::to_string(it->second->containment) + ")").c_str());
      }
  }
  const double p = predicted ? static_cast<double>(correct) / predicted : 1.0;
  const double r = truth.empty() ? 1.0 : static_cast<double>(correct) / truth.size();
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::size_t kept_right = 0, grouped = 0;
  for (auto [orig, size] : truth_originals) {
    kept_right += report.records[orig].group && report.records[orig].is_original;
    grouped += report.records[orig].group.has_value();
  }
  // Originals right by the kinds of copy in the planted group (a group with
  // two kinds counts under both), among groups whose original was grouped.
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_kind;  // kind -> (right, grouped)
  std::map<std::string, std::size_t> wrong_reasons, reasons;  // "kind chosen by reason"
  for (const auto& m : truth_groups) {
    if (!report.records[m[0]].group) continue;
    const auto& g = report.groups[*report.records[m[0]].group];
    reasons[winnow::original_reason_name(g.reason)]++;
    if (!report.records[m[0]].is_original)
      wrong_reasons[kinds[g.original] + " by " + winnow::original_reason_name(g.reason)]++;
    std::set<std::string> seen;
    for (std::size_t i = 1; i < m.size(); ++i) seen.insert(kinds[m[i]]);
    for (const auto& k : seen) {
      by_kind[k].second += 1;
      by_kind[k].first += report.records[m[0]].is_original;
    }
  }

  // Signing throughput, one thread, on the first SIGN_SAMPLE documents. Each
  // set is dropped after use, as in the engine's pipeline: keeping all of them
  // (as this bench once did) made fresh-page faults (slow on this VM) half of
  // the shingling time. Pass 1 shingles only; pass 2 shingles and signs; the
  // MinHash figure is signing alone on blocks of 1,024 precomputed sets.
  std::size_t sample_words = 0;
  winnow::MinHasher hasher(opt.num_perm, opt.seed);
  std::uint64_t sink = 0;
  auto t0 = Clock::now();
  double c0 = thread_cpu();
  for (const auto& text : sample) {
    const auto s = winnow::shingle_set(text, opt.shingles);
    sample_words += s.size() + opt.shingles.k - 1;
  }
  const double t_shingle = since(t0), c_shingle = thread_cpu() - c0;
  t0 = Clock::now();
  c0 = thread_cpu();
  for (const auto& text : sample) sink += hasher.sign(winnow::shingle_set(text, opt.shingles))[0];
  const double t_both = since(t0), c_both = thread_cpu() - c0;
  double t_sign = 0, c_sign = 0;
  std::vector<std::vector<std::uint64_t>> sets;
  for (std::size_t i = 0; i < sample.size(); i += 1024) {
    sets.clear();
    for (std::size_t j = i; j < std::min(sample.size(), i + 1024); ++j) sets.push_back(winnow::shingle_set(sample[j], opt.shingles));
    t0 = Clock::now();
    c0 = thread_cpu();
    for (auto& s : sets) sink += hasher.sign(s)[0];
    t_sign += since(t0);
    c_sign += thread_cpu() - c0;
  }

  const double n = static_cast<double>(ids.size());
  const double words_per_doc = static_cast<double>(total_words) / n;
  const double sample_wpd = static_cast<double>(sample_words) / sample.size();
  std::printf("documents %zu (%.0f MB JSONL, %.0f words/doc), planted pairs %zu, groups %zu\n", ids.size(),
              bytes / 1048576.0, words_per_doc, truth.size(), truth_originals.size());
  std::printf("accuracy: predicted pairs %zu, correct %zu: precision %.4f recall %.4f F1 %.4f; original kept right in %.1f%% of planted groups\n",
              predicted, correct, p, r, f1, 100.0 * kept_right / std::max<std::size_t>(1, truth_originals.size()));
  std::printf("originals: right in %zu of %zu planted groups whose original was grouped (%.1f%%); by copy kind:",
              kept_right, grouped, 100.0 * kept_right / std::max<std::size_t>(1, grouped));
  for (const auto& [k, v] : by_kind) std::printf(" %s %zu/%zu", k.c_str(), v.first, v.second);
  std::printf("\noriginal_reason of the grouped planted groups:");
  for (const auto& [k, v] : reasons) std::printf(" %s %zu", k.c_str(), v);
  std::printf("\nwrong originals, by the kind chosen and the reason:");
  for (const auto& [k, v] : wrong_reasons) std::printf(" [%s] %zu", k.c_str(), v);
  std::printf("\n");
  std::printf("signing (1 thread, %zu docs of %.0f words): shingling %.0f docs/s, MinHash %.0f docs/s, both %.0f docs/s = %.0f 600-word docs/s\n",
              sample.size(), sample_wpd, sample.size() / t_shingle, sample.size() / t_sign,
              sample.size() / t_both, sample_words / 600.0 / t_both);
  std::printf("signing by thread CPU time: shingling %.0f docs/s, MinHash %.0f docs/s, both %.0f docs/s = %.0f 600-word docs/s\n",
              sample.size() / c_shingle, sample.size() / c_sign, sample.size() / c_both,
              sample_words / 600.0 / c_both);
  std::printf("end to end (%zu threads): %.1f s wall = %.0f docs/s (%.0f docs/s/core); read+parse+shingle+add %.1f s, finish %.1f s "
              "[df %.1f, sign %.1f, lsh %.1f, verify %.1f, cluster %.1f]; serial add() stage %.1f s\n",
              threads, t_total, n / t_total, n / t_total / threads, t_ingest, t_fin, report.stats.seconds_df,
              report.stats.seconds_sign, report.stats.seconds_lsh, report.stats.seconds_verify, report.stats.seconds_cluster,
              add_seconds);
  std::printf("end to end by CPU time: %.1f CPU s = %.0f docs per CPU second (wall on 2 idle cores would be >= %.1f s)\n",
              cpu_total, n / cpu_total, cpu_total / threads);
  std::printf("engine: outlines %.1f MB, stored sets %.0f MB, template bar %zu docs, template shingles %zu, fallbacks %zu, candidates %zu, duplicate pairs %zu, groups %zu, chain splits %zu\n",
              report.stats.outline_bytes / 1048576.0, report.stats.stored_bytes / 1048576.0, report.stats.template_threshold, report.stats.template_shingles,
              report.stats.template_fallbacks, report.stats.candidates, report.stats.duplicate_pairs, report.groups.size(),
              report.stats.chain_splits);
  std::printf("memory: peak RSS %ld MB (after ingest %ld MB; includes ids, the signing sample of %zu texts, and the report)\n",
              rss_peak, rss_ingest, sample.size());
  return sink == 42 ? 1 : 0;
}
