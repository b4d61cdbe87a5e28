// One ensemble run of a loaded scenario into one HDF5 file, as `primsim run`, `import primsim`
// and `primsim serve` all do it: plan it (layout, run information, parameters), then run it in
// this process or as one rank of an MPI job, with resume, merge, progress and cancellation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

#include "primsim/ensemble/replicate_parameters.hpp"
#include "primsim/ensemble/world.hpp"
#include "primsim/output/ensemble_layout.hpp"
#include "primsim/output/run_info.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace primsim::ensemble {

// Everything that identifies a run, settled before any replicate starts.
struct RunPlan {
  output::EnsembleLayout layout;
  output::RunInfo info;
  // The scenario's own values unless set (--draw-priors, --posterior, a design); the identity
  // of a resumed run includes where they come from (`parameters_identity`).
  ReplicateParameters parameters;
  std::string parameters_identity;
};

// The plan of `replicates` per point of the scenario's sweep (one point without a sweep),
// with the scenario's own parameter values. `command_line` becomes the file's attribute.
RunPlan plan_run(const scenarios::LoadedScenario& loaded, std::uint64_t seed, std::uint32_t replicates,
                 const std::string& command_line);

// Replicates done so far in this process's block: `resumed` of them read from the partial file.
struct Progress {
  std::uint64_t done = 0;
  std::uint64_t resumed = 0;
  std::uint64_t total = 0;
  std::uint64_t events = 0;  // of the replicates simulated here
  // Replicates the partial file held when the run started: read back, not simulated, so a
  // time-left estimate leaves them out.
  std::uint64_t resumable = 0;
};

struct RunControl {
  std::size_t threads = 0;  // 0: every core
  bool resume = false;      // continue from OUT.partial
  bool quiet = false;       // no notices on stderr
  // SIGINT, SIGTERM and SIGHUP stop the run after the replicates in flight (the CLI). A host
  // with handlers of its own (Python, the classroom server) stops it through `stop` instead.
  bool handle_signals = true;
  std::stop_token stop;
  // Called after each replicate, from the worker that finished it, one call at a time.
  std::function<void(const Progress&)> progress;
  // An explicit block of the ensemble (--shard); without it, SLURM's array variables choose
  // one, and under MPI each rank runs its own.
  std::optional<output::Shard> shard;
};

enum class RunStatus {
  completed,         // the results file is written
  already_complete,  // --resume found this run's finished file: nothing was done
  interrupted,       // stopped; the finished replicates are in the partial file
  failed_elsewhere,  // another MPI rank failed; this rank's work is saved
};

struct RunOutcome {
  RunStatus status = RunStatus::completed;
  std::uint64_t events = 0;  // over every rank
  double seconds = 0;
  std::size_t saved = 0;          // replicates in the partial file when interrupted
  std::filesystem::path partial;  // where they are
  bool lead = true;               // rank 0: the one that reports
};

// Runs the plan into `output`. Throws sim::InputError for a contradictory request (a --shard
// under mpirun), output::OutputFileError when the output or its partial file cannot be used, and
// whatever a replicate throws. Collective under MPI: every rank calls it with the same plan.
RunOutcome run_ensemble(const scenarios::LoadedScenario& loaded, RunPlan& plan,
                        const std::filesystem::path& output, const World& world, const RunControl& control);

// The block SLURM's array variables assign (SLURM_ARRAY_TASK_ID, _COUNT, _MIN), if set; an
// input error when they are not numbers.
std::optional<output::Shard> shard_from_slurm();

}  // namespace primsim::ensemble
