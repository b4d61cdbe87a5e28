// Two runs side by side. Welch's t interval rather than a bootstrap: it needs no random stream,
// so the same two files always give the same numbers, and ensembles of a few dozen replicates
// of sums and shares are close enough to normal for it.
#include "primsim/output/run_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "primsim/output/output_file_error.hpp"

namespace primsim::output {

namespace {

std::string format_difference(double value, ValueKind kind) {
  if (std::isnan(value)) return "n/a";
  switch (kind) {
    case ValueKind::count:
      return (value > 0 ? "+" : "") + format_value(value, kind);
    case ValueKind::fraction:
      return fmt::format("{:+.1f} pp", 100.0 * value);
    case ValueKind::ratio:
      return fmt::format("{:+.2f}", value);
    case ValueKind::hours:
      return fmt::format("{:+.1f} h", value);
  }
  return fmt::format("{}", value);
}

nlohmann::json number(double value) {
  return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

std::size_t count_numbers(const std::vector<double>& values) {
  std::size_t n = 0;
  for (double value : values) {
    if (!std::isnan(value)) ++n;
  }
  return n;
}

}  // namespace

void check_same_schema(const std::string& path_a, const std::string& path_b) {
  const std::int32_t version_a = RunFile::read_schema_version(path_a);
  const std::int32_t version_b = RunFile::read_schema_version(path_b);
  if (version_a != version_b) {
    throw OutputFileError(fmt::format(
        "cannot compare '{}' (schema version {}) with '{}' (schema version {}): the layouts differ", path_a,
        version_a, path_b, version_b));
  }
}

RunComparison compare_runs(const RunFile& a, const RunFile& b, const std::optional<std::string>& party) {
  const auto code_in = [&](const RunFile& run) -> models::results::PartyCode {
    if (!party) return 0;
    const auto& names = run.info().party_names;
    const auto found = std::find(names.begin(), names.end(), *party);
    if (found == names.end()) {
      throw OutputFileError(fmt::format("--party: '{}' has no party '{}'; its parties are {}",
                                        run.path().string(), *party, fmt::join(names, ", ")));
    }
    return static_cast<models::results::PartyCode>(found - names.begin());
  };
  const auto party_a = code_in(a);
  const auto party_b = code_in(b);
  RunComparison comparison{a.path().string(),
                           b.path().string(),
                           a.info().scenario_name,
                           b.info().scenario_name,
                           a.info().party_names.at(party_a),
                           b.info().party_names.at(party_b),
                           a.info().party_names.size() > 1 || b.info().party_names.size() > 1,
                           {},
                           office_name(a, list_office(a, party_a)),
                           office_name(b, list_office(b, party_b))};
  const std::vector<HeadlineStatistic> stats_a = headline_statistics(a, party_a);
  const std::vector<HeadlineStatistic> stats_b = headline_statistics(b, party_b);
  for (std::size_t i = 0; i < stats_a.size() && i < stats_b.size(); ++i) {
    comparison.statistics.push_back({stats_a[i].key, stats_a[i].group, stats_a[i].label, stats_a[i].kind,
                                     welch_difference(stats_a[i].values, stats_b[i].values),
                                     count_numbers(stats_a[i].values), count_numbers(stats_b[i].values)});
  }
  return comparison;
}

std::string comparison_text(const RunComparison& comparison) {
  const auto party = [&](const std::string& name) {
    return comparison.several_parties ? fmt::format(", party {}", name) : std::string();
  };
  std::string out = fmt::format("A: {} (scenario {}{})\nB: {} (scenario {}{})\n", comparison.path_a,
                                comparison.scenario_a, party(comparison.party_a), comparison.path_b,
                                comparison.scenario_b, party(comparison.party_b));
  out += comparison.office_a == comparison.office_b
             ? fmt::format("democracy yardsticks of office {}\n", comparison.office_a)
             : fmt::format("democracy yardsticks of office {} (A) and {} (B)\n", comparison.office_a,
                           comparison.office_b);
  out += "difference B - A with its 90% Welch t confidence interval (over replicates)\n\n";
  out += fmt::format("{:<48} {:>12} {:>12} {:>12}   {}\n", "statistic", "mean A", "mean B", "B - A",
                     "90% interval");
  for (const ComparedStatistic& stat : comparison.statistics) {
    const MeanDifference& d = stat.difference;
    const std::string interval = std::isnan(d.low)
                                     ? "n/a (needs 2+ replicates in each)"
                                     : fmt::format("[{}, {}]", format_difference(d.low, stat.kind),
                                                   format_difference(d.high, stat.kind));
    out +=
        fmt::format("{:<48} {:>12} {:>12} {:>12}   {}\n", stat.label, format_value(d.mean_a, stat.kind),
                    format_value(d.mean_b, stat.kind), format_difference(d.difference, stat.kind), interval);
  }
  return out;
}

std::string comparison_json(const RunComparison& comparison) {
  nlohmann::json statistics = nlohmann::json::array();
  for (const ComparedStatistic& stat : comparison.statistics) {
    const MeanDifference& d = stat.difference;
    statistics.push_back({{"key", stat.key},
                          {"group", stat.group},
                          {"label", stat.label},
                          {"mean_a", number(d.mean_a)},
                          {"mean_b", number(d.mean_b)},
                          {"difference", number(d.difference)},
                          {"low", number(d.low)},
                          {"high", number(d.high)},
                          {"replicates_a", stat.replicates_a},
                          {"replicates_b", stat.replicates_b}});
  }
  const nlohmann::json out{{"a", comparison.path_a},
                           {"b", comparison.path_b},
                           {"scenario_a", comparison.scenario_a},
                           {"scenario_b", comparison.scenario_b},
                           {"party_a", comparison.party_a},
                           {"party_b", comparison.party_b},
                           {"office_a", comparison.office_a},
                           {"office_b", comparison.office_b},
                           {"difference", "b - a"},
                           {"interval", "90% Welch t confidence interval of the difference of means"},
                           {"statistics", statistics}};
  return out.dump(2) + "\n";
}

}  // namespace primsim::output
