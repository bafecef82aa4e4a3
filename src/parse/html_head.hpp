// Internal to the HTML stage: the page-head metadata reader that runs on
// Gumbo's tree. See html_head.cpp for the order of trust among sources.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow::html {

// Collects page-head metadata during the tree walk, then decides among the
// sources (html_head.cpp). One reader per page.
class HeadReader {
 public:
  explicit HeadReader(Metadata& metadata) : m_(metadata) {}
  // Looks at one <html>, <meta>, <link>, <title> or <time> element.
  void element(const GumboElement& element);
  // After the walk: JSON-LD articles, then the fallbacks (first <h1>, <title>).
  void finish(const std::vector<std::string>& json_ld, const std::string& first_h1);

 private:
  void set_date(std::string_view raw, const char* source, int rank);
  void set_url(std::string_view url, int rank);

  Metadata& m_;
  std::string title_tag_;
  int date_rank_ = 100;  // lower is more trusted; ranks make the order of tags irrelevant
  int url_rank_ = 100;
  bool title_from_page_ = false;  // og:title or JSON-LD headline seen
};

}  // namespace winnow::html
