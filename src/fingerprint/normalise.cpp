// Normalisation for shingling.
//
// Two copies of an article rarely agree byte for byte: one blog turns straight
// quotes into curly ones, a feed re-wraps lines at 72 columns, a CMS writes
// "ﬁ" ligatures or full-width digits, a headline is upper-cased. None of that
// is a difference a reader would see, so none of it may break a shingle. We
// therefore reduce the text to a stream of words: NFKC (compatibility forms
// folded: ligatures, full-width, superscripts), Unicode case folding, and
// every character that is not a letter, a mark or a number becomes a word
// separator. Quotes, dashes and other punctuation are thus not folded into one
// another but removed, which is the only folding that cannot miss a variant
// ("don't" and "don’t" both become "don t"). Runs of separators collapse into
// one space; line breaks are separators like any other.
//
// Cost: most scraped text is ASCII between a few curly quotes, so words made
// of ASCII bytes take a table-driven path. Words holding a non-ASCII byte are
// mapped code point by code point from utf8proc's property table (a curly
// quote is a separator, a Cyrillic letter maps to its case fold) and only
// words where composition could happen (combining marks, conjoining jamo,
// default-ignorable characters) go through utf8proc_map, which allocates. Normalisation is local to a
// word: NFKC never composes across an ASCII space, so cutting at ASCII
// whitespace before calling utf8proc gives the same result as mapping the
// whole text.
//
// Shingling does not need the normalised text, only its words:
// normalised_words() runs the same loop but writes the words back to back
// with their end offsets, branch-free on ASCII, and memoises the Unicode
// paths per chunk (cached_chunk). shingle_set() on the benchmark corpus (15%
// non-ASCII chunks) went from 64 to 43 ns per word with these; the test
// "fused shingling agrees with shingling the normalised text" holds the two
// loops to the same words.
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/fingerprint.hpp"

namespace winnow {
namespace {

// 0: separator; otherwise the lower-case byte to emit.
constexpr std::array<char, 128> make_ascii_table() {
  std::array<char, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  return t;
}
constexpr auto kAscii = make_ascii_table();

bool is_word_category(utf8proc_category_t cat) {
  switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

class Writer {
 public:
  // `before`: whether output precedes what goes into `out`.
  Writer(std::string& out, bool pending, bool before) : out_(out), pending_(pending), before_(before) {}
  bool pending() const { return pending_; }
  void separator() { pending_ = before_ || !out_.empty(); }
  void put(char c) {
    if (pending_) { out_.push_back(' '); pending_ = false; }
    out_.push_back(c);
  }
  void put(std::string_view s) {
    if (pending_) { out_.push_back(' '); pending_ = false; }
    out_.append(s);
  }
 private:
  std::string& out_;
  bool pending_;
  bool before_;
};

// A chunk holding non-ASCII bytes: NFKC + case fold, then keep word characters.
void map_unicode(std::string_view chunk, Writer& w) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                      UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_IGNORE);
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(chunk.data()),
                                      static_cast<utf8proc_ssize_t>(chunk.size()), &mapped, options);
  if (len < 0) {
    // Invalid UTF-8 (the decoder should have caught it): keep the ASCII words.
    for (char c : chunk) {
      auto u = static_cast<unsigned char>(c);
      if (u < 128 && kAscii[u]) w.put(kAscii[u]); else w.separator();
    }
    return;
  }
  utf8proc_ssize_t pos = 0;
  while (pos < len) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(mapped + pos, len - pos, &cp);
    if (n <= 0) { ++pos; w.separator(); continue; }
    if (cp < 128) {
      if (kAscii[cp]) w.put(kAscii[cp]); else w.separator();
    } else if (is_word_category(utf8proc_category(cp))) {
      w.put(std::string_view(reinterpret_cast<const char*>(mapped + pos), static_cast<std::size_t>(n)));
    } else {
      w.separator();
    }
    pos += n;
  }
  std::free(mapped);
}

bool is_jamo(utf8proc_int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

bool is_mark(utf8proc_category_t cat) {
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}

// Per-code-point mapping of a chunk, without utf8proc_map's allocation and
// UTF-32 round trip. Exact as long as no composition can happen, i.e. the
// chunk and each code point's compatibility decomposition hold no combining
// marks and no conjoining jamo; returns false (nothing written) otherwise,
// and the caller maps the chunk with utf8proc_map.
bool map_simple(std::string_view chunk, Writer& w, std::string& tmp) {
  tmp.clear();
  bool pending = false;
  auto emit_sep = [&] { pending = !tmp.empty(); };
  auto emit = [&](const char* p, std::size_t n) {
    if (pending) { tmp.push_back(' '); pending = false; }
    tmp.append(p, n);
  };
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(chunk.data());
  const auto len = static_cast<utf8proc_ssize_t>(chunk.size());
  utf8proc_ssize_t pos = 0;
  while (pos < len) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, len - pos, &cp);
    if (n <= 0) return false;
    if (cp < 128) {
      if (kAscii[cp]) { const char c = kAscii[cp]; emit(&c, 1); } else emit_sep();
      pos += n;
      continue;
    }
    const utf8proc_property_t* prop = utf8proc_get_property(cp);
    const auto cat = static_cast<utf8proc_category_t>(prop->category);
    if (is_mark(cat) || is_jamo(cp) || prop->ignorable) return false;
    const bool plain = prop->decomp_seqindex == UINT16_MAX && prop->casefold_seqindex == UINT16_MAX;
    if (plain) {
      if (is_word_category(cat)) emit(reinterpret_cast<const char*>(bytes + pos), static_cast<std::size_t>(n));
      else emit_sep();
    } else {
      utf8proc_int32_t out[16];
      int boundclass = 0;
      const auto m = utf8proc_decompose_char(cp, out, 16,
                                             static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD),
                                             &boundclass);
      if (m <= 0 || m > 16) return false;
      for (utf8proc_ssize_t i = 0; i < m; ++i) {
        const utf8proc_property_t* q = utf8proc_get_property(out[i]);
        if (q->combining_class != 0 || is_mark(static_cast<utf8proc_category_t>(q->category)) || is_jamo(out[i]))
          return false;
      }
      for (utf8proc_ssize_t i = 0; i < m; ++i) {
        if (out[i] < 128) {
          if (kAscii[out[i]]) { const char c = kAscii[out[i]]; emit(&c, 1); } else emit_sep();
        } else if (is_word_category(utf8proc_category(out[i]))) {
          utf8proc_uint8_t enc[4];
          const auto e = utf8proc_encode_char(out[i], enc);
          emit(reinterpret_cast<const char*>(enc), static_cast<std::size_t>(e));
        } else {
          emit_sep();
        }
      }
    }
    pos += n;
  }
  if (!tmp.empty()) w.put(tmp);
  if (pending || tmp.empty()) w.separator();
  return true;
}

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Bytes of a code point at text[i] that is common in news text and certainly
// a separator after NFKC: no-break space, dashes and hyphens U+2010-2016,
// quotes U+2018-201F, bullet, ellipsis. None composes with a neighbour, so
// the ASCII loop can step over it without a round through utf8proc.
// (U+2017 is left out: its compatibility form carries a combining mark.)
std::size_t separator_length(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  if (b0 != 0xE2 || i + 2 >= text.size() || static_cast<unsigned char>(text[i + 1]) != 0x80) return 0;
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if ((b2 >= 0x90 && b2 <= 0x96) || (b2 >= 0x98 && b2 <= 0x9F) || b2 == 0xA2 || b2 == 0xA6) return 3;
  return 0;
}

// Words repeat (Zipf), and a chunk's mapping depends only on its bytes, so
// the Unicode paths are memoised per thread in a direct-mapped cache keyed by
// the whole chunk (compared byte for byte: a hit is exact, not probable).
// On the benchmark corpus 15% of chunks hold a non-ASCII byte and they took
// about half of normalisation; real news text has fewer, mostly names.
// Memory: 16,384 entries of two short strings per thread (~1.5 MB); 4,096
// entries measured 10% slower on the benchmark corpus.
const std::string& cached_chunk(std::string_view chunk, std::string& tmp) {
  struct Entry { std::string key, value; bool used = false; };
  thread_local std::vector<Entry> cache(16384);
  Entry& e = cache[std::hash<std::string_view>{}(chunk) & (cache.size() - 1)];
  if (e.used && e.key == chunk) return e.value;
  e.used = true;
  e.key.assign(chunk);
  e.value.clear();
  Writer w(e.value, false, false);
  if (!map_simple(chunk, w, tmp)) map_unicode(chunk, w);
  return e.value;
}

}  // namespace

void normalise_for_shingling_into(std::string_view text, std::string& out) {
  // ASCII never grows, so the ASCII loop writes into a pre-sized buffer; a
  // non-ASCII byte sends its whole chunk (run of non-space bytes) back through
  // the Unicode paths, after undoing what the ASCII loop wrote of that chunk
  // (a combining mark may compose with the letter before it).
  if (out.size() < text.size() + 1) out.resize(text.size() + 1);
  std::size_t on = 0;
  bool pending = false;
  std::size_t chunk_in = 0, chunk_out = 0;
  bool chunk_pending = false;
  thread_local std::string tmp, mapped;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 128) {
      const char m = kAscii[c];
      if (m) {
        if (pending) { out[on++] = ' '; pending = false; }
        out[on++] = m;
      } else {
        pending = on > 0;
        if (is_ascii_space(c)) { chunk_in = i + 1; chunk_out = on; chunk_pending = pending; }
      }
      ++i;
      continue;
    }
    if (const std::size_t len = separator_length(text, i)) {
      pending = on > 0;
      i += len;
      continue;
    }
    std::size_t j = i;
    while (j < n && !is_ascii_space(static_cast<unsigned char>(text[j]))) ++j;
    mapped.clear();
    Writer w(mapped, chunk_pending, chunk_out > 0);
    const std::string_view chunk = text.substr(chunk_in, j - chunk_in);
    if (!map_simple(chunk, w, tmp)) map_unicode(chunk, w);
    pending = w.pending();
    on = chunk_out + mapped.size();
    if (out.size() < on + (n - j) + 1) out.resize(on + (n - j) + 1);
    std::memcpy(out.data() + chunk_out, mapped.data(), mapped.size());
    i = j;
    chunk_in = j;
    chunk_out = on;
    chunk_pending = pending;
  }
  out.resize(on);
}

std::size_t normalised_words(std::string_view text, std::string& buf, std::vector<std::uint32_t>& ends) {
  // The loop of normalise_for_shingling_into, writing word ends instead of
  // spaces, so that shingling needs no second scan of the normalised text.
  // The chunk bookkeeping is the same: a non-ASCII byte sends the chunk back
  // through the Unicode paths after undoing the words written from it.
  // The ASCII loop is branch-free (a word boundary every ~6 bytes made the
  // branches of the plain version mispredict once per word): every byte is
  // stored and counted only if it is a word byte, every position stores a
  // word end and counts it only at the end of a word.
  const std::size_t n = text.size();
  if (buf.size() < n) buf.resize(n);            // both only grow: no refill per call
  if (ends.size() < n + 1) ends.resize(n + 1);
  char* out = buf.data();
  std::uint32_t* e = ends.data();
  std::size_t on = 0, ne = 0;
  bool in_word = false;
  std::size_t chunk_in = 0, chunk_on = 0, chunk_words = 0;
  thread_local std::string tmp;
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 128) [[likely]] {
      const char m = kAscii[c];
      const bool w = m != 0;
      out[on] = m;
      on += w;
      e[ne] = static_cast<std::uint32_t>(on);
      ne += in_word & !w;
      in_word = w;
      // Masks, not ternaries: the compiler turned those into a branch.
      const std::size_t keep = static_cast<std::size_t>(is_ascii_space(c)) - 1;  // 0 at a space
      chunk_in = (chunk_in & keep) | ((i + 1) & ~keep);
      chunk_on = (chunk_on & keep) | (on & ~keep);
      chunk_words = (chunk_words & keep) | (ne & ~keep);
      ++i;
      continue;
    }
    if (const std::size_t len = separator_length(text, i)) {
      e[ne] = static_cast<std::uint32_t>(on);
      ne += in_word;
      in_word = false;
      i += len;
      continue;
    }
    std::size_t j = i;
    while (j < n && !is_ascii_space(static_cast<unsigned char>(text[j]))) ++j;
    on = chunk_on;
    ne = chunk_words;
    in_word = false;
    const std::string_view chunk = text.substr(chunk_in, j - chunk_in);
    const std::string& mapped = cached_chunk(chunk, tmp);
    const std::size_t room = on + mapped.size() + (n - j) + 1;
    if (buf.size() < room) { buf.resize(room); out = buf.data(); }
    if (ends.size() < room) { ends.resize(room); e = ends.data(); }
    for (char m : mapped) {
      if (m == ' ') e[ne++] = static_cast<std::uint32_t>(on);
      else out[on++] = m;
    }
    if (!mapped.empty()) e[ne++] = static_cast<std::uint32_t>(on);
    i = j;
    chunk_in = j;
    chunk_on = on;
    chunk_words = ne;
  }
  if (in_word) e[ne++] = static_cast<std::uint32_t>(on);
  return ne;
}

std::string normalise_for_shingling(std::string_view text) {
  std::string out;
  normalise_for_shingling_into(text, out);
  return out;
}

}  // namespace winnow
