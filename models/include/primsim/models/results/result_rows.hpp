// One struct per output table, one object per row: what a finished replicate publishes. The
// field names are the column names of the output file (docs/output.md), so keep them in step.
#pragma once

#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

#include "primsim/models/results/result_codes.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models::results {

// Index into the run's region names (/meta/regions). Region 0 is whatever the scenario lists
// first; national bodies (the party centre) have their own entry when a scenario needs one.
using RegionCode = std::uint16_t;

// Index into the run's party names (/meta/parties), in the scenario's order: party 0 is the one
// the scenario describes in full.
using PartyCode = std::uint16_t;

// Index into the scenario's offices (/meta/offices), in candidacy.offices order.
using OfficeCode = std::uint8_t;

// A candidate's id within a replicate and party: applicants are numbered region by region in
// the order they applied (region 0's first applicant is 0), and the party centre's appointees
// follow the last applicant. The same id names the candidate in /candidates and /list.
using CandidateCode = std::uint32_t;

// /summary: one row per replicate and party.
struct SummaryRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  std::int64_t eligible = 0;  // members entitled to vote
  std::int64_t votes = 0;
  double turnout = 0.0;  // votes / eligible, a fraction
  std::int64_t votes_online = 0;
  std::int64_t votes_paper = 0;
  std::int64_t votes_in_person = 0;
  double extension_hours = 0.0;  // how long voting was extended
  std::int64_t applicants = 0;
  std::int64_t registered = 0;
  // Registered candidates removed before the vote: removed_skipped_debates +
  // removed_complaint_upheld. With withdrawn and on_ballot they account for every registered
  // candidate when a vote is held.
  std::int64_t removed = 0;
  std::int64_t on_ballot = 0;
  std::int64_t selected = 0;
  // Candidates who left the race, by reason (/meta/reasons).
  std::int64_t removed_ineligible = 0;
  std::int64_t removed_registration_error = 0;
  std::int64_t removed_skipped_debates = 0;
  std::int64_t removed_complaint_upheld = 0;
  std::int64_t withdrawn = 0;
  // Applicants the leadership's loyalty screening removed, and list-office nominees struck by a
  // conference's or the congress's veto.
  std::int64_t removed_loyalty_screening = 0;
  std::int64_t vetoed = 0;
  // Complaints filed against candidates and against PPOs' memberships, those upheld, and the
  // fraudulent memberships the upheld ones voided.
  std::int64_t complaints_filed = 0;
  std::int64_t complaints_upheld = 0;
  std::int64_t memberships_voided = 0;
  // The party's votes over the votes of every party in the replicate (1 with one party).
  double vote_share = 1.0;
  // The voting window as a process: every selector who set out to vote ends in one state, so
  // voters_intending = votes + voters_gave_up + voters_pending_at_close.
  std::int64_t attempts = 0;          // tries through every channel: first tries, retries, later days
  std::int64_t voters_intending = 0;  // selectors who decided to vote (the turnout draw)
  std::int64_t voters_gave_up = 0;
  std::int64_t voters_pending_at_close = 0;  // still trying when their channel closed

  bool operator==(const SummaryRow&) const = default;
};

// /funnel: candidates who reached a stage, one row per replicate x party x region x office x
// stage; summed over offices it gives the counts of every office together.
struct FunnelRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  RegionCode region = 0;
  OfficeCode office = 0;
  Stage stage = Stage::nominated;
  std::int64_t count = 0;

  bool operator==(const FunnelRow&) const = default;
};

// /turnout: cumulative votes at the end of each hour, one row per replicate x party x region x
// hour.
struct TurnoutRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  RegionCode region = 0;
  sim::SimTime time;
  std::int64_t eligible = 0;
  std::int64_t votes_cumulative = 0;

  bool operator==(const TurnoutRow&) const = default;
};

// /platform: each party's online voting platform in each minute it is open.
struct PlatformRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  sim::SimTime time;          // start of the minute
  std::int64_t attempts = 0;  // login attempts, retries included
  std::int64_t failures = 0;  // attempts refused because the platform was at capacity
  std::int64_t sessions = 0;  // most sessions open at once during the minute

  bool operator==(const PlatformRow&) const = default;
};

// /list: the list each party ends a replicate with, one row per party and place.
struct ListRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  OfficeCode office = 0;        // the office the list is for
  std::uint32_t position = 0;   // 1 is the top of the list
  std::uint64_t candidate = 0;  // CandidateCode, as in /candidates
  Gender gender = Gender::female;
  std::uint8_t age = 0;  // years on election day
  Route route = Route::self_nominated;
  RegionCode region = 0;

  bool operator==(const ListRow&) const = default;
};

// /democracy: Rahat's four yardsticks of a selection method, one row per replicate, party and
// office. Shares are fractions in [0, 1]; a yardstick the scenario cannot measure is NaN. "The
// selected" of an office are its list (the list office) or its contests' winners (the others).
struct DemocracyRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  OfficeCode office = 0;
  // participation
  double participation = 0.0;  // votes / selectorate
  // competition
  double candidates_per_place = 0.0;  // the office's candidates on a ballot per place the vote filled
  // Lead of the last winner over the first loser in scaled shares (share x candidates in the
  // contest, so that contests of any size compare), mean over the office's contests.
  double margin_last_selected = 0.0;
  std::int64_t incumbents_running = 0;
  std::int64_t incumbents_defeated = 0;  // incumbents who ran for the office and were not selected
  // representation: the selected against the selectorate
  double women_share_list = 0.0;
  double women_share_selectorate = 0.0;
  double under35_share_list = 0.0;
  double under35_share_selectorate = 0.0;
  // Loosemore-Hanby index of the selected vs the selectorate by region, the party centre's
  // places counting as a region without members.
  double regional_disproportionality = 0.0;
  // responsiveness
  // Share of the selected who were not the office's sitting deputies (the previous list:
  // candidacy.offices.*.incumbents); NaN when the scenario names none.
  double turnover = std::numeric_limits<double>::quiet_NaN();
  // Candidates per place, mean over the office's contests of candidates / winners.
  double candidates_per_place_contest = 0.0;
  std::int64_t places = 0;             // places the office has (its list or its seats)
  std::int64_t places_by_vote = 0;     // places filled by candidates who won a contest
  std::int64_t places_leadership = 0;  // places filled by the party centre's appointees
  std::int64_t places_empty = 0;       // places left empty
  // Loosemore-Hanby over the places filled by the vote only, and two benchmarks for the same
  // number of places computed in the same run: a proportional apportionment by selectorate
  // (largest remainders), and the mean of random draws in proportion to the selectorate.
  double regional_disproportionality_vote = 0.0;
  double regional_disproportionality_proportional = 0.0;
  double regional_disproportionality_random = 0.0;

  bool operator==(const DemocracyRow&) const = default;
};

// /candidates: one row per replicate x party x candidate (every applicant, and the party
// centre's appointees): who they were, the contest they stood in, and where their path ended.
struct CandidateRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  CandidateCode candidate = 0;
  OfficeCode office = 0;
  RegionCode region = 0;     // the national code for appointees
  std::uint16_t branch = 0;  // the home branch within the region (0 for appointees)
  Gender gender = Gender::female;
  std::uint8_t age = 0;
  Route route = Route::self_nominated;
  std::uint8_t incumbent = 0;  // 1: a sitting deputy of the office
  Stage reached = Stage::nominated;
  Outcome outcome = Outcome::lost;
  RemovalReason reason = RemovalReason::none;  // removed or withdrew: why
  // The contest the candidate stood in (0: none): numbered from 1 region by region.
  std::uint32_t contest = 0;
  std::uint32_t contest_candidates = 0;  // candidates on that ballot
  double votes = 0.0;                    // the rule's score: first preferences, Borda points, ...
  double share = 0.0;                    // votes / every candidate's votes in the contest
  std::uint32_t contest_rank = 0;        // 1: the contest's best; 0: not on a ballot
  // The size-free statistic by which merging stages compare nominees of different contests:
  // share x contest_candidates (1 is the contest's average).
  double scaled_share = 0.0;
  std::uint8_t conferences = 0;  // conference stages that confirmed the candidate
  // Place on the party list (listed, appointed) or among the winners of the contest, which are
  // its office's list in that unit (won); 0: neither.
  std::uint32_t list_position = 0;

  bool operator==(const CandidateRow&) const = default;
};

// /selectors: each selector group of the vote in each region, one row per replicate x party x
// group x region.
struct SelectorRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  std::uint8_t group = 0;  // index into the vote stage's groups (/meta/selector_groups)
  RegionCode region = 0;
  std::int64_t eligible = 0;
  std::int64_t votes = 0;

  bool operator==(const SelectorRow&) const = default;
};

// /parameters: one row per replicate x drawn parameter, when the run draws its parameters (from
// the priors, a posterior or a design's points): the value the replicate ran with.
struct ParameterRow {
  std::uint32_t replicate = 0;
  std::uint16_t parameter = 0;  // index into the priors, in scenario order (/meta/parameters)
  double value = 0.0;           // in the key's own unit; a duration in seconds

  bool operator==(const ParameterRow&) const = default;
};

// /warnings: one row per replicate x party x departure from the scenario (a quota that could
// not be met, places left empty, appointees named), at one stage of the selection.
struct WarningRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  WarningKind kind = WarningKind::quota_unmet;
  QuotaGroupCode group = QuotaGroupCode::none;  // the quota's group (/meta/quota_groups)
  std::uint16_t selection_stage = 0;            // index into selection.stages (/meta/selection_stages)
  OfficeCode office = 0;
  std::int64_t occurrences = 0;  // contests, conferences or lists where it happened
  std::int64_t expected = 0;     // places (or group members) the scenario asked for there
  std::int64_t found = 0;        // what the run could give

  bool operator==(const WarningRow&) const = default;
};

// Everything one finished replicate publishes, every party's rows in party order, handed over in
// one piece so that a writer can queue it and a killed run never leaves half a replicate in the
// file.
struct ReplicateResults {
  std::uint32_t replicate = 0;
  std::vector<SummaryRow> summary;  // one per party
  std::vector<FunnelRow> funnel;
  std::vector<TurnoutRow> turnout;
  std::vector<PlatformRow> platform;
  std::vector<ListRow> list;
  std::vector<DemocracyRow> democracy;  // one per party and office
  std::vector<CandidateRow> candidates;
  std::vector<WarningRow> warnings;
  std::vector<SelectorRow> selectors;
  std::vector<ParameterRow> parameters;

  // Every table's rows, in the order of the output file's datasets: the one place that lists
  // them, for code that treats each table alike (std::apply over the tuple).
  auto tables() {
    return std::tie(summary, funnel, turnout, platform, list, democracy, candidates, warnings, selectors,
                    parameters);
  }
  auto tables() const {
    return std::tie(summary, funnel, turnout, platform, list, democracy, candidates, warnings, selectors,
                    parameters);
  }

  // Appends another party's rows.
  void append(ReplicateResults&& other) {
    std::apply(
        [&](auto&... mine) {
          std::apply([&](auto&... theirs) { (mine.insert(mine.end(), theirs.begin(), theirs.end()), ...); },
                     other.tables());
        },
        tables());
  }
};

}  // namespace primsim::models::results
