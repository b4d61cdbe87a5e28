// The ensemble loop: workers take ensemble indices in order, simulate each replicate on its own
// and hand it to the one thread that writes the HDF5 file; finished replicates also go to the
// partial file that --resume reads back.
#include "ensemble_block.hpp"

#include <signal.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "primsim/models/primary/election_replicate.hpp"
#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/output/checkpoint_log.hpp"
#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/run_identity.hpp"
#include "primsim/output/schema.hpp"
#include "primsim/sim/sequential_executor.hpp"
#include "progress_bar.hpp"

namespace primsim::cli {
namespace {

namespace fs = std::filesystem;

std::string utc_now() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

// A signal handler can only reach process-wide state; this flag is the one global of the run.
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void request_stop(int signal) { stop_signal = signal; }

// SIGINT (Ctrl-C), SIGTERM (a batch system's time limit) and SIGHUP (the terminal or the ssh
// session closed) stop the run after the replicates in flight; a second signal kills at once,
// which the partial file also survives.
class StopSignals {
 public:
  StopSignals() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = static_cast<int>(SA_RESETHAND);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    sigaction(SIGHUP, &action, &old_hup_);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGHUP, &old_hup_, nullptr);
  }
  [[nodiscard]] static bool stop_requested() { return stop_signal != 0; }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  struct sigaction old_hup_ {};
};

// A run killed outright leaves its temporary HDF5 file (.OUT.h5.tmp-PID) behind; the partial
// file holds everything it had, so the leftovers of dead processes go.
void remove_stale_temporaries(const fs::path& output) {
  const fs::path folder = output.has_parent_path() ? output.parent_path() : fs::path(".");
  const std::string prefix = "." + output.filename().string() + ".tmp-";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(entry.path(), error);
  }
}

}  // namespace

BlockOutcome run_ensemble_block(const BlockSettings& settings, const scenarios::LoadedScenario& loaded,
                                const models::results::RunInfo& info, const output::EnsembleLayout& layout,
                                const fs::path& path) {
  BlockOutcome outcome;
  const fs::path partial = fs::path(path.string() + ".partial");
  const std::string identity = run_identity(settings, info, layout);
  if (settings.resume && fs::exists(path) && !fs::exists(partial)) {
    output::check_finished_run(path, identity, layout.shard);
    outcome.already_complete = true;
    return outcome;
  }
  remove_stale_temporaries(path);
  const bool earlier_partial = fs::exists(partial);
  // The shard is part of a partial file's identity, not of a results file's: the shards merged
  // into one file, or an MPI run's ranks, share the run's.
  nlohmann::ordered_json partial_identity = nlohmann::ordered_json::parse(identity);
  partial_identity["shard"] = fmt::format("{}/{}", layout.shard.index, layout.shard.count);
  output::CheckpointLog checkpoint(partial, partial_identity.dump(), settings.resume);
  // Said once the lock is held: a run refused because another holds it replaces nothing.
  if (!settings.resume && earlier_partial && !settings.quiet) {
    std::cerr << fmt::format(
        "primsim: starting afresh: '{}' of an earlier run is replaced (--resume continues it)\n",
        partial.string());
  }

  const std::uint64_t begin = layout.block_begin();
  const std::uint64_t end = layout.block_end();
  std::atomic<std::uint64_t> next{begin};
  std::atomic<std::uint64_t> events{0};
  const StopSignals signals;
  {
    output::Hdf5Writer writer(path, info, output::WriterOptions{layout, &checkpoint, 4, identity});
    ProgressBar progress(end - begin, checkpoint.size(), settings.show_progress);
    const int concurrency =
        settings.threads == 0 ? tbb::task_arena::automatic : static_cast<int>(settings.threads);
    tbb::task_arena arena(concurrency);
    // Workers take ensemble indices in order, so at most one replicate per worker is ahead of
    // the file's next row: memory stays flat however many replicates the ensemble has.
    const auto work = [&] {
      for (;;) {
        if (StopSignals::stop_requested()) return;
        const std::uint64_t index = next++;
        if (index >= end) return;
        const auto ensemble_index = static_cast<std::uint32_t>(index);
        if (checkpoint.contains(ensemble_index)) {
          writer.publish(checkpoint.read(ensemble_index));
          progress.add_resumed();
          continue;
        }
        const std::uint32_t point = ensemble_index / layout.replicates_per_point;
        const std::uint32_t replicate = ensemble_index % layout.replicates_per_point;
        const models::spec::ScenarioSpec* spec = &loaded.grid[point].spec;
        models::spec::ScenarioSpec drawn;
        std::vector<double> values;
        if (settings.parameters != nullptr && settings.parameters->varies()) {
          values = settings.parameters->values(point, replicate);
          drawn = loaded.spec_with(values);
          spec = &drawn;
        }
        models::ElectionReplicate model(*spec, info.seed, replicate);
        sim::SequentialExecutor executor;
        auto results = model.run(executor);
        results.replicate = ensemble_index;
        for (std::size_t i = 0; i < values.size(); ++i) {
          results.parameters.push_back({ensemble_index, static_cast<std::uint16_t>(i), values[i]});
        }
        events += model.events();
        progress.add(model.events());
        writer.publish(std::move(results));
      }
    };
    arena.execute([&] {
      const int workers = arena.max_concurrency();
      tbb::parallel_for(0, workers, [&](int) { work(); });
    });
    if (StopSignals::stop_requested()) {
      writer.abandon();
      outcome.interrupted = true;
      outcome.saved = checkpoint.size();
    } else {
      writer.finish(utc_now());
    }
  }
  // Only now that the results file is synced under its name may the synced partial file go.
  if (!outcome.interrupted) checkpoint.remove();
  outcome.events = events.load();
  return outcome;
}

std::string run_identity(const BlockSettings& settings, const models::results::RunInfo& info,
                         const output::EnsembleLayout& layout) {
  nlohmann::ordered_json identity;
  identity["program_version"] = info.program_version;
  identity["schema_version"] = output::current_schema_version;
  // The resolved scenario holds --set, the sweep and the priors.
  identity["scenario_digest"] = output::identity_digest(info.scenario_yaml);
  identity["seed"] = info.seed;
  identity["replicates"] = layout.replicates_per_point;
  identity["points"] = layout.points();
  if (settings.parameters != nullptr && settings.parameters->varies()) {
    identity["parameters"] = settings.parameters->draws();
    identity["parameters_identity"] = settings.parameters_identity;
  }
  return identity.dump();
}

models::results::RunInfo make_run_info(const scenarios::LoadedScenario& loaded, std::uint64_t seed,
                                       std::uint32_t replicates, const std::string& command_line) {
  const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
  models::results::RunInfo info;
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

}  // namespace primsim::cli
