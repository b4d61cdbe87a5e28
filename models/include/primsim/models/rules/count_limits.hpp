// The largest counts the rules accept from a user. Above them a number is a typo or an attack, and
// below them every sum and product the rules form stays exact in 64 (or 128) bits.
#pragma once

#include <cstdint>

namespace primsim::models::rules {

// The largest assembly elected anywhere has under 3,000 seats.
inline constexpr std::uint64_t kMaxSeats = 10000;
// Parties of one scenario: real assemblies are contested by tens of lists, and the reports read
// a results file once per party, so a results file that claims more is refused too.
inline constexpr std::uint64_t kMaxParties = 100;
// Votes of one file, all parties or ballots together: over 100,000 times the world's population.
inline constexpr std::uint64_t kMaxVotes = 1'000'000'000'000'000;
// Voters of one ballot file, more than voted in any election. Below it a rule's points stay exact:
// a ballot can give up to 65535 * 65534 / 2 points, and 2^64 / that is over 8 * 10^9.
inline constexpr std::uint64_t kMaxVoters = 1'000'000'000;

}  // namespace primsim::models::rules
