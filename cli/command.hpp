// How a subcommand plugs into the primsim executable: it declares its options on its own
// CLI::App and returns the action that main runs when that subcommand is chosen.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace primsim::cli {

// Returns the process exit status. Throw sim::InputError for bad input (exit 2); any other
// exception is a runtime failure (exit 1).
using CommandAction = std::function<int()>;

struct Command {
  CLI::App* app;
  CommandAction action;
};

Command add_phold_command(CLI::App& parent);
Command add_tally_command(CLI::App& parent);
Command add_allocate_command(CLI::App& parent);

}  // namespace primsim::cli
