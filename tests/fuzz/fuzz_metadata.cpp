// Fuzz target: the metadata extractors on arbitrary text: dates, datelines,
// speakers and figures, and the stage that combines them. Spans must lie
// inside the text (a finding is a crash).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "winnow/dateline.hpp"
#include "winnow/dates.hpp"
#include "winnow/figures.hpp"
#include "winnow/metadata.hpp"
#include "winnow/speakers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string problem;
  winnow::parse_date(text, &problem);
  winnow::find_date(text);
  std::size_t consumed = 0;
  winnow::parse_dateline(text, &consumed);
  if (consumed > text.size()) std::abort();
  for (const auto& s : winnow::find_speakers(text))
    for (const auto& q : s.quotes)
      if (q.begin > q.end || q.end > text.size()) std::abort();
  for (const auto& f : winnow::find_figures(text))
    if (f.begin > f.end || f.end > text.size()) std::abort();
  winnow::Document doc;
  doc.text = text;
  doc.date_candidates.push_back({"field:Date", std::string(text.substr(0, 40))});
  winnow::extract_metadata(doc);
  return 0;
}
