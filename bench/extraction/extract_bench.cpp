// Extraction benchmark driver: how fast, and how much memory, the HTML path
// takes from raw page bytes to article text.
//
// The problem: the speed that matters is the extraction itself (decode,
// pre-scan, Gumbo, the block walk, the generic classifier, text assembly),
// not reading files or scoring. The method: read every page into memory
// first, then time only the extraction of each page, one at a time on one
// thread, and report pages/s and MB/s of input HTML plus the process's peak
// resident memory. Accuracy is scored separately (score.py), from the texts
// this program dumps, so the timing carries no scoring cost.
//
//   extract_bench DATA_DIR [--dump OUT_DIR] [--body-only] [--repeat N]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gumbo.h>

#include "winnow/decode.hpp"
#include "../bench_clock.hpp"
#include "winnow/extract.hpp"
#include "winnow/html.hpp"

namespace fs = std::filesystem;

namespace {

using winnow::bench::read_whole;
using winnow::bench::thread_cpu_seconds;

// The same extraction line `winnow extract` runs (winnow::Extractor), metadata
// included, so the figures are the CLI's. With `with_title` false only the
// body blocks are kept (the benchmark's expected texts have no title).
std::string extract(const winnow::Extractor& extractor, std::string bytes, bool with_title) {
  winnow::Document doc;
  doc.body = std::move(bytes);
  std::string problem;
  if (!extractor.run(doc, &problem)) return {};
  if (with_title) return doc.text + '\n';
  std::string text;
  for (const auto& b : doc.blocks)
    if (b.role == winnow::Role::Body) text += b.text + '\n';
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATA_DIR [--dump OUT_DIR] [--body-only] [--repeat N]\n", argv[0]);
    return 2;
  }
  fs::path data = argv[1];
  fs::path dump;
  bool with_title = true;
  int repeat = 1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dump" && i + 1 < argc) dump = argv[++i];
    else if (a == "--body-only") with_title = false;
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
  }
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(data))
    if (e.path().extension() == ".html") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  std::vector<std::string> bodies;
  std::size_t bytes = 0;
  for (const auto& p : pages) {
    bodies.push_back(read_whole(p));
    bytes += bodies.back().size();
  }
  if (!dump.empty()) fs::create_directories(dump);
  winnow::ExtractOptions options;
  options.keep_blocks = !with_title;
  const winnow::Extractor extractor(winnow::ProfileSet::builtin(), options);
  double seconds = 0, cpu_seconds = 0;
  for (int r = 0; r < repeat; ++r) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
      auto start = std::chrono::steady_clock::now();
      double cpu_start = thread_cpu_seconds();
      std::string text = extract(extractor, bodies[i], with_title);
      cpu_seconds += thread_cpu_seconds() - cpu_start;
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (r == 0 && !dump.empty()) {
        std::ofstream out(dump / (pages[i].stem().string() + ".txt"), std::ios::binary);
        out << text;
      }
    }
  }
  // The same pages through Gumbo alone (the raw bytes, default options, no
  // walk), timed in the same run: the speed the extraction line is compared
  // with (issue 17: extraction at least 1.5x Gumbo parse-only). The
  // extraction is faster than parsing alone because its pre-scan hands Gumbo
  // a page without scripts, styles and comments.
  double gumbo_cpu = 0;
  for (int r = 0; r < repeat; ++r)
    for (const std::string& body : bodies) {
      double cpu_start = thread_cpu_seconds();
      GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, body.data(), body.size());
      gumbo_destroy_output(&kGumboDefaultOptions, output);
      gumbo_cpu += thread_cpu_seconds() - cpu_start;
    }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double n = static_cast<double>(pages.size()) * repeat;
  double mb = static_cast<double>(bytes) * repeat / 1e6;
  std::printf("pages %zu x%d  input %.1f MB  peak RSS %.1f MB\n", pages.size(), repeat,
              static_cast<double>(bytes) / 1e6, static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::printf("wall: %.3f s  %.1f pages/s  %.1f MB/s\n", seconds, n / seconds, mb / seconds);
  std::printf("cpu:  %.3f s  %.1f pages/s  %.1f MB/s  (thread CPU time; wall is slower when the core is shared)\n",
              cpu_seconds, n / cpu_seconds, mb / cpu_seconds);
  std::printf("gumbo parse only, same run: cpu %.3f s  %.1f pages/s; extraction / parse-only speed: %.2fx\n",
              gumbo_cpu, n / gumbo_cpu, gumbo_cpu / cpu_seconds);
  return 0;
}
