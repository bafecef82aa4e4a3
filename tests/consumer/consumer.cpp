// Cleans one text dump held in memory and groups two copies of it, through
// the installed headers and library only.
#include <cstdio>
#include <string>

#include <winnow/dedup.hpp>
#include <winnow/extract.hpp>

int main() {
  winnow::Extractor extractor(winnow::ProfileSet::builtin());
  winnow::Document doc;
  doc.id = "memory";
  doc.body =
      "Winnow consumer check\n"
      "The installed library cleaned this page and found its words through the package config that CMake "
      "wrote, so that another program can link it like any other library.\n";
  std::string problem;
  if (!extractor.run(doc, &problem)) {
    std::fprintf(stderr, "consumer: %s\n", problem.c_str());
    return 1;
  }
  doc.shingles = winnow::shingle_set(doc.text, winnow::ShingleOptions{});
  winnow::Document copy = doc;
  winnow::Deduplicator engine;
  engine.add(winnow::dedup_item(doc, 0, extractor.profiles()));
  engine.add(winnow::dedup_item(copy, 1, extractor.profiles()));
  winnow::DedupReport report = engine.finish();
  std::printf("%s\ngroups %zu\n", doc.text.c_str(), report.groups.size());
  return 0;
}
