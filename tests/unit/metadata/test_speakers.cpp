#include <doctest/doctest.h>

#include "winnow/speakers.hpp"

using winnow::find_speakers;

TEST_CASE("speakers: verb first, honorific and role separated") {
  auto s = find_speakers("Title\n“We will continue,” said Ms. Anna Petrova, Head of the OSCE Office in Yerevan.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Anna Petrova");
  CHECK(s[0].honorific == "Ms.");
  CHECK(s[0].role == "Head of the OSCE Office in Yerevan");
  REQUIRE(s[0].quotes.size() == 1);
  CHECK(s[0].quotes[0].text == "We will continue");
  CHECK(s[0].quotes[0].verb == "said");
}

TEST_CASE("speakers: name first, role, verb last; particles in names") {
  auto s = find_speakers(
      "T\n\"Training matters,\" Jan van der Berg, Deputy Head of Mission, stressed.\n"
      "\"It works,\" Luis de Almeida said.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].name == "Jan van der Berg");
  CHECK(s[0].role == "Deputy Head of Mission");
  CHECK(s[0].quotes[0].verb == "stressed");
  CHECK(s[1].name == "Luis de Almeida");
}

TEST_CASE("speakers: name said colon, pronouns and surnames resolved") {
  auto s = find_speakers(
      "T\nOSCE Chairperson-in-Office Miroslav Lajčák said: “The dialogue must go on.”\n"
      "“We count on all sides,” he added.\n"
      "“This is only a beginning,” emphasized Lajčák.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Miroslav Lajčák");
  CHECK(s[0].honorific == "Chairperson-in-Office");
  REQUIRE(s[0].quotes.size() == 3);
  CHECK(s[0].quotes[0].verb == "said");
  CHECK(s[0].quotes[1].verb == "added");
  CHECK(s[0].quotes[2].verb == "emphasized");
}

TEST_CASE("speakers: quote spanning paragraphs is one quote") {
  std::string text =
      "T\n“The first part of a long statement goes on and on.\n"
      "“And the second part closes it,” said Dr. Ivan Horvat, Director of the Centre.";
  auto s = find_speakers(text);
  REQUIRE(s.size() == 1);
  CHECK(s[0].honorific == "Dr.");
  REQUIRE(s[0].quotes.size() == 1);
  CHECK(s[0].quotes[0].text ==
        "The first part of a long statement goes on and on. And the second part closes it");
  CHECK(text.substr(s[0].quotes[0].begin, 3) == "The");
}

TEST_CASE("speakers: reported speech is indirect") {
  auto s = find_speakers(
      "T\nThe seminar opened in Vienna. Ambassador Maria Costa stressed that co-operation was essential. "
      "She also noted that funding would continue.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Maria Costa");
  REQUIRE(s[0].quotes.size() == 2);
  CHECK(s[0].quotes[0].indirect);
  CHECK(s[0].quotes[0].text == "co-operation was essential");
  CHECK(s[0].quotes[1].verb == "noted");
}

TEST_CASE("speakers: scare quotes and organisations are not speakers") {
  auto s = find_speakers(
      "T\nThe so-called \"Blue Book\" was presented.\n"
      "\"The OSCE is ready,\" the Mission said.\n"
      "The OSCE said that it was ready.");
  CHECK(s.empty());
}

TEST_CASE("speakers: titles alone are not people; 'according to' attributes") {
  auto s = find_speakers(
      "T\nIn his speech, the Chairperson said \"we must act\".\n"
      "\"We welcome this,\" said the Minister.\n"
      "“Without trust there is nothing,” according to Ambassador Jane Doe.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Jane Doe");
  CHECK(s[0].quotes[0].verb == "according to");
}

TEST_CASE("speakers: robust on unbalanced and empty input") {
  CHECK(find_speakers("").empty());
  CHECK(find_speakers("\"").empty());
  CHECK(find_speakers("T\n“").empty());
  CHECK(find_speakers("T\n\"\"\n\"\",\" said Jan Berg.").size() <= 1);
  std::string text = "T\n“Open quote never closed, said Ambassador X Y.\n“Still open";
  for (auto& sp : find_speakers(text))
    for (auto& q : sp.quotes) CHECK(q.end <= text.size());
}

TEST_CASE("speakers: shapes from the second held-out batch") {
  auto a = find_speakers(
      "T\n“One,” said Ambassador John Roe, Head of the Centre, adding: “Two more words here.”");
  REQUIRE(a.size() == 1);
  CHECK(a[0].role == "Head of the Centre");
  REQUIRE(a[0].quotes.size() == 2);
  CHECK(a[0].quotes[1].verb == "adding");
  CHECK_FALSE(a[0].quotes[1].continuation);

  // Every participle that hands a quote on also ends a role: the patterns
  // and the hand readers read one table (kParticiples), so "concluding"
  // works as "adding" does (it once ended an attribution, not a role).
  auto concl = find_speakers(
      "T\n“We will go on,” said Ambassador Jane Doe, Head of the Centre, concluding: “The work is done.”");
  REQUIRE(concl.size() == 1);
  CHECK(concl[0].role == "Head of the Centre");
  REQUIRE(concl[0].quotes.size() == 2);
  CHECK(concl[0].quotes[0].text == "We will go on");
  CHECK(concl[0].quotes[1].verb == "concluding");

  auto b = find_speakers("T\n“Fine words,” Deputy Chief Monitor Alexander Hug told journalists in Kyiv.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].name == "Alexander Hug");
  CHECK(b[0].role == "Deputy Chief Monitor");
  CHECK(b[0].quotes[0].verb == "told");

  auto c = find_speakers("T\nThe Mission's Head, Ambassador Kilian Wahl, said: \"Children first.\"");
  REQUIRE(c.size() == 1);
  CHECK(c[0].name == "Kilian Wahl");
  CHECK(c[0].role == "The Mission's Head");

  auto d = find_speakers("T\n“Rights,” said trainer Elena Cojocaru, a lawyer with the Centre.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].name == "Elena Cojocaru");
  CHECK(d[0].role == "a lawyer with the Centre");

  auto e = find_speakers("T\nTamar Beridze, who co-ordinates the network, said: “First part of it.\n“Second part.”");
  REQUIRE(e.size() == 1);
  CHECK(e[0].name == "Tamar Beridze");
  CHECK(e[0].role.empty());
  REQUIRE(e[0].quotes.size() == 1);
  CHECK(e[0].quotes[0].text == "First part of it. Second part.");
}

TEST_CASE("speakers: titles with 'of', names followed by 'of' phrases, roles from the prose") {
  auto a = find_speakers("T\n“Step,” said Deputy Minister of Justice Nazira Rahimzoda.\n“A concrete one,” she said.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].name == "Nazira Rahimzoda");
  CHECK(a[0].honorific == "Deputy Minister");
  CHECK(a[0].role == "Deputy Minister of Justice");
  CHECK(a[0].quotes.size() == 2);

  auto b = find_speakers("T\nOpening the conference, Head of Mission Jan Braathu said: “Safety first.”");
  REQUIRE(b.size() == 1);
  CHECK(b[0].name == "Jan Braathu");

  auto c = find_speakers("T\n“A vision,” Colonel Ruslan Akhmetov of the Kazakh Ministry of Defence told participants.");
  REQUIRE(c.size() == 1);
  CHECK(c[0].name == "Ruslan Akhmetov");
  CHECK(c[0].honorific == "Colonel");

  auto d = find_speakers(
      "T\nVIENNA – The OSCE Representative on Freedom of the Media, Teresa Ribeiro, spoke today.\n"
      "Ribeiro stressed that the law was flawed.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].name == "Teresa Ribeiro");
  CHECK(d[0].role == "OSCE Representative on Freedom of the Media");
  CHECK(d[0].quotes[0].indirect);
}

TEST_CASE("speakers: 'name of institution' after an honorific; dashes are not names") {
  auto a = find_speakers("T\n“Rights,” said Prof. Dilnoza Karimova of Samarkand State University, one of the trainers.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].name == "Dilnoza Karimova");
  auto b = find_speakers(
      "T\nVUSHTRRI, 6 June 2022 – Shqipe Berisha was appointed today.\n“It is a first time for us,” Berisha said.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].name == "Shqipe Berisha");
}

TEST_CASE("speakers: ranks as honorifics; 'NAME from PLACE, said:'") {
  auto a = find_speakers("T\n“We know what to look for,” said Inspector Goran Trajkovski, who heads the station.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].name == "Goran Trajkovski");
  CHECK(a[0].honorific == "Inspector");
  auto b = find_speakers("T\nOne of the participants, Marian Stoica from Cluj, said: “Same chances for all of us.”");
  REQUIRE(b.size() == 1);
  CHECK(b[0].name == "Marian Stoica");
}

TEST_CASE("speakers: a title instead of a name goes to the person introduced with it") {
  // After the quote, with the person known by surname only until the end.
  auto s = find_speakers(
      "T\nOSCE Secretary General Lorenzo Bellandi visited Kyiv.\n"
      "Bellandi underlined that the monitors needed freedom of movement.\n"
      "“Our monitors are the eyes and ears of the community,” the Secretary General said.\n"
      "The Secretary General added: “We will not accept checkpoints.”");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Lorenzo Bellandi");
  REQUIRE(s[0].quotes.size() == 3);
  CHECK(s[0].quotes[1].text == "Our monitors are the eyes and ears of the community");
  CHECK(s[0].quotes[1].verb == "said");
  CHECK(s[0].quotes[2].verb == "added");
  // A title that names nobody quoted so far gives no speaker, and a word of
  // a role is not the role: "the Mission" is not the Head of the Mission.
  auto none = find_speakers(
      "T\n“We are ready,” said Ambassador Helen Marsden, Head of the OSCE Mission to Moldova.\n"
      "“The talks will go on,” the Mission said.\n"
      "“Nothing is agreed,” the Prime Minister said.");
  REQUIRE(none.size() == 1);
  CHECK(none[0].quotes.size() == 1);
}

// The trigger test before the reported-speech patterns (may_report_that,
// may_open_bare_clause) must let every shape through that a pattern reads:
// "that" after a multi-word verb or an addressee phrase, a bare "said"
// before a clause opener; and "that" after another word reads as nothing.
TEST_CASE("speakers: reported speech after every kind of trigger, and none after a plain 'that'") {
  auto s = find_speakers(
      "T\n"
      "Ambassador Jane Doe pointed out that the mission would stay.\n"
      "Colonel Ruslan Akhmetov told the audience that training would go on.\n"
      "Professor Ana Vuković said the reforms had begun.\n"
      "The fact that the NGOs that met agreed was noted.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].name == "Jane Doe");
  CHECK(s[0].quotes[0].verb == "pointed out");
  CHECK(s[0].quotes[0].text == "the mission would stay");
  CHECK(s[1].name == "Ruslan Akhmetov");
  CHECK(s[1].quotes[0].verb == "told");
  CHECK(s[1].quotes[0].text == "training would go on");
  CHECK(s[2].name == "Ana Vuković");
  CHECK(s[2].quotes[0].verb == "said");
  CHECK(s[2].quotes[0].text == "the reforms had begun");
  for (const auto& person : s) CHECK(person.quotes.size() == 1);
  for (const auto& person : s) CHECK(person.quotes[0].indirect);
}

TEST_CASE("speakers: a title nobody quoted yet is the person the prose introduced with it") {
  auto s = find_speakers(
      "Title\nVIENNA, 28 January 2014 – The OSCE Representative on Freedom of the Media, Dunja Vasić, today "
      "called for the blocking to end.\n“Blocking whole sites is a disproportionate measure,” the Representative "
      "said.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Dunja Vasić");
  CHECK(s[0].role == "OSCE Representative on Freedom of the Media");
  REQUIRE(s[0].quotes.size() == 1);
  CHECK(s[0].quotes[0].verb == "said");
  // A title the prose never gives a person stays unattributed.
  CHECK(find_speakers("Title\nThe Mission opened.\n“We will go on,” the Representative said.").empty());
}

TEST_CASE("speakers: particles at a sentence start, honorific after 'Head of Mission', acronym-led roles") {
  auto s = find_speakers(
      "Title\nODIHR expert Jan van Dijk said the law needed clearer rules. “Notification must never become "
      "permission,” Van Dijk said.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Jan van Dijk");
  CHECK(s[0].quotes.size() == 2);
  auto v = find_speakers(
      "Title\nThe Assembly’s Special Representative, Ursula von der Heyden, visited.\nVon der Heyden said the "
      "Assembly would follow the elections closely.");
  REQUIRE(v.size() == 1);
  CHECK(v[0].name == "Ursula von der Heyden");
  auto h = find_speakers("Title\nHead of Mission Ambassador Jorge Fuentes de la Torre said the programme had helped.");
  REQUIRE(h.size() == 1);
  CHECK(h[0].name == "Jorge Fuentes de la Torre");
  CHECK(h[0].honorific == "Ambassador");
  CHECK(h[0].role == "Head of Mission");
}

TEST_CASE("speakers: 'emphasized that “...”', 'pointed out that ...: “...”', 'wrote X', 'said 300 ...'") {
  auto s = find_speakers(
      "Title\nAmbassador Jorge Fuentes de la Torre opened the meeting.\nFuentes de la Torre emphasized that “the "
      "pace must now double.”");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Jorge Fuentes de la Torre");
  REQUIRE(s[0].quotes.size() == 1);
  CHECK(s[0].quotes[0].verb == "emphasized");
  CHECK(!s[0].quotes[0].indirect);
  auto k = find_speakers(
      "Title\nJán Kubiš, Slovak Foreign Minister, pointed out that the fight had been lost: “We must take it back.”");
  REQUIRE(k.size() == 1);
  CHECK(k[0].name == "Ján Kubiš");
  auto w = find_speakers("Title\n“Courts that explain their decisions are trusted more,” wrote Ambassador Eberhard Heyken.");
  REQUIRE(w.size() == 1);
  CHECK(w[0].quotes[0].verb == "wrote");
  auto n = find_speakers("Title\nPolice Chief Dragan Ilić opened it. Ilić said 300 officers would complete the course.");
  REQUIRE(n.size() == 1);
  REQUIRE(n[0].quotes.size() == 1);
  CHECK(n[0].quotes[0].text == "300 officers would complete the course");
}

TEST_CASE("speakers: a title introduced before a long second title resolves, the whole apposition as role") {
  auto s = find_speakers(
      "Title\nThe OSCE Chairperson-in-Office, Kazakh Secretary of State and Foreign Minister Kanat Saudabayev, "
      "expressed concern.\n“I call on all sides to stop the violence,” the Chairperson-in-Office said.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "Kanat Saudabayev");
  CHECK(s[0].honorific.empty());
  CHECK(s[0].role == "OSCE Chairperson-in-Office, Kazakh Secretary of State and Foreign Minister");
}
