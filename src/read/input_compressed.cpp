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
// or "bad data". So the compressed input is kept in a buffer and each member
// is inflated from there into an output buffer that the reader is then
// served from. Both start at 32 KiB, not zero-filled: a small file needs no
// more, and larger fresh buffers for every file of a directory of small .gz
// files cost more than inflating them. "Bad data" usually means the member
// goes on past the buffered bytes: the unread ones move to the front, the
// input buffer grows to 1 MiB (and to twice them for a longer member), one
// more read is made, and libdeflate tries again. "Too small" reads more too
// if it can, since the member's trailer holds its size: when the buffered
// bytes end with the file, a one-member file is sized exactly; else that is
// only a guess (bounded at 16 MiB), and the buffer doubles up to 1 MiB. A
// member that does not fit even then, or whose input outgrows what could
// inflate into the output buffer, or needs more than 8 reads (a pipe giving
// little at a time), or is still bad at the end of the file, or has a
// header CRC (zlib checks it, libdeflate does not) is handed to zlib from its
// first byte and streamed as before, so every error is found and worded by
// the same code as before, after the same bytes. When zlib ends a member that
// was too large, the output buffer grows to fit the next one of its size (up
// to 16 MiB: a file's members tend to be alike), and whole-member inflation
// resumes. With zlib, inflate streams with a 64 KiB input buffer; at
// Z_STREAM_END the next member starts if the file has more bytes. The end of
// the file inside a member (or inside a zstd frame: the last
// ZSTD_decompressStream() result is not 0) is an error naming the compressed
// offset where the unfinished member began, so a person can cut the file
// there. Bytes after the last member that are not another gzip header are
// reported too (gzip(1) warns about "trailing garbage"); the data before them
// is kept.
//
// Why both: with zlib the cost is its inflate loop itself (and its CRC),
// not the 64 KiB steps around it; libdeflate alone could not read a member
// larger than memory, nor tell a truncated member from a corrupt one, nor
// say where.
//
// The cost: one pass, linear in the compressed bytes; libdeflate inflates a
// member in about half the time and instructions of zlib's streaming loop
// (on a .warc.gz, on gzipped pages and on tiny gzipped files alike; the
// figures are in the README, from bench/io). A member too large is partly
// inflated before zlib takes it, a few per cent more work on such a file.
// A damaged member is inflated twice. The output is copied once
// more, out of the output buffer. Memory: the two buffers, up to 1 MiB each,
// up to 16 MiB each after large members; zlib's 32 KiB window; zstd's window
// up to what the frame declares, bounded at 128 MiB here to refuse hostile
// frames. Where each of the last 8192 members began (compressed, and as a
// decompressed offset) is kept, 16 bytes a member, so the WARC reader can
// name the member a record starts (member_start()). raw_offset() moves a
// member at a time, not 64 KiB at a time. On a
// pipe, a member too large for the output buffer may wait for the next
// bytes before it is served.
#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <vector>

#include "winnow/input_stream.hpp"

namespace winnow {
namespace {

constexpr std::size_t kInputChunk = 1 << 16;

// Whole-member inflation (see the essay at the top): both buffers start at
// kGzipStart (a small file needs no more), and grow to kGzipBuffer as members
// need; the output buffer then grows to fit a member that was streamed for
// want of room, or that its trailer sizes, up to kWholeMemberMax; a member is
// inflated whole only if it needs at most kWholeMemberReads reads after the
// first attempt.
constexpr std::size_t kGzipStart = 1 << 15;
constexpr std::size_t kGzipBuffer = 1 << 20;
constexpr std::size_t kWholeMemberMax = 16 << 20;
constexpr int kWholeMemberReads = 8;

// A byte buffer that is not zero-filled when made or grown: only the bytes
// written are touched (a 1 MiB buffer may hold a few KB of the file's end).
class Bytes {
 public:
  explicit Bytes(std::size_t n) : p_(new Bytef[n]), n_(n) {}
  Bytef* data() { return p_.get(); }
  const Bytef* data() const { return p_.get(); }
  std::size_t size() const { return n_; }
  Bytef operator[](std::size_t i) const { return p_[i]; }
  // At least `n` bytes, the first `keep` kept.
  void grow(std::size_t n, std::size_t keep) {
    if (n <= n_) return;
    std::unique_ptr<Bytef[]> q(new Bytef[n]);
    std::memcpy(q.get(), p_.get(), keep);
    p_ = std::move(q);
    n_ = n;
  }

 private:
  std::unique_ptr<Bytef[]> p_;
  std::size_t n_;
};

class GzipStream final : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)), in_(kGzipStart) {
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
        produced_ += k;
        return k;
      }
      if (!error_.empty() || done_) return 0;
      if (streaming_) {
        std::size_t got = stream(out, n);
        produced_ += got;
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

  std::optional<std::uint64_t> member_start(std::uint64_t offset) const override {
    auto it = std::lower_bound(member_starts_.begin(), member_starts_.end(), offset,
                               [](const MemberStart& m, std::uint64_t at) { return m.decompressed < at; });
    if (it == member_starts_.end() || it->decompressed != offset) return std::nullopt;
    return it->compressed;
  }

 private:
  // Reads from the file; once it has given 0 (end, error or stop) it is not
  // asked again, so a fallback to streaming sees the same end.
  std::size_t pull(Bytef* to, std::size_t n) {
    if (raw_end_) return 0;
    std::size_t got = raw_->read(reinterpret_cast<char*>(to), n);
    if (got == 0) raw_end_ = true;
    return got;
  }

  // Moves the unread bytes of a member to the front and reads once more
  // after them. The buffer grows to kGzipBuffer at once (a member runs past
  // its end: the file is more than a small one), and then to twice the
  // member's bytes. False when nothing came.
  bool more_input() {
    std::size_t have = len_ - pos_;
    if (pos_ > 0) {
      std::memmove(in_.data(), in_.data() + pos_, have);
      pos_ = 0;
      len_ = have;
    }
    if (have > 0) in_.grow(std::max(std::min(2 * have, input_bound()), kGzipBuffer), len_);
    std::size_t got = pull(in_.data() + len_, in_.size() - len_);
    len_ += got;
    return got > 0;
  }

  // The most compressed bytes a member inflated whole may have: what could
  // inflate into the output buffer at its largest (stored blocks add 5 bytes
  // in 64 KiB, headers a little more).
  std::size_t input_bound() const { return std::max(out_.size(), kGzipBuffer) + kInputChunk; }

  // The size field of the gzip trailer at the end of the buffered bytes, if
  // they hold a member and it is at most kWholeMemberMax; else 0.
  std::size_t trailer_size() const {
    if (len_ - pos_ < 18) return 0;
    const Bytef* t = in_.data() + len_ - 4;
    std::size_t size = t[0] | t[1] << 8 | t[2] << 16 | std::size_t{t[3]} << 24;
    return size <= kWholeMemberMax ? size : 0;
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
    note_member_start();
    // If the bytes end before the buffer does, they may end with the member
    // (a small file of one member): its trailer then says its size (only a
    // guess, so bounded).
    if (len_ < in_.size()) out_.grow(trailer_size(), 0);
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
      // Too large for the output buffer. The member may go on past the
      // buffered bytes: read more (the file's end may come, and with it the
      // member's trailer, which says its size: only a guess, since more
      // members may follow, so bounded). Then grow the buffer to that, or
      // double it up to kGzipBuffer; past that, zlib streams the member (and
      // the buffer grows to fit the next one of its size, see stream()).
      if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
        if (!raw_end_ && have < input_bound() && reads < kWholeMemberReads) {
          ++reads;
          more_input();
        }
        std::size_t guess = len_ < in_.size() || raw_end_ ? trailer_size() : 0;
        if (guess > out_.size()) {
          out_.grow(guess, 0);
          continue;
        }
        if (out_.size() >= kGzipBuffer) break;
        out_.grow(2 * out_.size(), 0);
        continue;
      }
      // Bad data: the member may go on past the buffer, so read more and
      // try again, within bounds. At the end of the file it is truly bad.
      if (have >= input_bound() || ++reads > kWholeMemberReads || !more_input()) break;
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
        if (z_.total_out > out_.size() && z_.total_out <= kWholeMemberMax) out_.grow(std::bit_ceil(z_.total_out), 0);
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

  // Where the member about to be inflated begins, for member_start(): every
  // byte of the members before it has been handed out, so produced_ is its
  // first byte's decompressed offset. An empty member before it starts at
  // the same offset, and the record's bytes are in this one: it replaces it.
  void note_member_start() {
    const MemberStart m{produced_, raw_offset()};
    if (!member_starts_.empty() && member_starts_.back().decompressed == m.decompressed) member_starts_.back() = m;
    else member_starts_.push_back(m);
    if (member_starts_.size() > kMemberStartsKept) member_starts_.pop_front();
  }

  // A reader asks about a record just after it read its first line: the
  // members since then are those LineInput read ahead (at most a few MiB,
  // a few thousand of the smallest WARC records). 16 bytes each.
  static constexpr std::size_t kMemberStartsKept = 8192;
  struct MemberStart {
    std::uint64_t decompressed = 0, compressed = 0;
  };
  std::deque<MemberStart> member_starts_;
  std::uint64_t produced_ = 0;  // decompressed bytes read() has handed out

  std::unique_ptr<ByteStream> raw_;
  libdeflate_decompressor* whole_ = nullptr;
  Bytes in_;  // compressed bytes [pos_, len_) not yet inflated
  std::size_t pos_ = 0, len_ = 0;
  Bytes out_{kGzipStart};  // the member in hand, [out_pos_, out_len_) unread
  std::size_t out_pos_ = 0, out_len_ = 0;
  z_stream z_;
  bool streaming_ = false, in_member_ = false, done_ = false, raw_end_ = false;
  std::uint64_t member_start_ = 0;
  GzipCounts counts_;
};

// The largest zstd window accepted: 2^27 bytes, 128 MiB (zstd's default
// limit is 2^27 too; `zstd --long=31` frames need 2 GiB).
constexpr unsigned kZstdWindowLogMax = 27;

class ZstdStream final : public ByteStream {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)), in_(kInputChunk) {
    ctx_ = ZSTD_createDCtx();
    ZSTD_DCtx_setParameter(ctx_, ZSTD_d_windowLogMax, kZstdWindowLogMax);
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
      if (ZSTD_isError(last_) && ZSTD_getErrorCode(last_) == ZSTD_error_frameParameter_windowTooLarge) {
        // A valid frame made with `zstd --long` (or -22 --ultra): not
        // corrupt, but its window is more memory than a record may take.
        error_ = fmt::format("the zstd frame starting at compressed byte {} needs a window over the supported "
                             "{} MiB (made with zstd --long?); decompress it first: zstd -d --long=31",
                             frame_start_, (1u << kZstdWindowLogMax) >> 20);
        done_ = true;
        break;
      }
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
