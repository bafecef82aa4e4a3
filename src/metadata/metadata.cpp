// The metadata stage: from a classified article to dates, places, speakers
// and figures.
//
// The problem. A release states its date in up to four places and they do
// not always agree: seed 001's teaser says "launched on 14 September 2016"
// while its body says "13 September 2016". A single `date` must be chosen,
// and every disagreement must be visible to whoever reads the output.
//
// The method. Parse and classify only record the dates they see, as
// candidates on the record (Document::date_candidates); this stage is the
// one place that ranks them with the dates the text states. Sources are
// ranked by how deliberately they were written about this article:
//   1. the page's Date / Issued on field ("field:Date"), entered in a CMS
//      form;
//   2. the dateline ("dateline"), written by the press desk to a house
//      style: the article's own statement of its day;
//   3. the page head's most trusted date ("html:article:published_time",
//      "html:json-ld:datePublished", ... in html_head.cpp's order): the
//      page's, which on a repost or an aggregator is the day of the repost,
//      so it yields to the dateline;
//   4. an "On 22 July 2022," or "was launched on 14 September 2016"
//      statement in the lede ("body"), read only when there is no dateline;
//   5. the teaser ("teaser"), often an edited-down copy of the lede and the
//      first place a correction is forgotten;
//   6. a date in the page's URL ("html:url").
// The first source that yields a valid date wins and is named in
// `date_source`; the others are still parsed, only to be compared, and each
// disagreement with a more trusted source becomes a warning (field or head
// against the dateline, head against the lede, teaser against the lede). An
// impossible date is a warning and never a value.
//
// The dateline is looked for in the lede, else in the one or two lines after
// it when every line in front is a short photo credit, caption, "Posted by"
// line or forum subject line, which reposts keep above it.
//
// Only "on DATE" counts as a lede date: "Since June 2012" or "in 2008" in
// the body describe history, not the release.
//
// The place comes from the dateline when the page's Place field was empty.
// A mailing-list tag ("[osce-press] ...") leaves the title, and fields of
// work given on one line with commas are split into items.
// Speakers and figures are read from the whole text; their spans are byte
// offsets into doc.text, which this stage never rewrites. Abbreviations the
// text defines ("Full Name (ABBR)", "ABBR [Full Name]", "Full Name, ABBR,")
// join the tooltip ones in doc.metadata.abbreviations.
//
// Cost: a handful of date searches in the first paragraph and the teaser
// (each turned away at once when the text has no four-digit year; the
// teaser is searched once, its first date kept in case no "on DATE" is
// found), plus the linear speaker and figure passes.
#include "text_bytes.hpp"
#include "winnow/metadata.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include "winnow/abbreviations.hpp"
#include "winnow/dateline.hpp"
#include "winnow/dates.hpp"
#include "winnow/figures.hpp"
#include "winnow/speakers.hpp"

namespace winnow {
namespace {

// How many lines after the lede may hold the dateline, and how long a line
// in front of it may be (a caption or credit line, not a paragraph).
constexpr std::size_t kDatelineLookahead = 2;
constexpr std::size_t kShortLine = 160;

// A line a reposter or a gallery puts above the dateline: a photo credit or
// caption, a post header, a forum subject line. A repost note ("This
// article first appeared on ...", "Originally published on ...") is none:
// the dateline after it is the original's, not this page's (gold 024, 073).
bool caption_or_header(std::string_view line) {
  for (std::string_view lead : {"Photo", "Picture", "Image", "Caption", "Credit", "Posted ", "Re: ", "Fwd: ", "RE: "})
    if (line.starts_with(lead)) return true;
  return line.ends_with(")") && line.find('/') != std::string_view::npos && line.find('(') != std::string_view::npos;
}

std::string_view line_at(std::string_view text, std::size_t index) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index; ++i) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
  }
  auto nl = text.find('\n', pos);
  return text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
}

// A date introduced by "on" ("On 22 July 2022, ...", "was launched on 13
// September 2016"), searched in `s`. Impossible dates go to `problem`. The
// first date of `s`, introduced or not, goes to `first` and its problem to
// `first_problem` (what find_date(s) would say, without a second search).
std::optional<std::string> on_date(std::string_view s, std::string* problem,
                                   std::optional<std::string>* first = nullptr, std::string* first_problem = nullptr) {
  std::size_t from = 0;
  while (from < s.size()) {
    std::size_t b = 0, e = 0;
    std::string why;
    auto rest = s.substr(from);
    auto date = find_date(rest, &b, &e, &why);
    if (from == 0 && first) {
      *first = date;
      *first_problem = why;
    }
    if (!date && why.empty()) return std::nullopt;
    auto before = rest.substr(0, b);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    bool introduced = before.size() >= 2 &&
                      text::ascii_lower(before[before.size() - 2]) == 'o' &&
                      before.back() == 'n' &&
                      (before.size() == 2 || before[before.size() - 3] == ' ');
    if (introduced) {
      if (!date && problem) *problem = why;
      return date;
    }
    from += e;
  }
  return std::nullopt;
}

// Fields of work given on one line, "Elections, Democratization, Media
// freedom", are split as sources are: no OSCE field of work has a comma in
// its name.
void split_fields_of_work(std::vector<std::string>& fields) {
  if (std::none_of(fields.begin(), fields.end(), [](const std::string& f) { return f.find(',') != std::string::npos; }))
    return;
  std::vector<std::string> out;
  for (const auto& f : fields)
    for (std::size_t b = 0; b <= f.size();) {
      std::size_t e = f.find(',', b);
      if (e == std::string::npos) e = f.size();
      std::string_view item = std::string_view(f).substr(b, e - b);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) out.emplace_back(item);
      b = e + 1;
    }
  fields = std::move(out);
}

// Every date the page gives, in the order of trust the essay explains; the
// first valid one is `date`, named in `date_source`. All are read, so that
// each disagreement with a more trusted one becomes a warning.
void choose_date(Document& doc, std::string_view lede) {
  Metadata& m = doc.metadata;
  const DateCandidate* field = nullptr;
  const DateCandidate* head = nullptr;
  const DateCandidate* url = nullptr;
  for (const DateCandidate& c : doc.date_candidates) {  // the first of each kind
    if (c.source.starts_with("field:")) field = field ? field : &c;
    else if (c.source == "html:url") url = url ? url : &c;
    else if (c.source.starts_with("html:")) head = head ? head : &c;
  }
  std::string field_date;
  if (field) {
    std::string problem;
    if (auto d = parse_date(field->text, &problem)) field_date = *d;
    else
      doc.warnings.push_back(problem.empty() ? fmt::format("unreadable date field: {}", field->text)
                                             : fmt::format("date field: {}", problem));
  }
  const std::string dateline_date = m.dateline ? m.dateline->date : std::string{};
  const std::string head_date = head ? head->text : std::string{};
  // "On 22 July 2022," in the lede, only when there is no dateline (whose
  // own date, or its absence, says more than the lede's first "on").
  std::string body_problem, teaser_problem;
  auto body_date = m.dateline ? std::nullopt : on_date(lede, &body_problem);
  if (!body_problem.empty()) doc.warnings.push_back(fmt::format("body: {}", body_problem));
  std::optional<std::string> teaser_date;
  if (!m.teaser.empty()) {
    std::optional<std::string> first;
    std::string first_problem;
    teaser_date = on_date(m.teaser, &teaser_problem, &first, &first_problem);
    if (!teaser_date && teaser_problem.empty()) {
      teaser_date = std::move(first);
      teaser_problem = std::move(first_problem);
    }
    if (!teaser_problem.empty()) doc.warnings.push_back(fmt::format("teaser: {}", teaser_problem));
  }

  // Disagreements, each against the more trusted source.
  if (!field_date.empty() && !dateline_date.empty() && field_date != dateline_date)
    doc.warnings.push_back(fmt::format("{} date {} differs from dateline date {}", field->source, field_date, dateline_date));
  if (!head_date.empty() && !dateline_date.empty() && head_date != dateline_date)
    doc.warnings.push_back(fmt::format("{} date {} differs from dateline date {}", head->source, head_date, dateline_date));
  if (!head_date.empty() && body_date && head_date != *body_date)
    doc.warnings.push_back(fmt::format("body date {} differs from {} date {}", *body_date, head->source, head_date));
  if (teaser_date && body_date && *teaser_date != *body_date)
    doc.warnings.push_back(fmt::format("teaser date {} differs from body date {}", *teaser_date, *body_date));

  const std::pair<std::string_view, std::string_view> in_order[] = {
      {field_date, field ? std::string_view(field->source) : std::string_view{}},
      {dateline_date, "dateline"},
      {head_date, head ? std::string_view(head->source) : std::string_view{}},
      {body_date ? std::string_view(*body_date) : std::string_view{}, "body"},
      {teaser_date ? std::string_view(*teaser_date) : std::string_view{}, "teaser"},
      {url ? std::string_view(url->text) : std::string_view{}, "html:url"},
  };
  m.date.clear();
  m.date_source.clear();
  for (const auto& [date, source] : in_order)
    if (!date.empty()) {
      m.date = std::string(date);
      m.date_source = std::string(source);
      break;
    }
}

// Articles are kilobytes; a "text" of many megabytes is a dump or an attack,
// and its speakers and figures are not worth seconds per megabyte. Metadata
// is read from its head, cut at a line end (never inside a character), and
// the record says so. Spans stay offsets into doc.text: the head is a prefix.
constexpr std::size_t kMetadataTextLimit = 1u << 20;

std::size_t metadata_text_end(const std::string& text) {
  if (text.size() <= kMetadataTextLimit) return text.size();
  std::size_t cut = text.rfind('\n', kMetadataTextLimit);
  if (cut == std::string::npos || cut < kMetadataTextLimit / 2) cut = kMetadataTextLimit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

// A mailing list's subject tag, "[eurasia-l] Title": the list's name, not
// the title's. One bracketed word (no spaces, at most 40 bytes) and a space.
std::string_view without_list_tag(std::string_view title) {
  if (title.size() < 4 || title[0] != '[') return title;
  std::size_t close = title.find(']');
  if (close == std::string_view::npos || close > 41 || close + 2 >= title.size() || title[close + 1] != ' ') return title;
  if (title.substr(1, close - 1).find(' ') != std::string_view::npos) return title;
  return title.substr(close + 2);
}

void extract_metadata(Document& doc, MetadataParts parts) {
  Metadata& m = doc.metadata;
  if (std::string_view bare = without_list_tag(m.title); bare.size() != m.title.size()) {
    std::string old_title = m.title;
    m.title = std::string(bare);
    if (doc.text.starts_with(old_title) && (doc.text.size() == old_title.size() || doc.text[old_title.size()] == '\n'))
      doc.text.replace(0, old_title.size(), m.title);
  }
  split_fields_of_work(m.fields_of_work);
  const std::size_t text_end = metadata_text_end(doc.text);
  const std::string_view text = std::string_view(doc.text).substr(0, text_end);
  const std::string_view lede = line_at(text, m.title.empty() ? 0 : 1);

  // Dateline: the lede's, else one after a few short lines the layout
  // stage left in front of it on reposts (a photo credit or caption, a
  // "Posted by" line, a forum subject line).
  std::optional<Dateline> found = parse_dateline(lede);
  for (std::size_t i = (m.title.empty() ? 0 : 1) + 1, tries = 0; !found && tries < kDatelineLookahead; ++i, ++tries) {
    const std::string_view before = line_at(text, i - 1);
    if (before.size() > kShortLine || !caption_or_header(before)) break;
    const std::string_view line = line_at(text, i);
    if (line.empty()) break;
    found = parse_dateline(line);
  }
  if (auto d = std::move(found)) {
    if (d->date.empty()) {
      std::string problem;
      find_date(d->raw, nullptr, nullptr, &problem);
      if (!problem.empty()) doc.warnings.push_back(fmt::format("dateline: {}", problem));
    }
    m.dateline = std::move(*d);
  }
  choose_date(doc, lede);

  if (m.place.empty() && m.dateline) m.place = m.dateline->place;

  if (parts.speakers) m.speakers = find_speakers(text);
  if (parts.figures) m.figures = find_figures(text);

  // Abbreviations the prose defines, after the tooltip ones the layout stage
  // found; an abbreviation already known keeps its first expansion.
  for (auto& a : find_defined_abbreviations(text)) {
    bool known = false;
    for (const auto& k : m.abbreviations) known = known || k.abbr == a.abbr;
    if (!known) m.abbreviations.push_back(std::move(a));
  }
  if (text_end < doc.text.size())
    doc.warnings.push_back(
        fmt::format("metadata read from the first {} bytes of a {}-byte text", text_end, doc.text.size()));
}

}  // namespace winnow
