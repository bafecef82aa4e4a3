// Internal to the HTML stage: CSS-like selectors over Document::elements, for
// the "html" section of site profiles. See html_selectors.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow::html {

class Selector {
 public:
  // "div.post-body", "div.content-header h1", "#main > p", "h2.date-header, time".
  // Returns nullopt, with a reason in *error, for anything else.
  static std::optional<Selector> parse(std::string_view text, std::string* error);

  bool matches(const std::vector<HtmlElement>& elements, std::uint32_t e) const;

  // For every element: does it, or one of its ancestors, match? One pass,
  // since elements come in document order (parents before children).
  std::vector<char> inside(const std::vector<HtmlElement>& elements) const;

 private:
  struct Compound {
    std::string tag;                   // empty: any tag
    std::vector<std::string> classes;  // all must be present
    std::string id;                    // empty: any id
    bool child_of_previous = false;    // joined to the compound before by '>'
  };
  using Chain = std::vector<Compound>;  // outermost first

  static bool matches_compound(const Compound& c, const HtmlElement& e);
  bool matches_chain(const Chain& chain, const std::vector<HtmlElement>& elements, std::uint32_t e) const;

  std::vector<Chain> alternatives_;  // comma-separated selectors
};

}  // namespace winnow::html
