// Loosemore-Hanby and its proportional and random benchmarks.
#include "primsim/models/primary/regional_disproportionality.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/binomial.hpp>

#include "primsim/models/rules/seat_allocation.hpp"

namespace primsim::models {

double loosemore_hanby(const std::vector<std::int64_t>& places, std::int64_t centre,
                       const std::vector<std::int64_t>& selectorate) {
  std::int64_t total_places = centre;
  std::int64_t total_selectorate = 0;
  for (const auto p : places) total_places += p;
  for (const auto e : selectorate) total_selectorate += e;
  if (total_places <= 0 || total_selectorate <= 0) return std::nan("");
  double lh = static_cast<double>(centre) / static_cast<double>(total_places);
  for (std::size_t r = 0; r < places.size(); ++r) {
    lh += std::abs(static_cast<double>(places[r]) / static_cast<double>(total_places) -
                   static_cast<double>(selectorate[r]) / static_cast<double>(total_selectorate));
  }
  return lh / 2.0;
}

double proportional_benchmark(std::int64_t places, const std::vector<std::int64_t>& selectorate) {
  if (places <= 0) return std::nan("");
  std::vector<std::uint64_t> votes;
  for (const auto e : selectorate) votes.push_back(static_cast<std::uint64_t>(std::max<std::int64_t>(0, e)));
  rules::AllocationOptions options;
  options.method = rules::AllocationMethod::hare;
  options.seats = static_cast<std::uint64_t>(places);
  const auto allocation = rules::allocate_seats(votes, options);
  std::vector<std::int64_t> given;
  for (const auto seats : allocation.seats) given.push_back(static_cast<std::int64_t>(seats));
  return loosemore_hanby(given, 0, selectorate);
}

double random_benchmark(std::int64_t places, const std::vector<std::int64_t>& selectorate) {
  std::int64_t total = 0;
  for (const auto e : selectorate) total += e;
  if (places <= 0 || total <= 0) return std::nan("");
  const auto n = static_cast<double>(places);
  double lh = 0;
  for (const auto e : selectorate) {
    const double p = static_cast<double>(e) / static_cast<double>(total);
    // de Moivre: E|X - np| = 2 v (1 - p) P(X = v) for X ~ Binomial(n, p), v = floor(np) + 1
    // (Diaconis and Zabell, "Closed form summation for classical distributions", 1991).
    const double v = std::floor(n * p) + 1.0;
    if (v > n || p <= 0.0) continue;  // p = 1 or p = 0: the region's count is certain
    const boost::math::binomial binomial(n, p);
    lh += 2.0 * v * (1.0 - p) * boost::math::pdf(binomial, v) / n;
  }
  return lh / 2.0;
}

}  // namespace primsim::models
