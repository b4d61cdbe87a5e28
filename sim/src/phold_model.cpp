// PHOLD: every event schedules one more, remote with probability `remote`.
#include "primsim/sim/phold_model.hpp"

#include <cmath>
#include <memory>
#include <string>

#include "primsim/sim/lp_context.hpp"
#include "primsim/sim/simulation.hpp"

namespace primsim::sim {

Duration PholdModel::draw_delay(const PholdParameters& parameters, RandomStream& stream) {
  const double units = parameters.lookahead + stream.exponential(parameters.mean - parameters.lookahead);
  return Duration{static_cast<std::int64_t>(units * static_cast<double>(parameters.ticks_per_unit))};
}

void PholdModel::init(LpContext& context) {
  stream_ = context.random(context.self().value(), kPurpose);
  for (std::uint32_t i = 0; i < parameters_.start_events; ++i) {
    context.schedule(draw_delay(parameters_, stream_), kHold);
  }
}

void PholdModel::handle(const Event& /*event*/, LpContext& context) {
  LpId target = context.self();
  if (stream_.uniform() < parameters_.remote) {
    target = LpId{static_cast<LpId::value_type>(stream_.uniform_index(context.lp_count()))};
  }
  context.send(target, draw_delay(parameters_, stream_), kHold);
}

void add_phold_lps(Simulation& simulation, const PholdParameters& parameters) {
  for (std::uint32_t i = 0; i < parameters.lps; ++i) {
    simulation.add_lp("phold-" + std::to_string(i), std::make_unique<PholdModel>(parameters));
  }
}

SimulationConfig phold_config(const PholdParameters& parameters, std::uint64_t seed) {
  SimulationConfig config;
  const auto ticks = [&](double units) {
    return static_cast<std::int64_t>(std::llround(units * static_cast<double>(parameters.ticks_per_unit)));
  };
  config.lookahead = Duration{ticks(parameters.lookahead)};
  config.end_time = SimTime{ticks(parameters.end)};
  config.seed = seed;
  return config;
}

}  // namespace primsim::sim
