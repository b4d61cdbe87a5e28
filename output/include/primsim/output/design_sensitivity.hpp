// Global sensitivity of a design file (primsim explore): each headline statistic averaged over
// a point's replicates, then Morris or Sobol indices per parameter, with bootstrap intervals.
// What `primsim sensitivity` prints and the tornado chart of `report --html` draws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

// One row of the `indices` list of `primsim sensitivity --json` (a contract).
struct SensitivityIndex {
  std::string statistic;  // a headline key (turnout, women_share_list, ...)
  std::string parameter;  // a prior's key path
  std::string method;     // morris or sobol
  std::string index;      // mu_star, mu, sigma, first or total
  double estimate;
  double low;  // bootstrap percentile interval, 95%
  double high;
};

struct DesignSensitivity {
  std::string design;  // morris or saltelli
  std::size_t points = 0;
  std::uint32_t replicates = 0;  // per point; their mean is the point's output
  std::size_t bootstrap = 0;
  std::vector<std::string> statistics;
  std::vector<std::string> statistic_labels;
  std::vector<std::string> parameters;
  std::vector<std::size_t> rows_used;   // per statistic: trajectories or base rows with every output defined
  std::vector<double> output_variance;  // per statistic, over the points' outputs (0: constant)
  std::vector<SensitivityIndex> indices;
};

// The headline statistics a sensitivity analysis reports unless told otherwise: turnout, the
// platform's failed share, the extension, the list's women and under-35 shares, the
// Loosemore-Hanby index and the route mix (places by the vote and by the leadership).
const std::vector<std::string>& default_sensitivity_statistics();

// Whether the file is a Morris or Saltelli design, which sensitivity indices can be computed from.
bool has_sensitivity_design(const RunFile& run);

// Throws OutputFileError when the file is not a Morris or Saltelli design, or a statistic is
// not a headline key (the message lists them).
DesignSensitivity design_sensitivity(const RunFile& run, const std::vector<std::string>& statistics,
                                     std::size_t bootstrap = 1000);

// The indices as a table for the terminal, parameters ranked by total index (or mu*).
std::string sensitivity_text(const DesignSensitivity& sensitivity);
// {"design", "points", "replicates", "bootstrap", "indices": [...]}; NaN becomes null.
std::string sensitivity_json(const DesignSensitivity& sensitivity);
// One SVG tornado chart per statistic: horizontal bars of the total index (or mu*) with the
// first-order index (or sigma) beside it, parameters ranked.
std::string tornado_charts_html(const DesignSensitivity& sensitivity);
// A self-contained page: what the file is, the tornado charts and the table of indices.
std::string sensitivity_html(const DesignSensitivity& sensitivity);

}  // namespace primsim::output
