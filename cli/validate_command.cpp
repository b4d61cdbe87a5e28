// `primsim validate`: checks a scenario (its extends chain, --set overrides and sweep) before
// any work starts; prints every mistake, one line each, or the resolved scenario.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "command.hpp"
#include "primsim/scenarios/scenario_error.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace primsim::cli {

Command add_validate_command(CLI::App& parent) {
  struct Options {
    std::string file;
    std::vector<std::string> overrides;
    bool print_resolved = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("validate", "check a scenario file and report every mistake");
  app->add_option("SCENARIO", options->file, "scenario YAML file")->required();
  app->add_option("--set", options->overrides, "override a key after extends: key.path=value (repeatable)")
      ->allow_extra_args(false);
  app->add_flag("--print-resolved", options->print_resolved,
                "print the scenario after extends and --set, with every default filled in");

  return {app, [options] {
            scenarios::LoadedScenario loaded;
            try {
              loaded = scenarios::load_scenario(options->file, options->overrides);
            } catch (const scenarios::ScenarioError& error) {
              for (const std::string& line : error.lines()) std::cerr << line << '\n';
              std::cerr << fmt::format("{}: {} mistake{}\n", options->file, error.lines().size(),
                                       error.lines().size() == 1 ? "" : "s");
              return 2;
            }
            if (options->print_resolved) {
              std::cout << loaded.resolved_yaml;
            } else {
              const auto& spec = loaded.spec;
              std::cout << fmt::format(
                  "{}: valid: {} regions, {} phases, {} stages, {} channels, {} sweep point{}\n",
                  options->file, spec.territory.regions.size(), spec.calendar.phases.size(),
                  spec.selection.stages.size(), spec.voting.channels.size(), loaded.grid.size(),
                  loaded.grid.size() == 1 ? "" : "s");
            }
            return 0;
          }};
}

}  // namespace primsim::cli
