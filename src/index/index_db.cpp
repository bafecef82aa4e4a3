// The index's SQLite file: opening it safely, its schema, its errors.
//
// The problem: a cron job must never damage what it cannot read. A path
// given by mistake (yesterday's output, a foreign database) must be refused
// before SQLite touches it: SQLite itself would happily turn an empty
// database into ours, or set WAL mode (a write) on someone else's. So a
// non-empty file must start with SQLite's header, carry our application_id
// ("WNNW") and schema version, and have been built with the same shingle,
// MinHash and threshold options (an index of 5-word shingles answers
// nothing about 7-word ones); only then is anything written. A missing or
// empty file becomes a new index, created inside a write transaction so two
// runs starting at once cannot both create it.
//
// Durability: WAL journal, synchronous=FULL (the commit is on disk before
// the run reports success; kill -9 or a power cut before it leaves the
// previous night), a busy timeout of --wait seconds, after which SQLITE_BUSY
// becomes exit 4. Every other failure (disk full, read-only file or
// directory, I/O error, corruption) becomes one line naming the file and
// exit 3; the transaction is rolled back, so the index is unchanged.
//
// Cost: statements are prepared per use (microseconds; the hot ones in
// index_nightly.cpp are kept prepared), and the page cache is bounded at
// kCacheKiB, which bounds the run's memory for the index at any size.
#include "index_db.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <zstd.h>

#include <cstring>
#include <fstream>

namespace winnow::index {

int exit_code_of(int code) {
  const int primary = code & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? kExitBusy : kExitFatal;
}

namespace {
std::string explain(int code) {
  switch (code & 0xff) {
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_READONLY: return "it is read-only";
    case SQLITE_CANTOPEN: return "it cannot be opened (is its directory writable?)";
    case SQLITE_PERM: return "permission denied";
    case SQLITE_IOERR: return "an I/O error (a full disk or a file size limit?)";
    case SQLITE_CORRUPT: return "it is damaged (restore it from a backup)";
    case SQLITE_NOTADB: return "it is not an SQLite database";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "another run holds it";
    default: return sqlite3_errstr(code);
  }
}
}  // namespace

Db::Db(const std::string& path, bool read_only, double wait_seconds) : path_(path), wait_(wait_seconds) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw IndexError(fmt::format("index {}: is a directory", path), kExitFatal);
  if (!exists && read_only) throw IndexError(fmt::format("index {}: no such index", path), kExitFatal);
  if (exists && st.st_size > 0) {
    char header[16] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IndexError(fmt::format("index {}: cannot be read", path), kExitFatal);
    in.read(header, sizeof header);
    if (in.gcount() != sizeof header || std::memcmp(header, "SQLite format 3", 16) != 0)
      throw IndexError(fmt::format("index {}: not a winnow index (not an SQLite database); left untouched", path),
                       kExitFatal);
  }
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  try {  // a throwing constructor runs no destructor: close the handle here
    if (rc != SQLITE_OK) fail(rc, "opening");
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, static_cast<int>(wait_seconds * 1000));
    if (!read_only && sqlite3_db_readonly(db_, "main") == 1)
      throw IndexError(fmt::format("index {}: it is read-only; nothing done", path), kExitFatal);
    exec(fmt::format("PRAGMA cache_size = -{}", kCacheKiB).c_str());
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(int code, std::string_view doing) {
  std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  std::string why = explain(code);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    why = fmt::format("another run holds it (waited {} s, --wait)", wait_);
  throw IndexError(fmt::format("index {}: {} failed: {} ({})", path_, doing, why, detail), exit_code_of(code));
}

void Db::exec(const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  sqlite3_free(error);
  if (rc != SQLITE_OK) fail(rc, std::string_view(sql).substr(0, std::min<std::size_t>(40, std::strlen(sql))));
}

std::string Db::meta(const std::string& key) {
  Stmt s(*this, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

void Db::set_meta(const std::string& key, const std::string& value) {
  Stmt s(*this, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  s.bind(1, key).bind(2, value);
  s.step();
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "reading");
}
Stmt::~Stmt() { sqlite3_finalize(stmt_); }
Stmt& Stmt::bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
Stmt& Stmt::bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); return *this; }
Stmt& Stmt::bind(int i, std::string_view t) {
  sqlite3_bind_text(stmt_, i, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_blob(int i, std::string_view b) {
  sqlite3_bind_blob(stmt_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_null(int i) { sqlite3_bind_null(stmt_, i); return *this; }
bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) { sqlite3_reset(stmt_); return false; }
  const int code = sqlite3_extended_errcode(db_.handle());
  sqlite3_reset(stmt_);
  db_.fail(code ? code : rc, "writing");
}
void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}
std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}
std::string_view Stmt::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string_view();
}

Transaction::Transaction(Db& db, bool write) : db_(db) { db_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}
void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

// Each chunk is a zstd frame (level 1): a young index's counts are mostly
// zero and an old one's small, so a night writes a few MiB at most instead
// of 16 (the write and the fsync of the commit were most of a small
// night's time), and only the chunks whose counts changed.
std::vector<std::uint32_t> load_df(Db& db) {
  std::vector<std::uint32_t> df(std::size_t{1} << 22, 0);
  Stmt s(db, "SELECT chunk, counts FROM df");
  while (s.step()) {
    const auto chunk = static_cast<std::size_t>(s.integer(0));
    const std::string_view counts = s.blob(1);
    const std::size_t got = chunk < df.size() / kDfChunkCounts
                                ? ZSTD_decompress(df.data() + chunk * kDfChunkCounts, kDfChunkCounts * 4,
                                                  counts.data(), counts.size())
                                : 0;
    if (got != kDfChunkCounts * 4)
      throw IndexError(fmt::format("index {}: damaged frequency table (chunk {}); restore it from a backup", db.path(), chunk),
                       kExitFatal);
  }
  return df;
}

void store_df(Db& db, const std::vector<std::uint32_t>& df, const std::vector<std::uint32_t>* before) {
  Stmt s(db, "INSERT OR REPLACE INTO df(chunk, counts) VALUES (?, ?)");
  std::string packed(ZSTD_compressBound(kDfChunkCounts * 4), '\0');
  for (std::size_t chunk = 0; chunk < df.size() / kDfChunkCounts; ++chunk) {
    const std::uint32_t* counts = df.data() + chunk * kDfChunkCounts;
    if (before && std::memcmp(counts, before->data() + chunk * kDfChunkCounts, kDfChunkCounts * 4) == 0) continue;
    const std::size_t n = ZSTD_compress(packed.data(), packed.size(), counts, kDfChunkCounts * 4, 1);
    if (ZSTD_isError(n)) throw IndexError(fmt::format("index {}: compressing frequencies failed", db.path()), kExitFatal);
    s.reset();
    s.bind(1, static_cast<std::int64_t>(chunk)).bind_blob(2, std::string_view(packed.data(), n));
    s.step();
  }
}

namespace {
const char* const kSchema = R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE nights(night INTEGER PRIMARY KEY, date TEXT NOT NULL, finished TEXT NOT NULL, documents INTEGER NOT NULL,
  new INTEGER NOT NULL, copies INTEGER NOT NULL, repeats INTEGER NOT NULL, changed INTEGER NOT NULL);
CREATE TABLE docs(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL, first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL, night INTEGER NOT NULL, date TEXT NOT NULL, official INTEGER NOT NULL,
  excerpt INTEGER NOT NULL, text_bytes INTEGER NOT NULL, content INTEGER NOT NULL, original INTEGER NOT NULL,
  component INTEGER NOT NULL, jaccard REAL, containment REAL, shingles BLOB NOT NULL);
CREATE INDEX docs_component ON docs(component);
CREATE INDEX docs_original ON docs(original);
CREATE TABLE bands(key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(key, seq)) WITHOUT ROWID;
CREATE TABLE df(chunk INTEGER PRIMARY KEY, counts BLOB NOT NULL);
)";

const char* keep_name(KeepPolicy k) {
  switch (k) {
    case KeepPolicy::Longest: return "longest";
    case KeepPolicy::First: return "first";
    case KeepPolicy::Newest: return "newest";
    case KeepPolicy::Original: break;
  }
  return "original";
}

// The options that change what is stored or what a verdict means, with
// the flag a person would change.
struct Param {
  const char* key;
  const char* flag;
  std::string value;
};
std::vector<Param> params_of(const DedupOptions& o) {
  return {{"shingle_k", "--shingle-size", std::to_string(o.shingles.k)},
          {"num_perm", "--num-perm", std::to_string(o.num_perm)},
          {"seed", "the MinHash seed", std::to_string(o.seed)},
          {"jaccard", "--jaccard", fmt::format("{}", o.jaccard)},
          {"containment", "--containment", fmt::format("{}", o.containment)},
          {"max_size_ratio", "the size ratio", fmt::format("{}", o.max_size_ratio)},
          {"keep", "--keep", keep_name(o.keep)}};
}
}  // namespace

DedupOptions options_from_meta(Db& db) {
  DedupOptions o;
  try {
    o.shingles.k = std::stoul(db.meta("shingle_k"));
    o.num_perm = std::stoul(db.meta("num_perm"));
    o.seed = std::stoull(db.meta("seed"));
    o.jaccard = std::stod(db.meta("jaccard"));
    o.containment = std::stod(db.meta("containment"));
    o.max_size_ratio = std::stod(db.meta("max_size_ratio"));
  } catch (const std::logic_error&) {
    throw IndexError(fmt::format("index {}: damaged meta table; restore it from a backup", db.path()), kExitFatal);
  }
  const std::string keep = db.meta("keep");
  o.keep = keep == "longest" ? KeepPolicy::Longest
           : keep == "first" ? KeepPolicy::First
           : keep == "newest" ? KeepPolicy::Newest
                              : KeepPolicy::Original;
  return o;
}

void open_index(Db& db, const DedupOptions* options, bool read_only) {
  auto read_int = [&](const char* sql) {
    Stmt s(db, sql);
    return s.step() ? s.integer(0) : 0;
  };
  std::int64_t app = read_int("PRAGMA application_id");
  std::int64_t tables = read_int("SELECT count(*) FROM sqlite_master");
  if (app == 0 && tables == 0) {
    if (read_only) throw IndexError(fmt::format("index {}: empty, not an index yet", db.path()), kExitFatal);
    // 8 KiB pages: a row holds a ~1 KB shingle set, and 4 KiB pages left
    // 17% of the docs table unused (bench/index/README.md). Before WAL, which fixes it.
    db.exec("PRAGMA page_size = 8192");
    db.exec("PRAGMA journal_mode = WAL");
    Transaction t(db, true);
    app = read_int("PRAGMA application_id");  // another run may have created it meanwhile
    tables = read_int("SELECT count(*) FROM sqlite_master");
    if (app == 0 && tables == 0) {
      db.exec(kSchema);
      db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId).c_str());
      db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
      const DedupOptions o = options ? *options : DedupOptions{};
      db.set_meta("format", "winnow-index");
      for (const Param& p : params_of(o)) db.set_meta(p.key, p.value);
      db.set_meta("next_seq", "1");
      db.set_meta("created", utc_date_today());
      store_df(db, std::vector<std::uint32_t>(std::size_t{1} << 22, 0), nullptr);
      t.commit();
      app = kApplicationId;
    }
  }
  if (app != kApplicationId)
    throw IndexError(fmt::format("index {}: an SQLite database but not a winnow index (application_id {:#x}); left untouched",
                                 db.path(), app),
                     kExitFatal);
  const std::int64_t version = read_int("PRAGMA user_version");
  if (version != kSchemaVersion)
    throw IndexError(fmt::format("index {}: schema version {}, this winnow reads {}; left untouched", db.path(),
                                 version, kSchemaVersion),
                     kExitFatal);
  if (db.meta("format") != "winnow-index")
    throw IndexError(fmt::format("index {}: damaged meta table; restore it from a backup", db.path()), kExitFatal);
  if (options) {
    for (const Param& p : params_of(*options)) {
      const std::string stored = db.meta(p.key);
      if (stored != p.value)
        throw IndexError(fmt::format("index {}: built with {} {}, this run asks {}: use the index's value or a new index",
                                     db.path(), p.flag, stored, p.value),
                         kExitUsage);
    }
  }
  if (!read_only) {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
  }
}

}  // namespace winnow::index
