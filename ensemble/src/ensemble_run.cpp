// The collective run: every rank settles its block, runs it, agrees with the others on the
// outcome, and rank 0 joins the ranks' files into the one results file.
#include "primsim/ensemble/ensemble_run.hpp"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "ensemble_block.hpp"
#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/output/run_identity.hpp"
#include "primsim/output/run_paths.hpp"
#include "primsim/output/shard_merge.hpp"
#include "primsim/scenarios/range_wording.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::ensemble {
namespace {

namespace fs = std::filesystem;

// Reads one of SLURM's array variables: a decimal count below 2^32, or an input error naming it.
std::uint32_t slurm_number(const char* name, const char* text) {
  const std::string_view value(text);
  std::uint32_t number = 0;
  const auto [stop, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || value.find_first_not_of("0123456789") != std::string_view::npos ||
      error != std::errc() || stop != value.data() + value.size()) {
    throw sim::InputError(fmt::format("{}: expected {}, found \"{}\"", name,
                                      scenarios::whole_number_wording(0, UINT32_MAX), value));
  }
  return number;
}

output::RunInfo make_run_info(const scenarios::LoadedScenario& loaded, std::uint64_t seed,
                              std::uint32_t replicates, const std::string& command_line) {
  const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
  output::RunInfo info;
  info.program_version = PRIMSIM_VERSION;
  info.scenario_name = scenario.name;
  info.scenario_yaml = loaded.resolved_yaml;
  info.seed = seed;
  info.replicates = replicates;
  info.command_line = command_line;
  info.start_time = utc_now();
  info.epoch = scenario.calendar.epoch_iso;
  info.region_names = models::region_names(scenario);
  info.party_names = models::party_names(scenario);
  info.office_names = models::office_names(scenario);
  info.selection_stage_names = models::selection_stage_names(scenario);
  info.selector_group_names = models::selector_group_names(scenario);
  for (const scenarios::Prior& prior : loaded.priors) info.parameter_names.push_back(prior.path);
  return info;
}

output::EnsembleLayout make_layout(const scenarios::LoadedScenario& loaded, std::uint32_t replicates) {
  output::EnsembleLayout layout;
  layout.replicates_per_point = replicates;
  if (loaded.grid.size() > 1) {
    for (const auto& [key, value] : loaded.grid.front().assignments) layout.sweep_keys.push_back(key);
    for (const auto& point : loaded.grid) {
      std::vector<std::string> values;
      for (const auto& [key, value] : point.assignments) values.push_back(value);
      layout.sweep_values.push_back(std::move(values));
    }
  }
  return layout;
}

// The block this process runs: its rank's under mpirun, else --shard, else SLURM's, else all.
output::Shard settle_shard(const World& world, const RunControl& control) {
  if (world.is_parallel()) {
    // An explicit --shard contradicts the split by rank; SLURM's array variables only set a default.
    if (control.shard) {
      throw sim::InputError("--shard: cannot split a run into shards under mpirun, which splits it by rank");
    }
    return output::Shard{static_cast<std::uint32_t>(world.rank()), static_cast<std::uint32_t>(world.size())};
  }
  if (control.shard) return *control.shard;
  return shard_from_slurm().value_or(output::Shard{});
}

}  // namespace

RunPlan plan_run(const scenarios::LoadedScenario& loaded, std::uint64_t seed, std::uint32_t replicates,
                 const std::string& command_line) {
  RunPlan plan;
  plan.layout = make_layout(loaded, replicates);
  plan.info = make_run_info(loaded, seed, replicates, command_line);
  return plan;
}

std::optional<output::Shard> shard_from_slurm() {
  const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
  const char* count = std::getenv("SLURM_ARRAY_TASK_COUNT");
  if (id == nullptr || count == nullptr) return std::nullopt;
  const std::uint32_t task = slurm_number("SLURM_ARRAY_TASK_ID", id);
  const std::uint32_t tasks = slurm_number("SLURM_ARRAY_TASK_COUNT", count);
  // Arrays are often numbered from 1 (--array=1-8): the shard is the task's rank in the array.
  const char* min = std::getenv("SLURM_ARRAY_TASK_MIN");
  const std::uint32_t first = min != nullptr ? slurm_number("SLURM_ARRAY_TASK_MIN", min) : 0;
  if (task < first) {
    throw sim::InputError(fmt::format(
        "SLURM_ARRAY_TASK_ID: expected at least SLURM_ARRAY_TASK_MIN ({}), found {}", first, task));
  }
  const std::string text = fmt::format("{}/{}", task - first, tasks);
  return output::parse_shard(text, "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
}

RunOutcome run_ensemble(const scenarios::LoadedScenario& loaded, RunPlan& plan, const fs::path& output,
                        const World& world, const RunControl& control) {
  if (plan.layout.ensemble_size() > std::uint64_t{UINT32_MAX}) {
    throw sim::InputError(fmt::format("--replicates: {} points x {} replicates is more than {} replicates",
                                      plan.layout.points(), plan.layout.replicates_per_point, UINT32_MAX));
  }
  plan.layout.shard = settle_shard(world, control);
  plan.info.parameter_draws = plan.parameters.draws();

  RunOutcome outcome;
  outcome.lead = world.rank() == 0;
  // Under mpirun each rank writes its block next to the output and rank 0 joins the blocks.
  const fs::path path = world.is_parallel() ? output::rank_path(output, world.rank(), world.size()) : output;
  outcome.partial = output::partial_path(path);
  // Resuming a run that finished: every rank agrees there is nothing left to do, once the file
  // is known to be this run's (another seed's or scenario's is refused, not reported as ours).
  const bool complete = control.resume && fs::exists(output) && !fs::exists(outcome.partial);
  if (complete) {
    output::check_finished_run(output, run_identity(plan),
                               world.is_parallel() ? output::Shard{} : plan.layout.shard);
  }
  if (world.all(complete)) {
    outcome.status = RunStatus::already_complete;
    return outcome;
  }

  const auto start = std::chrono::steady_clock::now();
  BlockOutcome block;
  std::exception_ptr failure;
  try {
    block = run_ensemble_block(loaded, plan, control, path);
  } catch (...) {
    failure = std::current_exception();
  }
  const bool completed = world.all(!failure && !block.interrupted);
  outcome.events = world.sum(block.events);
  if (failure) std::rethrow_exception(failure);
  if (!completed) {
    outcome.status = block.interrupted ? RunStatus::interrupted : RunStatus::failed_elsewhere;
    outcome.saved = block.saved;
    return outcome;
  }
  if (world.is_parallel()) {
    std::exception_ptr merge_failure;
    if (outcome.lead) {
      try {
        std::vector<fs::path> ranks;
        for (int rank = 0; rank < world.size(); ++rank)
          ranks.push_back(output::rank_path(output, rank, world.size()));
        output::merge_shards(output, ranks);
        for (const auto& file : ranks) fs::remove(file);
      } catch (...) {
        merge_failure = std::current_exception();
      }
    }
    const bool merged = world.all(!merge_failure);
    if (merge_failure) std::rethrow_exception(merge_failure);
    if (!merged) {
      outcome.status = RunStatus::failed_elsewhere;
      return outcome;
    }
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.status = RunStatus::completed;
  return outcome;
}

}  // namespace primsim::ensemble
