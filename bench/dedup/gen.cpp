// Benchmark corpus generator for near-duplicate detection, with ground truth.
//
//   dedup_gen DATA_DIR SEEDS_DIR N OUT.jsonl TRUTH.jsonl [SEED] [VARIANT]
//
// VARIANT 1 (the default) is the corpus described below; VARIANT 2 plants
// the copies variant 1 lacks, to test the choice of original (issue 19):
// excerpts whose mark has other shapes and languages ("Continue reading",
// "Weiterlesen", "Lire la suite", "[…]", "(more)", "…" alone on a line,
// "Read more" followed by a source or link line), unmarked truncations cut
// at a sentence end, selections (sentences picked from all over the source,
// kept in order, the others dropped), typo copies (3% of words misspelt and
// the lines re-wrapped, nothing else, and the source's date), and, so that the opposite rule is
// exercised too, blog reposts, press-contact blocks and bracketed
// expansions as in variant 1 (without their typos).
//
// Base articles: the real article texts in DATA_DIR/*.txt, the seed articles
// (body after the OSCE metadata block; seed 002, a real blog repost of 000,
// is planted as a copy of it), then as many synthetic articles as N needs.
// A synthetic article copies the paragraph and sentence structure of a real
// sentence pool but replaces every third word (from a random offset) by a
// uniformly drawn word of the real vocabulary: every 5-word window then holds
// a drawn word, so two synthetic articles share a shingle only by chance
// (≈ 1/V per shingle) and negatives are truly distinct, while word lengths,
// punctuation and sentence lengths stay those of news text.
//
// Each base is published on a site (the site's menu and footer are left in
// 30% of documents, as imperfect extraction leaves them) and, with
// probability 0.25, copied 1-3 times as in the wild: blog reposts (blog
// header, sidebar, comment footer, sometimes a commentary paragraph),
// truncated copies ending in "Read more", bracketed expansions of acronyms,
// press-contact blocks, distributor headers, re-crawls with a changed menu,
// and mirrors; any copy may also be re-wrapped and have 2% of its words
// changed by typos. Hard negatives: with probability 0.06 a base gets a
// sibling on the same site and topic: same chrome, same "About" paragraph,
// title words shared, a different body of 150 words or more.
//
// Output: JSONL {"id","kind","date","text"} (kind: how the document was made) in a shuffled order, and one JSON array
// of ids per duplicate group (original first) in TRUTH. Everything is a
// function of SEED (default 1): two runs give identical bytes.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Rng {
  std::uint64_t s;
  explicit Rng(std::uint64_t seed) : s(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? next() % n : 0; }
  bool chance(double p) { return (next() >> 11) * 0x1.0p-53 < p; }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::string join(const std::vector<std::string>& w, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  std::string s;
  to = std::min(to, w.size());
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) s += ' ';
    s += w[i];
  }
  return s;
}

std::string seed_body(const std::string& raw) {
  const std::string marker = "\n- Fields of work:\n";
  auto at = raw.find(marker);
  if (at == std::string::npos) return raw;
  std::istringstream in(raw.substr(at + marker.size()));
  std::string line, out;
  bool in_list = true;
  while (std::getline(in, line)) {
    if (in_list && line.rfind("- ", 0) == 0) continue;
    in_list = false;
    out += line + "\n";
  }
  return out;
}

struct Corpus {
  std::vector<std::string> real;                    // real article texts
  std::vector<std::vector<std::string>> sentences;  // word lists of real sentences
  std::vector<std::string> vocab;
  std::vector<std::vector<std::size_t>> shapes;     // sentences per paragraph of each real article
};

Corpus load(const fs::path& data, const fs::path& seeds) {
  Corpus c;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(data))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (auto& f : files) c.real.push_back(slurp(f));
  std::vector<fs::path> sf;
  if (fs::exists(seeds))
    for (auto& e : fs::directory_iterator(seeds))
      if (e.path().extension() == ".txt") sf.push_back(e.path());
  std::sort(sf.begin(), sf.end());
  for (auto& f : sf)
    if (f.filename().string().rfind("002", 0) != 0) c.real.push_back(seed_body(slurp(f)));
  std::vector<std::string> all;
  for (auto& text : c.real) {
    std::vector<std::size_t> shape;
    std::istringstream in(text);
    std::string para;
    while (std::getline(in, para)) {
      auto words = split_words(para);
      if (words.empty()) continue;
      std::size_t count = 0;
      std::vector<std::string> cur;
      for (auto& w : words) {
        cur.push_back(w);
        all.push_back(w);
        const char last = w.back();
        if (last == '.' || last == '?' || last == '!' || cur.size() > 40) {
          c.sentences.push_back(std::move(cur));
          cur.clear();
          ++count;
        }
      }
      if (!cur.empty()) { c.sentences.push_back(std::move(cur)); ++count; }
      shape.push_back(count);
    }
    if (!shape.empty()) c.shapes.push_back(shape);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  c.vocab = std::move(all);
  return c;
}

std::string random_words(Rng& r, const Corpus& c, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += c.vocab[r.below(c.vocab.size())];
  }
  return s;
}

// A synthetic paragraph of `sentences` recombined sentences.
std::string synthetic_paragraph(Rng& r, const Corpus& c, std::size_t sentences) {
  std::string p;
  for (std::size_t k = 0; k < sentences; ++k) {
    auto words = c.sentences[r.below(c.sentences.size())];
    const std::size_t offset = r.below(3);
    for (std::size_t i = offset; i < words.size(); i += 3) words[i] = c.vocab[r.below(c.vocab.size())];
    if (!p.empty()) p += ' ';
    p += join(words);
  }
  return p;
}

// Base article b: real for b < real.size(), else synthetic from seed ^ b.
// `max_paragraphs` short-bodies the hard negatives.
std::string base_text(const Corpus& c, std::uint64_t seed, std::size_t b, std::size_t max_paragraphs = SIZE_MAX) {
  if (b < c.real.size() && max_paragraphs == SIZE_MAX) return c.real[b];
  Rng r(seed * 0x100000001b3ULL ^ (b + 1));
  const auto& shape = c.shapes[r.below(c.shapes.size())];
  std::string text = synthetic_paragraph(r, c, 1) + "\n";  // title
  for (std::size_t p = 0; p < shape.size() && p < max_paragraphs; ++p)
    text += synthetic_paragraph(r, c, shape[p]) + "\n";
  return text;
}

struct Site {
  std::vector<std::string> menu;
  std::string footer, about, name;
};

Site make_site(Rng& r, const Corpus& c, std::size_t id) {
  Site s;
  s.name = "Site" + std::to_string(id) + " " + random_words(r, c, 2);
  const std::size_t items = r.between(25, 70);
  for (std::size_t i = 0; i < items; ++i) s.menu.push_back("- " + random_words(r, c, r.between(1, 4)));
  s.footer = "© 2024 " + s.name + ". All rights reserved. Terms of use | Privacy policy | Cookie settings | Contact us | " +
             random_words(r, c, r.between(15, 40));
  s.about = "About " + s.name + ": " + random_words(r, c, r.between(40, 60)) + ".";
  return s;
}

std::string with_chrome(const Site& s, const std::string& body) {
  std::string t = s.name + "\n";
  for (auto& m : s.menu) t += m + "\n";
  t += body;
  if (!body.empty() && body.back() != '\n') t += '\n';
  return t + s.footer + "\n";
}

std::string typos(Rng& r, const std::string& text, double rate) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto words = split_words(line);
    for (auto& w : words)
      if (w.size() > 3 && std::all_of(w.begin(), w.end(), [](char ch) { return static_cast<unsigned char>(ch) < 128; }) &&
          r.chance(rate)) {
        const std::size_t i = r.below(w.size() - 1);
        if (r.chance(0.5)) std::swap(w[i], w[i + 1]); else w.erase(i, 1);
      }
    out += join(words) + "\n";
  }
  return out;
}

std::string rewrap(Rng& r, const std::string& text) {
  const std::size_t width = r.between(55, 80);
  std::string out, line;
  for (auto& w : split_words(text)) {
    if (!line.empty() && line.size() + 1 + w.size() > width) { out += line + "\n"; line.clear(); }
    if (!line.empty()) line += ' ';
    line += w;
  }
  return out + line + "\n";
}

std::string brackets(Rng& r, const Corpus& c, const std::string& text) {
  auto words = split_words(text);
  std::string out;
  std::size_t budget = r.between(3, 8);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out += words[i];
    if (budget && words[i].size() >= 2 && std::isupper(static_cast<unsigned char>(words[i][0])) &&
        std::isupper(static_cast<unsigned char>(words[i][1])) && r.chance(0.5)) {
      out += " [" + random_words(r, c, r.between(3, 6)) + "]";
      --budget;
    }
  }
  return out + "\n";
}

// Variant 2 --------------------------------------------------------------

// Sentences of a text (word lists), split at . ? ! ending a word.
std::vector<std::vector<std::string>> sentences_of(const std::string& text) {
  std::vector<std::vector<std::string>> out(1);
  for (auto& w : split_words(text)) {
    out.back().push_back(w);
    const char last = w.back();
    if (last == '.' || last == '?' || last == '!') out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Sentences picked from all over the text, in order: runs of 1-3
// sentences kept, 1-3 dropped between them (as the reuse corpus's `cut`
// answers copy), written 2-4 to a paragraph.
std::string selection(Rng& r, const std::string& text) {
  const auto sents = sentences_of(text);
  std::vector<std::size_t> picked;
  for (std::size_t i = r.below(2); i < sents.size();) {
    for (std::size_t run = r.between(1, 3); run && i < sents.size(); --run) picked.push_back(i++);
    i += r.between(1, 3);
  }
  std::string out;
  std::size_t in_paragraph = 0, paragraph = r.between(2, 4);
  for (std::size_t i : picked) {
    if (in_paragraph) out += ' ';
    out += join(sents[i]);
    if (++in_paragraph == paragraph) { out += '\n'; in_paragraph = 0; paragraph = r.between(2, 4); }
  }
  if (in_paragraph) out += '\n';
  return out;
}

// The excerpt marks of variant 2: what follows the cut text.
std::string excerpt_mark(Rng& r, std::size_t site) {
  const std::string host = "site" + std::to_string(site) + ".example.org";
  switch (r.below(10)) {
    case 0: return "\xE2\x80\xA6 Continue reading \xE2\x86\x92\n";
    case 1: return "...\nWeiterlesen\n";
    case 2: return "\xE2\x80\xA6 Lire la suite\n";
    case 3: return " [\xE2\x80\xA6]\n";
    case 4: return " (more)\n";
    case 5: return "\n\xE2\x80\xA6\n";
    case 6: return "... Read more\nSource: " + host + "\n";
    case 7: return "\xE2\x80\xA6 Read more \xC2\xBB\nhttps://" + host + "/news/" + std::to_string(r.below(99999)) + "\n";
    case 8: return " [...]\nOriginally published at " + host + "\n";
    default: return "\xE2\x80\xA6\nLeer m\xC3\xA1s\n";
  }
}

// The first `share` of the text's sentences (at least two): a cut at a sentence end.
std::string sentence_cut(Rng& r, const std::string& text) {
  const auto sents = sentences_of(text);
  const std::size_t keep = std::max<std::size_t>(2, sents.size() * r.between(35, 65) / 100);
  std::string out;
  for (std::size_t i = 0; i < keep && i < sents.size(); ++i) out += (i ? " " : "") + join(sents[i]);
  return out;
}

std::string json_escape(const std::string& s) {
  std::string o;
  o.reserve(s.size() + 16);
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\t': o += "\\t"; break;
      case '\r': o += "\\r"; break;
      default:
        if (ch < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", ch); o += b; }
        else o += static_cast<char>(ch);
    }
  }
  return o;
}

enum Kind : std::uint8_t { Original, Blog, Truncated, Brackets, Contact, Distributor, Recrawl, Mirror, Sibling, SeedRepost,
                           Marked, Cut, Selection, Typo };

struct Spec {
  std::uint32_t base;
  std::uint32_t site;
  std::uint32_t variant;  // copy number / blog id
  Kind kind;
  bool chrome;
  std::uint32_t day;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s DATA_DIR SEEDS_DIR N OUT.jsonl TRUTH.jsonl [SEED] [VARIANT]\n", argv[0]);
    return 2;
  }
  const Corpus c = load(argv[1], argv[2]);
  const std::size_t n = std::stoull(argv[3]);
  const std::uint64_t seed = argc > 6 ? std::stoull(argv[6]) : 1;
  const int variant = argc > 7 ? std::stoi(argv[7]) : 1;
  if (variant != 1 && variant != 2) { std::fprintf(stderr, "VARIANT is 1 or 2, not %s\n", argv[7]); return 2; }
  if (c.real.empty()) { std::fprintf(stderr, "no .txt in %s\n", argv[1]); return 1; }

  Rng r(seed);
  const std::size_t nsites = 20 + n / 20000, nblogs = 50 + n / 5000;
  std::vector<Site> sites;
  for (std::size_t i = 0; i < nsites; ++i) sites.push_back(make_site(r, c, i));
  std::vector<Site> blogs;
  for (std::size_t i = 0; i < nblogs; ++i) blogs.push_back(make_site(r, c, 100000 + i));

  // Plan every document (small specs), then shuffle, then render.
  std::vector<Spec> specs;
  std::vector<std::vector<std::uint32_t>> groups;  // indexes into specs, original first
  std::size_t seed_000 = SIZE_MAX;
  for (std::size_t i = 0; i < c.real.size(); ++i)
    if (c.real[i].find("KHMELNYTSKY, Ukraine, 16 July 2008") != std::string::npos) seed_000 = i;
  std::uint32_t base = 0, siblings = 0;
  while (specs.size() < n) {
    const auto site = static_cast<std::uint32_t>(r.below(nsites));
    const auto day = static_cast<std::uint32_t>(r.below(3000));
    const bool chrome = r.chance(0.3);
    std::vector<std::uint32_t> group{static_cast<std::uint32_t>(specs.size())};
    specs.push_back({base, site, 0, Original, chrome, day});
    if (base == seed_000) {
      group.push_back(static_cast<std::uint32_t>(specs.size()));
      specs.push_back({base, site, 0, SeedRepost, false, day + 1});
    } else if (r.chance(0.25)) {
      const std::size_t copies = r.chance(0.6) ? 1 : r.chance(0.75) ? 2 : 3;
      for (std::size_t k = 0; k < copies && specs.size() < n; ++k) {
        static const Kind kinds[] = {Blog, Blog, Blog, Blog, Blog, Blog, Blog, Truncated, Truncated,
                                     Brackets, Brackets, Contact, Contact, Distributor, Distributor,
                                     Recrawl, Recrawl, Mirror, Mirror, Mirror};
        static const Kind kinds2[] = {Marked, Marked, Marked, Marked, Marked, Cut, Selection, Selection,
                                      Selection, Selection, Typo, Typo, Typo, Typo, Blog, Blog, Contact,
                                      Brackets, Recrawl, Mirror};
        const Kind kind = variant == 2 ? kinds2[r.below(std::size(kinds2))] : kinds[r.below(std::size(kinds))];
        if (kind == Recrawl) specs[group[0]].chrome = true;
        group.push_back(static_cast<std::uint32_t>(specs.size()));
        specs.push_back({base, site, static_cast<std::uint32_t>(k * 1000 + r.below(nblogs)), kind, kind == Recrawl,
                         day + 1 + static_cast<std::uint32_t>(r.below(30))});
        // Variant 2: a re-typed copy carries its source's date, so that the
        // date cannot decide for the spelling.
        if (variant == 2 && kind == Typo) specs.back().day = day;
      }
    }
    if (group.size() > 1) groups.push_back(group);
    ++base;
    if (specs.size() < n && r.chance(0.06)) {
      // Hard negative: a different short article of the same site and topic.
      specs[group[0]].chrome = true;
      specs.push_back({base, site, group[0], Sibling, true, day + static_cast<std::uint32_t>(r.below(10))});
      ++base;
      ++siblings;
    }
  }

  std::vector<std::uint32_t> order(specs.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r.below(i)]);
  std::vector<std::uint32_t> id_of(specs.size());
  for (std::uint32_t pos = 0; pos < order.size(); ++pos) id_of[order[pos]] = pos;

  FILE* out = std::fopen(argv[4], "wb");
  if (!out) { std::perror(argv[4]); return 1; }
  std::string text;
  std::size_t bytes = 0;
  for (std::uint32_t pos = 0; pos < order.size(); ++pos) {
    const Spec& s = specs[order[pos]];
    Rng cr(seed ^ (0xc0ffee00000000ULL + order[pos] * 0x9e3779b97f4a7c15ULL));
    const Site& site = sites[s.site];
    switch (s.kind) {
      case Original:
        text = base_text(c, seed, s.base);
        if (s.chrome) text = with_chrome(site, text);
        break;
      case SeedRepost:
        text = slurp(fs::path(argv[2]) / "002_6ba652603ef8cee0.txt");
        break;
      case Sibling: {
        // Same site chrome and About paragraph as its neighbour, title words shared.
        const Spec& other = specs[s.variant];
        const auto other_title = split_words(base_text(c, seed, other.base).substr(0, 200));
        // The body is a real article's worth of text (>= 150 words), not a
        // stub: a page that is only boilerplate is a duplicate of its site's
        // other boilerplate-only pages, not a hard negative.
        std::string body = base_text(c, seed, s.base, cr.between(2, 5));
        for (std::size_t extra = 0; split_words(body).size() < 150; ++extra)
          body += synthetic_paragraph(cr, c, 3) + "\n";
        text = join(other_title, 0, 4) + " " + body + site.about + "\n";
        text = with_chrome(site, text);
        break;
      }
      default: {
        text = base_text(c, seed, s.base);
        const Site& blog = blogs[s.variant % nblogs];
        switch (s.kind) {
          case Blog:
            text = blog.name + "\n" + "Posted by " + random_words(cr, c, 2) + " on " + std::to_string(s.day) + "\n" + text;
            if (cr.chance(0.5)) text += synthetic_paragraph(cr, c, cr.between(2, 6)) + "\n";
            text += "Labels: " + random_words(cr, c, 3) + "\n" + std::to_string(cr.below(9)) +
                    " comments: Post a Comment Newer Post Older Post Home Subscribe to: Post Comments (Atom)\n" +
                    blog.footer + "\n";
            break;
          case Truncated: {
            auto words = split_words(text);
            const std::size_t keep = std::max<std::size_t>(20, words.size() * cr.between(40, 70) / 100);
            text = join(words, 0, keep) + "... Read more\n";
            break;
          }
          case Brackets: text = brackets(cr, c, text); break;
          case Contact:
            text += "For further information contact: " + random_words(cr, c, 2) + ", Press and Public Information Officer, "
                    "phone: +43 1 514 36 " + std::to_string(cr.between(1000, 9999)) + ", press@" + std::to_string(s.site) +
                    ".example.org\n";
            break;
          case Distributor:
            text = "(Distributed by " + blog.name + " on behalf of " + site.name + ".)\n" + text + "ENDS\n";
            break;
          case Recrawl: {
            Site changed = site;
            for (auto& m : changed.menu)
              if (cr.chance(0.2)) m = "- " + random_words(cr, c, cr.between(1, 3));
            for (int k = 0; k < 3; ++k) changed.menu.push_back("- " + random_words(cr, c, 2));
            text = with_chrome(changed, text);
            break;
          }
          case Marked: {
            auto words = split_words(text);
            const std::size_t keep = std::max<std::size_t>(20, words.size() * cr.between(20, 70) / 100);
            text = join(words, 0, keep) + excerpt_mark(cr, s.site);
            break;
          }
          case Cut: text = sentence_cut(cr, text) + "\n"; break;
          case Selection: text = selection(cr, text); break;
          case Typo: text = rewrap(cr, typos(cr, text, 0.03)); break;
          default: break;  // Mirror: the edits below only
        }
        if (variant == 1) {
          if (cr.chance(0.4)) text = typos(cr, text, 0.02);
          if (cr.chance(0.3)) text = rewrap(cr, text);
        }
      }
    }
    // A 360-day calendar keeps dates monotone in `day` (copies come after originals).
    const unsigned year = 2015 + s.day / 360, month = 1 + (s.day % 360) / 30, dom = 1 + (s.day % 30) * 28 / 30;
    char date[16];
    std::snprintf(date, sizeof date, "%04u-%02u-%02u", year, month, dom);
    static const char* kind_names[] = {"original", "blog", "truncated", "brackets", "contact",
                                       "distributor", "recrawl", "mirror", "sibling", "seed_repost",
                                       "marked", "cut", "selection", "typo"};
    std::string line = "{\"id\":\"d" + std::to_string(pos) + "\",\"kind\":\"" + kind_names[s.kind] +
                       "\",\"date\":\"" + date + "\",\"text\":\"" +
                       json_escape(text) + "\"}\n";
    bytes += line.size();
    std::fwrite(line.data(), 1, line.size(), out);
  }
  std::fclose(out);

  FILE* truth = std::fopen(argv[5], "wb");
  if (!truth) { std::perror(argv[5]); return 1; }
  std::size_t pairs = 0;
  for (auto& g : groups) {
    std::string line = "[";
    for (std::size_t i = 0; i < g.size(); ++i) line += (i ? ",\"d" : "\"d") + std::to_string(id_of[g[i]]) + "\"";
    line += "]\n";
    pairs += g.size() * (g.size() - 1) / 2;
    std::fwrite(line.data(), 1, line.size(), truth);
  }
  std::fclose(truth);
  std::fprintf(stderr, "%zu documents (%zu MB), %zu real bases, %zu groups, %zu duplicate pairs, %u hard negatives\n",
               specs.size(), bytes >> 20, c.real.size(), groups.size(), pairs, siblings);
  return 0;
}
