// The digitally shifted Sobol sequence behind the sobol and saltelli designs (internal to uq/).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace primsim::uq::detail {

// The first `count` points of the `dimensions`-dimensional Sobol sequence (Joe and Kuo's
// direction numbers, as Boost.Random tabulates them), starting at the point of index 0, with
// every coordinate's 32 bits XORed with a word drawn from `seed` and then taken at the centre of
// its 2^-32 cell. Throws std::invalid_argument beyond the tables' dimensions or 2^32 points.
std::vector<std::vector<double>> shifted_sobol_points(std::size_t dimensions, std::size_t count,
                                                      std::uint64_t seed);

}  // namespace primsim::uq::detail
