// The spill file of `dedup --format`: length-prefixed records in an unlinked
// temporary file (see spill_file.hpp for why).
#include "spill_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

namespace winnow::cli {

SpillFile::~SpillFile() {
  if (file_) std::fclose(file_);
}

bool SpillFile::open(std::string* error) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = fmt::format("{}/winnow-spill.XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path.data());
  if (fd < 0) {
    *error = fmt::format("cannot create a spill file in {}: {}", path.substr(0, path.rfind('/')), std::strerror(errno));
    return false;
  }
  unlink(path.c_str());  // no name: gone when closed, whatever happens
  file_ = fdopen(fd, "w+b");
  return file_ != nullptr;
}

bool SpillFile::append(std::string_view record) {
  std::uint64_t n = record.size();
  if (std::fwrite(&n, sizeof n, 1, file_) != 1 || std::fwrite(record.data(), 1, record.size(), file_) != record.size()) {
    error_ = fmt::format("cannot write the spill file: {}", std::strerror(errno));
    return false;
  }
  return true;
}

bool SpillFile::rewind() {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
    error_ = fmt::format("cannot read back the spill file: {}", std::strerror(errno));
    return false;
  }
  return true;
}

bool SpillFile::read(std::string& record) {
  std::uint64_t n = 0;
  if (std::fread(&n, sizeof n, 1, file_) != 1) return false;
  record.resize(n);
  if (std::fread(record.data(), 1, n, file_) != n) {
    error_ = "the spill file is shorter than written";
    return false;
  }
  return true;
}

}  // namespace winnow::cli
