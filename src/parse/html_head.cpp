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

#include "html_head.hpp"
#include "json_parse.hpp"

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

// JSON-LD nests articles in arrays and @graph lists; two levels is all sites
// use, so the walk looks kMaxArticleDepth arrays deep and no further (a page
// of 100k nested arrays is a DOM the walk must not recurse through).
constexpr int kMaxArticleDepth = 8;

const rapidjson::Value* find_article(const rapidjson::Value& v, int depth = 0) {
  if (v.IsArray()) {
    if (depth >= kMaxArticleDepth) return nullptr;
    for (const auto& item : v.GetArray())
      if (const auto* hit = find_article(item, depth + 1)) return hit;
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

void HeadReader::set_date(std::string_view raw, const char* source, int rank) {
  std::string d = iso_date(raw);
  if (d.empty() || rank >= date_rank_) return;
  m_.date = d;
  m_.date_source = source;
  date_rank_ = rank;
}

void HeadReader::set_url(std::string_view url, int rank) {
  std::string u = trimmed(url);
  if (u.empty() || rank >= url_rank_) return;
  m_.url = u;
  url_rank_ = rank;
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
      std::string key = lowered(attribute(element, "property"));
      if (key.empty()) key = lowered(attribute(element, "name"));
      if (key.empty()) key = lowered(attribute(element, "itemprop"));
      std::string content = attribute(element, "content");
      if (key.empty() || content.empty()) break;
      if (key == "og:title" && !title_from_page_) {
        m.title = trimmed(content);
        title_from_page_ = !m.title.empty();
      } else if (key == "article:published_time") {
        set_date(content, "html:article:published_time", 0);
      } else if (key == "datepublished") {
        set_date(content, "html:itemprop:datePublished", 2);
      } else if (key == "pubdate" || key == "publishdate" || key == "date" || key == "dc.date" ||
                 key == "dcterms.date" || key == "og:published_time" || key == "sailthru.date") {
        set_date(content, "html:meta:date", 3);
      } else if (key == "og:url") {
        set_url(content, 1);
      } else if (key == "og:locale" && m.language.empty()) {
        m.language = trimmed(content);
      }
      break;
    }
    case GUMBO_TAG_LINK:
      if (lowered(attribute(element, "rel")) == "canonical") set_url(attribute(element, "href"), 0);
      break;
    case GUMBO_TAG_TIME: {
      std::string dt = attribute(element, "datetime");
      if (!dt.empty()) set_date(dt, "html:time", 4);
      break;
    }
    default: break;
  }
}

void HeadReader::finish(const std::vector<std::string>& json_ld, const std::string& first_h1) {
  Metadata& m = m_;
  for (const std::string& body : json_ld) {
    rapidjson::Document d;
    if (!parse_json(d, body).ok) continue;
    const rapidjson::Value* article = find_article(d);
    if (!article) continue;
    const auto& a = *article;
    if (!title_from_page_ && a.HasMember("headline")) {
      std::string h = trimmed(json_string(a["headline"]));
      if (!h.empty()) m.title = h, title_from_page_ = true;
    }
    if (a.HasMember("datePublished")) set_date(json_string(a["datePublished"]), "html:json-ld:datePublished", 1);
    if (a.HasMember("url")) set_url(json_string(a["url"]), 2);
    if (a.HasMember("mainEntityOfPage")) set_url(json_string(a["mainEntityOfPage"]), 3);
    if (m.language.empty() && a.HasMember("inLanguage")) m.language = json_string(a["inLanguage"]);
    break;
  }
  if (m.title.empty()) m.title = !first_h1.empty() ? first_h1 : title_tag_;
}

}  // namespace winnow::html
