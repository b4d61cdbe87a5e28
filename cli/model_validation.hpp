// `primsim validate --model`: runs a scenario's ensemble in memory and sets its calibration and
// validation targets beside what the model gives, with the cumulative turnout of each voting day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace primsim::cli {

struct ModelValidationOptions {
  std::string file;
  std::vector<std::string> overrides;
  std::optional<std::int64_t> replicates;  // default: ensemble.replicates
  std::optional<std::uint64_t> seed;       // default: ensemble.seed
  std::size_t threads = 0;                 // 0: every core
  bool json = false;
  bool strict = false;  // a calibration target missed is exit status 1
};

// Prints the tables (or one JSON document) on stdout; returns the exit status. Throws
// scenarios::ScenarioError or sim::InputError on bad input.
int validate_model(const ModelValidationOptions& options);

}  // namespace primsim::cli
