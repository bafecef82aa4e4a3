// Page-head metadata: what a page says about itself, before we read it.
//
// The problem. The article's title, date, URL and language are often stated
// outright by the page, in several places that disagree a little: <title>
// carries a " | Site name" suffix (or a "Blog name: " prefix), og:title is
// often a rewrite for social media, the first <h1> may be a section name; a
// <time datetime> in the body may be a related story's date; JSON-LD has
// headline and datePublished but sits in a script, sometimes inside CDATA.
//
// The method. Collect every source during the one tree walk (and the JSON-LD
// bodies the pre-scan kept), then decide by a fixed order of trust, the most
// specific statement first, as Readability and htmldate do:
//   title: the JSON-LD article's headline or name (of the two, the one that
//          shares more words with <title>); the title metas, in the order
//          dc:title, dcterms:title, og:title, weibo titles, name="title",
//          twitter:title, parsely-title; <title> with its site part cut off
//          (read_title_tag below); the first unlinked <h1>.
//   date:  article:published_time; JSON-LD datePublished (an article's, else
//          any object's); itemprop="datePublished" (meta or <time>); the
//          other publish-date metas (dc:date, citation_publication_date,
//          parsely-pub-date, ...); the first <time datetime>; a date in the
//          URL's path (/2014/09/02/).
//   URL:   canonical, og:url, JSON-LD url and mainEntityOfPage, resolved
//          (winnow/url.hpp) against the page's first <base href>, itself
//          resolved against the address the page was fetched from, as a
//          browser resolves an href: "/en/node/123" in a WARC record of
//          https://www.osce.org/... is https://www.osce.org/en/node/123. It
//          goes to Document::canonical_url, never over Document::url (what
//          was fetched): a repost audit needs both.
//   language: <html lang>, og:locale, inLanguage.
// The dates are not decided here: the head's most trusted one and the URL's
// go on the record as candidates, named ("html:article:published_time",
// "html:url"), and the metadata stage ranks them with the page's own date
// field and the dates the text states (metadata.cpp lists the whole order). A date is cut to YYYY-MM-DD as
// written: "2014-09-02T23:35-04:00" is the 2nd, the publisher's own day,
// never shifted to UTC.
//
// Why <title> before the first <h1>: a page has one <title>, written for
// the article; it has many headings, and the first is as often the site's
// or a section's name ("About This Site", "Information and Resources").
// The site part of <title> is cut by its separators, and kept when what is
// left would be too short to be a title (four words or fewer), as
// Readability does.
//
// The cost: a handful of string compares per <meta>, one rapidjson parse per
// JSON-LD block (a few KiB), and a scan of <title> against at most 64
// headings. Anything that is not a date shape is kept as written rather
// than guessed at.
#include <rapidjson/document.h>

#include <cctype>
#include <initializer_list>
#include <unordered_set>

#include "text_bytes.hpp"
#include "html_head.hpp"
#include "json_parse.hpp"
#include "winnow/text_dump.hpp"
#include "winnow/url.hpp"

namespace winnow::html {
namespace {

std::string attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a ? std::string(a->value) : std::string();
}

std::string lowered(std::string_view s) { return text::ascii_lowered(s); }

// An attribute value or a text node without HTML's whitespace at its ends.
std::string trimmed(std::string_view s) { return std::string(text::trim(s, text::kHtmlSpace)); }

// Character references left in a value that was escaped twice
// ("&amp;#163;" in the source is "&#163;" after Gumbo): decoded once more,
// as Readability does for metadata. Numeric references and the five XML
// names; anything else stays as written.
std::string decoded_references(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  auto utf8 = [&out](unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i]);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    bool done = true;
    if (name.size() >= 2 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      unsigned long cp = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c)) ? text::ascii_lower(c) - 'a' + 10
                                                                        : -1;
        if (v < 0) { ok = false; break; }
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
      }
      if (ok) utf8(cp); else done = false;
    } else if (name == "amp") out.push_back('&');
    else if (name == "lt") out.push_back('<');
    else if (name == "gt") out.push_back('>');
    else if (name == "quot") out.push_back('"');
    else if (name == "apos") out.push_back('\'');
    else done = false;
    if (done) i = semi;
    else out.push_back(s[i]);
  }
  return out;
}

// A meta's key as one spelling: "DC.Title", "dc:title" and "dc : title" are
// the same statement.
std::string meta_key(std::string_view raw) {
  std::string key;
  for (char c : lowered(std::string(raw))) {
    if (c == ' ' || c == '\t') continue;
    key.push_back(c == '.' ? ':' : c);
  }
  return key;
}

// "2008-07-16T10:00:00+02:00" -> "2008-07-16"; other shapes unchanged.
std::string iso_date(std::string_view raw) {
  std::string s = trimmed(raw);
  auto digit = [&](std::size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  if (digit(0) && digit(1) && digit(2) && digit(3) && s.size() >= 10 && s[4] == '-' && digit(5) && digit(6) &&
      s[7] == '-' && digit(8) && digit(9))
    return s.substr(0, 10);
  return s;
}

// A date in a URL's path, /YYYY/MM/DD/ or /YYYY-MM-DD (htmldate reads these
// too): "2014-09-02", or empty. Only plausible years and months count.
std::string url_path_date(std::string_view url) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > url.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(url[i]))) return false;
    return true;
  };
  for (std::size_t i = 0; i + 11 <= url.size(); ++i) {
    if (url[i] != '/' || !digits(i + 1, 4)) continue;
    char sep = url.size() > i + 5 ? url[i + 5] : 0;
    if ((sep != '/' && sep != '-') || !digits(i + 6, 2) || url.size() <= i + 8 || url[i + 8] != sep ||
        !digits(i + 9, 2))
      continue;
    std::size_t after = i + 11;
    if (after < url.size() && std::isdigit(static_cast<unsigned char>(url[after]))) continue;
    int year = std::stoi(std::string(url.substr(i + 1, 4)));
    int month = std::stoi(std::string(url.substr(i + 6, 2)));
    int day = std::stoi(std::string(url.substr(i + 9, 2)));
    if (year < 1995 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) continue;
    return std::string(url.substr(i + 1, 4)) + "-" + std::string(url.substr(i + 6, 2)) + "-" +
           std::string(url.substr(i + 9, 2));
  }
  return {};
}

std::string json_string(const rapidjson::Value& value) {
  const rapidjson::Value* v = &value;
  while (v->IsArray() && !v->Empty()) v = &(*v)[0];  // [[["x"]]] is "x"; a loop, as the nesting may be deep
  if (v->IsString()) return v->GetString();
  if (v->IsObject()) {
    for (const char* key : {"@id", "url", "name"})
      if (v->HasMember(key) && (*v)[key].IsString()) return (*v)[key].GetString();
  }
  return {};
}

// schema.org's article-like types (Readability accepts the same family).
bool is_article_type(const rapidjson::Value& type) {
  auto one = [](std::string_view t) {
    for (std::string_view known :
         {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "ReportageNews", "AnalysisNewsArticle",
          "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle",
          "SatiricalArticle", "AdvertiserContentArticle", "LiveBlogPosting", "SocialMediaPosting",
          "DiscussionForumPosting", "ScholarlyArticle", "MedicalScholarlyArticle", "TechArticle", "APIReference",
          "Report"})
      if (t == known) return true;
    return false;
  };
  if (type.IsString()) return one(type.GetString());
  if (type.IsArray())
    for (const auto& t : type.GetArray())
      if (t.IsString() && one(t.GetString())) return true;
  return false;
}

// JSON-LD nests objects in arrays and @graph lists; two levels is all sites
// use, so the walks look kMaxDepth arrays deep and no further (a page of
// 100k nested arrays is a DOM the walk must not recurse through).
constexpr int kMaxDepth = 8;

// The first object, in document order, that `wanted` accepts: top level,
// array items and @graph members.
template <class Test>
const rapidjson::Value* find_object(const rapidjson::Value& v, const Test& wanted, int depth = 0) {
  if (v.IsArray()) {
    if (depth >= kMaxDepth) return nullptr;
    for (const auto& item : v.GetArray())
      if (const auto* hit = find_object(item, wanted, depth + 1)) return hit;
    return nullptr;
  }
  if (!v.IsObject()) return nullptr;
  if (wanted(v)) return &v;
  if (v.HasMember("@graph") && v["@graph"].IsArray())
    for (const auto& item : v["@graph"].GetArray())
      if (item.IsObject() && wanted(item)) return &item;
  return nullptr;
}

// A JSON-LD body as sites write it: some wrap it in CDATA or an HTML
// comment, for old XHTML parsers ("<![CDATA[ {...} ]]>", "//<![CDATA[").
std::string_view unwrapped_json(std::string_view body) {
  auto trim = [](std::string_view s) {
    return text::trim(s);
  };
  body = trim(body);
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"//<![CDATA[", "//]]>"},
                             {"<![CDATA[", "]]>"},
                             {"<!--", "-->"}}) {
    if (body.substr(0, open.size()) != open) continue;
    body.remove_prefix(open.size());
    body = trim(body);
    if (body.size() >= close.size() && body.substr(body.size() - close.size()) == close)
      body.remove_suffix(close.size());
    else if (close.substr(0, 2) != "//" && body.size() >= 5 && body.substr(body.size() - 5) == "//]]>")
      body.remove_suffix(5);
    return trim(body);
  }
  return body;
}

// Lowered words of a title, for comparing two candidates with <title>.
std::unordered_set<std::string> words_of(std::string_view s) {
  std::unordered_set<std::string> words;
  text::for_each_lowered_word(s, [&](std::string& w) { words.insert(std::move(w)); });
  return words;
}

// Share of `candidate`'s words that <title> has too.
double shared_with(std::string_view candidate, const std::unordered_set<std::string>& title_words) {
  auto words = words_of(candidate);
  if (words.empty()) return 0.0;
  std::size_t shared = 0;
  for (const auto& w : words) shared += title_words.count(w);
  return static_cast<double>(shared) / static_cast<double>(words.size());
}

// The separators that set a site's name off a title: " | ", " - ", " – ",
// " — " and the hierarchical " / ", " \ ", " > ", " » ". Each hit is the
// position of its leading space.
struct Separators {
  std::vector<std::size_t> at;
  bool hierarchical = false;
};

Separators find_separators(std::string_view title) {
  Separators found;
  for (std::size_t i = 0; i + 2 < title.size(); ++i) {
    if (title[i] != ' ') continue;
    std::string_view rest = title.substr(i + 1);
    for (std::string_view sep : {"|", "-", "\\", "/", ">", "\xc2\xbb", "\xe2\x80\x93", "\xe2\x80\x94"}) {
      if (rest.size() > sep.size() && rest.substr(0, sep.size()) == sep && rest[sep.size()] == ' ') {
        found.at.push_back(i);
        if (sep == "\\" || sep == "/" || sep == ">" || sep == "\xc2\xbb") found.hierarchical = true;
        break;
      }
    }
  }
  return found;
}

// <title> without the site's part:
//   "Headline | Section | Site"  -> "Headline | Section"  (the last part goes)
//   "Site - A headline of words" -> "A headline of words" (when the first cut
//                                    leaves under three words)
//   "Blog name: Post title here" -> "Post title here"     (unless a heading
//                                    repeats the whole <title>)
//   a <title> under 15 or over 150 characters, with one <h1>: that <h1>.
// And when what is left has four words or fewer, the whole <title> stays
// (a cut that short was more likely the title than the site's name), unless
// a hierarchical separator cut exactly one part.
std::string read_title_tag(const std::string& raw, const PageHeadings& headings) {
  const std::string whole = normalise_whitespace(raw);
  if (whole.empty()) return {};
  std::string title = whole;
  Separators seps = find_separators(whole);
  if (!seps.at.empty()) {
    title = whole.substr(0, seps.at.back());
    if (word_count(title) < 3) {
      std::size_t first = seps.at.front();
      std::size_t after = whole.find(' ', first + 1);  // past the separator itself
      title = after == std::string::npos ? whole : whole.substr(after + 1);
    }
  } else if (std::size_t colon = whole.find(": "); colon != std::string::npos) {
    bool repeated = false;
    for (const std::string& h : headings.h1_h2)
      if (normalise_whitespace(h) == whole) repeated = true;
    if (!repeated) {
      title = trimmed(whole.substr(whole.rfind(':') + 1));
      if (word_count(title) < 3)
        title = trimmed(whole.substr(colon + 1));
      else if (word_count(whole.substr(0, colon)) > 5)
        title = whole;
    }
  } else if ((whole.size() < 15 || whole.size() > 150) && headings.h1_count == 1 && !headings.lone_h1.empty()) {
    title = normalise_whitespace(headings.lone_h1);
  }
  title = normalise_whitespace(title);
  std::size_t words = word_count(title);
  if (words <= 4) {
    std::string unseparated;
    for (char c : whole)
      if (c != '|' && c != '-' && c != '\\' && c != '/' && c != '>') unseparated.push_back(c);
    if (!seps.hierarchical || words + 1 != word_count(normalise_whitespace(unseparated))) title = whole;
  }
  return title;
}

}  // namespace

void HeadReader::set_date(std::string_view raw, const char* source, int rank) {
  std::string d = iso_date(raw);
  if (d.empty() || rank >= date_rank_) return;
  date_ = std::move(d);
  date_source_ = source;
  date_rank_ = rank;
}

void HeadReader::set_url(std::string_view url, int rank) {
  std::string u = trimmed(url);
  if (u.empty() || rank >= url_rank_) return;
  stated_url_ = std::move(u);
  url_rank_ = rank;
}

// The title metas by trust (lower first). One key stated twice: the
// property= statement (RDFa, where dc: and og: belong) over a name= one,
// else the first, as later copies come from plugins.
void HeadReader::set_meta_title(std::string_view key, std::string_view content, int attribute_rank) {
  static constexpr std::string_view kTitleKeys[] = {
      "dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title", "weibo:webpage:title",
      "title",    "twitter:title", "parsely-title"};
  int rank = 0;
  for (std::string_view k : kTitleKeys) {
    if (k == key) break;
    ++rank;
  }
  if (rank == static_cast<int>(std::size(kTitleKeys))) return;
  rank = rank * 4 + attribute_rank;
  if (rank >= meta_title_rank_) return;
  std::string t = normalise_whitespace(decoded_references(content));
  if (t.empty()) return;
  meta_title_ = std::move(t);
  meta_title_rank_ = rank;
}

void HeadReader::element(const GumboElement& element) {
  Metadata& m = m_;
  switch (element.tag) {
    case GUMBO_TAG_HTML: {
      std::string lang = trimmed(attribute(element, "lang"));
      if (!lang.empty()) m.language = lang;
      break;
    }
    case GUMBO_TAG_TITLE:
      if (title_tag_.empty() && element.children.length > 0) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) title_tag_ = trimmed(child->v.text.text);
      }
      break;
    case GUMBO_TAG_META: {
      std::string content = attribute(element, "content");
      if (content.empty()) break;
      // A meta may name itself in several attributes: read each.
      int attribute_rank = 0;
      for (const char* attr : {"property", "name", "itemprop"}) {
        std::string key = meta_key(attribute(element, attr));
        ++attribute_rank;
        if (key.empty()) continue;
        set_meta_title(key, content, attribute_rank);
        if (key == "article:published_time" || key == "og:article:published_time") {
          set_date(content, "html:article:published_time", 0);
        } else if (key == "datepublished") {
          set_date(content, "html:itemprop:datePublished", 2);
        } else if (key == "pubdate" || key == "publishdate" || key == "publish-date" || key == "publish_date" ||
                   key == "date" || key == "dc:date" || key == "dc:date:issued" || key == "dcterms:date" ||
                   key == "dcterms:issued" || key == "dcterms:created" || key == "og:published_time" ||
                   key == "sailthru:date" || key == "parsely-pub-date" || key == "citation_publication_date" ||
                   key == "citation_date" || key == "article:published" || key == "article_date_original" ||
                   key == "originalpublicationdate" || key == "datecreated") {
          set_date(content, "html:meta:date", 3);
        } else if (key == "og:url") {
          set_url(content, 1);
        } else if (key == "og:locale" && m.language.empty()) {
          m.language = trimmed(content);
        }
      }
      break;
    }
    case GUMBO_TAG_LINK:
      if (lowered(attribute(element, "rel")) == "canonical") set_url(attribute(element, "href"), 0);
      break;
    case GUMBO_TAG_BASE:  // only the first counts, as in browsers
      if (base_href_.empty()) base_href_ = trimmed(attribute(element, "href"));
      break;
    case GUMBO_TAG_TIME: {
      std::string dt = attribute(element, "datetime");
      if (dt.empty()) break;
      if (meta_key(attribute(element, "itemprop")) == "datepublished")
        set_date(dt, "html:itemprop:datePublished", 2);
      else
        set_date(dt, "html:time", 4);
      break;
    }
    default: break;
  }
}

void HeadReader::finish(const std::vector<std::string>& json_ld, const PageHeadings& headings) {
  Metadata& m = m_;
  std::string ld_title;
  bool article_seen = false;
  const auto title_words = words_of(title_tag_);
  for (const std::string& body : json_ld) {
    rapidjson::Document d;
    if (!parse_json(d, unwrapped_json(body)).ok) continue;
    const rapidjson::Value* article =
        find_object(d, [](const rapidjson::Value& v) { return v.HasMember("@type") && is_article_type(v["@type"]); });
    if (!article) {
      // No article: a WebPage or an item of another type may still carry the
      // publication date (htmldate reads any datePublished).
      const rapidjson::Value* dated = find_object(d, [](const rapidjson::Value& v) {
        return v.HasMember("datePublished") && v["datePublished"].IsString();
      });
      if (dated) set_date(json_string((*dated)["datePublished"]), "html:json-ld:datePublished", 2);
      continue;
    }
    if (article_seen) continue;
    article_seen = true;
    const auto& a = *article;
    std::string headline = a.HasMember("headline") ? normalise_whitespace(json_string(a["headline"])) : std::string();
    std::string name = a.HasMember("name") ? normalise_whitespace(json_string(a["name"])) : std::string();
    if (!headline.empty() && !name.empty() && headline != name && !title_words.empty())
      ld_title = shared_with(name, title_words) > shared_with(headline, title_words) ? name : headline;
    else
      ld_title = !headline.empty() ? headline : name;
    if (a.HasMember("datePublished")) set_date(json_string(a["datePublished"]), "html:json-ld:datePublished", 1);
    else if (a.HasMember("dateCreated")) set_date(json_string(a["dateCreated"]), "html:json-ld:dateCreated", 2);
    if (a.HasMember("url")) set_url(json_string(a["url"]), 2);
    if (a.HasMember("mainEntityOfPage")) set_url(json_string(a["mainEntityOfPage"]), 3);
    if (m.language.empty() && a.HasMember("inLanguage")) m.language = json_string(a["inLanguage"]);
  }
  // A stated title is kept as stated, a site's name in it included: the
  // publisher wrote it for this article (Readability does the same).
  if (!ld_title.empty()) m.title = normalise_whitespace(decoded_references(ld_title));
  else if (!meta_title_.empty()) m.title = meta_title_;
  else if (std::string t = read_title_tag(title_tag_, headings); !t.empty()) m.title = t;
  else m.title = headings.first_h1;
  if (!stated_url_.empty()) {
    const std::string base = base_href_.empty() ? fetched_url_ : resolve_url(fetched_url_, base_href_);
    canonical_url_ = resolve_url(base, stated_url_);
  }
  // The head's own most trusted date, and the canonical URL's, as
  // candidates: the metadata stage ranks them with the layout's field and
  // the text's dates.
  if (date_source_) dates_.push_back({date_source_, std::move(date_)});
  if (!stated_url_.empty())
    if (std::string d = url_path_date(canonical_url_); !d.empty()) dates_.push_back({"html:url", std::move(d)});
}

}  // namespace winnow::html
