// The classroom's way of running replicates: one ensemble run into one results file, with the
// machinery `primsim run` uses, stoppable by the page's Cancel.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>

#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/serve/job_queue.hpp"

namespace primsim::serve {

// Runs `replicates` of `loaded` with `seed` into `path`. Returns false when `stop` ended it
// early (no results file then).
bool run_replicates(const scenarios::LoadedScenario& loaded, std::uint64_t seed, std::uint32_t replicates,
                    std::size_t threads, const std::filesystem::path& path, std::stop_token stop,
                    const std::function<void(JobProgress)>& progress, const std::string& command_line);

}  // namespace primsim::serve
