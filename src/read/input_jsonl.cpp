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
// out as a number), and "fetch_date" when present so winnow's own output reads
// back with what it had. A line that does not parse, is not an object or has no
// text is reported with its line number and skipped; the lines after it are
// still read, since in JSONL one bad line does not affect the next.
//
// The cost: one parse per line into a DOM that is dropped at once; the text
// is copied once into the record. Parsing happens on the reading thread, at
// several hundred MB/s, well ahead of extraction.
#include <rapidjson/document.h>

#include <fmt/format.h>

#include "input_sources.hpp"
#include "json_parse.hpp"

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
