// JSONL input: one JSON object per line, one record per object.
//
// The problem: corpora are exchanged as JSONL exports (Common Crawl derived
// sets, other cleaners' output, winnow's own `extract` output), each with its
// own field names, and an export of millions of lines usually has a few broken
// ones (a crawler killed mid-write, a stray log line).
//
// The method: read a line, parse it with RapidJSON (iteratively, at most
// kMaxJsonDepth levels deep: json_parse.hpp), take the page from the
// text field (by default "html" if present, else "text"; --jsonl-text-field
// names another), the id and URL from their fields (a numeric id is written
// out as a number), and "fetch_date" and "canonical_url" when present so
// winnow's own output reads back with what it had. The URL field is what was
// fetched (Document::url), never replaced by the page's canonical link. With
// --keep-fields, the chosen members (or every member but the page, for "*")
// are written out again as one compact JSON object (Document::kept_fields),
// their strings repaired to valid UTF-8 like every string winnow writes,
// their numbers as RapidJSON read them (an integer beyond 64 bits becomes a
// double). Each record's position (file and line) is its `source`. A line that does not parse, is not an object or has no
// text is reported with its line number and skipped; the lines after it are
// still read, since in JSONL one bad line does not affect the next.
//
// The cost: one parse per line into a DOM that is dropped at once; the text
// is copied once into the record. Parsing happens on the reading thread, at
// several hundred MB/s, well ahead of extraction.
#include <rapidjson/document.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <fmt/format.h>

#include "input_sources.hpp"
#include "json_parse.hpp"
#include "winnow/output.hpp"

namespace winnow {
namespace {

const rapidjson::Value* member(const rapidjson::Value& object, const std::string& name) {
  if (name.empty()) return nullptr;
  auto it = object.FindMember(rapidjson::StringRef(name.data(), name.size()));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string scalar(const rapidjson::Value* v) {
  if (!v) return {};
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  if (v->IsUint64()) return std::to_string(v->GetUint64());
  return {};
}

// `v` as compact JSON, strings (keys too) through append_json_string, which
// repairs invalid UTF-8. Recursive: parse_json bounds the depth at
// kMaxJsonDepth levels.
void append_json_value(std::string& out, const rapidjson::Value& v) {
  if (v.IsString()) {
    append_json_string(out, std::string_view(v.GetString(), v.GetStringLength()));
  } else if (v.IsObject()) {
    out += '{';
    bool first = true;
    for (const auto& m : v.GetObject()) {
      if (!first) out += ',';
      first = false;
      append_json_string(out, std::string_view(m.name.GetString(), m.name.GetStringLength()));
      out += ':';
      append_json_value(out, m.value);
    }
    out += '}';
  } else if (v.IsArray()) {
    out += '[';
    bool first = true;
    for (const auto& item : v.GetArray()) {
      if (!first) out += ',';
      first = false;
      append_json_value(out, item);
    }
    out += ']';
  } else {  // a number, true, false or null
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    out.append(buf.GetString(), buf.GetSize());
  }
}

// The --keep-fields members of a record, as one JSON object in the order
// asked for; a field the record lacks is null, so every record has the
// same keys. "*" keeps every member but the page (`text`), in its order.
std::string kept_fields(const rapidjson::Value& record, const std::vector<std::string>& names,
                        const rapidjson::Value* text) {
  std::string out = "{";
  bool first = true;
  auto add = [&](std::string_view name, const rapidjson::Value* value) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, name);
    out += ':';
    if (value) append_json_value(out, *value);
    else out += "null";
  };
  const bool every = std::find(names.begin(), names.end(), "*") != names.end();
  if (every) {
    for (const auto& m : record.GetObject())
      if (&m.value != text) add(std::string_view(m.name.GetString(), m.name.GetStringLength()), &m.value);
  } else {
    for (const std::string& name : names) add(name, member(record, name));
  }
  out += '}';
  return out;
}

class JsonlSource final : public RecordSource {
 public:
  using RecordSource::RecordSource;

  bool next(Document& doc) override {
    std::string line;
    std::uint64_t limit = ctx_.options.max_doc_bytes;
    for (;;) {
      bool too_long = false;
      // A line may carry JSON escapes around the text: allow some slack over the record limit.
      if (!in_->read_line(line, static_cast<std::size_t>(limit + limit / 4 + 4096), &too_long)) {
        if (!in_->error().empty() && !in_->stopped())
          ctx_.diagnostics.skipped(ctx_.path, fmt::format("after line {}: {}", line_no_, in_->error()), SkipClass::Corrupt);
        return false;
      }
      ++line_no_;
      if (too_long) {
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("line {}: larger than --max-doc-bytes ({} bytes)", line_no_, limit), SkipClass::TooLarge);
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (in_->at_end() && !in_->error().empty()) {
        // The last line of a truncated stream is a fragment, whatever it parses as.
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("line {}: {}", line_no_, in_->error()), SkipClass::Corrupt);
        return false;
      }
      rapidjson::Document json;
      JsonParseResult parsed = parse_json(json, line);
      if (parsed.too_deep) {
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("line {}: JSON {}", line_no_, parsed.error), SkipClass::Corrupt);
        continue;
      }
      if (!parsed.ok) {
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("line {}: invalid JSON at column {}: {}", line_no_,
                                                        parsed.error_offset + 1, parsed.error), SkipClass::Corrupt);
        continue;
      }
      if (!json.IsObject()) {
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("line {}: not a JSON object", line_no_), SkipClass::Corrupt);
        continue;
      }
      const auto& fields = ctx_.options.jsonl;
      const rapidjson::Value* text = nullptr;
      if (!fields.text.empty()) text = member(json, fields.text);
      else if (!(text = member(json, "html")) || !text->IsString()) text = member(json, "text");
      if (!text || !text->IsString()) {
        ctx_.diagnostics.skipped(
            ctx_.path, fields.text.empty()
                           ? fmt::format("line {}: no \"html\" or \"text\" string field", line_no_)
                           : fmt::format("line {}: no \"{}\" string field", line_no_, fields.text), SkipClass::NotADocument);
        continue;
      }
      if (text->GetStringLength() > limit) {
        ctx_.diagnostics.skipped(ctx_.path, fmt::format("line {}: larger than --max-doc-bytes ({} bytes)", line_no_, limit), SkipClass::TooLarge);
        continue;
      }
      doc.id = scalar(member(json, fields.id));
      origin_.clear();
      if (doc.id.empty()) doc.id = fmt::format("{}#{}", ctx_.path, line_no_);
      else origin_ = fmt::format("{}: line {}", ctx_.path, line_no_);
      doc.url = scalar(member(json, fields.url));
      doc.fetch_date = scalar(member(json, "fetch_date"));
      doc.canonical_url = scalar(member(json, "canonical_url"));  // the page's own statement wins (html_head.cpp)
      doc.source.file = ctx_.path;
      doc.source.line = line_no_;
      if (!ctx_.options.keep_fields.empty()) doc.kept_fields = kept_fields(json, ctx_.options.keep_fields, text);
      doc.body.assign(text->GetString(), text->GetStringLength());
      return true;
    }
  }

 private:
  std::uint64_t line_no_ = 0;
};

}  // namespace

bool is_json_object_line(const std::string& line) {
  rapidjson::Document json;
  return parse_json(json, line).ok && json.IsObject();
}

std::unique_ptr<RecordSource> jsonl_source(std::unique_ptr<LineInput> in, SourceContext context) {
  return std::make_unique<JsonlSource>(std::move(in), std::move(context));
}

}  // namespace winnow
