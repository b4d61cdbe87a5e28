// A voting profile: many ballots, each a ranking that may tie candidates and stop early, stored
// flat (one array of candidates for all ballots) so a million 20-candidate ballots stay compact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace primsim::models::rules {

// Index of a candidate within one contest, 0-based. 16 bits keeps large profiles small.
using CandidateIndex = std::uint16_t;

// One ballot as stored: candidates best first; tier_start[i] is 1 where a new preference level
// begins, so {1,{2,3},4} is candidates 1,2,3,4 with tier_start 1,1,0,1. Unlisted candidates
// are ranked below every listed one and tied among themselves.
struct BallotView {
  std::span<const CandidateIndex> candidates;
  std::span<const std::uint8_t> tier_start;
  std::uint64_t count = 1;

  [[nodiscard]] bool is_empty() const { return candidates.empty(); }
  // End (exclusive) of the tier that begins at `begin`.
  [[nodiscard]] std::size_t tier_end(std::size_t begin) const {
    std::size_t end = begin + 1;
    while (end < candidates.size() && tier_start[end] == 0) ++end;
    return end;
  }
};

class Profile {
 public:
  explicit Profile(std::size_t candidate_count);

  // Adds `count` voters who rank `order` strictly, best first; an order may stop early.
  void add_ranking(std::span<const CandidateIndex> order, std::uint64_t count = 1);
  // Adds `count` voters whose ranking has tiers of equally preferred candidates, best first.
  void add_tiered_ranking(const std::vector<std::vector<CandidateIndex>>& tiers, std::uint64_t count = 1);
  // Low-level form used by readers: candidates with their tier-start flags (first flag is 1).
  void add_ballot(std::span<const CandidateIndex> candidates, std::span<const std::uint8_t> tier_start,
                  std::uint64_t count);

  [[nodiscard]] std::size_t candidate_count() const { return candidate_count_; }
  // Distinct ballot entries (a PrefLib line with its multiplicity is one entry).
  [[nodiscard]] std::size_t ballot_count() const { return ballots_; }
  // Voters: the sum of every entry's count.
  [[nodiscard]] std::uint64_t voter_count() const { return voter_count_; }
  [[nodiscard]] BallotView ballot(std::size_t index) const;

  [[nodiscard]] const std::vector<std::string>& candidate_names() const { return names_; }
  void set_candidate_names(std::vector<std::string> names);

  void reserve(std::size_t ballots, std::size_t entries);

 private:
  // A simulated electorate casts millions of strict rankings of one length, each by one voter:
  // until a ballot breaks one of those patterns, its tier flags, offsets and counts are implied
  // rather than stored, so such a ballot costs only its candidates.
  void store_tier_flags();
  void store_offsets();
  void store_counts();

  std::size_t candidate_count_;
  std::uint64_t voter_count_ = 0;
  std::size_t ballots_ = 0;
  std::vector<CandidateIndex> candidates_;
  bool stores_tier_flags_ = false;  // else every ballot is strict
  std::vector<std::uint8_t> tier_start_;
  bool stores_offsets_ = false;  // else every ballot has uniform_length_ entries
  std::vector<std::uint32_t> offsets_;
  std::size_t uniform_length_ = 0;
  bool stores_counts_ = false;  // else every ballot has a count of 1
  std::vector<std::uint64_t> counts_;
  std::vector<std::uint8_t> strict_flags_;  // all 1: the tier flags of a strict ballot
  std::vector<std::string> names_;
};

}  // namespace primsim::models::rules
