// Page-head metadata: what a page says about itself, before we read it.
//
// The problem. The article's title, date, URL and language are often stated
// outright by the page, in several places that disagree a little: <title>
// carries a " | Site name" suffix, og:title does not; article:published_time
// is exact, a <time datetime> in the body may be a related story's date;
// JSON-LD NewsArticle has headline and datePublished but sits in a script.
//
// The method. Collect every source during the one tree walk (and the JSON-LD
// bodies the pre-scan kept), then decide by a fixed order of trust, the most
// specific statement first: title from og:title, JSON-LD headline, the first
// <h1>, <title>; date from article:published_time, JSON-LD datePublished,
// other publish-date metas, the first <time datetime>; URL from canonical,
// og:url, JSON-LD url; language from <html lang>, og:locale, inLanguage.
// date_source names the winner ("html:article:published_time", ...) so a
// later stage, or a person, can weigh it.
//
// The cost: a handful of string compares per <meta>, one rapidjson parse per
// JSON-LD block (a few KiB). Dates are cut to YYYY-MM-DD when they start so;
// anything else is kept as written rather than guessed at.
#include <rapidjson/document.h>

#include <cctype>

#include "html_prescan.hpp"

namespace winnow::html {
namespace {

std::string attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a ? std::string(a->value) : std::string();
}

std::string lowered(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n\f");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n\f");
  return std::string(s.substr(b, e - b + 1));
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

void set_date(Metadata& m, std::string_view raw, const char* source, int rank, int& best_rank) {
  std::string d = iso_date(raw);
  if (d.empty() || rank >= best_rank) return;
  m.date = d;
  m.date_source = source;
  best_rank = rank;
}

// Ranks make "first source wins" independent of the order tags appear in.
thread_local int g_date_rank = 100;
thread_local int g_url_rank = 100;
thread_local bool g_og_title = false;

void set_url(Metadata& m, std::string_view url, int rank) {
  std::string u = trimmed(url);
  if (u.empty() || rank >= g_url_rank) return;
  m.url = u;
  g_url_rank = rank;
}

std::string json_string(const rapidjson::Value& v) {
  if (v.IsString()) return v.GetString();
  if (v.IsObject()) {
    for (const char* key : {"@id", "url", "name"})
      if (v.HasMember(key) && v[key].IsString()) return v[key].GetString();
  }
  if (v.IsArray() && !v.Empty()) return json_string(v[0]);
  return {};
}

bool is_article_type(const rapidjson::Value& type) {
  auto one = [](std::string_view t) {
    return t == "NewsArticle" || t == "Article" || t == "BlogPosting" || t == "ReportageNews" ||
           t == "AnalysisNewsArticle" || t == "OpinionNewsArticle" || t == "LiveBlogPosting" ||
           t == "ScholarlyArticle" || t == "TechArticle" || t == "Report";
  };
  if (type.IsString()) return one(type.GetString());
  if (type.IsArray())
    for (const auto& t : type.GetArray())
      if (t.IsString() && one(t.GetString())) return true;
  return false;
}

const rapidjson::Value* find_article(const rapidjson::Value& v) {
  // JSON-LD nests articles in arrays and @graph lists; two levels is all sites use.
  if (v.IsArray()) {
    for (const auto& item : v.GetArray())
      if (const auto* hit = find_article(item)) return hit;
    return nullptr;
  }
  if (!v.IsObject()) return nullptr;
  if (v.HasMember("@type") && is_article_type(v["@type"])) return &v;
  if (v.HasMember("@graph") && v["@graph"].IsArray())
    for (const auto& item : v["@graph"].GetArray())
      if (item.IsObject() && item.HasMember("@type") && is_article_type(item["@type"])) return &item;
  return nullptr;
}

}  // namespace

void begin_page() {
  g_date_rank = g_url_rank = 100;
  g_og_title = false;
}

void read_head_element(const GumboElement& element, Metadata& m, std::string& title_tag) {
  switch (element.tag) {
    case GUMBO_TAG_HTML: {
      std::string lang = trimmed(attribute(element, "lang"));
      if (!lang.empty()) m.language = lang;
      break;
    }
    case GUMBO_TAG_TITLE:
      if (title_tag.empty() && element.children.length > 0) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) title_tag = trimmed(child->v.text.text);
      }
      break;
    case GUMBO_TAG_META: {
      std::string key = lowered(attribute(element, "property"));
      if (key.empty()) key = lowered(attribute(element, "name"));
      if (key.empty()) key = lowered(attribute(element, "itemprop"));
      std::string content = attribute(element, "content");
      if (key.empty() || content.empty()) break;
      if (key == "og:title" && !g_og_title) {
        m.title = trimmed(content);
        g_og_title = !m.title.empty();
      } else if (key == "article:published_time") {
        set_date(m, content, "html:article:published_time", 0, g_date_rank);
      } else if (key == "datepublished") {
        set_date(m, content, "html:itemprop:datePublished", 2, g_date_rank);
      } else if (key == "pubdate" || key == "publishdate" || key == "date" || key == "dc.date" ||
                 key == "dcterms.date" || key == "og:published_time" || key == "sailthru.date") {
        set_date(m, content, "html:meta:date", 3, g_date_rank);
      } else if (key == "og:url") {
        set_url(m, content, 1);
      } else if (key == "og:locale" && m.language.empty()) {
        m.language = trimmed(content);
      }
      break;
    }
    case GUMBO_TAG_LINK:
      if (lowered(attribute(element, "rel")) == "canonical") set_url(m, attribute(element, "href"), 0);
      break;
    case GUMBO_TAG_TIME: {
      std::string dt = attribute(element, "datetime");
      if (!dt.empty()) set_date(m, dt, "html:time", 4, g_date_rank);
      break;
    }
    default: break;
  }
}

void finish_head(const std::vector<std::string>& json_ld, const std::string& title_tag,
                 const std::string& first_h1, Metadata& m) {
  for (const std::string& body : json_ld) {
    rapidjson::Document d;
    d.Parse(body.c_str());
    if (d.HasParseError()) continue;
    const rapidjson::Value* article = find_article(d);
    if (!article) continue;
    const auto& a = *article;
    if (!g_og_title && a.HasMember("headline")) {
      std::string h = trimmed(json_string(a["headline"]));
      if (!h.empty()) m.title = h, g_og_title = true;
    }
    if (a.HasMember("datePublished"))
      set_date(m, json_string(a["datePublished"]), "html:json-ld:datePublished", 1, g_date_rank);
    if (a.HasMember("url")) set_url(m, json_string(a["url"]), 2);
    if (a.HasMember("mainEntityOfPage")) set_url(m, json_string(a["mainEntityOfPage"]), 3);
    if (m.language.empty() && a.HasMember("inLanguage")) m.language = json_string(a["inLanguage"]);
    break;
  }
  if (m.title.empty()) m.title = !first_h1.empty() ? first_h1 : title_tag;
}

}  // namespace winnow::html
