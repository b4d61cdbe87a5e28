// Exact accumulation of scores that split a ballot equally among tied candidates: integer sums
// per (candidate, tie size) are divided only at the end, so a total never depends on the order
// in which ballots were added (floating-point sums would).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "primsim/models/rules/profile.hpp"

namespace primsim::models::rules {

class FractionalTally {
 public:
  explicit FractionalTally(std::size_t candidates)
      : candidates_(candidates), sums_(candidates * (candidates + 1), 0), everyone_(candidates + 1, 0) {}

  // Adds numerator / denominator to the candidate's score; denominator in [1, candidates].
  void add(CandidateIndex candidate, std::uint64_t numerator, std::size_t denominator) {
    sums_[candidate * (candidates_ + 1) + denominator] += numerator;
  }

  // Adds numerator / denominator to every candidate's score: O(1) where a loop over the
  // candidates would cost O(n) per ballot.
  void add_to_everyone(std::uint64_t numerator, std::size_t denominator) {
    everyone_[denominator] += numerator;
  }

  // Takes back from one candidate what add_to_everyone gave it. Each final sum is a true
  // non-negative total, so wrapping below zero in between is harmless: unsigned arithmetic is
  // modulo 2^64 and the result is exact once everything is added.
  void take_back(CandidateIndex candidate, std::uint64_t numerator, std::size_t denominator) {
    sums_[candidate * (candidates_ + 1) + denominator] -= numerator;
  }

  [[nodiscard]] std::vector<double> scores() const {
    std::vector<double> result(candidates_, 0.0);
    for (std::size_t c = 0; c < candidates_; ++c) {
      for (std::size_t d = 1; d <= candidates_; ++d) {
        const std::uint64_t sum = sums_[c * (candidates_ + 1) + d] + everyone_[d];
        if (sum != 0) result[c] += static_cast<double>(sum) / static_cast<double>(d);
      }
    }
    return result;
  }

 private:
  std::size_t candidates_;
  std::vector<std::uint64_t> sums_;
  std::vector<std::uint64_t> everyone_;  // per denominator, given to every candidate
};

}  // namespace primsim::models::rules
