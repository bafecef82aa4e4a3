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
// snippet. CSV (RFC 4180) has the same header, fields and cells as TSV,
// quoted where a value holds a comma, a quote or a line break instead of
// backslash-escaped, and ends every line in CRLF. Text is the clean article
// only; markdown is the article as "# title" and paragraphs (see
// text_formats.cpp); fields apply to neither.
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

enum class RecordFormat { Json, Text, Tsv, Csv, Markdown };

class RecordFormatter {
 public:
  // format: "json", "text", "tsv", "csv" or "markdown"; fields: empty for the default set.
  static std::optional<RecordFormatter> make(const std::string& format, std::vector<std::string> fields,
                                             std::string* error);
  // Every field name --fields accepts, in document_json() order.
  static const std::vector<std::string>& field_names();

  RecordFormat format() const { return format_; }
  bool has_header() const { return format_ == RecordFormat::Tsv || format_ == RecordFormat::Csv; }
  // Text and markdown records span lines: a blank line between two.
  bool multiline() const { return format_ == RecordFormat::Text || format_ == RecordFormat::Markdown; }
  // Whether --fields picks what is written (not for text and markdown).
  bool takes_fields() const { return !multiline(); }
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
