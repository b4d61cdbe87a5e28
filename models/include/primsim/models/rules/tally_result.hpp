// What every tally returns: a score per candidate, a complete order with ties already broken,
// and, for multi-winner rules, who is elected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/models/rules/profile.hpp"

namespace primsim::models::rules {

// A tie the count settled with its TieBreak: the tied candidates, the one the tie favoured
// first, their score, and the round of the count (0 for a rule without rounds).
struct TieNote {
  std::size_t round = 0;
  std::vector<CandidateIndex> tied;
  double score = 0.0;
};

struct TallyResult {
  std::vector<double> scores;         // per candidate; the unit depends on the rule
  std::vector<CandidateIndex> order;  // best first, every tie broken
  std::vector<std::uint32_t> ranks;   // per candidate, 1-based position in `order`
  std::vector<bool> elected;          // per candidate
  std::size_t winners = 1;
  std::vector<TieNote> ties;  // every tie the tie break settled, in the order met

  [[nodiscard]] CandidateIndex winner() const { return order.front(); }
};

// Orders candidates by score (higher first), ties by precedence (lower first), each tie noted;
// marks the first `winners` as elected.
TallyResult rank_by_score(std::vector<double> scores, std::size_t winners,
                          std::span<const std::uint32_t> precedence);
// The groups of candidates adjacent in `order` whose scores are equal (`same` decides), as notes
// of `round`: how a rule that sorted by score then precedence reports the ties it broke.
template <typename Same>
void note_ties(std::span<const CandidateIndex> order, std::span<const double> scores, std::size_t round,
               Same same, std::vector<TieNote>& notes) {
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;
    while (last < order.size() && same(scores[order[first]], scores[order[last]])) ++last;
    if (last - first > 1) {
      const auto tied = order.subspan(first, last - first);
      notes.push_back({round, {tied.begin(), tied.end()}, scores[order[first]]});
    }
    first = last;
  }
}

// Fills ranks and elected from an order that the rule built itself (elimination rules).
TallyResult result_from_order(std::vector<double> scores, std::vector<CandidateIndex> order,
                              std::size_t winners);

}  // namespace primsim::models::rules
