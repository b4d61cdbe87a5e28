// Sensitivity estimators over the outputs of a design: Morris screening and Sobol indices, each
// with bootstrap percentile intervals, so a report can say how sure an index is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/uq/design.hpp"

namespace primsim::uq {

struct IndexEstimate {
  double estimate;
  // Bootstrap percentile interval; NaN when there are no resamples or too few rows to resample.
  double low;
  double high;
};

struct MorrisIndices {
  // Per parameter, in the design's order: mean elementary effect, mean absolute elementary
  // effect (Campolongo et al. 2007) and the sample standard deviation of the effects.
  std::vector<IndexEstimate> mu, mu_star, sigma;
  std::size_t trajectories_used = 0;
};

// Elementary effects (y(after) - y(before)) / (x_i(after) - x_i(before)) on the unit cube, from
// a morris design and outputs[r] = the model at design.points[r]. A trajectory with a NaN or
// infinite output is left out entirely; `bootstrap` resamples of the trajectories used give the
// intervals at `confidence`. Throws std::invalid_argument for another design kind, a size
// mismatch or a confidence outside (0, 1).
MorrisIndices morris_indices(const Design& design, std::span<const double> outputs, std::size_t bootstrap,
                             std::uint64_t seed, double confidence = 0.95);

struct SobolIndices {
  // Per parameter: first-order (Saltelli et al. 2010) and total (Jansen 1999) indices.
  std::vector<IndexEstimate> first, total;
  std::size_t base_rows_used = 0;
};

// Sobol indices from a saltelli design, normalised as SALib's sobol.analyze does: outputs are
// centred on their mean, V is the population variance of f(A) and f(B) together,
// S_i = mean(f(B) (f(AB_i) - f(A))) / V and ST_i = mean((f(A) - f(AB_i))^2) / (2 V). A base row
// whose block holds a NaN or infinite output is left out entirely; intervals come from
// `bootstrap` resamples of the base rows used. Throws as morris_indices() does.
SobolIndices sobol_indices(const Design& saltelli_design, std::span<const double> outputs,
                           std::size_t bootstrap, std::uint64_t seed, double confidence = 0.95);

}  // namespace primsim::uq
