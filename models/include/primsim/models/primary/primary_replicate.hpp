// One party's primary in one replicate: builds the LPs from a validated scenario, runs them on an
// executor, and turns their final state into the rows of the output tables.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "primsim/models/primary/national_model.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/models/primary/region_model.hpp"
#include "primsim/models/results/result_rows.hpp"
#include "primsim/sim/executor.hpp"
#include "primsim/sim/observer.hpp"
#include "primsim/sim/simulation.hpp"

namespace primsim::models {

class PrimaryReplicate {
 public:
  // `party` keys the random streams (party 0 draws what a one-party run draws) and labels the
  // rows; `scenario` is the party's own (see party_scenario).
  PrimaryReplicate(const spec::ScenarioSpec& scenario, std::uint64_t seed, std::uint32_t replicate,
                   results::PartyCode party = 0);

  // Runs once. `observer` (optional) sees every event.
  results::ReplicateResults run(sim::Executor& executor, sim::Observer* observer = nullptr);

  [[nodiscard]] std::uint64_t events() const { return events_; }
  [[nodiscard]] const PrimaryWorld& world() const { return world_; }
  // Valid after run(): the LPs' final state.
  [[nodiscard]] const std::vector<const RegionModel*>& regions() const { return regions_; }
  [[nodiscard]] const NationalModel& national() const { return *national_; }

 private:
  // Where each applicant's path ended, read off the LPs' final state: the regions know the
  // contests, the party centre the conferences and the list.
  struct Fate {
    results::CandidateCode code = 0;
    results::Stage reached = results::Stage::nominated;
    results::Outcome outcome = results::Outcome::lost;
    std::uint8_t conferences = 0;
    std::uint32_t list_position = 0;
  };
  // Those an office selected (its list, or its contests' winners), and its competition.
  struct Selected {
    std::vector<std::int64_t> by_region;  // filled by the vote
    std::int64_t centre = 0;              // the centre's appointees
    std::int64_t women = 0;
    std::int64_t young = 0;
    std::int64_t on_ballot = 0;
    std::int64_t incumbents_running = 0;
    std::int64_t incumbents_defeated = 0;
    std::int64_t incumbents_selected = 0;
  };

  // One function per output table.
  results::ReplicateResults assemble();
  void settle_fates();
  [[nodiscard]] results::SummaryRow summary_row() const;
  static void count_candidate(const Candidate& c, const Fate& fate, results::SummaryRow& summary);
  void funnel_rows(std::vector<results::FunnelRow>& rows) const;
  void turnout_rows(std::vector<results::TurnoutRow>& rows) const;
  void platform_rows(std::vector<results::PlatformRow>& rows) const;
  void list_rows(std::vector<results::ListRow>& rows) const;
  void candidate_rows(std::vector<results::CandidateRow>& rows) const;
  void democracy_rows(const results::SummaryRow& summary, std::vector<results::DemocracyRow>& rows) const;
  void warning_rows(std::vector<results::WarningRow>& rows) const;
  void selector_rows(std::vector<results::SelectorRow>& rows) const;
  [[nodiscard]] Selected selected_for(std::size_t office) const;
  [[nodiscard]] results::CandidateCode code_of(const Nominee& n, std::size_t position) const;

  PrimaryWorld world_;
  // Owns the LPs, so their final state outlives run() for regions() and national().
  std::unique_ptr<sim::Simulation> simulation_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  results::PartyCode party_;
  std::vector<const RegionModel*> regions_;
  std::vector<std::vector<Fate>> fates_;  // per region, per candidate id
  results::CandidateCode first_appointee_ = 0;
  const NationalModel* national_ = nullptr;
  std::uint64_t events_ = 0;
};

// The names behind RegionCode in the output: the scenario's regions, then "national" for the
// party centre's own appointees.
std::vector<std::string> region_names(const spec::ScenarioSpec& scenario);
// The names behind OfficeCode (candidacy.offices) and WarningRow::selection_stage
// (selection.stages).
std::vector<std::string> office_names(const spec::ScenarioSpec& scenario);
std::vector<std::string> selection_stage_names(const spec::ScenarioSpec& scenario);
// The vote stage's selector groups, in /selectors order.
std::vector<std::string> selector_group_names(const spec::ScenarioSpec& scenario);

}  // namespace primsim::models
