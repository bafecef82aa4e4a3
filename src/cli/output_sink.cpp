#include "output_sink.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>

namespace winnow::cli {

OutputSink::OutputSink(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") {
    file_ = stdout;
    return;
  }
  temp_path_ = fmt::format("{}.tmp.{}", path, static_cast<long>(getpid()));
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) error_ = fmt::format("cannot write {}: {}", temp_path_, std::strerror(errno));
}

OutputSink::~OutputSink() {
  if (file_ && file_ != stdout) {
    std::fclose(file_);
    if (!committed_) std::remove(temp_path_.c_str());
  }
}

bool OutputSink::write_line(std::string_view line) {
  if (!file_ || closed_ || !error_.empty()) return false;
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fputc('\n', file_) == EOF) {
    if (errno == EPIPE) closed_ = true;
    else error_ = fmt::format("write error: {}", std::strerror(errno));
    return false;
  }
  return true;
}

void OutputSink::abandon() {
  if (file_ == stdout) {
    std::fflush(stdout);
    return;
  }
  if (file_) std::fclose(file_);
  file_ = nullptr;
  std::remove(temp_path_.c_str());
}

bool OutputSink::commit() {
  if (!file_ || !error_.empty()) return false;
  if (closed_) return true;
  if (std::fflush(file_) != 0) {
    if (errno == EPIPE) {
      closed_ = true;
      return true;
    }
    error_ = fmt::format("write error: {}", std::strerror(errno));
    return false;
  }
  if (file_ == stdout) return true;
  if (fsync(fileno(file_)) != 0 || std::fclose(file_) != 0) {
    file_ = nullptr;
    error_ = fmt::format("cannot write {}: {}", temp_path_, std::strerror(errno));
    std::remove(temp_path_.c_str());
    return false;
  }
  file_ = nullptr;
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error_ = fmt::format("cannot rename {} to {}: {}", temp_path_, path_, std::strerror(errno));
    std::remove(temp_path_.c_str());
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace winnow::cli
