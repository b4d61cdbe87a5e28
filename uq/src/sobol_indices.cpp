// Sobol first-order and total indices from a Saltelli design, with SALib's normalisation so that
// results can be checked against it, and a bootstrap over base rows, the independent units.
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "primsim/uq/sensitivity.hpp"
#include "sensitivity_bootstrap.hpp"

namespace primsim::uq {
namespace {

constexpr sim::RandomPurpose kSobolBootstrapPurpose = 0x736f'626f'6c69'0002ULL;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The centred outputs of the base rows used, split as SALib's separate_output_values does.
struct SaltelliOutputs {
  std::size_t parameters = 0;
  std::vector<double> a, b;
  std::vector<double> ab;  // row j, parameter i at j * parameters + i
};

struct SobolSummary {
  std::vector<double> first, total;
};

SaltelliOutputs split_outputs(std::size_t k, std::span<const double> outputs) {
  const std::size_t block = k + 2;
  SaltelliOutputs split{k, {}, {}, {}};
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t first = 0; first < outputs.size(); first += block) {
    const std::span<const double> rows = outputs.subspan(first, block);
    bool finite = true;
    for (const double y : rows) finite = finite && std::isfinite(y);
    if (!finite) continue;
    split.a.push_back(rows[0]);
    for (std::size_t i = 0; i < k; ++i) split.ab.push_back(rows[1 + i]);
    split.b.push_back(rows[k + 1]);
    for (const double y : rows) sum += y;
    count += block;
  }
  // SALib standardises the outputs first; the scale cancels in every ratio but the centring
  // does not in the first-order numerator, and centring lowers its variance, so it is kept.
  if (count > 0) {
    const double mean = sum / static_cast<double>(count);
    for (double& y : split.a) y -= mean;
    for (double& y : split.b) y -= mean;
    for (double& y : split.ab) y -= mean;
  }
  return split;
}

// Indices over the base rows listed in `rows` (repeats allowed).
SobolSummary estimate(const SaltelliOutputs& y, const std::vector<std::size_t>& rows) {
  const std::size_t k = y.parameters;
  SobolSummary summary{std::vector<double>(k, kNaN), std::vector<double>(k, kNaN)};
  if (rows.empty()) return summary;
  const auto n = static_cast<double>(rows.size());
  // np.var(np.r_[A, B]): population variance of the 2n values together.
  double sum = 0.0;
  for (const std::size_t j : rows) sum += y.a[j] + y.b[j];
  const double mean = sum / (2.0 * n);
  double squares = 0.0;
  for (const std::size_t j : rows) {
    squares += (y.a[j] - mean) * (y.a[j] - mean) + (y.b[j] - mean) * (y.b[j] - mean);
  }
  const double variance = squares / (2.0 * n);
  for (std::size_t i = 0; i < k; ++i) {
    double first = 0.0;
    double total = 0.0;
    for (const std::size_t j : rows) {
      const double ab = y.ab[j * k + i];
      first += y.b[j] * (ab - y.a[j]);
      total += (y.a[j] - ab) * (y.a[j] - ab);
    }
    // A constant output has no variance to apportion: the indices are NaN, not infinite.
    summary.first[i] = variance > 0.0 ? first / n / variance : kNaN;
    summary.total[i] = variance > 0.0 ? 0.5 * total / n / variance : kNaN;
  }
  return summary;
}

}  // namespace

SobolIndices sobol_indices(const Design& saltelli_design, std::span<const double> outputs,
                           std::size_t bootstrap, std::uint64_t seed, double confidence) {
  const Design& design = saltelli_design;
  if (design.kind != DesignKind::saltelli) {
    throw std::invalid_argument(
        fmt::format("Sobol indices need a saltelli design, not a {} design", design_name(design.kind)));
  }
  detail::check_confidence(confidence);
  const std::size_t k = design.parameters;
  if (k == 0 || design.points.size() % (k + 2) != 0 || outputs.size() != design.points.size()) {
    throw std::invalid_argument(
        fmt::format("a Saltelli design of {} points on {} parameters needs as many outputs, not {}",
                    design.points.size(), k, outputs.size()));
  }

  const SaltelliOutputs y = split_outputs(k, outputs);
  const std::size_t used = y.a.size();
  std::vector<std::size_t> all(used);
  for (std::size_t j = 0; j < used; ++j) all[j] = j;
  const SobolSummary point = estimate(y, all);

  const std::size_t resamples = used >= 2 ? bootstrap : 0;
  std::vector<SobolSummary> replicates;
  replicates.reserve(resamples);
  for (std::size_t b = 0; b < resamples; ++b) {
    replicates.push_back(estimate(y, detail::resample_rows(used, b, seed, kSobolBootstrapPurpose)));
  }

  SobolIndices indices{{}, {}, used};
  const auto interval = [&](double value, std::vector<double> SobolSummary::*field, std::size_t i) {
    std::vector<double> values;
    values.reserve(replicates.size());
    for (const SobolSummary& replicate : replicates) values.push_back((replicate.*field)[i]);
    return detail::percentile_interval(value, std::move(values), confidence);
  };
  for (std::size_t i = 0; i < k; ++i) {
    indices.first.push_back(interval(point.first[i], &SobolSummary::first, i));
    indices.total.push_back(interval(point.total[i], &SobolSummary::total, i));
  }
  return indices;
}

}  // namespace primsim::uq
