// gzip members inflated whole (libdeflate), with zlib streaming taking over
// for large or damaged members: the bytes and the messages must be those of
// streaming alone. The reference below is the zlib-only reader this replaced.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "corpus_files.hpp"
#include "piece_stream.hpp"
#include "winnow/input_stream.hpp"

using namespace winnow;

namespace {

struct Inflated {
  std::string bytes;
  std::string error;
  std::uint64_t raw_offset = 0;
};

// The zlib-only reader, as it was: 64 KiB input steps, inflateReset at each
// member's end, the same three messages.
Inflated zlib_reference(const std::string& file) {
  Inflated r;
  z_stream z{};
  inflateInit2(&z, 16 + MAX_WBITS);
  std::size_t taken = 0;
  bool in_member = false;
  std::uint64_t member_start = 0;
  std::string out(1 << 16, '\0');
  for (;;) {
    if (z.avail_in == 0) {
      std::size_t got = std::min<std::size_t>(1 << 16, file.size() - taken);
      if (got == 0) {
        if (in_member)
          r.error = fmt::format("truncated gzip data: the member starting at compressed byte {} ends early",
                                member_start);
        break;
      }
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(file.data() + taken));
      z.avail_in = static_cast<uInt>(got);
      taken += got;
    }
    if (!in_member) {
      if (z.next_in[0] != 0x1f) {
        r.error = fmt::format("unexpected bytes after the gzip member ending at compressed byte {}", taken - z.avail_in);
        break;
      }
      in_member = true;
      member_start = taken - z.avail_in;
    }
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&z, Z_NO_FLUSH);
    r.bytes.append(out.data(), out.size() - z.avail_out);
    if (rc == Z_STREAM_END) {
      in_member = false;
      inflateReset(&z);
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      r.error = fmt::format("corrupt gzip data in the member starting at compressed byte {}: {}", member_start,
                            z.msg ? z.msg : "inflate failed");
      break;
    }
  }
  r.raw_offset = taken - z.avail_in;
  inflateEnd(&z);
  return r;
}

Inflated inflate_all(ByteStream& s, std::size_t chunk = 1 << 16) {
  Inflated r;
  std::string buf(chunk, '\0');
  while (std::size_t got = s.read(buf.data(), buf.size())) r.bytes.append(buf.data(), got);
  r.error = s.error();
  r.raw_offset = s.raw_offset();
  return r;
}

// Deterministic bytes that do not compress (stored blocks), or text that does.
std::string noise(std::size_t n, std::uint32_t seed) {
  std::string s(n, '\0');
  for (auto& c : s) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return s;
}
std::string prose(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; s.size() < n; ++i) s += fmt::format("line {} of some page that compresses well\n", i * 7919 % 100003);
  s.resize(n);
  return s;
}

void same_as_reference(const std::string& file, std::size_t step = 0) {
  Inflated want = zlib_reference(file);
  auto s = step ? std::unique_ptr<ByteStream>(std::make_unique<PieceStream>(file, [step] { return step; })) : memory_stream(file);
  auto g = gzip_stream(std::move(s));
  Inflated got = inflate_all(*g, 1000 + file.size() % 70000);
  CHECK(got.error == want.error);
  CHECK(got.bytes.size() == want.bytes.size());
  CHECK(got.bytes == want.bytes);
  CHECK(got.raw_offset == want.raw_offset);
}

}  // namespace

TEST_CASE("gzip: a member too large for the output buffer is streamed once, later ones its size are inflated whole") {
  // 3 MiB that does not compress: more than both 1 MiB buffers.
  std::string a = noise(3 << 20, 1), b = "between\n", c = noise(3 << 20, 2), d = noise(1500000, 3);
  std::string file = gzip_member(a) + gzip_member(b) + gzip_member(c) + gzip_member(d);
  REQUIRE(gzip_member(c).size() > (1 << 20));
  auto g = gzip_stream(memory_stream(file));
  Inflated got = inflate_all(*g);
  CHECK(got.error.empty());
  CHECK(got.bytes == a + b + c + d);
  CHECK(got.raw_offset == file.size());
  CHECK(gzip_counts(*g).streamed == 1);  // a; then the output buffer is 4 MiB, and the input buffer grows
  CHECK(gzip_counts(*g).whole == 3);
}

TEST_CASE("gzip: the output buffer learns sizes up to 16 MiB, and larger members are always streamed") {
  std::string ten = prose(10 << 20), twenty(20 << 20, 'a');
  std::string file = gzip_member("x\n") + gzip_member(ten) + gzip_member(ten) + gzip_member(twenty) +
                     gzip_member(twenty) + gzip_member("y\n");
  auto g = gzip_stream(memory_stream(file));
  Inflated got = inflate_all(*g);
  CHECK(got.error.empty());
  CHECK(got.bytes.size() == 2 * ten.size() + 2 * twenty.size() + 4);
  CHECK(got.bytes == "x\n" + ten + ten + twenty + twenty + "y\n");
  CHECK(got.raw_offset == file.size());
  CHECK(gzip_counts(*g).streamed == 3);  // the first ten, both twenties
  CHECK(gzip_counts(*g).whole == 3);
}

TEST_CASE("gzip: a truncated last member gives the same bytes and message as streaming") {
  std::string first = gzip_member(prose(300000)), second = gzip_member("two\n");
  for (std::string last : {gzip_member(prose(200000)), gzip_member(noise(2500000, 3))}) {
    std::string whole = first + second + last;
    for (std::size_t cut : {std::size_t{1}, std::size_t{3}, std::size_t{10}, last.size() / 2, last.size() - 1}) {
      CAPTURE(cut);
      std::string file = whole.substr(0, first.size() + second.size() + cut);
      same_as_reference(file);
      auto g = gzip_stream(memory_stream(file));
      Inflated got = inflate_all(*g);
      CHECK(got.error == fmt::format("truncated gzip data: the member starting at compressed byte {} ends early",
                                     first.size() + second.size()));
      CHECK(got.bytes.starts_with(prose(300000) + "two\n"));
    }
  }
}

TEST_CASE("gzip: trailing garbage is reported where the last member ends, the data before kept") {
  std::string members = gzip_member("kept\n") + gzip_member(prose(100000));
  for (std::string garbage : {std::string(16, '\0'), std::string("\x1f junk after the end", 20)}) {
    std::string file = members + garbage;
    same_as_reference(file);
    auto g = gzip_stream(memory_stream(file));
    Inflated got = inflate_all(*g);
    CHECK(got.bytes == "kept\n" + prose(100000));
    if (garbage[0] == 0)
      CHECK(got.error ==
            fmt::format("unexpected bytes after the gzip member ending at compressed byte {}", members.size()));
    else
      CHECK(got.error.starts_with(
          fmt::format("corrupt gzip data in the member starting at compressed byte {}: ", members.size())));
  }
}

TEST_CASE("gzip: empty members give nothing, wherever they are") {
  std::string empty = gzip_member("");
  std::string file = empty + gzip_member("a\n") + empty + empty + gzip_member("b\n") + empty;
  auto g = gzip_stream(memory_stream(file));
  Inflated got = inflate_all(*g);
  CHECK(got.error.empty());
  CHECK(got.bytes == "a\nb\n");
  CHECK(gzip_counts(*g).whole == 6);
  auto only = gzip_stream(memory_stream(empty + empty));
  Inflated none = inflate_all(*only);
  CHECK(none.error.empty());
  CHECK(none.bytes.empty());
  CHECK(none.raw_offset == 2 * empty.size());
}

TEST_CASE("gzip: damaged members and headers zlib checks give streaming's bytes and messages") {
  std::string a = gzip_member(prose(50000)), b = gzip_member(prose(70000) + "b"), c = gzip_member("c\n");
  // A bad CRC in b's trailer; a bad length; a flipped bit in b's data.
  std::string bad_crc = a + b + c, bad_len = a + b + c, bad_bit = a + b + c;
  bad_crc[a.size() + b.size() - 6] ^= 1;
  bad_len[a.size() + b.size() - 2] ^= 1;
  bad_bit[a.size() + b.size() / 2] ^= 0x10;
  for (auto* file : {&bad_crc, &bad_len, &bad_bit}) {
    same_as_reference(*file);
    Inflated got = inflate_all(*gzip_stream(memory_stream(*file)));
    CHECK(got.error.starts_with(fmt::format("corrupt gzip data in the member starting at compressed byte {}: ", a.size())));
  }
  // A header CRC (FHCRC): zlib checks it, so a member with one is streamed.
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  gz_header h{};
  h.hcrc = 1;
  deflateSetHeader(&z, &h);
  std::string data = "with a header crc\n", hcrc(256, '\0');
  z.next_in = reinterpret_cast<Bytef*>(data.data());
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(hcrc.data());
  z.avail_out = static_cast<uInt>(hcrc.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  hcrc.resize(z.total_out);
  deflateEnd(&z);
  REQUIRE((hcrc[3] & 2) != 0);
  auto g = gzip_stream(memory_stream(a + hcrc + c));
  Inflated got = inflate_all(*g);
  CHECK(got.error.empty());
  CHECK(got.bytes == prose(50000) + data + "c\n");
  CHECK(gzip_counts(*g).streamed == 1);
  std::string broken = a + hcrc + c;
  broken[a.size() + 10] ^= 1;  // the header's CRC, right after the 10-byte fixed header
  same_as_reference(broken);
  CHECK(inflate_all(*gzip_stream(memory_stream(broken))).error ==
        fmt::format("corrupt gzip data in the member starting at compressed byte {}: header crc mismatch", a.size()));
}

TEST_CASE("gzip: cut anywhere, read in any steps, bytes and messages are streaming's") {
  std::string file;
  for (std::size_t i = 0; i < 12; ++i)
    file += gzip_member(i % 3 == 0 ? noise(40000 + 9000 * i, std::uint32_t(i)) : prose(3000 + 25000 * i));
  std::string tail = gzip_member("");
  file += tail;
  for (std::size_t step : {std::size_t{0}, std::size_t{700}, std::size_t{65536}}) {
    CAPTURE(step);
    same_as_reference(file, step);
    for (std::size_t cut = 5; cut < file.size(); cut += file.size() / 23) {
      CAPTURE(cut);
      same_as_reference(file.substr(0, cut), step);
      same_as_reference(file.substr(0, cut) + std::string("\0\0\0", 3), step);
    }
  }
}

TEST_CASE("gzip: a read error inside a member is the file's error, after the same bytes") {
  std::string a = gzip_member(prose(80000)), b = gzip_member(prose(90000));
  std::string file = a + b;
  std::size_t limit = a.size() + b.size() / 2;
  auto g = gzip_stream(std::make_unique<PieceStream>(file, [] { return std::string::npos; }, limit));
  Inflated got = inflate_all(*g);
  CHECK(got.error == fmt::format("read error at byte {}: Input/output error", limit));
  Inflated want = zlib_reference(file.substr(0, limit));
  CHECK(got.bytes == want.bytes);
}

TEST_CASE("gzip: a file of one member larger than the output buffer is inflated whole, sized by its trailer") {
  for (std::size_t n : {std::size_t{100}, std::size_t{200000}, std::size_t{1500000}, std::size_t{6000000}}) {
    CAPTURE(n);
    std::string page = prose(n);
    TempDir dir;
    auto path = dir.write("page.txt.gz", gzip_member(page));
    std::string error;
    auto g = open_input(path, nullptr, &error);
    REQUIRE(g);
    Inflated got = inflate_all(*g);
    CHECK(got.error.empty());
    CHECK(got.bytes == page);
    CHECK(gzip_counts(*g).whole == 1);
    CHECK(gzip_counts(*g).streamed == 0);
  }
}
