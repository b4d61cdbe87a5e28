// Runs a classroom job's replicates through the ensemble block that `primsim run` uses.
#include "primsim/serve/replicate_runner.hpp"

#include "ensemble_block.hpp"

namespace primsim::serve {

bool run_replicates(const scenarios::LoadedScenario& loaded, std::uint64_t seed, std::uint32_t replicates,
                    std::size_t threads, const std::filesystem::path& path, std::stop_token stop,
                    const std::function<void(JobProgress)>& progress, const std::string& command_line) {
  if (stop.stop_requested()) return false;
  cli::BlockSettings settings;
  settings.threads = threads;
  settings.quiet = true;
  const auto info = cli::make_run_info(loaded, seed, replicates, command_line);
  const auto layout = cli::make_layout(loaded, replicates);
  const cli::BlockOutcome outcome = cli::run_ensemble_block(settings, loaded, info, layout, path);
  if (progress) progress({replicates, replicates});
  return !outcome.interrupted && !stop.stop_requested();
}

}  // namespace primsim::serve
