// `primsim sensitivity OUT.h5 [--statistic NAME]... [--json]`: Morris or Sobol indices of a
// design file's headline statistics, with bootstrap intervals.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "integer_option.hpp"
#include "primsim/output/design_sensitivity.hpp"
#include "primsim/output/run_file.hpp"

namespace primsim::cli {

Command add_sensitivity_command(CLI::App& parent) {
  struct Options {
    std::string results;
    std::vector<std::string> statistics;
    std::size_t bootstrap = 1000;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand(
      "sensitivity", "Morris or Sobol sensitivity indices of a design file written by primsim explore");
  app->add_option("OUT.h5", options->results, "results file of primsim explore --design morris|saltelli")
      ->required();
  app->add_option(
      "--statistic", options->statistics,
      "a headline statistic, by its --json key (repeatable; default: turnout, platform_failure_share, "
      "extension_hours, women_share_list, under35_share_list, regional_disproportionality, "
      "places_by_vote, places_leadership)");
  app->add_option("--bootstrap", options->bootstrap,
                  "bootstrap resamples for the 95% intervals (default: 1000)")
      ->check(integer_in(0, 100000));
  app->add_flag(
      "--json", options->json,
      "print one JSON object: {\"indices\": [{statistic, parameter, method, index, estimate, low, high}]}");

  return {app, [options] {
            const output::RunFile run = output::RunFile::open(options->results);
            const output::DesignSensitivity sensitivity = output::design_sensitivity(
                run,
                options->statistics.empty() ? output::default_sensitivity_statistics() : options->statistics,
                options->bootstrap);
            std::cout << (options->json ? output::sensitivity_json(sensitivity)
                                        : output::sensitivity_text(sensitivity));
            return 0;
          }};
}

}  // namespace primsim::cli
