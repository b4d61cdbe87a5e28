// What an interval means depends on how the file's replicates got their parameters, which only
// the file knows (root attribute parameter_draws): a reader cannot tell noise from uncertainty
// by looking at the figures.
#include "primsim/output/interval_meaning.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace primsim::output {

namespace {

// RunInfo gains parameter_draws and parameter_names with the /parameters table; until then every
// file has one fixed parameter set.
template <class Info>
std::string parameter_draws(const Info& info) {
  if constexpr (requires { info.parameter_draws; }) {
    return info.parameter_draws;
  } else {
    return {};
  }
}

template <class Info>
std::vector<std::string> parameter_names(const Info& info) {
  if constexpr (requires { info.parameter_names; }) {
    return info.parameter_names;
  } else {
    return {};
  }
}

}  // namespace

std::string interval_meaning(const RunFile& run) {
  const auto& info = run.info();
  const std::string draws = parameter_draws(info);
  const std::vector<std::string> parameters = parameter_names(info);
  if (draws.empty() || draws == "none" || draws == "fixed") {
    return fmt::format(
        "intervals: Monte Carlo noise of a fixed parameter set ({} replicates); they do not include "
        "parameter uncertainty",
        run.replicate_count());
  }
  const std::string names =
      parameters.empty() ? std::string() : fmt::format(" ({})", fmt::join(parameters, ", "));
  if (draws == "prior" || draws == "posterior") {
    return fmt::format(
        "intervals: parameter uncertainty (parameters{} drawn from the {}, one set per replicate) and "
        "Monte Carlo noise ({} replicates)",
        names, draws == "prior" ? "priors" : "posterior", run.replicate_count());
  }
  if (draws == "design") {
    return fmt::format(
        "intervals: this file is a design over parameters{}, one set per replicate chosen to cover their "
        "ranges; its spread is the design's, not an uncertainty: read it with primsim sensitivity, or "
        "one design point with report --point K",
        names);
  }
  return fmt::format(
      "intervals: parameters{} set per replicate by '{}', which this primsim does not know; they are not "
      "Monte Carlo noise alone",
      names, draws);
}

}  // namespace primsim::output
