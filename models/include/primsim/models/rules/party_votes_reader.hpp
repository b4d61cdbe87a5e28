// Reads the CSV that `primsim allocate` takes: a header 'party,votes', then one party per line
// with a whole number of votes. Party names may be quoted ("Ak Zhol, Democratic") as in RFC 4180.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "primsim/sim/input_error.hpp"

namespace primsim::models::rules {

class PartyVotesError : public sim::InputError {
 public:
  using sim::InputError::InputError;
};

struct PartyVotes {
  std::vector<std::string> parties;
  std::vector<std::uint64_t> votes;
};

PartyVotes read_party_votes(const std::filesystem::path& path);
// Messages read 'SOURCE:LINE:COLUMN: column: expected ..., found ...'.
PartyVotes parse_party_votes(std::istream& in, const std::string& source);

}  // namespace primsim::models::rules
