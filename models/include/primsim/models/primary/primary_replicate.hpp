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
  results::ReplicateResults assemble();

  PrimaryWorld world_;
  // Owns the LPs, so their final state outlives run() for regions() and national().
  std::unique_ptr<sim::Simulation> simulation_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  results::PartyCode party_;
  std::vector<const RegionModel*> regions_;
  std::vector<RegionModel*> mutable_regions_;
  const NationalModel* national_ = nullptr;
  std::uint64_t events_ = 0;
};

// The names behind RegionCode in the output: the scenario's regions, then "national" for the
// party centre's own appointees.
std::vector<std::string> region_names(const spec::ScenarioSpec& scenario);

}  // namespace primsim::models
