// Site knowledge as data: one JSON table per site (profiles/*.json).
//
// The engine knows page layouts in general (a navigation run, a page-type
// line, a title, a metadata box of "Label:" items, a body, trailing chrome);
// a profile tells it, for one site, which words fill those slots: the page
// type names, the metadata labels and the fields they map to, the chrome lines
// to drop, and how to recognise the site. A new site is a new table, not new
// code: see profiles/README.md for the format.
//
//   winnow::ProfileSet profiles = winnow::ProfileSet::builtin();
//   profiles.add_file("my-site.json");          // throws ProfileError on a bad table
//   const winnow::SiteProfile* p = profiles.detect(doc);
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "winnow/document.hpp"

namespace re2 { class RE2; }

namespace winnow {

struct HtmlRegions;  // the parsed "html" section (src/classify/html_regions.hpp)

struct ProfileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SiteProfile {
  std::string name;
  std::string description;
  std::string default_type;                 // page type when no type line is found
  bool official = false;                    // the site publishes originals (dedup prefers them)
  std::vector<std::string> hosts;           // exact URL hosts
  std::vector<std::string> host_suffixes;   // ".blogspot.com"
  std::vector<std::string> text_markers;    // lines whose presence suggests the site
  std::size_t min_text_markers = 1;
  std::shared_ptr<re2::RE2> tail_markers;   // a line near the end that proves the site
  std::vector<std::pair<std::string, std::string>> page_types;       // "Press release" -> "press_release"
  std::vector<std::pair<std::string, std::string>> metadata_labels;  // "Date:" -> "date"
  std::shared_ptr<re2::RE2> chrome_lines;   // full-line patterns of site chrome
  std::shared_ptr<re2::RE2> chrome_sections;  // full-line patterns opening the trailing chrome (press contacts)
  std::shared_ptr<const HtmlRegions> html;  // the "html" section, parsed and checked at load; null: none

  // The mapped field for a metadata label line ("Date:" -> "date"), or "".
  std::string_view field_for_label(std::string_view line) const;
  // The page type for a type line ("News Item" -> "news_item"), or "".
  std::string_view type_for_line(std::string_view line) const;
  bool is_chrome_line(std::string_view line) const;
  // True for a line that opens the page's trailing section ("Contacts"):
  // it and every line after it are chrome.
  bool opens_chrome_section(std::string_view line) const;
};

class ProfileSet {
 public:
  static ProfileSet builtin();
  void add_json(std::string_view json, std::string_view origin);
  void add_file(const std::string& path);

  // The profile whose host matches doc.url, else doc.canonical_url's, else the one with most text
  // markers among the blocks (at least its minimum), else a tail marker.
  const SiteProfile* detect(const Document& doc) const;
  const std::vector<SiteProfile>& all() const { return profiles_; }
  // The profile of that name, or null.
  const SiteProfile* find(std::string_view name) const;

 private:
  std::vector<SiteProfile> profiles_;
};

// URL host, lower-cased, without port: "https://www.osce.org/x" -> "www.osce.org".
std::string url_host(std::string_view url);

}  // namespace winnow
