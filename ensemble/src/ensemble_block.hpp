// One block of an ensemble run into one HDF5 file: what each process of a run does (the whole
// ensemble, a --shard or an MPI rank's block). Internal to the ensemble library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "primsim/ensemble/ensemble_run.hpp"

namespace primsim::ensemble {

struct BlockOutcome {
  std::uint64_t events = 0;
  bool interrupted = false;
  bool already_complete = false;  // a rank file of a run killed while rank 0 merged
  std::size_t saved = 0;          // replicates in the partial file when interrupted
};

// Runs the layout's block of the ensemble into `path`, with its partial file as the checkpoint,
// locked for the whole run (a second run on the same path is refused with OutputFileError).
// The run stops after the replicates in flight, which are saved, when `control.stop` is
// requested or, with `control.handle_signals`, on SIGINT, SIGTERM or SIGHUP. With
// `control.resume` and a finished `path`, checks that it is this run's (OutputFileError if not).
BlockOutcome run_ensemble_block(const scenarios::LoadedScenario& loaded, const RunPlan& plan,
                                const RunControl& control, const std::filesystem::path& path);

// What makes this run's results differ from another's (output/run_identity.hpp), without the
// shard: what --resume checks against a partial file and a finished results file.
std::string run_identity(const RunPlan& plan);

// Wall clock now, ISO 8601 UTC: the file's start_time and end_time.
std::string utc_now();

}  // namespace primsim::ensemble
