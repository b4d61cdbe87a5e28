// `primsim report OUT.h5 [--html REPORT.html]`: the terminal summary of a run (or of a posterior
// file of primsim calibrate) and, on request, one self-contained HTML file with its charts.
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "command.hpp"
#include "output_guard.hpp"
#include "primsim/output/html_report.hpp"
#include "primsim/output/posterior_file.hpp"
#include "primsim/output/posterior_report.hpp"
#include "primsim/output/run_file.hpp"
#include "primsim/output/terminal_report.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::cli {

Command add_report_command(CLI::App& parent) {
  struct Options {
    std::string results;
    std::string html;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("report", "summarise a results file in the terminal and as HTML");
  app->add_option("OUT.h5", options->results, "results file written by primsim run")->required();
  app->add_option("--html", options->html, "also write a self-contained HTML report with charts");

  return {app, [options] {
            if (!options->html.empty()) refuse_unsafe_output("--html", options->html, {options->results});
            if (output::is_posterior_file(options->results)) {
              const output::Posterior posterior = output::read_posterior(options->results);
              std::cout << output::posterior_text(posterior);
              if (!options->html.empty()) {
                std::ofstream html(options->html, std::ios::binary);
                if (!html) throw sim::InputError("cannot write HTML report '" + options->html + "'");
                html << output::posterior_html(posterior);
                if (!html.flush()) throw std::runtime_error("cannot write '" + options->html + "'");
                std::cout << "\nHTML report: " << options->html << '\n';
              }
              return 0;
            }
            const output::RunFile run = output::RunFile::open(options->results);
            std::cout << output::terminal_report(run);
            if (!options->html.empty()) {
              std::ofstream html(options->html, std::ios::binary);
              if (!html) throw sim::InputError("cannot write HTML report '" + options->html + "'");
              html << output::html_report(run);
              if (!html.flush()) throw std::runtime_error("cannot write '" + options->html + "'");
              std::cout << "\nHTML report: " << options->html << '\n';
            }
            return 0;
          }};
}

}  // namespace primsim::cli
