// The -o output: written directly or through a temporary file, decided
// before any work (see output_file.hpp for the policy and why).
#include "winnow/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

namespace winnow {
namespace {

// The descriptor a path such as /dev/stdout names, or -1.
int named_descriptor(const std::string& path) {
  if (path == "/dev/stdin") return 0;
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    std::string_view p(prefix);
    if (!path.starts_with(p) || path.size() == p.size()) continue;
    std::string digits = path.substr(p.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 6) return -1;
    return std::atoi(digits.c_str());
  }
  return -1;
}

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string name_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Follows symlinks by hand, so a dangling link resolves to the name it
// points to (realpath(3) fails there). Returns false on a loop or an error.
bool resolve_links(std::string path, std::string* out, struct stat* st, bool* exists, std::string* error) {
  for (int hops = 0; hops < 40; ++hops) {
    if (::lstat(path.c_str(), st) != 0) {
      if (errno != ENOENT) {
        *error = std::strerror(errno);
        return false;
      }
      *exists = false;
      *out = path;
      return true;
    }
    if (!S_ISLNK(st->st_mode)) {
      *exists = true;
      *out = path;
      return true;
    }
    char buffer[PATH_MAX];
    ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer - 1);
    if (n < 0) {
      *error = std::strerror(errno);
      return false;
    }
    std::string link(buffer, static_cast<std::size_t>(n));
    path = link.starts_with("/") ? link : directory_of(path) + "/" + link;
  }
  *error = "too many levels of symbolic links";
  return false;
}

mode_t current_umask() {
  // The only way to read it is to set it; done once, before worker threads.
  mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

}  // namespace

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") {
    file_ = stdout;
    return;
  }
  if (int fd = named_descriptor(path); fd >= 0) {
    open_direct(path, fd);
    return;
  }
  std::string target, why;
  struct stat st {};
  bool exists = false;
  if (!resolve_links(path, &target, &st, &exists, &why)) {
    error_ = fmt::format("cannot write {}: {}", path, why);
    return;
  }
  if (exists && S_ISDIR(st.st_mode)) {
    error_ = fmt::format("cannot write {}: it is a directory", path);
    return;
  }
  if (name_of(target).empty()) {
    error_ = fmt::format("cannot write {}: names a directory, not a file", path);
    return;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    open_direct(target, -1);
    return;
  }
  open_atomic(target);
}

OutputFile::~OutputFile() {
  if (!done_) abandon();
}

bool OutputFile::open_direct(const std::string& path, int fd_to_dup) {
  int fd = -1;
  if (fd_to_dup >= 0) {
    fd = ::fcntl(fd_to_dup, F_DUPFD_CLOEXEC, 3);
    if (fd < 0) {
      error_ = fmt::format("cannot write {}: descriptor {} is not open", path_, fd_to_dup);
      return false;
    }
  } else {
    // Like the shell's `>` on a device or FIFO: no truncation, no rename.
    fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      error_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
      return false;
    }
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    error_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    ::close(fd);
    return false;
  }
  owns_file_ = true;
  return true;
}

bool OutputFile::open_atomic(const std::string& target) {
  std::string dir = directory_of(target);
  struct stat dir_st {};
  if (::stat(dir.c_str(), &dir_st) != 0) {
    error_ = errno == ENOENT ? fmt::format("cannot write {}: directory {} does not exist", path_, dir)
                             : fmt::format("cannot write {}: {}: {}", path_, dir, std::strerror(errno));
    return false;
  }
  if (!S_ISDIR(dir_st.st_mode)) {
    error_ = fmt::format("cannot write {}: {} is not a directory", path_, dir);
    return false;
  }
  struct stat old {};
  bool replacing = ::stat(target.c_str(), &old) == 0;
  // The shell's `>` would refuse a file the user may not write: so do we,
  // though the rename itself needs only the directory.
  if (replacing && ::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) {
    error_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    return false;
  }
  std::string temp = fmt::format("{}/.{}.XXXXXX", dir, name_of(target));
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // O_CREAT|O_EXCL: never a planted file or link
  if (fd < 0) {
    error_ = fmt::format("cannot write {}: cannot create a file in {}: {}", path_, dir, std::strerror(errno));
    return false;
  }
  if (replacing) {
    // Owner first: chown clears the set-id bits chmod then restores.
    if (::fchown(fd, old.st_uid, old.st_gid) != 0 && ::fchown(fd, static_cast<uid_t>(-1), old.st_gid) != 0) {
      // not ours to give away: the file keeps our owner, as cp would
    }
    ::fchmod(fd, old.st_mode & 07777);
  } else {
    ::fchmod(fd, 0666 & ~current_umask());
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    error_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  }
  owns_file_ = true;
  target_ = target;
  temp_path_ = std::move(temp);
  return true;
}

void OutputFile::remove_temp() {
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

bool OutputFile::commit() {
  if (done_) return ok();
  done_ = true;
  if (!file_ || !error_.empty()) {
    abandon();
    return false;
  }
  bool flushed = std::fflush(file_) == 0;
  int flush_errno = errno;
  if (!atomic()) {
    if (owns_file_) std::fclose(file_);
    file_ = nullptr;
    if (!flushed) error_ = fmt::format("write error: {}", std::strerror(flush_errno));
    return flushed;
  }
  bool synced = flushed && ::fsync(fileno(file_)) == 0;
  int sync_errno = flushed ? errno : flush_errno;
  bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!synced || !closed) {
    error_ = fmt::format("cannot write {}: {}", path_, std::strerror(synced ? errno : sync_errno));
    remove_temp();
    return false;
  }
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    error_ = fmt::format("cannot put {} in place: {}", path_, std::strerror(errno));
    remove_temp();
    return false;
  }
  // The rename lives in the directory: sync it too, or a power cut may undo it.
  int dir = ::open(directory_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return true;
}

void OutputFile::abandon() {
  done_ = true;
  if (!file_) return;
  if (!atomic()) {
    std::fflush(file_);
    if (owns_file_) std::fclose(file_);
  } else {
    std::fclose(file_);
    remove_temp();
  }
  file_ = nullptr;
}

}  // namespace winnow
