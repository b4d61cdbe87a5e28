// libFuzzer entry point for the party,votes CSV reader: any bytes must end in a vote count or a
// PartyVotesError, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "primsim/models/rules/party_votes_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const auto votes = primsim::models::rules::parse_party_votes(in, "fuzz.csv");
    // One vote count per party, and a party's name is never longer than the file.
    if (votes.parties.size() != votes.votes.size()) __builtin_trap();
  } catch (const primsim::sim::InputError&) {
  }
  return 0;
}
