// The order of a region's first attempts.
#include "primsim/models/primary/first_attempt.hpp"

#include <algorithm>

#include <boost/sort/spreadsort/integer_sort.hpp>

namespace primsim::models {

void sort_first_attempts(std::vector<FirstAttempt>& attempts, sim::SimTime earliest) {
  const auto earlier = [](const FirstAttempt& a, const FirstAttempt& b) {
    return a.at < b.at || (a.at == b.at && a.member < b.member);
  };
  sim::SimTime latest = earliest;
  for (const FirstAttempt& first : attempts) latest = std::max(latest, first.at);
  if ((latest - earliest).count() >= (std::int64_t{1} << 32)) {
    std::sort(attempts.begin(), attempts.end(), earlier);
    return;
  }
  // Seconds after `earliest` and the member fit one 64-bit key that orders as `earlier` does, and
  // no two attempts share a key, so spreadsort (radix passes on the key) gives the comparison
  // sort's order in fewer passes over the 10^5 to 10^6 attempts.
  const auto key_bits = [earliest](const FirstAttempt& first, unsigned shift) {
    const auto seconds = static_cast<std::uint64_t>((first.at - earliest).count());
    return ((seconds << 32U) | first.member) >> shift;
  };
  boost::sort::spreadsort::integer_sort(attempts.begin(), attempts.end(), key_bits, earlier);
}

}  // namespace primsim::models
