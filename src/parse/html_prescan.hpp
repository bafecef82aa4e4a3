// Internal to the HTML stage: the byte scan that runs before Gumbo. See
// html_prescan.cpp for why it exists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::html {

struct Prescanned {
  std::string html;                  // the page without scripts, styles, comments, svg
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
};

Prescanned prescan_html(std::string_view page);

}  // namespace winnow::html
