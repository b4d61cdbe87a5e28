// Designs against the properties their estimators rely on: strata, nets, Saltelli's column swaps,
// Morris's one-at-a-time moves, the grid's order, and reproducibility from the seed.
#include "primsim/uq/design.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

namespace primsim::uq {
namespace {

// The stratum of u among `count` equal intervals of (0, 1).
std::size_t stratum(double u, std::size_t count) {
  return static_cast<std::size_t>(std::floor(u * static_cast<double>(count)));
}

bool strictly_inside(const Design& design) {
  for (const std::vector<double>& point : design.points) {
    if (point.size() != design.parameters) return false;
    for (const double u : point) {
      if (!(u > 0.0 && u < 1.0)) return false;
    }
  }
  return true;
}

TEST_CASE("design names round-trip and unknown names are refused", "[uq][design]") {
  for (const DesignKind kind :
       {DesignKind::lhs, DesignKind::sobol, DesignKind::saltelli, DesignKind::morris, DesignKind::grid}) {
    CHECK(parse_design(design_name(kind)) == kind);
  }
  CHECK(design_name(DesignKind::saltelli) == "saltelli");
  CHECK_FALSE(parse_design("latin").has_value());
  CHECK_FALSE(parse_design("").has_value());
}

TEST_CASE("design sizes follow each scheme", "[uq][design]") {
  CHECK(design_size(DesignKind::lhs, 7, 100) == 100);
  CHECK(design_size(DesignKind::sobol, 7, 128) == 128);
  CHECK(design_size(DesignKind::saltelli, 7, 128) == 1152);
  CHECK(design_size(DesignKind::morris, 7, 10) == 80);
  CHECK(design_size(DesignKind::grid, 3, 5) == 125);
  CHECK(make_design(DesignKind::saltelli, 3, 16, 1).points.size() == 80);
  CHECK(make_design(DesignKind::morris, 3, 5, 1).points.size() == 20);
}

TEST_CASE("invalid design arguments are refused", "[uq][design]") {
  CHECK_THROWS_AS(make_design(DesignKind::lhs, 0, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(make_design(DesignKind::sobol, 3, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(make_design(DesignKind::morris, 3, 10, 1, 3), std::invalid_argument);
  CHECK_THROWS_AS(make_design(DesignKind::morris, 3, 10, 1, 0), std::invalid_argument);
  CHECK_THROWS_AS(design_size(DesignKind::saltelli, 0, 10), std::invalid_argument);
  CHECK_THROWS_WITH(make_design(DesignKind::grid, 6, 10, 1), Catch::Contains("more than 100000 points"));
  CHECK_THROWS_AS(design_size(DesignKind::grid, 2, 1000), std::invalid_argument);
  CHECK_NOTHROW(make_design(DesignKind::grid, 5, 10, 1));
}

TEST_CASE("a Latin hypercube has one point in each stratum of every axis", "[uq][design]") {
  constexpr std::size_t kSamples = 200;
  const Design design = make_design(DesignKind::lhs, 6, kSamples, 42);
  REQUIRE(design.points.size() == kSamples);
  CHECK(strictly_inside(design));
  for (std::size_t d = 0; d < design.parameters; ++d) {
    std::vector<int> hits(kSamples, 0);
    for (const std::vector<double>& point : design.points) ++hits[stratum(point[d], kSamples)];
    for (std::size_t s = 0; s < kSamples; ++s) {
      INFO("dimension " << d << ", stratum " << s);
      CHECK(hits[s] == 1);
    }
  }
}

TEST_CASE("shifted Sobol points stay stratified in every 1-D projection", "[uq][design]") {
  constexpr std::size_t kPoints = 1024;
  const Design design = make_design(DesignKind::sobol, 12, kPoints, 7);
  REQUIRE(design.points.size() == kPoints);
  CHECK(strictly_inside(design));
  for (std::size_t m = 0; (std::size_t{1} << m) <= kPoints; ++m) {
    const std::size_t count = std::size_t{1} << m;
    for (std::size_t d = 0; d < design.parameters; ++d) {
      std::vector<int> hits(count, 0);
      for (std::size_t r = 0; r < count; ++r) ++hits[stratum(design.points[r][d], count)];
      INFO("2^" << m << " points, dimension " << d);
      CHECK(std::count(hits.begin(), hits.end(), 1) == static_cast<std::ptrdiff_t>(count));
    }
  }
}

TEST_CASE("the first two shifted Sobol dimensions remain a (0, m, 2)-net", "[uq][design]") {
  // The unshifted pair is a (0, 2)-sequence; a digital shift must keep every elementary box of
  // area 2^-m holding exactly one of the first 2^m points.
  constexpr std::size_t kM = 8;
  constexpr std::size_t kPoints = std::size_t{1} << kM;
  const Design design = make_design(DesignKind::sobol, 2, kPoints, 99);
  for (std::size_t bits_x = 0; bits_x <= kM; ++bits_x) {
    const std::size_t nx = std::size_t{1} << bits_x;
    const std::size_t ny = std::size_t{1} << (kM - bits_x);
    std::vector<int> hits(kPoints, 0);
    for (const std::vector<double>& point : design.points)
      ++hits[stratum(point[0], nx) * ny + stratum(point[1], ny)];
    INFO("boxes " << nx << " x " << ny);
    CHECK(std::count(hits.begin(), hits.end(), 1) == static_cast<std::ptrdiff_t>(kPoints));
  }
}

TEST_CASE("Saltelli blocks swap one column of A for B's", "[uq][design]") {
  constexpr std::size_t kParameters = 4;
  constexpr std::size_t kBase = 64;
  const Design design = make_design(DesignKind::saltelli, kParameters, kBase, 3);
  REQUIRE(design.points.size() == kBase * (kParameters + 2));
  CHECK(strictly_inside(design));
  for (std::size_t j = 0; j < kBase; ++j) {
    const std::size_t first = j * (kParameters + 2);
    const std::vector<double>& a = design.points[first];
    const std::vector<double>& b = design.points[first + kParameters + 1];
    for (std::size_t i = 0; i < kParameters; ++i) {
      const std::vector<double>& ab = design.points[first + 1 + i];
      for (std::size_t c = 0; c < kParameters; ++c) {
        INFO("base row " << j << ", AB_" << i << ", column " << c);
        CHECK(ab[c] == (c == i ? b[c] : a[c]));
      }
      CHECK(a[i] != b[i]);
    }
  }
}

TEST_CASE("Morris trajectories move one parameter at a time by exactly 0.5", "[uq][design]") {
  constexpr std::size_t kParameters = 5;
  constexpr std::size_t kTrajectories = 30;
  for (const std::size_t levels : {std::size_t{2}, std::size_t{4}, std::size_t{6}, std::size_t{10}}) {
    const Design design = make_design(DesignKind::morris, kParameters, kTrajectories, 11, levels);
    INFO(levels << " levels");
    CHECK(design.levels == levels);
    REQUIRE(design.points.size() == kTrajectories * (kParameters + 1));
    CHECK(strictly_inside(design));
    for (const std::vector<double>& point : design.points) {
      for (const double u : point) {
        const double level = u * static_cast<double>(levels) - 0.5;
        CHECK(level == Approx(std::round(level)).margin(1e-12));
      }
    }
    for (std::size_t t = 0; t < kTrajectories; ++t) {
      std::vector<int> moves(kParameters, 0);
      for (std::size_t r = t * (kParameters + 1) + 1; r <= t * (kParameters + 1) + kParameters; ++r) {
        int changed = 0;
        for (std::size_t i = 0; i < kParameters; ++i) {
          const double step = design.points[r][i] - design.points[r - 1][i];
          if (step == 0.0) continue;
          ++changed;
          ++moves[i];
          CHECK(std::abs(step) == 0.5);
        }
        CHECK(changed == 1);
      }
      CHECK(std::count(moves.begin(), moves.end(), 1) == static_cast<std::ptrdiff_t>(kParameters));
    }
  }
}

TEST_CASE("a grid is the full factorial with the first parameter slowest", "[uq][design]") {
  const Design design = make_design(DesignKind::grid, 3, 3, 0);
  REQUIRE(design.points.size() == 27);
  CHECK(strictly_inside(design));
  const double level[] = {1.0 / 6.0, 0.5, 5.0 / 6.0};
  for (std::size_t r = 0; r < 27; ++r) {
    CHECK(design.points[r][0] == Approx(level[r / 9]));
    CHECK(design.points[r][1] == Approx(level[(r / 3) % 3]));
    CHECK(design.points[r][2] == Approx(level[r % 3]));
  }
}

TEST_CASE("a design is a function of its seed", "[uq][design]") {
  for (const DesignKind kind :
       {DesignKind::lhs, DesignKind::sobol, DesignKind::saltelli, DesignKind::morris}) {
    INFO(design_name(kind));
    const Design first = make_design(kind, 4, 32, 2024);
    const Design again = make_design(kind, 4, 32, 2024);
    const Design other = make_design(kind, 4, 32, 2025);
    CHECK(first.points == again.points);
    CHECK(first.points != other.points);
  }
  CHECK(make_design(DesignKind::grid, 2, 4, 1).points == make_design(DesignKind::grid, 2, 4, 2).points);
}

}  // namespace
}  // namespace primsim::uq
