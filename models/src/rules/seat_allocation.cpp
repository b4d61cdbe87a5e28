// Highest-averages by repeated maximum quotient; largest remainders with exact integer remainders.
#include "primsim/models/rules/seat_allocation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "primsim/sim/name_spelling.hpp"

namespace primsim::models::rules {
namespace {

__extension__ using Wide = unsigned __int128;

// Quotients a/da vs b/db compared by cross-multiplication; within 1e-12 counts as equal, so
// that 100/7 and 20/1.4 tie as they do on paper.
int compare_quotients(double a, double da, double b, double db) {
  const double left = a * db;
  const double right = b * da;
  if (std::abs(left - right) <= 1e-12 * std::max(left, right)) return 0;
  return left > right ? 1 : -1;
}

std::vector<std::uint64_t> highest_averages(std::span<const std::uint64_t> votes,
                                            const std::vector<bool>& qualified,
                                            const AllocationOptions& options,
                                            std::span<const std::uint32_t> precedence,
                                            std::vector<SeatTie>& ties) {
  const bool sainte_lague = options.method == AllocationMethod::sainte_lague;
  const double first = options.first_divisor.value_or(1.0);
  const auto divisor = [&](std::uint64_t seats_held) {
    if (!sainte_lague) return static_cast<double>(seats_held + 1);
    return seats_held == 0 ? first : static_cast<double>(2 * seats_held + 1);
  };
  std::vector<std::uint64_t> seats(votes.size(), 0);
  // Seat by seat: O(seats * parties), plenty for parliaments of a few hundred seats.
  for (std::uint64_t seat = 0; seat < options.seats; ++seat) {
    std::optional<std::size_t> best;
    for (std::size_t p = 0; p < votes.size(); ++p) {
      if (!qualified[p]) continue;
      if (!best) {
        best = p;
        continue;
      }
      const int order = compare_quotients(static_cast<double>(votes[p]), divisor(seats[p]),
                                          static_cast<double>(votes[*best]), divisor(seats[*best]));
      if (order > 0 || (order == 0 && (votes[p] > votes[*best] ||
                                       (votes[p] == votes[*best] && precedence[p] < precedence[*best])))) {
        best = p;
      }
    }
    // Parties tied with the best share its state, so they take the next seats in turn: only a
    // tie for the last seat decides who sits.
    if (seat + 1 == options.seats) {
      SeatTie tie{seat + 1, {*best}, votes[*best]};
      for (std::size_t p = 0; p < votes.size(); ++p) {
        if (p != *best && qualified[p] && votes[p] == votes[*best] &&
            compare_quotients(static_cast<double>(votes[p]), divisor(seats[p]),
                              static_cast<double>(votes[*best]), divisor(seats[*best])) == 0) {
          tie.parties.push_back(p);
        }
      }
      std::sort(tie.parties.begin() + 1, tie.parties.end(),
                [&](std::size_t a, std::size_t b) { return precedence[a] < precedence[b]; });
      if (tie.parties.size() > 1) ties.push_back(std::move(tie));
    }
    ++seats[*best];
  }
  return seats;
}

std::vector<std::uint64_t> largest_remainders(std::span<const std::uint64_t> votes,
                                              const std::vector<bool>& qualified,
                                              const AllocationOptions& options,
                                              std::span<const std::uint32_t> precedence,
                                              std::vector<SeatTie>& ties) {
  std::uint64_t total = 0;
  for (std::size_t p = 0; p < votes.size(); ++p) {
    if (qualified[p]) total += votes[p];
  }
  std::vector<std::uint64_t> seats(votes.size(), 0);
  // Remainders as exact fractions remainder[p] / denominator, with a common denominator.
  std::vector<Wide> remainder(votes.size(), 0);
  std::uint64_t given = 0;
  if (options.method == AllocationMethod::hare) {
    // quota = total / seats: votes / quota = votes * seats / total.
    for (std::size_t p = 0; p < votes.size(); ++p) {
      if (!qualified[p]) continue;
      const Wide scaled = static_cast<Wide>(votes[p]) * options.seats;
      seats[p] = static_cast<std::uint64_t>(scaled / total);
      remainder[p] = scaled % total;
      given += seats[p];
    }
  } else {
    // Droop quota floor(total / (seats + 1)) + 1: never more than `seats` full quotas. Wide, as
    // seats + 1 wraps to 0 at 2^64 - 1 seats.
    const auto quota = static_cast<std::uint64_t>(total / (static_cast<Wide>(options.seats) + 1) + 1);
    for (std::size_t p = 0; p < votes.size(); ++p) {
      if (!qualified[p]) continue;
      seats[p] = votes[p] / quota;
      remainder[p] = votes[p] % quota;
      given += seats[p];
    }
  }
  std::vector<std::size_t> order;
  for (std::size_t p = 0; p < votes.size(); ++p) {
    if (qualified[p]) order.push_back(p);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    if (votes[a] != votes[b]) return votes[a] > votes[b];
    return precedence[a] < precedence[b];
  });
  // More seats left than parties only happens with Droop on tiny totals: go round again, whole
  // rounds at once so that a huge seat count costs O(parties), not O(seats).
  const std::uint64_t left = options.seats - given;
  const std::uint64_t rounds = left / order.size();
  const std::uint64_t extra = left % order.size();
  for (std::size_t i = 0; i < order.size(); ++i) seats[order[i]] += rounds + (i < extra ? 1 : 0);
  // The cut between the parties with one more seat and the rest falls inside a group of equal
  // remainders and votes: the tie break chose who is above it.
  const auto same = [&](std::size_t a, std::size_t b) {
    return remainder[a] == remainder[b] && votes[a] == votes[b];
  };
  if (extra > 0 && same(order[extra - 1], order[extra])) {
    std::size_t first = extra - 1;
    while (first > 0 && same(order[first - 1], order[extra])) --first;
    std::size_t last = extra + 1;
    while (last < order.size() && same(order[last], order[extra])) ++last;
    ties.push_back({options.seats,
                    {order.begin() + static_cast<std::ptrdiff_t>(first),
                     order.begin() + static_cast<std::ptrdiff_t>(last)},
                    votes[order[extra]]});
  }
  return seats;
}

}  // namespace

AllocationMethod parse_allocation_method(std::string_view name) {
  for (const AllocationMethod method : {AllocationMethod::dhondt, AllocationMethod::sainte_lague,
                                        AllocationMethod::hare, AllocationMethod::droop}) {
    if (sim::same_name(name, allocation_method_name(method))) return method;
  }
  throw sim::InputError(
      fmt::format("--method: expected one of dhondt, sainte-lague, hare, droop, found '{}'", name));
}

std::string_view allocation_method_name(AllocationMethod method) {
  switch (method) {
    case AllocationMethod::dhondt:
      return "dhondt";
    case AllocationMethod::sainte_lague:
      return "sainte-lague";
    case AllocationMethod::hare:
      return "hare";
    case AllocationMethod::droop:
      return "droop";
  }
  return "?";
}

Allocation allocate_seats(std::span<const std::uint64_t> votes, const AllocationOptions& options) {
  if (options.first_divisor) {
    if (options.method != AllocationMethod::sainte_lague) {
      throw sim::InputError(
          fmt::format("--first-divisor: expected only with --method sainte-lague, found --method {}",
                      allocation_method_name(options.method)));
    }
    if (!(*options.first_divisor > 0.0)) {
      throw sim::InputError(
          fmt::format("--first-divisor: expected a number above 0, found {}", *options.first_divisor));
    }
  }
  if (!(options.threshold >= 0.0 && options.threshold < 1.0)) {
    throw sim::InputError(
        fmt::format("--threshold: expected a fraction in [0, 1), found {}", options.threshold));
  }
  Allocation result;
  std::uint64_t total = 0;
  for (const std::uint64_t party_votes : votes) {
    // A wrapped total would make a quota smaller than the votes and give more seats than exist.
    if (__builtin_add_overflow(total, party_votes, &total)) {
      throw sim::InputError(
          fmt::format("votes: expected a total of at most {} votes, found a sum that overflows", UINT64_MAX));
    }
  }
  result.base = options.threshold_base.value_or(total);
  if (result.base < total) {
    throw sim::InputError(fmt::format(
        "--threshold-base: expected at least the {} votes in the file, found {}", total, result.base));
  }
  result.qualified.assign(votes.size(), false);
  bool any = false;
  for (std::size_t p = 0; p < votes.size(); ++p) {
    result.qualified[p] =
        votes[p] > 0 && static_cast<double>(votes[p]) >= options.threshold * static_cast<double>(result.base);
    any = any || result.qualified[p];
  }
  if (!any) {
    throw sim::InputError(
        fmt::format("expected at least one party with votes at or above the threshold of {} x {} votes",
                    options.threshold, result.base));
  }
  const auto precedence = options.tie_break.precedence(votes.size());
  if (options.method == AllocationMethod::dhondt || options.method == AllocationMethod::sainte_lague) {
    result.seats = highest_averages(votes, result.qualified, options, precedence, result.ties);
  } else {
    result.seats = largest_remainders(votes, result.qualified, options, precedence, result.ties);
  }
  return result;
}

}  // namespace primsim::models::rules
