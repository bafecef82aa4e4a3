// Figure tokens: one paragraph cut into words for the figure reader.
//
// The problem. The figure reader (figures.cpp, figures_phrases.cpp) looks at
// the words around every number, so each paragraph that may hold a figure is
// cut into tokens first: a token is a run of non-space bytes, its opening
// marks (" ( ' “ ‘ [) and closing punctuation (, . ; : ! ? ) ] " ' ” ’)
// stripped, with its ASCII lower-case form, whether punctuation followed
// it, whether it opens a line, and whether it may start a figure (it holds a
// digit, is a number word, or is one before a dash: "two-day"). Every such
// paragraph is tokenized whole, about 170 tokens a page on the seeds, so
// this is the figure pass's largest single cost.
//
// The method. The paragraph's bytes are classified sixteen at a time (SSE2;
// a byte loop by table elsewhere and for the tail) into three bit masks,
// 64 bytes to a word: whitespace, newline, and "notable" (a capital, a digit
// or a dash), and the paragraph is lowered into a buffer in the same pass.
// A token's start and end are then the next clear and the next set bit of
// the whitespace mask (count trailing zeros), and a word with no notable
// bit (most of prose: lower-case words) needs no look at its bytes at all;
// the others are read byte by byte as before. Its lower-case form is a view
// into the lowered paragraph.
//
// Why: the byte-at-a-time loop this replaces ended every token on a
// hard-to-predict branch (words are about six bytes, of every length) and
// lowered each capitalised word in a loop of its own. The masks find both
// ends of a token with a count of trailing zeros and take a data-dependent
// branch only for the notable words.
//
// Cost: on the seeds about 160 instructions a token, the marks, the Token
// written out and the number-word test most of it: about what the byte
// loop cost (170), but about 130 fewer mispredicted branches a page by
// callgrind's branch simulation (--branch-sim=yes; some 15 cycles each,
// which instruction counts do not show). Memory: three words of masks per
// 64 bytes, kept with the lowered buffer in TokenizerBuffers so that no
// paragraph allocates.
#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "figures_internal.hpp"

namespace winnow::figures_detail {
namespace {

// What the tokenizer wants to know of a byte, by table.
// kOpen: the first byte of an opening mark; kClose: a closing mark, or
// the last byte of a UTF-8 closing quote (checked further).
enum : std::uint8_t { kSpace = 1, kUpper = 2, kDigit = 4, kDash = 8, kOpen = 16, kClose = 32 };
constexpr auto kByteClass = [] {
  std::array<std::uint8_t, 256> c{};
  for (char s : {' ', '\t', '\n', '\r'}) c[static_cast<unsigned char>(s)] = kSpace;
  for (int b = 'A'; b <= 'Z'; ++b) c[b] = kUpper;
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
  c['-'] = kDash;
  for (char s : {'"', '(', '\'', '[', '\xE2'}) c[static_cast<unsigned char>(s)] |= kOpen;
  for (char s : {',', '.', ';', ':', '!', '?', ')', ']', '"', '\'', '\x9D', '\x99'}) c[static_cast<unsigned char>(s)] |= kClose;
  return c;
}();
std::uint8_t byte_class(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

// The masks of a paragraph of n bytes: `words` words each, bit k of word w
// standing for byte 64w + k. Bits from n on are whitespace, so the token
// loop needs no other bound; there is always at least one such bit.
struct Masks {
  const std::uint64_t* space;
  const std::uint64_t* newline;
  const std::uint64_t* notable;  // a capital, a digit or a dash
  std::size_t words;
};

// Classifies p[0, n) into the masks (3 x words, zeroed by the caller) and
// writes its ASCII lower-case form to `lowered`. Returns whether a newline
// was seen.
bool classify(const char* p, std::size_t n, std::uint64_t* space, std::uint64_t* newline, std::uint64_t* notable,
              char* lowered) {
  std::size_t i = 0;
  std::uint64_t any_newline = 0;
#if defined(__SSE2__)
  const __m128i blank = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r'), dash = _mm_set1_epi8('-'), case_bit = _mm_set1_epi8(0x20);
  // x - lo < span as unsigned bytes, by a signed compare after moving the
  // range's start to -128.
  auto in_range = [](__m128i x, char lo, int span) {
    return _mm_cmplt_epi8(_mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo + 128))),
                          _mm_set1_epi8(static_cast<char>(-128 + span)));
  };
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i nl = _mm_cmpeq_epi8(x, lf);
    const __m128i sp = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, blank), _mm_cmpeq_epi8(x, tab)),
                                    _mm_or_si128(nl, _mm_cmpeq_epi8(x, cr)));
    const __m128i upper = in_range(x, 'A', 26);
    const __m128i note = _mm_or_si128(_mm_or_si128(upper, in_range(x, '0', 10)), _mm_cmpeq_epi8(x, dash));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered + i), _mm_add_epi8(x, _mm_and_si128(upper, case_bit)));
    const unsigned shift = i & 63;
    space[i >> 6] |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(sp))) << shift;
    const auto nl_bits = static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(nl)));
    newline[i >> 6] |= nl_bits << shift;
    any_newline |= nl_bits;
    notable[i >> 6] |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(note))) << shift;
  }
#endif
  for (; i < n; ++i) {
    const std::uint8_t c = byte_class(p[i]);
    const std::uint64_t bit = std::uint64_t{1} << (i & 63);
    if (c & kSpace) space[i >> 6] |= bit;
    if (p[i] == '\n') {
      newline[i >> 6] |= bit;
      any_newline = 1;
    }
    if (c & (kUpper | kDigit | kDash)) notable[i >> 6] |= bit;
    lowered[i] = (c & kUpper) ? static_cast<char>(p[i] + ('a' - 'A')) : p[i];
  }
  // The padding after the paragraph is whitespace.
  space[n >> 6] |= ~std::uint64_t{0} << (n & 63);
  return any_newline != 0;
}

// The first position at or after `i` whose bit in m is set, or 64 x words.
std::size_t next_set(const std::uint64_t* m, std::size_t words, std::size_t i) {
  std::size_t w = i >> 6;
  std::uint64_t bits = m[w] & (~std::uint64_t{0} << (i & 63));
  while (bits == 0 && ++w < words) bits = m[w];
  return w < words ? (w << 6) + static_cast<std::size_t>(std::countr_zero(bits)) : words << 6;
}

// Whether any bit of m in [a, b) is set (a < b).
[[gnu::always_inline]] inline bool any_in(const std::uint64_t* m, std::size_t a, std::size_t b) {
  const std::size_t wa = a >> 6, wb = (b - 1) >> 6;
  const std::uint64_t first = ~std::uint64_t{0} << (a & 63), last = ~std::uint64_t{0} >> (63 - ((b - 1) & 63));
  if (wa == wb) return (m[wa] & first & last) != 0;
  if (m[wa] & first) return true;
  for (std::size_t w = wa + 1; w < wb; ++w)
    if (m[w]) return true;
  return (m[wb] & last) != 0;
}

}  // namespace

void tokenize(std::string_view text, std::size_t from, std::size_t to, TokenizerBuffers& buffers,
              std::vector<Token>& out) {
  const std::size_t n = to - from;
  const std::size_t words = (n >> 6) + 1;
  if (buffers.lowered.size() < n) buffers.lowered.resize(n);
  buffers.masks.assign(3 * words, 0);
  std::uint64_t* space = buffers.masks.data();
  std::uint64_t* newline = space + words;
  std::uint64_t* notable = newline + words;
  const char* para = text.data() + from;
  const bool has_newline = classify(para, n, space, newline, notable, buffers.lowered.data());
  out.clear();
  // A token and its space take about six bytes in prose: a quarter of the
  // paragraph's length spares the vector's regrowth for nearly every one.
  out.reserve(n / 4 + 16);

  bool opens_line = true;
  std::size_t gap_from = 0;
  // The first notable byte at or after the last token's start: looked for
  // again only once a token has passed it.
  std::size_t note = next_set(notable, words, 0);
  // One token, [pos, end).
  auto emit = [&](std::size_t pos, std::size_t end) {
    if (!opens_line && has_newline && any_in(newline, gap_from, pos)) opens_line = true;
    // The classes of the token's bytes (its marks hold no digit, capital or
    // dash); most words have no notable byte and are not read here.
    std::uint8_t seen = 0;
    if (note < pos) note = next_set(notable, words, pos);
    const bool notable_bytes = note < end;
    if (notable_bytes)
      for (std::size_t k = pos; k < end; ++k) seen |= byte_class(para[k]);
    std::size_t b = pos, e = end;
    auto strip_front = [&](std::string_view mark) {
      if (std::string_view(para + b, e - b).starts_with(mark)) {
        b += mark.size();
        return true;
      }
      return false;
    };
    // Opening marks; the first-byte class spares the six comparisons for
    // nearly every token.
    while (b < e && (byte_class(para[b]) & kOpen) &&
           (strip_front("\"") || strip_front("(") || strip_front("'") || strip_front("\xE2\x80\x9C") ||
            strip_front("\xE2\x80\x98") || strip_front("["))) {}
    // Trailing punctuation, by byte: ASCII marks, or the UTF-8 closing
    // quotes ” and ’ (E2 80 9D, E2 80 99); the class turns away the rest.
    bool stop = false;
    while (e > b && (byte_class(para[e - 1]) & kClose)) {
      const char c = para[e - 1];
      if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
          c == '"' || c == '\'') {
        --e;
      } else if (e - b >= 3 && (c == '\x9D' || c == '\x99') && para[e - 2] == '\x80' && para[e - 3] == '\xE2') {
        e -= 3;
      } else {
        break;
      }
      stop = true;
    }
    const std::string_view core(para + b, e - b);
    Token& tok = out.emplace_back();
    tok.core = core;
    tok.lower = (seen & kUpper) ? std::string_view(buffers.lowered.data() + b, e - b) : core;
    tok.stop_after = stop;
    tok.break_before = opens_line;
    if (seen & kDigit) {
      tok.candidate = true;  // no number word holds a digit
    } else {
      if (auto word = number_word(tok.lower)) tok.word = *word;
      tok.candidate = seen & kDash ? number_word(core.substr(0, core.find('-'))).has_value() : tok.word >= 0;
    }
    opens_line = false;
    gap_from = end;
  };

  // Token starts are non-space bytes after a space (or the paragraph's
  // start), token ends are spaces after a non-space; they alternate, and
  // the padding ends the last token.
  std::uint64_t carry = 1;  // the byte before the paragraph counts as a space
  std::size_t start = 0;
  bool open = false;
  for (std::size_t w = 0; w < words; ++w) {
    const std::uint64_t sp = space[w], shifted = sp << 1 | carry;
    std::uint64_t starts = ~sp & shifted, ends = sp & ~shifted;
    carry = sp >> 63;
    const std::size_t base = w << 6;
    for (;;) {
      if (!open) {
        if (starts == 0) break;
        start = base + static_cast<std::size_t>(std::countr_zero(starts));
        starts &= starts - 1;
        open = true;
      }
      if (ends == 0) break;
      emit(start, base + static_cast<std::size_t>(std::countr_zero(ends)));
      ends &= ends - 1;
      open = false;
    }
  }
}

}  // namespace winnow::figures_detail
