// One contest counted under its rule and quotas.
#include "primsim/models/primary/contest_tally.hpp"

#include <algorithm>

#include "primsim/models/rules/voting_rule.hpp"

namespace primsim::models {
namespace {

// The tally rule of a vote stage. Rules that allocate between lists (threshold, D'Hondt) rank a
// party's candidates by plurality.
rules::VotingRule voting_rule_of(spec::RuleKind kind) {
  switch (kind) {
    case spec::RuleKind::borda:
      return rules::VotingRule::borda;
    case spec::RuleKind::plackett_luce:
      return rules::VotingRule::plackett_luce;
    case spec::RuleKind::approval:
      return rules::VotingRule::approval;
    case spec::RuleKind::two_round:
      return rules::VotingRule::two_round;
    case spec::RuleKind::irv:
      return rules::VotingRule::irv;
    case spec::RuleKind::stv:
      return rules::VotingRule::stv;
    case spec::RuleKind::copeland:
      return rules::VotingRule::copeland;
    default:
      return rules::VotingRule::plurality;
  }
}

}  // namespace

rules::Profile restrict_profile(const rules::Profile& ballots, std::span<const rules::CandidateIndex> kept) {
  std::vector<int> renumbered(ballots.candidate_count(), -1);
  for (std::size_t i = 0; i < kept.size(); ++i) renumbered[kept[i]] = static_cast<int>(i);
  rules::Profile restricted(kept.size());
  std::vector<rules::CandidateIndex> candidates;
  std::vector<std::uint8_t> tier_start;
  for (std::size_t b = 0; b < ballots.ballot_count(); ++b) {
    const rules::BallotView ballot = ballots.ballot(b);
    candidates.clear();
    tier_start.clear();
    bool new_tier = true;
    for (std::size_t i = 0; i < ballot.candidates.size(); ++i) {
      if (i > 0 && ballot.tier_start[i] != 0) new_tier = true;
      const int to = renumbered[ballot.candidates[i]];
      if (to < 0) continue;
      candidates.push_back(static_cast<rules::CandidateIndex>(to));
      tier_start.push_back(new_tier ? 1U : 0U);
      new_tier = false;
    }
    // A ballot that ranks none of them still counts as a voter who ranked none.
    restricted.add_ballot(candidates, tier_start, ballot.count);
  }
  return restricted;
}

ContestCount count_contest(const rules::Profile& ballots, std::span<const rules::ListCandidate> groups,
                           const spec::RuleSpec& rule, std::size_t winners, const rules::TieBreak& tie_break,
                           const QuotaSite& site, WarningLog& log) {
  const std::size_t running = ballots.candidate_count();
  const auto voting_rule = voting_rule_of(rule.kind);
  const rules::TallyResult result =
      rules::tally(ballots, voting_rule, std::min(std::max<std::size_t>(winners, 1), running), tie_break);
  ContestCount count;
  count.votes = result.scores;
  double total = 0;
  for (const double score : result.scores) total += std::max(0.0, score);
  for (const double score : result.scores)
    count.shares.push_back(total > 0 ? std::max(0.0, score) / total : 0.0);

  // A group with its own ranking: its members keep the places they hold in the overall order,
  // but in the order of their own count, so the quota brings in the group's own best.
  std::vector<rules::CandidateIndex> ranked(result.order.begin(), result.order.end());
  for (const auto& quota : rule.quotas) {
    if (!quota.separate_ranking) continue;
    std::vector<rules::CandidateIndex> members;
    std::vector<std::size_t> places;
    for (std::size_t p = 0; p < ranked.size(); ++p) {
      if (!in_quota_group(groups[ranked[p]], quota.group)) continue;
      members.push_back(ranked[p]);
      places.push_back(p);
    }
    if (members.size() < 2) continue;
    const auto own = rules::tally(restrict_profile(ballots, members), voting_rule, members.size(), tie_break);
    for (std::size_t i = 0; i < places.size(); ++i) ranked[places[i]] = members[own.order[i]];
  }

  std::vector<rules::ListCandidate> candidates;
  for (const auto index : ranked) {
    rules::ListCandidate c = groups[index];
    c.id = index;
    candidates.push_back(c);
  }
  const auto chosen = winners > 0 ? fill_under_quotas(candidates, winners, rule, site, log)
                                  : std::vector<rules::ListCandidate>{};
  std::vector<bool> won(running, false);
  for (const auto& c : chosen) {
    won[c.id] = true;
    count.order.push_back(static_cast<rules::CandidateIndex>(c.id));
  }
  count.winners = chosen.size();
  for (const auto index : ranked) {
    if (!won[index]) count.order.push_back(index);
  }
  return count;
}

}  // namespace primsim::models
