// Hunter's MM iteration for Plackett-Luce, O(ballot entries) per iteration via prefix sums.
#include "primsim/models/rules/plackett_luce.hpp"

#include <algorithm>
#include <cmath>

namespace primsim::models::rules {
namespace {

// Stages a ballot contributes: its strict prefix, minus a final stage with one candidate left.
std::size_t stage_count(const BallotView& ballot, std::size_t n) {
  std::size_t strict = 0;
  while (strict < ballot.candidates.size() && ballot.tier_end(strict) == strict + 1) ++strict;
  return std::min(strict, n - 1);
}

}  // namespace

PlackettLuceFit fit_plackett_luce(const Profile& profile, const PlackettLuceOptions& options) {
  const std::size_t n = profile.candidate_count();
  PlackettLuceFit fit;
  fit.worths.assign(n, 1.0 / static_cast<double>(n));
  std::vector<double> chosen(n, 0.0);  // w_k: stages at which k is chosen, voter-weighted
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    const std::size_t stages = stage_count(ballot, n);
    for (std::size_t i = 0; i < stages; ++i)
      chosen[ballot.candidates[i]] += static_cast<double>(ballot.count);
  }

  std::vector<double> denominator(n);
  std::vector<double> prefix;
  for (std::size_t iteration = 0;; ++iteration) {
    std::fill(denominator.begin(), denominator.end(), 0.0);
    double every = 0.0;  // the part of the denominator shared by all still-unchosen candidates
    double log_likelihood = 0.0;
    const double total = 1.0;  // worths are kept normalised
    for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
      const BallotView ballot = profile.ballot(b);
      const std::size_t stages = stage_count(ballot, n);
      if (stages == 0) continue;
      const auto voters = static_cast<double>(ballot.count);
      prefix.resize(stages);
      double remaining = total;
      double running = 0.0;
      for (std::size_t i = 0; i < stages; ++i) {
        const double worth = fit.worths[ballot.candidates[i]];
        remaining = std::max(remaining, worth);  // rounding must not leave less than the chosen
        running += 1.0 / remaining;
        prefix[i] = running;
        log_likelihood += voters * (std::log(worth) - std::log(remaining));
        remaining -= worth;
      }
      // A candidate chosen at stage l was at risk in stages 0..l; every other in all stages.
      every += voters * prefix[stages - 1];
      for (std::size_t i = 0; i < stages; ++i) {
        denominator[ballot.candidates[i]] += voters * (prefix[i] - prefix[stages - 1]);
      }
    }
    fit.log_likelihood.push_back(log_likelihood);
    if (iteration == options.max_iterations) break;

    std::vector<double> next(n);
    double sum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      const double d = denominator[k] + every;
      next[k] = d > 0.0 ? chosen[k] / d : fit.worths[k];
      sum += next[k];
    }
    double change = 0.0;
    double largest = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      next[k] /= sum;
      change = std::max(change, std::abs(next[k] - fit.worths[k]));
      largest = std::max(largest, next[k]);
    }
    fit.worths = std::move(next);
    fit.iterations = iteration + 1;
    if (change <= options.tolerance * largest) {
      fit.converged = true;
      // Record the likelihood of the final worths too.
      double final_log_likelihood = 0.0;
      for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
        const BallotView ballot = profile.ballot(b);
        const std::size_t stages = stage_count(ballot, n);
        double remaining = 1.0;
        for (std::size_t i = 0; i < stages; ++i) {
          const double worth = fit.worths[ballot.candidates[i]];
          remaining = std::max(remaining, worth);
          final_log_likelihood += static_cast<double>(ballot.count) * (std::log(worth) - std::log(remaining));
          remaining -= worth;
        }
      }
      fit.log_likelihood.push_back(final_log_likelihood);
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
