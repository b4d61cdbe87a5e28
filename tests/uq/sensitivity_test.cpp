// Sensitivity estimators against closed forms: Sobol indices of the Ishigami and G functions,
// Morris effects of a linear model, and the dropping of blocks whose outputs are missing.
#include "primsim/uq/sensitivity.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/uq/design.hpp"

namespace primsim::uq {
namespace {

using Model = std::function<double(const std::vector<double>&)>;

std::vector<double> evaluate(const Design& design, const Model& model) {
  std::vector<double> outputs;
  outputs.reserve(design.points.size());
  for (const std::vector<double>& point : design.points) outputs.push_back(model(point));
  return outputs;
}

// Ishigami and Homma (1990) with inputs uniform on [-pi, pi].
constexpr double kIshigamiA = 7.0;
constexpr double kIshigamiB = 0.1;

double ishigami(const std::vector<double>& u) {
  const auto scale = [](double v) { return std::numbers::pi * (2.0 * v - 1.0); };
  const double x1 = scale(u[0]);
  const double x2 = scale(u[1]);
  const double x3 = scale(u[2]);
  return std::sin(x1) + kIshigamiA * std::sin(x2) * std::sin(x2) +
         kIshigamiB * std::pow(x3, 4) * std::sin(x1);
}

struct AnalyticIndices {
  std::vector<double> first, total;
};

AnalyticIndices ishigami_indices() {
  const double pi4 = std::pow(std::numbers::pi, 4);
  const double pi8 = pi4 * pi4;
  const double a = kIshigamiA;
  const double b = kIshigamiB;
  const double variance = a * a / 8.0 + b * pi4 / 5.0 + b * b * pi8 / 18.0 + 0.5;
  const double v1 = 0.5 * (1.0 + b * pi4 / 5.0) * (1.0 + b * pi4 / 5.0);
  const double v2 = a * a / 8.0;
  const double v13 = b * b * pi8 * 8.0 / 225.0;
  return {{v1 / variance, v2 / variance, 0.0}, {(v1 + v13) / variance, v2 / variance, v13 / variance}};
}

// Sobol's G function; a small a_i makes parameter i important.
constexpr std::array<double, 8> kGCoefficients = {0, 1, 4.5, 9, 99, 99, 99, 99};

double g_function(const std::vector<double>& u) {
  double product = 1.0;
  for (std::size_t i = 0; i < kGCoefficients.size(); ++i) {
    product *= (std::abs(4.0 * u[i] - 2.0) + kGCoefficients[i]) / (1.0 + kGCoefficients[i]);
  }
  return product;
}

AnalyticIndices g_function_indices() {
  std::vector<double> partial;
  double product = 1.0;
  for (const double a : kGCoefficients) {
    partial.push_back(1.0 / (3.0 * (1.0 + a) * (1.0 + a)));
    product *= 1.0 + partial.back();
  }
  const double variance = product - 1.0;
  AnalyticIndices indices;
  for (const double v : partial) {
    indices.first.push_back(v / variance);
    indices.total.push_back(v * (product / (1.0 + v)) / variance);
  }
  return indices;
}

// `tolerance` bounds the absolute error of each index; the bootstrap interval must also hold the
// truth. At N = 8192 the shifted Sobol design gives errors near 1e-3, so 0.01 leaves a wide margin
// while still failing for a wrong normalisation or a misplaced column.
void check_against(const SobolIndices& estimated, const AnalyticIndices& truth, double tolerance) {
  REQUIRE(estimated.first.size() == truth.first.size());
  for (std::size_t i = 0; i < truth.first.size(); ++i) {
    INFO("parameter " << i + 1);
    const IndexEstimate& first = estimated.first[i];
    const IndexEstimate& total = estimated.total[i];
    CHECK(std::abs(first.estimate - truth.first[i]) < tolerance);
    CHECK(std::abs(total.estimate - truth.total[i]) < tolerance);
    CHECK((first.low <= truth.first[i] && truth.first[i] <= first.high));
    CHECK((total.low <= truth.total[i] && truth.total[i] <= total.high));
  }
}

TEST_CASE("Sobol indices of the Ishigami function are within 0.01 at N = 8192", "[uq][sensitivity]") {
  const Design design = make_design(DesignKind::saltelli, 3, 8192, 1);
  const SobolIndices indices = sobol_indices(design, evaluate(design, ishigami), 500, 2);
  CHECK(indices.base_rows_used == 8192);
  check_against(indices, ishigami_indices(), 0.01);
}

TEST_CASE("Sobol indices of the G function are within 0.01 at N = 8192", "[uq][sensitivity]") {
  const Design design = make_design(DesignKind::saltelli, kGCoefficients.size(), 8192, 5);
  const SobolIndices indices = sobol_indices(design, evaluate(design, g_function), 500, 6);
  check_against(indices, g_function_indices(), 0.01);
}

TEST_CASE("Sobol intervals are reproducible from the bootstrap seed", "[uq][sensitivity]") {
  const Design design = make_design(DesignKind::saltelli, 3, 256, 1);
  const std::vector<double> outputs = evaluate(design, ishigami);
  const SobolIndices first = sobol_indices(design, outputs, 100, 9);
  const SobolIndices again = sobol_indices(design, outputs, 100, 9);
  const SobolIndices other = sobol_indices(design, outputs, 100, 10);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(first.total[i].low == again.total[i].low);
    CHECK(first.total[i].high == again.total[i].high);
    CHECK(first.total[i].estimate == other.total[i].estimate);
    CHECK(first.total[i].low != other.total[i].low);
  }
  const SobolIndices no_bootstrap = sobol_indices(design, outputs, 0, 9);
  CHECK(std::isnan(no_bootstrap.first[0].low));
  CHECK(std::isnan(no_bootstrap.first[0].high));
  CHECK(no_bootstrap.first[0].estimate == first.first[0].estimate);
}

TEST_CASE("a NaN output drops its base row block from the Sobol indices", "[uq][sensitivity]") {
  constexpr std::size_t kParameters = 3;
  constexpr std::size_t kBlock = kParameters + 2;
  const Design design = make_design(DesignKind::saltelli, kParameters, 64, 4);
  std::vector<double> outputs = evaluate(design, ishigami);
  outputs[5 * kBlock + 2] = std::numeric_limits<double>::quiet_NaN();
  const SobolIndices with_nan = sobol_indices(design, outputs, 50, 8);
  CHECK(with_nan.base_rows_used == 63);

  Design without = design;
  without.points.erase(without.points.begin() + 5 * kBlock, without.points.begin() + 6 * kBlock);
  std::vector<double> kept = outputs;
  kept.erase(kept.begin() + 5 * kBlock, kept.begin() + 6 * kBlock);
  const SobolIndices dropped = sobol_indices(without, kept, 50, 8);
  CHECK(dropped.base_rows_used == 63);
  for (std::size_t i = 0; i < kParameters; ++i) {
    CHECK(std::isfinite(with_nan.first[i].estimate));
    CHECK(with_nan.first[i].estimate == dropped.first[i].estimate);
    CHECK(with_nan.total[i].estimate == dropped.total[i].estimate);
    CHECK(with_nan.total[i].high == dropped.total[i].high);
  }
}

TEST_CASE("sensitivity estimators refuse the wrong design or output count", "[uq][sensitivity]") {
  const Design saltelli = make_design(DesignKind::saltelli, 3, 16, 1);
  const Design morris = make_design(DesignKind::morris, 3, 16, 1);
  const std::vector<double> saltelli_outputs(saltelli.points.size(), 1.0);
  const std::vector<double> morris_outputs(morris.points.size(), 1.0);
  CHECK_THROWS_AS(sobol_indices(morris, morris_outputs, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(morris_indices(saltelli, saltelli_outputs, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(sobol_indices(saltelli, morris_outputs, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(morris_indices(morris, saltelli_outputs, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(sobol_indices(saltelli, saltelli_outputs, 10, 1, 1.0), std::invalid_argument);
  // A constant model has no variance to apportion.
  CHECK(std::isnan(sobol_indices(saltelli, saltelli_outputs, 10, 1).first[0].estimate));
}

TEST_CASE("Morris effects of a linear model are its coefficients, with no spread", "[uq][sensitivity]") {
  const std::vector<double> coefficients = {3.0, -2.0, 0.5, 0.0, 10.0};
  const Model linear = [&coefficients](const std::vector<double>& u) {
    double sum = 0.0;
    for (std::size_t i = 0; i < coefficients.size(); ++i) sum += coefficients[i] * u[i];
    return sum;
  };
  for (const std::size_t levels : {std::size_t{4}, std::size_t{6}}) {
    const Design design = make_design(DesignKind::morris, coefficients.size(), 20, 3, levels);
    const MorrisIndices indices = morris_indices(design, evaluate(design, linear), 100, 4);
    CHECK(indices.trajectories_used == 20);
    for (std::size_t i = 0; i < coefficients.size(); ++i) {
      INFO(levels << " levels, parameter " << i);
      CHECK(std::abs(indices.mu_star[i].estimate - std::abs(coefficients[i])) < 1e-12);
      CHECK(std::abs(indices.mu[i].estimate - coefficients[i]) < 1e-12);
      CHECK(indices.sigma[i].estimate < 1e-12);
      CHECK(std::abs(indices.mu_star[i].low - std::abs(coefficients[i])) < 1e-12);
      CHECK(std::abs(indices.mu_star[i].high - std::abs(coefficients[i])) < 1e-12);
    }
  }
}

TEST_CASE("Morris mu* ranks the G function's parameters as their coefficients do", "[uq][sensitivity]") {
  const Design design = make_design(DesignKind::morris, kGCoefficients.size(), 50, 12);
  const MorrisIndices indices = morris_indices(design, evaluate(design, g_function), 200, 13);
  const auto& mu_star = indices.mu_star;
  CHECK(mu_star[0].estimate > mu_star[1].estimate);
  CHECK(mu_star[1].estimate > mu_star[2].estimate);
  CHECK(mu_star[2].estimate > mu_star[3].estimate);
  for (std::size_t i = 4; i < mu_star.size(); ++i) {
    INFO("parameter " << i);
    CHECK(mu_star[3].estimate > mu_star[i].estimate);
    CHECK(mu_star[i].low <= mu_star[i].estimate);
    CHECK(mu_star[i].estimate <= mu_star[i].high);
  }
  // The G function is non-additive, so the important parameters' effects vary.
  CHECK(indices.sigma[0].estimate > 0.0);
}

TEST_CASE("a NaN output drops its Morris trajectory", "[uq][sensitivity]") {
  constexpr std::size_t kParameters = 4;
  const Design design = make_design(DesignKind::morris, kParameters, 10, 21);
  const Model interacting = [](const std::vector<double>& u) {
    return u[0] * u[1] + std::sin(6.0 * u[2]) + u[3] * u[3];
  };
  std::vector<double> outputs = evaluate(design, interacting);
  outputs[3 * (kParameters + 1) + 4] = std::numeric_limits<double>::quiet_NaN();
  const MorrisIndices with_nan = morris_indices(design, outputs, 50, 22);
  CHECK(with_nan.trajectories_used == 9);

  Design without = design;
  const auto first = static_cast<std::ptrdiff_t>(3 * (kParameters + 1));
  const auto last = first + static_cast<std::ptrdiff_t>(kParameters + 1);
  without.points.erase(without.points.begin() + first, without.points.begin() + last);
  std::vector<double> kept = outputs;
  kept.erase(kept.begin() + first, kept.begin() + last);
  const MorrisIndices dropped = morris_indices(without, kept, 50, 22);
  for (std::size_t i = 0; i < kParameters; ++i) {
    CHECK(std::isfinite(with_nan.mu_star[i].estimate));
    CHECK(with_nan.mu_star[i].estimate == dropped.mu_star[i].estimate);
    CHECK(with_nan.sigma[i].estimate == dropped.sigma[i].estimate);
    CHECK(with_nan.mu[i].high == dropped.mu[i].high);
  }
}

}  // namespace
}  // namespace primsim::uq
