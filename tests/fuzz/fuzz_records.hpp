// Shared driver of the record-reader fuzz targets: bytes in memory, through
// the decompressor their magic bytes ask for, cut into records by `make`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "../../src/read/input_sources.hpp"
#include "winnow/input_stream.hpp"

template <typename MakeSource>
void fuzz_records(const std::uint8_t* data, std::size_t size, MakeSource make) {
  static std::FILE* devnull = std::fopen("/dev/null", "w");
  winnow::Diagnostics diagnostics(devnull);
  winnow::ReaderOptions options;
  options.max_doc_bytes = 1 << 20;
  options.keep_fields = {"*"};  // JSONL: every field written out again (input_jsonl.cpp), so that is fuzzed too
  winnow::ReaderStats stats;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<winnow::ByteStream> stream = winnow::memory_stream(bytes);
  if (bytes.starts_with("\x1f\x8b")) stream = winnow::gzip_stream(std::move(stream));
  else if (bytes.starts_with("\x28\xb5\x2f\xfd")) stream = winnow::zstd_stream(std::move(stream));
  auto source = make(std::make_unique<winnow::LineInput>(std::move(stream)),
                     winnow::SourceContext{"fuzz", options, diagnostics, stats});
  winnow::Document doc;
  for (int records = 0; records < 10000 && source->next(doc); ++records) {
  }
}
