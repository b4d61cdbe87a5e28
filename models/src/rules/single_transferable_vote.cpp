// STV: Droop quota, Weighted Inclusive Gregory surplus transfers, elimination of the lowest.
#include "primsim/models/rules/single_transferable_vote.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "count_tolerance.hpp"
#include "transfer_count.hpp"

namespace primsim::models::rules {

double droop_quota(double valid_votes, std::size_t seats) {
  return std::floor(valid_votes / static_cast<double>(seats + 1)) + 1.0;
}

TallyResult single_transferable_vote(const Profile& profile, std::size_t seats, const TieBreak& tie_break) {
  const std::size_t n = profile.candidate_count();
  seats = std::min(seats, n);
  const auto precedence = tie_break.precedence(n);
  TransferCount count(profile);
  const double quota = droop_quota(count.valid_votes(), seats);
  std::vector<double> scores(n, 0.0);
  std::vector<CandidateIndex> elected;
  std::vector<CandidateIndex> eliminated;
  std::vector<CandidateIndex> pending;  // elected, surplus not yet transferred
  const auto better = [&](CandidateIndex a, CandidateIndex b) {
    const auto totals = count.totals();
    if (!nearly_equal(totals[a], totals[b])) return totals[a] > totals[b];
    return precedence[a] < precedence[b];
  };
  const auto hopefuls = [&] {
    std::vector<CandidateIndex> result;
    for (std::size_t c = 0; c < n; ++c) {
      if (count.state(static_cast<CandidateIndex>(c)) == CandidateState::hopeful) {
        result.push_back(static_cast<CandidateIndex>(c));
      }
    }
    std::sort(result.begin(), result.end(), better);  // most votes first
    return result;
  };
  const auto elect = [&](CandidateIndex c) {
    count.elect(c);
    scores[c] = count.totals()[c];
    elected.push_back(c);
  };

  while (elected.size() < seats) {
    std::vector<CandidateIndex> hopeful = hopefuls();
    if (hopeful.size() + elected.size() <= seats) {
      for (const CandidateIndex c : hopeful) elect(c);
      break;
    }
    // Everyone at or above the quota is elected, largest total first.
    bool any = false;
    for (const CandidateIndex c : hopeful) {
      const double total = count.totals()[c];
      if ((total >= quota || nearly_equal(total, quota)) && elected.size() < seats) {
        elect(c);
        pending.push_back(c);
        any = true;
      }
    }
    if (any) continue;
    if (!pending.empty()) {
      // The largest surplus moves first; `pending` holds candidates in election order.
      auto largest = pending.begin();
      for (auto it = pending.begin(); it != pending.end(); ++it) {
        const double a = count.totals()[*it];
        const double b = count.totals()[*largest];
        if (!nearly_equal(a, b) ? a > b : precedence[*it] < precedence[*largest]) largest = it;
      }
      const CandidateIndex c = *largest;
      pending.erase(largest);
      count.transfer_surplus(c, quota);
      continue;
    }
    const double lowest = count.totals()[hopeful.back()];
    std::vector<CandidateIndex> tied;
    for (const CandidateIndex c : hopeful) {
      if (nearly_equal(count.totals()[c], lowest)) tied.push_back(c);
    }
    const CandidateIndex loser = TieBreak::disfavoured(tied, precedence);
    scores[loser] = count.totals()[loser];
    eliminated.push_back(loser);
    count.eliminate(loser);
  }

  std::vector<CandidateIndex> order = elected;
  for (const CandidateIndex c : hopefuls()) {
    scores[c] = count.totals()[c];
    order.push_back(c);
  }
  order.insert(order.end(), eliminated.rbegin(), eliminated.rend());
  return result_from_order(std::move(scores), std::move(order), elected.size());
}

}  // namespace primsim::models::rules
