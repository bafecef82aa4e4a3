// Learning a site's template: see include/winnow/profile_learn.hpp.
//
// The problem. A site winnow has no profile for keeps, on every page, lines
// that no shape test can tell from the article: a disclaimer written as a
// sentence under every post, a "This release was first published by ..."
// line, a subscription appeal. One page cannot show they are chrome; fifty
// pages of the same site can, because the article changes and they do not.
//
// The method. Each page's block texts (whitespace-normalised, list items
// as "- x") are counted once per page; after the sample, a line on at least
// max(min_pages, min_share x pages) pages is template. The profile written
// lists every template line as a chrome line (RE2-quoted, so it matches
// itself in full and nothing else), up to five of the most frequent lines
// of two or more words as text markers (three must be present), and the
// host when every page with a URL has the same one. None of trafilatura,
// Readability or jusText learns a template; boilerplate detection across
// pages of a site is an old idea (the "site style tree" of Yi, Liu and Li,
// 2003), kept here to its simplest form: identical lines.
//
// Cost: a hash-map update per block; memory one entry per distinct line.
#include "winnow/profile_learn.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "winnow/profiles.hpp"
#include "winnow/text_dump.hpp"

namespace winnow {

TemplateLearner::TemplateLearner(LearnOptions options) : options_(std::move(options)) {}

void TemplateLearner::add(const Document& page) {
  ++pages_;
  std::unordered_set<std::string> seen;
  for (const Block& b : page.blocks) {
    if (b.kind == BlockKind::ListMarker) continue;
    std::string line = normalise_whitespace(b.text);
    if (line.empty()) continue;
    if (b.kind == BlockKind::ListItem) line = "- " + line;
    if (seen.insert(line).second) ++pages_with_line_[line];
  }
  // The site's host: the address fetched, else the one the page states.
  const std::string& url = page.url.empty() ? page.canonical_url : page.url;
  if (!url.empty()) ++pages_with_host_[url_host(url)];
}

std::vector<std::string> TemplateLearner::template_lines() const {
  const double needed =
      std::max(static_cast<double>(options_.min_pages), std::ceil(options_.min_share * static_cast<double>(pages_)));
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const auto& [line, count] : pages_with_line_)
    if (static_cast<double>(count) >= needed) found.emplace_back(count, line);
  // Most frequent first; ties by text, so that the output is the same for
  // the same pages whatever the hash map's order.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> lines;
  for (auto& f : found) lines.push_back(std::move(f.second));
  return lines;
}

std::string TemplateLearner::profile_json() const {
  std::vector<std::string> lines = template_lines();
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("name"), w.String(options_.name.c_str());
  std::string description = "Learned by winnow profile learn from " + std::to_string(pages_) +
                            " pages: the lines on at least " + std::to_string(options_.min_pages) + " pages and " +
                            std::to_string(static_cast<int>(std::lround(options_.min_share * 100))) + "% of them.";
  w.Key("description"), w.String(description.c_str());
  w.Key("detect");
  w.StartObject();
  std::size_t with_url = 0;
  for (const auto& [host, count] : pages_with_host_) with_url += count;
  if (pages_with_host_.size() == 1 && with_url == pages_) {
    w.Key("hosts");
    w.StartArray();
    w.String(pages_with_host_.begin()->first.c_str());
    w.EndArray();
  }
  std::vector<std::string> markers;
  for (const std::string& line : lines) {
    if (markers.size() == 5) break;
    if (line.find(' ', line.starts_with("- ") ? 2 : 0) != std::string::npos) markers.push_back(line);
  }
  w.Key("text_markers");
  w.StartArray();
  for (const std::string& m : markers) w.String(m.c_str());
  w.EndArray();
  w.Key("min_text_markers"), w.Uint(static_cast<unsigned>(std::min<std::size_t>(3, std::max<std::size_t>(1, markers.size()))));
  w.EndObject();
  w.Key("chrome_lines");
  w.StartArray();
  for (const std::string& line : lines) {
    std::string_view text = line;
    if (text.starts_with("- ")) text.remove_prefix(2);  // chrome lines match a block's text
    w.String(RE2::QuoteMeta(text).c_str());
  }
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

}  // namespace winnow
