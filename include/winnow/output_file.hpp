// Writing the output named by -o without ever clobbering what is there.
//
// The problem: "write a new file, rename it over PATH" is the right way to
// replace a regular file (a crash or a Ctrl-C never leaves half a file), but
// it is the wrong thing for everything else a user may name. Renamed over
// /dev/null, it replaces the device with a regular file; over a symlink, it
// replaces the link and leaves its target alone; it loses a file's mode and
// owner; and a temporary name such as "PATH.tmp.PID" can be guessed, so
// anyone who may write to the directory can plant a symlink there and have
// a program running as root overwrite any file.
//
// The method, decided once, before any work is done:
//   - a path that names an open descriptor (/dev/stdout, /dev/stderr,
//     /dev/fd/N, /proc/self/fd/N) is written through that descriptor;
//   - a target that exists and is not a regular file or a directory (a
//     character or block device, a FIFO, a socket) is opened and written
//     directly, as the shell's `>` would;
//   - a directory, a missing parent directory, a target the user may not
//     write, or a directory where no file can be created is refused, with
//     one line saying why (the CLI exits 3 then, having read nothing);
//   - otherwise symlinks are resolved (a dangling one to the name it points
//     to), and the output goes to a temporary file made with mkstemp(3) in
//     the target's own directory, named ".NAME.XXXXXX": O_CREAT|O_EXCL, so a
//     planted file or symlink is never opened, only a fresh one. It gets the
//     old file's mode and, where the process may, its owner and group (a new
//     file gets 0666 less the umask). commit() flushes, fsyncs, renames it
//     over the resolved target and fsyncs the directory, so the rename
//     survives a power cut; abandon() removes it and leaves the target as it
//     was.
//
// Why in the library: the checks and the rename are policy a host other than
// the CLI also needs, and they are testable apart from argument parsing.
// Cost: a few system calls per run.
//
//   winnow::OutputFile out("result.jsonl");
//   if (!out.ok()) fail(out.error());          // nothing done yet
//   std::fwrite(data, 1, n, out.stream());
//   if (!out.commit()) fail(out.error());      // abandon() on Ctrl-C
#pragma once

#include <cstdio>
#include <string>

namespace winnow {

class OutputFile {
 public:
  // Decides how `path` is written and opens it (see above). "-" or "" is stdout.
  explicit OutputFile(const std::string& path);
  ~OutputFile();  // abandons an uncommitted temporary file
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::FILE* stream() const { return file_; }
  // True when the output goes to a temporary file renamed at commit().
  bool atomic() const { return !temp_path_.empty(); }
  // The temporary file's name ("" when not atomic), for a signal handler
  // that must unlink(2) it; valid as long as this object.
  const char* temp_path() const { return temp_path_.c_str(); }

  // Flushes; an atomic file is fsynced, renamed into place and its
  // directory fsynced. False on failure, with error() set.
  bool commit();
  // Flushes a direct output; removes a temporary file, leaving the target.
  void abandon();

 private:
  bool open_direct(const std::string& path, int fd_to_dup);
  bool open_atomic(const std::string& target);
  void remove_temp();

  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::string path_, target_, temp_path_, error_;
  bool done_ = false;
};

}  // namespace winnow
