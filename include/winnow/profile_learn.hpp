// Learning a site's template from its pages: `winnow profile learn`.
//
// A scraped corpus holds many pages of each site, and what a site repeats
// on every page (its menu, its footer, its share line, a disclaimer under
// every post) is its template, whatever the words. TemplateLearner counts,
// over a sample of one site's pages, on how many pages each line appears;
// a line on at least `min_share` of them (and on `min_pages` at least) is
// template, and the learned profile lists those lines as chrome, with the
// most frequent as the site's markers, so that `--profile` finds and strips
// them on every page of the site. Article lines are unique to their page
// and never reach the share.
//
//   winnow::TemplateLearner learner({.name = "peace-blog"});
//   for (const winnow::Document& page : pages)  // decoded and parsed (blocks)
//     learner.add(page);
//   std::string json = learner.profile_json();  // what --profile reads
//
// Memory: one counter per distinct line of the sample (a few per page
// beyond the template), not the pages.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "winnow/document.hpp"

namespace winnow {

struct LearnOptions {
  std::string name = "learned";  // the profile's name (the `profile` field of records)
  double min_share = 0.5;        // a template line is on at least this share of the pages
  std::size_t min_pages = 3;     // and on at least this many
};

class TemplateLearner {
 public:
  explicit TemplateLearner(LearnOptions options = {});

  // One page of the site, parsed: its block texts are counted once each.
  void add(const Document& page);
  std::size_t pages() const { return pages_; }

  // The template's lines, most frequent first ("- x" for a list item x).
  std::vector<std::string> template_lines() const;
  // A site profile (profiles/README.md): its chrome_lines are the template
  // lines, its text_markers the most frequent of them, and its hosts the
  // hosts of the pages' URLs when they all share one.
  std::string profile_json() const;

 private:
  LearnOptions options_;
  std::size_t pages_ = 0;
  std::unordered_map<std::string, std::size_t> pages_with_line_;
  std::unordered_map<std::string, std::size_t> pages_with_host_;
};

}  // namespace winnow
