// STV: Droop quota, Weighted Inclusive Gregory surplus transfers, elimination of the lowest.
#include "primsim/models/rules/single_transferable_vote.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "count_tolerance.hpp"
#include "transfer_count.hpp"

namespace primsim::models::rules {

double droop_quota(double valid_votes, std::size_t seats) {
  return std::floor(valid_votes / static_cast<double>(seats + 1)) + 1.0;
}

namespace {

// One count: the transfers, plus the order in which candidates were elected and eliminated.
class StvCount {
 public:
  StvCount(const Profile& profile, std::size_t seats, const TieBreak& tie_break)
      : n_(profile.candidate_count()),
        seats_(seats),
        precedence_(tie_break.precedence(n_)),
        count_(profile),
        quota_(droop_quota(count_.valid_votes(), seats_)),
        scores_(n_, 0.0) {}

  TallyResult run() {
    for (round_ = 1; elected_.size() < seats_; ++round_) {
      std::vector<CandidateIndex> hopeful = hopefuls();
      if (hopeful.size() + elected_.size() <= seats_) {
        for (const CandidateIndex c : hopeful) elect(c);
        break;
      }
      if (elect_reaching_quota(hopeful)) continue;
      if (!pending_.empty()) {
        transfer_largest_surplus();
        continue;
      }
      eliminate_lowest(hopeful);
    }
    return result();
  }

 private:
  [[nodiscard]] bool better(CandidateIndex a, CandidateIndex b) const {
    const auto totals = count_.totals();
    if (!nearly_equal(totals[a], totals[b])) return totals[a] > totals[b];
    return precedence_[a] < precedence_[b];
  }

  [[nodiscard]] std::vector<CandidateIndex> hopefuls() const {
    std::vector<CandidateIndex> result;
    for (std::size_t c = 0; c < n_; ++c) {
      if (count_.state(static_cast<CandidateIndex>(c)) == CandidateState::hopeful) {
        result.push_back(static_cast<CandidateIndex>(c));
      }
    }
    std::sort(result.begin(), result.end(),
              [this](CandidateIndex a, CandidateIndex b) { return better(a, b); });  // most votes first
    return result;
  }

  void elect(CandidateIndex c) {
    count_.elect(c);
    scores_[c] = count_.totals()[c];
    elected_.push_back(c);
  }

  // Everyone at or above the quota is elected, largest total first.
  bool elect_reaching_quota(const std::vector<CandidateIndex>& hopeful) {
    bool any = false;
    for (const CandidateIndex c : hopeful) {
      const double total = count_.totals()[c];
      if ((total >= quota_ || nearly_equal(total, quota_)) && elected_.size() < seats_) {
        elect(c);
        pending_.push_back(c);
        any = true;
      }
    }
    return any;
  }

  // The largest surplus moves first; `pending_` holds candidates in election order.
  void transfer_largest_surplus() {
    auto largest = pending_.begin();
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      const double a = count_.totals()[*it];
      const double b = count_.totals()[*largest];
      if (!nearly_equal(a, b) ? a > b : precedence_[*it] < precedence_[*largest]) largest = it;
    }
    const CandidateIndex c = *largest;
    pending_.erase(largest);
    count_.transfer_surplus(c, quota_);
  }

  // `hopeful` is sorted most votes first.
  void eliminate_lowest(const std::vector<CandidateIndex>& hopeful) {
    const double lowest = count_.totals()[hopeful.back()];
    std::vector<CandidateIndex> tied;
    for (const CandidateIndex c : hopeful) {
      if (nearly_equal(count_.totals()[c], lowest)) tied.push_back(c);
    }
    const CandidateIndex loser = TieBreak::disfavoured(tied, precedence_);
    if (tied.size() > 1) {
      // Listed as the tie break ranks them: the eliminated candidate last.
      std::sort(tied.begin(), tied.end(),
                [this](CandidateIndex a, CandidateIndex b) { return precedence_[a] < precedence_[b]; });
      ties_.push_back({round_, tied, lowest});
    }
    scores_[loser] = count_.totals()[loser];
    eliminated_.push_back(loser);
    count_.eliminate(loser);
  }

  TallyResult result() {
    std::vector<CandidateIndex> order = elected_;
    for (const CandidateIndex c : hopefuls()) {
      scores_[c] = count_.totals()[c];
      order.push_back(c);
    }
    order.insert(order.end(), eliminated_.rbegin(), eliminated_.rend());
    TallyResult result = result_from_order(std::move(scores_), std::move(order), elected_.size());
    result.ties = std::move(ties_);
    return result;
  }

  std::size_t n_;
  std::size_t seats_;
  std::vector<std::uint32_t> precedence_;
  TransferCount count_;
  double quota_;
  std::vector<double> scores_;
  std::vector<CandidateIndex> elected_;
  std::vector<CandidateIndex> eliminated_;
  std::vector<TieNote> ties_;
  std::size_t round_ = 0;  // stages of the count: an election, a transfer or an elimination each
  std::vector<CandidateIndex> pending_;  // elected, surplus not yet transferred
};

}  // namespace

TallyResult single_transferable_vote(const Profile& profile, std::size_t seats, const TieBreak& tie_break) {
  return StvCount(profile, std::min(seats, profile.candidate_count()), tie_break).run();
}

}  // namespace primsim::models::rules
