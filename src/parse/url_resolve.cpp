// Resolving URL references (RFC 3986, section 5.2).
//
// The problem: a page's canonical link, og:url or JSON-LD url may be written
// relative to the page ("/en/node/123"); kept as written it cannot be
// compared with the fetched URL or with another page's canonical, and a
// repost audit needs both as absolute URLs.
//
// The method: the RFC's own algorithm, step by step. A reference is split by
// the grammar of its appendix B (scheme, authority, path, query, fragment,
// each "defined" or not, since "http://a/b?" and "http://a/b" differ), the
// target's parts are taken from the reference or the base as section 5.2.2
// says, paths are merged (5.2.3), dot segments removed (5.2.4) and the parts
// put back together (5.3). The RFC's examples (5.4.1 and 5.4.2) are the unit
// tests. No normalisation beyond that (case, percent-encoding, default
// ports): the URL stays as the publisher wrote it, only made whole.
//
// Before splitting, an href's leading and trailing spaces and control
// characters are cut and its tabs and line breaks removed, as the WHATWG URL
// parser does (pages do write `href=" https://x/ "` and wrap long URLs).
//
// The cost: a few string copies of a URL, once per page.
#include "winnow/url.hpp"

#include <cctype>
#include <optional>

namespace winnow {
namespace {

struct UrlParts {
  std::optional<std::string> scheme, authority, query, fragment;
  std::string path;
};

bool is_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

// RFC 3986 appendix B: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
// with a scheme only when it is one by the grammar (so "1:2" is a path).
UrlParts split(std::string_view s) {
  UrlParts u;
  if (std::size_t colon = s.find_first_of(":/?#"); colon != std::string_view::npos && s[colon] == ':' &&
                                                   is_scheme(s.substr(0, colon))) {
    u.scheme = std::string(s.substr(0, colon));
    s.remove_prefix(colon + 1);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    std::size_t end = s.find_first_of("/?#");
    u.authority = std::string(s.substr(0, end));
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  }
  std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    u.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  std::size_t question = s.find('?');
  if (question != std::string_view::npos) {
    u.query = std::string(s.substr(question + 1));
    s = s.substr(0, question);
  }
  u.path = std::string(s);
  return u;
}

// Section 5.2.4: "." and ".." segments removed from a path, by the RFC's
// input-buffer / output-buffer loop.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  auto drop_last_segment = [&out] {
    std::size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.starts_with("../")) in.remove_prefix(3);                    // A
    else if (in.starts_with("./")) in.remove_prefix(2);                // A
    else if (in.starts_with("/./")) in.remove_prefix(2);               // B: "/./x" -> "/x"
    else if (in == "/.") in = "/";                                     // B
    else if (in.starts_with("/../")) in.remove_prefix(3), drop_last_segment();  // C
    else if (in == "/..") in = "/", drop_last_segment();              // C
    else if (in == "." || in == "..") in = {};                         // D
    else {                                                             // E: the first segment moves
      std::size_t next = in.find('/', in.front() == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

// Section 5.2.3.
std::string merge(const UrlParts& base, const std::string& reference_path) {
  if (base.authority && base.path.empty()) return "/" + reference_path;
  std::size_t slash = base.path.rfind('/');
  return (slash == std::string::npos ? std::string() : base.path.substr(0, slash + 1)) + reference_path;
}

// Section 5.3.
std::string recompose(const UrlParts& u) {
  std::string out;
  if (u.scheme) out += *u.scheme + ":";
  if (u.authority) out += "//" + *u.authority;
  out += u.path;
  if (u.query) out += "?" + *u.query;
  if (u.fragment) out += "#" + *u.fragment;
  return out;
}

// An href as browsers read it: C0 controls and spaces cut from both ends,
// tabs and line breaks removed inside.
std::string cleaned_href(std::string_view s) {
  auto edge = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!s.empty() && edge(s.front())) s.remove_prefix(1);
  while (!s.empty() && edge(s.back())) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}

}  // namespace

bool has_url_scheme(std::string_view url) {
  std::size_t colon = url.find_first_of(":/?#");
  return colon != std::string_view::npos && url[colon] == ':' && is_scheme(url.substr(0, colon));
}

std::string resolve_url(std::string_view base_text, std::string_view reference_text) {
  const std::string reference = cleaned_href(reference_text);
  const std::string base_clean = cleaned_href(base_text);
  const UrlParts r = split(reference);
  if (!r.scheme && !has_url_scheme(base_clean)) return reference;  // nothing to resolve against
  UrlParts t;
  if (r.scheme) {
    t = r;
    t.path = remove_dot_segments(r.path);
  } else {
    UrlParts b = split(base_clean);
    // A base with dot segments ("http://a/b/../c", as a crawler may have
    // fetched it) is made whole first, as a browser's would be: then a
    // "#f" or "?q" reference, which keeps the base's path, gives the same
    // URL as resolving the result again would.
    b.path = remove_dot_segments(b.path);
    if (r.authority) {
      t.authority = r.authority;
      t.path = remove_dot_segments(r.path);
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        t.path = b.path;
        t.query = r.query ? r.query : b.query;
      } else {
        t.path = remove_dot_segments(r.path.front() == '/' ? r.path : merge(b, r.path));
        t.query = r.query;
      }
      t.authority = b.authority;
    }
    t.scheme = b.scheme;
  }
  t.fragment = r.fragment;
  return recompose(t);
}

}  // namespace winnow
