// PrefLib parsing: real files, ties, truncation, and the messages for malformed input.
#include <sstream>

#include <catch2/catch.hpp>

#include "primsim/models/rules/preflib_reader.hpp"

using namespace primsim::models::rules;

namespace {

Profile parse(const std::string& text, std::string_view type = "toi") {
  std::istringstream in(text);
  return parse_preflib(in, "ballots." + std::string(type), type);
}

const std::string header =
    "# NUMBER ALTERNATIVES: 4\n"
    "# ALTERNATIVE NAME 1: Alpha\n"
    "# ALTERNATIVE NAME 2: Beta, Jr.\n";

}  // namespace

TEST_CASE("the Debian 2010 files read as PrefLib publishes them", "[models][rules]") {
  const auto soi = read_preflib(PRIMSIM_RULES_DATA_DIR "/debian_2010_leader.soi");
  REQUIRE(soi.candidate_count() == 5);
  REQUIRE(soi.voter_count() == 436);
  REQUIRE(soi.ballot_count() == 101);
  REQUIRE(soi.candidate_names()[0] == "Stefano Zacchiroli");
  REQUIRE(soi.candidate_names()[4] == "None Of The Above");
  const auto toc = read_preflib(PRIMSIM_RULES_DATA_DIR "/debian_2010_leader.toc");
  REQUIRE(toc.ballot_count() == 82);
  // Line "7: 1,{2,3,4,5}": candidate 1, then a tie of the other four.
  const auto tied = toc.ballot(15);
  REQUIRE(tied.count == 7);
  REQUIRE(tied.candidates.size() == 5);
  REQUIRE(tied.tier_end(0) == 1);
  REQUIRE(tied.tier_end(1) == 5);
}

TEST_CASE("ties, truncation, spaces and names", "[models][rules]") {
  const auto profile = parse(header + "3: 2, {1 ,4}\n\n1: {3}\n2:\n");
  REQUIRE(profile.voter_count() == 6);
  REQUIRE(profile.candidate_names() == std::vector<std::string>{"Alpha", "Beta, Jr.", "3", "4"});
  REQUIRE(profile.ballot(0).tier_end(0) == 1);
  REQUIRE(profile.ballot(0).tier_end(1) == 3);
  REQUIRE(profile.ballot(1).candidates.size() == 1);
  REQUIRE(profile.ballot(2).is_empty());
}

TEST_CASE("malformed PrefLib files name the line, column, expectation and finding", "[models][rules]") {
  REQUIRE_THROWS_WITH(parse(header + "3 2,1\n"),
                      "ballots.toi:4:3: expected ':' after the voter count, found '2'");
  REQUIRE_THROWS_WITH(parse(header + "x: 2,1\n"), "ballots.toi:4:1: expected a voter count, found 'x'");
  REQUIRE_THROWS_WITH(parse(header + "1: 2,5\n"),
                      "ballots.toi:4:6: expected an alternative number from 1 to 4, found 5");
  REQUIRE_THROWS_WITH(parse(header + "1: 2,{1,2}\n"),
                      "ballots.toi:4:9: expected each alternative at most once in an order, found 2 again");
  REQUIRE_THROWS_WITH(parse(header + "1: 2,{1,3\n"),
                      "ballots.toi:4:10: expected ',' or '}' inside a tie, found the end of the line");
  REQUIRE_THROWS_WITH(parse(header + "1: 2;1\n"),
                      "ballots.toi:4:5: expected ',' between alternatives, found ';'");
  REQUIRE_THROWS_WITH(
      parse(header + "1: 2,{1,3}\n", "soi"),
      "ballots.soi:4:1: expected a strict order (soc/soi files have no ties), found alternatives in "
      "braces");
  REQUIRE_THROWS_WITH(parse(header + "1: 2,1,3\n", "soc"),
                      "ballots.soc:4:1: expected a complete order of all 4 alternatives (soc/toc), found 3");
  REQUIRE_THROWS_WITH(
      parse("4\n1,Alpha\n"),
      "ballots.toi:1:1: expected a '# NUMBER ALTERNATIVES: n' header line before the first order "
      "(PrefLib format of 2022), found '4'");
  REQUIRE_THROWS_WITH(parse("# NUMBER ALTERNATIVES: many\n"),
                      "ballots.toi:1:24: NUMBER ALTERNATIVES: expected a whole number, found 'many'");
  REQUIRE_THROWS_WITH(parse(header + "# NUMBER VOTERS: 5\n1: 1\n"),
                      "ballots.toi: NUMBER VOTERS: the header says 5, the orders count 1");
  REQUIRE_THROWS_WITH(parse(header),
                      "ballots.toi:4:1: expected at least one order line, found the end of the file");
  REQUIRE_THROWS_WITH(parse(header + "1: 1\n", "txt"),
                      "ballots.txt:4:1: expected DATA TYPE soc, soi, toc or toi, found 'txt'");
}

TEST_CASE("a header line with an empty value is located at its end", "[rules]") {
  REQUIRE_THROWS_WITH(parse("# NUMBER ALTERNATIVES:\n1: 1,2\n", "soi"),
                      "ballots.soi:1:23: NUMBER ALTERNATIVES: expected a whole number, found ''");
}

TEST_CASE("voter counts are bounded so that a rule's points cannot wrap", "[models][rules]") {
  REQUIRE_THROWS_WITH(parse(header + "18446744073709551615: 1,2\n"),
                      "ballots.toi:4:1: expected at most 1000000000 voters in the file, found "
                      "18446744073709551615");
  REQUIRE_THROWS_WITH(
      parse(header + "600000000: 1,2\n600000000: 2,1\n"),
      "ballots.toi:5:1: expected at most 1000000000 voters in the file, found a running total "
      "of 1200000000");
  REQUIRE(parse(header + "999999999: 1,2\n1: 2\n").voter_count() == 1000000000);
}
