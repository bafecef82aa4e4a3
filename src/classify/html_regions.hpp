// Internal to the classify stage: a site profile's "html" section, parsed
// and validated once when the profile is loaded (profiles.cpp), applied to
// every page by html_profile.cpp. See profiles/README.md for the section.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "html_selectors.hpp"

namespace winnow {

struct HtmlRegions {
  // Each key's selectors, joined into one (their union); nullopt: the key is absent.
  std::optional<html::Selector> content, title, page_type, metadata, teaser, drop;

  // The section, or nullopt with a reason naming the key and the selector
  // ("html.content: ... in selector \"a[href]\"") in *problem.
  static std::optional<HtmlRegions> parse(const rapidjson::Value& section, std::string* problem);
};

// classify_html_with_profile (html.hpp) on parsed regions.
bool classify_html_with_regions(Document& doc, const HtmlRegions& regions, std::string* problem);

}  // namespace winnow
