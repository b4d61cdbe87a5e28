// Runs every replicate in memory (no results file), measures each target's statistic on each
// one, and prints the calibration and validation tables and the turnout of each voting day.
// The interval is the spread over replicates of one parameter set (MODELLING.md rule 6).
#include "model_validation.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "memory_check.hpp"
#include "primsim/ensemble/replicate_run.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/input_error.hpp"
#include "primsim/sim/tbb_happens_before.hpp"
#include "target_statistics.hpp"

namespace primsim::cli {
namespace {

using models::spec::TargetSpec;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kLowQuantile = 0.025;
constexpr double kHighQuantile = 0.975;

// Mean and the 2.5% and 97.5% quantiles (linear between order statistics) of the values that
// are defined; NaN when none is.
struct Spread {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double low = mean;
  double high = mean;
  std::size_t defined = 0;
};

Spread spread_of(std::vector<double> values) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  Spread s;
  s.defined = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  const auto quantile = [&](double q) {
    const double at = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (at - static_cast<double>(below)) * (values[above] - values[below]);
  };
  s.low = quantile(kLowQuantile);
  s.high = quantile(kHighQuantile);
  return s;
}

// The band a target's mean must fall in: published +- tolerance, or its bounds.
std::pair<double, double> band_of(const TargetSpec& t) {
  if (t.published) return {*t.published - t.tolerance, *t.published + t.tolerance};
  return {t.at_least.value_or(-kInfinity), t.at_most.value_or(kInfinity)};
}

std::string published_text(const TargetSpec& t) {
  if (t.published) {
    return t.tolerance > 0 ? fmt::format("{} ± {}", *t.published, t.tolerance)
                           : fmt::format("{}", *t.published);
  }
  if (t.at_least && t.at_most) return fmt::format("{} to {}", *t.at_least, *t.at_most);
  if (t.at_least) return fmt::format("at least {}", *t.at_least);
  return fmt::format("at most {}", *t.at_most);
}

std::string value_text(double value, bool share) {
  if (std::isnan(value)) return "n/a";
  return share ? fmt::format("{:.3f}", value) : fmt::format("{:.1f}", value);
}

std::string offset_text(std::int64_t seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  seconds = std::abs(seconds);
  return fmt::format("{}{:02}:{:02}", sign, seconds / 3600, seconds / 60 % 60);
}

std::string clock_text(std::int64_t seconds) {
  return fmt::format("{:02}:{:02}", seconds / 3600, seconds / 60 % 60);
}

struct Row {
  const TargetSpec* target;
  Spread spread;
  bool inside = false;
  std::vector<double> values;  // per replicate
};

struct DayRow {
  std::int64_t day = 0;
  std::int64_t until = 0;  // the latest close of the day over replicates
  std::size_t open = 0;    // replicates still voting that day
  Spread spread;
};

// Days of every replicate; a replicate that closed before a day counts its final turnout.
std::vector<DayRow> day_rows(const std::vector<std::vector<output::VotingDay>>& replicates) {
  std::map<std::int64_t, DayRow> rows;
  for (const auto& days : replicates) {
    for (const output::VotingDay& d : days) {
      DayRow& row = rows[d.day];
      row.day = d.day;
      row.until = std::max(row.until, d.until_seconds);
      ++row.open;
    }
  }
  std::vector<DayRow> out;
  for (auto& [day, row] : rows) {
    std::vector<double> values;
    for (const auto& days : replicates) {
      const auto it =
          std::find_if(days.begin(), days.end(), [&](const output::VotingDay& d) { return d.day == day; });
      if (it != days.end()) {
        values.push_back(it->turnout);
      } else if (!days.empty() && days.back().day < day) {
        values.push_back(days.back().turnout);
      }
    }
    row.spread = spread_of(std::move(values));
    out.push_back(row);
  }
  return out;
}

void print_table(const std::string& title, const std::vector<Row>& rows, bool calibration) {
  std::cout << title << '\n';
  if (rows.empty()) {
    std::cout << "  none\n\n";
    return;
  }
  std::cout << fmt::format("  {:<40} {:>20} {:>10} {:>22}  {}\n", "statistic", "published", "simulated",
                           "interval", calibration ? "inside  sets" : "inside");
  for (const Row& row : rows) {
    const bool share = models::spec::is_share(row.target->statistic);
    const std::string interval =
        fmt::format("{} to {}", value_text(row.spread.low, share), value_text(row.spread.high, share));
    const std::string inside = row.inside ? "yes" : "MISS";
    std::cout << fmt::format("  {:<40} {:>20} {:>10} {:>22}  {}\n", models::spec::label_of(*row.target),
                             published_text(*row.target), value_text(row.spread.mean, share), interval,
                             calibration ? fmt::format("{:<6}  {}", inside, row.target->sets) : inside);
  }
  std::cout << '\n';
}

nlohmann::ordered_json json_of(const std::vector<Row>& rows) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  const auto number = [](double v) { return std::isfinite(v) ? nlohmann::ordered_json(v) : nullptr; };
  for (const Row& row : rows) {
    const TargetSpec& t = *row.target;
    const auto [low, high] = band_of(t);
    nlohmann::ordered_json item;
    item["statistic"] = std::string(models::spec::name_of(t.statistic));
    item["label"] = models::spec::label_of(t);
    if (!t.region.empty()) item["region"] = t.region;
    if (!t.office.empty()) item["office"] = t.office;
    if (t.top) item["top"] = *t.top;
    item["published"] = t.published ? nlohmann::ordered_json(*t.published) : nullptr;
    item["band"] = {number(low), number(high)};
    item["simulated"] = number(row.spread.mean);
    item["interval"] = {number(row.spread.low), number(row.spread.high)};
    item["inside"] = row.inside;
    if (!t.sets.empty()) item["sets"] = t.sets;
    item["source"] = t.source;
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const double v : row.values) values.push_back(number(v));
    item["replicates"] = values;
    out.push_back(item);
  }
  return out;
}

}  // namespace

int validate_model(const ModelValidationOptions& options) {
  const auto loaded = scenarios::load_scenario(options.file, options.overrides);
  check_memory(loaded, options.file, 1);
  if (loaded.grid.size() > 1) {
    throw sim::InputError(fmt::format(
        "validate --model: {} runs a sweep of {} points; the targets are checked against one scenario "
        "(fix the swept keys with --set)",
        options.file, loaded.grid.size()));
  }
  const models::spec::ScenarioSpec& spec = loaded.grid.front().spec;
  const auto replicates = static_cast<std::uint32_t>(options.replicates.value_or(spec.ensemble.replicates));
  const std::uint64_t seed = options.seed.value_or(spec.ensemble.seed);
  const TargetStatistics statistics(spec);

  std::vector<Row> rows;
  for (const auto& t : spec.calibration) rows.push_back({&t, {}, false, std::vector<double>(replicates)});
  for (const auto& t : spec.validation) rows.push_back({&t, {}, false, std::vector<double>(replicates)});
  std::vector<std::vector<output::VotingDay>> days(replicates);

  // Each replicate on its own, as `primsim run` does, so the thread count changes nothing.
  tbb::task_arena arena(options.threads == 0 ? tbb::task_arena::automatic
                                             : static_cast<int>(options.threads));
  sim::tbb_hb::execute(arena, [&] {
    sim::tbb_hb::parallel_for(std::uint32_t{0}, replicates, [&](std::uint32_t r) {
      const ensemble::ReplicateRun run = ensemble::run_replicate(spec, seed, r);
      for (Row& row : rows) row.values[r] = statistics.measure(*row.target, run.results);
      days[r] = statistics.voting_days(run.results);
    });
  });

  std::size_t calibration_misses = 0;
  std::size_t validation_misses = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Row& row = rows[i];
    row.spread = spread_of(row.values);
    const auto [low, high] = band_of(*row.target);
    row.inside = !std::isnan(row.spread.mean) && row.spread.mean >= low && row.spread.mean <= high;
    if (!row.inside) ++(i < spec.calibration.size() ? calibration_misses : validation_misses);
  }
  const std::vector<Row> calibration(rows.begin(),
                                     rows.begin() + static_cast<std::ptrdiff_t>(spec.calibration.size()));
  const std::vector<Row> validation(rows.begin() + static_cast<std::ptrdiff_t>(spec.calibration.size()),
                                    rows.end());
  const std::vector<DayRow> voting_days = day_rows(days);
  const std::string zone = offset_text(spec.calendar.utc_offset.count());

  if (options.json) {
    nlohmann::ordered_json out;
    out["scenario"] = spec.name;
    out["replicates"] = replicates;
    out["seed"] = seed;
    out["simulated"] = "mean over replicates of the first party's statistic";
    out["interval"] = "2.5% to 97.5% quantiles over replicates: Monte Carlo noise of one parameter set";
    out["inside"] = "the mean lies in the published band (published +- tolerance, or the bounds)";
    out["calibration"] = json_of(calibration);
    out["validation"] = json_of(validation);
    nlohmann::ordered_json day_list = nlohmann::ordered_json::array();
    for (const DayRow& d : voting_days) {
      day_list.push_back({{"date", output::date_text(d.day)},
                          {"until", clock_text(d.until)},
                          {"time_zone", zone},
                          {"replicates_open", d.open},
                          {"turnout", d.spread.mean},
                          {"interval", {d.spread.low, d.spread.high}}});
    }
    out["voting_days"] = day_list;
    out["calibration_misses"] = calibration_misses;
    out["validation_misses"] = validation_misses;
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << fmt::format(
        "{}: {} replicate{}, seed {}; the first party's figures\n"
        "simulated: mean over replicates; interval: 2.5% to 97.5% of replicates (Monte Carlo noise of this "
        "parameter set, not parameter uncertainty); inside: the mean lies in the published band\n\n",
        spec.name, replicates, replicates == 1 ? "" : "s", seed);
    print_table("calibration (each figure set the parameter named)", calibration, true);
    print_table("validation (no parameter was set from these)", validation, false);
    std::cout << fmt::format(
        "cumulative turnout at the end of each voting day (local time {}; a replicate that has closed "
        "counts its final turnout)\n",
        zone);
    std::cout << fmt::format("  {:<12} {:>6} {:>8} {:>10} {:>22}\n", "day", "until", "open in", "turnout",
                             "interval");
    for (const DayRow& d : voting_days) {
      std::cout << fmt::format(
          "  {:<12} {:>6} {:>8} {:>10} {:>22}\n", output::date_text(d.day), clock_text(d.until),
          fmt::format("{}/{}", d.open, replicates), value_text(d.spread.mean, true),
          fmt::format("{} to {}", value_text(d.spread.low, true), value_text(d.spread.high, true)));
    }
    std::cout << fmt::format(
        "\ncalibration: {} of {} inside; validation: {} of {} inside{}\n",
        calibration.size() - calibration_misses, calibration.size(), validation.size() - validation_misses,
        validation.size(),
        validation_misses > 0 ? " (a validation miss is a finding: report it, do not tune to it)" : "");
  }
  return options.strict && calibration_misses > 0 ? 1 : 0;
}

}  // namespace primsim::cli
