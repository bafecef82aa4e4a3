// Site profiles for HTML: a site's own markup says where its article is.
//
// The problem. For a site we know, guessing is needless: Blogger always puts
// the post in div.post-body and its title in h3.post-title; osce.org puts the
// title in the content header's h1 and the Date / Place / Source box in a
// list. The generic classifier is good, but it cannot know that the short
// "Press release" line is a page type, or that a list of field names is
// metadata rather than navigation.
//
// The method. The profile's "html" section (profiles/README.md) names
// regions with selectors (html_selectors.cpp): "content", "title",
// "page_type", "metadata", "teaser", "drop". Each block takes the role of the most
// specific region it lies in: a dropped region beats everything, then the
// title (its first block only), the page type, metadata, and the content
// (Body). Blocks in no region are navigation when link-heavy or list items,
// chrome otherwise. When "content" is given but matches nothing, the page is
// not laid out as the profile expects (a redesign, an error page) and the
// function says so, so the caller can fall back to the generic classifier
// rather than emit an empty article.
//
// The cost: the section is parsed and its selectors validated once, when the
// profile is loaded (HtmlRegions, in the profile); per page, one linear pass
// over the elements per region. No DOM access: blocks already carry their
// element. A bad selector in a --profile file is a usage error at load,
// naming the file, the key and the selector, not a silent fallback per page.
#include <rapidjson/document.h>

#include <optional>

#include "html_regions.hpp"
#include "json_parse.hpp"
#include "winnow/html.hpp"
#include "winnow/profiles.hpp"

namespace winnow {
namespace {

// The union of the selectors listed under `key` (a string or a list), or
// nullopt when the key is absent; each selector is parsed alone first, so a
// bad one is named by itself.
bool region(const rapidjson::Value& section, const char* key, std::optional<html::Selector>& out,
            std::string* problem) {
  auto it = section.FindMember(key);
  if (it == section.MemberEnd()) return true;
  std::string joined;
  std::string error;
  auto add = [&](const rapidjson::Value& v) {
    if (!v.IsString()) return false;
    if (!html::Selector::parse(v.GetString(), &error)) return false;
    if (!joined.empty()) joined += ", ";
    joined += v.GetString();
    return true;
  };
  bool ok = it->value.IsArray() ? true : add(it->value);
  if (it->value.IsArray())
    for (const auto& v : it->value.GetArray()) ok = ok && add(v);
  if (ok) out = html::Selector::parse(joined, &error);  // "" (an empty list) is refused here
  if (!ok || !out) {
    *problem = std::string("html.") + key + ": " +
               (error.empty() ? std::string("must be a selector or a list of selectors") : error);
    return false;
  }
  return true;
}

std::optional<std::vector<char>> inside(const std::optional<html::Selector>& selector,
                                        const std::vector<HtmlElement>& elements) {
  if (!selector) return std::nullopt;
  return selector->inside(elements);
}

bool flagged(const std::optional<std::vector<char>>& r, std::uint32_t e) {
  return r && e < r->size() && (*r)[e];
}

}  // namespace

std::optional<HtmlRegions> HtmlRegions::parse(const rapidjson::Value& section, std::string* problem) {
  if (!section.IsObject()) {
    *problem = "html: must be an object of selectors";
    return std::nullopt;
  }
  HtmlRegions r;
  if (!region(section, "content", r.content, problem) || !region(section, "title", r.title, problem) ||
      !region(section, "page_type", r.page_type, problem) || !region(section, "metadata", r.metadata, problem) ||
      !region(section, "teaser", r.teaser, problem) || !region(section, "drop", r.drop, problem))
    return std::nullopt;
  return r;
}

bool classify_html_with_profile(Document& doc, std::string_view html_section, std::string* problem) {
  std::string ignored;
  if (!problem) problem = &ignored;
  if (html_section.empty()) return false;
  rapidjson::Document section;
  if (!parse_json(section, html_section).ok || !section.IsObject()) {
    *problem = "the profile's html section is not a JSON object";
    return false;
  }
  auto regions = HtmlRegions::parse(section, problem);
  if (!regions) return false;
  return classify_html_with_regions(doc, *regions, problem);
}

bool classify_html_with_profile(Document& doc, const SiteProfile& profile, std::string* problem) {
  if (!profile.html) return false;
  std::string ignored;
  return classify_html_with_regions(doc, *profile.html, problem ? problem : &ignored);
}

bool classify_html_with_regions(Document& doc, const HtmlRegions& regions, std::string* problem) {
  const auto& elements = doc.elements;
  problem->clear();
  auto content = inside(regions.content, elements);
  auto title = inside(regions.title, elements);
  auto page_type = inside(regions.page_type, elements);
  auto metadata = inside(regions.metadata, elements);
  auto teaser = inside(regions.teaser, elements);
  auto drop = inside(regions.drop, elements);
  if (content) {
    bool any = false;
    for (const Block& b : doc.blocks) any |= flagged(content, b.element);
    if (!any) {
      *problem = "the profile's content selectors match nothing on this page";
      return false;
    }
  }
  bool title_taken = false;
  for (Block& b : doc.blocks) {
    std::uint32_t e = b.element;
    bool link_heavy = b.link_density >= 0.5 || b.kind == BlockKind::ListItem || b.kind == BlockKind::ListMarker;
    Role outside = link_heavy ? Role::Navigation : Role::Chrome;
    if (flagged(drop, e)) b.role = outside;
    else if (flagged(title, e) && !title_taken) b.role = Role::Title, title_taken = true;
    else if (flagged(title, e)) b.role = Role::Chrome;  // a title split over lines: keep the first
    else if (flagged(page_type, e)) b.role = Role::PageType;
    else if (flagged(metadata, e)) b.role = Role::Metadata;
    else if (flagged(teaser, e)) b.role = Role::Teaser;
    else if (b.kind == BlockKind::ListMarker) b.role = outside;
    else if (content ? flagged(content, e) : true) b.role = Role::Body;
    else b.role = outside;
  }
  // The profile knows where the title is; an empty title slot means an
  // untitled post, not "use the blog's name from <title>".
  if (title) {
    doc.metadata.title.clear();
    for (const Block& b : doc.blocks)
      if (b.role == Role::Title) doc.metadata.title = b.text;
  }
  return true;
}

}  // namespace winnow
