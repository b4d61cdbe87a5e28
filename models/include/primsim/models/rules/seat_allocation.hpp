// Party-list seat allocation: highest averages (D'Hondt, Sainte-Lague with an optional modified
// first divisor) and largest remainders (Hare and Droop quotas), after a legal threshold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "primsim/models/rules/tie_break.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::models::rules {

enum class AllocationMethod { dhondt, sainte_lague, hare, droop };

// Names: dhondt, sainte-lague, hare, droop. Throws sim::InputError for any other.
[[nodiscard]] AllocationMethod parse_allocation_method(std::string_view name);
[[nodiscard]] std::string_view allocation_method_name(AllocationMethod method);

struct AllocationOptions {
  AllocationMethod method = AllocationMethod::dhondt;
  std::uint64_t seats = 0;
  // A party needs votes >= threshold * base; base is the sum of the votes given, or
  // threshold_base when the votes given are not every vote that counts.
  double threshold = 0.0;
  std::optional<std::uint64_t> threshold_base;
  // Sainte-Lague divides by first_divisor, 3, 5, ...: 1.2 in Sweden, 1.4 in Norway.
  std::optional<double> first_divisor;
  // Equal quotients (or remainders) go to the party with more votes; equal votes to the tie
  // break, applied to party positions (0 = first party given).
  TieBreak tie_break = TieBreak::by_index();
};

// The last seat went to one of parties with equal quotients (or remainders) and equal votes:
// the tie break chose, the party it favoured first.
struct SeatTie {
  std::uint64_t seat = 0;  // 1-based
  std::vector<std::size_t> parties;
  std::uint64_t votes = 0;
};

struct Allocation {
  std::vector<std::uint64_t> seats;  // per party
  std::vector<bool> qualified;       // passed the threshold
  std::uint64_t base = 0;            // the votes the threshold and shares refer to
  std::vector<SeatTie> ties;         // at most one: only the last seat's tie changes who sits
};

// Seats always sum to options.seats. Throws sim::InputError when no party passes the threshold,
// when threshold_base is smaller than the votes given, when the votes sum past 2^64, or when
// first_divisor is given for a method other than Sainte-Lague or is not positive. Largest
// remainders cost O(parties log parties) whatever the seat count; highest averages cost
// O(seats * parties), so callers bound the seats a user gives (kMaxSeats in count_limits.hpp).
Allocation allocate_seats(std::span<const std::uint64_t> votes, const AllocationOptions& options);

}  // namespace primsim::models::rules
