// The selection pipeline: ordered stages (committee short-list -> members' vote -> conferences ->
// congress), each with its selectorate, rule, territorial level, window and channels. Together
// with CandidacySpec this places a scenario on Hazan and Rahat's four dimensions: candidacy,
// selectorate (StageSpec::selectorate), decentralisation (StageSpec::level, quotas, reserved
// places) and appointment versus voting (StageSpec::method).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/models/spec/behaviour_spec.hpp"
#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// Hazan and Rahat's selectorate scale, from the most inclusive to the most exclusive.
enum class SelectorateKind {
  all_voters,      // open primaries: every registered voter (United Russia 2016, Argentina PASO)
  all_members,     // every party member, nationwide
  branch_members,  // members vote in the contests of their own branch (Nur Otan 2020)
  delegates,       // an elected agency: conference or congress delegates
  committee,       // a nominating committee (short-lists)
  leader           // the party leader alone
};

inline constexpr std::array<std::string_view, 6> kSelectorateKindNames{
    "all_voters", "all_members", "branch_members", "delegates", "committee", "leader"};
constexpr std::span<const std::string_view> names_of(SelectorateKind) { return kSelectorateKindNames; }

// Where the people of a selector group come from.
enum class SelectorSource {
  members,     // the party's membership roll (the membership block)
  supporters,  // registered supporters who are not members: `size` of them
  voters,      // registered voters who are not members: `size` of them
};

inline constexpr std::array<std::string_view, 3> kSelectorSourceNames{"members", "supporters", "voters"};
constexpr std::span<const std::string_view> names_of(SelectorSource) { return kSelectorSourceNames; }

// One group of a vote stage's selectorate (members, registered supporters, all voters), with its
// own registration, channels, turnout and choice: Hazan and Rahat's selectorate as a mix.
struct SelectorGroupSpec {
  std::string name;  // unique within the stage; the key under selectorate.groups
  SelectorSource source = SelectorSource::members;
  // supporters, voters: persons nationwide, apportioned among the regions by population.
  std::int64_t size = 0;
  // Share of the group registered with the stage's channels.
  double registered_share = 1.0;
  // supporters, voters: registrations arrive at a constant rate from the epoch to the vote's
  // opening (`size` by then); those in the last `registration_cutoff` before it are too late.
  sim::Duration registration_cutoff = sim::Duration::seconds(0);
  // The stage's channels the group may use; empty: all of them.
  std::vector<std::string> channels;
  // Demography of non-member groups where it differs from the membership's.
  std::optional<double> employer_dependent_share;
  std::optional<double> online_access_share;
  TurnoutAdjustSpec turnout;
  ChoiceAdjustSpec choice;
};

struct SelectorateSpec {
  SelectorateKind kind = SelectorateKind::branch_members;
  // delegates/committee: persons per contest.
  std::int32_t size = 0;
  // all_voters: the registered voters in the territory (persons).
  std::int64_t voters = 0;
  // Minimum party membership before the vote (Likud: 16 months); 0: none.
  sim::Duration min_tenure = sim::Duration::seconds(0);
  // Only those registered with the channel may vote (2020: users of the primaries system;
  // United Russia 2021: verified on the state portal), as a share of the selectorate.
  double registered_share = 1.0;
  bool compulsory = false;  // Argentina: voting is compulsory
  // A vote stage's selectors; empty: the members alone, or for all_voters the members and the
  // other `voters - members` registered voters, every group with the scenario's turnout and choice.
  std::vector<SelectorGroupSpec> groups;
};

// Appointment versus voting.
enum class SelectionMethod {
  vote,     // the selectorate votes through the stage's channels; the rule tallies
  appoint,  // the selectorate decides without a vote (consultations, the leadership quota)
};

inline constexpr std::array<std::string_view, 2> kSelectionMethodNames{"vote", "appoint"};
constexpr std::span<const std::string_view> names_of(SelectionMethod) { return kSelectionMethodNames; }

enum class RuleKind {
  plurality,      // top-k by first preferences or marks
  borda,          // ranking ballots, Borda scores
  plackett_luce,  // ranking ballots, Plackett-Luce worth estimates
  approval,
  two_round,
  irv,
  stv,
  copeland,
  threshold,  // a list needs `threshold` of valid votes (Argentina PASO: 1.5%)
  dhondt,     // list allocation across parties or lists
  appointment
};

inline constexpr std::array<std::string_view, 11> kRuleKindNames{
    "plurality", "borda",    "plackett_luce", "approval", "two_round",  "irv",
    "stv",       "copeland", "threshold",     "dhondt",   "appointment"};
constexpr std::span<const std::string_view> names_of(RuleKind) { return kRuleKindNames; }

// A group whose share of a list is bounded from below (social decentralisation).
enum class QuotaGroup { women, youth, women_or_youth };

inline constexpr std::array<std::string_view, 3> kQuotaGroupNames{"women", "youth", "women_or_youth"};
constexpr std::span<const std::string_view> names_of(QuotaGroup) { return kQuotaGroupNames; }

struct QuotaSpec {
  QuotaGroup group = QuotaGroup::women;
  double min_share = 0.0;  // of the places the stage fills, in [0, 1]
  // Places are filled by rank and the lowest-ranked non-group winners are replaced when a quota
  // is short; with `separate_ranking` the group is also published as its own ranking (2020).
  bool separate_ranking = false;
};

// What a stage does when its candidates cannot meet a quota: it never invents names silently,
// and every choice writes a warning.
enum class QuotaShortfall {
  relax,        // fill the places from the candidates there are, short of the quota
  leave_empty,  // leave the places the quota reserves empty
  appoint,      // the party centre names appointees of the group (the list stage only)
};

inline constexpr std::array<std::string_view, 3> kQuotaShortfallNames{"relax", "leave_empty", "appoint"};
constexpr std::span<const std::string_view> names_of(QuotaShortfall) { return kQuotaShortfallNames; }

struct RuleSpec {
  RuleKind kind = RuleKind::plurality;
  // Winners per contest; 0: every candidate is ranked and passed on.
  std::int32_t winners = 1;
  // threshold: minimum share of valid votes in the contest, in [0, 1].
  double threshold = 0.0;
  // Where the stage's rule says: a vote stage's quotas bind each contest's winners, a
  // conference stage's each conference's confirmed nominees, the congress's the list.
  std::vector<QuotaSpec> quotas;
  QuotaShortfall quota_shortfall = QuotaShortfall::relax;
};

// How a stage that takes nominees from several contests ranks them against each other. A share
// of the points in a contest of n candidates averages 1/n, so raw shares favour small contests;
// every rule here is free of the contest's size.
enum class MergeRule {
  // Places go to the units the nominees come from (regions at a national stage, branches at a
  // regional one) in proportion to their members, in Sainte-Lague order, and each unit's go to
  // its nominees in `rank` order: every prefix of the merged ranking is proportional.
  apportioned,
  rank,          // by rank within the contest; equal ranks by scaled share
  scaled_share,  // share of the contest's points x candidates in the contest (1: its average)
};

inline constexpr std::array<std::string_view, 3> kMergeRuleNames{"apportioned", "rank", "scaled_share"};
constexpr std::span<const std::string_view> names_of(MergeRule) { return kMergeRuleNames; }

// Where the party centre's reserved places go on the list (the sources give only the list's
// composition, not its order).
enum class ReservedPlacement {
  even,       // spread evenly down the list (Sainte-Lague between the two groups)
  front,      // at the top, above every primary winner
  back,       // below the last primary winner
  explicit_,  // at the places reserved_positions names
};

inline constexpr std::array<std::string_view, 4> kReservedPlacementNames{"even", "front", "back", "explicit"};
constexpr std::span<const std::string_view> names_of(ReservedPlacement) { return kReservedPlacementNames; }

// Whom a stage that may veto strikes from: any nominee, or only those the leadership did not
// endorse (Rahat's veto agency used as leadership control).
enum class VetoTarget { any, not_endorsed };

inline constexpr std::array<std::string_view, 2> kVetoTargetNames{"any", "not_endorsed"};
constexpr std::span<const std::string_view> names_of(VetoTarget) { return kVetoTargetNames; }

struct StageSpec {
  std::string name;  // unique within the pipeline
  SelectionMethod method = SelectionMethod::vote;
  SelectorateSpec selectorate;
  RuleSpec rule;
  // One contest per unit of this level (district: every city/district branch).
  TerritorialLevel level = TerritorialLevel::district;
  // Offices this stage selects for; empty: all offices.
  std::vector<std::string> offices;
  // The calendar phase in which the stage takes place (its window).
  std::string phase;
  // Voting channels, for method vote; empty for appoint.
  std::vector<std::string> channels;
  // Places kept for the party centre on this stage's list (2020 congress: 49 of 126).
  std::int32_t reserved_places = 0;
  ReservedPlacement reserved_placement = ReservedPlacement::even;
  // With reserved_placement explicit: the list places (1 at the top) of the reserved places, one
  // per reserved place.
  std::vector<std::int32_t> reserved_positions;
  // A conference stage (its phase is of kind conferences): the nominees all its conferences
  // confirm together, apportioned among them by membership with largest remainders, none given
  // more than it has candidates; 0: rule.winners each (0 there: every candidate passed on).
  std::int32_t nominees = 0;
  // How the stage ranks nominees of different contests against each other (conference stages
  // and the congress).
  MergeRule merge = MergeRule::apportioned;
  // The stage may strike candidates passed on by the previous stage (Rahat's veto agency) ...
  bool can_veto = false;
  // ... each with this probability, of those in veto_target, before it ranks them.
  double veto_probability = 0.0;
  VetoTarget veto_target = VetoTarget::any;
};

struct SelectionSpec {
  // In pipeline order: each stage takes the survivors of the previous one.
  std::vector<StageSpec> stages;
};

}  // namespace primsim::models::spec
