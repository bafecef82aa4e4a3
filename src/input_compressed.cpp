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
// The second problem: the reader is the one serial stage of the pipeline
// (pipeline.cpp), so whatever it costs bounds the -j 2 speed-up. Reading a
// .warc.gz of web pages, mostly zlib's inflate, was about 18% of the CPU
// time of `extract` (read_seconds in --stats), which held -j 2 to
// 1.71-1.78x (bench/io/run.sh).
//
// The method: a gzip member is inflated whole by libdeflate, in less than
// half of zlib's instructions, but libdeflate wants the whole member at once
// and says only "done, N compressed bytes used", "output buffer too small"
// or "bad data". So the compressed input is kept in a buffer (1 MiB, read a
// buffer at a time) and each member is inflated from there into an output
// buffer (1 MiB) that the reader is then served from. "Bad data" usually
// means the member goes on past the buffer: the unread bytes move to the
// front, the buffer grows to twice them, one more read is made, and
// libdeflate tries again. A member that does not fit the output buffer (its
// trailer's size field cannot be found before its end is), or whose input
// outgrows what could inflate into it, or needs more than 8 such reads (a
// pipe giving little at a time), or is still bad at the end of the file, or
// has a header CRC (zlib checks it, libdeflate does not) is handed to zlib
// from its first byte and streamed as before, so every error is found and
// worded by the same code as before, after the same bytes. When zlib ends a
// member that was too large, the output buffer grows to fit the next one of
// its size (up to 16 MiB: a file's members tend to be alike), and
// whole-member inflation resumes. With zlib, inflate streams with a 64 KiB
// input buffer; at Z_STREAM_END the next member starts if the file has more
// bytes. The end of the file inside a member (or inside a zstd frame: the
// last ZSTD_decompressStream() result is not 0) is an error naming the
// compressed offset where the unfinished member began, so a person can cut
// the file there. Bytes after the last member that are not another gzip
// header are reported too (gzip(1) warns about "trailing garbage"); the
// data before them is kept.
//
// Why both: with zlib the cost is its inflate loop itself (and its CRC),
// not the 64 KiB steps around it; libdeflate alone could not read a
// member larger than memory, nor tell a truncated member from a corrupt one,
// nor say where.
//
// The cost: one pass. On bench/io's 1x .warc.gz (1,086 records, 20 MB),
// inflating takes about 0.12 s instead of 0.24-0.3 s; on a third of it
// (callgrind), libdeflate runs 211 M instructions where zlib's inflate ran
// 477 M, and the whole reader stage 379 M instead of 601 M. The output is
// copied once more, out of the output buffer. Memory: the two buffers, 1 MiB
// each, up to 16 MiB each after large members; zlib's 32 KiB window; zstd's
// window up to what the frame declares, bounded at 128 MiB here to refuse
// hostile frames. A member too large is inflated up to the output buffer's
// size before zlib takes it (1% more instructions on a one-member 60 MB
// file); a damaged member is inflated twice. raw_offset() moves a member at
// a time, not 64 KiB at a time.
#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fmt/format.h>
#include <vector>

#include "winnow/input_stream.hpp"

namespace winnow {
namespace {

constexpr std::size_t kInputChunk = 1 << 16;

// Whole-member inflation (see the essay at the top): both buffers start at
// kGzipBuffer; the output buffer grows to fit a member that was streamed
// for want of room, up to kWholeMemberMax; a member is inflated whole only
// if more input arrives in at most kWholeMemberReads reads after the first
// attempt.
constexpr std::size_t kGzipBuffer = 1 << 20;
constexpr std::size_t kWholeMemberMax = 16 << 20;
constexpr int kWholeMemberReads = 8;

class GzipStream final : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)), in_(kGzipBuffer) {
    std::memset(&z_, 0, sizeof z_);
    // 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw deflate stream
    // is an error rather than silently accepted.
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) error_ = "cannot initialise zlib";
    whole_ = libdeflate_alloc_decompressor();
    if (!whole_) error_ = "cannot initialise libdeflate";
  }
  ~GzipStream() override {
    inflateEnd(&z_);
    if (whole_) libdeflate_free_decompressor(whole_);
  }

  std::size_t read(char* out, std::size_t n) override {
    if (n == 0) return 0;
    for (;;) {
      if (out_pos_ < out_len_) {
        std::size_t k = std::min(n, out_len_ - out_pos_);
        std::memcpy(out, out_.data() + out_pos_, k);
        out_pos_ += k;
        return k;
      }
      if (!error_.empty() || done_) return 0;
      if (streaming_) {
        std::size_t got = stream(out, n);
        if (got > 0 || done_ || !error_.empty()) return got;
        continue;  // a streamed member ended with no output left for this call: back to whole members
      }
      next_member();
    }
  }

  std::uint64_t raw_offset() const override {
    return raw_->raw_offset() - (streaming_ ? z_.avail_in : len_ - pos_);
  }

  GzipCounts counts() const { return counts_; }

 private:
  // Reads from the file; once it has given 0 (end, error or stop) it is not
  // asked again, so a fallback to streaming sees the same end.
  std::size_t pull(Bytef* to, std::size_t n) {
    if (raw_end_) return 0;
    std::size_t got = raw_->read(reinterpret_cast<char*>(to), n);
    if (got == 0) raw_end_ = true;
    return got;
  }

  // Moves the unread bytes to the front and reads once more after them (the
  // buffer doubles when they fill half of it). False when nothing came.
  bool more_input() {
    std::size_t have = len_ - pos_;
    if (pos_ > 0) {
      std::memmove(in_.data(), in_.data() + pos_, have);
      pos_ = 0;
      len_ = have;
    }
    std::size_t room = std::min(2 * have, out_.size() + kInputChunk);  // more than `have`: callers stop below
    if (in_.size() < room) in_.resize(room);
    std::size_t got = pull(in_.data() + len_, in_.size() - len_);
    len_ += got;
    return got > 0;
  }

  // The end of the input between members: a clean end, unless the file
  // could not be read.
  void end_between_members() {
    stopped_ = raw_->stopped();
    if (!raw_->error().empty()) error_ = raw_->error();
    done_ = true;
  }

  // Inflates the next member whole into out_, or hands it to stream().
  void next_member() {
    if (pos_ == len_ && !more_input()) return end_between_members();
    // A new member must start with the gzip magic; anything else after a
    // complete member is trailing garbage (often zero padding).
    if (in_[pos_] != 0x1f) {
      error_ = fmt::format("unexpected bytes after the gzip member ending at compressed byte {}", raw_offset());
      done_ = true;
      return;
    }
    for (int reads = 0;;) {
      std::size_t have = len_ - pos_;
      const Bytef* m = in_.data() + pos_;
      // Not 1f 8b, deflate, or a header CRC (zlib checks it, libdeflate
      // does not) or reserved flags: zlib says what is wrong.
      if (have >= 4 && (m[1] != 0x8b || m[2] != 8 || (m[3] & 0xe2) != 0)) break;
      std::size_t used_in = 0, used_out = 0;
      libdeflate_result r =
          libdeflate_gzip_decompress_ex(whole_, m, have, out_.data(), out_.size(), &used_in, &used_out);
      if (r == LIBDEFLATE_SUCCESS) {
        pos_ += used_in;
        out_pos_ = 0;
        out_len_ = used_out;
        ++counts_.whole;
        return;
      }
      // Too large for the output buffer: zlib streams it (and the buffer
      // grows to fit the next one of its size, see stream()). Bad data: the
      // member may go on past the buffer, so read more and try again, but
      // not past what could inflate into the output buffer (stored blocks
      // add 5 bytes in 64 KiB, headers a little more). At the end of the
      // file it is truly bad.
      if (r == LIBDEFLATE_INSUFFICIENT_SPACE || have >= out_.size() + kInputChunk || ++reads > kWholeMemberReads ||
          !more_input())
        break;
    }
    start_streaming();
  }

  // zlib takes over at the start of the member in hand: it inflates it as
  // the reader asks, and says what is wrong with it, if anything.
  void start_streaming() {
    inflateReset(&z_);
    z_.next_in = in_.data() + pos_;
    z_.avail_in = static_cast<uInt>(len_ - pos_);
    in_member_ = false;
    streaming_ = true;
    ++counts_.streamed;
  }

  // Streaming inflation of one member, in 64 KiB reads when the buffer runs
  // dry; at its end, whole-member inflation resumes with the next member.
  std::size_t stream(char* out, std::size_t n) {
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        std::size_t got = pull(in_.data(), std::min(in_.size(), kInputChunk));
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
        in_member_ = true;
        member_start_ = raw_offset();
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        // A member too large to inflate whole: make room for the next one
        // of its size (members of one file tend to be alike), within bounds.
        if (z_.total_out > out_.size() && z_.total_out <= kWholeMemberMax) out_.resize(std::bit_ceil(z_.total_out));
        in_member_ = false;
        streaming_ = false;
        pos_ = static_cast<std::size_t>(z_.next_in - in_.data());
        len_ = pos_ + z_.avail_in;
        z_.avail_in = 0;
        break;
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

  std::unique_ptr<ByteStream> raw_;
  libdeflate_decompressor* whole_ = nullptr;
  std::vector<Bytef> in_;  // compressed bytes [pos_, len_) not yet inflated
  std::size_t pos_ = 0, len_ = 0;
  std::vector<Bytef> out_ = std::vector<Bytef>(kGzipBuffer);  // the member in hand, [out_pos_, out_len_) unread
  std::size_t out_pos_ = 0, out_len_ = 0;
  z_stream z_;
  bool streaming_ = false, in_member_ = false, done_ = false, raw_end_ = false;
  std::uint64_t member_start_ = 0;
  GzipCounts counts_;
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

GzipCounts gzip_counts(const ByteStream& stream) {
  auto* gzip = dynamic_cast<const GzipStream*>(&stream);
  return gzip ? gzip->counts() : GzipCounts{};
}

}  // namespace winnow
