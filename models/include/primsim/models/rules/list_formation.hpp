// Forming a party list: merging primary winners with leadership places (2020: 77 + 49 = 126),
// enforcing minimum shares of women and young candidates, and appointment without a vote.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/sim/input_error.hpp"

namespace primsim::models::rules {

enum class ListRoute : std::uint8_t { primary, leadership, appointed };

struct ListCandidate {
  std::uint32_t id = 0;
  bool is_woman = false;
  bool is_youth = false;  // under 35 in the 2020 instruction
  ListRoute route = ListRoute::primary;

  friend bool operator==(const ListCandidate&, const ListCandidate&) = default;
};

struct MinimumShares {
  double women = 0.0;  // e.g. 0.30
  double youth = 0.0;  // e.g. 0.20
  // Women and young candidates counted together (the 2020 law: 30% on party lists).
  double women_or_youth = 0.0;
};

// least_displacement keeps the ranking and swaps in the fewest, best-ranked members of a short
// group in place of the lowest-ranked others; zipper also alternates women and men down the
// list (so each is at least half, rounded down), starting with the best-ranked candidate.
enum class QuotaMethod { least_displacement, zipper };

// Where leadership places go: spread evenly through the list (at every place, the group
// furthest behind its share of the whole list goes next, as Sainte-Lague would), or as a block.
enum class LeadershipPlacement { interleaved, leadership_first, primary_first };

struct QuotaOptions {
  QuotaMethod method = QuotaMethod::least_displacement;
  // Leadership places are the party centre's own: no swap takes one (2020: all 49 of 126 stay).
  bool keep_leadership = false;
  // A minimum that no swap can meet stays as close as it got, instead of an error: a simulated
  // congress adopts its list whatever the pool, while a user's own list should fail loudly.
  bool best_effort = false;
};

class ListFormationError : public sim::InputError {
 public:
  using sim::InputError::InputError;
};

// Both inputs ranked best first; each keeps its own order in the merged list.
std::vector<ListCandidate> merge_leadership_places(std::span<const ListCandidate> primary,
                                                   std::span<const ListCandidate> leadership,
                                                   LeadershipPlacement placement);

// The list of `places` names from `ranked` (best first) meeting the minimum shares: a group
// needs ceil(share * places) members. Throws ListFormationError when the pool cannot meet them.
// Greedy: a short group's best unselected member that can come in replaces the lowest-ranked
// selected candidate whose removal leaves no group below its minimum; each swap lowers the total
// shortfall, so at most `places` swaps are made.
std::vector<ListCandidate> enforce_minimum_shares(std::span<const ListCandidate> ranked, std::size_t places,
                                                  const MinimumShares& shares, QuotaMethod method);
// The same with options. With best_effort, a pool shorter than `places` gives a shorter list.
std::vector<ListCandidate> enforce_minimum_shares(std::span<const ListCandidate> ranked, std::size_t places,
                                                  const MinimumShares& shares, const QuotaOptions& options);

// Appointment without a vote (consultations, as Amanat after 2022): the leadership's order of
// nominees is the list, subject to the same minimum shares; every name gets route `appointed`.
std::vector<ListCandidate> appoint_list(std::span<const ListCandidate> nominees, std::size_t places,
                                        const MinimumShares& shares);

}  // namespace primsim::models::rules
