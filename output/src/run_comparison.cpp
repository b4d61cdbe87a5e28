// Two runs side by side. t intervals rather than a bootstrap: they need no random stream, so the
// same two files always give the same numbers, and ensembles of a few dozen replicates of sums
// and shares are close enough to normal for them. Runs with the same seed draw replicate r from
// the same random streams (common random numbers), so their replicates are paired: the noise
// both share cancels in each pair, which Welch's interval, blind to the pairing, counts twice.
#include "primsim/output/run_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "primsim/output/interval_meaning.hpp"
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

// The values of both statistics at the replicates present in both, in replicate order.
struct Pairs {
  std::vector<double> a;
  std::vector<double> b;
};

Pairs pair_by_replicate(const HeadlineStatistic& a, const HeadlineStatistic& b) {
  std::map<std::uint32_t, double> by_replicate;
  for (std::size_t i = 0; i < a.values.size() && i < a.replicates.size(); ++i) {
    by_replicate.emplace(a.replicates[i], a.values[i]);
  }
  std::map<std::uint32_t, std::pair<double, double>> both;
  for (std::size_t i = 0; i < b.values.size() && i < b.replicates.size(); ++i) {
    const auto found = by_replicate.find(b.replicates[i]);
    if (found != by_replicate.end()) both.emplace(b.replicates[i], std::pair{found->second, b.values[i]});
  }
  Pairs pairs;
  for (const auto& [replicate, values] : both) {
    pairs.a.push_back(values.first);
    pairs.b.push_back(values.second);
  }
  return pairs;
}

std::size_t shared_replicates(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::vector<std::uint32_t> xs = a;
  std::vector<std::uint32_t> ys = b;
  std::sort(xs.begin(), xs.end());
  std::sort(ys.begin(), ys.end());
  std::vector<std::uint32_t> common;
  std::set_intersection(xs.begin(), xs.end(), ys.begin(), ys.end(), std::back_inserter(common));
  return common.size();
}

std::string interval_description(ComparisonMethod method) {
  return method == ComparisonMethod::paired
             ? "90% paired t confidence interval of the mean of the replicate-by-replicate differences"
             : "90% Welch t confidence interval of the difference of means";
}

std::string point_label(const std::optional<std::uint32_t>& point, const std::string& assignments) {
  return point ? fmt::format(", point {} ({})", *point, assignments) : std::string();
}

std::vector<std::pair<std::string, std::string>> sweep_of(const RunFile& run, std::uint32_t point) {
  std::vector<std::pair<std::string, std::string>> sweep;
  const std::vector<std::string> values = run.sweep_values(point);
  for (std::size_t k = 0; k < run.sweep_keys().size() && k < values.size(); ++k) {
    sweep.emplace_back(run.sweep_keys()[k], values[k]);
  }
  return sweep;
}

nlohmann::json sweep_json(const std::vector<std::pair<std::string, std::string>>& sweep) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : sweep) object[key] = value;
  return object;
}

std::string header_text(const RunComparison& comparison) {
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
  return out;
}

// The method and what the intervals cover, one line each (one per file when they differ).
std::string method_text(const RunComparison& comparison) {
  std::string out = comparison.method == ComparisonMethod::paired
                        ? "difference B - A with its 90% paired t confidence interval (mean of the "
                          "replicate-by-replicate differences)\n"
                        : "difference B - A with its 90% Welch t confidence interval (over replicates)\n";
  out += comparison.method_note + "\n";
  out += comparison.intervals_a == comparison.intervals_b
             ? comparison.intervals_a + "\n"
             : fmt::format("A {}\nB {}\n", comparison.intervals_a, comparison.intervals_b);
  return out;
}

std::string statistics_text(const RunComparison& comparison) {
  std::string out = fmt::format("{:<48} {:>12} {:>12} {:>12}   {}{}\n", "statistic", "mean A", "mean B",
                                "B - A", "90% interval",
                                comparison.effect_distribution ? "   effect over the draws (5% to 95%)" : "");
  for (const ComparedStatistic& stat : comparison.statistics) {
    const MeanDifference& d = stat.difference;
    const std::string fallback =
        comparison.method == ComparisonMethod::paired && stat.method == ComparisonMethod::welch
            ? " (Welch: fewer than 2 pairs)"
            : "";
    const std::string interval = std::isnan(d.low)
                                     ? "n/a (needs 2+ replicates in each)"
                                     : fmt::format("[{}, {}]{}", format_difference(d.low, stat.kind),
                                                   format_difference(d.high, stat.kind), fallback);
    const std::string spread =
        comparison.effect_distribution && stat.method == ComparisonMethod::paired
            ? fmt::format("   [{}, {}]", format_difference(stat.effect_spread.low, stat.kind),
                          format_difference(stat.effect_spread.high, stat.kind))
            : "";
    out += fmt::format("{:<48} {:>12} {:>12} {:>12}   {}{}\n", stat.label, format_value(d.mean_a, stat.kind),
                       format_value(d.mean_b, stat.kind), format_difference(d.difference, stat.kind),
                       interval.size() < 24 ? fmt::format("{:<24}", interval) : interval, spread);
  }
  return out;
}

nlohmann::json statistics_json(const RunComparison& comparison) {
  nlohmann::json statistics = nlohmann::json::array();
  for (const ComparedStatistic& stat : comparison.statistics) {
    const MeanDifference& d = stat.difference;
    statistics.push_back(
        {{"key", stat.key},
         {"group", stat.group},
         {"label", stat.label},
         {"mean_a", number(d.mean_a)},
         {"mean_b", number(d.mean_b)},
         {"difference", number(d.difference)},
         {"low", number(d.low)},
         {"high", number(d.high)},
         {"replicates_a", stat.replicates_a},
         {"replicates_b", stat.replicates_b},
         {"method", method_name(stat.method)},
         {"pairs", stat.pairs},
         {"degrees_of_freedom", number(d.degrees_of_freedom)},
         {"effect_low",
          stat.method == ComparisonMethod::paired ? number(stat.effect_spread.low) : number(std::nan(""))},
         {"effect_high",
          stat.method == ComparisonMethod::paired ? number(stat.effect_spread.high) : number(std::nan(""))}});
  }
  return statistics;
}

// The fields every comparison has, with or without points.
nlohmann::json identity_json(const RunComparison& comparison) {
  return {{"a", comparison.path_a},
          {"b", comparison.path_b},
          {"scenario_a", comparison.scenario_a},
          {"scenario_b", comparison.scenario_b},
          {"party_a", comparison.party_a},
          {"party_b", comparison.party_b},
          {"office_a", comparison.office_a},
          {"office_b", comparison.office_b},
          {"seed_a", comparison.seed_a},
          {"seed_b", comparison.seed_b},
          {"difference", "b - a"}};
}

void add_method_json(nlohmann::json& out, const RunComparison& comparison) {
  out["method"] = method_name(comparison.method);
  out["method_note"] = comparison.method_note;
  out["pairs"] = comparison.pairs;
  out["interval"] = interval_description(comparison.method);
  out["intervals_a"] = comparison.intervals_a;
  out["intervals_b"] = comparison.intervals_b;
}

}  // namespace

std::string method_name(ComparisonMethod method) {
  return method == ComparisonMethod::paired ? "paired" : "welch";
}

void check_same_schema(const std::string& path_a, const std::string& path_b) {
  const std::int32_t version_a = RunFile::read_schema_version(path_a);
  const std::int32_t version_b = RunFile::read_schema_version(path_b);
  if (version_a != version_b) {
    throw OutputFileError(fmt::format(
        "cannot compare '{}' (schema version {}) with '{}' (schema version {}): the layouts differ", path_a,
        version_a, path_b, version_b));
  }
}

RunComparison compare_runs(const RunFile& a, const RunFile& b, const std::optional<std::string>& party,
                           bool unpaired) {
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
  RunComparison comparison;
  comparison.path_a = a.path().string();
  comparison.path_b = b.path().string();
  comparison.scenario_a = a.info().scenario_name;
  comparison.scenario_b = b.info().scenario_name;
  comparison.party_a = a.info().party_names.at(party_a);
  comparison.party_b = b.info().party_names.at(party_b);
  comparison.several_parties = a.info().party_names.size() > 1 || b.info().party_names.size() > 1;
  comparison.office_a = office_name(a, list_office(a, party_a));
  comparison.office_b = office_name(b, list_office(b, party_b));
  comparison.seed_a = a.info().seed;
  comparison.seed_b = b.info().seed;
  if (a.has_sweep() && a.selected_point()) {
    comparison.point_a = a.selected_point();
    comparison.assignments_a = a.sweep_assignments(*a.selected_point());
    comparison.sweep_a = sweep_of(a, *a.selected_point());
  }
  if (b.has_sweep() && b.selected_point()) {
    comparison.point_b = b.selected_point();
    comparison.assignments_b = b.sweep_assignments(*b.selected_point());
    comparison.sweep_b = sweep_of(b, *b.selected_point());
  }
  comparison.intervals_a = interval_meaning(a);
  comparison.intervals_b = interval_meaning(b);
  const auto draws = [](const RunFile& run) {
    return run.info().parameter_draws == "prior" || run.info().parameter_draws == "posterior";
  };
  const std::vector<HeadlineStatistic> stats_a = headline_statistics(a, party_a);
  const std::vector<HeadlineStatistic> stats_b = headline_statistics(b, party_b);

  // Replicates of /summary present in both files: what the seed keys the random streams by.
  const std::size_t shared = stats_a.empty() || stats_b.empty()
                                 ? 0
                                 : shared_replicates(stats_a[0].replicates, stats_b[0].replicates);
  if (unpaired) {
    comparison.method_note = "unpaired Welch: --unpaired treats the runs as independent ensembles";
  } else if (comparison.seed_a != comparison.seed_b) {
    comparison.method_note =
        fmt::format("unpaired Welch: seeds differ (A {}, B {}), so the replicates share no random numbers",
                    comparison.seed_a, comparison.seed_b);
  } else if (shared < 2) {
    comparison.method_note = fmt::format(
        "unpaired Welch: the runs share seed {} but fewer than 2 replicate numbers", comparison.seed_a);
  } else {
    comparison.method = ComparisonMethod::paired;
    comparison.pairs = shared;
    comparison.effect_distribution = draws(a) && draws(b);
    comparison.method_note =
        fmt::format("paired: {} pairs sharing seed {} (common random numbers)", shared, comparison.seed_a);
  }

  for (std::size_t i = 0; i < stats_a.size() && i < stats_b.size(); ++i) {
    ComparedStatistic stat{stats_a[i].key,
                           stats_a[i].group,
                           stats_a[i].label,
                           stats_a[i].kind,
                           welch_difference(stats_a[i].values, stats_b[i].values),
                           count_numbers(stats_a[i].values),
                           count_numbers(stats_b[i].values)};
    if (comparison.method == ComparisonMethod::paired) {
      const Pairs pairs = pair_by_replicate(stats_a[i], stats_b[i]);
      stat.pairs = count_pairs(pairs.a, pairs.b);
      if (stat.pairs >= 2) {
        stat.method = ComparisonMethod::paired;
        stat.difference = paired_difference(pairs.a, pairs.b);
        std::vector<double> differences;
        for (std::size_t k = 0; k < pairs.a.size(); ++k) differences.push_back(pairs.b[k] - pairs.a[k]);
        stat.effect_spread = ensemble_interval(differences);
      }
    }
    comparison.statistics.push_back(std::move(stat));
  }
  return comparison;
}

std::vector<RunComparison> compare_points(const RunFile& a, const RunFile& b,
                                          const std::optional<std::uint32_t>& point,
                                          const std::optional<std::string>& party, bool unpaired) {
  // A file that is not a sweep stands for every point of the other; at_point() refuses a point
  // beyond a file's grid, naming the file.
  const auto view = [](const RunFile& run, const RunFile& other, std::uint32_t k) {
    return run.has_sweep() || !other.has_sweep() ? run.at_point(k) : run;
  };
  if (point) return {compare_runs(view(a, b, *point), view(b, a, *point), party, unpaired)};
  if (a.has_sweep() && b.has_sweep() && a.point_count() != b.point_count()) {
    throw OutputFileError(fmt::format(
        "cannot compare the sweeps point by point: '{}' has {} points and '{}' has {}; pick one with "
        "--point K",
        a.path().string(), a.point_count(), b.path().string(), b.point_count()));
  }
  const std::uint32_t points = std::max(a.point_count(), b.point_count());
  std::vector<RunComparison> comparisons;
  for (std::uint32_t k = 0; k < points; ++k) {
    comparisons.push_back(compare_runs(view(a, b, k), view(b, a, k), party, unpaired));
  }
  return comparisons;
}

std::string comparison_text(const RunComparison& comparison) {
  std::string out = header_text(comparison);
  if (comparison.point_a || comparison.point_b) {
    out +=
        fmt::format("compared: A{} against B{}\n", point_label(comparison.point_a, comparison.assignments_a),
                    point_label(comparison.point_b, comparison.assignments_b));
  }
  return out + method_text(comparison) + "\n" + statistics_text(comparison);
}

std::string comparison_json(const RunComparison& comparison) {
  nlohmann::json out = identity_json(comparison);
  add_method_json(out, comparison);
  if (comparison.point_a) {
    out["point_a"] = *comparison.point_a;
    out["sweep_a"] = sweep_json(comparison.sweep_a);
  }
  if (comparison.point_b) {
    out["point_b"] = *comparison.point_b;
    out["sweep_b"] = sweep_json(comparison.sweep_b);
  }
  out["statistics"] = statistics_json(comparison);
  return out.dump(2) + "\n";
}

std::string points_comparison_text(const std::vector<RunComparison>& points) {
  if (points.empty()) return "";
  std::string out = header_text(points.front());
  out += fmt::format(
      "a sweep of {} points, compared point by point (the points are different scenarios and are never "
      "pooled)\n",
      points.size());
  out += method_text(points.front());
  for (const RunComparison& point : points) {
    const std::uint32_t k = point.point_a.value_or(point.point_b.value_or(0));
    const std::string assignments = point.point_a ? point.assignments_a : point.assignments_b;
    out += fmt::format("\npoint {}: {}\n", k, assignments);
    if (point.point_a && point.point_b && point.assignments_a != point.assignments_b) {
      out += fmt::format("  (B: {})\n", point.assignments_b);
    }
    if (point.method_note != points.front().method_note) out += point.method_note + "\n";
    out += statistics_text(point);
  }
  return out;
}

std::string points_comparison_json(const std::vector<RunComparison>& points) {
  if (points.empty()) return "{}\n";
  nlohmann::json out = identity_json(points.front());
  add_method_json(out, points.front());
  nlohmann::json list = nlohmann::json::array();
  for (const RunComparison& point : points) {
    nlohmann::json entry{{"point", point.point_a.value_or(point.point_b.value_or(0))}};
    // The point's values as /meta/sweep holds them, key -> text; each file's when both are sweeps.
    entry["sweep"] = sweep_json(point.point_a ? point.sweep_a : point.sweep_b);
    if (point.point_a && point.point_b) {
      entry["sweep_a"] = sweep_json(point.sweep_a);
      entry["sweep_b"] = sweep_json(point.sweep_b);
    }
    add_method_json(entry, point);
    entry["statistics"] = statistics_json(point);
    list.push_back(std::move(entry));
  }
  out["points"] = std::move(list);
  return out.dump(2) + "\n";
}

}  // namespace primsim::output
