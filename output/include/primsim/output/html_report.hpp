// `primsim report --html`: one self-contained HTML file (inline SVG and CSS, no script, no
// network) that tells the story of a run at a glance.
#pragma once

#include <string>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

// Charts, each an <svg> with a stable id: "funnel", "turnout", "platform", "composition"; then
// the headline statistics and Rahat's yardsticks as tables.
std::string html_report(const RunFile& run);

}  // namespace primsim::output
