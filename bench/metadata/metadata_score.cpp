// metadata_score: precision, recall and F1 of the metadata stage per field
// over fixtures/gold/ (clean articles: the metadata stage alone) and
// fixtures/gold_pages/ (whole pages: the whole extraction line, so type,
// title, text, teaser, sources and fields of work are scored too), and the
// metadata stage's speed.
//
//   metadata_score [DIR...] [--misses] [--range FIRST-LAST]
//                                            score each set (default: both);
//                                            --range scores documents
//                                            FIRST..LAST only (a batch)
//   metadata_score --dump FILE.txt           show what is extracted from one text
//
// The scoring rules live in gold_score.hpp, shared with the unit test that
// asserts the thresholds, so the numbers printed here are the ones tested.
#include <chrono>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "gold_score.hpp"

namespace {

void dump(const char* path) {
  rapidjson::Document none;
  none.SetObject();
  auto doc = winnow::gold::extract(winnow::gold::read_all(path), none);
  const auto& m = doc.metadata;
  fmt::print("date {} ({}) place '{}'\n", m.date, m.date_source, m.place);
  if (m.dateline) {
    fmt::print("dateline raw='{}' place='{}' country='{}' date={} places:", m.dateline->raw, m.dateline->place,
               m.dateline->country, m.dateline->date);
    for (auto& p : m.dateline->places) fmt::print(" [{}]", p);
    fmt::print("\n");
  }
  for (auto& s : m.speakers) {
    fmt::print("speaker '{}' hon='{}' role='{}'\n", s.name, s.honorific, s.role);
    for (auto& q : s.quotes)
      fmt::print("   {}{}{} [{},{}) {}\n", q.verb, q.indirect ? " indirect" : "", q.continuation ? " cont" : "",
                 q.begin, q.end, q.text);
  }
  for (auto& f : m.figures)
    fmt::print("figure {:g}{} unit='{}' approx='{}' counts='{}' text='{}'\n", f.value,
               f.max ? fmt::format("-{:g}", *f.max) : "", f.unit, f.approximator, f.counts, f.text);
  for (auto& w : doc.warnings) fmt::print("warning: {}\n", w);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::strcmp(argv[1], "--dump") == 0) {
    for (int i = 2; i < argc; ++i) dump(argv[i]);
    return 0;
  }
  std::vector<std::string> dirs;
  bool misses = false;
  winnow::gold::Range range;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--misses") == 0) misses = true;
    else if (std::strcmp(argv[i], "--range") == 0 && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%d-%d", &range.first, &range.last) != 2 || range.first > range.last) {
        fmt::print(stderr, "metadata_score: --range wants FIRST-LAST, e.g. 133-175, not '{}'\n", argv[i]);
        return 2;
      }
    } else dirs.push_back(argv[i]);
  }
  if (dirs.empty()) dirs = {WINNOW_SOURCE_DIR "/fixtures/gold", WINNOW_SOURCE_DIR "/fixtures/gold_pages"};
  std::string article_dir;
  for (auto& dir : dirs) {
    auto start = std::chrono::steady_clock::now();
    auto report = winnow::gold::score_directory(dir, range);
    auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{} documents from {}{}\n", report.documents, dir,
               range.first == 0 && range.last == (1 << 30) ? std::string() : fmt::format(" (numbers {}-{})", range.first, range.last));
    fmt::print("{:<20} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}\n", "field", "precision", "recall", "F1", "tp", "fp", "fn");
    for (auto& [name, t] : report.fields)
      fmt::print("{:<20} {:>9.3f} {:>9.3f} {:>9.3f} {:>6} {:>6} {:>6}\n", name, t.precision(), t.recall(), t.f1(),
                 t.tp, t.fp, t.fn);
    fmt::print("scoring time {:.2f} ms ({:.3f} ms per document, extraction included)\n", elapsed,
               report.documents ? elapsed / double(report.documents) : 0.0);
    if (misses)
      for (auto& m : report.misses) fmt::print("  {}\n", m);
    fmt::print("\n");
    if (article_dir.empty() && report.pages < report.documents) article_dir = dir;
  }
  if (article_dir.empty()) return 0;
  const std::string& dir = article_dir;
  // Throughput of the stage alone: every gold text extracted repeatedly,
  // after a first pass that compiles the patterns.
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt" && std::filesystem::exists(std::filesystem::path(e.path()).replace_extension(".json"))) {
      texts.push_back(winnow::gold::read_all(e.path()));
      bytes += texts.back().size();
    }
  rapidjson::Document none;
  none.SetObject();
  for (auto& t : texts) winnow::gold::extract(t, none);
  constexpr int kRounds = 50;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < kRounds; ++r)
    for (auto& t : texts) winnow::gold::extract(t, none);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!texts.empty())
    fmt::print("extract_metadata: {:.1f} us per document, {:.1f} MB/s ({} documents x {} rounds)\n",
               secs * 1e6 / double(texts.size() * kRounds), double(bytes) * kRounds / secs / 1e6, texts.size(),
               kRounds);
  return 0;
}
