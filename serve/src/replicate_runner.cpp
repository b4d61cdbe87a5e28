// Runs a classroom job's replicates with primsim::ensemble, as `primsim run` does in one process,
// with the page's Cancel as the stop token and no signal handlers of its own.
#include "primsim/serve/replicate_runner.hpp"

#include <system_error>
#include <utility>

#include "primsim/ensemble/ensemble_run.hpp"
#include "primsim/ensemble/local_world.hpp"

namespace primsim::serve {

bool run_replicates(const scenarios::LoadedScenario& loaded, std::uint64_t seed, std::uint32_t replicates,
                    std::size_t threads, const std::filesystem::path& path, std::stop_token stop,
                    const std::function<void(JobProgress)>& progress, const std::string& command_line) {
  ensemble::RunPlan plan = ensemble::plan_run(loaded, seed, replicates, command_line);
  const ensemble::LocalWorld world;
  ensemble::RunControl control;
  control.threads = threads;
  control.quiet = true;
  control.handle_signals = false;
  control.stop = std::move(stop);
  if (progress) {
    control.progress = [&progress](const ensemble::Progress& done) { progress({done.done, done.total}); };
  }
  const ensemble::RunOutcome outcome = ensemble::run_ensemble(loaded, plan, path, world, control);
  if (outcome.status == ensemble::RunStatus::completed) return true;
  // A stopped run keeps its finished replicates in a partial file for --resume; the page never
  // resumes, so nothing of it may stay in the server's folder.
  std::error_code ignored;
  if (!outcome.partial.empty()) std::filesystem::remove(outcome.partial, ignored);
  return false;
}

}  // namespace primsim::serve
