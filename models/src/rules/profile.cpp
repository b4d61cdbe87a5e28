// Profile storage and the checks that keep every stored ballot a valid weak order.
#include "primsim/models/rules/profile.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace primsim::models::rules {

Profile::Profile(std::size_t candidate_count) : candidate_count_(candidate_count) {
  if (candidate_count == 0 || candidate_count > std::numeric_limits<CandidateIndex>::max()) {
    throw std::invalid_argument(fmt::format("a profile needs 1 to {} candidates, got {}",
                                            std::numeric_limits<CandidateIndex>::max(), candidate_count));
  }
  names_.reserve(candidate_count);
  for (std::size_t i = 0; i < candidate_count; ++i) names_.push_back(fmt::format("{}", i + 1));
  strict_flags_.assign(candidate_count, 1);
}

void Profile::store_tier_flags() {
  tier_start_.assign(candidates_.size(), 1);
  stores_tier_flags_ = true;
}

void Profile::store_offsets() {
  offsets_.clear();
  offsets_.reserve(ballots_ + 1);
  for (std::size_t b = 0; b <= ballots_; ++b)
    offsets_.push_back(static_cast<std::uint32_t>(b * uniform_length_));
  stores_offsets_ = true;
}

void Profile::store_counts() {
  counts_.assign(ballots_, 1);
  stores_counts_ = true;
}

void Profile::add_ranking(std::span<const CandidateIndex> order, std::uint64_t count) {
  // Simulated electorates add hundreds of thousands of short rankings: no allocation per ballot.
  constexpr std::size_t kOnStack = 64;
  if (order.size() <= kOnStack) {
    std::array<std::uint8_t, kOnStack> starts{};
    std::fill_n(starts.begin(), order.size(), std::uint8_t{1});
    add_ballot(order, std::span<const std::uint8_t>(starts.data(), order.size()), count);
    return;
  }
  const std::vector<std::uint8_t> starts(order.size(), 1);
  add_ballot(order, starts, count);
}

void Profile::add_tiered_ranking(const std::vector<std::vector<CandidateIndex>>& tiers, std::uint64_t count) {
  std::vector<CandidateIndex> candidates;
  std::vector<std::uint8_t> starts;
  for (const auto& tier : tiers) {
    for (std::size_t i = 0; i < tier.size(); ++i) {
      candidates.push_back(tier[i]);
      starts.push_back(i == 0 ? 1 : 0);
    }
  }
  add_ballot(candidates, starts, count);
}

void Profile::add_ballot(std::span<const CandidateIndex> candidates, std::span<const std::uint8_t> tier_start,
                         std::uint64_t count) {
  // Programming errors, not user input: readers check files and report positions themselves.
  if (candidates.size() != tier_start.size())
    throw std::invalid_argument("tier flags do not match candidates");
  if (!candidates.empty() && tier_start[0] == 0) throw std::invalid_argument("a ballot must open a tier");
  if (candidates.size() > candidate_count_) throw std::invalid_argument("a ballot lists a candidate twice");
  for (const CandidateIndex candidate : candidates) {
    if (candidate >= candidate_count_) {
      throw std::invalid_argument(
          fmt::format("candidate {} is not in a {}-candidate profile", candidate, candidate_count_));
    }
  }
  // Short ballots (the common case) are checked pairwise, without allocating.
  constexpr std::size_t kPairwiseUpTo = 16;
  if (candidates.size() <= kPairwiseUpTo) {
    for (std::size_t i = 1; i < candidates.size(); ++i) {
      if (std::find(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(i), candidates[i]) !=
          candidates.begin() + static_cast<std::ptrdiff_t>(i)) {
        throw std::invalid_argument(fmt::format("candidate {} listed twice", candidates[i]));
      }
    }
  } else {
    std::vector<bool> seen(candidate_count_, false);
    for (const CandidateIndex candidate : candidates) {
      if (seen[candidate]) throw std::invalid_argument(fmt::format("candidate {} listed twice", candidate));
      seen[candidate] = true;
    }
  }
  if (candidates_.size() + candidates.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a profile holds at most 2^32 - 1 ballot entries");
  }
  const bool strict =
      std::all_of(tier_start.begin(), tier_start.end(), [](std::uint8_t s) { return s != 0; });
  if (!strict && !stores_tier_flags_) store_tier_flags();
  if (ballots_ == 0) uniform_length_ = candidates.size();
  if (candidates.size() != uniform_length_ && !stores_offsets_) store_offsets();
  if (count != 1 && !stores_counts_) store_counts();

  candidates_.insert(candidates_.end(), candidates.begin(), candidates.end());
  if (stores_tier_flags_) {
    for (const std::uint8_t start : tier_start) tier_start_.push_back(start != 0 ? 1 : 0);
  }
  if (stores_offsets_) offsets_.push_back(static_cast<std::uint32_t>(candidates_.size()));
  if (stores_counts_) counts_.push_back(count);
  ++ballots_;
  voter_count_ += count;
}

BallotView Profile::ballot(std::size_t index) const {
  const std::size_t begin = stores_offsets_ ? offsets_[index] : index * uniform_length_;
  const std::size_t size = stores_offsets_ ? offsets_[index + 1] - begin : uniform_length_;
  const std::span<const std::uint8_t> flags =
      stores_tier_flags_ ? std::span<const std::uint8_t>(tier_start_).subspan(begin, size)
                         : std::span<const std::uint8_t>(strict_flags_).first(size);
  return {std::span<const CandidateIndex>(candidates_).subspan(begin, size), flags,
          stores_counts_ ? counts_[index] : 1};
}

void Profile::set_candidate_names(std::vector<std::string> names) {
  if (names.size() != candidate_count_) throw std::invalid_argument("one name per candidate is needed");
  names_ = std::move(names);
}

void Profile::reserve(std::size_t ballots, std::size_t entries) {
  candidates_.reserve(entries);
  // The implied arrays grow only if a ballot breaks their pattern.
  static_cast<void>(ballots);
}

}  // namespace primsim::models::rules
