// Stage: parse HTML (UTF-8) into blocks, and find the article among them.
//
// parse_html drops scripts, styles and comments with a byte scan, lets Gumbo
// parse the rest, and walks the tree iteratively (no recursion: hostile pages
// nest 100,000 deep). It emits one Block per line of text the way the text
// dumps lay a page out (a paragraph, a heading, a table cell, each <li> as a
// ListItem, a <br>-separated line) with the DOM features a classifier needs,
// and records the enclosing elements in doc.elements. Page-head metadata
// (<title>, og:*, article:published_time, <time datetime>, canonical,
// JSON-LD NewsArticle, <html lang>) and <abbr title> abbreviations go into
// doc.metadata.
//
//   winnow::parse_html(doc);            // doc.body is UTF-8 HTML
//   if (!winnow::classify_html_with_profile(doc, *profile, &problem))
//     winnow::classify_html_generic(doc); // sets Role on every block
#pragma once

#include <string>
#include <string_view>

#include "winnow/document.hpp"

namespace winnow {

struct SiteProfile;

void parse_html(Document& doc);

// Generic main-content classifier, for pages no site profile knows: sets
// Role::Title / Role::Body on the article's blocks and Navigation / Chrome on
// the rest.
void classify_html_generic(Document& doc);

// Classifies by a site profile's "html" section (see profiles/README.md),
// parsed and checked when the profile was loaded: blocks under its "drop" selectors become Navigation or
// Chrome, the first block under "title" Title, blocks under "page_type"
// PageType, under "metadata" Metadata, under "teaser" Teaser, under "content"
// Body. Returns false, leaving roles alone, when the profile has no html
// section or its "content" selectors match nothing on this page (reason in
// *problem); the caller then uses classify_html_generic.
bool classify_html_with_profile(Document& doc, const SiteProfile& profile, std::string* problem = nullptr);
// The same from the section's JSON text, parsed on every call (for tests and
// one-off use); also false when the text is malformed or a selector bad.
bool classify_html_with_profile(Document& doc, std::string_view html_section, std::string* problem = nullptr);

}  // namespace winnow
