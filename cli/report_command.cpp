// `primsim report OUT.h5 [--html REPORT.html] [--point K]`: the terminal summary of a run (of a
// sweep, a table over its points, or one point's; of a posterior file of primsim calibrate) and,
// on request, one self-contained HTML file with its charts (a design's: its tornado charts).
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "command.hpp"
#include "output_guard.hpp"
#include "primsim/output/design_sensitivity.hpp"
#include "primsim/output/html_report.hpp"
#include "primsim/output/posterior_file.hpp"
#include "primsim/output/posterior_report.hpp"
#include "primsim/output/run_file.hpp"
#include "primsim/output/terminal_report.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::cli {
namespace {

// Every report's page goes out the same way: a file that cannot be opened is bad input, one that
// cannot be written in full is a runtime failure.
void write_html(const std::string& path, const std::string& page) {
  std::ofstream html(path, std::ios::binary);
  if (!html) throw sim::InputError("cannot write HTML report '" + path + "'");
  html << page;
  if (!html.flush()) throw std::runtime_error("cannot write '" + path + "'");
  std::cout << "\nHTML report: " << path << '\n';
}

}  // namespace

Command add_report_command(CLI::App& parent) {
  struct Options {
    std::string results;
    std::string html;
    std::optional<std::uint32_t> point;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("report", "summarise a results file in the terminal and as HTML");
  app->add_option("OUT.h5", options->results, "results file written by primsim run")->required();
  app->add_option("--html", options->html, "also write a self-contained HTML report with charts");
  app->add_option("--point", options->point, "report sweep point K alone (default: a table over the points)");

  return {app, [options] {
            if (!options->html.empty()) refuse_unsafe_output("--html", options->html, {options->results});
            if (output::is_posterior_file(options->results)) {
              const output::Posterior posterior = output::read_posterior(options->results);
              std::cout << output::posterior_text(posterior);
              if (!options->html.empty()) {
                write_html(options->html, output::posterior_html(posterior));
              }
              return 0;
            }
            const output::RunFile file = output::RunFile::open(options->results);
            const output::RunFile run = options->point ? file.at_point(*options->point) : file;
            if (!options->point && output::has_sensitivity_design(file)) {
              // A Morris or Saltelli design reads as its sensitivity, not as a table of its points.
              const output::DesignSensitivity sensitivity =
                  output::design_sensitivity(file, output::default_sensitivity_statistics());
              std::cout << output::sensitivity_text(sensitivity) << "\none point's report: primsim report "
                        << options->results << " --point K\n";
              if (!options->html.empty()) {
                write_html(options->html, output::sensitivity_html(sensitivity));
              }
              return 0;
            }
            // The charts would pool the points, which are different scenarios.
            if (!options->html.empty() && run.has_sweep() && !run.selected_point()) {
              throw sim::InputError("--html: '" + options->results + "' is a sweep of " +
                                    std::to_string(run.point_count()) +
                                    " points; its HTML report is one point's: add --point K");
            }
            std::cout << output::terminal_report(run);
            if (!options->html.empty()) {
              write_html(options->html, output::html_report(run));
            }
            return 0;
          }};
}

}  // namespace primsim::cli
