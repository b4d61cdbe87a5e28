// party,votes CSV parsing.
#include <sstream>

#include <catch2/catch.hpp>

#include "primsim/models/rules/party_votes_reader.hpp"

using namespace primsim::models::rules;

namespace {

PartyVotes parse(const std::string& text) {
  std::istringstream in(text);
  return parse_party_votes(in, "votes.csv");
}

}  // namespace

TEST_CASE("party votes with quoted names and CRLF line ends", "[models][rules]") {
  const auto result = parse("party,votes\r\n\"Ak Zhol, \"\"Bright Path\"\"\",792828\r\nNur Otan,5148074\r\n");
  REQUIRE(result.parties == std::vector<std::string>{"Ak Zhol, \"Bright Path\"", "Nur Otan"});
  REQUIRE(result.votes == std::vector<std::uint64_t>{792828, 5148074});
}

TEST_CASE("malformed vote files name line, column and what was wrong", "[models][rules]") {
  REQUIRE_THROWS_WITH(parse("name,count\nA,1\n"),
                      "votes.csv:1:1: expected the header 'party,votes', found 'name,count'");
  REQUIRE_THROWS_WITH(parse("party,votes\nA,12x\n"),
                      "votes.csv:2:3: votes: expected a whole number of votes, found '12x'");
  REQUIRE_THROWS_WITH(parse("party,votes\nA,-3\n"),
                      "votes.csv:2:3: votes: expected a whole number of votes, found '-3'");
  REQUIRE_THROWS_WITH(parse("party,votes\nA,1\nB\n"),
                      "votes.csv:3:1: expected 2 fields (party,votes), found 1");
  REQUIRE_THROWS_WITH(parse("party,votes\nA,1\nA,2\n"),
                      "votes.csv:3:1: party: expected each party once, found 'A' again");
  REQUIRE_THROWS_WITH(parse("party,votes\n\"A,1\n"),
                      "votes.csv:2:5: expected a closing '\"', found the end of the line");
  REQUIRE_THROWS_WITH(parse("party,votes\n"),
                      "votes.csv:2:1: expected at least one party line, found the end of the file");
}

TEST_CASE("vote counts are bounded so that their total cannot wrap", "[models][rules]") {
  // Two counts that sum past 2^64 used to wrap to a small total and give more seats than exist.
  REQUIRE_THROWS_WITH(parse("party,votes\nA,18446744073709551615\n"),
                      "votes.csv:2:3: votes: expected at most 1000000000000000 votes in the file, found "
                      "18446744073709551615");
  REQUIRE_THROWS_WITH(parse("party,votes\nA,600000000000000\nB,600000000000000\n"),
                      "votes.csv:3:3: votes: expected at most 1000000000000000 votes in the file, found a "
                      "running total of 1200000000000000");
  REQUIRE(parse("party,votes\nA,999999999999999\nB,1\n").votes.back() == 1);
}
