// Streaming decompression: gzip (any number of members) and zstd (any number
// of frames).
//
// The problem: WARC files are written as one gzip member per record, so a
// .warc.gz is thousands of concatenated gzip streams; zlib's inflate stops at
// the end of the first one (Z_STREAM_END), and tools that read a whole file
// into memory to decompress it cannot handle a 50 GB crawl. A crawl cut short
// (a full disk, a killed crawler) ends inside a member, and that must be
// reported, not taken for a clean end.
//
// The method: inflate with a 64 KiB input buffer; at Z_STREAM_END,
// inflateReset and go on with the next member if the file has more bytes. The
// end of the file inside a member (or inside a zstd frame: the last
// ZSTD_decompressStream() result is not 0) is an error naming the compressed
// offset where the unfinished member began, so a person can cut the file
// there. Bytes after the last member that are not another gzip header are
// reported too (gzip(1) warns about "trailing garbage"); the data before them
// is kept.
//
// The cost: one pass, O(1) memory (zlib's 32 KiB window, zstd's window up to
// what the frame declares, bounded at 128 MiB here to refuse hostile frames).
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <fmt/format.h>
#include <vector>

#include "winnow/input_stream.hpp"

namespace winnow {
namespace {

constexpr std::size_t kInputChunk = 1 << 16;

class GzipStream final : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)), in_(kInputChunk) {
    std::memset(&z_, 0, sizeof z_);
    // 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw deflate stream
    // is an error rather than silently accepted.
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) error_ = "cannot initialise zlib";
  }
  ~GzipStream() override { inflateEnd(&z_); }

  std::size_t read(char* out, std::size_t n) override {
    if (!error_.empty() || done_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        std::size_t got = raw_->read(reinterpret_cast<char*>(in_.data()), in_.size());
        if (got == 0) {
          stopped_ = raw_->stopped();
          if (!raw_->error().empty()) error_ = raw_->error();
          else if (in_member_)
            error_ = fmt::format("truncated gzip data: the member starting at compressed byte {} ends early",
                                 member_start_);
          done_ = true;
          break;
        }
        z_.next_in = in_.data();
        z_.avail_in = static_cast<uInt>(got);
      }
      if (!in_member_) {
        // A new member must start with the gzip magic; anything else after
        // a complete member is trailing garbage (often zero padding).
        if (z_.next_in[0] != 0x1f) {
          error_ = fmt::format("unexpected bytes after the gzip member ending at compressed byte {}", raw_offset());
          done_ = true;
          break;
        }
        in_member_ = true;
        member_start_ = raw_offset();
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
      } else if (rc == Z_BUF_ERROR) {
        continue;  // needs more input; read again above
      } else if (rc != Z_OK) {
        error_ = fmt::format("corrupt gzip data in the member starting at compressed byte {}: {}", member_start_,
                             z_.msg ? z_.msg : "inflate failed");
        done_ = true;
        break;
      }
    }
    return n - z_.avail_out;
  }

  std::uint64_t raw_offset() const override { return raw_->raw_offset() - z_.avail_in; }

 private:
  std::unique_ptr<ByteStream> raw_;
  std::vector<Bytef> in_;
  z_stream z_;
  bool in_member_ = false, done_ = false;
  std::uint64_t member_start_ = 0;
};

class ZstdStream final : public ByteStream {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)), in_(kInputChunk) {
    ctx_ = ZSTD_createDCtx();
    ZSTD_DCtx_setParameter(ctx_, ZSTD_d_windowLogMax, 27);
  }
  ~ZstdStream() override { ZSTD_freeDCtx(ctx_); }

  std::size_t read(char* out, std::size_t n) override {
    if (!error_.empty() || done_) return 0;
    ZSTD_outBuffer ob{out, n, 0};
    while (ob.pos == 0) {
      if (ib_.pos == ib_.size) {
        std::size_t got = raw_->read(in_.data(), in_.size());
        if (got == 0) {
          stopped_ = raw_->stopped();
          if (!raw_->error().empty()) error_ = raw_->error();
          else if (last_ != 0)
            error_ = fmt::format("truncated zstd data: the frame starting at compressed byte {} ends early",
                                 frame_start_);
          done_ = true;
          break;
        }
        ib_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      if (last_ == 0) frame_start_ = raw_offset();
      last_ = ZSTD_decompressStream(ctx_, &ob, &ib_);
      if (ZSTD_isError(last_)) {
        error_ = fmt::format("corrupt zstd data in the frame starting at compressed byte {}: {}", frame_start_,
                             ZSTD_getErrorName(last_));
        done_ = true;
        break;
      }
    }
    return ob.pos;
  }

  std::uint64_t raw_offset() const override { return raw_->raw_offset() - (ib_.size - ib_.pos); }

 private:
  std::unique_ptr<ByteStream> raw_;
  std::vector<char> in_;
  ZSTD_DCtx* ctx_;
  ZSTD_inBuffer ib_{nullptr, 0, 0};
  std::size_t last_ = 0;  // 0 between frames
  bool done_ = false;
  std::uint64_t frame_start_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> gzip_stream(std::unique_ptr<ByteStream> raw) {
  return std::make_unique<GzipStream>(std::move(raw));
}
std::unique_ptr<ByteStream> zstd_stream(std::unique_ptr<ByteStream> raw) {
  return std::make_unique<ZstdStream>(std::move(raw));
}

}  // namespace winnow
