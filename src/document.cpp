// Names of the enums in document.hpp, as they appear in JSON output.
#include "winnow/document.hpp"

namespace winnow {

const char* to_string(Role role) {
  switch (role) {
    case Role::Unclassified: return "unclassified";
    case Role::Title: return "title";
    case Role::Body: return "body";
    case Role::PageType: return "page_type";
    case Role::Metadata: return "metadata";
    case Role::Teaser: return "teaser";
    case Role::Navigation: return "navigation";
    case Role::Chrome: return "chrome";
    case Role::Artifact: return "artifact";
  }
  return "unclassified";
}

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::Heading: return "heading";
    case BlockKind::ListItem: return "list_item";
    case BlockKind::ListMarker: return "list_marker";
    case BlockKind::TableCell: return "table_cell";
    case BlockKind::Preformatted: return "preformatted";
  }
  return "paragraph";
}

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Unknown: return "unknown";
    case InputFormat::Text: return "text";
    case InputFormat::Html: return "html";
  }
  return "unknown";
}

}  // namespace winnow
