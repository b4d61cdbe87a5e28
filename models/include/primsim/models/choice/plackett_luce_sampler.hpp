// Draws a member's ranking of candidates from a Plackett-Luce model: the probability that
// candidate i is ranked next among those left is w_i / sum(w_left), with w_i = exp(utility_i).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "primsim/models/choice/prepared_weights.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::models {

class PlackettLuceSampler {
 public:
  static constexpr std::size_t kWholeRanking = std::numeric_limits<std::size_t>::max();
  // Up to this many places, successive weighted picks (no logarithms, O(top * k)) beat the
  // exponential race (one logarithm per candidate, O(k log top)).
  static constexpr std::size_t kSuccessivePicksUpTo = 8;
  // In a field of up to this many, a prepared draw scans the weights for each place: the alias
  // table's picks are redrawn ever more often as a short ballot places most of a small field's
  // weight (five places of 6 candidates: 450 ns a ballot by alias picks, 112 ns by scans; of 9,
  // 263 and 166 ns; from 12 candidates on the alias picks are the faster).
  static constexpr std::size_t kScanFieldsUpTo = 10;

  // Fills `ranking` with the indices of the `top` best-placed candidates, best first, for
  // candidates of the given utilities.
  void sample(std::span<const double> utilities, sim::RandomStream& stream,
              std::vector<std::uint32_t>& ranking, std::size_t top = kWholeRanking);

  // The same draw from the weights w_i = exp(utility_i) (positive, any common scale), which a
  // caller drawing many ballots over the same candidates can compute once. Both constructions
  // used are exact Plackett-Luce draws: successive picks with probability w_i / sum(w_left) for
  // short ballots, and the exponential race (E_i / w_i with E_i ~ Exp(1), smallest first) for
  // long ones.
  void sample_weighted(std::span<const double> weights, sim::RandomStream& stream,
                       std::vector<std::uint32_t>& ranking, std::size_t top = kWholeRanking);

  // The same draw over prepared weights, with the candidates listed in `boosted` weighted
  // `boost` times more (a voter's own PPO, say). A short ballot in a field of more than
  // kScanFieldsUpTo picks from the whole field by its alias table and draws again when it hits
  // a candidate already placed,
  // which leaves the probabilities of those left as Plackett-Luce has them: O(top) instead of O(k)
  // per ballot. After kMaxRedraws misses in a row it finishes with one exact scan.
  void sample_prepared(const PreparedWeights& prepared, std::span<const std::uint32_t> boosted, double boost,
                       sim::RandomStream& stream, std::vector<std::uint32_t>& ranking,
                       std::size_t top = kWholeRanking);

 private:
  static constexpr int kMaxRedraws = 16;

  // Picks into `ranking` until it holds `placed` candidates, from left_ (placed ones marked).
  void successive_picks(sim::RandomStream& stream, std::vector<std::uint32_t>& ranking, std::size_t placed);
  // left_ = the boosted weights, with the candidates already in `ranking` marked as placed.
  void fill_left(const PreparedWeights& prepared, std::span<const std::uint32_t> boosted, double boost,
                 const std::vector<std::uint32_t>& ranking);
  void exponential_race(std::span<const double> weights, sim::RandomStream& stream,
                        std::vector<std::uint32_t>& ranking, std::size_t placed);

  // Scratch, reused between draws.
  std::vector<double> utility_weights_;
  std::vector<double> left_;
  std::vector<std::pair<double, std::uint32_t>> keys_;
};

}  // namespace primsim::models
