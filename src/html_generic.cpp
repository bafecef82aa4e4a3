#include "winnow/html.hpp"
namespace winnow { void classify_html_generic(Document& d) { for (auto& b : d.blocks) if (b.kind != BlockKind::ListMarker) b.role = Role::Body; } }
