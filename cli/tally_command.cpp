// `primsim tally`: counts a PrefLib ballot file with one of the voting rules and prints
// candidate,score,rank (and elected for multi-winner counts) as CSV, best first, with a notice on
// stderr for each tie the tie break settled.
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "command.hpp"
#include "csv_field.hpp"
#include "integer_option.hpp"
#include "primsim/models/rules/preflib_reader.hpp"
#include "primsim/models/rules/voting_rule.hpp"
#include "tie_break_option.hpp"

namespace primsim::cli {

Command add_tally_command(CLI::App& parent) {
  struct Options {
    std::string rule;
    std::size_t winners = 1;
    std::string file;
    TieBreakOption tie_break;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app =
      parent.add_subcommand("tally", "count a PrefLib ballot file (.soc, .soi, .toc, .toi) with a rule");
  app->add_option("--rule", options->rule,
                  "plurality, borda, approval, two-round, irv, stv, copeland or plackett-luce")
      ->required();
  app->add_option("--winners", options->winners, "candidates to elect (seats for stv)")
      ->check(integer_in(1, UINT32_MAX));
  options->tie_break.add_to(*app);
  app->add_option("BALLOTS", options->file, "PrefLib file")->required();

  return {
      app, [options] {
        using namespace models::rules;
        const VotingRule rule = parse_voting_rule(options->rule);
        const Profile profile = read_preflib(options->file);
        if (options->winners > profile.candidate_count()) {
          throw sim::InputError(fmt::format("--winners: expected at most the {} candidates in {}, found {}",
                                            profile.candidate_count(), options->file, options->winners));
        }
        constexpr std::uint64_t tally_lot_purpose = 0x7461'6c6c'79;  // "tally"
        const TallyResult result =
            tally(profile, rule, options->winners, options->tie_break.make(tally_lot_purpose));
        const bool show_elected = is_multi_winner(rule) || options->winners > 1;
        std::string out = show_elected ? "candidate,score,rank,elected\n" : "candidate,score,rank\n";
        for (const CandidateIndex c : result.order) {
          out += fmt::format("{},{:.10g},{}", csv_field(profile.candidate_names()[c]), result.scores[c],
                             result.ranks[c]);
          out += show_elected ? fmt::format(",{}\n", result.elected[c] ? 1 : 0) : "\n";
        }
        std::cout << out;
        // Every tie the tie break settled, so that a class sees where the rule alone did not decide.
        for (const TieNote& tie : result.ties) {
          const std::string round = tie.round > 0 ? fmt::format("round {}: ", tie.round) : "";
          std::cerr << fmt::format("{}{} tied at {:.10g}, broken by {}\n", round,
                                   listed_names(tie.tied, profile.candidate_names()), tie.score,
                                   options->tie_break.name());
        }
        return 0;
      }};
}

}  // namespace primsim::cli
