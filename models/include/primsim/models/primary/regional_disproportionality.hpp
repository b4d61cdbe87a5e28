// Loosemore-Hanby disproportionality of a list's places by region against the selectorate, and
// the two benchmarks it is read against: a proportional apportionment and a random draw.
#pragma once

#include <cstdint>
#include <vector>

namespace primsim::models {

// Half the sum of the absolute differences between each region's share of the places and its
// share of the selectorate. `centre` places (appointees) count as a region of no members.
double loosemore_hanby(const std::vector<std::int64_t>& places, std::int64_t centre,
                       const std::vector<std::int64_t>& selectorate);

// The index for a largest-remainders (Hare) apportionment of `places`; NaN without places.
double proportional_benchmark(std::int64_t places, const std::vector<std::int64_t>& selectorate);

// The index's expectation when each of `places` goes to a region drawn in proportion to the
// selectorate. A region's count is then binomial, and de Moivre's closed form of a binomial's
// mean absolute deviation gives each region's term exactly, in constant time rather than as a sum
// over every possible count. NaN without places or selectorate.
double random_benchmark(std::int64_t places, const std::vector<std::int64_t>& selectorate);

}  // namespace primsim::models
