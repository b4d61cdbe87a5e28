// Sobol points under a random digital shift: randomised so that replicate designs differ and
// bootstrap intervals mean something, while keeping the sequence's stratification.
//
// The randomisation is a digital shift (one random 32-bit word per dimension, XORed into every
// point), not Owen's nested scrambling. XOR with a fixed word permutes, for each m, the 2^m
// dyadic intervals of length 2^-m among themselves (the first m bits of the word decide where
// interval b goes, whatever the lower bits are), so every elementary interval of a (t, m, s)-net
// is mapped onto an elementary interval of the same shape: the shifted points are still a net
// and each 1-D projection of the first 2^m points still hits each of the 2^m intervals once.
// What the shift does not give is Owen's variance reduction for smooth integrands, which a
// sensitivity study at a few thousand rows does not need.
#include "sobol_sequence.hpp"

#include <limits>
#include <stdexcept>

#include <fmt/format.h>
#include <boost/random/sobol.hpp>

#include "primsim/sim/random_stream.hpp"

namespace primsim::uq::detail {
namespace {

// Keeps the shift's stream apart from any other stream keyed by the same seed.
constexpr sim::RandomPurpose kSobolShiftPurpose = 0x756f'626f'6c73'6869ULL;

using SobolEngine = boost::random::sobol_engine<std::uint32_t, 32U>;

double cell_centre(std::uint32_t bits) { return (static_cast<double>(bits) + 0.5) * 0x1.0p-32; }

}  // namespace

std::vector<std::vector<double>> shifted_sobol_points(std::size_t dimensions, std::size_t count,
                                                      std::uint64_t seed) {
  constexpr std::size_t kMaxDimensions = boost::random::default_sobol_table::max_dimension;
  if (dimensions == 0 || dimensions > kMaxDimensions) {
    throw std::invalid_argument(fmt::format("a Sobol sequence has 1 to {} dimensions, and {} were asked for",
                                            kMaxDimensions, dimensions));
  }
  constexpr std::size_t kMaxPoints = std::size_t{1} << 32U;
  if (count > kMaxPoints) {
    throw std::invalid_argument(fmt::format(
        "a 32-bit Sobol sequence has at most {} points, and {} were asked for", kMaxPoints, count));
  }

  sim::RandomStream stream({seed, 0, dimensions, kSobolShiftPurpose});
  std::vector<std::uint32_t> shift(dimensions);
  for (std::uint32_t& word : shift) word = static_cast<std::uint32_t>(stream.next_u64() >> 32U);

  std::vector<std::vector<double>> points;
  points.reserve(count);
  if (count == 0) return points;
  // Boost's engine starts at the sequence's second point; the first is the origin, which the
  // net property counts on, so it is written here.
  std::vector<double>& origin = points.emplace_back(dimensions);
  for (std::size_t d = 0; d < dimensions; ++d) origin[d] = cell_centre(shift[d]);
  SobolEngine engine(dimensions);
  while (points.size() < count) {
    std::vector<double>& point = points.emplace_back(dimensions);
    for (std::size_t d = 0; d < dimensions; ++d) point[d] = cell_centre(engine() ^ shift[d]);
  }
  return points;
}

}  // namespace primsim::uq::detail
