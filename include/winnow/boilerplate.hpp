// Stage: decide which blocks are the article and which are boilerplate.
//
// Works on the blocks of a text dump, and on HTML blocks of a page whose site
// profile is known (parse_html emits list items and paragraphs the way a
// flattener writes them, so one classifier serves both). Pages no profile
// knows go to the generic HTML classifier (html.hpp) instead.
//
// The layout's own fields go to doc.metadata (type, title, place, sources,
// fields of work, teaser); its Date / Issued on value, as written, goes to
// doc.date_candidates for the metadata stage to parse and rank.
//
//   winnow::classify_boilerplate(doc, profiles);
//   winnow::assemble_text(doc);       // doc.text = title + body, one per line
//   winnow::extract_metadata(doc);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/document.hpp"
#include "winnow/profiles.hpp"

namespace winnow {

// With `require_anchors`, a page without a page-type line or a metadata box
// is left untouched and false returned, so an HTML page can go to its
// profile's selectors or to the generic classifier instead. Otherwise always
// classifies and returns true.
bool classify_boilerplate(Document& doc, const ProfileSet& profiles, bool require_anchors = false);

// The same for a caller that has already run profiles.detect(doc) (null: no
// profile matched), so the blocks are not scanned for markers twice.
bool classify_boilerplate(Document& doc, const ProfileSet& profiles, const SiteProfile* profile,
                          bool require_anchors = false);

// Joins Title and Body blocks, one per line, into doc.text, and counts what
// was removed into doc.removed.
void assemble_text(Document& doc);

// Repairs an abbreviation tooltip that a flattener spelled out after the
// abbreviation: "NGONGO" + "non-governmental organization activists" becomes
// "NGO activists" and {NGO, non-governmental organization}. `line` ends with
// the doubled abbreviation; `next` starts with the expansion. Returns false
// when they are not such a pair.
bool repair_abbreviation_tooltip(std::string& line, std::string& next, Abbreviation* found);

}  // namespace winnow
