// Speakers: who is quoted, with honorific, role, reporting verb and quote.
//
// `text` is the clean article (paragraphs separated by '\n'); quote spans are
// byte offsets into it. One Speaker per person, all of their quotes in order.
// A quote's text is its spanned bytes (less a trailing comma), except for a
// quote running over several paragraphs: its span covers all the pieces and
// its text joins them with a space. Unattributed follow-on quotes have
// `continuation` set and an empty verb; "according to X" has the verb
// "according to".
//
//   auto speakers = find_speakers(doc.text);
//   // {name "Lubomir Kopaj", honorific "Ambassador",
//   //  role "OSCE Project Co-ordinator in Ukraine", quotes [{verb "said"}, {verb "added"}, ...]}
#pragma once

#include <string_view>
#include <vector>

#include "winnow/document.hpp"

namespace winnow {

std::vector<Speaker> find_speakers(std::string_view text);

}  // namespace winnow
