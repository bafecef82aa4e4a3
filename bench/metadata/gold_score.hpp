// Scoring the metadata stage against the hand-labelled gold set.
//
// The problem. "It works on the seeds" says little about the next thousand
// releases; fixtures/gold/ holds documents written to cover every dateline,
// date, quote and figure shape we claim to handle, plus hard negatives, each
// with a hand-written NNN.json of what should come out. This header turns a
// run of `extract_metadata` over that set into precision, recall and F1 per
// field, so that the bench program prints them and a doctest asserts them.
//
// The method. Each document is rebuilt as the boilerplate stage would hand
// it over (text from NNN.txt, title = first line, type/teaser/date field from
// the JSON), extracted, and compared field by field:
//  - single-valued fields (date, place, dateline) count a true positive when
//    prediction and gold agree, a false positive for any other prediction,
//    a false negative for any gold value not predicted exactly;
//  - speakers are scored as (name, quote) pairs and figures as (value,
//    counts) pairs, matched as multisets. Quotes are compared after removing
//    quote marks, collapsing whitespace and trailing punctuation, and
//    ignoring case; counts after trimming and ignoring case. Honorifics,
//    roles and verbs are scored the same way as secondary fields
//    (name+honorific, name+role, name+quote+verb).
//  - abbreviations defined in the text, where a document labels them, as
//    (abbreviation, expansion) pairs, the expansion ignoring case.
//
// Full pages (fixtures/gold_pages/): a JSON with an "article" key describes
// a whole page as the scraper dumped it (menus, page-type line, metadata box,
// footer). Such a page goes through the whole extraction line
// (`winnow::Extractor` with the bundled profiles, what `winnow extract`
// runs), and what the layout stage decides is scored too: type, title and
// text (the clean article, exact) as single values, teaser when the page has
// one, and sources (name plus "(closed)" flag) and fields of work as sets of
// items compared exactly after whitespace trim.
//
// Header-only so that bench/metadata/metadata_score.cpp and the unit tests share the
// exact logic without a library target of their own.
#pragma once

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "winnow/extract.hpp"
#include "winnow/metadata.hpp"
#include "winnow/text_dump.hpp"

namespace winnow::gold {

struct Tally {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// One line per mismatch, for humans reading the bench output.
struct Report {
  std::map<std::string, Tally> fields;
  std::vector<std::string> misses;
  std::size_t documents = 0;
  std::size_t pages = 0;  // of which whole pages
};

inline std::string lower_trim(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

inline std::string normalise_quote(std::string_view s) {
  std::string out = lower_trim(s);
  for (std::string_view mark : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\""}) {
    for (auto pos = out.find(mark); pos != std::string::npos; pos = out.find(mark)) out.erase(pos, mark.size());
  }
  while (!out.empty() && std::string_view(" .,;:!?").find(out.back()) != std::string_view::npos) out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

inline void single(Tally& t, const std::string& predicted, const std::string& gold) {
  if (!predicted.empty() && predicted == gold) ++t.tp;
  else {
    if (!predicted.empty()) ++t.fp;
    if (!gold.empty()) ++t.fn;
  }
}

// Multiset comparison of keys; mismatches go to `misses`.
inline void pairs(Tally& t, std::vector<std::string> predicted, std::vector<std::string> gold,
                  const std::string& where, std::vector<std::string>& misses) {
  std::multiset<std::string> g(gold.begin(), gold.end());
  for (auto& p : predicted) {
    auto it = g.find(p);
    if (it != g.end()) {
      ++t.tp;
      g.erase(it);
    } else {
      ++t.fp;
      misses.push_back(fmt::format("{} extra: {}", where, p));
    }
  }
  for (auto& m : g) {
    ++t.fn;
    misses.push_back(fmt::format("{} missed: {}", where, m));
  }
}

inline std::string str(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject() || !v.HasMember(key) || !v[key].IsString()) return {};
  return v[key].GetString();
}

inline std::string figure_key(double value, const std::string& counts) {
  return fmt::format("{:g}|{}", value, lower_trim(counts));
}

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Builds the Document the boilerplate stage would produce, and extracts.
inline Document extract(const std::string& text, const rapidjson::Value& g) {
  Document doc;
  doc.text = text;
  while (!doc.text.empty() && doc.text.back() == '\n') doc.text.pop_back();
  doc.metadata.type = str(g, "type");
  // The title is the first line unless the JSON says otherwise (a repost
  // may have none: "title": "").
  doc.metadata.title = g.IsObject() && g.HasMember("title") && g["title"].IsString()
                           ? std::string(g["title"].GetString())
                           : doc.text.substr(0, doc.text.find('\n'));
  doc.metadata.teaser = str(g, "teaser");
  if (std::string field = str(g, "date_field"); !field.empty()) {
    std::string label = str(g, "date_label");
    doc.date_candidates.push_back({"field:" + (label.empty() ? std::string("Date") : label), std::move(field)});
  }
  extract_metadata(doc);
  return doc;
}

// A whole page, as `winnow extract` reads it. A page the line refuses
// comes back with empty metadata and its reason in `warnings`.
inline Document extract_page(const std::string& id, const std::string& bytes) {
  static const Extractor extractor(ProfileSet::builtin());
  Document doc;
  doc.id = id;
  doc.body = bytes;
  std::string problem;
  if (!extractor.run(doc, &problem)) {
    doc = Document{};
    doc.warnings.push_back(problem);
  }
  return doc;
}

inline std::string trim(std::string_view s) { return normalise_whitespace(s); }

// The layout stage's fields of a page: type, title, text, teaser, sources,
// fields of work.
inline void score_layout(const std::string& id, const Document& doc, const rapidjson::Value& g, Report& r) {
  const Metadata& m = doc.metadata;
  auto note = [&](const char* field, const std::string& p, const std::string& e) {
    single(r.fields[field], p, e);
    if (p != e) r.misses.push_back(fmt::format("{} {}: got '{}' want '{}'", id, field, p, e));
  };
  note("type", m.type, str(g, "type"));
  note("title", m.title, str(g, "title"));
  note("text", doc.text, str(g, "text"));
  if (g.HasMember("teaser")) note("teaser", m.teaser, str(g, "teaser"));
  if (g.HasMember("date_source")) note("date_source", m.date_source, str(g, "date_source"));
  std::vector<std::string> ps, gs, pf, gf;
  for (auto& s : m.sources) ps.push_back(trim(s.name) + (s.closed ? " (closed)" : ""));
  if (g.HasMember("sources") && g["sources"].IsArray())
    for (auto& s : g["sources"].GetArray())
      gs.push_back(trim(str(s, "name")) + (s.HasMember("closed") && s["closed"].IsTrue() ? " (closed)" : ""));
  for (auto& f : m.fields_of_work) pf.push_back(trim(f));
  if (g.HasMember("fields_of_work") && g["fields_of_work"].IsArray())
    for (auto& f : g["fields_of_work"].GetArray()) gf.push_back(trim(f.IsString() ? f.GetString() : ""));
  pairs(r.fields["sources"], ps, gs, id + " source", r.misses);
  pairs(r.fields["fields_of_work"], pf, gf, id + " field of work", r.misses);
}

// Scores what the metadata stage read out of the prose.
inline void score_metadata(const std::string& id, const Document& doc, const rapidjson::Value& g, Report& r) {
  const Metadata& m = doc.metadata;
  auto note = [&](const char* field, const std::string& p, const std::string& e) {
    single(r.fields[field], p, e);
    if (p != e) r.misses.push_back(fmt::format("{} {}: got '{}' want '{}'", id, field, p, e));
  };
  note("date", m.date, str(g, "date"));
  note("place", m.place, str(g, "place"));
  std::string pd, gd;
  if (m.dateline) {
    pd = m.dateline->country + "|" + m.dateline->date;
    for (auto& p : m.dateline->places) pd += "|" + p;
  }
  if (g.HasMember("dateline") && g["dateline"].IsObject()) {
    const auto& d = g["dateline"];
    gd = str(d, "country") + "|" + str(d, "date");
    for (auto& p : d["places"].GetArray()) gd += std::string("|") + p.GetString();
  }
  note("dateline", pd, gd);

  std::vector<std::string> ps, gs, pv, gv, ph, gh, pr, gr;
  for (auto& s : m.speakers) {
    ph.push_back(s.name + "|" + s.honorific);
    pr.push_back(s.name + "|" + lower_trim(s.role));
    for (auto& q : s.quotes) {
      ps.push_back(s.name + "|" + normalise_quote(q.text));
      pv.push_back(s.name + "|" + normalise_quote(q.text) + "|" + q.verb);
    }
  }
  if (g.HasMember("speakers"))
    for (auto& s : g["speakers"].GetArray()) {
      std::string name = str(s, "name");
      gh.push_back(name + "|" + str(s, "honorific"));
      gr.push_back(name + "|" + lower_trim(str(s, "role")));
      for (auto& q : s["quotes"].GetArray()) {
        gs.push_back(name + "|" + normalise_quote(str(q, "text")));
        gv.push_back(name + "|" + normalise_quote(str(q, "text")) + "|" + str(q, "verb"));
      }
    }
  pairs(r.fields["speakers"], ps, gs, id + " speaker", r.misses);
  std::vector<std::string> ignore;
  pairs(r.fields["speaker_verbs"], pv, gv, id, ignore);
  pairs(r.fields["speaker_honorifics"], ph, gh, id + " honorific", r.misses);
  pairs(r.fields["speaker_roles"], pr, gr, id + " role", r.misses);

  std::vector<std::string> pf, gf, pu, gu;
  for (auto& f : m.figures) {
    pf.push_back(figure_key(f.value, f.counts));
    pu.push_back(fmt::format("{:g}|{}|{}|{}", f.value, f.max ? *f.max : 0.0, f.unit, f.approximator));
  }
  if (g.HasMember("figures"))
    for (auto& f : g["figures"].GetArray()) {
      double v = f["value"].GetDouble();
      gf.push_back(figure_key(v, str(f, "counts")));
      double mx = f.HasMember("max") && f["max"].IsNumber() ? f["max"].GetDouble() : 0.0;
      gu.push_back(fmt::format("{:g}|{}|{}|{}", v, mx, str(f, "unit"), str(f, "approximator")));
    }
  pairs(r.fields["figures"], pf, gf, id + " figure", r.misses);
  pairs(r.fields["figure_units"], pu, gu, id + " figure unit", r.misses);

  // Abbreviations, scored only where the document labels them (documents
  // from 133 on; the earlier ones were written before the field existed):
  // (abbreviation, expansion) pairs, the expansion compared ignoring case.
  if (g.HasMember("abbreviations") && g["abbreviations"].IsArray()) {
    std::vector<std::string> pa, ga;
    for (auto& a : m.abbreviations) pa.push_back(a.abbr + "|" + lower_trim(a.expansion));
    for (auto& a : g["abbreviations"].GetArray()) ga.push_back(str(a, "abbr") + "|" + lower_trim(str(a, "expansion")));
    pairs(r.fields["abbreviations"], pa, ga, id + " abbreviation", r.misses);
  }
}

inline bool is_page(const rapidjson::Value& g) { return g.IsObject() && g.HasMember("article"); }

// One gold document: an article (NNN.txt is the clean text; type and title
// are inputs) or a whole page (NNN.txt is the page; everything is output).
inline void score_document(const std::string& id, const std::string& text, const rapidjson::Value& g, Report& r) {
  ++r.documents;
  if (is_page(g)) {
    ++r.pages;
    Document doc = extract_page(id, text);
    for (auto& w : doc.warnings)
      if (doc.text.empty()) r.misses.push_back(fmt::format("{} refused: {}", id, w));
    score_layout(id, doc, g, r);
    score_metadata(id, doc, g, r);
  } else {
    score_metadata(id, extract(text, g), g, r);
  }
}

// A batch of documents by number: NNN from `first` to `last` inclusive;
// the default takes every document.
struct Range {
  int first = 0;
  int last = 1 << 30;
  bool contains(const std::string& stem) const {
    if (stem.empty() || !std::all_of(stem.begin(), stem.end(), [](unsigned char c) { return std::isdigit(c); }))
      return first == 0 && last == (1 << 30);
    int n = std::stoi(stem);
    return n >= first && n <= last;
  }
};

// Scores every NNN.txt/NNN.json pair in `dir` whose number is in `range`.
inline Report score_directory(const std::filesystem::path& dir, Range range = {}) {
  Report r;
  std::vector<std::filesystem::path> files;
  for (auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json" && range.contains(e.path().stem().string())) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (auto& json : files) {
    auto txt = json;
    txt.replace_extension(".txt");
    rapidjson::Document g;
    auto raw = read_all(json);
    if (g.Parse(raw.c_str()).HasParseError()) {
      r.misses.push_back(fmt::format("{}: JSON parse error", json.string()));
      continue;
    }
    score_document(json.stem().string(), read_all(txt), g, r);
  }
  return r;
}

}  // namespace winnow::gold
