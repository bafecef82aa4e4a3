// Byte streams under the reader: a file or stdin, decompressed as it is read.
//
// A scraped corpus arrives plain, gzip-compressed (often one gzip member per
// WARC record) or zstd-compressed, and file names lie (".warc" files that are
// gzip, ".gz" files that are not). open_input() looks at the first bytes
// instead: 1f 8b is gzip, 28 b5 2f fd is zstd, anything else is read as is.
// Decompression is streaming, so a 50 GB .warc.gz is never read whole: a gzip
// member at a time (buffers of 32 KiB to 1 MiB, up to 16 MiB after large
// members; larger members are streamed in 64 KiB steps), a zstd stream in
// 64 KiB steps.
//
// LineInput adds what record parsers need on top: lines, exact-length blocks,
// a peek at what comes next, and offsets (decompressed, and compressed) for
// messages that point at the place where a file went wrong.
//
//   std::string error;
//   auto in = winnow::open_input("crawl.warc.gz", nullptr, &error);
//   if (!in) die(error);
//   winnow::LineInput lines(std::move(in));
//   std::string line;
//   while (lines.read_line(line, 1 << 20)) use(line);
//   if (!lines.error().empty()) report(lines.error());  // "truncated gzip data at byte 1234"
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace winnow {

enum class Compression { None, Gzip, Zstd };
const char* to_string(Compression c);

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `out`; 0 at the end or on error (see error()).
  virtual std::size_t read(char* out, std::size_t n) = 0;
  // Bytes taken from the file so far (compressed bytes for a compressed file).
  virtual std::uint64_t raw_offset() const = 0;
  // For a gzip stream: the compressed offset of the member whose first
  // decompressed byte is at `offset` (bytes read() gave before it), when a
  // member starts exactly there and is among the last members read; else
  // nullopt (a plain or zstd stream, or an offset inside a member). A .warc.gz
  // written one member per record so says where each record's member begins,
  // the offset CDX indexes and `tail -c +N | zcat` use.
  virtual std::optional<std::uint64_t> member_start(std::uint64_t offset) const {
    (void)offset;
    return std::nullopt;
  }
  const std::string& error() const { return error_; }
  // True when reading stopped because the stop flag was raised (SIGINT).
  bool stopped() const { return stopped_; }

 protected:
  std::string error_;
  bool stopped_ = false;
};

// Opens `path` ("-" is standard input) and wraps it in a decompressor chosen
// by its magic bytes. `stop`, when given, ends a blocked read on a pipe or
// terminal soon after it is raised (pass null for regular files: they do not
// block, and the check costs an fstat). Null with a
// reason in *error when the file cannot be opened.
std::unique_ptr<ByteStream> open_input(const std::string& path, const std::atomic<bool>* stop, std::string* error,
                                       Compression* compression = nullptr);

// Decompressors over any stream; open_input() picks one. Exposed for tests.
std::unique_ptr<ByteStream> gzip_stream(std::unique_ptr<ByteStream> raw);
std::unique_ptr<ByteStream> zstd_stream(std::unique_ptr<ByteStream> raw);
// How a gzip stream's members have been inflated so far: whole (the usual
// way) or streamed (too large to inflate whole, or damaged). For tests; zeros
// for a stream that gzip_stream() did not make.
struct GzipCounts {
  std::uint64_t whole = 0, streamed = 0;
};
GzipCounts gzip_counts(const ByteStream& stream);
// A stream over bytes in memory (tests, and data already read).
std::unique_ptr<ByteStream> memory_stream(std::string bytes);

class LineInput {
 public:
  explicit LineInput(std::unique_ptr<ByteStream> stream);

  // The next line without its "\n" or "\r\n"; false at the end of input.
  // A line longer than `max` bytes is consumed whole but only its first
  // `max` bytes are kept, and *too_long (if given) is set.
  bool read_line(std::string& line, std::size_t max, bool* too_long = nullptr);
  // Appends exactly `n` bytes to `out`; fewer only at the end of input.
  std::size_t read_exact(std::string& out, std::size_t n);
  // Drops `n` bytes; returns how many there were.
  std::uint64_t skip(std::uint64_t n);
  // Up to `n` bytes of what comes next, without consuming them. Waits for
  // all `n` unless the input ends first.
  std::string_view peek(std::size_t n);
  // The next line with its "\n", without consuming it; at most `max` bytes.
  // Waits only for the line, not for more (a pipe may send no more).
  std::string_view peek_line(std::size_t max);
  bool at_end();

  std::uint64_t offset() const { return consumed_; }  // decompressed bytes consumed
  std::uint64_t raw_offset() const { return stream_->raw_offset(); }
  // ByteStream::member_start() of a decompressed offset (offset() once was).
  std::optional<std::uint64_t> member_start(std::uint64_t at) const { return stream_->member_start(at); }
  const std::string& error() const { return stream_->error(); }
  bool stopped() const { return stream_->stopped(); }

 private:
  bool fill(std::size_t want);  // ensure `want` bytes buffered if the input has them
  bool fill_once();             // one read more; false at the end

  // The bytes read ahead. Not a std::string: growing one zero-fills the new
  // room, and a directory of small files paid for 64 KiB of zeroes two or
  // three times a file.
  class Buffer {
   public:
    const char* data() const { return bytes_.get(); }
    std::size_t size() const { return size_; }
    std::string_view view() const { return {bytes_.get(), size_}; }
    void drop_front(std::size_t n);     // moves the rest to the front
    char* room(std::size_t n);          // at least n writable bytes after size(), not zeroed
    void added(std::size_t n) { size_ += n; }

   private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_ = 0, capacity_ = 0;
  };

  std::unique_ptr<ByteStream> stream_;
  Buffer buffer_;
  std::size_t pos_ = 0;
  std::uint64_t consumed_ = 0;
  bool eof_ = false;
};

}  // namespace winnow
