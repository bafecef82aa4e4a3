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

}  // namespace winnow::speakers_words
