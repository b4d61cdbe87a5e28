// The file `primsim calibrate` writes and `run --posterior` and `report` read: weighted posterior
// samples of the priors' parameters, each generation of the fit, and the predictive checks of
// the targets, fitted and never fitted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace primsim::output {

struct PosteriorGeneration {
  std::uint32_t generation = 0;
  double epsilon = 0;  // ABC tolerance, or history matching's implausibility cut
  std::uint64_t simulated = 0;
  std::uint64_t accepted = 0;
  double acceptance_rate = 0;
  double effective_sample_size = 0;
  std::uint8_t complete = 1;  // 0: cut short by the stop; never the posterior
};

// A target set beside the model run over the posterior: `role` 0 for a calibration target (the
// fit saw it when `fitted` is 1), 1 for a validation target (never fitted).
struct PredictiveCheck {
  std::uint16_t check = 0;  // /meta/checks: the target's label
  std::uint8_t role = 0;
  std::uint8_t fitted = 0;
  double published = 0;  // the value, or the bound of an at_least / at_most target
  double tolerance = 0;
  std::uint8_t bound = 0;  // 0 equal, 1 at_least, 2 at_most
  double mean = 0;         // over the posterior predictive replicates
  double low = 0;          // 5th and 95th percentiles of them
  double high = 0;
  std::uint8_t inside = 0;  // the mean within the tolerance, or the bound met
};

struct Posterior {
  std::string method;  // abc-smc, rejection or history-matching
  std::string scenario_name;
  std::string scenario_yaml;
  std::string command_line;
  std::string program_version;
  std::string stop_reason;
  std::uint64_t seed = 0;
  std::uint64_t budget = 0;
  std::uint64_t simulations = 0;
  double wall_seconds = 0;
  std::vector<std::string> parameter_names;  // key paths, the priors' order
  std::vector<std::string> statistic_names;  // the fitted targets' labels
  std::vector<std::vector<double>> samples;  // [sample][parameter]
  std::vector<double> weights;               // sum to 1
  std::vector<double> distances;
  std::vector<std::vector<double>> statistics;  // [sample][fitted target]
  std::vector<PosteriorGeneration> generations;
  std::vector<std::string> check_names;
  std::vector<PredictiveCheck> checks;
};

// Writes through a temporary file renamed into place, so `path` is either complete or absent.
void write_posterior(const std::filesystem::path& path, const Posterior& posterior);

// Throws OutputFileError for a missing or damaged file, or one that is not a posterior.
Posterior read_posterior(const std::filesystem::path& path);

}  // namespace primsim::output
