// Seat allocation: worked examples, a published result, and properties.
#include <numeric>

#include <catch2/catch.hpp>

#include "primsim/models/rules/seat_allocation.hpp"
#include "primsim/sim/random_stream.hpp"

using namespace primsim::models::rules;

namespace {

std::vector<std::uint64_t> seats(std::vector<std::uint64_t> votes, AllocationMethod method, std::uint64_t n,
                                 double threshold = 0.0, std::optional<double> first_divisor = std::nullopt) {
  AllocationOptions options;
  options.method = method;
  options.seats = n;
  options.threshold = threshold;
  options.first_divisor = first_divisor;
  return allocate_seats(votes, options).seats;
}

const std::vector<std::uint64_t> standard{100000, 80000, 30000, 20000};

}  // namespace

TEST_CASE("D'Hondt and Sainte-Lague on the standard worked example", "[models][rules]") {
  // 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats (Wikipedia "D'Hondt method" and
  // "Sainte-Lague method"). D'Hondt quotients in order: 100 A, 80 B, 50 A, 40 B, 33.3 A, 30 C,
  // 26.7 B, 25 A. Sainte-Lague: 100 A, 80 B, 33.3 A, 30 C, 26.7 B, 20 A, 20 D, 16 B.
  REQUIRE(seats(standard, AllocationMethod::dhondt, 8) == std::vector<std::uint64_t>{4, 3, 1, 0});
  REQUIRE(seats(standard, AllocationMethod::sainte_lague, 8) == std::vector<std::uint64_t>{3, 3, 1, 1});
}

TEST_CASE("Norway's first divisor 1.4 and the tie it creates", "[models][rules]") {
  // Divisors 1.4, 3, 5, 7: quotients 71.4 A, 57.1 B, 33.3 A, 26.7 B, 21.4 C, 20 A, 16 B, then
  // A's 100,000 / 7 and D's 20,000 / 1.4 tie exactly at 14,285.7: the party with more votes, A,
  // takes the eighth seat.
  REQUIRE(seats(standard, AllocationMethod::sainte_lague, 8, 0.0, 1.4) ==
          std::vector<std::uint64_t>{4, 3, 1, 0});
  // Sweden's 1.2: 83.3 A, 66.7 B, 33.3 A, 26.7 B, 25 C, 20 A, 16.7 D, 16 B.
  REQUIRE(seats(standard, AllocationMethod::sainte_lague, 8, 0.0, 1.2) ==
          std::vector<std::uint64_t>{3, 3, 1, 1});
}

TEST_CASE("Hare and Droop largest remainders", "[models][rules]") {
  // Wikipedia "Largest remainder method": 47,000 / 16,000 / 15,800 / 12,000 / 6,100 / 3,100 votes,
  // 10 seats. Hare quota 10,000: 4 + 1 + 1 + 1 automatic, remainders .7, .61, .6 win the rest.
  // Droop quota 9,091: 5 + 1 + 1 + 1, remainders 6,909 (B) and 6,709 (C) win the rest.
  const std::vector<std::uint64_t> votes{47000, 16000, 15800, 12000, 6100, 3100};
  REQUIRE(seats(votes, AllocationMethod::hare, 10) == std::vector<std::uint64_t>{5, 2, 1, 1, 1, 0});
  REQUIRE(seats(votes, AllocationMethod::droop, 10) == std::vector<std::uint64_t>{5, 2, 2, 1, 0, 0});
}

TEST_CASE("the 2021 Majilis election: Hare among parties above 7%", "[models][rules]") {
  // Central Election Commission, 12 Jan 2021 (Astana Times): Nur Otan 5,148,074, Ak Zhol
  // 792,828, People's Party 659,019, Auyl 383,023, Adal 258,618 (7,241,562 valid). 98 seats;
  // published: 76, 12, 10. By hand: quota 6,599,921 / 98 = 67,346.1; 76.44, 11.77, 9.79 give
  // 76 + 11 + 9, and the two largest remainders go to the People's Party and Ak Zhol.
  const std::vector<std::uint64_t> votes{5148074, 792828, 659019, 383023, 258618};
  REQUIRE(seats(votes, AllocationMethod::hare, 98, 0.07) == std::vector<std::uint64_t>{76, 12, 10, 0, 0});
}

TEST_CASE("the threshold can refer to votes outside the file", "[models][rules]") {
  // 1.5% as in Argentina's PASO. Of the 1,000 votes in the file, 14 is below the 15 needed; of a
  // base of 10,000 (blank and small-party votes not in the file) 86 is below 150 too. A base
  // below the file's total is an error, and a threshold nobody reaches is one as well.
  AllocationOptions options;
  options.method = AllocationMethod::dhondt;
  options.seats = 5;
  options.threshold = 0.015;
  const std::vector<std::uint64_t> votes{900, 86, 14};
  REQUIRE(allocate_seats(votes, options).qualified == std::vector<bool>{true, true, false});
  options.threshold_base = 10000;
  REQUIRE(allocate_seats(votes, options).qualified == std::vector<bool>{true, false, false});
  REQUIRE(allocate_seats(votes, options).seats == std::vector<std::uint64_t>{5, 0, 0});
  options.threshold_base = 900;
  REQUIRE_THROWS_WITH(allocate_seats(votes, options),
                      "--threshold-base: expected at least the 1000 votes in the file, found 900");
  options.threshold_base = 100000000;
  REQUIRE_THROWS_WITH(
      allocate_seats(votes, options),
      "expected at least one party with votes at or above the threshold of 0.015 x 100000000 votes");
}

TEST_CASE("a first divisor needs Sainte-Lague", "[models][rules]") {
  AllocationOptions options;
  options.seats = 3;
  options.first_divisor = 1.4;
  REQUIRE_THROWS_WITH(allocate_seats(standard, options),
                      "--first-divisor: expected only with --method sainte-lague, found --method dhondt");
  REQUIRE_THROWS_WITH(parse_allocation_method("webster"),
                      "--method: expected one of dhondt, sainte-lague, hare, droop, found 'webster'");
}

TEST_CASE("seats always sum to N and D'Hondt is house-monotone", "[models][rules]") {
  primsim::sim::RandomStream stream({11, 0, 0, 2});
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::uint64_t> votes(2 + stream.uniform_index(8));
    for (auto& v : votes) v = 1 + stream.uniform_index(100000);
    for (const auto method : {AllocationMethod::dhondt, AllocationMethod::sainte_lague,
                              AllocationMethod::hare, AllocationMethod::droop}) {
      const std::uint64_t n = 1 + stream.uniform_index(60);
      const auto result = seats(votes, method, n);
      REQUIRE(std::accumulate(result.begin(), result.end(), std::uint64_t{0}) == n);
    }
    // One more seat never takes a seat from any party.
    std::vector<std::uint64_t> before = seats(votes, AllocationMethod::dhondt, 1);
    for (std::uint64_t n = 2; n <= 40; ++n) {
      const auto after = seats(votes, AllocationMethod::dhondt, n);
      for (std::size_t p = 0; p < votes.size(); ++p) REQUIRE(after[p] >= before[p]);
      before = after;
    }
  }
}

TEST_CASE("equal quotients and equal votes go to the tie break", "[models][rules]") {
  const std::vector<std::uint64_t> votes{500, 500};
  AllocationOptions options;
  options.seats = 1;
  REQUIRE(allocate_seats(votes, options).seats == std::vector<std::uint64_t>{1, 0});
  options.tie_break = TieBreak::by_order({1});
  REQUIRE(allocate_seats(votes, options).seats == std::vector<std::uint64_t>{0, 1});
}

TEST_CASE("a vote total past 2^64 is refused, and Droop takes any seat count", "[models][rules]") {
  AllocationOptions options;
  options.method = AllocationMethod::hare;
  options.seats = 10;
  const std::vector<std::uint64_t> wrapping{UINT64_MAX, 2};
  REQUIRE_THROWS_WITH(allocate_seats(wrapping, options),
                      "votes: expected a total of at most 18446744073709551615 votes, found a sum that "
                      "overflows");
  // seats + 1 wrapped to 0 here, and the quota's division stopped the process (SIGFPE). The
  // quota is now 1 and the seats left over go round the parties in whole rounds.
  options.method = AllocationMethod::droop;
  options.seats = UINT64_MAX;
  const std::vector<std::uint64_t> votes{5, 2};
  const auto seats = allocate_seats(votes, options).seats;
  // 5 and 2 full quotas, then 2^63 - 4 whole rounds of the 2^64 - 8 seats left.
  REQUIRE(seats[0] == (std::uint64_t{1} << 63) + 1);
  REQUIRE(seats[1] == (std::uint64_t{1} << 63) - 2);
  // As the seat-by-seat loop gave: quota floor(7 / 11) + 1 = 1, 5 and 2 full quotas, and the 3
  // seats left go to A, B, A.
  options.seats = 10;
  REQUIRE(allocate_seats(votes, options).seats == std::vector<std::uint64_t>{7, 3});
}
