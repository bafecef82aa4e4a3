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

TEST_CASE("generic classifier: the heading that rewords the title is the title, a short one is text") {
  auto classified = [](const std::string& html) {
    winnow::Document doc;
    doc.body = html;
    std::string problem;
    REQUIRE(winnow::decode_document(doc, &problem));
    winnow::parse_html(doc);
    winnow::classify_html_generic(doc);
    return doc;
  };
  const std::string para =
      "<p>The mission opened its office in the city this week and met local officials to discuss the year ahead.</p>";
  auto reworded = classified("<html><head><title>Atkins diet (14 days) - lose up to 10 kg. Reviews</title></head>"
                             "<body><article><h1>Atkins diet - lose up to 10 kilograms in 14 days</h1>" +
                             para + para + "</article></body></html>");
  CHECK(texts_with(reworded, winnow::Role::Title) ==
        std::vector<std::string>{"Atkins diet - lose up to 10 kilograms in 14 days"});
  auto short_heading = classified("<html><head><title>Basic tag cleaning test</title></head>"
                                  "<body><article><h1>Lorem</h1>" + para + para + "</article></body></html>");
  CHECK(texts_with(short_heading, winnow::Role::Title).empty());
  CHECK(short_heading.metadata.title == "Basic tag cleaning test");
}

TEST_CASE("generic classifier: a WordPress post's taxonomy classes are labels, not chrome") {
  std::string para = "<p>Stack Overflow published its analysis of hiring trends, based on what employers selected "
                     "when posting jobs, and it ranks three skills at the top.</p>";
  std::string comment = "<p>I have been a developer for ten years and this matches what I see, though the survey "
                        "is biased towards people who already use the site every day.</p>";
  std::string comments;
  for (int i = 0; i < 6; ++i) comments += "<li class=\"comment\"><div class=\"comment-body\">" + comment + "</div></li>";
  winnow::Document doc;
  doc.body = "<html><head><title>Hiring trends</title></head><body><main>"
             "<article class=\"post-67202 post type-post status-publish hentry category-news tag-jobs author-sarah\">"
             "<div class=\"entry-content\">" + para + para + para + "</div></article>"
             "<section id=\"comments\"><ol>" + comments + "</ol></section></main></body></html>";
  std::string problem;
  REQUIRE(winnow::decode_document(doc, &problem));
  winnow::parse_html(doc);
  winnow::classify_html_generic(doc);
  auto body = texts_with(doc, winnow::Role::Body);
  REQUIRE(body.size() == 3);
  CHECK(body.front().starts_with("Stack Overflow published"));
}

// The container is a part of the article (its comma-heavy first section wins
// the vote, and the sections' linked headings stop the climb): it keeps a
// ninth of the page's prose, so the fallback reads from its ancestors.
TEST_CASE("generic classifier: a container that keeps little of the page's prose falls back") {
  const std::string commas =
      "<p>The mission met, in order, the mayor, the governor, the police chief, the judges, the prosecutors, the "
      "teachers, the doctors, the nurses, the farmers, the miners, the drivers, the priests, and the elders.</p>";
  const std::string plain = "<p>The observers travelled to the eastern districts this week where they met local "
                            "officials and residents and heard reports of shelling near the line of contact.</p>";
  std::string html = "<html><head><title>Observers visit the east</title></head><body><div><div><h2><a href='#s0'>"
                     "Part 0</a></h2>" + commas + commas + "</div>";
  for (int i = 1; i < 9; ++i)
    html += "<div><h2><a href='#s" + std::to_string(i) + "'>Part " + std::to_string(i) + "</a></h2>" + plain + plain + "</div>";
  html += "</div></body></html>";
  winnow::Document doc;
  doc.body = html;
  std::string problem;
  REQUIRE(winnow::decode_document(doc, &problem));
  winnow::parse_html(doc);
  winnow::classify_html_generic(doc);
  CHECK(doc.extractor == "generic:ancestor");
  CHECK(texts_with(doc, winnow::Role::Body).size() == 18);
}

TEST_CASE("generic classifier: a section whose id is its heading's slug is not chrome") {
  const std::string plain = "<p>The observers travelled to the eastern districts this week where they met local "
                            "officials and residents and heard reports of shelling near the line of contact.</p>";
  winnow::Document doc;
  doc.body = "<html><head><title>Evolve</title></head><body><div class='body'><div class='section' id='intro'>" + plain +
             plain + "<div class='section' id='sharing-with-a-single-developer'><h2>Sharing with a single developer</h2>" +
             plain + plain + plain + "</div></div></div></body></html>";
  std::string problem;
  REQUIRE(winnow::decode_document(doc, &problem));
  winnow::parse_html(doc);
  winnow::classify_html_generic(doc);
  CHECK(texts_with(doc, winnow::Role::Body).size() == 6);  // the heading and its three paragraphs kept
}

// A gallery of captioned photos beside the story holds more good text than
// the story: it is not thrown away as chrome (the majority rule), but the
// story's region does not take it in either. A "read-more" region that big
// is the story's collapsed rest and stays.
TEST_CASE("generic classifier: a chrome-worded region with most of the text stays out of the article's region") {
  const std::string story = "<p>Most people go to hotels for the pleasure of sleeping in a giant bed with clean white "
                            "sheets and waking up to fresh towels in the morning, the owners said.</p>";
  const std::string caption = "<p>Videogame titans vied for attention ahead of the industry's biggest trade show, "
                              "with new consoles and a flood of sequels on the stands this year.</p>";
  std::string gallery;
  for (int i = 0; i < 12; ++i) gallery += "<h2>" + std::to_string(i + 1) + "/12 A picture</h2>" + caption;
  winnow::Document doc;
  doc.body = "<html><head><title>Hotel secrets</title></head><body><div class='story'><div class='text-wrapper'>" +
             story + story + story + story + "</div><div class='full-gallery scroller'>" + gallery +
             "</div></div></body></html>";
  std::string problem;
  REQUIRE(winnow::decode_document(doc, &problem));
  winnow::parse_html(doc);
  winnow::classify_html_generic(doc);
  auto body = texts_with(doc, winnow::Role::Body);
  CHECK(body.size() == 4);
  for (const auto& line : body) CHECK(line.starts_with("Most people"));
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
