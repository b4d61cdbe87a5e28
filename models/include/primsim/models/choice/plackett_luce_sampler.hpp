// Draws a member's ranking of candidates from a Plackett-Luce model: the probability that
// candidate i is ranked next among those left is w_i / sum(w_left), with w_i = exp(utility_i).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "primsim/sim/random_stream.hpp"

namespace primsim::models {

class PlackettLuceSampler {
 public:
  static constexpr std::size_t kWholeRanking = std::numeric_limits<std::size_t>::max();

  // Fills `ranking` with the indices of the `top` best-placed candidates, best first. Uses the
  // Gumbel-max construction (utility + Gumbel noise, sorted), which is an exact Plackett-Luce
  // draw: O(k log top) for k candidates, one uniform per candidate.
  void sample(std::span<const double> utilities, sim::RandomStream& stream,
              std::vector<std::uint32_t>& ranking, std::size_t top = kWholeRanking);

 private:
  std::vector<std::pair<double, std::uint32_t>> keys_;  // scratch, reused between draws
};

}  // namespace primsim::models
