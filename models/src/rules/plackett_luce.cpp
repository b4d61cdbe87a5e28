// Hunter's MM iteration for Plackett-Luce, O(ballot entries) per iteration via prefix sums.
#include "primsim/models/rules/plackett_luce.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace primsim::models::rules {
namespace {

// Stages a ballot contributes: its strict prefix, minus a final stage with one candidate left.
std::size_t stage_count(const BallotView& ballot, std::size_t n) {
  std::size_t strict = 0;
  while (strict < ballot.candidates.size() && ballot.tier_end(strict) == strict + 1) ++strict;
  return std::min(strict, n - 1);
}

// w_k: stages at which k is chosen, voter-weighted.
std::vector<double> chosen_counts(const Profile& profile) {
  const std::size_t n = profile.candidate_count();
  std::vector<double> chosen(n, 0.0);
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    const std::size_t stages = stage_count(ballot, n);
    for (std::size_t i = 0; i < stages; ++i)
      chosen[ballot.candidates[i]] += static_cast<double>(ballot.count);
  }
  return chosen;
}

// The MM denominators and the log-likelihood at given worths, in one pass over the ballots.
// The buffers are kept across iterations.
class DenominatorPass {
 public:
  explicit DenominatorPass(std::size_t n) : denominator_(n) {}

  void run(const Profile& profile, const std::vector<double>& worths) {
    std::fill(denominator_.begin(), denominator_.end(), 0.0);
    every_ = 0.0;
    log_likelihood_ = 0.0;
    for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
      const BallotView ballot = profile.ballot(b);
      const std::size_t stages = stage_count(ballot, profile.candidate_count());
      if (stages == 0) continue;
      add_ballot(ballot, stages, worths);
    }
  }
  [[nodiscard]] double denominator(std::size_t k) const { return denominator_[k] + every_; }
  [[nodiscard]] double log_likelihood() const { return log_likelihood_; }

 private:
  void add_ballot(const BallotView& ballot, std::size_t stages, const std::vector<double>& worths) {
    const auto voters = static_cast<double>(ballot.count);
    const double total = 1.0;  // worths are kept normalised
    prefix_.resize(stages);
    double remaining = total;
    double running = 0.0;
    for (std::size_t i = 0; i < stages; ++i) {
      const double worth = worths[ballot.candidates[i]];
      remaining = std::max(remaining, worth);  // rounding must not leave less than the chosen
      running += 1.0 / remaining;
      prefix_[i] = running;
      log_likelihood_ += voters * (std::log(worth) - std::log(remaining));
      remaining -= worth;
    }
    // A candidate chosen at stage l was at risk in stages 0..l; every other in all stages.
    every_ += voters * prefix_[stages - 1];
    for (std::size_t i = 0; i < stages; ++i) {
      denominator_[ballot.candidates[i]] += voters * (prefix_[i] - prefix_[stages - 1]);
    }
  }

  std::vector<double> denominator_;
  std::vector<double> prefix_;
  double every_ = 0.0;  // the part of the denominator shared by all still-unchosen candidates
  double log_likelihood_ = 0.0;
};

// Replaces `worths` by the normalised MM update; true once no worth moved by more than
// `tolerance` times the largest.
bool mm_update(std::vector<double>& worths, const std::vector<double>& chosen, const DenominatorPass& pass,
               double tolerance) {
  const std::size_t n = worths.size();
  std::vector<double> next(n);
  double sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const double d = pass.denominator(k);
    next[k] = d > 0.0 ? chosen[k] / d : worths[k];
    sum += next[k];
  }
  double change = 0.0;
  double largest = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    next[k] /= sum;
    change = std::max(change, std::abs(next[k] - worths[k]));
    largest = std::max(largest, next[k]);
  }
  worths = std::move(next);
  return change <= tolerance * largest;
}

double log_likelihood(const Profile& profile, const std::vector<double>& worths) {
  const std::size_t n = profile.candidate_count();
  double result = 0.0;
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    const std::size_t stages = stage_count(ballot, n);
    double remaining = 1.0;
    for (std::size_t i = 0; i < stages; ++i) {
      const double worth = worths[ballot.candidates[i]];
      remaining = std::max(remaining, worth);
      result += static_cast<double>(ballot.count) * (std::log(worth) - std::log(remaining));
      remaining -= worth;
    }
  }
  return result;
}

}  // namespace

PlackettLuceFit fit_plackett_luce(const Profile& profile, const PlackettLuceOptions& options) {
  const std::size_t n = profile.candidate_count();
  PlackettLuceFit fit;
  fit.worths.assign(n, 1.0 / static_cast<double>(n));
  const std::vector<double> chosen = chosen_counts(profile);
  DenominatorPass pass(n);
  for (std::size_t iteration = 0;; ++iteration) {
    pass.run(profile, fit.worths);
    fit.log_likelihood.push_back(pass.log_likelihood());
    if (iteration == options.max_iterations) break;
    const bool converged = mm_update(fit.worths, chosen, pass, options.tolerance);
    fit.iterations = iteration + 1;
    if (converged) {
      fit.converged = true;
      // Record the likelihood of the final worths too.
      fit.log_likelihood.push_back(log_likelihood(profile, fit.worths));
      break;
    }
  }
  return fit;
}

TallyResult plackett_luce(const Profile& profile, std::size_t winners, const TieBreak& tie_break,
                          const PlackettLuceOptions& options) {
  PlackettLuceFit fit = fit_plackett_luce(profile, options);
  return rank_by_score(std::move(fit.worths), winners, tie_break.precedence(profile.candidate_count()));
}

}  // namespace primsim::models::rules
