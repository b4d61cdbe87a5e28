// PHOLD, the classic synthetic workload of parallel discrete-event simulation (Fujimoto 1990;
// ROSS's phold): the engine's reference model for determinism tests and benchmarks.
#pragma once

#include <cstdint>

#include "primsim/sim/lp_model.hpp"
#include "primsim/sim/random_stream.hpp"
#include "primsim/sim/sim_time.hpp"
#include "primsim/sim/simulation_config.hpp"

namespace primsim::sim {

class Simulation;

struct PholdParameters {
  std::uint32_t lps = 1024;
  std::uint32_t start_events = 1;
  double remote = 0.25;
  // In PHOLD time units; each event schedules the next at now + lookahead + Exp(mean - lookahead).
  double mean = 2.0;
  double lookahead = 1.0;
  double end = 10000.0;
  // PHOLD's time is continuous; the engine's is integer, so one PHOLD unit is this many ticks.
  std::int64_t ticks_per_unit = 1'000'000;
};

class PholdModel final : public LpModel {
 public:
  static constexpr EventType kHold = 1;
  static constexpr RandomPurpose kPurpose = 0x50484f4cULL;  // "PHOL"

  explicit PholdModel(const PholdParameters& parameters) : parameters_(parameters) {}

  void init(LpContext& context) override;
  void handle(const Event& event, LpContext& context) override;
  void finish(LpContext& /*context*/) override {}

  // The delay, in ticks, of the next event: lookahead + Exp(mean - lookahead).
  static Duration draw_delay(const PholdParameters& parameters, RandomStream& stream);

 private:
  PholdParameters parameters_;
  RandomStream stream_{StreamKey{}};
};

// Adds `parameters.lps` PHOLD LPs to an empty simulation.
void add_phold_lps(Simulation& simulation, const PholdParameters& parameters);
// The engine configuration that matches PHOLD parameters (lookahead and end time in ticks).
SimulationConfig phold_config(const PholdParameters& parameters, std::uint64_t seed);

}  // namespace primsim::sim
