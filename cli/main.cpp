// The primsim executable: parses the command line, runs one subcommand, and maps failures to
// exit statuses (0 success, 1 runtime failure, 2 bad input or usage).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "primsim/output/hdf5_shutdown.hpp"
#include "primsim/sim/input_error.hpp"

namespace {

// What a command printed counts only if it reached stdout: a full disk or /dev/full fails the
// write, which the streams only remember, so a command that printed its results exits 1 then.
int checked_stdout(int status) {
  std::cout.flush();
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  if (flushed && std::cout.good() && std::ferror(stdout) == 0) return status;
  std::cerr << "primsim: error: cannot write to standard output"
            << (!flushed && error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << '\n';
  return status == 0 ? 1 : status;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace primsim;
  CLI::App app{"primsim: a discrete-event simulator of nationwide party primaries"};
  app.set_version_flag("--version", PRIMSIM_VERSION);
  app.require_subcommand(1);

  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i > 0 ? " " : "") + std::string(argv[i]);

  const std::vector<cli::Command> commands{
      cli::add_run_command(app, command_line),
      cli::add_validate_command(app),
      cli::add_report_command(app),
      cli::add_compare_command(app),
      cli::add_merge_command(app),
      cli::add_tally_command(app),
      cli::add_allocate_command(app),
      cli::add_phold_command(app),
      cli::add_explore_command(app, command_line),
      cli::add_sensitivity_command(app),
      cli::add_calibrate_command(app, command_line),
      cli::add_serve_command(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? 0 : 2;
  }
  int status = 2;
  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) {
        status = checked_stdout(command.action());
        break;
      }
    }
  } catch (const sim::InputError& error) {
    std::cerr << "primsim: " << error.what() << '\n';
    status = 2;
  } catch (const std::exception& error) {
    std::cerr << "primsim: error: " << error.what() << '\n';
    status = 1;
  }
  return output::end_process(status);
}
