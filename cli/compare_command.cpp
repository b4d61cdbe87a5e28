// `primsim compare A.h5 B.h5 [--json] [--party NAME] [--unpaired] [--point K]`: both ensemble
// means of every headline statistic of one party, the difference B - A and its 90% t interval,
// paired replicate by replicate when both runs have the same seed; sweeps point by point.
#include <cstdint>
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
    bool unpaired = false;
    std::optional<std::string> party;
    std::optional<std::uint32_t> point;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("compare", "compare the headline statistics of two results files");
  app->add_option("A.h5", options->a, "first results file")->required();
  app->add_option("B.h5", options->b, "second results file")->required();
  app->add_flag("--json", options->json, "print one JSON object for scripts");
  app->add_option("--party", options->party,
                  "the party to compare, by name (default: each file's first party, the one its scenario "
                  "describes)");
  app->add_flag("--unpaired", options->unpaired,
                "Welch's interval for independent ensembles even when the seeds match (default: replicates "
                "of runs with the same seed are paired)");
  app->add_option("--point", options->point,
                  "compare sweep point K (of each file that is a sweep) instead of every point in turn");

  return {app, [options] {
            output::check_same_schema(options->a, options->b);
            const output::RunFile a = output::RunFile::open(options->a);
            const output::RunFile b = output::RunFile::open(options->b);
            if (!options->point && !a.has_sweep() && !b.has_sweep()) {
              const output::RunComparison comparison =
                  output::compare_runs(a, b, options->party, options->unpaired);
              std::cout << (options->json ? output::comparison_json(comparison)
                                          : output::comparison_text(comparison));
              return 0;
            }
            const auto points =
                output::compare_points(a, b, options->point, options->party, options->unpaired);
            if (options->point) {
              std::cout << (options->json ? output::comparison_json(points.front())
                                          : output::comparison_text(points.front()));
            } else {
              std::cout << (options->json ? output::points_comparison_json(points)
                                          : output::points_comparison_text(points));
            }
            return 0;
          }};
}

}  // namespace primsim::cli
