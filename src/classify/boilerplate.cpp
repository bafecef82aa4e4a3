// Boilerplate classification for laid-out pages.
//
// The problem: a scraped page is mostly not the article. On osce.org the
// navigation menu alone is ~170 lines of "- item" before a 10-line article,
// and it differs slightly from page to page (the Chairpersonship moves), so a
// fixed list of menu lines would rot. Blog reposts add their own chrome after
// the text ("No comments:", "Post a Comment").
//
// The method: read the page as a layout of slots rather than line by line:
//
//   navigation lists | page-type line | title | teaser? | metadata box | body | chrome
//
// Anchors are found first, from the site profile's vocabulary: the metadata
// box (a list item that is a known label such as "Date:"), and the page-type
// line ("Press release"). Everything in list runs before the article start is
// navigation, whatever its words, which is why menu drift does not matter.
// The title is the line after the page type; lines between title and box are
// the teaser. The body is what follows the box, minus lines that the profile's
// chrome patterns match in full. Pages without anchors (a blog repost dump,
// an aggregator, a forum) are read by their prose instead: the longest run
// of prose lines is the article, the heading-like line above it the title,
// the rest the site (boilerplate_unanchored.cpp).
//
// Why slots and not a per-line scorer (jusText-style): on flattened text the
// per-line features that scorers rely on (link density, tags) are gone, and
// the line lengths of menus and metadata values look like short body lines.
// The layout is what is left, and it is stable per site.
//
// Cost: two passes over the blocks and one RE2 full match per body line.
#include "text_bytes.hpp"
#include "winnow/boilerplate.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <optional>

#include "boilerplate_unanchored.hpp"
#include "deadline.hpp"
#include "winnow/dateline.hpp"
#include "winnow/dates.hpp"
#include "winnow/text_dump.hpp"

namespace winnow {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_list(const Block& b) { return b.kind == BlockKind::ListItem || b.kind == BlockKind::ListMarker; }

std::string_view field_for_label(const SiteProfile* profile, const ProfileSet& all, std::string_view text) {
  if (profile) return profile->field_for_label(text);
  for (auto& p : all.all())
    if (auto f = p.field_for_label(text); !f.empty()) return f;
  return {};
}

std::string_view type_for_line(const SiteProfile* profile, const ProfileSet& all, std::string_view text) {
  if (profile) return profile->type_for_line(text);
  for (auto& p : all.all())
    if (auto t = p.type_for_line(text); !t.empty()) return t;
  return {};
}

// "A (closed), B" -> {A, closed}, {B}. Splits at ", " followed by a capital,
// so names with inner commas in lower case stay whole.
std::vector<SourceEntry> parse_sources(std::string_view value) {
  std::vector<SourceEntry> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    bool split = i == value.size() ||
                 (value[i] == ',' && i + 2 < value.size() && value[i + 1] == ' ' &&
                  std::isupper(static_cast<unsigned char>(value[i + 2])));
    if (!split) continue;
    std::string name = normalise_whitespace(value.substr(start, i - start));
    start = i + 2;
    if (name.empty()) continue;
    SourceEntry e;
    if (name.ends_with("(closed)")) {
      e.closed = true;
      name = normalise_whitespace(std::string_view(name).substr(0, name.size() - 8));
    }
    e.name = std::move(name);
    out.push_back(std::move(e));
  }
  return out;
}

struct Box {
  std::size_t begin = kNone, end = kNone;  // [begin, end)
};

Box find_metadata_box(const Document& doc, const SiteProfile* profile, const ProfileSet& all) {
  Box box;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::ListItem && !field_for_label(profile, all, b.text).empty()) {
      box.begin = i;
      break;
    }
  }
  if (box.begin == kNone) return box;
  box.end = box.begin;
  while (box.end < doc.blocks.size() && is_list(doc.blocks[box.end])) ++box.end;
  return box;
}

void read_metadata_box(Document& doc, const Box& box, const SiteProfile* profile, const ProfileSet& all) {
  std::string_view field;
  std::string place;
  // The Date / Issued on item, as written: the metadata stage parses it
  // and ranks it with the other dates.
  std::string date_label, raw_date;
  for (std::size_t i = box.begin; i < box.end; ++i) {
    Block& b = doc.blocks[i];
    b.role = Role::Metadata;
    if (b.kind != BlockKind::ListItem) continue;
    if (auto f = field_for_label(profile, all, b.text); !f.empty()) {
      field = f;
      if (field == "date") {
        date_label = b.text.substr(0, b.text.size() - 1);  // drop the colon
        raw_date.clear();
      }
      continue;
    }
    if (field == "date") {
      if (!raw_date.empty()) raw_date += ' ';
      raw_date += b.text;
    } else if (field == "place") {
      if (!place.empty()) place += ", ";
      place += b.text;
    } else if (field == "sources") {
      for (auto& s : parse_sources(b.text)) doc.metadata.sources.push_back(std::move(s));
    } else if (field == "fields_of_work") {
      doc.metadata.fields_of_work.push_back(b.text);
    }
  }
  // "KHMELNYTSKY" -> "Khmelnytsky", "SHKODËR" -> "Shkodër".
  if (!place.empty()) doc.metadata.place = title_case_if_shouting(place);
  if (!raw_date.empty()) doc.date_candidates.push_back({"field:" + (date_label.empty() ? std::string("Date") : date_label), std::move(raw_date)});
}

// A title line of a text dump ends like no sentence and no clause: a line
// ending in a comma or a semicolon is prose broken over lines.
bool ends_like_sentence_or_clause(std::string_view s) {
  return text::ends_like_sentence(s) || s.ends_with(",") || s.ends_with(";");
}

std::string strip_ellipsis(std::string s) {
  for (std::string_view end : {"...", "\xE2\x80\xA6"})
    if (s.ends_with(end)) s.erase(s.size() - end.size());
  return normalise_whitespace(s);
}

// Long runs of short list items at the edges of a page with no anchors.
void mark_edge_navigation(Document& doc, std::size_t from, std::size_t to) {
  std::size_t i = from;
  while (i < to) {
    if (!is_list(doc.blocks[i])) { ++i; continue; }
    std::size_t j = i, chars = 0, items = 0;
    while (j < to && is_list(doc.blocks[j])) chars += doc.blocks[j].text.size(), items += 1, ++j;
    if (items >= 5 && chars / items <= 60)
      for (std::size_t k = i; k < j; ++k) doc.blocks[k].role = Role::Navigation;
    i = j;
  }
}

// Tooltip pairs: a line ending in "NGONGO" continued by its expansion.
void repair_tooltips(Document& doc) {
  Block* prev = nullptr;
  for (Block& b : doc.blocks) {
    poll_deadline();
    if (b.role != Role::Body) continue;
    if (prev) {
      Abbreviation abbr;
      if (repair_abbreviation_tooltip(prev->text, b.text, &abbr)) {
        b.role = Role::Artifact;
        doc.metadata.abbreviations.push_back(std::move(abbr));
        continue;  // prev keeps absorbing: it now holds the joined sentence
      }
    }
    prev = &b;
  }
}

}  // namespace

bool classify_boilerplate(Document& doc, const ProfileSet& profiles, bool require_anchors) {
  return classify_boilerplate(doc, profiles, profiles.detect(doc), require_anchors);
}

bool classify_boilerplate(Document& doc, const ProfileSet& profiles, const SiteProfile* profile, bool require_anchors) {
  auto& blocks = doc.blocks;
  const std::size_t n = blocks.size();

  Box box = find_metadata_box(doc, profile, profiles);
  std::size_t type_at = kNone;
  std::size_t search_end = box.begin == kNone ? n : box.begin;
  for (std::size_t i = 0; i < search_end; ++i) {
    if (is_list(blocks[i])) continue;
    if (!type_for_line(profile, profiles, blocks[i].text).empty()) {
      type_at = i;
      break;
    }
  }
  if (require_anchors && type_at == kNone && box.begin == kNone) return false;
  if (profile) doc.profile = profile->name;
  if (type_at != kNone) {
    doc.metadata.type = std::string(type_for_line(profile, profiles, blocks[type_at].text));
    blocks[type_at].role = Role::PageType;
  }

  // No anchors: the article is found by its prose (boilerplate_unanchored.cpp).
  const bool unanchored = type_at == kNone && box.begin == kNone;
  UnanchoredArticle prose_run;
  if (unanchored) prose_run = find_unanchored_article(doc);
  const bool by_prose = prose_run.begin != UnanchoredArticle::kNone;

  std::size_t title_at = kNone;
  if (by_prose) {
    title_at = prose_run.title;
  } else if (type_at != kNone) {
    for (std::size_t i = type_at + 1; i < search_end; ++i)
      if (!is_list(blocks[i])) { title_at = i; break; }
  } else {
    for (std::size_t i = 0; i < search_end; ++i) {
      if (blocks[i].kind == BlockKind::Heading) { title_at = i; break; }
    }
    if (title_at == kNone) {
      std::size_t first = 0;
      while (first < search_end && is_list(blocks[first])) ++first;
      // A date alone above the title is a blog's date header
      // ("Monday, December 13, 2021"): the date of the post, not its title.
      if (first + 1 < search_end && parse_date(blocks[first].text)) {
        blocks[first].role = Role::Metadata;
        ++first;
        while (first < search_end && is_list(blocks[first])) ++first;
      }
      if (first < search_end) {
        const std::string& t = blocks[first].text;
        std::size_t words = word_count(t);
        bool followed = first + 1 < n;
        if (words >= 2 && words <= 30 && !ends_like_sentence_or_clause(t) && followed) title_at = first;
      }
    }
  }
  if (title_at != kNone) {
    blocks[title_at].role = Role::Title;
    doc.metadata.title = blocks[title_at].text;
  }

  // Article start: the first of the anchors. Everything before it is the
  // page header: menus, and the sub-menu headings a flattener puts on lines
  // of their own after a bare "-".
  std::size_t article_start = std::min({type_at, title_at, box.begin, n});
  bool anchored = article_start != n && (type_at != kNone || box.begin != kNone);
  if (anchored) {
    for (std::size_t i = 0; i < article_start; ++i) blocks[i].role = Role::Navigation;
  }

  // Teaser: lines between the title and the metadata box (news items).
  if (title_at != kNone && box.begin != kNone && title_at < box.begin) {
    std::string teaser;
    for (std::size_t i = title_at + 1; i < box.begin; ++i) {
      if (is_list(blocks[i])) continue;
      blocks[i].role = Role::Teaser;
      if (!teaser.empty()) teaser += ' ';
      teaser += blocks[i].text;
    }
    doc.metadata.teaser = strip_ellipsis(std::move(teaser));
  }

  if (box.begin != kNone) read_metadata_box(doc, box, profile, profiles);

  std::size_t body_start = box.end != kNone ? box.end : (title_at != kNone ? title_at + 1 : 0);
  if (by_prose) {
    // Before the article and after it: the site. Inside: the article, less
    // what is chrome by shape or by the profile's lines.
    body_start = prose_run.begin;
    for (std::size_t i = 0; i < n; ++i) {
      Block& b = blocks[i];
      if (i == title_at) continue;
      if (i < prose_run.begin && !is_list(b) && parse_date(b.text)) b.role = Role::Metadata;  // the post's date
      else if (i < prose_run.begin || i >= prose_run.end) b.role = is_list(b) ? Role::Navigation : Role::Chrome;
      else if (is_chrome_by_shape(b)) b.role = Role::Chrome;
    }
  }
  if (!anchored) mark_edge_navigation(doc, 0, n);
  // A list right after a chrome line is that widget's content ("Related
  // content" and its headlines), not a list of the article's.
  // A line that opens the trailing section (press contacts) takes the rest.
  bool after_chrome = false, in_section = false;
  for (std::size_t i = body_start; i < n; ++i) {
    Block& b = blocks[i];
    if (b.role != Role::Unclassified) continue;
    if (b.kind == BlockKind::ListMarker) { b.role = Role::Navigation; continue; }
    in_section = in_section || (profile && profile->opens_chrome_section(b.text));
    if (in_section || (after_chrome && b.kind == BlockKind::ListItem)) { b.role = Role::Chrome; continue; }
    after_chrome = profile && profile->is_chrome_line(b.text);
    b.role = after_chrome ? Role::Chrome : Role::Body;
  }
  // Anything still unclassified sits between anchors without a slot: keep it
  // only if it reads like prose, so nothing of an unusual article is lost.
  for (std::size_t i = 0; i < n; ++i) {
    Block& b = blocks[i];
    if (b.role != Role::Unclassified) continue;
    b.role = (!is_list(b) && word_count(b.text) >= 8) ? Role::Body : Role::Navigation;
  }

  repair_tooltips(doc);

  if (doc.metadata.type.empty()) {
    if (profile && !profile->default_type.empty()) doc.metadata.type = profile->default_type;
  }
  return true;
}

void assemble_text(Document& doc) {
  std::string text;
  RemovalCounts removed;
  bool have_title_block = false;
  for (const Block& b : doc.blocks) {
    switch (b.role) {
      case Role::Title: have_title_block = true; [[fallthrough]];
      case Role::Body:
        if (!text.empty()) text += '\n';
        text += b.text;
        break;
      case Role::Navigation: ++removed.navigation; break;
      case Role::Chrome: ++removed.chrome; break;
      case Role::Metadata:
      case Role::PageType: ++removed.metadata; break;
      case Role::Teaser: ++removed.teaser; break;
      case Role::Artifact: ++removed.artifacts; break;
      case Role::Unclassified: ++removed.navigation; break;
    }
  }
  // HTML pages often carry the title only in the head.
  if (!have_title_block && !doc.metadata.title.empty() && doc.format == InputFormat::Html)
    text = doc.metadata.title + (text.empty() ? "" : "\n") + text;
  doc.text = std::move(text);
  doc.removed = removed;
}

}  // namespace winnow
