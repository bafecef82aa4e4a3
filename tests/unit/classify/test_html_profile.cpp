// Site profiles on HTML: the selector matcher, and the shipped Blogger and
// osce.org "html" sections on the fixtures.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "classify/html_selectors.hpp"
#include "winnow/profiles.hpp"
#include "winnow/decode.hpp"
#include "winnow/html.hpp"

namespace winnow {
std::vector<std::string_view> builtin_profile_sources();  // generated from profiles/*.json
}

namespace {

winnow::Document parsed_fixture(const std::string& number) {
  std::ifstream in(std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures" / "html" / (number + ".html"));
  std::ostringstream s;
  s << in.rdbuf();
  winnow::Document doc;
  doc.body = s.str();
  std::string problem;
  REQUIRE(winnow::decode_document(doc, &problem));
  winnow::parse_html(doc);
  return doc;
}

// The "html" section of the built-in profile `name`, as JSON text.
std::string html_section(const std::string& name) {
  for (std::string_view source : winnow::builtin_profile_sources()) {
    rapidjson::Document d;
    d.Parse(source.data(), source.size());
    if (d.HasParseError() || !d.HasMember("name") || name != d["name"].GetString()) continue;
    REQUIRE(d.HasMember("html"));
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    d["html"].Accept(writer);
    return buffer.GetString();
  }
  FAIL("no built-in profile " << name);
  return {};
}

std::vector<std::string> texts_with(const winnow::Document& doc, winnow::Role role) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks)
    if (b.role == role) out.push_back(b.text);
  return out;
}

}  // namespace

TEST_CASE("selectors: tag, class, id, descendant, child, lists") {
  auto doc = parsed_fixture("002");
  const auto& el = doc.elements;
  auto count = [&](const char* text) {
    std::string error;
    auto s = winnow::html::Selector::parse(text, &error);
    REQUIRE_MESSAGE(s, error);
    int n = 0;
    for (std::uint32_t e = 0; e < el.size(); ++e) n += s->matches(el, e);
    return n;
  };
  CHECK(count("div.post-body") == 1);
  CHECK(count("#sidebar") == 1);
  CHECK(count("div.sidebar.section") == 1);
  CHECK(count("div.sidebar.nosuch") == 0);
  CHECK(count("#outer-wrapper h2.date-header") == 1);
  CHECK(count("div.date-outer > h2") == 1);
  CHECK(count("#outer-wrapper > h2") == 0);
  CHECK(count("h2.date-header, h3.post-title") == 2);
  CHECK(count("DIV.Post-Body") == 1);
  std::string error;
  CHECK_FALSE(winnow::html::Selector::parse("a[href]", &error));
  CHECK(error.find("a[href]") != std::string::npos);
  CHECK_FALSE(winnow::html::Selector::parse("div >", &error));
  CHECK_FALSE(winnow::html::Selector::parse("", &error));
}

TEST_CASE("profile: Blogger post body, date header and comment footer") {
  auto doc = parsed_fixture("002");
  std::string problem;
  REQUIRE_MESSAGE(winnow::classify_html_with_profile(doc, html_section("blogger"), &problem), problem);
  auto body = texts_with(doc, winnow::Role::Body);
  REQUIRE(body.size() == 9);
  CHECK(body.front().starts_with("KHMELNYTSKY, Ukraine, 16 July 2008"));
  CHECK(body.back().starts_with("Working with law enforcement"));
  CHECK(texts_with(doc, winnow::Role::Metadata) == std::vector<std::string>{"Wednesday, July 16, 2008"});
  CHECK(doc.metadata.title.empty());  // an untitled post; <title> only names the blog
  for (const auto& b : doc.blocks)
    if (b.text == "No comments:" || b.text == "Post a Comment" || b.text == "Blog Archive")
      CHECK(b.role != winnow::Role::Body);
}

TEST_CASE("profile: osce.org title, page type, metadata box, body, menus") {
  auto doc = parsed_fixture("000");
  std::string problem;
  REQUIRE_MESSAGE(winnow::classify_html_with_profile(doc, html_section("osce.org"), &problem), problem);
  CHECK(texts_with(doc, winnow::Role::Title) ==
        std::vector<std::string>{"OSCE Project Co-ordinator in Ukraine fosters local police, NGO co-operation on "
                                 "anti-trafficking measures"});
  CHECK(texts_with(doc, winnow::Role::PageType) == std::vector<std::string>{"Press release"});
  CHECK(texts_with(doc, winnow::Role::Metadata) ==
        std::vector<std::string>{"Date:", "Place:", "KHMELNYTSKY", "Source:",
                                 "OSCE Project Co-ordinator in Ukraine (closed), OSCE Secretariat",
                                 "Fields of work:", "Combating trafficking in human beings"});
  auto body = texts_with(doc, winnow::Role::Body);
  REQUIRE(body.size() == 8);
  CHECK(body.front().starts_with("KHMELNYTSKY, Ukraine, 16 July 2008 - "));
  for (const auto& b : doc.blocks)
    if (b.text == "Arms control") CHECK(b.role == winnow::Role::Navigation);

  auto news = parsed_fixture("001");
  REQUIRE(winnow::classify_html_with_profile(news, html_section("osce.org"), &problem));
  REQUIRE(texts_with(news, winnow::Role::Teaser).size() == 1);
  CHECK(texts_with(news, winnow::Role::PageType) == std::vector<std::string>{"News Item"});
}

TEST_CASE("profile: a page the content selectors do not match falls back") {
  auto doc = parsed_fixture("002");
  std::string problem;
  CHECK_FALSE(winnow::classify_html_with_profile(doc, R"({"content": "div.nosuch"})", &problem));
  CHECK(problem.find("match nothing") != std::string::npos);
  CHECK_FALSE(winnow::classify_html_with_profile(doc, R"({"content": "a[href]"})", &problem));
  CHECK(problem.find("selector") != std::string::npos);
  CHECK_FALSE(winnow::classify_html_with_profile(doc, "", &problem));
}

TEST_CASE("generic classifier on the fixtures: title and body, no menus or boxes") {
  auto doc = parsed_fixture("000");
  winnow::classify_html_generic(doc);
  CHECK(texts_with(doc, winnow::Role::Title).size() == 1);
  auto body = texts_with(doc, winnow::Role::Body);
  REQUIRE(body.size() == 8);
  CHECK(body.front().starts_with("KHMELNYTSKY, Ukraine, 16 July 2008"));

  auto blog = parsed_fixture("002");
  winnow::classify_html_generic(blog);
  auto blog_body = texts_with(blog, winnow::Role::Body);
  REQUIRE(blog_body.size() == 9);
  CHECK(texts_with(blog, winnow::Role::Title).empty());  // the blog's name is not the post's title
}

TEST_CASE("profile: the html section is parsed and checked at load, a bad selector named") {
  winnow::ProfileSet set = winnow::ProfileSet::builtin();
  REQUIRE(set.find("blogger") != nullptr);
  CHECK(set.find("blogger")->html != nullptr);
  CHECK(set.find("osce.org")->html != nullptr);
  auto load_error = [](const char* json) {
    winnow::ProfileSet s;
    try {
      s.add_json(json, "my.json");
    } catch (const winnow::ProfileError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(load_error(R"({"name": "x", "html": {"content": ["div.post", "a[href]"]}})") ==
        "my.json: html.content: unsupported character (only tag, .class, #id, ' ', '>', ',') in selector "
        "\"a[href]\"");
  CHECK(load_error(R"({"name": "x", "html": {"drop": 3}})") ==
        "my.json: html.drop: must be a selector or a list of selectors");
  CHECK(load_error(R"({"name": "x", "html": {"title": []}})").starts_with("my.json: html.title: "));
  CHECK(load_error(R"({"name": "x", "html": "div.post"})") == "my.json: html: must be an object of selectors");
  CHECK(load_error(R"({"name": "x", "html": {"content": "div.post", "title": "h3.post-title"}})") == "no error");
}

TEST_CASE("profile: classifying by a loaded profile equals classifying by its section's text") {
  winnow::ProfileSet set = winnow::ProfileSet::builtin();
  for (const char* name : {"blogger", "osce.org"}) {
    for (const char* fixture : {"000", "001", "002"}) {
      auto by_text = parsed_fixture(fixture);
      auto by_profile = parsed_fixture(fixture);
      std::string p1, p2;
      bool a = winnow::classify_html_with_profile(by_text, html_section(name), &p1);
      bool b = winnow::classify_html_with_profile(by_profile, *set.find(name), &p2);
      CHECK(a == b);
      CHECK(p1 == p2);
      for (std::size_t i = 0; i < by_text.blocks.size(); ++i) CHECK(by_text.blocks[i].role == by_profile.blocks[i].role);
      CHECK(by_text.metadata.title == by_profile.metadata.title);
    }
  }
}
