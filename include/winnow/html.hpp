// Stage: parse HTML (UTF-8) into blocks, and find the article among them.
//
// parse_html walks the Gumbo tree iteratively (no recursion: hostile pages
// nest 100,000 deep) and emits one Block per text-bearing block element, in
// document order, with the DOM features the classifier needs. Page-head
// metadata (<title>, og:*, article:published_time, <time datetime>,
// canonical, JSON-LD NewsArticle, <html lang>) goes into doc.metadata.
//
//   winnow::parse_html(doc);            // doc.body is UTF-8 HTML
//   winnow::classify_html_generic(doc); // sets Role on every block
#pragma once

#include "winnow/document.hpp"

namespace winnow {

void parse_html(Document& doc);

// Generic main-content classifier, for pages no site profile knows: sets
// Role::Title / Role::Body on the article's blocks and Navigation / Chrome on
// the rest.
void classify_html_generic(Document& doc);

}  // namespace winnow
