// Counting one contest of the members' vote: the stage's rule, its quotas on the contest's
// winners (a group with `separate_ranking` fills its places from its own ranking, as the 2020
// women's and youth rankings did), and each candidate's votes, share and rank.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "primsim/models/primary/stage_quotas.hpp"
#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tie_break.hpp"
#include "primsim/models/spec/selection_spec.hpp"

namespace primsim::models {

struct ContestCount {
  // Ballot positions: the winners in list order, then everyone else by the rule's order.
  std::vector<rules::CandidateIndex> order;
  std::size_t winners = 0;
  std::vector<double> votes;   // by ballot position, in the rule's unit
  std::vector<double> shares;  // votes / every candidate's votes (negative scores count as 0)
};

// `groups[i]` says whether ballot position i is a woman and whether under the youth age.
// `winners` already applies the stage's rule.winners and threshold.
ContestCount count_contest(const rules::Profile& ballots, std::span<const rules::ListCandidate> groups,
                           const spec::RuleSpec& rule, std::size_t winners, const rules::TieBreak& tie_break,
                           const QuotaSite& site, WarningLog& log);

// The ballots with only `kept` candidates (renumbered 0..kept.size()-1 in that order), tiers kept.
rules::Profile restrict_profile(const rules::Profile& ballots, std::span<const rules::CandidateIndex> kept);

}  // namespace primsim::models
