// parse_html: blocks that mirror the text dumps, page-head metadata, and the
// fixtures rebuilt from the seeds giving the seeds' lines back.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "winnow/decode.hpp"
#include "winnow/html.hpp"

namespace {

// The page's date as the head reader recorded it for the metadata stage:
// the head's most trusted date, else the URL's (the first candidate).
std::string first_date(const winnow::Document& d) { return d.date_candidates.empty() ? "" : d.date_candidates[0].text; }
std::string first_date_source(const winnow::Document& d) {
  return d.date_candidates.empty() ? "" : d.date_candidates[0].source;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

winnow::Document parsed(std::string html) {
  winnow::Document doc;
  doc.body = std::move(html);
  std::string problem;
  REQUIRE(winnow::decode_document(doc, &problem));
  winnow::parse_html(doc);
  return doc;
}

// A block as the text dump writes it: "- item", "-" for a bare marker.
std::string as_dump_line(const winnow::Block& b) {
  if (b.kind == winnow::BlockKind::ListMarker) return "-";
  if (b.kind == winnow::BlockKind::ListItem) return "- " + b.text;
  return b.text;
}

std::vector<std::string> seed_lines(const std::string& number) {
  std::filesystem::path dir = std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures" / "seeds";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.path().filename().string().starts_with(number + "_")) continue;
    std::vector<std::string> lines;
    std::istringstream in(slurp(e.path()));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    // The flattener spelled the <abbr> tooltip out ("NGONGO" / "non-governmental
    // organization activists"); HTML has the abbreviation once.
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      const std::string expansion = "non-governmental organization ";
      if (lines[i].ends_with("NGONGO") && lines[i + 1].starts_with(expansion)) {
        lines[i] = lines[i].substr(0, lines[i].size() - 3) + " " + lines[i + 1].substr(expansion.size());
        lines.erase(lines.begin() + static_cast<long>(i) + 1);
      }
    }
    return lines;
  }
  FAIL("no seed " << number);
  return {};
}

}  // namespace

TEST_CASE("parse_html: lists, headings, paragraphs, <br> and table cells become blocks") {
  auto doc = parsed(
      "<html><body><h2>Head <b>line</b></h2><p>One<br>two &amp; three</p>"
      "<ul><li>Item <a href=x>link</a></li><li><div>Label</div><ul><li>Nested</li></ul></li></ul>"
      "<table><tr><td>cell 1</td><td> cell&nbsp;2 </td></tr></table><pre>a  b\nc</pre></body></html>");
  std::vector<std::string> lines;
  for (const auto& b : doc.blocks) lines.push_back(as_dump_line(b));
  CHECK(lines == std::vector<std::string>{"Head line", "One", "two & three", "- Item link", "-", "Label",
                                          "- Nested", "cell 1", "cell 2", "a  b", "c"});
  CHECK(doc.blocks[0].kind == winnow::BlockKind::Heading);
  CHECK(doc.blocks[3].link_density == doctest::Approx(4.0 / 9.0));
  CHECK(doc.blocks[7].kind == winnow::BlockKind::TableCell);
  CHECK(doc.blocks[9].kind == winnow::BlockKind::Preformatted);
  CHECK(doc.blocks[1].tag_path == "html>body>p");
}

TEST_CASE("parse_html: scripts, styles, comments, hidden and form controls give no text") {
  auto doc = parsed(
      "<html><head><style>p{}</style></head><body><script>var x = '<p>no</p>';</script><!-- <p>no</p> -->"
      "<p>yes</p><div hidden>no</div><div style=\"display: none\">no</div><noscript>no</noscript>"
      "<select><option>no</option></select><svg><text>no</text></svg><p aria-hidden=\"true\">no</p></body></html>");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "yes");
}

TEST_CASE("parse_html: <abbr title> is an abbreviation, and its title never becomes text") {
  auto doc = parsed("<p>Trained <abbr title=\"non-governmental organization\">NGO</abbr> activists and "
                    "<abbr title=\"non-governmental organization\">NGO</abbr> staff.</p>");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Trained NGO activists and NGO staff.");
  REQUIRE(doc.metadata.abbreviations.size() == 1);
  CHECK(doc.metadata.abbreviations[0].abbr == "NGO");
  CHECK(doc.metadata.abbreviations[0].expansion == "non-governmental organization");
}

TEST_CASE("parse_html: page-head metadata, most specific source first") {
  auto doc = parsed(R"(<html lang="de"><head><title>Story | Site</title>
    <meta property="og:title" content="Story">
    <meta property="og:url" content="https://example.org/og">
    <link rel="canonical" href="https://example.org/story">
    <meta property="article:published_time" content="2019-11-19T10:00:00+01:00">
    </head><body><time datetime="2001-01-01">old</time><h1>Story</h1><p>Text.</p></body></html>)");
  CHECK(doc.metadata.title == "Story");
  CHECK(doc.canonical_url == "https://example.org/story");
  CHECK(first_date(doc) == "2019-11-19");
  CHECK(first_date_source(doc) == "html:article:published_time");
  CHECK(doc.metadata.language == "de");
}

TEST_CASE("parse_html: a relative canonical is resolved against the fetched URL and <base href>") {
  auto page = [](std::string url, std::string head) {
    winnow::Document doc;
    doc.url = std::move(url);
    doc.body = "<html><head>" + head + "</head><body><p>Text of the page.</p></body></html>";
    std::string problem;
    REQUIRE(winnow::decode_document(doc, &problem));
    winnow::parse_html(doc);
    return doc;
  };
  auto fetched = page("https://www.osce.org/ukraine/item_1?print=1", R"(<link rel="canonical" href="/en/node/123">)");
  CHECK(fetched.canonical_url == "https://www.osce.org/en/node/123");
  CHECK(fetched.url == "https://www.osce.org/ukraine/item_1?print=1");  // what was fetched stays
  // <base href> (itself relative here) comes between the two, as in a browser.
  auto based = page("https://blog.example/2008/07/post.html",
                    R"(<base href="/mirror/osce/"><meta property="og:url" content="node/9">)");
  CHECK(based.canonical_url == "https://blog.example/mirror/osce/node/9");
  // A long <base> tag goes through the pre-scan's attribute filter: its href is kept.
  auto long_base = page("http://a.example/x/y", R"(<base data-long-attribute-to-drop="1234567890" href="http://b.example/z/">)"
                                                R"(<link rel="canonical" href="../w">)");
  CHECK(long_base.canonical_url == "http://b.example/w");
  // No fetched URL (a plain file): a relative canonical is kept as written.
  CHECK(page("", R"(<link rel="canonical" href="/en/node/123">)").canonical_url == "/en/node/123");
  // The page states nothing: a canonical the reader set (a JSONL record's) stays.
  winnow::Document kept;
  kept.canonical_url = "https://e.org/kept";
  kept.body = "<html><body><p>Text.</p></body></html>";
  std::string problem;
  REQUIRE(winnow::decode_document(kept, &problem));
  winnow::parse_html(kept);
  CHECK(kept.canonical_url == "https://e.org/kept");
}

TEST_CASE("parse_html: JSON-LD NewsArticle, <time datetime> and <h1> as fallbacks") {
  auto ld = parsed(R"(<html><head><title>T | S</title><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",
     "headline":"Headline from LD","datePublished":"2020-02-03T04:05:06Z","url":"https://e.org/a","inLanguage":"fr"}]}
    </script></head><body><p>x</p></body></html>)");
  CHECK(ld.metadata.title == "Headline from LD");
  CHECK(first_date(ld) == "2020-02-03");
  CHECK(first_date_source(ld) == "html:json-ld:datePublished");
  CHECK(ld.canonical_url == "https://e.org/a");
  CHECK(ld.metadata.language == "fr");

  auto plain = parsed("<html><head><title>A page of some words | Site</title></head><body><h1>The h1</h1>"
                      "<time datetime=\"2008-07-16T09:00\">16 July</time></body></html>");
  CHECK(plain.metadata.title == "A page of some words");  // <title> before the first <h1>
  CHECK(first_date(plain) == "2008-07-16");
  CHECK(first_date_source(plain) == "html:time");

  auto untitled = parsed("<html><head></head><body><h1>The h1</h1><p>x</p></body></html>");
  CHECK(untitled.metadata.title == "The h1");
}

// <title> read as Readability reads it: the site's part cut by separators,
// unless what is left is too short to be a title.
TEST_CASE("parse_html: <title> without the site's part") {
  auto title_of = [](const std::string& head, const std::string& body = "<p>x</p>") {
    return parsed("<html><head>" + head + "</head><body>" + body + "</body></html>").metadata.title;
  };
  CHECK(title_of("<title>New York man pleads guilty | TheHill</title>") == "New York man pleads guilty");
  CHECK(title_of("<title>Lorem ipsum dolor sit amet \xe2\x80\x93 My website</title>") == "Lorem ipsum dolor sit amet");
  CHECK(title_of("<title>Get your code covered | Code | Nicolas Perriault</title>") == "Get your code covered | Code");
  CHECK(title_of("<title>Page | Site</title>") == "Page | Site");  // one word left: the whole stays
  CHECK(title_of("<title>My blog: What we learned in Vienna</title>") == "What we learned in Vienna");
  CHECK(title_of("<title>Daring Fireball: Colophon</title>", "<h1>About This Site</h1>") == "Daring Fireball: Colophon");
  CHECK(title_of("<title>Notes: a report on the week</title>", "<h2>Notes: a report on the week</h2>") ==
        "Notes: a report on the week");  // a heading repeats it whole: no cut
  CHECK(title_of("<title>Home</title>", "<h1>The one heading of this page</h1>") == "The one heading of this page");
}

TEST_CASE("parse_html: stated titles, most trusted first; JSON-LD before the metas") {
  auto doc = parsed(R"(<html><head><title>Title Element</title>
    <meta name="title" content="Meta name title"><meta property="og:title" content="Open Graph title">
    <meta name="DC.title" content="Dublin Core name title"><meta property="dc:title" content="Dublin Core property title">
    </head><body><p>x</p></body></html>)");
  CHECK(doc.metadata.title == "Dublin Core property title");  // dc:title first; property= over name=

  auto ld = parsed(R"(<html><head><title>List of films featuring time loops - Wikipedia</title>
    <meta property="og:title" content="A rewrite for sharing">
    <script type="application/ld+json">//<![CDATA[
    {"@type":"Article","name":"List of films featuring time loops","headline":"Wikimedia list article",
     "datePublished":"2001-10-29T01:59:14Z"}
    //]]></script></head><body><p>x</p></body></html>)");
  CHECK(ld.metadata.title == "List of films featuring time loops");  // of name and headline, the one nearer <title>
  CHECK(first_date(ld) == "2001-10-29");  // inside CDATA

  auto escaped = parsed(R"(<html><head><meta property="og:title" content="Chelsea pay &amp;#163;71.6m"></head>
    <body><p>x</p></body></html>)");
  CHECK(escaped.metadata.title == "Chelsea pay \xc2\xa3" "71.6m");
}

TEST_CASE("parse_html: dates from every source htmldate reads, as the publisher wrote them") {
  auto date_of = [](const std::string& head, const std::string& body = "<p>x</p>") {
    auto doc = parsed("<html><head>" + head + "</head><body>" + body + "</body></html>");
    return first_date(doc) + " " + first_date_source(doc);
  };
  CHECK(date_of(R"(<script type="application/ld+json">{"@type":"SocialMediaPosting",
      "datePublished":"2014-09-02T23:35:27-04:00"}</script>)") == "2014-09-02 html:json-ld:datePublished");
  CHECK(date_of(R"(<script type="application/ld+json">{"@type":"WebPage","datePublished":"2015-01-02"}</script>)") ==
        "2015-01-02 html:json-ld:datePublished");
  CHECK(date_of(R"(<meta name="citation_publication_date" content="2016-03-04">)") == "2016-03-04 html:meta:date");
  CHECK(date_of("", R"(<time datetime="2001-01-01">x</time><time itemprop="datePublished" datetime="2017-05-06">y</time>)") ==
        "2017-05-06 html:itemprop:datePublished");
  CHECK(date_of(R"(<link rel="canonical" href="https://blog.example/2018/07/08/a-post/">)") == "2018-07-08 html:url");
  CHECK(date_of(R"(<link rel="canonical" href="https://e.example/2018/13/08/x">)") == " ");
}

TEST_CASE("parse_html: fixtures rebuilt from the seeds give the seeds' lines back") {
  for (std::string number : {"000", "001", "002", "003", "004"}) {
    CAPTURE(number);
    auto doc = parsed(slurp(std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures" / "html" / (number + ".html")));
    std::vector<std::string> expected = seed_lines(number);
    std::vector<std::string> got;
    for (const auto& b : doc.blocks) got.push_back(as_dump_line(b));
    // The seed is a contiguous run of the blocks; blocks before or after it
    // are the site header, date header, sidebar or footer the dump lacked.
    auto start = std::search(got.begin(), got.end(), expected.begin(), expected.end());
    REQUIRE_MESSAGE(start != got.end(), "seed lines not found in order");
    std::size_t first = static_cast<std::size_t>(start - got.begin());
    for (std::size_t i = 0; i < got.size(); ++i) {
      if (i >= first && i < first + expected.size()) continue;
      const auto& b = doc.blocks[i];
      CAPTURE(b.text);
      bool page_chrome = b.class_tokens.find("header") != std::string::npos ||
                         b.class_tokens.find("sidebar") != std::string::npos ||
                         b.class_tokens.find("footer") != std::string::npos;
      CHECK(page_chrome);
    }
    if (number != "002") {
      // Menu entries and the metadata box are list items, as in the dump.
      for (std::size_t i = 0; i < expected.size(); ++i) {
        if (!expected[i].starts_with("- ")) continue;
        CHECK(doc.blocks[first + i].kind == winnow::BlockKind::ListItem);
      }
    }
  }
}

TEST_CASE("parse_html: fixture 003 keeps its abbreviation, 000 its date") {
  auto root = std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures" / "html";
  auto doc3 = parsed(slurp(root / "003.html"));
  REQUIRE(doc3.metadata.abbreviations.size() == 1);
  CHECK(doc3.metadata.abbreviations[0].abbr == "NGO");
  auto doc0 = parsed(slurp(root / "000.html"));
  CHECK(first_date(doc0) == "2008-07-16");
  CHECK(doc0.metadata.title ==
        "OSCE Project Co-ordinator in Ukraine fosters local police, NGO co-operation on anti-trafficking measures");
  CHECK(doc0.metadata.language == "en");
}

TEST_CASE("pre-scan: quoted '>' in attributes, raw-text end tags, JSON-LD kept aside") {
  auto doc = parsed(R"(<html><head><script type="application/ld+json">{"@type":"Article","headline":"From LD"}</script>
    <script>if (a </b) x = "</div>";</script><STYLE>p > a { }</Style></head>
    <body><div title="a > b" class='x>y'>kept</div><script>document.write("<p>no</p>")</SCRIPT >after</body></html>)");
  std::vector<std::string> texts;
  for (const auto& b : doc.blocks) texts.push_back(b.text);
  CHECK(texts == std::vector<std::string>{"kept", "after"});
  CHECK(doc.metadata.title == "From LD");
  REQUIRE(doc.elements.size() > 2);
  bool found = false;
  for (const auto& e : doc.elements) found |= e.classes == "x>y";
  CHECK(found);
}

TEST_CASE("pre-scan: long start tags keep only the attributes later stages read") {
  auto doc = parsed(R"html(<html><head><link data-x="1" rel="canonical" href="https://e.org/a"></head><body>
    <div data-props='{"a": "<b>", "c": 1}' onclick="go()" CLASS = "keep me" id=x hidden_not=1><a href="/very/long/link/target" class=l>one</a>
    <abbr data-tip="x" title="non-governmental organization">NGO</abbr> <p style="display: none" data-big="zzzzzzzzzzzzzzz">no</p></div></body></html>)html");
  std::vector<std::string> texts;
  for (const auto& b : doc.blocks) texts.push_back(b.text);
  CHECK(texts == std::vector<std::string>{"one NGO"});
  CHECK(doc.canonical_url == "https://e.org/a");
  REQUIRE(doc.metadata.abbreviations.size() == 1);
  bool found = false;
  for (const auto& e : doc.elements) found |= e.classes == "keep me" && e.id == "x";
  CHECK(found);
  CHECK(doc.blocks[0].link_density == doctest::Approx(3.0 / 7.0));
}

TEST_CASE("pre-scan: '<script' inside <title> or <textarea> is text, not a script") {
  auto doc = parsed("<html><head><title>About <script> tags</title></head><body><p>first</p>"
                    "<textarea><!-- not a comment</textarea><p>second</p></body></html>");
  std::vector<std::string> texts;
  for (const auto& b : doc.blocks) texts.push_back(b.text);
  CHECK(texts == std::vector<std::string>{"first", "second"});
  CHECK(doc.metadata.title == "About <script> tags");
}

TEST_CASE("parse_html: elements record the tree, blocks point into it") {
  auto doc = parsed("<html><body><div id=Main class=\"A  b\"><p>text</p></div></body></html>");
  REQUIRE(doc.blocks.size() == 1);
  const auto& p = doc.elements[doc.blocks[0].element];
  CHECK(p.tag == "p");
  const auto& div = doc.elements[p.parent];
  CHECK(div.tag == "div");
  CHECK(div.id == "main");
  CHECK(div.classes == "a b");
  CHECK(doc.blocks[0].class_tokens == "main a b");
  CHECK(doc.elements[0].tag == "html");
  CHECK(doc.elements[0].parent == 0);
}
