// Turning scores or a rule's own order into ranks and elected flags.
#include "primsim/models/rules/tally_result.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace primsim::models::rules {

TallyResult rank_by_score(std::vector<double> scores, std::size_t winners,
                          std::span<const std::uint32_t> precedence) {
  std::vector<CandidateIndex> order(scores.size());
  std::iota(order.begin(), order.end(), CandidateIndex{0});
  std::sort(order.begin(), order.end(), [&](CandidateIndex a, CandidateIndex b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return precedence[a] < precedence[b];
  });
  std::vector<TieNote> ties;
  note_ties(order, scores, 0, std::equal_to<>{}, ties);
  TallyResult result = result_from_order(std::move(scores), std::move(order), winners);
  result.ties = std::move(ties);
  return result;
}

TallyResult result_from_order(std::vector<double> scores, std::vector<CandidateIndex> order,
                              std::size_t winners) {
  TallyResult result;
  result.winners = std::min(winners, order.size());
  result.ranks.assign(order.size(), 0);
  result.elected.assign(order.size(), false);
  for (std::size_t place = 0; place < order.size(); ++place) {
    result.ranks[order[place]] = static_cast<std::uint32_t>(place + 1);
    result.elected[order[place]] = place < result.winners;
  }
  result.scores = std::move(scores);
  result.order = std::move(order);
  return result;
}

}  // namespace primsim::models::rules
