// Loading and matching site profiles.
//
// Profiles are parsed once at start-up (RE2 patterns compiled then), so the
// per-document cost is a host comparison and a pass over the block texts for
// markers. Chrome patterns of one profile are joined into one anchored RE2
// alternation: one match per line instead of one per pattern.
#include "text_bytes.hpp"
#include "winnow/profiles.hpp"

#include <re2/re2.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "html_regions.hpp"
#include "json_parse.hpp"

namespace winnow {

std::vector<std::string_view> builtin_profile_sources();  // generated at build time

namespace {

std::vector<std::string> string_list(const rapidjson::Value& obj, const char* key, std::string_view origin) {
  std::vector<std::string> out;
  if (!obj.HasMember(key)) return out;
  const rapidjson::Value& list = obj[key];
  if (!list.IsArray()) throw ProfileError(fmt::format("{}: \"{}\" must be a list of strings", origin, key));
  for (auto& v : list.GetArray()) {
    if (!v.IsString()) throw ProfileError(fmt::format("{}: \"{}\" must be a list of strings", origin, key));
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> string_map(const rapidjson::Value& obj, const char* key,
                                                            std::string_view origin) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!obj.HasMember(key)) return out;
  const rapidjson::Value& map = obj[key];
  if (!map.IsObject()) throw ProfileError(fmt::format("{}: \"{}\" must be an object of strings", origin, key));
  for (auto& m : map.GetObject()) {
    if (!m.value.IsString()) throw ProfileError(fmt::format("{}: \"{}\" values must be strings", origin, key));
    out.emplace_back(m.name.GetString(), m.value.GetString());
  }
  return out;
}

std::shared_ptr<re2::RE2> alternation(const std::vector<std::string>& patterns, std::string_view origin,
                                      const char* key) {
  if (patterns.empty()) return nullptr;
  std::string joined;
  for (auto& p : patterns) {
    if (!joined.empty()) joined += '|';
    joined += "(?:" + p + ")";
  }
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<re2::RE2>(joined, options);
  if (!re->ok()) throw ProfileError(fmt::format("{}: bad pattern in \"{}\": {}", origin, key, re->error()));
  return re;
}

}  // namespace

std::string_view SiteProfile::field_for_label(std::string_view line) const {
  for (auto& [label, field] : metadata_labels)
    if (line == label) return field;
  return {};
}

std::string_view SiteProfile::type_for_line(std::string_view line) const {
  for (auto& [name, type] : page_types)
    if (line == name) return type;
  return {};
}

bool SiteProfile::is_chrome_line(std::string_view line) const {
  return chrome_lines && re2::RE2::FullMatch(line, *chrome_lines);
}

bool SiteProfile::opens_chrome_section(std::string_view line) const {
  return chrome_sections && re2::RE2::FullMatch(line, *chrome_sections);
}

ProfileSet ProfileSet::builtin() {
  ProfileSet set;
  for (std::string_view src : builtin_profile_sources()) set.add_json(src, "built-in profile");
  return set;
}

void ProfileSet::add_json(std::string_view json, std::string_view origin) {
  rapidjson::Document d;
  JsonParseResult parsed = parse_json(d, json);
  if (!parsed.ok)
    throw ProfileError(fmt::format("{}: invalid JSON at offset {}: {}", origin, parsed.error_offset, parsed.error));
  if (!d.IsObject() || !d.HasMember("name") || !d["name"].IsString())
    throw ProfileError(fmt::format("{}: a profile is an object with a \"name\"", origin));
  SiteProfile p;
  p.name = d["name"].GetString();
  if (d.HasMember("description") && d["description"].IsString()) p.description = d["description"].GetString();
  if (d.HasMember("default_type") && d["default_type"].IsString()) p.default_type = d["default_type"].GetString();
  if (d.HasMember("official") && d["official"].IsBool()) p.official = d["official"].GetBool();
  if (d.HasMember("detect") && d["detect"].IsObject()) {
    const auto& det = d["detect"];
    p.hosts = string_list(det, "hosts", origin);
    p.host_suffixes = string_list(det, "hosts_suffix", origin);
    p.text_markers = string_list(det, "text_markers", origin);
    if (det.HasMember("min_text_markers") && det["min_text_markers"].IsUint())
      p.min_text_markers = det["min_text_markers"].GetUint();
    p.tail_markers = alternation(string_list(det, "tail_markers", origin), origin, "tail_markers");
  }
  p.page_types = string_map(d, "page_types", origin);
  p.metadata_labels = string_map(d, "metadata_labels", origin);
  p.chrome_lines = alternation(string_list(d, "chrome_lines", origin), origin, "chrome_lines");
  p.chrome_sections = alternation(string_list(d, "chrome_sections", origin), origin, "chrome_sections");
  if (d.HasMember("html")) {  // parsed and its selectors checked once, here, not per page
    std::string problem;
    auto regions = HtmlRegions::parse(d["html"], &problem);
    if (!regions) throw ProfileError(fmt::format("{}: {}", origin, problem));
    p.html = std::make_shared<const HtmlRegions>(std::move(*regions));
  }
  // A user's table replaces a built-in one of the same name.
  auto same = std::find_if(profiles_.begin(), profiles_.end(), [&](auto& q) { return q.name == p.name; });
  if (same != profiles_.end()) *same = std::move(p);
  else profiles_.push_back(std::move(p));
}

void ProfileSet::add_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ProfileError(fmt::format("{}: cannot read profile", path));
  std::stringstream ss;
  ss << in.rdbuf();
  add_json(ss.str(), path);
}

const SiteProfile* ProfileSet::find(std::string_view name) const {
  for (auto& p : profiles_)
    if (p.name == name) return &p;
  return nullptr;
}

std::string url_host(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  return text::ascii_lowered(url);
}

const SiteProfile* ProfileSet::detect(const Document& doc) const {
  // By host: the address fetched first, then the one the page claims (a
  // saved osce.org page read from disk has only its canonical link; a repost
  // fetched from a blog is the blog's, whatever its canonical says).
  for (const std::string* url : {&doc.url, &doc.canonical_url}) {
    if (url->empty()) continue;
    std::string host = url_host(*url);
    for (auto& p : profiles_) {
      if (std::find(p.hosts.begin(), p.hosts.end(), host) != p.hosts.end()) return &p;
      for (auto& suffix : p.host_suffixes)
        if (host.ends_with(suffix)) return &p;
    }
  }
  const SiteProfile* best = nullptr;
  std::size_t best_count = 0;
  for (auto& p : profiles_) {
    if (p.text_markers.empty()) continue;
    std::size_t count = 0;
    for (auto& marker : p.text_markers) {
      bool is_item = marker.starts_with("- ");
      std::string_view want = is_item ? std::string_view(marker).substr(2) : std::string_view(marker);
      for (auto& b : doc.blocks)
        if (b.text == want && (!is_item || b.kind == BlockKind::ListItem)) { ++count; break; }
    }
    if (count >= p.min_text_markers && count > best_count) best = &p, best_count = count;
  }
  if (best) return best;
  // Tail markers: chrome that only one kind of site writes after the article.
  for (auto& p : profiles_) {
    if (!p.tail_markers) continue;
    std::size_t seen = 0;
    for (auto b = doc.blocks.rbegin(); b != doc.blocks.rend() && seen < 12; ++b, ++seen)
      if (re2::RE2::FullMatch(b->text, *p.tail_markers)) return &p;
  }
  return nullptr;
}

}  // namespace winnow
