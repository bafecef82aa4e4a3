// Example: clean one page with the library.
//
//   clean_page PAGE.html|PAGE.txt    prints the page's record, as `winnow extract` writes it
//
// The extraction line (winnow/extract.hpp) takes a Document holding the
// bytes as found; the built-in site profiles know the osce.org layout and
// Blogger's chrome. The record is the same `winnow extract PAGE` prints,
// since the CLI runs the same Extractor.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "winnow/extract.hpp"
#include "winnow/output.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: clean_page FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "clean_page: %s: cannot open\n", argv[1]);
    return 3;
  }
  winnow::Document doc;
  doc.id = argv[1];
  doc.source.file = argv[1];  // where the record can be found again (its "source")
  doc.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());

  winnow::Extractor extractor(winnow::ProfileSet::builtin());
  std::string problem;
  if (!extractor.run(doc, &problem)) {
    std::fprintf(stderr, "clean_page: %s: %s\n", argv[1], problem.c_str());
    return 1;
  }
  std::printf("%s\n", winnow::document_json(doc).c_str());  // doc.text: the clean article alone
  return 0;
}
