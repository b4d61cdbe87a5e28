// What every tally returns: a score per candidate, a complete order with ties already broken,
// and, for multi-winner rules, who is elected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/models/rules/profile.hpp"

namespace primsim::models::rules {

struct TallyResult {
  std::vector<double> scores;         // per candidate; the unit depends on the rule
  std::vector<CandidateIndex> order;  // best first, every tie broken
  std::vector<std::uint32_t> ranks;   // per candidate, 1-based position in `order`
  std::vector<bool> elected;          // per candidate
  std::size_t winners = 1;

  [[nodiscard]] CandidateIndex winner() const { return order.front(); }
};

// Orders candidates by score (higher first), ties by precedence (lower first); marks the first
// `winners` as elected.
TallyResult rank_by_score(std::vector<double> scores, std::size_t winners,
                          std::span<const std::uint32_t> precedence);
// Fills ranks and elected from an order that the rule built itself (elimination rules).
TallyResult result_from_order(std::vector<double> scores, std::vector<CandidateIndex> order,
                              std::size_t winners);

}  // namespace primsim::models::rules
