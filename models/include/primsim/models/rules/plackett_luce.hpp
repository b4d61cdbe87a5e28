// Plackett-Luce worths fitted by maximum likelihood with Hunter's MM algorithm (Hunter 2004,
// "MM algorithms for generalized Bradley-Terry models", Ann. Statist. 32(1), section 5).
// A ballot is used as a top-t partial ranking: its strict prefix up to the first tied tier;
// whatever follows a tie, and the unlisted candidates, are left unordered.
#pragma once

#include <cstddef>
#include <vector>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

struct PlackettLuceOptions {
  std::size_t max_iterations = 10000;
  // Stop when no worth moves by more than this, relative to the largest worth.
  double tolerance = 1e-10;
};

struct PlackettLuceFit {
  std::vector<double> worths;          // per candidate, summing to 1
  std::vector<double> log_likelihood;  // at the start and after every iteration
  std::size_t iterations = 0;
  bool converged = false;
};

// Candidates never chosen at any stage get worth 0 (the maximum likelihood lies on the boundary).
PlackettLuceFit fit_plackett_luce(const Profile& profile, const PlackettLuceOptions& options = {});

// Score: fitted worth. The `winners` largest worths are elected.
TallyResult plackett_luce(const Profile& profile, std::size_t winners, const TieBreak& tie_break,
                          const PlackettLuceOptions& options = {});

}  // namespace primsim::models::rules
