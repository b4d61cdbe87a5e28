// The ensemble loop: workers take ensemble indices in order, simulate each replicate on its own
// and hand it to the one thread that writes the HDF5 file; finished replicates also go to the
// partial file that --resume reads back.
#include "ensemble_block.hpp"

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "primsim/ensemble/replicate_run.hpp"
#include "primsim/output/checkpoint_log.hpp"
#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/run_identity.hpp"
#include "primsim/output/run_paths.hpp"
#include "primsim/output/schema.hpp"
#include "primsim/sim/tbb_happens_before.hpp"

namespace primsim::ensemble {
namespace {

namespace fs = std::filesystem;

// A signal handler can only reach process-wide state; this flag is the one global of the run.
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void request_stop(int signal) { stop_signal = signal; }

// SIGINT (Ctrl-C), SIGTERM (a batch system's time limit) and SIGHUP (the terminal or the ssh
// session closed) stop the run after the replicates in flight; a second signal kills at once,
// which the partial file also survives.
class StopSignals {
 public:
  explicit StopSignals(bool enabled) : enabled_(enabled) {
    if (!enabled_) return;
    stop_signal = 0;
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
    if (!enabled_) return;
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGHUP, &old_hup_, nullptr);
  }
  [[nodiscard]] bool stop_requested() const { return enabled_ && stop_signal != 0; }

 private:
  bool enabled_;
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  struct sigaction old_hup_ {};
};

// A run killed outright leaves its temporary HDF5 file (.OUT.h5.tmp-PID) behind; the partial
// file holds everything it had, so the leftovers of dead processes go.
void remove_stale_temporaries(const fs::path& output) {
  const fs::path folder = output::folder_of(output);
  const std::string prefix = output::temporary_prefix(output);
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(entry.path(), error);
  }
}

}  // namespace

BlockOutcome run_ensemble_block(const scenarios::LoadedScenario& loaded, const RunPlan& plan,
                                const RunControl& control, const fs::path& path) {
  const output::EnsembleLayout& layout = plan.layout;
  const output::RunInfo& info = plan.info;
  BlockOutcome outcome;
  const fs::path partial = output::partial_path(path);
  const std::string identity = run_identity(plan);
  if (control.resume && fs::exists(path) && !fs::exists(partial)) {
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
  output::CheckpointLog checkpoint(partial, partial_identity.dump(), control.resume);
  // Said once the lock is held: a run refused because another holds it replaces nothing.
  if (!control.resume && earlier_partial && !control.quiet) {
    std::cerr << fmt::format(
        "primsim: starting afresh: '{}' of an earlier run is replaced (--resume continues it)\n",
        partial.string());
  }

  const std::uint64_t begin = layout.block_begin();
  const std::uint64_t end = layout.block_end();
  std::atomic<std::uint64_t> next{begin};
  std::atomic<std::uint64_t> events{0};
  const StopSignals signals(control.handle_signals);
  const auto stop_requested = [&] { return signals.stop_requested() || control.stop.stop_requested(); };
  // Progress is reported one call at a time, so that a host's callback needs no lock of its own.
  std::mutex progress_mutex;
  Progress progress{0, 0, end - begin, 0, checkpoint.size()};
  const auto report = [&](bool resumed, std::uint64_t replicate_events) {
    if (!control.progress) return;
    const std::lock_guard lock(progress_mutex);
    ++progress.done;
    if (resumed) ++progress.resumed;
    progress.events += replicate_events;
    control.progress(progress);
  };
  if (control.progress) control.progress(progress);
  {
    output::Hdf5Writer writer(path, info, output::WriterOptions{layout, &checkpoint, 4, identity});
    const int concurrency =
        control.threads == 0 ? tbb::task_arena::automatic : static_cast<int>(control.threads);
    tbb::task_arena arena(concurrency);
    const auto workers = static_cast<std::uint64_t>(arena.max_concurrency());
    std::uint64_t to_simulate = 0;
    for (std::uint64_t index = begin; index < end; ++index) {
      if (!checkpoint.contains(static_cast<std::uint32_t>(index))) ++to_simulate;
    }
    // A replicate started when fewer are left than workers besides its own (one replicate for a
    // classroom answer, the last of an ensemble, a resumed run's few) shares its regions with
    // every worker that runs out of replicates, instead of leaving that worker idle.
    std::atomic<std::uint64_t> left_to_start{to_simulate};
    // Workers take ensemble indices in order, so at most one replicate per worker is ahead of
    // the file's next row: memory stays flat however many replicates the ensemble has.
    const auto work = [&] {
      for (;;) {
        if (stop_requested()) return;
        const std::uint64_t index = next++;
        if (index >= end) return;
        const auto ensemble_index = static_cast<std::uint32_t>(index);
        if (checkpoint.contains(ensemble_index)) {
          writer.publish(checkpoint.read(ensemble_index));
          report(true, 0);
          continue;
        }
        const std::uint32_t point = ensemble_index / layout.replicates_per_point;
        const std::uint32_t replicate = ensemble_index % layout.replicates_per_point;
        const models::spec::ScenarioSpec* spec = &loaded.grid[point].spec;
        models::spec::ScenarioSpec drawn;
        std::vector<double> values;
        if (plan.parameters.varies()) {
          values = plan.parameters.values(point, replicate);
          drawn = loaded.spec_with(values);
          spec = &drawn;
        }
        const std::uint64_t left_after_this = --left_to_start;
        const ReplicateThreads threads =
            left_after_this + 1 < workers ? ReplicateThreads::shared : ReplicateThreads::one;
        ReplicateRun run = run_replicate(*spec, info.seed, replicate, threads);
        auto& results = run.results;
        results.replicate = ensemble_index;
        for (std::size_t i = 0; i < values.size(); ++i) {
          results.parameters.push_back({ensemble_index, static_cast<std::uint16_t>(i), values[i]});
        }
        events += run.events;
        writer.publish(std::move(results));
        report(false, run.events);
      }
    };
    sim::tbb_hb::execute(arena, [&] {
      sim::tbb_hb::parallel_for(std::uint64_t{0}, std::min(workers, std::max<std::uint64_t>(to_simulate, 1)),
                                [&](std::uint64_t) { work(); });
    });
    if (stop_requested()) {
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

std::string utc_now() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

std::string run_identity(const RunPlan& plan) {
  nlohmann::ordered_json identity;
  identity["program_version"] = plan.info.program_version;
  identity["schema_version"] = output::current_schema_version;
  // The resolved scenario holds --set, the sweep and the priors.
  identity["scenario_digest"] = output::identity_digest(plan.info.scenario_yaml);
  identity["seed"] = plan.info.seed;
  identity["replicates"] = plan.layout.replicates_per_point;
  identity["points"] = plan.layout.points();
  if (plan.parameters.varies()) {
    identity["parameters"] = plan.parameters.draws();
    identity["parameters_identity"] = plan.parameters_identity;
  }
  return identity.dump();
}

}  // namespace primsim::ensemble
