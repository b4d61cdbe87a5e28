// `primsim report --html`: one self-contained HTML file (inline SVG and CSS, no script, no
// network) that tells the story of a run at a glance.
#pragma once

#include <string>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

// A "warnings" section first when /warnings has rows; then for each party charts, each an <svg>
// with a stable id: "funnel", "turnout", "platform", "composition"; the headline statistics and
// Rahat's yardsticks as tables (the representation block with a row per office); and a section
// "Who was selected and why" per office, id "selection-office-N", from /candidates.
std::string html_report(const RunFile& run);

}  // namespace primsim::output
