// The figure tokenizer (src/metadata/figures_tokens.cpp) reads a paragraph through
// bit masks built sixteen bytes at a time; this checks it, token by token,
// against a plain byte-at-a-time reading of the same rules, on random
// paragraphs of the bytes that matter (spaces, newlines, capitals, digits,
// dashes, ASCII and UTF-8 marks, number words), of every length across the
// 16- and 64-byte boundaries, at every offset.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "metadata/figures_internal.hpp"

namespace {

using winnow::figures_detail::Token;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Token> plain_tokens(std::string_view text, std::size_t from, std::size_t to, std::string& lowered) {
  using winnow::figures_detail::number_word;
  std::vector<Token> out;
  lowered.assign(text.substr(from, to - from));
  for (char& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  bool newline = true;
  for (std::size_t pos = from; pos < to;) {
    if (is_space(text[pos])) {
      newline = newline || text[pos] == '\n';
      ++pos;
      continue;
    }
    std::size_t end = pos;
    bool upper = false, digit = false, dash = false;
    for (; end < to && !is_space(text[end]); ++end) {
      upper = upper || (text[end] >= 'A' && text[end] <= 'Z');
      digit = digit || (text[end] >= '0' && text[end] <= '9');
      dash = dash || text[end] == '-';
    }
    std::size_t b = pos, e = end;
    for (bool stripped = true; stripped;) {
      stripped = false;
      for (std::string_view mark : {"\"", "(", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "["})
        if (!stripped && text.substr(b, e - b).starts_with(mark)) {
          b += mark.size();
          stripped = true;
        }
    }
    bool stop = false;
    for (bool stripped = true; stripped && e > b;) {
      stripped = false;
      for (std::string_view mark : {",", ".", ";", ":", "!", "?", ")", "]", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99"})
        if (!stripped && text.substr(b, e - b).ends_with(mark)) {
          e -= mark.size();
          stripped = stop = true;
        }
    }
    Token t;
    t.core = text.substr(b, e - b);
    t.lower = upper ? std::string_view(lowered).substr(b - from, e - b) : t.core;
    t.stop_after = stop;
    t.break_before = newline;
    if (digit) {
      t.candidate = true;
    } else {
      if (auto w = number_word(t.lower)) t.word = *w;
      t.candidate = dash ? number_word(t.core.substr(0, t.core.find('-'))).has_value() : t.word >= 0;
    }
    out.push_back(t);
    newline = false;
    pos = end;
  }
  return out;
}

}  // namespace

TEST_CASE("figure tokens: the masked tokenizer reads every paragraph as the byte-at-a-time rules do") {
  const std::vector<std::string> pieces = {
      "a",  "word", "B",  "Vienna", "7",  "1,800", "-",  "\xE2\x80\x93", "\xE2\x80\x9C", "\xE2\x80\x9D",
      "\xE2\x80\x98", "\xE2\x80\x99", "\"", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?", "'",
      " ", " ", " ", "\t", "\r", "\n", "six", "Twenty-five", "two-day", "\xC3\xA9", "\xE2", "%", "EUR"};
  std::mt19937 rng(20261124);
  winnow::figures_detail::TokenizerBuffers buffers;
  std::vector<Token> got;
  std::string lowered;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t lead = rng() % 20, want = rng() % 300;
    for (std::size_t k = 0; k < lead; ++k) text += "x";
    while (text.size() < lead + want) text += pieces[rng() % pieces.size()];
    const std::size_t from = lead, to = text.size() - (rng() % 2 ? 0 : std::min<std::size_t>(text.size() - lead, rng() % 4));
    text += rng() % 2 ? "\nnext" : "";
    winnow::figures_detail::tokenize(text, from, to, buffers, got);
    const auto want_tokens = plain_tokens(text, from, to, lowered);
    REQUIRE(got.size() == want_tokens.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CAPTURE(text);
      CAPTURE(i);
      CHECK(got[i].core.data() == want_tokens[i].core.data());
      CHECK(got[i].core == want_tokens[i].core);
      CHECK(got[i].lower == want_tokens[i].lower);
      CHECK(got[i].stop_after == want_tokens[i].stop_after);
      CHECK(got[i].break_before == want_tokens[i].break_before);
      CHECK(got[i].candidate == want_tokens[i].candidate);
      CHECK(got[i].word == want_tokens[i].word);
    }
  }
}

TEST_CASE("figure paragraphs: the filter passes every paragraph with a digit or a number word") {
  using winnow::figures_detail::may_hold_figure;
  using winnow::figures_detail::number_word;
  auto plain = [](std::string_view p) {
    for (std::size_t i = 0; i < p.size();) {
      auto letter = [&](std::size_t k) { return (p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z'; };
      if (p[i] >= '0' && p[i] <= '9') return true;
      if (!letter(i)) {
        ++i;
        continue;
      }
      std::size_t e = i;
      while (e < p.size() && letter(e)) ++e;
      if (number_word(p.substr(i, e - i))) return true;
      i = e;
    }
    return false;
  };
  const std::vector<std::string> pieces = {"the", "of", "for", "forty", "Seventeen", "twelve", "tWo", "ten", "often",
                                           "attend", "oneself", "one", "-", " ", " ", ",", ".", "\xC3\xA9", "\xE2\x80\x93",
                                           "x", "e", "nine", "ninety", "s", "7", "thousand", "dozen", "Z"};
  std::mt19937 rng(7);
  int passed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string p;
    const std::size_t n = rng() % 40;
    for (std::size_t k = 0; k < n; ++k) {
      const auto& piece = pieces[rng() % pieces.size()];
      if (piece == "7" && rng() % 8) continue;  // digits rare, so that the word test decides most paragraphs
      p += piece;
    }
    CAPTURE(p);
    const bool want = plain(p);
    CHECK(may_hold_figure(p) == want);
    passed += want;
  }
  CHECK(passed > 2000);
  CHECK(passed < 18000);
}
