// Bootstrap resampling and percentile intervals shared by the sensitivity estimators (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "primsim/sim/random_stream.hpp"
#include "primsim/uq/sensitivity.hpp"

namespace primsim::uq::detail {

// Throws std::invalid_argument unless 0 < confidence < 1.
void check_confidence(double confidence);

// Resample number `resample` of `rows` rows: `rows` indices drawn with replacement from a stream
// keyed by (seed, resample, purpose), so each resample is the same whatever else is drawn.
std::vector<std::size_t> resample_rows(std::size_t rows, std::size_t resample, std::uint64_t seed,
                                       sim::RandomPurpose purpose);

// The estimate with the central `confidence` share of the replicates as its interval, by linear
// interpolation between order statistics (Hyndman and Fan's type 7, NumPy's default). The
// interval is NaN when there are no replicates or any of them is NaN, since an interval that
// silently ignored undefined resamples would claim more than it knows.
IndexEstimate percentile_interval(double estimate, std::vector<double> replicates, double confidence);

}  // namespace primsim::uq::detail
