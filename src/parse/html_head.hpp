// Internal to the HTML stage: the page-head metadata reader that runs on
// Gumbo's tree. See html_head.cpp for the order of trust among sources.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow::html {

// What the walk saw of the page's top headings, for reading <title>: the
// text of the first <h1>/<h2>s (at most kMaxHeadings) and how many <h1>s.
struct PageHeadings {
  static constexpr std::size_t kMaxHeadings = 64;
  std::string first_h1;  // not a linked one (a masthead's site name)
  std::string lone_h1;   // the first <h1>, linked or not
  std::vector<std::string> h1_h2;
  std::size_t h1_count = 0;
};

// Collects page-head metadata during the tree walk, then decides among the
// sources (html_head.cpp). One reader per page.
class HeadReader {
 public:
  // Title and language go to `metadata`; `canonical_url` receives the page's
  // own address, resolved against its <base href> and `fetched_url`
  // (untouched when the page states none); the dates the head states go to
  // `dates`, for the metadata stage to rank with the text's own.
  HeadReader(Metadata& metadata, std::string& canonical_url, std::string_view fetched_url,
             std::vector<DateCandidate>& dates)
      : m_(metadata), canonical_url_(canonical_url), fetched_url_(fetched_url), dates_(dates) {}
  // Looks at one <html>, <meta>, <link>, <title> or <time> element.
  void element(const GumboElement& element);
  // After the walk: JSON-LD articles, then the fallbacks (<title> read
  // against the page's headings, then the first <h1>).
  void finish(const std::vector<std::string>& json_ld, const PageHeadings& headings);

 private:
  void set_date(std::string_view raw, const char* source, int rank);
  void set_url(std::string_view url, int rank);
  void set_meta_title(std::string_view key, std::string_view content, int attribute_rank);

  Metadata& m_;
  std::string& canonical_url_;
  std::string fetched_url_;
  std::string stated_url_;  // the most trusted of the page's statements of its address, as written
  std::string base_href_;   // the first <base href>, as written
  std::vector<DateCandidate>& dates_;
  std::string date_;         // the most trusted head date so far (set_date), ISO 8601
  const char* date_source_ = nullptr;
  std::string title_tag_;
  int date_rank_ = 100;  // lower is more trusted; ranks make the order of tags irrelevant
  int url_rank_ = 100;
  std::string meta_title_;  // the most trusted of the title metas (set_meta_title)
  int meta_title_rank_ = 1000;
};

}  // namespace winnow::html
