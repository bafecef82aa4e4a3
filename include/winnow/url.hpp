// URL references resolved as RFC 3986 (section 5) says.
//
// A page names its own address in a canonical link, og:url or JSON-LD, and
// often relatively ("/en/node/123", "../story.html", "//cdn.example/x"). Such
// a reference means nothing on its own; resolved against the address the
// page was fetched from (a WARC-Target-URI, a JSONL record's url, or the
// page's <base href>) it is a full URL that can be compared with others.
//
//   winnow::resolve_url("https://www.osce.org/item/1?x", "/en/node/123")
//       == "https://www.osce.org/en/node/123"
//   winnow::resolve_url("http://a/b/c/d;p?q", "../../g")  == "http://a/g"
//   winnow::resolve_url("", "/en/node/123")               == "/en/node/123"  (nothing to resolve against)
#pragma once

#include <string>
#include <string_view>

namespace winnow {

// True when `url` starts with a scheme ("http:", "urn:"): an absolute
// reference, by RFC 3986's grammar (a letter, then letters, digits, + - .).
bool has_url_scheme(std::string_view url);

// `reference` resolved against `base` by RFC 3986 section 5.2 (strict: a
// reference with a scheme is taken whole): scheme-relative ("//host/p"),
// absolute-path ("/p"), path-relative ("p", "../p"), query-only ("?q") and
// fragment-only ("#f") references, dot segments removed ("/a/./b/../c" is
// "/a/c"). Leading and trailing spaces and control characters are cut and
// tabs and line breaks inside removed, as browsers do with an href. When
// `base` has no scheme (unknown, or itself relative) a relative reference
// is returned as written (trimmed): there is nothing to resolve it against.
std::string resolve_url(std::string_view base, std::string_view reference);

}  // namespace winnow
