#include <doctest/doctest.h>

#include "winnow/profiles.hpp"

using namespace winnow;

TEST_CASE("built-in profiles load and map labels and page types") {
  ProfileSet set = ProfileSet::builtin();
  const SiteProfile* osce = nullptr;
  for (auto& p : set.all())
    if (p.name == "osce.org") osce = &p;
  REQUIRE(osce != nullptr);
  CHECK(osce->field_for_label("Issued by:") == "sources");
  CHECK(osce->type_for_line("News Item") == "news_item");
  CHECK(osce->field_for_label("Date") == "");  // labels carry their colon
  CHECK(osce->official);
  REQUIRE(set.find("blogger") != nullptr);
  CHECK_FALSE(set.find("blogger")->official);
  CHECK(set.find("no-such-site") == nullptr);
}

TEST_CASE("a user profile is added, replaces a built-in of the same name, and bad ones are refused") {
  ProfileSet set = ProfileSet::builtin();
  std::size_t before = set.all().size();
  set.add_json(R"({"name":"example.org","detect":{"hosts":["example.org"]},"page_types":{"Notice":"notice"}})",
               "test");
  CHECK(set.all().size() == before + 1);
  Document doc;
  doc.url = "https://EXAMPLE.org:443/news/1";
  REQUIRE(set.detect(doc) != nullptr);
  CHECK(set.detect(doc)->name == "example.org");
  set.add_json(R"({"name":"example.org"})", "test");
  CHECK(set.all().size() == before + 1);

  CHECK_THROWS_WITH_AS(set.add_json("{", "x.json"), doctest::Contains("x.json: invalid JSON"), ProfileError);
  CHECK_THROWS_WITH_AS(set.add_json(R"({"name":"a","chrome_lines":["("]})", "y.json"),
                       doctest::Contains("y.json: bad pattern"), ProfileError);
  CHECK_THROWS_AS(set.add_json(R"({"nom":"a"})", "z.json"), ProfileError);
}

TEST_CASE("hosts: blogspot subdomains match the blogger profile") {
  ProfileSet set = ProfileSet::builtin();
  Document doc;
  doc.url = "http://someone.blogspot.com/2008/07/post.html";
  REQUIRE(set.detect(doc) != nullptr);
  CHECK(set.detect(doc)->name == "blogger");
  CHECK(url_host("https://user@www.osce.org:8443/x?y#z") == "www.osce.org");
}

TEST_CASE("hosts: the fetched url first, then the page's canonical_url") {
  ProfileSet set = ProfileSet::builtin();
  // A saved osce.org page read from disk: no fetched URL, only its canonical link.
  Document saved;
  saved.canonical_url = "https://www.osce.org/en/node/123";
  REQUIRE(set.detect(saved) != nullptr);
  CHECK(set.detect(saved)->name == "osce.org");
  // A repost fetched from a blog that names the original as its canonical:
  // the page is the blog's.
  Document repost;
  repost.url = "http://someone.blogspot.com/2008/07/post.html";
  repost.canonical_url = "https://www.osce.org/en/node/123";
  REQUIRE(set.detect(repost) != nullptr);
  CHECK(set.detect(repost)->name == "blogger");
  // A fetched host no profile knows: the canonical's host still counts.
  Document mirror;
  mirror.url = "https://mirror.example/osce/123";
  mirror.canonical_url = "https://www.osce.org/en/node/123";
  REQUIRE(set.detect(mirror) != nullptr);
  CHECK(set.detect(mirror)->name == "osce.org");
  Document neither;
  neither.url = "https://mirror.example/osce/123";
  CHECK(set.detect(neither) == nullptr);
}
