// The two-round system: a candidate with more than `majority` of the first-round votes wins
// outright (Uruguay also accepts more than 40% with a lead of 10 points); otherwise the top two
// meet in a runoff, which each ballot joins on the side of the finalist it ranks higher.
#pragma once

#include <optional>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

struct TwoRoundOptions {
  double majority = 0.5;                  // outright win needs a share strictly above this
  std::optional<double> qualified_share;  // e.g. 0.4 (Uruguay): also wins outright ...
  double lead = 0.0;                      // ... with at least this lead in share over the second
};

struct TwoRoundResult {
  // Score: first-round votes (a first place tied between k candidates gives each 1/k).
  // Order: the winner, the other finalist, then the rest by first-round votes.
  TallyResult tally;
  bool runoff_held = false;
  double runoff_winner_votes = 0.0;
  double runoff_loser_votes = 0.0;
};

TwoRoundResult two_round(const Profile& profile, const TieBreak& tie_break,
                         const TwoRoundOptions& options = {});

}  // namespace primsim::models::rules
