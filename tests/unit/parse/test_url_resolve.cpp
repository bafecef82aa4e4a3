// resolve_url: RFC 3986's own examples (section 5.4), and the references
// pages write in their canonical links.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "winnow/url.hpp"

using winnow::resolve_url;

TEST_CASE("resolve_url: RFC 3986 5.4.1, normal examples") {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},          {"g", "http://a/b/c/g"},       {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"},          {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"}, {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},   {"./", "http://a/b/c/"},       {"..", "http://a/b/"},
      {"../", "http://a/b/"},   {"../g", "http://a/b/g"},      {"../..", "http://a/"},
      {"../../", "http://a/"},  {"../../g", "http://a/g"},
  };
  for (auto [reference, expected] : cases) {
    CAPTURE(reference);
    CHECK(resolve_url(base, reference) == expected);
  }
}

TEST_CASE("resolve_url: RFC 3986 5.4.2, abnormal examples") {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},      {"g.", "http://a/b/c/g."},       {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},  {"..g", "http://a/b/c/..g"},     {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"}, {"g/./h", "http://a/b/c/g/h"},   {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},   {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},   {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parsers take a reference with a scheme whole
  };
  for (auto [reference, expected] : cases) {
    CAPTURE(reference);
    CHECK(resolve_url(base, reference) == expected);
  }
}

TEST_CASE("resolve_url: canonical links as pages write them") {
  const std::string fetched = "https://www.osce.org/ukraine/2008/07/item_1?print=1#top";
  CHECK(resolve_url(fetched, "/en/node/123") == "https://www.osce.org/en/node/123");
  CHECK(resolve_url(fetched, "//www.osce.org/en/node/123") == "https://www.osce.org/en/node/123");
  CHECK(resolve_url(fetched, "item_2") == "https://www.osce.org/ukraine/2008/07/item_2");
  CHECK(resolve_url(fetched, "../../node/9/") == "https://www.osce.org/ukraine/node/9/");
  CHECK(resolve_url(fetched, "https://osce.org/a/./b/../c") == "https://osce.org/a/c");
  // A host with no path: the merge adds the root's slash (5.2.3).
  CHECK(resolve_url("http://example.org", "story") == "http://example.org/story");
  // Spaces around an href and line breaks inside it are not part of it.
  CHECK(resolve_url(fetched, "  /en/node/\n123 \t") == "https://www.osce.org/en/node/123");
  // A fetched URL with dot segments is made whole before it is a base.
  CHECK(resolve_url("http://a/b/../c/d", "#f") == "http://a/c/d#f");
  CHECK(resolve_url("http://a/b/../c/d", "e") == "http://a/c/e");
  // An absolute canonical stays as written, whatever the page's address.
  CHECK(resolve_url(fetched, "http://other.example/x?y") == "http://other.example/x?y");
}

TEST_CASE("resolve_url: nothing to resolve against") {
  // A plain file has no fetched URL: a relative reference is kept as written.
  CHECK(resolve_url("", "/en/node/123") == "/en/node/123");
  CHECK(resolve_url("/relative/base", "x") == "x");
  CHECK(resolve_url("", " https://e.org/a ") == "https://e.org/a");
  // "1:2" has no scheme by the grammar (a scheme starts with a letter).
  CHECK(resolve_url("http://a/b/", "1:2") == "http://a/b/1:2");
  CHECK(winnow::has_url_scheme("urn:uuid:1"));
  CHECK_FALSE(winnow::has_url_scheme("/en/node:1"));
  CHECK_FALSE(winnow::has_url_scheme("1:2"));
}
