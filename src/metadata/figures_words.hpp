// Word tables for the figure extractor (figures.cpp), kept apart from the
// matching logic so that adding a currency or an approximator is a one-line
// data change. Private to src/.
#pragma once

#include <array>
#include <string_view>

namespace winnow::figures_words {

struct NumberWord {
  std::string_view word;
  double value;
};

// Cardinals only: ordinals ("first", "second") are never figures.
constexpr std::array<NumberWord, 28> kNumberWords{{
    {"one", 1},        {"two", 2},        {"three", 3},      {"four", 4},      {"five", 5},
    {"six", 6},        {"seven", 7},      {"eight", 8},      {"nine", 9},      {"ten", 10},
    {"eleven", 11},    {"twelve", 12},    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},    {"forty", 40},     {"fifty", 50},     {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},    {"ninety", 90},    {"dozen", 12},
}};

// Multipliers that follow a number: "2 million", "two hundred".
constexpr std::array<NumberWord, 6> kScales{{
    {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"mln", 1e6}, {"bn", 1e9},
}};

struct Currency {
  std::string_view spelling;
  std::string_view code;
};

// Written before the amount: "EUR 2 million", "€4.25", "US$ 3".
constexpr std::array<Currency, 11> kCurrencyPrefixes{{
    {"US$", "USD"}, {"€", "EUR"}, {"$", "USD"}, {"£", "GBP"}, {"EUR", "EUR"}, {"USD", "USD"},
    {"GBP", "GBP"}, {"CHF", "CHF"}, {"UAH", "UAH"}, {"RUB", "RUB"}, {"SEK", "SEK"},
}};

// Written after the amount: "550,000 euros", "3 million US dollars".
constexpr std::array<Currency, 16> kCurrencySuffixes{{
    {"convertible marks", "BAM"}, {"US dollars", "USD"}, {"Swiss francs", "CHF"}, {"BAM", "BAM"}, {"euros", "EUR"}, {"euro", "EUR"},
    {"EUR", "EUR"},        {"dollars", "USD"},      {"USD", "USD"},  {"francs", "CHF"},
    {"CHF", "CHF"},        {"pounds", "GBP"},       {"hryvnias", "UAH"}, {"hryvnia", "UAH"},
    {"roubles", "RUB"},    {"rubles", "RUB"},
}};

// Hedges before a number, longest first so "just over" beats "over".
constexpr std::array<std::string_view, 23> kApproximators{
    "in excess of", "as many as", "as much as", "an estimated", "more than", "fewer than",
    "less than",    "just over",  "well over",  "close to",     "at least",  "at most",
    "up to",        "nearly",     "almost",     "about",        "around",    "approximately",
    "roughly",      "some",       "over",       "under",        "estimated"};

// Units of duration, singular; "100-hour courses", "two years".
// Verbs whose particle is "over": "handed over 30 cars", "taken over by"
// make "over" no hedge.
constexpr std::array<std::string_view, 16> kOverParticleVerbs{
    "hand",  "hands", "handed", "handing", "take",   "takes",  "took",    "taken",
    "taking", "turn", "turned", "turning", "passed", "passes", "carried", "handover"};

// Abbreviated units of measure, counted like plural nouns ("45 km of
// canals" counts "km", as "55 million tonnes" counts "tonnes").
constexpr std::array<std::string_view, 8> kMeasureAbbreviations{"km", "kg", "ha", "mw", "kw", "kwh", "mwh", "sq"};

constexpr std::array<std::string_view, 6> kDurationUnits{"minute", "hour", "day", "week", "month", "year"};

// Words between a number and its noun that stay in the text but not in
// `counts`: "six more regions" counts "regions".
constexpr std::array<std::string_view, 6> kComparatives{"more", "additional", "further", "extra", "other", "such"};

// Skipped between "per cent of" and what the percentage counts.
constexpr std::array<std::string_view, 6> kDeterminers{"the", "all", "its", "their", "our", "these"};

// Words that tie an amount of money to what it pays for: "a budget of
// EUR 2 million", "equipment worth €45,000", "contributions totalling ...",
// "the project cost 18,000 convertible marks".
constexpr std::array<std::string_view, 7> kMoneyLinks{"of", "worth", "totalling", "totaling", "amounting", "cost", "costs"};

// "two thirds", "three quarters": fractions, not counts.
constexpr std::array<std::string_view, 8> kFractions{"halves", "thirds", "quarters", "fifths", "third", "quarter", "fifth", "half"};

// Plural nouns that do not end in -s.
constexpr std::array<std::string_view, 11> kIrregularPlurals{
    "people", "staff", "personnel", "children", "women", "men", "police", "youth", "media", "data", "criteria"};

// A counted noun phrase ends before any of these.
constexpr std::array<std::string_view, 84> kCountStopWords{
    "them", "it", "us", "they", "we", "you", "through", "among", "against", "within", "without",
    "including", "via", "along", "towards", "toward", "throughout", "upon", "like", "around",
    "of", "for", "from", "in", "on", "at", "to", "with", "by", "into", "across", "over", "under",
    "who", "which", "that", "whom", "whose", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "have", "has", "had", "are", "is", "was", "were", "be", "been", "being",
    "do", "does", "did", "the", "a", "an", "this", "these", "those", "their", "its", "his", "her",
    "our", "or", "but", "as", "than", "per", "each", "while", "during", "since", "until", "before",
    "after", "another"};

// A number right after one of these is a reference, not a quantity:
// "Decision No. 3", "Article 5", "Resolution 1325".
constexpr std::array<std::string_view, 28> kReferenceWords{
    "no", "nr", "number", "article", "art", "resolution", "decision", "chapter", "section",
    "paragraph", "para", "annex", "protocol", "page", "room", "case", "law", "regulation", "item",
    "phase", "stage", "level", "volume", "issue", "edition", "tel", "phone", "fax"};

// Verbs in -s that follow a singular head and would pass for a plural noun:
// "the two-day conference focuses on", "the 40-page document draws on".
constexpr std::array<std::string_view, 28> kVerbsInS{
    "focuses", "aims", "brings", "takes", "covers", "includes", "provides", "marks", "seeks", "offers",
    "helps", "supports", "targets", "addresses", "gathers", "features", "starts", "begins", "ends",
    "continues", "concludes", "opens", "runs", "lasts", "draws", "builds", "looks", "sets"};

// Linking verbs between a subject and its percentage: "Voter turnout was
// 51.34 per cent" counts "voter turnout".
constexpr std::array<std::string_view, 6> kPercentLinks{"was", "is", "were", "are", "reached", "stood"};

// "no one", "the one who", "each one": pronoun uses of "one".
constexpr std::array<std::string_view, 9> kOnePronounBefore{
    "no", "the", "each", "any", "every", "this", "that", "which", "someone"};

}  // namespace winnow::figures_words
