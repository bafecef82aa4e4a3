// The extraction line: the order of the stages, and nothing else.
//
// Kept separate from the CLI so that library users, tests and benchmarks run
// exactly what `winnow extract` runs.
#include "winnow/extract.hpp"

#include <chrono>
#include <fmt/format.h>

#include "deadline.hpp"

#include "winnow/boilerplate.hpp"
#include "winnow/decode.hpp"
#include "winnow/html.hpp"
#include "winnow/metadata.hpp"
#include "winnow/text_dump.hpp"

namespace winnow {

Extractor::Extractor(ProfileSet profiles, ExtractOptions options)
    : profiles_(std::move(profiles)), options_(options) {}

namespace detail {

// True, with a message, once the record has used up its time budget.
class Budget {
 public:
  explicit Budget(std::uint32_t ms) : ms_(ms), start_(std::chrono::steady_clock::now()) {}
  bool exceeded(const char* stage, std::string* problem) const {
    if (ms_ == 0) return false;
    if (spent_ms() <= ms_) return false;
    report(stage, problem);
    return true;
  }
  void report(const char* stage, std::string* problem) const {
    *problem = fmt::format("over the time budget of {} ms ({} ms, during {})", ms_, spent_ms(), stage);
  }
  std::chrono::steady_clock::time_point start() const { return start_; }
  std::uint32_t ms() const { return ms_; }

 private:
  std::uint64_t spent_ms() const {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_).count());
  }
  std::uint32_t ms_;
  std::chrono::steady_clock::time_point start_;
};


}  // namespace detail

SkipClass Extractor::skip_class(std::string_view problem) {
  if (problem == "empty input") return SkipClass::Empty;
  if (problem == "no article text found") return SkipClass::NoArticle;
  if (problem.starts_with("binary data")) return SkipClass::Binary;
  if (problem.starts_with("over the time budget")) return SkipClass::TimeBudget;
  if (problem.starts_with("out of memory")) return SkipClass::OutOfMemory;
  return SkipClass::Undecodable;  // "invalid UTF-16LE text" and the like
}

bool Extractor::run(Document& doc, std::string* problem) const {
  detail::Budget budget(options_.time_budget_ms);
  DeadlineScope deadline(budget.start(), budget.ms(), options_.cancel);
  const char* stage = "decoding";
  try {
    return run_stages(doc, budget, stage, problem);
  } catch (const DeadlineExpired& e) {
    if (e.cancelled) *problem = kInterrupted;
    else budget.report(stage, problem);
    return false;
  } catch (const std::bad_alloc&) {
    // One record too big for the memory left: give back what it holds and
    // skip it; the run goes on with the next one (which usually fits).
    std::size_t bytes = std::max(doc.body.size(), doc.text.size());
    doc.body = std::string();
    doc.text = std::string();
    doc.blocks = {};
    doc.elements = {};
    *problem = fmt::format("out of memory during {} (a {}-byte record)", stage, bytes);
    return false;
  }
}

namespace {

// Body lines the profile names as chrome become chrome; true if the profile
// has chrome lines at all (it then took part in reading the page).
bool strip_profile_chrome(Document& doc, const SiteProfile& profile) {
  if (!profile.chrome_lines) return false;
  for (Block& b : doc.blocks)
    if (b.role == Role::Body && profile.is_chrome_line(b.text)) b.role = Role::Chrome;
  return true;
}

}  // namespace

bool Extractor::run_stages(Document& doc, const detail::Budget& budget, const char*& stage, std::string* problem) const {
  if (!decode_document(doc, problem)) return false;
  if (budget.exceeded("decoding", problem)) return false;
  if (!options_.strip) {
    doc.text = std::move(doc.body);
    doc.body.clear();
    return true;
  }
  stage = "parsing and classification";
  if (doc.format == InputFormat::Html) {
    parse_html(doc);
    // A known site's page is read by its layout when the layout's anchors
    // (page-type line, metadata box) are there, else by the profile's
    // selectors; a page no profile knows, or whose selectors match nothing,
    // by DOM features.
    const SiteProfile* profile = profiles_.detect(doc);
    bool done = profile && classify_boilerplate(doc, profiles_, profile, /*require_anchors=*/true);
    if (done) doc.extractor = "layout";
    if (!done && profile && profile->html) {
      std::string why;
      done = classify_html_with_profile(doc, *profile, &why);
      if (done) {
        doc.extractor = "profile";
        doc.profile = profile->name;
        if (doc.metadata.type.empty()) doc.metadata.type = profile->default_type;
      }
    }
    if (!done) {
      classify_html_generic(doc);
      // A profile with no layout or selectors for this page (one learned by
      // `winnow profile learn`) still knows the site's template lines.
      if (profile && strip_profile_chrome(doc, *profile)) doc.profile = profile->name;
    }
  } else {
    parse_text_dump(doc);
    classify_boilerplate(doc, profiles_);
    doc.extractor = "layout";
  }
  if (budget.exceeded("parsing and classification", problem)) return false;
  assemble_text(doc);
  if (doc.text.empty()) {
    *problem = "no article text found";
    return false;
  }
  stage = "metadata extraction";
  if (options_.metadata) extract_metadata(doc, options_.metadata_parts);
  if (budget.exceeded("metadata extraction", problem)) return false;
  if (!options_.keep_blocks) {
    doc.blocks.clear();
    doc.blocks.shrink_to_fit();
  }
  doc.body.clear();
  doc.body.shrink_to_fit();
  return true;
}

}  // namespace winnow
