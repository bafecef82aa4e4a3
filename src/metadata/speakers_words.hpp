// Word tables for the speaker extractor (speakers_names.cpp), kept apart
// from the matching logic so that a new honorific or role noun is a one-line
// data change. Private to src/. Entries are string_views: a comparison
// with a const char* entry would measure it (strlen) every time.
#pragma once

#include <array>
#include <string_view>

namespace winnow::speakers_words {

// Honorifics and titles that stand before a name, longest first.
constexpr auto kHonorifics = std::to_array<std::string_view>({
    "Deputy Secretary General", "Chairperson-in-Office", "Chairman-in-Office", "Secretary General",
    "Secretary-General", "Special Representative", "High Commissioner", "Lieutenant Colonel",
    "Deputy Minister", "Foreign Minister", "Prime Minister", "Vice President", "Vice-President",
    "Ambassador", "Professor", "Minister", "President", "Commissioner", "Ombudsperson", "Director",
    "Colonel", "General", "Captain", "Major", "Senator", "Mayor", "Governor", "Judge", "Sir", "Dame",
    "Inspector", "Lieutenant", "Sergeant", "Commander", "Admiral", "Rector", "Ombudsman",
    "Prof.", "Prof", "Mrs.", "Mrs", "Mr.", "Mr", "Ms.", "Ms", "Dr.", "Dr"});

// Lower-case words allowed inside a name ("Tullio Del Sette" is covered by
// capitals; these cover "Ursula von der Leyen", "Luis de Almeida").
constexpr std::string_view kNameParticles = "de|del|della|der|den|van|von|da|di|du|la|le|bin|ibn|al|dos|das|ten|ter";

// Capitalised words that start sentences, never part of a person's name.
constexpr auto kNotNames = std::to_array<std::string_view>({
    "The", "This", "That", "These", "Those", "It", "We", "They", "He", "She", "I", "You", "Our",
    "His", "Her", "Its", "Their", "In", "On", "At", "As", "By", "For", "From", "With", "According",
    "Both", "Some", "All", "Many", "Participants", "Opening", "Speaking", "Addressing"});

// Words naming institutions: in front of a name they belong to the role
// ("Mission Jan Braathu" from "Head of Mission Jan Braathu"), alone they are
// not a person.
constexpr auto kInstitutionWords = std::to_array<std::string_view>({
    "Ministry", "Mission", "Office", "Centre", "Center", "Organization", "Government", "Police",
    "Council", "Parliament", "Assembly", "Commission", "Agency", "Presence", "Secretariat"});

// Capitalised nouns of a role standing before a name ("Participant Leyla
// Mammadova", "Trainer Elena Cojocaru"): role, never a given name.
constexpr auto kRoleNouns = std::to_array<std::string_view>({"Participant", "Student", "Expert", "Trainer", "Moderator", "Journalist",
                                "Activist", "Volunteer", "Researcher", "Lawyer", "Teacher", "Farmer",
                                "Officer", "Manager", "Coordinator", "Co-ordinator", "Consultant", "Analyst"});

// Words of a title or an institution, which end a name read backwards from
// the surname: in "Minister of Local Self-Government Ana Maria Petrovska"
// the name may take three words because "Self-Government" is none of them.
constexpr auto kTitleWords = std::to_array<std::string_view>({
    "Affairs", "Justice", "Government", "Self-Government", "Defence", "Defense", "Interior", "Health",
    "Education", "Science", "Finance", "Economy", "Youth", "Sport", "Sports", "Culture", "Energy",
    "Environment", "Agriculture", "Security", "Policy", "Rights", "Development", "Integration", "Labour",
    "Transport", "Trade", "Department", "Directorate", "Division", "Unit", "Service", "Court", "Republic",
    "Resources", "Protection", "Police", "Prosecution", "Media", "Information", "Communications",
    "Minorities", "Refugees", "Migration", "Tourism", "Infrastructure", "Assets", "Audit"});

// Words after a capitalised run that make it a place or an institution
// rather than a person doing something: "Central Asia in", "the United
// States and Japan".
// Last words of the names of bodies and events, never a surname: "Staff
// College today", "the Youth Forum opened".
constexpr auto kBodyNouns = std::to_array<std::string_view>({"College", "University", "School", "Academy", "Institute", "Committee",
                                "Forum", "Conference", "Programme", "Project", "Network", "Association",
                                "Foundation", "Union", "Court", "Bureau", "Centre", "Center", "Office"});

constexpr auto kNotAfterPerson = std::to_array<std::string_view>({"of", "in", "and", "or", "for", "to", "at", "on", "with", "from", "by", "as"});

// The words of attribution (speakers_patterns.cpp builds the RE2 patterns
// from them, speakers_attribution.cpp and speakers_reported.cpp the hand
// readers and pretests that must agree with those patterns).

// Reporting verbs, longest first so "pointed out" wins over a prefix.
constexpr auto kReportingVerbs = std::to_array<std::string_view>({
    "pointed out", "emphasized", "emphasised", "highlighted", "underscored", "acknowledged",
    "reiterated", "underlined", "explained", "concluded", "commented", "announced", "continued",
    "stressed", "stresses", "observed", "declared", "welcomed", "remarked", "affirmed", "insisted",
    "recalled", "cautioned", "estimated", "suggested", "confirmed", "predicted", "maintained",
    "asserted", "admitted", "argued", "replied", "stated", "states", "warned", "urged", "noted",
    "notes", "added", "adds", "said", "says", "told", "wrote", "writes"});

// Who a reporting verb may be addressed to before its "that": "told
// participants that", "told the audience that". Read by the patterns
// (kReported) and by the trigger test (may_report_that).
constexpr auto kAddressees = std::to_array<std::string_view>(
    {"participants", "journalists", "reporters", "delegates", "the audience", "the participants", "the meeting",
     "the conference", "the press", "them", "us"});

// Words that open a reported clause without "that": "said the teams had
// identified ...". Only these: "said in Vienna" or "said at the meeting"
// carries no clause. Read by the patterns (kReportedBare) and by the
// trigger test (may_open_bare_clause).
constexpr auto kBareClauseOpeners = std::to_array<std::string_view>(
    {"the", "a", "an", "it", "its", "this", "these", "those", "they", "there", "their", "he",
     "she", "his", "her", "we", "our", "many", "most", "all", "some", "more", "only", "no"});

// Participles that hand a quote to the speaker of the one before: "...,
// adding: “". Read by participle_before and by its end test
// (may_end_attribution), and, after a comma, they close a role ("..., Head
// of the Centre, adding: “"): kRoleEnd and role_end_at.
constexpr auto kParticiples = std::to_array<std::string_view>({"adding", "noting", "stressing", "saying", "concluding"});

// Words that open a clause rather than an apposition after a name.
constexpr auto kClauseOpeners = std::to_array<std::string_view>({"who", "which", "that", "when", "while", "as", "and", "but", "in", "at",
                                     "during", "on", "after", "before", "to", "for", "from", "with", "it", "he", "she"});

// What may follow a name when no apposition does: "said Jane Doe in her
// opening remarks". Read by verb_first and by role_tail.
constexpr auto kCircumstances = std::to_array<std::string_view>(
    {"in", "at", "during", "on", "after", "before", "when", "while", "as", "upon", "of"});

// Whom a speaker may address just before a quote: "X told journalists: “".
// Read by name_before ("the press", "the audience" are caught by its
// "the WORD").
constexpr auto kAddresseesBeforeQuote = std::to_array<std::string_view>({"participants", "journalists", "reporters", "delegates"});

}  // namespace winnow::speakers_words
