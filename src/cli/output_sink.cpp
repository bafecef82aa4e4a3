// Lines to the output, a closed reader as a quiet end (see output_sink.hpp).
#include "output_sink.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

#include "corpus_run.hpp"

namespace winnow::cli {

OutputSink::OutputSink(const std::string& path) : file_(path) {
  error_ = file_.error();
  if (file_.atomic()) publish_temp_path(file_.temp_path());
}

OutputSink::~OutputSink() { publish_temp_path(nullptr); }

bool OutputSink::write_line(std::string_view line) {
  std::lock_guard lock(output_mutex());
  std::FILE* out = file_.stream();
  if (!out || closed_ || !error_.empty()) return false;
  if (std::fwrite(line.data(), 1, line.size(), out) != line.size() || std::fputc(terminator_, out) == EOF) {
    if (errno == EPIPE) closed_ = true;
    else error_ = fmt::format("write error: {}", std::strerror(errno));
    return false;
  }
  return true;
}

void OutputSink::abandon() {
  publish_temp_path(nullptr);
  file_.abandon();
}

bool OutputSink::commit() {
  if (!error_.empty()) {
    abandon();
    return false;
  }
  if (closed_) {  // the reader went away: what it took was whole
    abandon();
    return true;
  }
  publish_temp_path(nullptr);
  if (!file_.commit()) {
    if (file_.error().find(std::strerror(EPIPE)) != std::string::npos) {
      closed_ = true;
      return true;
    }
    error_ = file_.error();
    return false;
  }
  return true;
}

}  // namespace winnow::cli
