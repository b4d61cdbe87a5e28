// `primsim compare A.h5 B.h5 [--json] [--party NAME]`: both ensemble means of every headline
// statistic of one party, the difference B - A and its 90% Welch t interval.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "command.hpp"
#include "primsim/output/run_comparison.hpp"
#include "primsim/output/run_file.hpp"

namespace primsim::cli {

Command add_compare_command(CLI::App& parent) {
  struct Options {
    std::string a;
    std::string b;
    bool json = false;
    std::optional<std::string> party;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("compare", "compare the headline statistics of two results files");
  app->add_option("A.h5", options->a, "first results file")->required();
  app->add_option("B.h5", options->b, "second results file")->required();
  app->add_flag("--json", options->json, "print one JSON object for scripts");
  app->add_option("--party", options->party,
                  "the party to compare, by name (default: each file's first party, the one its scenario "
                  "describes)");

  return {app, [options] {
            output::check_same_schema(options->a, options->b);
            const output::RunComparison comparison = output::compare_runs(
                output::RunFile::open(options->a), output::RunFile::open(options->b), options->party);
            std::cout << (options->json ? output::comparison_json(comparison)
                                        : output::comparison_text(comparison));
            return 0;
          }};
}

}  // namespace primsim::cli
