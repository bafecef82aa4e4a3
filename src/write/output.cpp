// JSON output.
//
// Every record has every field, empty or not, so that downstream tools (jq,
// pandas) see one schema; optional values are null rather than absent (inside
// `source`, the one object whose keys depend on the input: "offset" for a
// WARC record, "line" for a JSONL one, as they are different kinds of place).
#include "winnow/output.hpp"

#include "winnow/decode.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

namespace winnow {

// RapidJSON's Writer escapes a string one byte at a time through a table,
// about eight instructions a byte; the article text and the quotes are most
// of a record. Here the bytes are read sixteen at a time and a block with
// nothing to escape (nearly all of them) is copied whole; which bytes need a
// backslash is the Writer's rule. The literal is written into room for the
// worst case (six bytes for each byte of `s`, and the quotes), so no byte is
// checked for space. On the seeds a record's JSON went from about 52k
// instructions a page to 13k (the Writer's commas, numbers and nulls are
// most of what is left).
namespace {

constexpr std::size_t max_json_string_size(std::size_t n) { return 6 * n + 2; }

// Which bytes of a 16-byte block need a backslash: lanes of all ones in two
// words, in memory order. GCC/Clang vector types: SSE2 on x86-64, NEON on
// ARM, plain words elsewhere.
struct Flagged {
  std::uint64_t lo = 0, hi = 0;
  bool any() const { return (lo | hi) != 0; }
  // The offset of the first flagged byte (any() must hold): on a
  // little-endian machine the lowest set byte of `lo` comes first.
  std::size_t first() const {
    if constexpr (std::endian::native == std::endian::little)
      return lo != 0 ? std::countr_zero(lo) / 8 : 8 + std::countr_zero(hi) / 8;
    else
      return lo != 0 ? std::countl_zero(lo) / 8 : 8 + std::countl_zero(hi) / 8;
  }
};

Flagged needs_escape(const void* block) {
  using Bytes = unsigned char __attribute__((vector_size(16)));
  Bytes x;
  std::memcpy(&x, block, 16);
  const auto flagged = (x < 0x20) | (x == '"') | (x == '\\');
  Flagged f;
  std::memcpy(&f.lo, &flagged, 8);
  std::memcpy(&f.hi, reinterpret_cast<const char*>(&flagged) + 8, 8);
  return f;
}

// Writes `s` as a JSON string literal at `out`, which has room for
// max_json_string_size(s.size()) bytes; returns the end of what it wrote.
char* write_json_string(char* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *out++ = '"';
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;  // start of the bytes not yet copied
  auto escape = [&](unsigned char c) {
    std::memcpy(out, run, static_cast<std::size_t>(p - run));
    out += p - run;
    *out++ = '\\';
    switch (c) {
      case '"': *out++ = '"'; break;
      case '\\': *out++ = '\\'; break;
      case '\b': *out++ = 'b'; break;
      case '\t': *out++ = 't'; break;
      case '\n': *out++ = 'n'; break;
      case '\f': *out++ = 'f'; break;
      case '\r': *out++ = 'r'; break;
      default:
        *out++ = 'u', *out++ = '0', *out++ = '0';
        *out++ = kHex[c >> 4];
        *out++ = kHex[c & 0xF];
    }
    run = ++p;
  };
  while (end - p >= 16) {
    const Flagged f = needs_escape(p);
    if (!f.any()) {
      p += 16;
      continue;
    }
    p += f.first();
    escape(static_cast<unsigned char>(*p));
  }
  // The last bytes (most strings are shorter than 16): tested the same
  // way in a copy padded with spaces, which need no escape.
  if (p < end) {
    unsigned char tail[16];
    std::memset(tail, ' ', sizeof tail);
    std::memcpy(tail, p, static_cast<std::size_t>(end - p));
    if (needs_escape(tail).any())
      for (; p < end;) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c == '"' || c == '\\') escape(c);
        else ++p;
      }
  }
  std::memcpy(out, run, static_cast<std::size_t>(end - run));
  out += end - run;
  *out++ = '"';
  return out;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  std::string repaired;
  if (!is_valid_utf8(s)) s = repaired = repaired_utf8(s);
  const std::size_t at = out.size();
  out.resize(at + max_json_string_size(s.size()));
  out.resize(static_cast<std::size_t>(write_json_string(out.data() + at, s) - out.data()));
}

namespace {

// RapidJSON's Writer, with string values (and keys) escaped by
// write_json_string straight into its buffer.
class Writer : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using rapidjson::Writer<rapidjson::StringBuffer>::Writer;
  // Escaped into a scratch buffer kept by the thread, then copied whole:
  // escaping straight into the record's buffer would make it reserve the
  // worst case, six times the text, and regrow for it.
  void string_value(std::string_view s) {
    // Every string a record carries is valid UTF-8: the text was decoded,
    // but an id from a file name, a WARC header or a JSONL input's own
    // field is copied as it came (a check per string; ASCII is fast).
    std::string repaired;
    if (!is_valid_utf8(s)) s = repaired = repaired_utf8(s);
    thread_local std::unique_ptr<char[]> scratch;
    thread_local std::size_t capacity = 0;
    const std::size_t room = max_json_string_size(s.size());
    if (room > capacity) {
      capacity = std::max(room, 2 * capacity);
      scratch = std::make_unique<char[]>(capacity);
    }
    const auto size = static_cast<std::size_t>(write_json_string(scratch.get(), s) - scratch.get());
    Prefix(rapidjson::kStringType);  // the comma or colon before the value
    std::memcpy(os_->Push(size), scratch.get(), size);
  }
  // A key of ours: plain ASCII letters and underscores, nothing to escape.
  // Its length is a constant, so the copy compiles to a few moves.
  template <std::size_t N>
  void plain_key(const char (&k)[N]) {
    Prefix(rapidjson::kStringType);
    char* out = os_->Push(N + 1);  // N - 1 characters and two quotes
    out[0] = '"';
    std::memcpy(out + 1, k, N - 1);
    out[N] = '"';
  }
};

void str(Writer& w, const std::string& s) { w.string_value(s); }
template <std::size_t N>
void key(Writer& w, const char (&k)[N]) {
  w.plain_key(k);
}
void str_or_null(Writer& w, const std::string& s) {
  if (s.empty()) w.Null();
  else str(w, s);
}
// Scores rounded to 4 decimals: more digits are noise, and fewer bytes diff better.
void score(Writer& w, double x) { w.Double(std::round(x * 10000.0) / 10000.0); }
void number(Writer& w, double x) {
  if (x == std::floor(x) && std::fabs(x) < 9e15) w.Int64(static_cast<std::int64_t>(x));
  else w.Double(x);
}

void write_dateline(Writer& w, const Dateline& d) {
  w.StartObject();
  key(w, "raw"), str(w, d.raw);
  key(w, "place"), str_or_null(w, d.place);
  key(w, "places");
  w.StartArray();
  for (auto& p : d.places) str(w, p);
  w.EndArray();
  key(w, "country"), str_or_null(w, d.country);
  key(w, "date"), str_or_null(w, d.date);
  w.EndObject();
}

void write_speakers(Writer& w, const std::vector<Speaker>& speakers) {
  w.StartArray();
  for (auto& s : speakers) {
    w.StartObject();
    key(w, "name"), str(w, s.name);
    key(w, "honorific"), str_or_null(w, s.honorific);
    key(w, "role"), str_or_null(w, s.role);
    key(w, "quotes");
    w.StartArray();
    for (auto& q : s.quotes) {
      w.StartObject();
      key(w, "text"), str(w, q.text);
      key(w, "verb"), str_or_null(w, q.verb);
      key(w, "indirect"), w.Bool(q.indirect);
      key(w, "continuation"), w.Bool(q.continuation);
      key(w, "span");
      w.StartArray();
      w.Uint64(q.begin);
      w.Uint64(q.end);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void write_figures(Writer& w, const std::vector<Figure>& figures) {
  w.StartArray();
  for (auto& f : figures) {
    w.StartObject();
    key(w, "value"), number(w, f.value);
    key(w, "max");
    if (f.max) number(w, *f.max);
    else w.Null();
    key(w, "unit"), str_or_null(w, f.unit);
    key(w, "approximator"), str_or_null(w, f.approximator);
    key(w, "counts"), str_or_null(w, f.counts);
    key(w, "text"), str(w, f.text);
    key(w, "span");
    w.StartArray();
    w.Uint64(f.begin);
    w.Uint64(f.end);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string document_json(const Document& doc) {
  // Room for a typical record at once (the text and some metadata), so the
  // buffer is not regrown from 256 bytes by halves.
  rapidjson::StringBuffer buf(nullptr, doc.text.size() + doc.text.size() / 8 + 4096);
  Writer w(buf);
  const Metadata& m = doc.metadata;
  w.StartObject();
  key(w, "id"), str(w, doc.id);
  key(w, "url"), str_or_null(w, doc.url);
  key(w, "canonical_url"), str_or_null(w, doc.canonical_url);
  key(w, "source");
  if (doc.source.file.empty()) {
    w.Null();
  } else {
    w.StartObject();
    key(w, "file"), str(w, doc.source.file);
    if (doc.source.offset) key(w, "offset"), w.Uint64(*doc.source.offset);
    if (doc.source.gzip_offset) key(w, "gzip_offset"), w.Uint64(*doc.source.gzip_offset);
    if (doc.source.line) key(w, "line"), w.Uint64(*doc.source.line);
    w.EndObject();
  }
  key(w, "fetch_date"), str_or_null(w, doc.fetch_date);
  key(w, "format"), w.String(to_string(doc.format));
  key(w, "charset"), str_or_null(w, doc.charset);
  key(w, "profile"), str_or_null(w, doc.profile);
  key(w, "extractor"), str_or_null(w, doc.extractor);
  key(w, "type"), str_or_null(w, m.type);
  key(w, "title"), str_or_null(w, m.title);
  key(w, "date"), str_or_null(w, m.date);
  key(w, "date_source"), str_or_null(w, m.date_source);
  key(w, "dateline");
  if (m.dateline) write_dateline(w, *m.dateline);
  else w.Null();
  key(w, "place"), str_or_null(w, m.place);
  key(w, "sources");
  w.StartArray();
  for (auto& s : m.sources) {
    w.StartObject();
    key(w, "name"), str(w, s.name);
    key(w, "closed"), w.Bool(s.closed);
    w.EndObject();
  }
  w.EndArray();
  key(w, "fields_of_work");
  w.StartArray();
  for (auto& f : m.fields_of_work) str(w, f);
  w.EndArray();
  key(w, "teaser"), str_or_null(w, m.teaser);
  key(w, "language"), str_or_null(w, m.language);
  key(w, "speakers"), write_speakers(w, m.speakers);
  key(w, "figures"), write_figures(w, m.figures);
  key(w, "abbreviations");
  w.StartArray();
  for (auto& a : m.abbreviations) {
    w.StartObject();
    key(w, "abbr"), str(w, a.abbr);
    key(w, "expansion"), str(w, a.expansion);
    w.EndObject();
  }
  w.EndArray();
  key(w, "text"), str(w, doc.text);
  key(w, "warnings");
  w.StartArray();
  for (auto& s : doc.warnings) str(w, s);
  w.EndArray();
  key(w, "removed");
  w.StartObject();
  key(w, "navigation"), w.Uint64(doc.removed.navigation);
  key(w, "chrome"), w.Uint64(doc.removed.chrome);
  key(w, "metadata"), w.Uint64(doc.removed.metadata);
  key(w, "teaser"), w.Uint64(doc.removed.teaser);
  key(w, "artifacts"), w.Uint64(doc.removed.artifacts);
  w.EndObject();
  key(w, "kept_fields");  // JSON the reader wrote and checked (input_jsonl.cpp), copied as it is
  if (doc.kept_fields.empty()) w.Null();
  else w.RawValue(doc.kept_fields.data(), doc.kept_fields.size(), rapidjson::kObjectType);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string dedup_record_json(const DedupVerdictView& v) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  key(w, "id"), str(w, v.id);
  key(w, "url"), str_or_null(w, v.url);
  key(w, "canonical_url"), str_or_null(w, v.canonical_url);
  key(w, "group");
  if (v.group_name) str(w, *v.group_name);
  else w.Null();
  key(w, "original"), str(w, v.original_id);
  key(w, "is_original"), w.Bool(v.record.is_original);
  key(w, "original_reason");
  if (v.original_reason) str(w, v.original_reason);
  else w.Null();
  key(w, "jaccard"), score(w, v.record.jaccard);
  key(w, "containment"), score(w, v.record.containment);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string dedup_pair_json(const DedupMemberView& a, const DedupMemberView& b, const DedupPair& pair) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  key(w, "a"), str(w, a.id);
  key(w, "b"), str(w, b.id);
  key(w, "a_url"), str_or_null(w, a.url);
  key(w, "b_url"), str_or_null(w, b.url);
  key(w, "jaccard"), score(w, pair.jaccard);
  key(w, "containment"), score(w, pair.containment);
  key(w, "duplicate"), w.Bool(pair.duplicate);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string dedup_group_json(const std::string& name, const DedupMemberView& original,
                             const std::vector<std::string>& members, const std::vector<std::string>& member_urls,
                             const char* original_reason) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  key(w, "group"), str(w, name);
  key(w, "original"), str(w, original.id);
  key(w, "original_url"), str_or_null(w, original.url);
  key(w, "members");
  w.StartArray();
  for (auto& m : members) str(w, m);
  w.EndArray();
  key(w, "member_urls");
  w.StartArray();
  for (auto& u : member_urls) str_or_null(w, u);
  w.EndArray();
  if (original_reason) key(w, "original_reason"), str(w, original_reason);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace winnow
