// Generic main-text extraction: find the article on a page no profile knows.
//
// The problem. A news page is one article wrapped in a site: menus, a
// masthead, teasers for other stories, share bars, comment threads, cookie
// banners, footers. Nothing marks the article reliably; class names are
// hints, not a vocabulary; markup is as often a soup of <div>s as a tidy
// <article>.
//
// The method, in three passes over the blocks and elements parse_html made.
//
// 1. Regions. Elements whose class/id tokens or tag say "not the article"
//    (the word tables in html_boilerplate_words.hpp) are marked chrome, with
//    everything under them, unless the region holds half or more of the
//    page's good text: some sites wrap the whole page in <form> or in a
//    "page-with-sidebar" <div>, and a rule that throws the article away is
//    worse than one that keeps a widget.
//
// 2. Container. As in Readability (Arc90), each paragraph-like block of 25+
//    characters and modest link density votes for the elements above it:
//    1 + its commas + one per 100 characters (at most 3), given in full to
//    its container, half to the next one up, then a sixth, a ninth and a
//    twelfth (level x 3) to the three above that, five levels in all.
//    Each container's total is adjusted by tag (a <div> or <article> gains,
//    a list or heading loses) and class tokens (+25/-25), then scaled by
//    (1 - link density) of everything under it. The best container wins;
//    when three or more near-best containers share an ancestor, the article
//    is split across them and that ancestor wins instead. The winner then
//    climbs to an ancestor while what the ancestor adds is mostly plain
//    prose (paragraphs without links) and holds no teaser cards (headings
//    that are links): articles cut into chunks by figures and ad slots come
//    back whole, lists of other stories stay out. Siblings of the winner
//    that scored well themselves, or are good <p>s, join it.
//
// 3. Lines. Inside the chosen region, blocks are kept unless they are
//    link lists (link density >= 0.5), known chrome lines ("Advertisement",
//    "Read more"), or list markers; a "Related stories" line once most of
//    the region's text is behind ends it (teasers follow); short
//    unpunctuated lines at the very start and end of the region (bylines,
//    dates, tag lists, "Share") are dropped, as jusText drops short blocks
//    that no good block supports.
//    The title is the first heading that repeats the page's declared title
//    (the same words, give or take a site's name: repeats_title).
//
// Why not jusText alone: its stop-word test needs a stop list per language
// and its strength, context smoothing, fails on pages where teasers are full
// sentences. Why not a learned model: the rules are cheap, explainable, and
// need no training data from sites we have not seen.
//
// The cost: a few linear passes over elements and blocks plus, per block, a
// walk up at most five ancestors; no DOM access. Well under Gumbo's parse.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "text_bytes.hpp"
#include "deadline.hpp"
#include "html_boilerplate_words.hpp"
#include "winnow/html.hpp"

namespace winnow {
namespace {

// The tuned thresholds, in one place (tuned on the extraction benchmark;
// bench/extraction/run.sh scores a change). Character counts are code points.
// Blocks:
constexpr double kLinkList = 0.5;               // link density from which a block is a link list
constexpr std::size_t kScorableMinChars = 25;   // a paragraph that may vote for its container...
constexpr std::size_t kGoodMinChars = 80;       // ... and one that counts as good article text
constexpr double kGoodMaxLinkDensity = 0.3;
constexpr double kPlainProseMaxLinkDensity = 0.1;  // a paragraph "without links", for the climb
// Chrome regions (nav, footer, negative class tokens) are kept when they hold this share of the good text:
constexpr double kChromeRegionMaxGoodShare = 0.5;
// The container vote: 1 + commas + one per kVoteCharsPerPoint characters (at most kVoteMaxLengthPoints),
// spread over kVoteLevels ancestors; class and id tokens weigh kTokenWeight each.
constexpr std::size_t kVoteCharsPerPoint = 100;
constexpr double kVoteMaxLengthPoints = 3.0;
constexpr int kVoteLevels = 5;
constexpr double kTokenWeight = 25.0;
// A split article: containers within kRivalShare of the best, kMinRivals of them besides it, sharing an
// ancestor at most kSplitAncestorSteps up; ancestry is followed kAncestryDepth levels at most.
constexpr double kRivalShare = 0.75;
constexpr std::size_t kMinRivals = 2;
constexpr int kSplitAncestorSteps = 8;
constexpr int kAncestryDepth = 64;
// The climb to an ancestor: at most kClimbSteps levels; stop when what it adds is over kClimbMaxNonProse
// non-prose and over kClimbMinText characters, or brings kClimbMaxTeaserCards linked headings; take it
// when it adds kClimbMinProse characters of good text.
constexpr int kClimbSteps = 6;
constexpr double kClimbMaxNonProse = 0.4;
constexpr double kClimbMinText = 300;
constexpr int kClimbMaxTeaserCards = 2;
constexpr double kClimbMinProse = 200;
// Siblings of the winner join the region from this score (or this share of the winner's):
constexpr double kSiblingMinScore = 10.0;
constexpr double kSiblingScoreShare = 0.2;
// Lines inside the region:
constexpr std::size_t kBylineMaxChars = 100;    // a byline ("By ...") is shorter, unpunctuated
constexpr double kStopLineMinShare = 0.6;       // a "related stories" line cuts the rest after this share
constexpr std::size_t kPromoMaxChars = 300;     // an appeal to the reader is shorter
constexpr std::size_t kPromoEdgeLines = 2;      // ... and sits in the first 2 or the last 3 lines
constexpr std::size_t kPromoTailLines = 3;
constexpr std::size_t kWeakEdgeMaxChars = 50;   // a short unpunctuated edge line (date, tags) is dropped

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t comma_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',') ++n;
    // Compared only at their lead bytes: two compares per byte were a hot
    // spot of the fuzz targets (every block's text passes here).
    else if (c == '\xEF' ? s.compare(i, 3, "\xEF\xBC\x8C") == 0 : c == '\xE3' && s.compare(i, 3, "\xE3\x80\x81") == 0)
      ++n;  // ，、
  }
  return n;
}

using text::ends_like_sentence;

template <std::size_t N>
bool in_table(std::string_view word, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

// WordPress (and themes built like it) labels the post's own element with
// its taxonomy: "post-67202 post type-post status-publish hentry
// category-news tag-jobs author-sarah". On such an element "tag-jobs" and
// "author-sarah" say what the post is about, not that it is a tag list or
// an author box, so they are not read as chrome words.
bool is_post_signature(std::string_view token) {
  if (token == "hentry" || token == "type-post" || token == "status-publish" || token == "h-entry") return true;
  if (!token.starts_with("post-") || token.size() == 5) return false;
  for (char c : token.substr(5))
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool is_taxonomy_label(std::string_view token) {
  for (std::string_view prefix : html::kTaxonomyPrefixes)
    if (token.size() > prefix.size() && token.starts_with(prefix)) return true;
  return false;
}

// True when some token has an article word ("post", "content", "blog").
bool has_article_word(std::string_view tokens) {
  for (std::string_view f : html::kPositiveFragments)
    if (tokens.find(f) != std::string_view::npos) return true;
  return false;
}

bool has_continuation_word(std::string_view tokens) {
  for (std::string_view f : html::kContinuationFragments)
    if (tokens.find(f) != std::string_view::npos) return true;
  return false;
}

// +1 if the tokens say "article", -1 if they say "not the article", 0 if silent.
int token_verdict(std::string_view tokens) {
  bool negative = false, positive = false;
  bool post_element = false;
  for (std::size_t start = 0; start < tokens.size();) {
    std::size_t end = tokens.find(' ', start);
    if (end == std::string_view::npos) end = tokens.size();
    post_element = post_element || is_post_signature(tokens.substr(start, end - start));
    start = end + 1;
  }
  std::size_t start = 0;
  while (start < tokens.size()) {
    std::size_t end = tokens.find(' ', start);
    if (end == std::string_view::npos) end = tokens.size();
    std::string_view token = tokens.substr(start, end - start);
    start = end + 1;
    if (post_element && is_taxonomy_label(token)) continue;
    for (std::string_view f : html::kNegativeFragments)
      if (token.find(f) != std::string_view::npos) negative = true;
    for (std::string_view f : html::kPositiveFragments)
      if (token.find(f) != std::string_view::npos) positive = true;
    std::size_t p = 0;
    while (p <= token.size()) {
      std::size_t q = token.find_first_of("-_", p);
      if (q == std::string_view::npos) q = token.size();
      if (in_table(token.substr(p, q - p), html::kNegativeWords)) negative = true;
      p = q + 1;
    }
  }
  return negative ? -1 : positive ? 1 : 0;
}

template <std::size_t N>
bool starts_with_any(std::string_view text, const std::string_view (&table)[N]) {
  for (std::string_view prefix : table)
    if (text.starts_with(prefix)) return true;
  return false;
}

double tag_weight(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "ol" || tag == "ul" || tag == "li" || tag == "form" || tag == "address" || tag == "dl") return -3;
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return -5;
  if (tag == "th") return -5;
  return 0;
}

bool is_leaf_text_tag(std::string_view tag) {
  return tag == "p" || tag == "li" || tag == "td" || tag == "th" || tag == "pre" || tag == "dt" || tag == "dd" ||
         tag == "blockquote" || tag == "figcaption" ||
         (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6');
}

std::string folded(std::string_view s) {
  std::string out;
  text::for_each_lowered_word(s, [&](const std::string& w) { out += w; });
  return out;
}

// A heading that repeats the page's title, as headings do: the same words,
// give or take a site's name or a rewording ("Диета Аткинса - потеря веса
// до 10 килограмм за 14 дней" under <title> "Диета Аткинса (14 дней) - потеря
// веса до 10 кг. Отзывы"). Three quarters of the heading's words are in the
// title and half of the title's in the heading, so that a short heading
// ("Lorem") under a long title is text, not the title again.
bool repeats_title(std::string_view heading, std::string_view title) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    text::for_each_lowered_word(s, [&](std::string& w) { out.push_back(std::move(w)); });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<std::string> h = words(heading), t = words(title), both;
  if (h.empty() || t.empty()) return false;
  std::set_intersection(h.begin(), h.end(), t.begin(), t.end(), std::back_inserter(both));
  return 4 * both.size() >= 3 * h.size() && 2 * both.size() >= t.size();
}

// The fallback's thresholds (fall_back): the container is doubted when it
// keeps less than kMissedShare of the page's prose, and another reading
// replaces it only when it keeps kFallbackGain of the page's prose more, and
// at least kFallbackMinChars characters of it.
constexpr double kMissedShare = 0.25;
constexpr double kFallbackGain = 0.25;
constexpr double kFallbackMinChars = 500;

constexpr std::uint32_t kNoElement = UINT32_MAX;
// A chrome-worded region inside the article's region is left out only when
// the region has this much good text outside it (select_region).
constexpr double kSoftChromeOutside = 200;

struct BlockFacts {
  std::size_t chars = 0;
  bool scorable = false;  // paragraph-like and long enough to vote
  bool good = false;      // clearly article-like text on its own
};

// What one reading of the page kept (GenericClassifier::outcome).
struct Outcome {
  double prose = 0;  // prose_weight of the kept blocks
  double net = 0;    // that, less the link text of kept blocks that are not prose
};

class GenericClassifier {
 public:
  explicit GenericClassifier(Document& doc) : doc_(doc), n_(doc.elements.size()) {}
  void run();

 private:
  void measure();
  void mark_regions();
  std::uint32_t choose_container();
  void select_region(std::uint32_t top);
  void assign_roles();
  void select_paragraphs();
  double prose_weight(std::size_t block) const;
  Outcome outcome() const;
  void fall_back(std::uint32_t top);
  bool is_descendant(std::uint32_t e, std::uint32_t ancestor, int limit) const;

  Document& doc_;
  std::size_t n_;
  std::vector<BlockFacts> facts_;
  std::vector<double> text_, links_, good_text_, score_;
  std::vector<double> clean_text_, clean_good_;  // as text_, good_text_, outside chrome regions
  std::vector<int> linked_headings_;            // headings that are links: teaser cards
  std::vector<char> chrome_, selected_;
  // The nearest ancestor-or-self whose words say chrome but which holds most
  // of the page's good text (mark_regions), or kNoElement.
  std::vector<std::uint32_t> soft_chrome_;
  double page_good_ = 0;
};

void GenericClassifier::measure() {
  facts_.resize(doc_.blocks.size());
  text_.assign(n_, 0);
  links_.assign(n_, 0);
  good_text_.assign(n_, 0);
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
    poll_deadline();
    const Block& b = doc_.blocks[i];
    BlockFacts& f = facts_[i];
    f.chars = char_count(b.text);
    bool paragraph_like = b.kind != BlockKind::Heading && b.kind != BlockKind::ListMarker;
    f.scorable = paragraph_like && f.chars >= kScorableMinChars && b.link_density < kLinkList;
    f.good = paragraph_like && f.chars >= kGoodMinChars && b.link_density < kGoodMaxLinkDensity;
    if (b.element >= n_) continue;
    text_[b.element] += static_cast<double>(f.chars);
    links_[b.element] += static_cast<double>(f.chars) * b.link_density;
    if (f.good) good_text_[b.element] += static_cast<double>(f.chars), page_good_ += static_cast<double>(f.chars);
  }
  // Elements are in document (pre-)order, so children follow parents: one
  // backward pass sums every subtree.
  for (std::size_t e = n_; e-- > 1;) {
    std::uint32_t p = doc_.elements[e].parent;
    if (p == e) continue;
    text_[p] += text_[e];
    links_[p] += links_[e];
    good_text_[p] += good_text_[e];
  }
}

// An id made from a heading's words ("sharing-with-a-single-developer" on
// the <div> whose <h2> says "Sharing with a single developer", as Sphinx,
// MediaWiki and most static-site generators write them) is an anchor, not
// a class vocabulary: its words are the heading's, and "sharing" in it says
// nothing about share widgets. Compared on ASCII letters and digits only.
std::string ascii_folded(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c) && c < 0x80) out.push_back(text::ascii_lower(static_cast<char>(c)));
  return out;
}

void GenericClassifier::mark_regions() {
  // The first heading under each element, up to three levels down, for the
  // heading-anchor test above.
  std::vector<std::uint32_t> heading_of(n_, UINT32_MAX);
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
    const Block& b = doc_.blocks[i];
    if (b.kind != BlockKind::Heading || b.element >= n_) continue;
    for (std::uint32_t e = b.element, level = 0; level < 4; ++level) {
      if (heading_of[e] == UINT32_MAX) heading_of[e] = static_cast<std::uint32_t>(i);
      std::uint32_t up = doc_.elements[e].parent;
      if (up == e) break;
      e = up;
    }
  }
  auto heading_anchor = [&](std::size_t e) {
    const std::string& id = doc_.elements[e].id;
    if (id.empty() || heading_of[e] == UINT32_MAX) return false;
    std::string folded_id = ascii_folded(id);
    return folded_id.size() >= 8 && folded_id == ascii_folded(doc_.blocks[heading_of[e]].text);
  };
  // chrome_: 1 when a tag made the region chrome, 2 when class/id words did.
  chrome_.assign(n_, 0);
  soft_chrome_.assign(n_, kNoElement);
  for (std::size_t e = 0; e < n_; ++e) {
    const HtmlElement& el = doc_.elements[e];
    bool minor = good_text_[e] < kChromeRegionMaxGoodShare * page_good_;
    bool id_says_chrome = token_verdict(el.id) < 0 && !heading_anchor(e);
    if (minor && (token_verdict(el.classes) < 0 || id_says_chrome)) chrome_[e] = 2;
    else if (minor && in_table(el.tag, html::kChromeTags)) chrome_[e] = 1;
    if (el.parent != e && chrome_[el.parent]) chrome_[e] = std::max(chrome_[e], chrome_[el.parent]);
    // Chrome by its words alone (no article word beside them, as Blogger's
    // "widget Blog" has) but holding most of the page's good text: not
    // thrown away, but remembered, so that the region of an article beside
    // it (a 50-caption gallery under the story) does not take it in.
    // "read-more" on a region that big is the story's collapsed rest (a
    // "Continue reading" expander), not a link to other stories.
    bool says_chrome = (token_verdict(el.classes) < 0 && !has_article_word(el.classes) &&
                        !has_continuation_word(el.classes)) ||
                       (id_says_chrome && !has_article_word(el.id) && !has_continuation_word(el.id));
    soft_chrome_[e] = !minor && says_chrome ? static_cast<std::uint32_t>(e)
                      : el.parent != e       ? soft_chrome_[el.parent]
                                             : kNoElement;
  }
  clean_text_.assign(n_, 0);
  clean_good_.assign(n_, 0);
  linked_headings_.assign(n_, 0);
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
    poll_deadline();
    const Block& b = doc_.blocks[i];
    // A <header> inside a teaser card is chrome by tag, but still tells that
    // the card is a teaser; a sidebar's headings say nothing about the article.
    if (b.element < n_ && chrome_[b.element] != 2 && b.kind == BlockKind::Heading && b.link_density >= kLinkList)
      ++linked_headings_[b.element];
    if (b.element >= n_ || chrome_[b.element] || b.link_density >= kLinkList) continue;
    clean_text_[b.element] += static_cast<double>(facts_[i].chars);
    // Teasers of other stories are good-looking text too, but they sit in
    // list items and carry a link (their headline); article prose does not.
    if (facts_[i].good && b.kind == BlockKind::Paragraph && b.link_density < kPlainProseMaxLinkDensity)
      clean_good_[b.element] += static_cast<double>(facts_[i].chars);
  }
  for (std::size_t e = n_; e-- > 1;) {
    std::uint32_t p = doc_.elements[e].parent;
    if (p == e) continue;
    clean_text_[p] += clean_text_[e];
    clean_good_[p] += clean_good_[e];
    linked_headings_[p] += linked_headings_[e];
  }
}

std::uint32_t GenericClassifier::choose_container() {
  std::vector<double> raw(n_, 0);
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
    const Block& b = doc_.blocks[i];
    if (!facts_[i].scorable || b.element >= n_ || chrome_[b.element]) continue;
    double vote = 1 + static_cast<double>(comma_count(b.text)) +
                  std::min(kVoteMaxLengthPoints, static_cast<double>(facts_[i].chars / kVoteCharsPerPoint));
    std::uint32_t e = b.element;
    if (is_leaf_text_tag(doc_.elements[e].tag)) e = doc_.elements[e].parent;
    for (int level = 0; level < kVoteLevels; ++level) {
      raw[e] += vote / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      std::uint32_t up = doc_.elements[e].parent;
      if (up == e) break;
      e = up;
    }
  }
  score_.assign(n_, 0);
  std::uint32_t best = 0;
  for (std::size_t e = 0; e < n_; ++e) {
    if (raw[e] <= 0 || chrome_[e]) continue;
    const HtmlElement& el = doc_.elements[e];
    double density = text_[e] > 0 ? links_[e] / text_[e] : 0;
    score_[e] = (raw[e] + tag_weight(el.tag) + kTokenWeight * (token_verdict(el.classes) + token_verdict(el.id))) * (1.0 - density);
    if (score_[e] > score_[best]) best = static_cast<std::uint32_t>(e);
  }
  if (score_[best] <= 0) return 0;
  // An article cut into several sibling wrappers: promote to their common ancestor.
  std::vector<std::uint32_t> rivals;
  for (std::size_t e = 0; e < n_; ++e)
    if (e != best && score_[e] >= kRivalShare * score_[best] &&
        !is_descendant(static_cast<std::uint32_t>(e), best, kAncestryDepth) &&
        !is_descendant(best, static_cast<std::uint32_t>(e), kAncestryDepth))
      rivals.push_back(static_cast<std::uint32_t>(e));
  if (rivals.size() >= kMinRivals) {
    std::uint32_t a = doc_.elements[best].parent;
    for (int step = 0; step < kSplitAncestorSteps && a != 0; ++step, a = doc_.elements[a].parent) {
      int inside = 0;
      for (std::uint32_t r : rivals) inside += is_descendant(r, a, kAncestryDepth);
      if (inside >= static_cast<int>(kMinRivals)) { best = a; break; }
    }
  }
  // Climb while what the parent adds is itself mostly article text: chunks of
  // one article in sibling wrappers, with only ads or images between them.
  std::uint32_t climbed = best;
  for (int step = 0; step < kClimbSteps; ++step) {
    std::uint32_t up = doc_.elements[climbed].parent;
    if (up == climbed || chrome_[up]) break;
    climbed = up;
    double extra_good = clean_good_[up] - clean_good_[best];
    double extra_text = clean_text_[up] - clean_text_[best];
    if (extra_text - extra_good > kClimbMaxNonProse * extra_text && extra_text > kClimbMinText) break;
    if (linked_headings_[up] - linked_headings_[best] >= kClimbMaxTeaserCards) break;
    if (extra_good >= kClimbMinProse) best = up;
  }
  return best;
}

bool GenericClassifier::is_descendant(std::uint32_t e, std::uint32_t ancestor, int limit) const {
  for (int i = 0; i < limit; ++i) {
    if (e == ancestor) return true;
    std::uint32_t up = doc_.elements[e].parent;
    if (up == e) return false;
    e = up;
  }
  return false;
}

void GenericClassifier::select_region(std::uint32_t top) {
  selected_.assign(n_, 0);
  selected_[top] = 1;
  std::uint32_t parent = doc_.elements[top].parent;
  if (parent != top) {
    double threshold = std::max(kSiblingMinScore, score_[top] * kSiblingScoreShare);
    for (std::size_t e = parent + 1; e < n_; ++e) {
      if (doc_.elements[e].parent != parent || e == top || chrome_[e]) continue;
      bool good_paragraph = doc_.elements[e].tag == "p" && good_text_[e] > 0;
      if (score_[e] >= threshold || good_paragraph) selected_[e] = 1;
    }
  }
  for (std::size_t e = 0; e < n_; ++e) {
    std::uint32_t p = doc_.elements[e].parent;
    if (p != e && selected_[p]) selected_[e] = 1;
  }
  // Leave out what only sits in a chrome-worded region the article is not
  // in — when the region has article text of its own outside it (a story
  // beside its gallery); a region that is all of the article's text
  // (Elementor's "elementor-widget-container" around the post) stays.
  for (std::size_t e = 0; e < n_; ++e) {
    std::uint32_t soft = soft_chrome_[e];
    if (!selected_[e] || soft == kNoElement || is_descendant(top, soft, 64)) continue;
    double outside = good_text_[top] - good_text_[soft];
    if (outside >= std::max(kSoftChromeOutside, 0.2 * good_text_[top])) selected_[e] = 0;
  }
}

void GenericClassifier::assign_roles() {
  std::vector<Block>& blocks = doc_.blocks;
  std::string title = folded(doc_.metadata.title);
  bool title_found = false;
  std::vector<std::size_t> kept, stops;  // block indices: kept lines, stop lines in the region
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    bool in_region = b.element < n_ && selected_[b.element] && !chrome_[b.element];
    b.role = b.link_density >= kLinkList ? Role::Navigation : Role::Chrome;
    if (!title_found && b.kind == BlockKind::Heading && b.link_density < kLinkList && !title.empty() &&
        (folded(b.text) == title || repeats_title(b.text, doc_.metadata.title))) {
      b.role = Role::Title;
      title_found = true;
      continue;
    }
    if (!in_region || b.kind == BlockKind::ListMarker || b.link_density >= kLinkList) continue;
    const std::string lowered = text::ascii_lowered(b.text);
    if (in_table(std::string_view(lowered), html::kStopLines)) stops.push_back(i);
    if (in_table(std::string_view(lowered), html::kChromeLines) || (!stops.empty() && stops.back() == i)) continue;
    if (facts_[i].chars < kBylineMaxChars && !ends_like_sentence(b.text) && starts_with_any(lowered, html::kBylinePrefixes))
      continue;
    b.role = Role::Body;
    kept.push_back(i);
  }
  // A "Related stories" line late in the region: what follows is teasers.
  double kept_chars = 0, seen = 0;
  for (std::size_t k : kept) kept_chars += static_cast<double>(facts_[k].chars);
  for (std::size_t k = 0, stop = 0; k < kept.size(); ++k) {
    while (stop < stops.size() && stops[stop] < kept[k]) ++stop;
    seen += static_cast<double>(facts_[kept[k]].chars);
    bool stop_follows = stop < stops.size() && (k + 1 == kept.size() || stops[stop] < kept[k + 1]);
    if (!stop_follows || seen < kStopLineMinShare * kept_chars) continue;
    for (std::size_t j = k + 1; j < kept.size(); ++j) blocks[kept[j]].role = Role::Chrome;
    kept.resize(k + 1);
    break;
  }
  // Appeals to the reader ("Sign up for our newsletter") at either end.
  auto promo = [&](std::size_t i) {
    if (facts_[i].chars >= kPromoMaxChars) return false;
    const std::string lowered = text::ascii_lowered(blocks[i].text);
    for (std::string_view phrase : html::kPromoPhrases)
      if (lowered.find(phrase) != std::string::npos) return true;
    return false;
  };
  for (std::size_t k = 0; k < kept.size(); ++k) {
    bool at_edge = k < kPromoEdgeLines || k + kPromoTailLines >= kept.size();
    if (at_edge && promo(kept[k])) blocks[kept[k]].role = Role::Chrome;
  }
  // Short, unpunctuated lines at the edges of the region are bylines, dates,
  // tag lists: drop them until the first (last) line that reads as text.
  auto weak = [&](std::size_t i) {
    return blocks[i].kind != BlockKind::Heading && facts_[i].chars < kWeakEdgeMaxChars && !ends_like_sentence(blocks[i].text);
  };
  for (std::size_t k = 0; k < kept.size() && weak(kept[k]); ++k) blocks[kept[k]].role = Role::Chrome;
  // At the end, list items without links are the article's own list
  // (ingredients, results): tag and share lists are links, gone already.
  for (std::size_t k = kept.size(); k-- > 0 && weak(kept[k]) && blocks[kept[k]].kind != BlockKind::ListItem;)
    blocks[kept[k]].role = Role::Chrome;
  // A heading as the region's last line introduces something that is not there.
  for (std::size_t k = kept.size(); k-- > 0;) {
    if (blocks[kept[k]].role != Role::Body) continue;
    if (blocks[kept[k]].kind == BlockKind::Heading) blocks[kept[k]].role = Role::Chrome;
    else break;
  }
}

// Prose: what an article is made of, a paragraph (or a list item: some
// articles are lists) of 80+ characters with
// few links, weighted by the share of it that is not link text.
double GenericClassifier::prose_weight(std::size_t i) const {
  const Block& b = doc_.blocks[i];
  bool paragraph_like = b.kind == BlockKind::Paragraph || b.kind == BlockKind::ListItem;
  if (!paragraph_like || facts_[i].chars < 80 || b.link_density >= 0.3) return 0;
  return static_cast<double>(facts_[i].chars) * (1.0 - b.link_density);
}

// What one reading of the page is worth: the prose it keeps, and that less
// the link-heavy text it keeps (teasers, link lists that slipped through).
// Short lines, headings, code and lists without links count neither way.
Outcome GenericClassifier::outcome() const {
  Outcome o;
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
    const Block& b = doc_.blocks[i];
    if (b.role != Role::Body) continue;
    double prose = prose_weight(i);
    o.prose += prose;
    o.net += prose > 0 ? prose : -static_cast<double>(facts_[i].chars) * b.link_density;
  }
  return o;
}

// The paragraph-level reading of the whole page (the jusText idea): every
// block outside chrome regions is good (prose: 80+ characters, few links,
// ending as a sentence), bad (link-dense, or a chrome line) or short; a
// short block takes the class of its neighbours when both good blocks
// around it agree, a heading joins when good text follows it. The elements
// of the good blocks are the region, and the ordinary line rules
// (assign_roles) run on it.
void GenericClassifier::select_paragraphs() {
  enum Class : char { kShort, kGood, kBad };
  const std::size_t n = doc_.blocks.size();
  std::vector<char> cls(n, kShort);
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = doc_.blocks[i];
    if (b.element >= n_ || chrome_[b.element] || b.link_density >= 0.3) cls[i] = kBad;
    else if (facts_[i].chars >= 80 && b.link_density < 0.1 && b.kind != BlockKind::Heading && ends_like_sentence(b.text))
      cls[i] = kGood;
  }
  std::vector<char> smoothed = cls;
  for (std::size_t i = 0; i < n; ++i) {
    if (cls[i] != kShort) continue;
    std::size_t prev = i, next = i;
    while (prev > 0 && cls[prev - 1] == kShort) --prev;
    while (next + 1 < n && cls[next + 1] == kShort) ++next;
    bool good_before = prev > 0 && cls[prev - 1] == kGood;
    bool good_after = next + 1 < n && cls[next + 1] == kGood;
    if (good_after && (good_before || doc_.blocks[i].kind == BlockKind::Heading)) smoothed[i] = kGood;
  }
  selected_.assign(n_, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (smoothed[i] == kGood && doc_.blocks[i].element < n_) selected_[doc_.blocks[i].element] = 1;
}

// 4. Fallback. When the chosen container keeps less than a quarter of the
// page's prose, the article was probably missed (a post split into
// sections, a cookie banner or a "like this" widget taken for the article):
// read the page again from each ancestor of the container, and paragraph by
// paragraph, and keep the reading that keeps the most prose — but only when
// it gains kFallbackGain of the page's prose and kFallbackMinChars over the
// container without keeping more link text than prose gained (its net
// score is no worse), so that a page whose container was right, and whose
// other prose is a promotion or teasers the regions did not catch, keeps
// it. doc.extractor says which reading won.
void GenericClassifier::fall_back(std::uint32_t top) {
  double page_prose = 0;
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i)
    if (doc_.blocks[i].element < n_ && !chrome_[doc_.blocks[i].element]) page_prose += prose_weight(i);
  const Outcome container = outcome();
  if (page_prose <= 0 || container.prose >= kMissedShare * page_prose) return;
  auto save = [&] {
    std::vector<Role> roles;
    roles.reserve(doc_.blocks.size());
    for (const Block& b : doc_.blocks) roles.push_back(b.role);
    return roles;
  };
  std::vector<Role> best_roles = save();
  Outcome best = container;
  const char* best_path = "container";
  const double needed = std::max(kFallbackGain * page_prose, kFallbackMinChars);
  auto consider = [&](const char* path) {
    Outcome o = outcome();
    if (o.prose - container.prose >= needed && o.prose > best.prose && o.net >= container.net) {
      best = o;
      best_roles = save();
      best_path = path;
    }
  };
  for (std::uint32_t a = top, step = 0; step < 8; ++step) {
    std::uint32_t up = doc_.elements[a].parent;
    if (up == a || chrome_[up]) break;
    a = up;
    select_region(a);
    assign_roles();
    consider("ancestor");
  }
  select_paragraphs();
  assign_roles();
  consider("paragraphs");
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) doc_.blocks[i].role = best_roles[i];
  doc_.extractor = std::string("generic:") + best_path;
}

void GenericClassifier::run() {
  if (doc_.blocks.empty() || n_ == 0) return;
  measure();
  mark_regions();
  std::uint32_t top = choose_container();
  select_region(top);
  assign_roles();
  doc_.extractor = "generic:container";
  fall_back(top);
}

}  // namespace

void classify_html_generic(Document& doc) { GenericClassifier(doc).run(); }

}  // namespace winnow
