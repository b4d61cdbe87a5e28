// `primsim validate`: checks a scenario (its extends chain, --set overrides and sweep) before
// any work starts; prints every mistake, one line each, or a summary (or the resolved scenario)
// and its notes. With --model it also runs the scenario and sets its calibration and validation
// targets beside the results.
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "command.hpp"
#include "integer_option.hpp"
#include "memory_check.hpp"
#include "model_validation.hpp"
#include "primsim/scenarios/range_wording.hpp"
#include "primsim/scenarios/scenario_error.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace primsim::cli {

Command add_validate_command(CLI::App& parent) {
  struct Options {
    std::string file;
    std::vector<std::string> overrides;
    bool print_resolved = false;
    bool model = false;
    ModelValidationOptions run;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("validate", "check a scenario file and report every mistake");
  app->add_option("SCENARIO", options->file, "scenario YAML file")->required();
  app->add_option("--set", options->overrides, "override a key after extends: key.path=value (repeatable)")
      ->allow_extra_args(false);
  app->add_flag("--print-resolved", options->print_resolved,
                "print the scenario after extends and --set, with every default filled in");
  CLI::Option* model =
      app->add_flag("--model", options->model,
                    "run the scenario and print its calibration and validation targets, published against "
                    "simulated, and the turnout at the end of each voting day");
  app->get_option("--print-resolved")->excludes(model);
  app->add_option("--replicates", options->run.replicates, "replicates (default: ensemble.replicates)")
      ->check(integer_in(1, kMaxReplicates))
      ->needs(model);
  app->add_option("--seed", options->run.seed, "random seed (default: ensemble.seed)")
      ->check(integer_in(0, UINT64_MAX))
      ->needs(model);
  app->add_option("--threads", options->run.threads, "worker threads (default: every core)")
      ->check(integer_in(0, kMaxThreads))
      ->needs(model);
  app->add_flag("--json", options->run.json, "print the tables as one JSON document")->needs(model);
  app->add_flag("--strict", options->run.strict, "exit with status 1 when a calibration target is missed")
      ->needs(model);

  return {app, [options] {
            scenarios::LoadedScenario loaded;
            try {
              if (options->model) {
                options->run.file = options->file;
                options->run.overrides = options->overrides;
                return validate_model(options->run);
              }
              loaded = scenarios::load_scenario(options->file, options->overrides);
              // A replicate that cannot fit would end a run with std::bad_alloc: say so now.
              check_memory(loaded, options->file, 1);
            } catch (const scenarios::ScenarioError& error) {
              for (const std::string& line : error.lines()) std::cerr << line << '\n';
              std::cerr << fmt::format("{}: {} mistake{}\n", options->file, error.lines().size(),
                                       error.lines().size() == 1 ? "" : "s");
              return 2;
            }
            // Remarks on a valid scenario go to stderr, so that --print-resolved stays YAML.
            for (const std::string& note : loaded.notes) std::cerr << note << '\n';
            if (options->print_resolved) {
              std::cout << loaded.resolved_yaml;
            } else {
              // What a reader checks first: the size of the roll and the process, stage by stage.
              const auto& spec = loaded.spec;
              const auto count = [](std::size_t n, std::string_view what) {
                return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
              };
              const auto names = [](const auto& items) {
                std::vector<std::string> listed;
                for (const auto& item : items) listed.push_back(item.name);
                return fmt::format("{}", fmt::join(listed, ", "));
              };
              std::cout << fmt::format(
                  "{}: valid: {}, {} members, {}, {} ({}), {} ({}), {}\n", options->file,
                  count(spec.territory.regions.size(), "region"),
                  scenarios::grouped(static_cast<std::uint64_t>(spec.membership.size)),
                  count(spec.calendar.phases.size(), "phase"), count(spec.selection.stages.size(), "stage"),
                  names(spec.selection.stages), count(spec.voting.channels.size(), "channel"),
                  names(spec.voting.channels), count(loaded.grid.size(), "sweep point"));
            }
            return 0;
          }};
}

}  // namespace primsim::cli
