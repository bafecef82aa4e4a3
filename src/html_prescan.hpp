// Internal to the HTML stage: the byte scan that runs before Gumbo, and the
// page-head reader that runs on Gumbo's tree. See html_prescan.cpp and
// html_head.cpp for why each exists.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow::html {

struct Prescanned {
  std::string html;                  // the page without scripts, styles, comments, svg
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
};

Prescanned prescan_html(std::string_view page);

// Forgets which metadata sources were seen; call once per page.
void begin_page();

// Fills doc.metadata from one <meta>, <link>, <title>, <time> or <html>
// element met during the tree walk; returns true if it consumed the element.
void read_head_element(const GumboElement& element, Metadata& metadata, std::string& title_tag);

// After the walk: JSON-LD articles, then the fallbacks (h1, <title>).
void finish_head(const std::vector<std::string>& json_ld, const std::string& title_tag,
                 const std::string& first_h1, Metadata& metadata);

}  // namespace winnow::html
