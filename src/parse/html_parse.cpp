// HTML to blocks: the one pass that turns a DOM into lines of text.
//
// The problem. Everything downstream (the site-profile classifier, the
// generic classifier, text assembly) thinks in lines, the way the text dumps
// of the corpus are laid out: a heading is a line, a paragraph is a line,
// every <li> is a "- item" line, a <br> ends a line. The HTML path has to cut
// a page into the same lines, so one classifier serves both, and keep enough
// of the DOM on each line (tag path, class/id tokens, link density, the
// enclosing element) for a classifier that has no profile to go on.
//
// The method. Pre-scan the bytes (html_prescan.cpp) to drop scripts, styles
// and comments, let Gumbo build the tree, then walk it once, iteratively with
// an explicit stack (pages nest 100,000 deep; recursion would blow the C
// stack). Inline content (text, <a>, <span>, <b>, unknown inline tags)
// accumulates into a run with whitespace collapsed; entering or leaving a
// block-level element, or a <br>, ends the run and emits it as a Block whose
// kind follows the innermost block element: <li> a ListItem, <h1>-<h6> a
// Heading, <td>/<th> a TableCell, <pre> Preformatted (one block per line),
// anything else a Paragraph. Custom elements (<hl-citation>, <amp-img>) are
// inline, as browsers render them without a stylesheet; the blocks inside
// them still break lines. An <li> whose first content is itself a block
// (a menu entry holding a label <div> and a sub-list) emits a bare ListMarker
// first, exactly as the text dumps print "-" on a line of its own. Hidden
// subtrees (hidden, aria-hidden, display:none) and form controls are skipped.
// <abbr title> gives an abbreviation; its title never becomes text.
//
// The cost: Gumbo's parse dominates; the walk is linear in nodes, and each
// emitted block copies its text plus a tag path capped at 12 steps and class
// tokens capped at 400 bytes, so a deep page cannot make block records
// quadratic.
#include <gumbo.h>

#include <cctype>
#include <cstring>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <unordered_set>

#include "text_bytes.hpp"
#include "deadline.hpp"

#include "html_head.hpp"
#include "html_prescan.hpp"
#include "winnow/html.hpp"
#include "winnow/text_dump.hpp"

namespace winnow {
namespace {

enum class Treatment { Inline, Block, Skip, LineBreak };

Treatment treatment_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BR: return Treatment::LineBreak;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML:
      return Treatment::Block;
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
      return Treatment::Skip;
    default: return Treatment::Inline;
  }
}

std::string tag_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return name.empty() ? "unknown" : name;
}

bool is_hidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
  if (const auto* a = gumbo_get_attribute(&e.attributes, "aria-hidden"); a && std::strcmp(a->value, "true") == 0)
    return true;
  if (const auto* s = gumbo_get_attribute(&e.attributes, "style")) {
    std::string compact;
    for (const char* p = s->value; *p; ++p)
      if (*p != ' ') compact.push_back(text::ascii_lower(*p));
    if (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

// Lower-cased attribute value with whitespace runs collapsed to one space.
std::string token_list(const GumboElement& e, const char* name) {
  std::string out;
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  if (!a) return out;
  for (const char* p = a->value; *p; ++p) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(text::ascii_lower(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}


struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  std::uint32_t element = 0;     // index in doc.elements
  Treatment treatment = Treatment::Inline;
  bool list_item_fresh = false;  // an <li> that has emitted nothing yet
  std::size_t abbr_start = std::string::npos;
  std::size_t run_generation = 0;
};

class Walker {
 public:
  explicit Walker(Document& doc) : head(doc.metadata, doc.canonical_url, doc.url, doc.date_candidates), doc_(doc) {
    for (const auto& a : doc.metadata.abbreviations) abbreviations_seen_.insert(a.abbr);
  }

  void walk(const GumboNode* root);
  html::PageHeadings headings;
  html::HeadReader head;

 private:
  void enter(const GumboNode* node);
  void leave(Frame& frame);
  void append_text(std::string_view text);
  void flush();
  void note_heading(GumboTag tag, double link_density);
  void emit(std::string text, BlockKind kind);
  Frame* innermost_block();
  std::string tag_path() const;
  std::string ancestor_tokens() const;

  Document& doc_;
  std::vector<Frame> stack_;
  // A set, not a search of the list: a hostile page has 40,000 distinct
  // <abbr>s, and the search made that 1.6 s.
  std::unordered_set<std::string> abbreviations_seen_;
  std::string run_;
  std::size_t run_link_bytes_ = 0;
  std::size_t run_generation_ = 0;  // bumped at each flush, so an <abbr> knows if its run survived
  bool pending_space_ = false;
  int links_open_ = 0;
  int pre_open_ = 0;
};

Frame* Walker::innermost_block() {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
    if (it->treatment == Treatment::Block) return &*it;
  return nullptr;
}

std::string Walker::tag_path() const {
  std::string path;
  std::size_t first = stack_.size() > 12 ? stack_.size() - 12 : 0;
  for (std::size_t i = first; i < stack_.size(); ++i) {
    const HtmlElement& e = doc_.elements[stack_[i].element];
    if (!path.empty()) path.push_back('>');
    path += e.tag;
    if (!e.classes.empty()) {
      path.push_back('.');
      path.append(e.classes, 0, e.classes.find(' '));
    }
  }
  return path;
}

std::string Walker::ancestor_tokens() const {
  // Nearest 32 ancestors at most: a deep page must not make this quadratic.
  std::string tokens;
  int level = 0;
  for (auto it = stack_.rbegin(); it != stack_.rend() && tokens.size() < 400 && level < 32; ++it, ++level) {
    const HtmlElement& e = doc_.elements[it->element];
    for (const std::string* own : {&e.classes, &e.id}) {  // inserted at the front: id ends up first
      if (own->empty()) continue;
      if (!tokens.empty()) tokens.insert(tokens.begin(), ' ');
      tokens.insert(0, *own);
    }
  }
  return tokens;
}

void Walker::append_text(std::string_view text) {
  if (pre_open_) {
    for (std::size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
      run_.append(text.substr(0, nl));
      flush();
    }
    run_.append(text);
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t space = layout_space_length(text, i);
    if (space) {
      pending_space_ = true;
      i += space - 1;
      continue;
    }
    if (pending_space_ && !run_.empty()) run_.push_back(' ');
    pending_space_ = false;
    run_.push_back(static_cast<char>(c));
    if (links_open_) ++run_link_bytes_;
  }
}

void Walker::emit(std::string text, BlockKind kind) {
  Block b;
  b.text = std::move(text);
  b.kind = kind;
  b.depth = static_cast<int>(stack_.size());
  b.tag_path = tag_path();
  b.class_tokens = ancestor_tokens();
  Frame* owner = innermost_block();
  b.element = owner ? owner->element : 0;
  doc_.blocks.push_back(std::move(b));
}

// The headings <title> is read against (html_head.cpp). A linked <h1> is the
// site's name in its masthead, not the article's title.
void Walker::note_heading(GumboTag tag, double link_density) {
  if (tag != GUMBO_TAG_H1 && tag != GUMBO_TAG_H2) return;
  if (tag == GUMBO_TAG_H1) {
    if (headings.h1_count++ == 0) headings.lone_h1 = run_;
    if (headings.first_h1.empty() && link_density < 0.5) headings.first_h1 = run_;
  }
  if (headings.h1_h2.size() < html::PageHeadings::kMaxHeadings) headings.h1_h2.push_back(run_);
}

void Walker::flush() {
  ++run_generation_;
  pending_space_ = false;
  while (!run_.empty() && run_.back() == ' ') run_.pop_back();
  if (run_.empty()) { run_link_bytes_ = 0; return; }
  Frame* owner = innermost_block();
  BlockKind kind = BlockKind::Paragraph;
  if (owner) {
    switch (owner->node->v.element.tag) {
      case GUMBO_TAG_LI: kind = BlockKind::ListItem; break;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: kind = BlockKind::Heading; break;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: kind = BlockKind::TableCell; break;
      case GUMBO_TAG_PRE: kind = BlockKind::Preformatted; break;
      default: break;
    }
    owner->list_item_fresh = false;
  }
  double density = static_cast<double>(run_link_bytes_) / static_cast<double>(run_.size());
  if (kind == BlockKind::Heading) note_heading(owner->node->v.element.tag, density);
  emit(std::move(run_), kind);
  doc_.blocks.back().link_density = density > 1.0 ? 1.0 : density;
  run_.clear();
  run_link_bytes_ = 0;
}

void Walker::enter(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    append_text(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& e = node->v.element;
  head.element(e);
  Treatment t = treatment_of(e.tag);
  if (t == Treatment::Skip) return;
  if (t == Treatment::LineBreak) { flush(); return; }
  if (e.tag != GUMBO_TAG_HTML && is_hidden(e)) return;
  if (t == Treatment::Block) {
    flush();
    Frame* owner = innermost_block();
    if (owner && owner->list_item_fresh && owner->node->v.element.tag == GUMBO_TAG_LI && e.tag != GUMBO_TAG_LI) {
      owner->list_item_fresh = false;
      emit("", BlockKind::ListMarker);  // no text, as the text-dump parser gives a bare "-" line
    }
  }
  Frame f{node};
  f.treatment = t;
  f.element = static_cast<std::uint32_t>(doc_.elements.size());
  HtmlElement record;
  record.parent = stack_.empty() ? f.element : stack_.back().element;
  record.tag = tag_name(e);
  record.classes = token_list(e, "class");
  record.id = token_list(e, "id");
  doc_.elements.push_back(std::move(record));
  f.list_item_fresh = e.tag == GUMBO_TAG_LI;
  if (e.tag == GUMBO_TAG_A) ++links_open_;
  if (e.tag == GUMBO_TAG_PRE) ++pre_open_;
  if (e.tag == GUMBO_TAG_ABBR && gumbo_get_attribute(&e.attributes, "title")) {
    f.abbr_start = run_.size() + (pending_space_ && !run_.empty() ? 1 : 0);
    f.run_generation = run_generation_;
  }
  stack_.push_back(f);
}

void Walker::leave(Frame& frame) {
  const GumboElement& e = frame.node->v.element;
  if (e.tag == GUMBO_TAG_A) --links_open_;
  if (e.tag == GUMBO_TAG_PRE) --pre_open_;
  if (frame.abbr_start != std::string::npos && frame.run_generation == run_generation_ &&
      frame.abbr_start <= run_.size()) {
    std::string abbr = run_.substr(frame.abbr_start);
    std::string expansion = gumbo_get_attribute(&e.attributes, "title")->value;
    if (!abbr.empty() && !expansion.empty() && abbreviations_seen_.insert(abbr).second)
      doc_.metadata.abbreviations.push_back({abbr, expansion});
  }
  if (frame.treatment == Treatment::Block) flush();
}

void Walker::walk(const GumboNode* root) {
  enter(root);
  while (!stack_.empty()) {
    poll_deadline();
    Frame& top = stack_.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
      enter(child);
      continue;
    }
    Frame done = top;
    leave(done);
    stack_.pop_back();
  }
  flush();
}

// <head> children are flat; read them here since the walk skips <head>.
void read_head(const GumboNode* root, html::HeadReader& reader) {
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_HEAD) continue;
    const GumboVector& head = child->v.element.children;
    for (unsigned k = 0; k < head.length; ++k) {
      const auto* item = static_cast<const GumboNode*>(head.data[k]);
      if (item->type == GUMBO_NODE_ELEMENT) reader.element(item->v.element);
    }
  }
}

// Gumbo's memory, kept on a list so that a parse that runs out of memory
// can be given back whole. Gumbo does not check malloc for NULL (it would
// crash the run), so the allocator throws std::bad_alloc instead; Gumbo's C
// frames run no cleanups as it unwinds to parse_html, which then frees
// every block the parse still held, and Extractor::run skips the record.
// The cost: 16 bytes and two pointer writes per allocation.
struct GumboBlock {
  GumboBlock* prev;
  GumboBlock* next;
};
static_assert(sizeof(GumboBlock) % alignof(std::max_align_t) == 0 || sizeof(GumboBlock) == 16,
              "the header must keep malloc's alignment");

struct GumboArena {
  GumboBlock head{&head, &head};
  void free_all() {
    for (GumboBlock* b = head.next; b != &head;) {
      GumboBlock* next = b->next;
      std::free(b);
      b = next;
    }
    head.prev = head.next = &head;
  }
};

void* arena_allocate(void* userdata, std::size_t size) {
  auto* arena = static_cast<GumboArena*>(userdata);
  auto* b = static_cast<GumboBlock*>(std::malloc(sizeof(GumboBlock) + size));
  if (b == nullptr) throw std::bad_alloc();
  b->prev = &arena->head;
  b->next = arena->head.next;
  arena->head.next->prev = b;
  arena->head.next = b;
  return b + 1;
}

void arena_free(void*, void* ptr) {
  if (ptr == nullptr) return;
  GumboBlock* b = static_cast<GumboBlock*>(ptr) - 1;
  b->prev->next = b->next;
  b->next->prev = b->prev;
  std::free(b);
}

}  // namespace

void parse_html(Document& doc) {
  html::Prescanned page = html::prescan_html(doc.body);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; recording them costs memory on broken pages
  GumboArena arena;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena;
  GumboOutput* parsed = nullptr;
  try {
    parsed = gumbo_parse_with_options(&options, page.html.data(), page.html.size());
  } catch (const std::bad_alloc&) {
    arena.free_all();
    throw;
  }
  // Owned, so that a deadline thrown from the walk (deadline.hpp) frees the tree.
  auto destroy = [&options](GumboOutput* o) { gumbo_destroy_output(&options, o); };
  std::unique_ptr<GumboOutput, decltype(destroy)> output(parsed, destroy);
  poll_deadline();
  doc.blocks.clear();
  doc.elements.clear();
  Walker walker(doc);
  read_head(output->root, walker.head);
  walker.walk(output->root);
  walker.head.finish(page.json_ld, walker.headings);
}

}  // namespace winnow
