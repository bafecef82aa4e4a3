// The staged dedup's files: paths, atomic writes, done-markers, and the
// compact set format. Private to src/dedup/stages_*.cpp.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dedup_stages.hpp"

namespace winnow::stages::files {

// DIR/shingle/00003.ids ... : "{dir}/{stage}/{unit:05}.{what}".
std::string unit_path(const std::string& dir, std::string_view stage, std::size_t unit, std::string_view what);
void make_dirs(const std::string& path);
void mark_done(const std::string& dir, std::string_view stage, std::size_t unit, std::string_view note = {});
std::string read_done_note(const std::string& dir, std::string_view stage, std::size_t unit);

// A file written whole or not at all: bytes go to PATH.tmp-PID, commit()
// flushes, fsyncs and renames it onto PATH; a writer destroyed uncommitted
// (an exception) removes its temporary file. A process killed mid-way leaves
// only a .tmp-PID file, which no stage reads and the next commit replaces.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  void bytes(const void* data, std::size_t n);
  void u8(std::uint8_t v) { bytes(&v, 1); }
  void u32(std::uint32_t v) { bytes(&v, 4); }
  void u64(std::uint64_t v) { bytes(&v, 8); }
  void f64(double v) { bytes(&v, 8); }
  void varint(std::uint64_t v);
  void text(std::string_view s) {  // varint length, then the bytes
    varint(s.size());
    bytes(s.data(), s.size());
  }
  void commit();

 private:
  std::string path_, temp_;
  std::FILE* file_ = nullptr;
};

// A file read whole, and a cursor over it. Truncated data is a StageError.
class Reader {
 public:
  explicit Reader(const std::string& path);
  bool at_end() const { return pos_ >= data_.size(); }
  std::uint8_t u8() { return static_cast<std::uint8_t>(need(1)[0]); }
  std::uint32_t u32();
  std::uint64_t u64();
  double f64();
  std::uint64_t varint();
  std::string text();
  const std::string& data() const { return data_; }
  std::size_t position() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }

 private:
  const char* need(std::size_t n);
  std::string path_, data_;
  std::size_t pos_ = 0;
};

// Sorted unique fingerprints, one list per document, gap-coded as varints
// (about 2 bytes per fingerprint at 800 shingles; the engine's Rice code
// saves a seventh more, but this format is read by offset, not decoded
// from the start): per document, its byte length, its count, the gaps.
void append_set(std::string& out, const std::uint32_t* fps, std::size_t n);
class SetFile {
 public:
  explicit SetFile(const std::string& path);
  std::size_t documents() const { return offsets_.size(); }
  void decode(std::size_t doc, std::vector<std::uint32_t>& out) const;
  std::size_t size(std::size_t doc) const;

 private:
  std::string data_;
  std::vector<std::size_t> offsets_;
};

// The u64 array of a file (band keys, candidate pairs), and its writer.
std::vector<std::uint64_t> read_u64s(const std::string& path);
void write_u64s(const std::string& path, const std::vector<std::uint64_t>& values);

// The run's layout, known once every shard was shingled: documents per shard
// (from the shingle done-markers) and each shard's first global index.
struct Layout {
  std::vector<std::uint64_t> first;  // shards + 1 entries; first.back() = documents
  std::size_t shards() const { return first.size() - 1; }
  std::size_t shard_of(std::uint64_t doc) const;
};
Layout read_layout(const std::string& dir);

}  // namespace winnow::stages::files
