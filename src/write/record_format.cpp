// Output formats and field selection.
//
// The problem: JSONL with every field is right for pipelines, but people also
// want a few columns in a spreadsheet, or only the fields a downstream tool
// reads, without a jq pass over gigabytes.
//
// The method: document_json() stays the one definition of a record. A field
// selection re-reads that object with RapidJSON and writes the chosen members
// in the chosen order; TSV does the same and flattens each value to one cell.
// Deriving both from the JSON object means a field added to the record is
// selectable at once, and the names can never disagree with the JSON output.
//
// The cost: with --fields or TSV, one extra parse of each record's JSON (a
// few microseconds for a page, small next to extraction); plain JSON output
// pays nothing.
#include "winnow/record_format.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <fmt/format.h>

#include "json_parse.hpp"
#include "text_formats.hpp"
#include "winnow/output.hpp"

namespace winnow {
namespace {

constexpr std::size_t kSnippetChars = 200;

// The first `n` characters (code points, never half of one) of `text`.
std::string snippet(const std::string& text, std::size_t n) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && chars++ == n) break;
    out += c == '\n' ? ' ' : static_cast<char>(c);
  }
  return out;
}

std::string compact(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

// A value as one cell: a string as it is, null as nothing, the rest as compact JSON.
std::string cell_text(const rapidjson::Value& v) {
  return v.IsNull() ? std::string() : v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : compact(v);
}

std::string tsv_cell(const rapidjson::Value& v) {
  std::string raw = cell_text(v);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default:
        // Other control characters (ESC, DEL, ...) would reach a terminal
        // or a spreadsheet raw: \xHH, as the backslash escapes above. A C1
        // control (U+0080-U+009F, bytes C2 80-9F; U+009B is a CSI to some
        // terminals) becomes \u00HH.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else if (c == '\xC2' && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) < 0xA0)
          out += fmt::format("\\u00{:02x}", static_cast<unsigned char>(raw[++i]));
        else out += c;
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& RecordFormatter::field_names() {
  static const std::vector<std::string> names = [] {
    Document empty;
    rapidjson::Document json;
    parse_json(json, document_json(empty));
    std::vector<std::string> v;
    for (auto& m : json.GetObject()) v.emplace_back(m.name.GetString(), m.name.GetStringLength());
    v.push_back("snippet");
    return v;
  }();
  return names;
}

std::optional<RecordFormatter> RecordFormatter::make(const std::string& format, std::vector<std::string> fields,
                                                     std::string* error) {
  RecordFormatter f;
  if (format == "text") f.format_ = RecordFormat::Text;
  else if (format == "tsv") f.format_ = RecordFormat::Tsv;
  else if (format == "json") f.format_ = RecordFormat::Json;
  else if (format == "csv") f.format_ = RecordFormat::Csv;
  else if (format == "markdown") f.format_ = RecordFormat::Markdown;
  else {
    *error = fmt::format("unknown format \"{}\"", format);
    return std::nullopt;
  }
  const auto& known = field_names();
  for (auto& name : fields) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      *error = fmt::format("unknown field \"{}\"; fields are: {}", name, fmt::join(known, ", "));
      return std::nullopt;
    }
  }
  if (fields.empty() && (f.format_ == RecordFormat::Tsv || f.format_ == RecordFormat::Csv))
    fields = {"id", "url", "fetch_date", "type", "title", "date", "place", "snippet"};
  f.fields_ = std::move(fields);
  return f;
}

bool RecordFormatter::writes(const std::string& field) const {
  if (multiline()) return false;
  if (format_ == RecordFormat::Json && fields_.empty()) return true;
  return std::find(fields_.begin(), fields_.end(), field) != fields_.end();
}

std::string RecordFormatter::header() const {
  if (format_ == RecordFormat::Csv) {
    std::string line;
    for (std::size_t i = 0; i < fields_.size(); ++i) line += (i ? "," : "") + csv_field(fields_[i]);
    return line + "\r";  // CRLF, with the sink's LF
  }
  return format_ == RecordFormat::Tsv ? fmt::format("{}", fmt::join(fields_, "\t")) : std::string();
}

std::string RecordFormatter::format(const Document& doc) const {
  if (format_ == RecordFormat::Text) return doc.text;
  if (format_ == RecordFormat::Markdown) return markdown_article(doc);
  std::string full = document_json(doc);
  if (fields_.empty()) return full;
  rapidjson::Document json;
  parse_json(json, full);
  std::string cut = snippet(doc.text, kSnippetChars);
  rapidjson::Value snippet_value(rapidjson::StringRef(cut.data(), cut.size()));
  auto value_of = [&](const std::string& name) -> const rapidjson::Value& {
    if (name == "snippet") return snippet_value;
    return json.FindMember(rapidjson::StringRef(name.data(), name.size()))->value;
  };
  if (format_ == RecordFormat::Tsv) {
    std::string line;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (i) line += '\t';
      line += tsv_cell(value_of(fields_[i]));
    }
    return line;
  }
  if (format_ == RecordFormat::Csv) {
    std::string line;
    for (std::size_t i = 0; i < fields_.size(); ++i) line += (i ? "," : "") + csv_field(cell_text(value_of(fields_[i])));
    return line + "\r";
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  for (auto& name : fields_) {
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    value_of(name).Accept(w);
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace winnow
