// LineInput against a plain reading of the same bytes held whole in memory:
// whatever pieces the stream hands out (a byte, a few, more than the 64 KiB
// read-ahead), lines, peeks, exact reads and skips give what the string says.
// Lines longer than the read-ahead make its buffer grow and move its unread
// bytes to the front, which short inputs never do.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "piece_stream.hpp"
#include "winnow/input_stream.hpp"

using namespace winnow;

namespace {

// Lines of 0 to 200,000 bytes, some ending in CRLF, the last one maybe
// without a line end.
std::string random_text(std::mt19937& rng) {
  std::string text;
  int lines = std::uniform_int_distribution<int>(0, 12)(rng);
  for (int i = 0; i < lines; ++i) {
    std::size_t length = std::uniform_int_distribution<int>(0, 2)(rng) == 0
                             ? std::uniform_int_distribution<std::size_t>(0, 200000)(rng)
                             : std::uniform_int_distribution<std::size_t>(0, 80)(rng);
    for (std::size_t k = 0; k < length; ++k) text += static_cast<char>('a' + rng() % 26);
    if (i + 1 < lines || rng() % 2) text += rng() % 3 == 0 ? "\r\n" : "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("LineInput reads what a plain reading of the whole bytes reads, in any pieces") {
  std::mt19937 rng(20261124);
  for (int round = 0; round < 300; ++round) {
    std::string text = random_text(rng);
    // Pieces of 1-7 bytes a quarter of the time, else of up to 100,000.
    std::mt19937 pieces(rng());
    LineInput in(std::make_unique<PieceStream>(text, [&pieces] {
      return pieces() % 4 == 0 ? 1 + pieces() % 7 : 1 + pieces() % 100000;
    }));
    std::size_t pos = 0;  // the reference reader's place in `text`
    while (pos < text.size()) {
      std::string_view rest = std::string_view(text).substr(pos);
      switch (rng() % 4) {
        case 0: {  // a line, kept up to `max` bytes
          std::size_t max = rng() % 2 ? 100 : 1 << 20;
          std::size_t nl = rest.find('\n');
          std::string_view whole = rest.substr(0, nl);
          std::string want(whole.substr(0, max));
          if (nl != std::string_view::npos && whole.size() <= max && !want.empty() && want.back() == '\r')
            want.pop_back();
          std::string line;
          bool too_long = false;
          REQUIRE(in.read_line(line, max, &too_long));
          CHECK(line == want);
          CHECK(too_long == (whole.size() > max));
          pos += nl == std::string_view::npos ? rest.size() : nl + 1;
          break;
        }
        case 1: {  // a peek of up to n bytes, not consumed
          std::size_t n = rng() % 3 == 0 ? rng() % 150000 : rng() % 50;
          CHECK(in.peek(n) == rest.substr(0, n));
          break;
        }
        case 2: {  // exactly n bytes appended
          std::size_t n = rng() % 3 == 0 ? rng() % 150000 : rng() % 50;
          std::string out = "x";
          std::size_t got = in.read_exact(out, n);
          CHECK(got == std::min(n, rest.size()));
          CHECK(out == "x" + std::string(rest.substr(0, n)));
          pos += got;
          break;
        }
        default: {  // n bytes dropped
          std::size_t n = rng() % 3 == 0 ? rng() % 150000 : rng() % 50;
          CHECK(in.skip(n) == std::min(n, rest.size()));
          pos += std::min(n, rest.size());
          break;
        }
      }
      REQUIRE(in.offset() == pos);
    }
    CHECK(in.at_end());
    std::string line;
    CHECK_FALSE(in.read_line(line, 100));
  }
}
