// What the in-memory benchmarks (extract_bench, metadata_bench) share: a
// clock that does not run while other processes hold the core, and reading
// a page whole.
#pragma once

#include <time.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace winnow::bench {

// CPU time of this thread: unlike wall time, it does not grow while other
// processes hold the core, so shared machines give comparable figures.
inline double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

inline std::string read_whole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace winnow::bench
