// Parcel placement and transfers for IRV and STV.
#include "transfer_count.hpp"

#include <algorithm>

namespace primsim::models::rules {

TransferCount::TransferCount(const Profile& profile)
    : profile_(profile),
      state_(profile.candidate_count(), CandidateState::hopeful),
      piles_(profile.candidate_count()),
      totals_(profile.candidate_count(), 0.0) {
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    if (ballot.is_empty()) continue;
    valid_ += static_cast<double>(ballot.count);
    place({static_cast<std::uint32_t>(b), 0, 1.0});
  }
  // Totals are summed per pile in parcel order; callers compare them with a tolerance, so the
  // last bits never decide a count.
}

std::size_t TransferCount::hopeful_count() const {
  return static_cast<std::size_t>(std::count(state_.begin(), state_.end(), CandidateState::hopeful));
}

void TransferCount::place(Parcel parcel) {
  const BallotView ballot = profile_.ballot(parcel.ballot);
  const double voters = static_cast<double>(ballot.count);
  std::size_t begin = parcel.next;
  while (begin < ballot.candidates.size()) {
    const std::size_t end = ballot.tier_end(begin);
    scratch_.clear();
    for (std::size_t i = begin; i < end; ++i) {
      if (state_[ballot.candidates[i]] == CandidateState::hopeful) scratch_.push_back(ballot.candidates[i]);
    }
    if (!scratch_.empty()) {
      const double share = parcel.weight / static_cast<double>(scratch_.size());
      for (const CandidateIndex c : scratch_) {
        piles_[c].push_back({parcel.ballot, static_cast<std::uint32_t>(begin), share});
        totals_[c] += share * voters;
      }
      return;
    }
    begin = end;
  }
  exhausted_ += parcel.weight * voters;
}

void TransferCount::move_pile(CandidateIndex candidate, double factor) {
  std::vector<Parcel> pile = std::move(piles_[candidate]);
  piles_[candidate].clear();
  for (Parcel parcel : pile) {
    parcel.weight *= factor;
    if (parcel.weight > 0.0) place(parcel);
  }
}

void TransferCount::eliminate(CandidateIndex candidate) {
  state_[candidate] = CandidateState::eliminated;
  totals_[candidate] = 0.0;
  move_pile(candidate, 1.0);
}

void TransferCount::elect(CandidateIndex candidate) { state_[candidate] = CandidateState::elected; }

void TransferCount::transfer_surplus(CandidateIndex candidate, double keep) {
  const double total = totals_[candidate];
  if (total <= keep) return;
  totals_[candidate] = keep;
  move_pile(candidate, (total - keep) / total);
}

}  // namespace primsim::models::rules
