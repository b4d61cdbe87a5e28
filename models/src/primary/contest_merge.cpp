// Size-free merging of contests: rank, scaled share, or apportionment by membership.
#include "primsim/models/primary/contest_merge.hpp"

#include <algorithm>
#include <numeric>

namespace primsim::models {
namespace {

bool better_by_rank(const MergeEntry& a, const MergeEntry& b) {
  if (a.contest_rank != b.contest_rank) return a.contest_rank < b.contest_rank;
  if (a.scaled_share != b.scaled_share) return a.scaled_share > b.scaled_share;
  return a.key < b.key;
}

bool better_by_scaled_share(const MergeEntry& a, const MergeEntry& b) {
  if (a.scaled_share != b.scaled_share) return a.scaled_share > b.scaled_share;
  if (a.contest_rank != b.contest_rank) return a.contest_rank < b.contest_rank;
  return a.key < b.key;
}

// Sainte-Lague between units: the next place goes to the unit with the largest
// weight / (2 * taken + 1), compared by cross-multiplication, ties to the lower unit. Sainte-Lague
// rather than largest remainders because its sequence is house-monotone: every prefix of the
// merged ranking is itself an apportionment, whatever number of places a later stage fills.
std::vector<std::size_t> apportioned_order(std::span<const MergeEntry> entries,
                                           std::span<const std::int64_t> unit_weights,
                                           const std::vector<std::size_t>& by_rank) {
  std::size_t units = unit_weights.size();
  for (const auto& entry : entries) units = std::max(units, entry.unit + 1);
  std::vector<std::vector<std::size_t>> queue(units);
  for (const std::size_t i : by_rank) queue[entries[i].unit].push_back(i);
  // Products of members (below 2^31) and places (below 2^21) stay exact in a double.
  const auto weight = [&](std::size_t u) -> double {
    return u < unit_weights.size() ? static_cast<double>(std::max<std::int64_t>(0, unit_weights[u])) : 0.0;
  };
  std::vector<std::size_t> taken(units, 0);
  std::vector<std::size_t> order;
  order.reserve(entries.size());
  while (order.size() < entries.size()) {
    std::size_t best = units;
    for (std::size_t u = 0; u < units; ++u) {
      if (taken[u] == queue[u].size()) continue;
      if (best == units) {
        best = u;
        continue;
      }
      const double lhs = weight(u) * static_cast<double>(2 * taken[best] + 1);
      const double rhs = weight(best) * static_cast<double>(2 * taken[u] + 1);
      if (lhs > rhs) best = u;
    }
    if (weight(best) == 0.0) {
      // Only units without members are left: they follow in rank order.
      std::vector<std::size_t> rest;
      for (std::size_t u = 0; u < units; ++u)
        rest.insert(rest.end(), queue[u].begin() + static_cast<std::ptrdiff_t>(taken[u]), queue[u].end());
      std::sort(rest.begin(), rest.end(),
                [&](std::size_t a, std::size_t b) { return better_by_rank(entries[a], entries[b]); });
      order.insert(order.end(), rest.begin(), rest.end());
      break;
    }
    order.push_back(queue[best][taken[best]++]);
  }
  return order;
}

}  // namespace

std::vector<std::size_t> merge_order(std::span<const MergeEntry> entries, spec::MergeRule rule,
                                     std::span<const std::int64_t> unit_weights) {
  std::vector<std::size_t> order(entries.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto by = [&](auto better) {
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return better(entries[a], entries[b]); });
  };
  switch (rule) {
    case spec::MergeRule::scaled_share:
      by(better_by_scaled_share);
      return order;
    case spec::MergeRule::rank:
      by(better_by_rank);
      return order;
    case spec::MergeRule::apportioned:
      by(better_by_rank);
      return apportioned_order(entries, unit_weights, order);
  }
  return order;
}

}  // namespace primsim::models
