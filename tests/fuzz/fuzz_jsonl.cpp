// Fuzz target: the JSONL reader (broken lines, odd types, huge strings),
// plain or gzip/zstd compressed.
#include "fuzz_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_records(data, size, [](auto in, auto ctx) { return winnow::jsonl_source(std::move(in), std::move(ctx)); });
  return 0;
}
