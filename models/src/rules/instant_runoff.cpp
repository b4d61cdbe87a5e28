// Instant runoff on the transferable-vote piles.
#include "primsim/models/rules/instant_runoff.hpp"

#include <algorithm>
#include <vector>

#include "count_tolerance.hpp"
#include "transfer_count.hpp"

namespace primsim::models::rules {

TallyResult instant_runoff(const Profile& profile, const TieBreak& tie_break) {
  const std::size_t n = profile.candidate_count();
  const auto precedence = tie_break.precedence(n);
  TransferCount count(profile);
  std::vector<double> scores(n, 0.0);
  std::vector<CandidateIndex> eliminated;  // in order of elimination
  std::vector<CandidateIndex> tied;
  std::vector<TieNote> ties;
  const auto same = [](double a, double b) { return nearly_equal(a, b); };
  for (std::size_t round = 1;; ++round) {
    const auto totals = count.totals();
    double active = 0.0;
    std::vector<CandidateIndex> hopeful;
    for (std::size_t c = 0; c < n; ++c) {
      if (count.state(static_cast<CandidateIndex>(c)) == CandidateState::hopeful) {
        hopeful.push_back(static_cast<CandidateIndex>(c));
        active += totals[c];
      }
    }
    // Leader: most votes, ties by precedence.
    CandidateIndex leader = hopeful.front();
    for (const CandidateIndex c : hopeful) {
      if (!nearly_equal(totals[c], totals[leader]) ? totals[c] > totals[leader]
                                                   : precedence[c] < precedence[leader]) {
        leader = c;
      }
    }
    const bool majority = totals[leader] > active / 2.0 && !nearly_equal(totals[leader], active / 2.0);
    if (hopeful.size() == 1 || majority) {
      // Remaining hopefuls rank by their current votes; they were never eliminated.
      std::sort(hopeful.begin(), hopeful.end(), [&](CandidateIndex a, CandidateIndex b) {
        if (!nearly_equal(totals[a], totals[b])) return totals[a] > totals[b];
        return precedence[a] < precedence[b];
      });
      std::vector<CandidateIndex> order;
      order.push_back(leader);
      for (const CandidateIndex c : hopeful) {
        scores[c] = totals[c];
        if (c != leader) order.push_back(c);
      }
      note_ties(std::span(order).first(hopeful.size()), scores, round, same, ties);
      order.insert(order.end(), eliminated.rbegin(), eliminated.rend());
      TallyResult result = result_from_order(std::move(scores), std::move(order), 1);
      result.ties = std::move(ties);
      return result;
    }
    double lowest = totals[hopeful.front()];
    for (const CandidateIndex c : hopeful) lowest = std::min(lowest, totals[c]);
    tied.clear();
    for (const CandidateIndex c : hopeful) {
      if (nearly_equal(totals[c], lowest)) tied.push_back(c);
    }
    const CandidateIndex loser = TieBreak::disfavoured(tied, precedence);
    if (tied.size() > 1) {
      // Listed as the tie break ranks them: the eliminated candidate last.
      std::sort(tied.begin(), tied.end(),
                [&](CandidateIndex a, CandidateIndex b) { return precedence[a] < precedence[b]; });
      ties.push_back({round, tied, lowest});
    }
    scores[loser] = totals[loser];
    eliminated.push_back(loser);
    count.eliminate(loser);
  }
}

}  // namespace primsim::models::rules
