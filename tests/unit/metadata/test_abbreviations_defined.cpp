// Abbreviations defined in the prose (src/abbreviations_defined.cpp): the
// three shapes, the spelling rules, and what must define nothing.
#include <doctest/doctest.h>

#include <string>

#include "winnow/abbreviations.hpp"
#include "winnow/metadata.hpp"

namespace {

std::string all(std::string_view text) {
  std::string out;
  for (auto& a : winnow::find_defined_abbreviations(text)) out += a.abbr + "=" + a.expansion + ";";
  return out;
}

}  // namespace

TEST_CASE("metadata abbreviations: parentheses, brackets either way, apposition") {
  CHECK(all("The OSCE Office for Democratic Institutions and Human Rights (ODIHR) opened a mission.") ==
        "ODIHR=Office for Democratic Institutions and Human Rights;");
  CHECK(all("the Office for Democratic Institutions and Human Rights [ODIHR] held") ==
        "ODIHR=Office for Democratic Institutions and Human Rights;");
  CHECK(all("police, ODIHR [Office for Democratic Institutions and Human Rights] experts") ==
        "ODIHR=Office for Democratic Institutions and Human Rights;");
  CHECK(all("praised the National Referral System, NRS, which has") == "NRS=National Referral System;");
  // Upper-case words give their letters; "OSCE" inside a name gives none;
  // a place may follow the letters.
  CHECK(all("The OSCE Parliamentary Assembly (OSCE PA) deployed") == "OSCE PA=OSCE Parliamentary Assembly;");
  CHECK(all("the UN Office on Drugs and Crime (UNODC) trained") == "UNODC=UN Office on Drugs and Crime;");
  CHECK(all("the Office of the Co-ordinator of OSCE Economic and Environmental Activities, OCEEA, today") ==
        "OCEEA=Office of the Co-ordinator of OSCE Economic and Environmental Activities;");
  CHECK(all("visited the Special Monitoring Mission to Ukraine (SMM) in Kyiv") ==
        "SMM=Special Monitoring Mission to Ukraine;");
  // Defined once: the second definition is ignored.
  CHECK(all("the Forum for Security Co-operation (FSC) met. The Financial Services Commission (FSC) too.") ==
        "FSC=Forum for Security Co-operation;");
}

TEST_CASE("metadata abbreviations: what defines nothing") {
  CHECK(all("ODIHR held a training, the Office for Democratic Institutions and Human Rights said.").empty());
  CHECK(all("under decision PC.DEC/1512 (PC.DEC/1512) and a budget (EUR 2 million)").empty());
  CHECK(all("the Ministry of Interior (MVD) said").empty());          // letters not spelled
  CHECK(all("the organizers of everything (OE) said").empty());        // not capitalised
  CHECK(all("in Vienna, OSCE, and").empty());                          // one word spells nothing
  CHECK(all("the ceasefire (SMM) held").empty());
}

TEST_CASE("metadata abbreviations: extract_metadata keeps tooltip ones first") {
  winnow::Document doc;
  doc.text = "Title\nThe Tajikistan Mine Action Centre (TMAC) and non-governmental organizations (NGO) met.";
  doc.metadata.title = "Title";
  doc.metadata.abbreviations.push_back({"NGO", "non-governmental organization"});
  winnow::extract_metadata(doc);
  REQUIRE(doc.metadata.abbreviations.size() == 2);
  CHECK(doc.metadata.abbreviations[0].expansion == "non-governmental organization");
  CHECK(doc.metadata.abbreviations[1].abbr == "TMAC");
  CHECK(doc.metadata.abbreviations[1].expansion == "Tajikistan Mine Action Centre");
}
