// What an interval means depends on how the file's replicates got their parameters, which only
// the file knows (root attribute parameter_draws): a reader cannot tell noise from uncertainty
// by looking at the figures.
#include "primsim/output/interval_meaning.hpp"

#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace primsim::output {

namespace {

std::string fixed_set(const std::string& where, std::uint64_t replicates) {
  return fmt::format(
      "intervals: Monte Carlo noise of a fixed parameter set ({}{} replicates); they do not include "
      "parameter uncertainty",
      where, replicates);
}

}  // namespace

std::string interval_meaning(const RunFile& run) {
  const auto& info = run.info();
  const std::string& draws = info.parameter_draws;
  const std::string names = info.parameter_names.empty()
                                ? std::string()
                                : fmt::format("; parameters: {}", fmt::join(info.parameter_names, ", "));
  if (draws.empty()) return fixed_set("", run.replicate_count());
  if (draws == "prior" || draws == "posterior") {
    return fmt::format(
        "intervals: parameter uncertainty (parameters drawn from the {}, one set per replicate) and Monte "
        "Carlo noise ({} replicates{})",
        draws == "prior" ? "priors" : "posterior", run.replicate_count(), names);
  }
  if (draws == "design") {
    // One point of a design is one parameter set, run replicates times.
    if (run.selected_point()) {
      return fixed_set(fmt::format("design point {}, ", *run.selected_point()), run.replicate_count());
    }
    return fmt::format(
        "intervals: none over the whole file: it is a design over parameters{}, each point one parameter "
        "set chosen to cover their ranges, so its spread is the design's, not an uncertainty; see one point "
        "with primsim report --point K, or the parameters' effects with primsim sensitivity",
        info.parameter_names.empty() ? std::string()
                                     : fmt::format(" ({})", fmt::join(info.parameter_names, ", ")));
  }
  return fmt::format(
      "intervals: the replicates' parameters were set by '{}', which this primsim does not know, so they "
      "are not Monte Carlo noise alone ({} replicates{})",
      draws, run.replicate_count(), names);
}

}  // namespace primsim::output
