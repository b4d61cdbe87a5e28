// One replicate of a whole scenario: every party's primary, each on its own LPs and random
// streams, with the rows of all of them in party order.
#pragma once

#include <cstdint>
#include <vector>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/spec/scenario_spec.hpp"
#include "primsim/sim/executor.hpp"

namespace primsim::models {

class ElectionReplicate {
 public:
  ElectionReplicate(const spec::ScenarioSpec& scenario, std::uint64_t seed, std::uint32_t replicate);

  // Runs every party's process once, in party order, then sets each party's vote_share.
  results::ReplicateResults run(sim::Executor& executor);

  // Committed events over every party, after run().
  [[nodiscard]] std::uint64_t events() const { return events_; }

 private:
  // One per party, alive for the run: a party's LPs read its scenario by reference.
  std::vector<spec::ScenarioSpec> party_scenarios_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  std::uint64_t events_ = 0;
};

}  // namespace primsim::models
