// The party's membership: its size, growth until registration closes, and the demographic and
// economic mix that drives turnout and choice. Shares are fractions in [0, 1].
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace primsim::models::spec {

struct AgeBandSpec {
  std::string name;           // e.g. "18-34"; unique
  std::int32_t min_age = 18;  // years, inclusive
  std::int32_t max_age = 99;  // years, inclusive; min_age <= max_age
  double share = 0.0;         // of members; the bands' shares sum to 1
};

struct MembershipSpec {
  // Members at the epoch (persons); regions without `members` share it by population.
  std::int64_t size = 0;
  // New members joining between the epoch and the end of the nomination phase, as a fraction
  // of `size` (2020: non-members could join until registration closed).
  double growth_share = 0.0;
  double women_share = 0.5;
  // Age bands; the loader guarantees shares summing to 1 within 1e-6 and no overlap.
  std::vector<AgeBandSpec> age_bands;
  // Members employed by the state or a dependent employer: workplace mobilisation raises their
  // turnout and the weight of the leadership's endorsement (Frye, Reuter and Szakonyi).
  double employer_dependent_share = 0.0;
  // Members able to use the online platform (the rest can vote only on paper or in person).
  double online_access_share = 1.0;
  // Members on the rolls who do not exist or never act ("dead souls"): never vote.
  double fraudulent_share = 0.0;
  // Members at the epoch who voted in the previous cycle's primaries: turnout.habit applies to
  // them. 0 where no previous cycle is known.
  double voted_last_cycle = 0.0;
};

}  // namespace primsim::models::spec
