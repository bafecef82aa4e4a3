// Opening inputs and reading them in buffered pieces.
//
// The problem: the record parsers (WARC, JSONL, one-document files) want
// lines, exact-length blocks and a look ahead, over bytes that may come from
// a pipe, a 50 GB file or a decompressor.
//
// The method: plain read(2) on a file descriptor, with the first four bytes
// read up front to choose a decompressor by content, then handed back as the
// start of the stream. A pipe or terminal is waited on with poll(2) in 200 ms
// steps, looking at the stop flag between them: the SIGINT that raises the
// flag may be delivered to any thread, so EINTR on the reading thread cannot
// be counted on, and a Ctrl-C must not wait for a pipe that never sends
// another byte. LineInput keeps one growable buffer: a line or block is
// handed out of it, and the unread tail is moved to the front before the next
// fill, so the buffer only grows to the longest line or block asked for.
//
// The cost: one memmove of the unread tail per 64 KiB fill, and one copy of
// each record out of the buffer (records must own their bytes, since they
// cross threads).
#include "winnow/input_stream.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>

namespace winnow {

const char* to_string(Compression c) {
  switch (c) {
    case Compression::Gzip: return "gzip";
    case Compression::Zstd: return "zstd";
    default: return "none";
  }
}

namespace {

constexpr std::size_t kChunk = 1 << 16;

class FdStream final : public ByteStream {
 public:
  FdStream(int fd, bool owned, std::string prefix, const std::atomic<bool>* stop)
      : fd_(fd), owned_(owned), prefix_(std::move(prefix)), stop_(stop) {
    offset_ = prefix_.size();
    struct stat st;
    wait_in_poll_ = stop_ && fstat(fd_, &st) == 0 && !S_ISREG(st.st_mode);
  }
  ~FdStream() override {
    if (owned_) ::close(fd_);
  }

  std::size_t read(char* out, std::size_t n) override {
    if (prefix_pos_ < prefix_.size()) {
      std::size_t k = std::min(n, prefix_.size() - prefix_pos_);
      std::memcpy(out, prefix_.data() + prefix_pos_, k);
      prefix_pos_ += k;
      return k;
    }
    for (;;) {
      if (stop_ && stop_->load(std::memory_order_relaxed)) {
        stopped_ = true;
        return 0;
      }
      if (wait_in_poll_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0) continue;  // nothing yet (or EINTR): look at the stop flag again
      }
      ssize_t got = ::read(fd_, out, n);
      if (got >= 0) {
        offset_ += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
      }
      if (errno == EINTR) continue;  // the loop head decides whether to stop
      error_ = fmt::format("read error at byte {}: {}", offset_, std::strerror(errno));
      return 0;
    }
  }
  std::uint64_t raw_offset() const override { return offset_ - (prefix_.size() - prefix_pos_); }

 private:
  int fd_;
  bool owned_;
  std::string prefix_;
  std::size_t prefix_pos_ = 0;
  const std::atomic<bool>* stop_;
  bool wait_in_poll_ = false;
  std::uint64_t offset_ = 0;
};

class MemoryStream final : public ByteStream {
 public:
  explicit MemoryStream(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* out, std::size_t n) override {
    std::size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(out, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  std::uint64_t raw_offset() const override { return pos_; }

 private:
  std::string bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> memory_stream(std::string bytes) { return std::make_unique<MemoryStream>(std::move(bytes)); }

std::unique_ptr<ByteStream> open_input(const std::string& path, const std::atomic<bool>* stop, std::string* error,
                                       Compression* compression) {
  // `stop` only matters where a read may block: the caller passes null for
  // regular files, which saves an fstat per file.
  int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return nullptr;
  }
  // The first read decides the decompressor by its magic bytes and is then
  // handed back as the start of the stream: one read, not a probe and a read,
  // since a small file is mostly syscalls. It goes through a temporary stream
  // so EINTR and the stop flag are handled in one place.
  std::unique_ptr<char[]> first(new char[kChunk]);  // not zero-filled: only the bytes read are kept
  std::size_t have = 0;
  {
    FdStream probe(fd, false, {}, stop);
    while (have < 4) {
      std::size_t got = probe.read(first.get() + have, kChunk - have);
      if (got == 0) {
        if (!probe.error().empty()) {
          *error = probe.error();
          if (path != "-") ::close(fd);
          return nullptr;
        }
        break;
      }
      have += got;
    }
  }
  std::string_view head(first.get(), have);
  Compression c = Compression::None;
  if (head.starts_with("\x1f\x8b")) c = Compression::Gzip;
  else if (head.starts_with("\x28\xb5\x2f\xfd")) c = Compression::Zstd;
  if (compression) *compression = c;
  auto raw = std::make_unique<FdStream>(fd, path != "-", std::string(head), stop);
  if (c == Compression::Gzip) return gzip_stream(std::move(raw));
  if (c == Compression::Zstd) return zstd_stream(std::move(raw));
  return raw;
}

LineInput::LineInput(std::unique_ptr<ByteStream> stream) : stream_(std::move(stream)) {}

void LineInput::Buffer::drop_front(std::size_t n) {
  std::memmove(bytes_.get(), bytes_.get() + n, size_ - n);
  size_ -= n;
}

char* LineInput::Buffer::room(std::size_t n) {
  if (capacity_ - size_ < n) {
    std::size_t capacity = std::max(size_ + n, 2 * capacity_);
    std::unique_ptr<char[]> bigger(new char[capacity]);
    if (size_ > 0) std::memcpy(bigger.get(), bytes_.get(), size_);
    bytes_ = std::move(bigger);
    capacity_ = capacity;
  }
  return bytes_.get() + size_;
}

bool LineInput::fill_once() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.drop_front(pos_);
    pos_ = 0;
  }
  std::size_t got = stream_->read(buffer_.room(kChunk), kChunk);
  buffer_.added(got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineInput::fill(std::size_t want) {
  while (buffer_.size() - pos_ < want && fill_once()) {
  }
  return buffer_.size() - pos_ >= want;
}

std::string_view LineInput::peek_line(std::size_t max) {
  std::size_t scanned = 0;
  for (;;) {
    std::string_view avail = buffer_.view().substr(pos_);
    std::size_t nl = avail.find('\n', scanned);
    if (nl != std::string_view::npos) return avail.substr(0, std::min(nl + 1, max));
    if (avail.size() >= max) return avail.substr(0, max);
    scanned = avail.size();
    if (!fill_once()) return buffer_.view().substr(pos_, max);
  }
}

std::string_view LineInput::peek(std::size_t n) {
  fill(n);
  return buffer_.view().substr(pos_, n);
}

bool LineInput::at_end() { return !fill(1); }

bool LineInput::read_line(std::string& line, std::size_t max, bool* too_long) {
  line.clear();
  if (too_long) *too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == buffer_.size() && !fill(1)) return any;
    any = true;
    const char* start = buffer_.data() + pos_;
    std::size_t avail = buffer_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    std::size_t take = nl ? static_cast<const char*>(nl) - start : avail;
    std::size_t room = line.size() < max ? max - line.size() : 0;
    if (take > room && too_long) *too_long = true;
    line.append(start, std::min(take, room));
    pos_ += take;
    consumed_ += take;
    if (nl) {
      ++pos_;
      ++consumed_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
  }
}

std::size_t LineInput::read_exact(std::string& out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    if (pos_ == buffer_.size() && !fill(1)) break;
    std::size_t k = std::min(n - done, buffer_.size() - pos_);
    out.append(buffer_.data() + pos_, k);
    pos_ += k;
    consumed_ += k;
    done += k;
  }
  return done;
}

std::uint64_t LineInput::skip(std::uint64_t n) {
  std::uint64_t done = 0;
  while (done < n) {
    if (pos_ == buffer_.size() && !fill(1)) break;
    std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(n - done, buffer_.size() - pos_));
    pos_ += k;
    consumed_ += k;
    done += k;
  }
  return done;
}

}  // namespace winnow
