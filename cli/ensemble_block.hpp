// One block of an ensemble run into one HDF5 file: what `primsim run` does in each process (the
// whole ensemble, a --shard or an MPI rank's block), and what bench/primsim-ensemble measures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "primsim/models/results/result_sink.hpp"
#include "primsim/output/ensemble_layout.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "replicate_parameters.hpp"

namespace primsim::cli {

struct BlockSettings {
  std::size_t threads = 0;  // 0: every core
  bool resume = false;      // continue from `path`.partial
  bool quiet = false;
  bool show_progress = false;
  // The scenario's own values unless set; the identity of a resumed run includes where the
  // parameters come from (`identity`, e.g. the design and its seed).
  const ReplicateParameters* parameters = nullptr;
  std::string parameters_identity;
};

struct BlockOutcome {
  std::uint64_t events = 0;
  bool interrupted = false;
  bool already_complete = false;  // a rank file of a run killed while rank 0 merged
  std::size_t saved = 0;          // replicates in the partial file when interrupted
};

// Runs the layout's block of the ensemble into `path`, with `path`.partial as the checkpoint,
// locked for the whole run (a second run on the same path is refused with OutputFileError).
// SIGINT, SIGTERM and SIGHUP stop it after the replicates in flight, which are saved. With
// `resume` and a finished `path`, checks that it is this run's (OutputFileError if not).
BlockOutcome run_ensemble_block(const BlockSettings& settings, const scenarios::LoadedScenario& loaded,
                                const models::results::RunInfo& info, const output::EnsembleLayout& layout,
                                const std::filesystem::path& path);

// What makes this run's results differ from another's (output/run_identity.hpp), without the
// shard: what --resume checks against a partial file and a finished results file.
std::string run_identity(const BlockSettings& settings, const models::results::RunInfo& info,
                         const output::EnsembleLayout& layout);

// What the file's root attributes and /meta say about a run of `loaded`, before it starts.
models::results::RunInfo make_run_info(const scenarios::LoadedScenario& loaded, std::uint64_t seed,
                                       std::uint32_t replicates, const std::string& command_line);

// The layout of `replicates` per point of the scenario's sweep grid (one point without a sweep).
output::EnsembleLayout make_layout(const scenarios::LoadedScenario& loaded, std::uint32_t replicates);

}  // namespace primsim::cli
