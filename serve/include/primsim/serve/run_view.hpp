// What the classroom page shows of one finished run, as JSON: the list as it came out and why
// each candidate is on it, the funnel, turnout, the list by region and by age band against the
// membership, and a per-office table of who was selected. The scenario's own categories only.
#pragma once

#include <nlohmann/json.hpp>

#include "primsim/models/spec/scenario_spec.hpp"
#include "primsim/output/run_file.hpp"

namespace primsim::serve {

// The first party's results: the list of the first replicate, every other view over all
// replicates of the file (each replicate's value, so that the page draws the ensemble's band).
nlohmann::json run_view(const output::RunFile& run, const models::spec::ScenarioSpec& scenario);

// The headline statistics of `changed` against `baseline`, paired replicate by replicate when
// both ran with the same seed (common random numbers): what `primsim compare --json` prints.
nlohmann::json comparison_view(const output::RunFile& baseline, const output::RunFile& changed);

}  // namespace primsim::serve
