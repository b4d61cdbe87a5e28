// Experimental designs on the unit cube, each reproducible from its seed alone so that a study
// can be rerun or extended from its recorded arguments.
#include "primsim/uq/design.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "primsim/sim/name_spelling.hpp"
#include "primsim/sim/random_stream.hpp"
#include "sobol_sequence.hpp"

namespace primsim::uq {
namespace {

constexpr std::array<std::string_view, 5> kNames = {"lhs", "sobol", "saltelli", "morris", "grid"};

// Purposes keep each design's streams apart from the others' under one seed.
constexpr sim::RandomPurpose kLhsPurpose = 0x6c68'7300'0000'0001ULL;
constexpr sim::RandomPurpose kMorrisPurpose = 0x6d6f'7272'6973'0001ULL;

// A grid is meant for a handful of parameters; beyond this it is a mistake, not a study.
constexpr std::size_t kMaxGridPoints = 100000;

std::size_t checked_product(std::size_t a, std::size_t b, DesignKind kind) {
  if (b != 0 && a > std::numeric_limits<std::size_t>::max() / b) {
    throw std::invalid_argument(
        fmt::format("a {} design of that size has too many points to count", design_name(kind)));
  }
  return a * b;
}

// Uniform on (0, 1) exclusive: the 53-bit draw is taken at the centre of its cell.
double open_uniform(sim::RandomStream& stream) {
  return (static_cast<double>(stream.next_u64() >> 11U) + 0.5) * 0x1.0p-53;
}

// Fisher-Yates with the stream's unbiased integers, so the permutation does not depend on the
// standard library's std::shuffle.
std::vector<std::size_t> random_permutation(std::size_t n, sim::RandomStream& stream) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) {
    const auto j = static_cast<std::size_t>(stream.uniform_index(i));
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

std::vector<std::vector<double>> latin_hypercube(std::size_t parameters, std::size_t samples,
                                                 std::uint64_t seed) {
  std::vector<std::vector<double>> points(samples, std::vector<double>(parameters));
  const auto strata = static_cast<double>(samples);
  constexpr double kBelowOne = 1.0 - 0x1.0p-53;
  for (std::size_t d = 0; d < parameters; ++d) {
    sim::RandomStream stream({seed, 0, d, kLhsPurpose});
    const std::vector<std::size_t> stratum = random_permutation(samples, stream);
    for (std::size_t row = 0; row < samples; ++row) {
      const double u = (static_cast<double>(stratum[row]) + open_uniform(stream)) / strata;
      // The sum rounds up to the next stratum's edge only for a draw within 2^-53 of it.
      points[row][d] = std::min(u, kBelowOne);
    }
  }
  return points;
}

std::vector<std::vector<double>> saltelli(std::size_t parameters, std::size_t base_rows, std::uint64_t seed) {
  const std::vector<std::vector<double>> base = detail::shifted_sobol_points(2 * parameters, base_rows, seed);
  std::vector<std::vector<double>> points;
  points.reserve(base_rows * (parameters + 2));
  for (const std::vector<double>& row : base) {
    const std::vector<double> a(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(parameters));
    const std::vector<double> b(row.begin() + static_cast<std::ptrdiff_t>(parameters), row.end());
    points.push_back(a);
    for (std::size_t i = 0; i < parameters; ++i) {
      std::vector<double>& ab = points.emplace_back(a);
      ab[i] = b[i];
    }
    points.push_back(b);
  }
  return points;
}

// Morris (1991) trajectories in the form B* = (J x* + (Delta/2)((2B - J) D* + J)) P*: a base
// point x* on the lower half of the levels, a random direction per parameter (D*) and a random
// order of moves (P*). With p even and Delta = p / (2 (p - 1)) in Morris's [0, 1] level grid,
// a move is p/2 levels, which on the equiprobable levels (j + 0.5) / p is exactly 0.5.
std::vector<std::vector<double>> morris(std::size_t parameters, std::size_t trajectories, std::size_t levels,
                                        std::uint64_t seed) {
  const std::size_t half = levels / 2;
  std::vector<std::vector<double>> points;
  points.reserve(trajectories * (parameters + 1));
  std::vector<double> lower(parameters);
  std::vector<double> upper(parameters);
  std::vector<bool> up(parameters);
  for (std::size_t t = 0; t < trajectories; ++t) {
    sim::RandomStream stream({seed, 0, t, kMorrisPurpose});
    for (std::size_t i = 0; i < parameters; ++i) {
      const auto level = static_cast<double>(stream.uniform_index(half));
      // The upper value is computed first and the lower one from it by an exact subtraction
      // (Sterbenz), so that a move is 0.5 to the last bit and not merely to rounding.
      upper[i] = (level + 0.5) / static_cast<double>(levels) + 0.5;
      lower[i] = upper[i] - 0.5;
      up[i] = stream.bernoulli(0.5);
    }
    const std::vector<std::size_t> order = random_permutation(parameters, stream);
    std::vector<double> point(parameters);
    for (std::size_t i = 0; i < parameters; ++i) point[i] = up[i] ? lower[i] : upper[i];
    points.push_back(point);
    for (const std::size_t i : order) {
      point[i] = up[i] ? upper[i] : lower[i];
      points.push_back(point);
    }
  }
  return points;
}

std::vector<std::vector<double>> grid(std::size_t parameters, std::size_t levels, std::size_t count) {
  std::vector<std::vector<double>> points(count, std::vector<double>(parameters));
  for (std::size_t row = 0; row < count; ++row) {
    std::size_t rest = row;
    for (std::size_t d = parameters; d-- > 0;) {
      points[row][d] = (static_cast<double>(rest % levels) + 0.5) / static_cast<double>(levels);
      rest /= levels;
    }
  }
  return points;
}

}  // namespace

std::string_view design_name(DesignKind kind) { return kNames.at(static_cast<std::size_t>(kind)); }

std::optional<DesignKind> parse_design(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (sim::same_name(name, kNames[i])) return static_cast<DesignKind>(i);
  }
  return std::nullopt;
}

std::size_t design_size(DesignKind kind, std::size_t parameters, std::size_t samples) {
  if (parameters == 0)
    throw std::invalid_argument(fmt::format("a {} design needs parameters", design_name(kind)));
  if (samples == 0) throw std::invalid_argument(fmt::format("a {} design needs samples", design_name(kind)));
  switch (kind) {
    case DesignKind::lhs:
    case DesignKind::sobol:
      return samples;
    case DesignKind::saltelli:
      return checked_product(samples, parameters + 2, kind);
    case DesignKind::morris:
      return checked_product(samples, parameters + 1, kind);
    case DesignKind::grid: {
      std::size_t count = 1;
      for (std::size_t d = 0; d < parameters; ++d) {
        count = samples > kMaxGridPoints ? kMaxGridPoints + 1 : count * samples;
        if (count > kMaxGridPoints) {
          throw std::invalid_argument(
              fmt::format("a grid of {} levels on {} parameters has more than {} points; use fewer levels or "
                          "parameters, or a sampling design (lhs, sobol)",
                          samples, parameters, kMaxGridPoints));
        }
      }
      return count;
    }
  }
  throw std::invalid_argument("unknown design kind");
}

Design make_design(DesignKind kind, std::size_t parameters, std::size_t samples, std::uint64_t seed,
                   std::size_t morris_levels) {
  const std::size_t size = design_size(kind, parameters, samples);
  Design design{kind, parameters, samples, 4, {}};
  switch (kind) {
    case DesignKind::lhs:
      design.points = latin_hypercube(parameters, samples, seed);
      break;
    case DesignKind::sobol:
      design.points = detail::shifted_sobol_points(parameters, samples, seed);
      break;
    case DesignKind::saltelli:
      design.points = saltelli(parameters, samples, seed);
      break;
    case DesignKind::morris:
      if (morris_levels < 2 || morris_levels % 2 != 0) {
        throw std::invalid_argument(fmt::format(
            "Morris levels must be even and at least 2 (a move is half the levels), not {}", morris_levels));
      }
      design.levels = morris_levels;
      design.points = morris(parameters, samples, morris_levels, seed);
      break;
    case DesignKind::grid:
      design.points = grid(parameters, samples, size);
      break;
  }
  return design;
}

}  // namespace primsim::uq
