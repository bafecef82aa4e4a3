// Stage: near-duplicate detection over cleaned texts.
//
// The usual way in is the dedup line (DedupLine, at the end of this header,
// src/dedup_line.cpp): the same code `winnow dedup` runs. It extracts every
// record of a reader on all cores, shingles each clean text on the worker
// threads, feeds the engine in input order, and writes the verdicts in any of
// the four --emit forms. From examples/dedup_directory.cpp (the lines of
// `winnow dedup --emit groups DIR`):
//
//   winnow::Diagnostics diagnostics;
//   winnow::ExtractOptions extract;
//   extract.metadata_parts = {false, false};  // grouping needs no speakers or figures
//   winnow::Extractor extractor(winnow::ProfileSet::builtin(), extract);
//   winnow::InputReader reader({argv[1]}, winnow::ReaderOptions{}, diagnostics);
//   winnow::DedupLine line(winnow::DedupOptions{});  // defaults: jaccard or containment 0.8, 5-word shingles
//   line.read(reader, extractor, diagnostics, /*jobs: all cores*/ 0);
//   winnow::DedupResult result = line.finish();
//   winnow::write_dedup_report(result, winnow::DedupEmit::Groups, [](std::string_view group) {
//     return std::printf("%.*s\n", static_cast<int>(group.size()), group.data()) >= 0;
//   });
//
// Underneath is the engine, for a caller that has its documents already:
// feed each document's shingle set, in input order, then ask for the
// verdicts. The engine keeps only compact per-document data (22-bit shingle
// fingerprints, Rice-coded: about a kilobyte for a 600-word article; a few
// scalars), never the texts; document frequencies, template suppression,
// signing, LSH, verification and clustering all happen in finish(). add() is
// not thread-safe (call it from one thread, e.g. a serial pipeline stage);
// finish() runs its phases on oneTBB. The design is explained at the top of
// src/dedup/dedup.cpp.
//
// A pair of documents is a duplicate when its exact Jaccard resemblance
// (|A∩B|/|A∪B|) reaches `jaccard` OR its containment (|A∩B|/min(|A|,|B|))
// reaches `containment`, both computed on the shingle sets without template
// shingles. A group holds an original and members that are each a verified
// duplicate of that original (never only of another member).
//
//   winnow::DedupOptions opt;                 // defaults: see DedupOptions
//   winnow::Deduplicator dd(opt);
//   for (auto& doc : docs) {                  // extracted by a winnow::Extractor
//     doc.shingles = winnow::shingle_set(doc.text, opt.shingles);
//     dd.add(winnow::dedup_item(doc, sequence++, extractor.profiles()));
//   }
//   winnow::DedupReport report = dd.finish();
//   for (auto& r : report.records) ...        // one per add(), in add() order
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/fingerprint.hpp"
#include "winnow/pipeline.hpp"
#include "winnow/profiles.hpp"

namespace winnow {

enum class KeepPolicy { Original, Longest, First, Newest };

struct DedupOptions {
  double jaccard = 0.8;       // a pair whose resemblance reaches this is a duplicate
  double containment = 0.8;   // ... or whose smaller side is this much contained in the larger
                              // (set containment to 1.01 to decide on Jaccard alone)
  ShingleOptions shingles;    // word k-shingles
  std::size_t num_perm = 128; // MinHash signature length
  std::uint64_t seed = 0x77696e6e6f77ULL;  // "winnow": fixed so signatures agree across runs
  KeepPolicy keep = KeepPolicy::Original;
  // With KeepPolicy::Original: read how the texts differ (their outlines:
  // truncation, added paragraphs, selection, spelling) to choose. False:
  // choose by excerpt marks, canonical links, official sites, coverage,
  // dates alone, as the nightly index and the staged runs do (they keep
  // shingle sets, not outlines), so that a local run can give their answer.
  bool text_evidence = true;

  // Candidate generation (src/dedup/lsh.cpp). LSH is tuned for the lowest Jaccard
  // a pair passing `containment` can have when the larger document is at most
  // max_size_ratio times the smaller: c / (1 + ratio - c) = 0.25 for the
  // defaults, unless lsh_threshold > 0 overrides it. Ratio 3 rather than 2:
  // truncated copies (40-70% of the article) and short releases reposted with
  // commentary exceed 2x; on the 10k benchmark ratio 2 missed 2.9% of planted
  // pairs, ratio 3 0.4%, for 14% more candidates. Bands x rows minimise
  // fp_weight * (area under the S-curve below the threshold) + fn_weight *
  // (area above it).
  double max_size_ratio = 3.0;
  double lsh_threshold = 0;   // 0: derive from jaccard, containment, max_size_ratio
  double fp_weight = 0.5;
  double fn_weight = 0.5;
  // An LSH bucket with more documents than this (e.g. thousands of copies of
  // one boilerplate page) pairs each member with the bucket's first
  // max_bucket members only, instead of all pairs.
  std::size_t max_bucket = 128;

  // Template suppression (src/dedup/dedup.cpp): a shingle found in more than
  // max(template_min_docs, template_fraction * N) of the N documents is site
  // chrome or a legal footer and is ignored for signing and scoring. A
  // document left with under template_min_kept of its shingles (a heavily
  // syndicated article whose own shingles all cross the bar) keeps them,
  // except those above template_hard_factor times the bar (large-site chrome).
  std::size_t template_min_docs = 50;
  double template_fraction = 0.001;
  double template_min_kept = 0.1;
  double template_hard_factor = 4.0;

  // Threads for finish() (signing, banding, verification): 0 = oneTBB's default.
  std::size_t threads = 0;
};

struct DedupItem {
  std::string id;             // not kept by the engine: reports use add() indexes
  std::uint64_t sequence = 0;
  std::string date;           // ISO 8601 or empty
  bool official = false;      // matched a known site profile (an original publisher)
  std::size_t text_bytes = 0;
  std::vector<std::uint64_t> shingles;  // shingle_set() of the clean text
  bool excerpt = false;       // looks_like_excerpt(): never the original while a full member exists
  // The text's order and words, from shingle_set(text, options.shingles,
  // outline): how copies differ (truncation, added paragraphs, selection,
  // spelling) is read from it. Empty: those rules cannot decide.
  ShingleOutline outline{};
  std::string url{};            // Document::url, what was fetched
  // Document::canonical_url, the page's own address: a member whose
  // canonical_url is another member's url names that member original
  // (reason "canonical").
  std::string canonical_url{};
};

// Whether a clean text is an excerpt of a longer article: its cut ends in an
// ellipsis, perhaps with "Read more" (or the like, in the languages of
// profiles/excerpt_marks.tsv) after it, or a line is only such a phrase; up
// to three source or link lines may follow. See src/dedup/dedup_excerpt.cpp.
//
//   looks_like_excerpt("Title\nThe Mission opened a course for ... Read more")  // true
//   looks_like_excerpt("Title\nThe Mission opened a course.")                   // false
bool looks_like_excerpt(std::string_view clean_text);

struct DedupPair {
  std::size_t a = 0, b = 0;   // indexes in add() order, a < b
  double jaccard = 0;
  double containment = 0;     // |A ∩ B| / min(|A|, |B|)
  bool duplicate = false;
};

struct DedupRecord {
  std::optional<std::size_t> group;  // index into DedupReport::groups; none if unique
  std::size_t original = 0;          // index of the group's original (itself if unique)
  bool is_original = true;
  double jaccard = 1.0;              // against the original (1 for the original itself)
  double containment = 1.0;
  std::size_t shingles = 0;          // shingles scored (template shingles removed)
  bool template_fallback = false;    // kept its template shingles (see template_min_kept)
};

// Which rule chose a group's original over the member closest to it (the
// one that would be original without it). See src/dedup/dedup_cluster.cpp.
enum class OriginalReason {
  Truncation,       // the other is a cut-off head of it (or carries an excerpt mark)
  AddedParagraphs,  // the other is it plus paragraphs at the edges
  Selection,        // the other is sentences picked from all over it
  Coverage,         // in a group of 3+, the others share the most with it
  Spelling,         // near-identical; the other has words no other text has
  Canonical,        // the other's canonical_url is its url
  Official,         // its site's profile publishes originals
  Date,             // earlier date
  Tie,              // nothing decided: first in input order
  Policy            // KeepPolicy Longest, First or Newest chose, not these rules
};
// "truncation", "added-paragraphs", "selection", "coverage", "spelling",
// "canonical", "official", "date", "tie", "policy".
const char* original_reason_name(OriginalReason reason);

struct DedupGroup {
  std::size_t original = 0;
  std::vector<std::size_t> members;  // in add() order, original included
  OriginalReason reason = OriginalReason::Tie;
};

struct DedupReport {
  std::vector<DedupRecord> records;  // one per add(), same order
  std::vector<DedupGroup> groups;    // groups with two or more members, ordered by first member
  std::vector<DedupPair> pairs;      // verified candidate pairs, duplicates or not, sorted by (a, b)

  // Figures for logs and benchmarks.
  struct Stats {
    std::size_t documents = 0;
    std::size_t template_shingles = 0;   // distinct fingerprints above the document-frequency bar
    std::size_t template_threshold = 0;  // the bar, in documents
    std::size_t template_fallbacks = 0;  // documents that kept their template shingles
    std::size_t candidates = 0;          // distinct LSH candidate pairs
    std::size_t duplicate_pairs = 0;     // candidates that passed verification
    std::size_t chain_splits = 0;        // members moved out of a component by the chain guard
    std::size_t stored_bytes = 0;        // compact shingle storage
    std::size_t outline_bytes = 0;       // outlines (text order, for the choice of original)
    double seconds_df = 0, seconds_sign = 0, seconds_lsh = 0, seconds_verify = 0, seconds_cluster = 0;
  } stats;
};

// P(two documents of Jaccard s share at least one band) = 1 - (1 - s^rows)^bands.
double candidate_probability(double s, std::size_t bands, std::size_t rows);
class Deduplicator {
 public:
  explicit Deduplicator(DedupOptions options = {});
  ~Deduplicator();
  Deduplicator(const Deduplicator&) = delete;
  Deduplicator& operator=(const Deduplicator&) = delete;

  void add(DedupItem item);
  DedupReport finish();

  // For the persistent index (winnow/index.hpp). add() from the fingerprints
  // add() keeps (the top 22 bits of each shingle hash, sorted, unique), as an
  // index stores them; item.shingles is ignored.
  void add_fingerprints(DedupItem item, const std::vector<std::uint32_t>& fingerprints);
  // Document frequencies counted over a larger corpus of `corpus_documents`
  // documents (those added here among them) replace the engine's own count,
  // so template shingles are those of everything indexed. One count per
  // 22-bit fingerprint; `df` must outlive finish().
  void use_document_frequencies(const std::vector<std::uint32_t>* df, std::size_t corpus_documents);

  // The LSH banding chosen for the options: bands x rows and the threshold
  // where the candidate probability crosses 1/2.
  // fp, fn: the (unweighted) areas under the S-curve below `threshold` and
  // above the curve beyond it; threshold: the Jaccard the banding was tuned
  // for (lsh_threshold()); half: where P(candidate) = 1/2.
  struct Banding { std::size_t bands = 0, rows = 0; double fp = 0, fn = 0, threshold = 0, half = 0; };
  Banding banding() const;

 private:
  DedupReport finish_phases();
  void push_info(DedupItem item);
  struct Impl;
  Impl* impl_;
};

// bands x rows <= num_perm minimising fp_weight * ∫_0^t P + fn_weight * ∫_t^1 (1 - P).
Deduplicator::Banding choose_banding(std::size_t num_perm, double threshold, double fp_weight = 0.5,
                                     double fn_weight = 0.5);
// The Jaccard threshold LSH is tuned for under `options` (see DedupOptions).
double lsh_threshold(const DedupOptions& options);

// The dedup line ------------------------------------------------------------

// One document's entry for the engine: its id, date, length, whether a known
// official site published it (its profile says so), whether it looks like an
// excerpt, and its shingles, moved out of doc.shingles (set them first:
// doc.shingles = shingle_set(doc.text, options.shingles)).
DedupItem dedup_item(Document& doc, std::uint64_t sequence, const ProfileSet& profiles);

// What a dedup run found: the records' ids (and fetched and canonical URLs,
// "" when unknown) in input order and the engine's verdicts, indexed the
// same way.
struct DedupResult {
  std::vector<std::string> ids;
  std::vector<std::string> urls;
  std::vector<std::string> canonical_urls;
  DedupReport report;
  // "g1", "g2"...: the name of report.groups[g] in every output.
  std::string group_name(std::size_t g) const;
};

// The extraction line, then the engine, over a whole reader: pass one
// (read) extracts on all cores, shingles each clean text on the worker that
// extracted it and adds it in input order, keeping only the id and the
// compact shingles; finish() runs the engine. Between the two a caller may
// look at the run (e.g. stop after Ctrl-C without writing verdicts).
class DedupLine {
 public:
  explicit DedupLine(DedupOptions options);

  // The engine's banding for the options (what --explain prints).
  Deduplicator::Banding banding() const { return engine_.banding(); }
  const DedupOptions& options() const { return options_; }

  // Reads every record. `render` (optional) runs on the worker threads after
  // extraction, and `on_record` (optional) is called in input order after
  // each record was added, with its rendered text; it returns false to stop
  // the run. Returns false if the run was stopped. The line keeps each
  // record's id and URLs for the verdicts: the URLs cost 120-240 bytes a
  // record (40,000 records with 64- and 76-byte URLs: peak 125-130 MB,
  // 120 MB with the ids alone).
  bool read(InputReader& reader, const Extractor& extractor, Diagnostics& diagnostics, std::size_t jobs,
            const DocumentRenderer& render = {}, const RenderedSink& on_record = {});

  // The verdicts on every record read. Once.
  DedupResult finish();

 private:
  DedupOptions options_;
  Deduplicator engine_;
  std::vector<std::string> ids_, urls_, canonical_urls_;
};

// The verdicts as `winnow dedup --emit` writes them, one line per call of
// `write` (without its newline; false stops the writing). Records: every
// input with its url, canonical_url, group and scores; Unique: the ids of
// the originals; Pairs: every verified candidate pair, with both urls;
// Groups: one line per group, with the original's and the members' urls.
enum class DedupEmit { Records, Unique, Pairs, Groups };
using LineWriter = std::function<bool(std::string_view line)>;
bool write_dedup_report(const DedupResult& result, DedupEmit emit, const LineWriter& write);

// `--emit unique --format json|tsv|text`: `next_record` yields every
// record's rendered text in input order (e.g. from a spill file; false at
// the end), and the originals' are written; with `blank_line_between` (the
// text format) a blank line separates them.
bool write_kept_records(const DedupResult& result, const std::function<bool(std::string& record)>& next_record,
                        bool blank_line_between, const LineWriter& write);

// The shingle, MinHash and LSH parameters of a line, as `--explain` prints them.
std::string dedup_explanation(const DedupLine& line);
// After the run, `--explain` prints one line per group: its original and the
// rule that chose it ("winnow: dedup: g1: original ID (truncation), 3 members").
std::string dedup_reasons_explained(const DedupResult& result);

}  // namespace winnow
