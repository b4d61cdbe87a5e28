// How a subcommand plugs into the primsim executable: it declares its options on its own
// CLI::App and returns the action that main runs when that subcommand is chosen.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace primsim::cli {

// Returns the process exit status. Throw sim::InputError for bad input (exit 2); any other
// exception is a runtime failure (exit 1).
using CommandAction = std::function<int()>;

struct Command {
  CLI::App* app;
  CommandAction action;
};

Command add_compare_command(CLI::App& parent);
Command add_merge_command(CLI::App& parent);
Command add_phold_command(CLI::App& parent);
Command add_report_command(CLI::App& parent);
Command add_sensitivity_command(CLI::App& parent);
// `command_line` is recorded in the results file.
Command add_run_command(CLI::App& parent, std::string command_line);
Command add_explore_command(CLI::App& parent, std::string command_line);
Command add_calibrate_command(CLI::App& parent, std::string command_line);
Command add_validate_command(CLI::App& parent);
Command add_tally_command(CLI::App& parent);
Command add_allocate_command(CLI::App& parent);
Command add_serve_command(CLI::App& parent);

}  // namespace primsim::cli
