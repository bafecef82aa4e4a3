// Writing a cleaned record as JSON, TSV or plain text, with a choice of fields.
//
// JSON (the default) is document_json(): every field, one object per line.
// --fields picks and orders the top-level fields of that object, plus
// `snippet` (the first 200 characters of `text`, line breaks as spaces).
// TSV writes a header line of field names, then one line per record; a
// field's value is its JSON value with strings unquoted, null as empty,
// arrays and objects as compact JSON, and tab, newline, carriage return and
// backslash escaped as \t \n \r \\ (so one record is always one line). The
// default TSV columns are id, url, fetch_date, type, title, date, place,
// snippet. Text is the clean article only; fields do not apply.
//
//   std::string error;
//   auto f = winnow::RecordFormatter::make("tsv", {"id", "title"}, &error);
//   if (!f) usage_error(error);       // "unknown field "titel"; fields are: id, url, ..."
//   out.write_line(f->header());       // "id\ttitle"
//   out.write_line(f->format(doc));    // "fixtures/seeds/000.txt\tOSCE Project ..."
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "winnow/document.hpp"

namespace winnow {

enum class RecordFormat { Json, Text, Tsv };

class RecordFormatter {
 public:
  // format: "json", "text" or "tsv"; fields: empty for the default set.
  static std::optional<RecordFormatter> make(const std::string& format, std::vector<std::string> fields,
                                             std::string* error);
  // Every field name --fields accepts, in document_json() order.
  static const std::vector<std::string>& field_names();

  RecordFormat format() const { return format_; }
  bool has_header() const { return format_ == RecordFormat::Tsv; }
  std::string header() const;
  // Whether records carry `field`: lets a command skip computing what is
  // not written (JSON without --fields: every field; text: none).
  bool writes(const std::string& field) const;
  // One record without a trailing newline (text: may span lines).
  std::string format(const Document& doc) const;

 private:
  RecordFormat format_ = RecordFormat::Json;
  std::vector<std::string> fields_;  // empty for JSON: every field
};

}  // namespace winnow
