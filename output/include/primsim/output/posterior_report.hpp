// What `primsim calibrate` prints and `primsim report POSTERIOR.h5` shows: the fit's
// generations, each parameter's posterior with its correlations, and the predictive checks of
// the published figures, fitted and never fitted.
#pragma once

#include <string>
#include <vector>

#include "primsim/output/posterior_file.hpp"

namespace primsim::output {

struct ParameterSummary {
  std::string name;
  double mean;
  double sd;
  double q05;
  double median;
  double q95;
};

// Weighted summaries of each parameter, in the posterior's order.
std::vector<ParameterSummary> summarise_parameters(const Posterior& posterior);
// Weighted Pearson correlation of parameters i and j.
double posterior_correlation(const Posterior& posterior, std::size_t i, std::size_t j);

std::string posterior_text(const Posterior& posterior);
std::string posterior_json(const Posterior& posterior);
// A self-contained page: a weighted histogram per parameter (ids "posterior-N") and the checks.
std::string posterior_html(const Posterior& posterior);

}  // namespace primsim::output
