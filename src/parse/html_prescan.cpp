// Pre-scan: cut out what Gumbo would parse only for us to throw away.
//
// The problem. A news page today is mostly not text: 60-80% of its bytes are
// inline <script> and <style>, JSON state blobs, comments and inline <svg>
// icons. Gumbo tokenises all of it character by character, allocates nodes for
// every svg <path>, and then our walk skips them. On the extraction benchmark
// that is more than half of the parse time.
//
// The method. One forward pass with memchr over '<'. Comments, and the
// elements whose content never reaches the article (script, style, noscript,
// template, svg, math, iframe), are dropped whole, start tag to end tag;
// everything else is copied. Raw-text elements are ended the way the HTML
// tokenizer ends them (the first "</name" followed by a delimiter, any case),
// so the scan cannot get out of step with what Gumbo would have seen; for
// the same reason <title>, <textarea> and <xmp> are copied unscanned, since
// a "<script" inside them is text. An
// unterminated comment or script swallows the rest of the page, as it does in
// a browser. The bodies of <script type="application/ld+json"> are kept
// aside: they carry the article's headline and date.
//
// Start tags longer than a bare name are rewritten with only the attributes
// later stages read (class, id, visibility, the page head's values): the
// href of every link, srcset, data-* blobs and event handlers would each be
// copied by Gumbo into its own allocation, for nothing. That is another
// fifth of the bytes, and about 15% of the time, on news pages.
//
// Why cut rather than blank with spaces: blanking keeps byte offsets, but we
// do not use Gumbo's offsets, and Gumbo still has to walk the blanks. Cutting
// also shrinks the copy Gumbo makes into its own buffers.
//
// The cost: one pass and one copy of the page, linear, no allocation beyond
// the output string; the attribute rewrite parses each long start tag once,
// as the tokenizer would. What it gives up: text in <noscript> (lazy-loading image
// fallbacks, "enable JavaScript" notices; almost never article text) and svg
// <text>/<title> (icon labels).
#include "html_prescan.hpp"

#include <algorithm>
#include <cstring>

namespace winnow::html {
namespace {

constexpr std::string_view kDroppedElements[] = {"script", "style", "noscript", "template",
                                                  "svg", "math", "iframe", "object"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(s[at + i]) != word[i]) return false;
  return true;
}

bool is_tag_name_end(std::string_view s, std::size_t at) {
  if (at >= s.size()) return true;
  char c = s[at];
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// End of the start tag opened at `lt` (index just past its '>'), honouring
// quoted attribute values, which may contain '>'.
std::size_t end_of_tag(std::string_view s, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open a value right after '='; a stray quote in a name does not.
      std::size_t k = i;
      while (k > lt && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n')) --k;
      if (k > lt && s[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

// Index just past "</name ... >" at or after `from`, or the end of the page.
std::size_t end_of_element(std::string_view s, std::size_t from, std::string_view name) {
  std::size_t i = from;
  while (i < s.size()) {
    const void* hit = std::memchr(s.data() + i, '<', s.size() - i);
    if (!hit) return s.size();
    i = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    if (i + 1 < s.size() && s[i + 1] == '/' && starts_with_nocase(s, i + 2, name) &&
        is_tag_name_end(s, i + 2 + name.size())) {
      std::size_t gt = s.find('>', i);
      return gt == std::string_view::npos ? s.size() : gt + 1;
    }
    ++i;
  }
  return s.size();
}

// Elements that never nest by themselves: void elements, and those whose end
// tag is optional (an unclosed <p> or <li> is closed by its next sibling, so
// counting it would make the nesting look deeper than the tree will be).
constexpr std::string_view kNotNesting[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "image", "keygen"};

// Tags nested deeper than this are cut out (their text stays). Gumbo checks
// element scopes by walking its stack of open elements, so a page nesting
// 100,000 formatting elements costs it minutes; browsers cap the tree depth
// for the same reason (Blink at 512). Our count drifts up with unclosed tags
// on broken pages, hence the margin.
constexpr int kMaxNesting = 1000;

// Lower-case name of the tag at `lt` ("<div ...", "</div>"), and whether it
// is an end tag; empty when `lt` does not open a tag.
std::string_view tag_name_at(std::string_view s, std::size_t lt, bool* end_tag, char* buffer, std::size_t cap) {
  std::size_t i = lt + 1;
  *end_tag = i < s.size() && s[i] == '/';
  if (*end_tag) ++i;
  std::size_t n = 0;
  while (i < s.size() && n < cap) {
    char c = lower(s[i]);
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (n > 0 && c == '-'))) break;
    buffer[n++] = c;
    ++i;
  }
  return {buffer, n};
}

// Attributes the later stages read (html_parse.cpp, html_head.cpp): class
// and id for the classifiers, visibility, <abbr title>, <html lang>, the
// <meta>/<link>/<time> values of the page head. Everything else (href of
// links, src, srcset, data-* blobs, event handlers) is dropped before Gumbo,
// which would copy each into its own allocation.
constexpr std::string_view kKeptAttributes[] = {"class", "id", "hidden", "aria-hidden", "style", "title",
                                                "lang", "property", "name", "content", "itemprop", "rel",
                                                "datetime", "charset", "http-equiv", "type"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends the start tag `tag` ("<a href=... class=x>") with only the kept
// attributes, parsed as the HTML tokenizer does (names end at space, '/',
// '>' or '='; values are quoted or run to a space or '>'). `name` is the
// lower-cased tag name; <link> keeps its href, since canonical URLs live
// there, and <base> its href, which they are resolved against.
void append_reduced_tag(std::string_view tag, std::string_view name, std::string& out) {
  std::size_t i = 1;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/' && tag[i] != '>') ++i;
  out.append(tag.substr(0, i));
  char attribute_name[16];
  while (i < tag.size()) {
    while (i < tag.size() && (is_space(tag[i]) || tag[i] == '/')) ++i;
    if (i >= tag.size() || tag[i] == '>') break;
    std::size_t start = i;
    ++i;  // a name may begin with '='
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/' && tag[i] != '>' && tag[i] != '=') ++i;
    std::size_t name_end = i;
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && is_space(tag[i])) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        std::size_t close = tag.find(tag[i], i + 1);
        i = close == std::string_view::npos ? tag.size() : close + 1;
      } else {
        while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>') ++i;
      }
    } else {
      i = name_end;
    }
    std::size_t length = name_end - start;
    if (length >= sizeof attribute_name) continue;
    for (std::size_t k = 0; k < length; ++k) attribute_name[k] = lower(tag[start + k]);
    std::string_view attribute(attribute_name, length);
    bool kept = std::find(std::begin(kKeptAttributes), std::end(kKeptAttributes), attribute) !=
                    std::end(kKeptAttributes) ||
                (attribute == "href" && (name == "link" || name == "base"));
    if (kept) {
      out.push_back(' ');
      out.append(tag.substr(start, i - start));
    }
  }
  out.push_back('>');
}

bool is_json_ld(std::string_view start_tag) {
  std::string lowered(start_tag);
  for (char& c : lowered) c = lower(c);
  return lowered.find("ld+json") != std::string::npos;
}

}  // namespace

Prescanned prescan_html(std::string_view page) {
  Prescanned out;
  out.html.reserve(page.size() / 2);
  std::size_t copied_to = 0, i = 0;
  int depth = 0, cut_open = 0;  // current nesting, and start tags cut beyond kMaxNesting
  char name_buffer[16];
  while (i < page.size()) {
    const void* hit = std::memchr(page.data() + i, '<', page.size() - i);
    if (!hit) break;
    std::size_t lt = static_cast<std::size_t>(static_cast<const char*>(hit) - page.data());
    std::size_t resume = 0;
    // Text-only elements: "<script>" inside a <title> or <textarea> is text,
    // so their content is copied unscanned, as the tokenizer reads it.
    bool text_only = false;
    for (std::string_view name : {"title", "textarea", "xmp"}) {
      if (!starts_with_nocase(page, lt + 1, name) || !is_tag_name_end(page, lt + 1 + name.size())) continue;
      i = end_of_element(page, end_of_tag(page, lt), name);
      text_only = true;
      break;
    }
    if (text_only) continue;
    if (page.compare(lt, 4, "<!--") == 0) {
      std::size_t end = page.find("-->", lt + 4);
      resume = end == std::string_view::npos ? page.size() : end + 3;
    } else {
      for (std::string_view name : kDroppedElements) {
        if (!starts_with_nocase(page, lt + 1, name) || !is_tag_name_end(page, lt + 1 + name.size()))
          continue;
        std::size_t body = end_of_tag(page, lt);
        // A self-closed <svg .../> has no content to skip.
        if (body >= 2 && page[body - 2] == '/' && name != "script" && name != "style") {
          resume = body;
          break;
        }
        resume = end_of_element(page, body, name);
        if (name == "script" && is_json_ld(page.substr(lt, body - lt))) {
          std::size_t close = page.rfind('<', resume - 1);
          if (close != std::string_view::npos && close >= body)
            out.json_ld.emplace_back(page.substr(body, close - body));
        }
        break;
      }
    }
    if (resume) {
      out.html.append(page.substr(copied_to, lt - copied_to));
      out.html.push_back(' ');  // keeps the words on either side apart
      copied_to = i = resume;
      continue;
    }
    bool end_tag = false;
    std::string_view name = tag_name_at(page, lt, &end_tag, name_buffer, sizeof name_buffer);
    bool nests = !name.empty() && name.size() < sizeof name_buffer &&
                 std::find(std::begin(kNotNesting), std::end(kNotNesting), name) == std::end(kNotNesting);
    bool cut = false;
    if (nests && end_tag) {
      if (cut_open > 0) cut = true, --cut_open;
      else if (depth > 0) --depth;
    } else if (nests) {  // "<div/>" opens a div in HTML: the slash changes nothing
      if (depth >= kMaxNesting) cut = true, ++cut_open;
      else ++depth;
    }
    if (cut) {
      out.html.append(page.substr(copied_to, lt - copied_to));
      copied_to = i = end_of_tag(page, lt);
    } else if (!end_tag && !name.empty()) {
      std::size_t gt = end_of_tag(page, lt);
      if (gt - lt > 24) {  // shorter tags have no attribute worth the rewrite
        out.html.append(page.substr(copied_to, lt - copied_to));
        append_reduced_tag(page.substr(lt, gt - lt), name, out.html);
        copied_to = gt;
      }
      i = gt;
    } else {
      i = lt + 1;
    }
  }
  out.html.append(page.substr(copied_to));
  return out;
}

}  // namespace winnow::html
