// The piles of a transferable-vote count (IRV and STV): each ballot travels as parcels that sit
// with one hopeful candidate. A tie among hopefuls splits the parcel equally; when a share's
// candidate leaves the count, the share goes first to the tied candidates still hopeful, then on
// down the ballot.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/models/rules/profile.hpp"

namespace primsim::models::rules {

enum class CandidateState : std::uint8_t { hopeful, elected, eliminated };

class TransferCount {
 public:
  explicit TransferCount(const Profile& profile);

  [[nodiscard]] std::span<const double> totals() const { return totals_; }
  [[nodiscard]] double exhausted() const { return exhausted_; }
  [[nodiscard]] CandidateState state(CandidateIndex c) const { return state_[c]; }
  [[nodiscard]] std::size_t hopeful_count() const;
  // Sum of every ballot's value at the start: the valid (non-empty) votes.
  [[nodiscard]] double valid_votes() const { return valid_; }

  // Removes the candidate from the count and moves its parcels on at their current value.
  void eliminate(CandidateIndex candidate);
  // Marks the candidate elected; its parcels stay (they are its quota) until transfer_surplus.
  void elect(CandidateIndex candidate);
  // Weighted Inclusive Gregory: every parcel with the candidate moves on at
  // value * surplus / total, and the candidate keeps `keep` votes.
  void transfer_surplus(CandidateIndex candidate, double keep);

 private:
  struct Parcel {
    std::uint32_t ballot;
    std::uint32_t next;  // first entry of the tier the parcel was placed in
    double weight;       // value per voter of the entry
  };

  // Places the parcel with the first tier at or after parcel.next holding a hopeful.
  void place(Parcel parcel);
  void move_pile(CandidateIndex candidate, double factor);

  const Profile& profile_;
  std::vector<CandidateState> state_;
  std::vector<std::vector<Parcel>> piles_;
  std::vector<double> totals_;
  double exhausted_ = 0.0;
  double valid_ = 0.0;
  std::vector<CandidateIndex> scratch_;
};

}  // namespace primsim::models::rules
