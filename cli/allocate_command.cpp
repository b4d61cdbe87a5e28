// `primsim allocate`: party-list seats from a party,votes CSV, printed as
// party,votes,share,seats in the order of the file, with a notice on stderr when the tie break
// gave the last seat.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "command.hpp"
#include "csv_field.hpp"
#include "integer_option.hpp"
#include "primsim/models/rules/count_limits.hpp"
#include "primsim/models/rules/party_votes_reader.hpp"
#include "primsim/models/rules/seat_allocation.hpp"
#include "tie_break_option.hpp"

namespace primsim::cli {

Command add_allocate_command(CLI::App& parent) {
  struct Options {
    std::string method;
    std::uint64_t seats = 0;
    double threshold = 0.0;
    std::optional<std::uint64_t> threshold_base;
    std::optional<double> first_divisor;
    std::string file;
    TieBreakOption tie_break;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("allocate", "allocate list seats from a party,votes CSV file");
  app->add_option("--method", options->method, "dhondt, sainte-lague, hare or droop")->required();
  app->add_option("--seats", options->seats, "seats to fill")
      ->required()
      ->check(integer_in(1, models::rules::kMaxSeats));
  app->add_option("--threshold", options->threshold, "least share of the votes a party needs, e.g. 0.07")
      ->check(number_in(0.0, 1.0));
  app->add_option("--threshold-base", options->threshold_base,
                  "votes the threshold and shares refer to when the file does not hold them all")
      ->check(integer_in(1, models::rules::kMaxVotes));
  app->add_option("--first-divisor", options->first_divisor,
                  "Sainte-Lague's first divisor (1.2 in Sweden, 1.4 in Norway)");
  options->tie_break.add_to(*app);
  app->add_option("VOTES", options->file, "CSV with header party,votes")->required();

  return {app, [options] {
            using namespace models::rules;
            AllocationOptions allocation;
            allocation.method = parse_allocation_method(options->method);
            allocation.seats = options->seats;
            allocation.threshold = options->threshold;
            allocation.threshold_base = options->threshold_base;
            allocation.first_divisor = options->first_divisor;
            constexpr std::uint64_t allocate_lot_purpose = 0x616c'6c6f'63;  // "alloc"
            allocation.tie_break = options->tie_break.make(allocate_lot_purpose);
            const PartyVotes parties = read_party_votes(options->file);
            const Allocation result = allocate_seats(parties.votes, allocation);
            std::string out = "party,votes,share,seats\n";
            for (std::size_t p = 0; p < parties.parties.size(); ++p) {
              const double share = static_cast<double>(parties.votes[p]) / static_cast<double>(result.base);
              out += fmt::format("{},{},{:.6f},{}\n", csv_field(parties.parties[p]), parties.votes[p], share,
                                 result.seats[p]);
            }
            std::cout << out;
            for (const SeatTie& tie : result.ties) {
              std::cerr << fmt::format("seat {}: {} tied at {} votes, broken by {}\n", tie.seat,
                                       listed_names(tie.parties, parties.parties), tie.votes,
                                       options->tie_break.name());
            }
            return 0;
          }};
}

}  // namespace primsim::cli
