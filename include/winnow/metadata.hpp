// Stage: extract structured metadata from a classified document.
//
// Runs after boilerplate classification, when doc.text holds the clean article
// (title line first, then body paragraphs) and the structural fields that the
// page layout gives directly (type, title, the raw Date/Place/Source/Fields of
// work values, teaser, abbreviations) are already in doc.metadata.
//
// It adds what must be read out of the prose: the dateline, the one date
// chosen among every source (the ranking is the one place dates are decided:
// metadata.cpp lists it), speakers with their quotes, and figures. Disagreements between sources of the same fact
// (teaser date vs body date, Date field vs dateline) go to doc.warnings.
//
//   winnow::extract_metadata(doc);
//   for (auto& s : doc.metadata.speakers) fmt::print("{}: {}\n", s.name, s.quotes.size());
#pragma once

#include "winnow/document.hpp"

namespace winnow {

// Which of the costlier passes to run: speakers and figures are most of the
// stage's time, and a caller that does not write them (dedup, `extract
// --fields id,title,date`) should not pay for them.
struct MetadataParts {
  bool speakers = true;
  bool figures = true;
};

// The dates earlier stages found are read from doc.date_candidates (a
// layout's Date field as written, "field:Date"; a page head's, "html:...";
// the URL's, "html:url"); a caller with a date field of its own adds it
// there: doc.date_candidates.push_back({"field:Date", "2 May 2019"}).
// A text over 1 MiB is read from its first MiB (a warning says so).
void extract_metadata(Document& doc, MetadataParts parts = {});

}  // namespace winnow
