// Experimental designs on the unit cube: where a sensitivity study or a sweep runs the model.
// Points are probabilities, not parameter values, so a prior's quantile maps them to the model's
// scale and an unbounded prior is never asked for its 0 or 1 quantile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace primsim::uq {

enum class DesignKind { lhs, sobol, saltelli, morris, grid };

// The names a scenario or the command line writes, in the order of DesignKind.
std::string_view design_name(DesignKind kind);
std::optional<DesignKind> parse_design(std::string_view name);

struct Design {
  DesignKind kind = DesignKind::lhs;
  std::size_t parameters = 0;
  // As asked: points for lhs and sobol, base rows for saltelli, trajectories for morris, levels
  // per axis for grid. design_size() says how many points that makes.
  std::size_t samples = 0;
  // Morris levels p; kept at the default by the other kinds.
  std::size_t levels = 4;
  // One row per point, `parameters` coordinates each, every one strictly inside (0, 1).
  std::vector<std::vector<double>> points;
};

// Row layouts, which the estimators in sensitivity.hpp rely on:
//  - lhs: N points, one in each of N equal strata of every axis.
//  - sobol: the first N points of a Sobol sequence under a random digital shift.
//  - saltelli: for each base row j = 0..N-1, the block A_j, AB_j^(1)..AB_j^(k), B_j, where A and
//    B are the first and last k columns of a 2k-dimensional shifted Sobol sequence and AB^(i) is
//    A with column i from B: N (k + 2) points, in SALib's order without second-order rows.
//  - morris: trajectory t occupies rows t (k + 1) .. t (k + 1) + k; consecutive rows of a
//    trajectory differ in one coordinate, by exactly 0.5, and each parameter moves once. Points
//    lie on the p equiprobable levels (j + 0.5) / p.
//  - grid: all `samples`^k points with coordinates (j + 0.5) / samples, the first parameter
//    varying slowest.
// Deterministic for a given seed. Throws std::invalid_argument for no parameters, no samples,
// Morris levels that are odd or below 2, a grid of more than 100000 points, or more dimensions
// than the Sobol tables hold.
Design make_design(DesignKind kind, std::size_t parameters, std::size_t samples, std::uint64_t seed,
                   std::size_t morris_levels = 4);

// The number of points make_design() returns for these arguments; throws as it does for sizes.
std::size_t design_size(DesignKind kind, std::size_t parameters, std::size_t samples);

}  // namespace primsim::uq
