// The staged dedup's files: where each stage writes, how a write is made
// atomic, how work is marked done, and the parameters every stage checks.
//
// The problem: a stage task may be killed at any instant (Slurm preemption,
// a time limit, kill -9) and run again, and several tasks of one stage run at
// once on different nodes of a shared file system. So no stage ever reads a
// file another is still writing, and a re-run never trusts half a file. The
// method: every output is written to NAME.tmp-PID and renamed onto NAME once
// flushed and fsynced (rename is atomic on one file system, NFS and Lustre
// included); when all outputs of a unit of work (a shard, a band) are in
// place, an empty-ish marker DIR/STAGE/UNIT.done is renamed into place the
// same way. A stage skips a unit whose marker exists and otherwise redoes it
// whole; it is a pure function of its inputs, so redoing gives the same
// bytes.
//
// Layout of DIR:
//   params                          key=value lines, written by the first stage
//   shingle/NNNNN.{ids,info,sets,counts,done}   per shard; done holds its document count
//   templates/00000.{bits,done}     template and chrome fingerprint bit sets
//   signature/NNNNN.{sets,meta,done}            effective sets, per-document fallback and size
//   signature/band-BBBBB/NNNNN.keys             sorted (band key << 32 | document)
//   buckets/BBBBB.{pairs,done}      candidate pairs of a band, sorted unique (a << 32 | b)
//   cluster/00000.{verdicts,originals,pairs,groups,done}
//   filter-records/NNNNN.{out,done}, filter-unique/NNNNN.{out,done}
// Binary files are in the byte order of the machine (all nodes of a cluster
// share it); the formats are private to one version of winnow, which the
// params file records.
//
// Cost: one extra fsync and rename per file; files are read whole (a shard's
// or a band's data, never the corpus's).
#include "stages_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace winnow::stages {

namespace fs = std::filesystem;

Shard parse_shard(const std::string& text) {
  Shard s;
  std::string index_text, count_text = text;
  if (auto slash = text.find('/'); slash != std::string::npos) {
    index_text = text.substr(0, slash);
    count_text = text.substr(slash + 1);
  }
  if (index_text.empty()) {
    const char* task = std::getenv("SLURM_ARRAY_TASK_ID");
    if (!task || !*task)
      throw StageError(fmt::format("--shard {}: no shard index given and SLURM_ARRAY_TASK_ID is not set "
                                   "(write --shard I/N)", text));
    index_text = task;
  }
  try {
    std::size_t used = 0;
    s.index = std::stoull(index_text, &used);
    if (used != index_text.size()) throw std::invalid_argument("");
    s.count = std::stoull(count_text, &used);
    if (used != count_text.size()) throw std::invalid_argument("");
  } catch (const std::exception&) {
    throw StageError(fmt::format("--shard {}: expected I/N, two whole numbers (e.g. 3/8)", text));
  }
  if (s.count == 0 || s.index >= s.count)
    throw StageError(fmt::format("--shard {}: the index must be below the count (0 <= I < N)", text));
  return s;
}

namespace {
std::string escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}
}  // namespace

Params engine_params(const DedupOptions& o) {
  Params p;
  p["format"] = "winnow-stages-1";
  p["jaccard"] = fmt::format("{}", o.jaccard);
  p["containment"] = fmt::format("{}", o.containment);
  p["shingle_size"] = fmt::format("{}", o.shingles.k);
  p["num_perm"] = fmt::format("{}", o.num_perm);
  p["seed"] = fmt::format("{}", o.seed);
  p["keep"] = fmt::format("{}", static_cast<int>(o.keep));
  p["max_size_ratio"] = fmt::format("{}", o.max_size_ratio);
  p["lsh_threshold"] = fmt::format("{}", o.lsh_threshold);
  p["fp_weight"] = fmt::format("{}", o.fp_weight);
  p["fn_weight"] = fmt::format("{}", o.fn_weight);
  p["max_bucket"] = fmt::format("{}", o.max_bucket);
  p["template_min_docs"] = fmt::format("{}", o.template_min_docs);
  p["template_fraction"] = fmt::format("{}", o.template_fraction);
  p["template_min_kept"] = fmt::format("{}", o.template_min_kept);
  p["template_hard_factor"] = fmt::format("{}", o.template_hard_factor);
  return p;
}

namespace {
Params read_params(const std::string& path) {
  Params p;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq != std::string::npos) p[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return p;
}
}  // namespace

void record_or_check_params(const std::string& dir, const Params& mine) {
  files::make_dirs(dir);
  const std::string path = dir + "/params";
  if (!fs::exists(path)) {
    std::string text;
    for (auto& [k, v] : mine) text += k + "=" + escape(v) + "\n";
    files::AtomicFile out(path);
    out.bytes(text.data(), text.size());
    out.commit();
    return;
  }
  const Params recorded = read_params(path);
  for (auto& [k, v] : mine) {
    auto it = recorded.find(k);
    if (it == recorded.end())
      throw StageError(fmt::format("{}: records no {} (a run begun by another version of winnow?)", path, k));
    if (it->second != escape(v))
      throw StageError(fmt::format("{}: this run has {}={}, the stages before it ran with {}={}: the same "
                                   "parameters must be given to every stage (or start again in a new directory)",
                                   path, k, escape(v), k, it->second));
  }
}

std::string recorded_param(const std::string& dir, const std::string& key) {
  const std::string path = dir + "/params";
  if (!fs::exists(path)) throw StageError(fmt::format("{}: no such file: run the shingle stage first", path));
  const Params recorded = read_params(path);
  auto it = recorded.find(key);
  if (it == recorded.end()) throw StageError(fmt::format("{}: records no {}", path, key));
  return it->second;
}

std::size_t band_count(const DedupOptions& o) {
  return choose_banding(o.num_perm, lsh_threshold(o), o.fp_weight, o.fn_weight).bands;
}

bool done(const std::string& dir, const std::string& stage, std::size_t unit) {
  return fs::exists(files::unit_path(dir, stage, unit, "done"));
}

namespace files {

std::string unit_path(const std::string& dir, std::string_view stage, std::size_t unit, std::string_view what) {
  return fmt::format("{}/{}/{:05}.{}", dir, stage, unit, what);
}

void make_dirs(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) throw StageError(fmt::format("{}: cannot create directory: {}", path, ec.message()));
}

void mark_done(const std::string& dir, std::string_view stage, std::size_t unit, std::string_view note) {
  AtomicFile marker(unit_path(dir, stage, unit, "done"));
  marker.bytes(note.data(), note.size());
  marker.commit();
}

std::string read_done_note(const std::string& dir, std::string_view stage, std::size_t unit) {
  const std::string path = unit_path(dir, stage, unit, "done");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StageError(fmt::format("{}: missing: stage {} has not finished unit {}", path, stage, unit));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  make_dirs(fs::path(path_).parent_path().string());
  temp_ = fmt::format("{}.tmp-{}", path_, ::getpid());
  file_ = std::fopen(temp_.c_str(), "wb");
  if (!file_) throw StageError(fmt::format("{}: cannot write: {}", temp_, std::strerror(errno)));
}

AtomicFile::~AtomicFile() {
  if (file_) {
    std::fclose(file_);
    std::remove(temp_.c_str());
  }
}

void AtomicFile::bytes(const void* data, std::size_t n) {
  if (n && std::fwrite(data, 1, n, file_) != n)
    throw StageError(fmt::format("{}: write failed: {}", temp_, std::strerror(errno)));
}

void AtomicFile::varint(std::uint64_t v) {
  std::uint8_t buf[10];
  std::size_t n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<std::uint8_t>(v | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<std::uint8_t>(v);
  bytes(buf, n);
}

void AtomicFile::commit() {
  const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const int error = errno;
  std::fclose(file_);
  file_ = nullptr;
  if (!ok || std::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int why = ok ? errno : error;
    std::remove(temp_.c_str());
    throw StageError(fmt::format("{}: cannot put in place: {}", path_, std::strerror(why)));
  }
}

Reader::Reader(const std::string& path) : path_(path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StageError(fmt::format("{}: cannot read (has the stage that writes it finished?)", path));
  std::ostringstream s;
  s << in.rdbuf();
  data_ = std::move(s).str();
}

const char* Reader::need(std::size_t n) {
  if (pos_ + n > data_.size()) throw StageError(fmt::format("{}: truncated at byte {}", path_, pos_));
  const char* p = data_.data() + pos_;
  pos_ += n;
  return p;
}

std::uint32_t Reader::u32() {
  std::uint32_t v;
  std::memcpy(&v, need(4), 4);
  return v;
}
std::uint64_t Reader::u64() {
  std::uint64_t v;
  std::memcpy(&v, need(8), 8);
  return v;
}
double Reader::f64() {
  double v;
  std::memcpy(&v, need(8), 8);
  return v;
}
std::uint64_t Reader::varint() {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    const auto b = u8();
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  throw StageError(fmt::format("{}: bad number at byte {}", path_, pos_));
}
std::string Reader::text() {
  const std::size_t n = varint();
  return std::string(need(n), n);
}

namespace {
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(v | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}
std::uint64_t get_varint(const std::string& s, std::size_t& pos) {
  std::uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<std::uint8_t>(s[pos++]);
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
}
}  // namespace

void append_set(std::string& out, const std::uint32_t* fps, std::size_t n) {
  std::string body;
  put_varint(body, n);
  std::uint32_t prev = 0;
  for (std::size_t i = 0; i < n; ++i) {
    put_varint(body, fps[i] - prev);
    prev = fps[i];
  }
  put_varint(out, body.size());
  out += body;
}

SetFile::SetFile(const std::string& path) {
  Reader in(path);
  data_ = in.data();
  for (std::size_t pos = 0; pos < data_.size();) {
    const std::size_t length = get_varint(data_, pos);
    offsets_.push_back(pos);
    pos += length;
    if (pos > data_.size()) throw StageError(fmt::format("{}: truncated set", path));
  }
}

std::size_t SetFile::size(std::size_t doc) const {
  std::size_t pos = offsets_[doc];
  return get_varint(data_, pos);
}

void SetFile::decode(std::size_t doc, std::vector<std::uint32_t>& out) const {
  std::size_t pos = offsets_[doc];
  const std::size_t n = get_varint(data_, pos);
  out.resize(n);
  std::uint32_t prev = 0;
  for (std::size_t i = 0; i < n; ++i) out[i] = prev = prev + static_cast<std::uint32_t>(get_varint(data_, pos));
}

std::vector<std::uint64_t> read_u64s(const std::string& path) {
  Reader in(path);
  const std::string& d = in.data();
  if (d.size() % 8) throw StageError(fmt::format("{}: truncated", path));
  std::vector<std::uint64_t> v(d.size() / 8);
  if (!v.empty()) std::memcpy(v.data(), d.data(), d.size());
  return v;
}

void write_u64s(const std::string& path, const std::vector<std::uint64_t>& values) {
  AtomicFile out(path);
  out.bytes(values.data(), values.size() * 8);
  out.commit();
}

std::size_t Layout::shard_of(std::uint64_t doc) const {
  // The last shard whose first document is <= doc (empty shards skipped).
  auto it = std::upper_bound(first.begin(), first.end() - 1, doc);
  return static_cast<std::size_t>(it - first.begin()) - 1;
}

Layout read_layout(const std::string& dir) {
  const std::size_t shards = std::stoull(recorded_param(dir, "shards"));
  Layout layout;
  layout.first.push_back(0);
  for (std::size_t s = 0; s < shards; ++s) {
    if (!done(dir, "shingle", s))
      throw StageError(fmt::format("{}: shard {} of {} has not been shingled: run `winnow dedup shingle --shard "
                                   "{}/{}` first", dir, s, shards, s, shards));
    layout.first.push_back(layout.first.back() + std::stoull(read_done_note(dir, "shingle", s)));
  }
  if (layout.first.back() >= (std::uint64_t{1} << 32))
    throw StageError(fmt::format("{}: {} documents: the engine numbers documents in 32 bits", dir, layout.first.back()));
  return layout;
}

}  // namespace files
}  // namespace winnow::stages
