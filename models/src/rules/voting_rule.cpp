// Rule names and dispatch.
#include "primsim/models/rules/voting_rule.hpp"

#include <fmt/format.h>

#include "primsim/models/rules/approval.hpp"
#include "primsim/models/rules/borda.hpp"
#include "primsim/models/rules/copeland.hpp"
#include "primsim/models/rules/instant_runoff.hpp"
#include "primsim/models/rules/plackett_luce.hpp"
#include "primsim/models/rules/plurality.hpp"
#include "primsim/models/rules/single_transferable_vote.hpp"
#include "primsim/models/rules/two_round.hpp"
#include "primsim/sim/input_error.hpp"
#include "primsim/sim/name_spelling.hpp"

namespace primsim::models::rules {

const std::vector<VotingRule>& all_voting_rules() {
  static const std::vector<VotingRule> rules{
      VotingRule::plurality, VotingRule::borda, VotingRule::approval, VotingRule::two_round,
      VotingRule::irv,       VotingRule::stv,   VotingRule::copeland, VotingRule::plackett_luce};
  return rules;
}

std::string_view rule_name(VotingRule rule) {
  switch (rule) {
    case VotingRule::plurality:
      return "plurality";
    case VotingRule::borda:
      return "borda";
    case VotingRule::approval:
      return "approval";
    case VotingRule::two_round:
      return "two-round";
    case VotingRule::irv:
      return "irv";
    case VotingRule::stv:
      return "stv";
    case VotingRule::copeland:
      return "copeland";
    case VotingRule::plackett_luce:
      return "plackett-luce";
  }
  return "?";
}

VotingRule parse_voting_rule(std::string_view name) {
  std::string known;
  for (const VotingRule rule : all_voting_rules()) {
    if (sim::same_name(name, rule_name(rule))) return rule;
    known += known.empty() ? "" : ", ";
    known += rule_name(rule);
  }
  throw sim::InputError(fmt::format("--rule: expected one of {}, found '{}'", known, name));
}

bool is_multi_winner(VotingRule rule) { return rule == VotingRule::stv; }

TallyResult tally(const Profile& profile, VotingRule rule, std::size_t winners, const TieBreak& tie_break) {
  switch (rule) {
    case VotingRule::plurality:
      return plurality(profile, winners, tie_break);
    case VotingRule::borda:
      return borda(profile, winners, tie_break);
    case VotingRule::approval:
      return approval(profile, winners, tie_break);
    case VotingRule::two_round:
      return two_round(profile, tie_break).tally;
    case VotingRule::irv:
      return instant_runoff(profile, tie_break);
    case VotingRule::stv:
      return single_transferable_vote(profile, winners, tie_break);
    case VotingRule::copeland:
      return copeland(profile, winners, tie_break);
    case VotingRule::plackett_luce:
      return plackett_luce(profile, winners, tie_break);
  }
  return {};
}

}  // namespace primsim::models::rules
