// A selector who means to vote, as the voting days read him or her: a copy of the member's data
// made when the vote opens, kept by the region in the order of first attempts.
#pragma once

#include <cstdint>

namespace primsim::models {

enum class VoterState : std::uint8_t { trying, voted, gave_up, closed_out };

// The voting days refer to a voter by its slot, its place in the region's time-sorted first attempts,
// rather than by its member index: first attempts then walk the list in order and retries come
// soon after, so the records are read nearly in sequence instead of as cache misses scattered
// over the member table. Nothing a voter's record holds changes in the member table after the
// vote opens (a voided membership is a fraudulent one, and fraudulent members never vote).
struct Voter {
  std::uint32_t ppo = 0;
  std::uint16_t branch = 0;
  // 4 * selector group + 2 * employer-dependent + female: the index of a contest's weights.
  std::uint16_t kind = 0;
  std::uint8_t age_band = 0;
  VoterState state = VoterState::trying;
  std::uint8_t attempts = 0;  // today's tries

  [[nodiscard]] std::uint8_t group() const { return static_cast<std::uint8_t>(kind >> 2U); }
};
// A region holds one for each of its voters through the whole vote: five to a cache line.
static_assert(sizeof(Voter) == 12);

}  // namespace primsim::models
