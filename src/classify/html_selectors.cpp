// A small CSS selector matcher, enough for site profiles.
//
// The problem. A site profile has to say "the article is div.post-body, the
// title is the h1 in div.content-header" without code. CSS selectors are the
// notation every web person reads; a full engine (attribute operators,
// pseudo-classes, sibling combinators) would be a dependency or a project.
//
// The method. A subset: type (div), class (.post-body, several allowed), id
// (#main), the descendant combinator (a space), the child combinator (>),
// and lists (a, b). Matching runs right to left on Document::elements, the
// element tree parse_html records: the last compound must match the element,
// each earlier one an ancestor (any ancestor for a space, the parent for >),
// with backtracking over the ancestor chain as CSS defines it. Membership of
// a whole subtree, which is what profiles ask ("blocks inside div.sidebar"),
// is one forward pass over elements with a flag inherited from the parent.
//
// The cost: matching one element is O(depth x compounds), and profiles use
// one to three compounds; the subtree pass is linear in elements. Anything
// outside the subset is a parse error, reported with the selector, so a
// profile author learns at load time instead of silently matching nothing.
#include "text_bytes.hpp"
#include "html_selectors.hpp"

#include <cctype>

namespace winnow::html {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

std::string lowered(std::string_view s) { return text::ascii_lowered(s); }

bool has_token(std::string_view list, std::string_view token) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(start, end - start) == token) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<Selector> Selector::parse(std::string_view text, std::string* error) {
  Selector selector;
  Chain chain;
  bool pending_child = false;
  std::size_t i = 0;
  auto fail = [&](const char* why) {
    if (error) *error = std::string(why) + " in selector \"" + std::string(text) + "\"";
    return std::nullopt;
  };
  auto finish_chain = [&]() -> bool {
    if (chain.empty() || pending_child) return false;
    selector.alternatives_.push_back(std::move(chain));
    chain.clear();
    return true;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') { ++i; continue; }
    if (c == ',') {
      if (!finish_chain()) return fail("empty selector before ','");
      ++i;
      continue;
    }
    if (c == '>') {
      if (chain.empty() || pending_child) return fail("'>' without an element before it");
      pending_child = true;
      ++i;
      continue;
    }
    Compound compound;
    compound.child_of_previous = pending_child;
    pending_child = false;
    std::size_t start = i;
    while (i < text.size() && (is_name_char(text[i]) || text[i] == '.' || text[i] == '#' || text[i] == '*')) {
      char kind = text[i];
      if (kind == '*') { ++i; continue; }
      std::size_t name_start = (kind == '.' || kind == '#') ? i + 1 : i;
      std::size_t j = name_start;
      while (j < text.size() && is_name_char(text[j])) ++j;
      if (j == name_start) return fail("a '.' or '#' without a name");
      std::string name = lowered(text.substr(name_start, j - name_start));
      if (kind == '.') compound.classes.push_back(std::move(name));
      else if (kind == '#') compound.id = std::move(name);
      else if (compound.tag.empty() && compound.classes.empty() && compound.id.empty()) compound.tag = std::move(name);
      else return fail("a tag name after a class or id");
      i = j;
    }
    if (i == start) return fail("unsupported character (only tag, .class, #id, ' ', '>', ',')");
    chain.push_back(std::move(compound));
  }
  if (!finish_chain()) return fail("empty selector");
  return selector;
}

bool Selector::matches_compound(const Compound& c, const HtmlElement& e) {
  if (!c.tag.empty() && c.tag != e.tag) return false;
  if (!c.id.empty() && c.id != e.id) return false;
  for (const std::string& cls : c.classes)
    if (!has_token(e.classes, cls)) return false;
  return true;
}

bool Selector::matches_chain(const Chain& chain, const std::vector<HtmlElement>& elements, std::uint32_t e) const {
  // Right to left with an explicit work list instead of recursion: (compound
  // index still to match, element at which to start looking upwards).
  if (!matches_compound(chain.back(), elements[e])) return false;
  std::vector<std::pair<std::size_t, std::uint32_t>> work{{chain.size() - 1, e}};
  while (!work.empty()) {
    auto [k, at] = work.back();
    work.pop_back();
    if (k == 0) return true;
    bool child_only = chain[k].child_of_previous;
    std::uint32_t up = at;
    while (elements[up].parent != up) {
      up = elements[up].parent;
      if (matches_compound(chain[k - 1], elements[up])) work.push_back({k - 1, up});
      if (child_only) break;
    }
  }
  return false;
}

bool Selector::matches(const std::vector<HtmlElement>& elements, std::uint32_t e) const {
  for (const Chain& chain : alternatives_)
    if (matches_chain(chain, elements, e)) return true;
  return false;
}

std::vector<char> Selector::inside(const std::vector<HtmlElement>& elements) const {
  std::vector<char> in(elements.size(), 0);
  for (std::uint32_t e = 0; e < elements.size(); ++e) {
    std::uint32_t p = elements[e].parent;
    in[e] = (p != e && in[p]) || matches(elements, e);
  }
  return in;
}

}  // namespace winnow::html
