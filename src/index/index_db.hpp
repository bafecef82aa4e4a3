// The index's SQLite file: a thin handle, statements, the schema, and the
// translation of SQLite's result codes into IndexError lines a person can
// act on. Private to src/index/.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dedup.hpp"
#include "winnow/index.hpp"

namespace winnow::index {

// "WNNW": PRAGMA application_id of a winnow index; user_version its schema.
constexpr std::int32_t kApplicationId = 0x574e4e57;
constexpr int kSchemaVersion = 1;
// Chunks of the document-frequency table (one count per 22-bit fingerprint).
constexpr std::uint32_t kDfChunkCounts = 1u << 14;
// The page cache of one connection (PRAGMA cache_size): what bounds the
// memory a run spends on the index, whatever its size.
constexpr int kCacheKiB = 64 * 1024;

// Exit code of an SQLite failure: 4 when another connection holds the lock, else 3.
int exit_code_of(int sqlite_code);

class Db;

class Stmt {
 public:
  Stmt(Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view text);
  Stmt& bind_blob(int i, std::string_view blob);
  Stmt& bind_null(int i);
  bool step();  // true: a row
  void reset();
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const;
  std::string_view blob(int col) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  Db(const std::string& path, bool read_only, double wait_seconds);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  double wait_seconds() const { return wait_; }
  void exec(const char* sql);
  // Throws IndexError for `code` (a failed call), naming the file and SQLite's message.
  [[noreturn]] void fail(int code, std::string_view doing);
  std::string meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  double wait_;
};

// A transaction held by a scope: rolled back unless committed.
class Transaction {
 public:
  Transaction(Db& db, bool write);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool open_ = true;
};

// Document frequencies: loaded whole (16 MiB); written back by chunk, only
// the chunks that differ from `before` (all when it is null).
std::vector<std::uint32_t> load_df(Db& db);
void store_df(Db& db, const std::vector<std::uint32_t>& df, const std::vector<std::uint32_t>* before);

// The options an index was built with, as its meta table keeps them.
DedupOptions options_from_meta(Db& db);

// Opens, refuses or creates: the checks of DedupIndex's constructor.
void open_index(Db& db, const DedupOptions* options, bool read_only);

// The band key stored for band `band` of a document: the band number in
// the high bits, 25 bits of the engine's 32-bit key below, so a key fits
// SQLite's 4-byte integer (collisions only add candidates, all verified).
inline std::int64_t stored_band_key(std::size_t band, std::uint32_t key) {
  return static_cast<std::int64_t>(band) << 25 | (key >> 7);
}

}  // namespace winnow::index

namespace winnow {
struct DedupIndex::Impl {
  index::Db db;
  DedupOptions options;
  Impl(const std::string& path, const DedupOptions* opts, IndexOpenOptions open)
      : db(path, open.read_only, open.wait_seconds) {
    index::open_index(db, opts, open.read_only);
    options = index::options_from_meta(db);
    if (opts) options.threads = opts->threads;
  }
};
}  // namespace winnow
