// Stage: extract structured metadata from a classified document.
//
// Runs after boilerplate classification, when doc.text holds the clean article
// (title line first, then body paragraphs) and the structural fields that the
// page layout gives directly (type, title, the raw Date/Place/Source/Fields of
// work values, teaser, abbreviations) are already in doc.metadata.
//
// It adds what must be read out of the prose: the dateline, the resolved date
// (field, else dateline, else "On 22 July 2022, ..." openings), speakers with
// their quotes, and figures. Disagreements between sources of the same fact
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

// `raw_date_field` is the unparsed value of the page's Date / Issued on field
// ("" when empty), and `raw_date_label` its label ("Date", "Issued on").
void extract_metadata(Document& doc, const std::string& raw_date_field = {},
                      const std::string& raw_date_label = {}, MetadataParts parts = {});

}  // namespace winnow
