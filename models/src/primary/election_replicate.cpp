// Running every party of a scenario for one replicate.
#include "primsim/models/primary/election_replicate.hpp"

#include <algorithm>

#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/models/primary/primary_replicate.hpp"

namespace primsim::models {

ElectionReplicate::ElectionReplicate(const spec::ScenarioSpec& scenario, std::uint64_t seed,
                                     std::uint32_t replicate)
    : seed_(seed), replicate_(replicate) {
  const std::size_t parties = std::max<std::size_t>(1, scenario.parties.size());
  for (std::size_t p = 0; p < parties; ++p) party_scenarios_.push_back(party_scenario(scenario, p));
}

results::ReplicateResults ElectionReplicate::run(sim::Executor& executor) {
  results::ReplicateResults out;
  out.replicate = replicate_;
  // Parties do not interact before the general election, so each runs on its own simulation;
  // running them one after another keeps one party's LPs in memory at a time.
  for (std::size_t p = 0; p < party_scenarios_.size(); ++p) {
    PrimaryReplicate party(party_scenarios_[p], seed_, replicate_, static_cast<results::PartyCode>(p));
    out.append(party.run(executor));
    events_ += party.events();
  }
  std::int64_t votes = 0;
  for (const auto& row : out.summary) votes += row.votes;
  for (auto& row : out.summary) {
    row.vote_share = votes > 0 ? static_cast<double>(row.votes) / static_cast<double>(votes)
                               : 1.0 / static_cast<double>(out.summary.size());
  }
  return out;
}

}  // namespace primsim::models
