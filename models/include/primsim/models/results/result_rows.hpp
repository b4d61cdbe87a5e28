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
  // Complaints filed against candidates and against PPOs' memberships, those upheld, and the
  // fraudulent memberships the upheld ones voided.
  std::int64_t complaints_filed = 0;
  std::int64_t complaints_upheld = 0;
  std::int64_t memberships_voided = 0;
  // The party's votes over the votes of every party in the replicate (1 with one party).
  double vote_share = 1.0;

  bool operator==(const SummaryRow&) const = default;
};

// /funnel: candidates who reached a stage, one row per replicate x party x region x stage.
struct FunnelRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  RegionCode region = 0;
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
  std::uint32_t position = 0;  // 1 is the top of the list
  std::uint64_t candidate = 0;
  Gender gender = Gender::female;
  std::uint8_t age = 0;  // years on election day
  Route route = Route::self_nominated;
  RegionCode region = 0;

  bool operator==(const ListRow&) const = default;
};

// /democracy: Rahat's four yardsticks of a selection method, one row per replicate and party. Shares are
// fractions in [0, 1]; a yardstick the scenario cannot measure is NaN.
struct DemocracyRow {
  std::uint32_t replicate = 0;
  PartyCode party = 0;
  // participation
  double participation = 0.0;  // votes / selectorate
  // competition
  double candidates_per_place = 0.0;  // candidates on the ballot per place to fill
  double margin_last_selected = 0.0;  // vote-share lead of the last selected over the first
                                      // not selected, mean over contests
  std::int64_t incumbents_running = 0;
  std::int64_t incumbents_defeated = 0;  // incumbents who ran and were not selected
  // representation: the list against the selectorate
  double women_share_list = 0.0;
  double women_share_selectorate = 0.0;
  double under35_share_list = 0.0;
  double under35_share_selectorate = 0.0;
  double regional_disproportionality = 0.0;  // Loosemore-Hanby index of list vs selectorate by region
  // responsiveness
  double turnover = std::numeric_limits<double>::quiet_NaN();  // share of the list not on the
                                                               // previous list; NaN without one

  bool operator==(const DemocracyRow&) const = default;
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
  std::vector<DemocracyRow> democracy;  // one per party

  // Every table's rows, in the order of the output file's datasets: the one place that lists
  // them, for code that treats each table alike (std::apply over the tuple).
  auto tables() { return std::tie(summary, funnel, turnout, platform, list, democracy); }
  auto tables() const { return std::tie(summary, funnel, turnout, platform, list, democracy); }

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
