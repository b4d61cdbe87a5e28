// The terminal report and the comparison of two runs, on small files whose statistics are
// known by construction.
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/html_report.hpp"
#include "primsim/output/run_comparison.hpp"
#include "primsim/output/run_warnings.hpp"
#include "primsim/output/terminal_report.hpp"
#include "sample_run.hpp"

namespace fs = std::filesystem;
using namespace primsim::output;
using primsim::models::results::ReplicateResults;
using primsim::models::results::WarningKind;

namespace {

// Replicates of the sample run whose turnout is overwritten with the given values, with the
// sample's /warnings rows when `with_warnings`.
fs::path write_turnouts(const std::string& name, const std::vector<double>& turnouts,
                        bool with_warnings = false) {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / (name + ".h5");
  Hdf5Writer writer(path, primsim::test::sample_run_info(5, static_cast<std::uint32_t>(turnouts.size())));
  for (std::uint32_t r = 0; r < turnouts.size(); ++r) {
    ReplicateResults results = primsim::test::sample_replicate(5, r);
    results.summary.front().turnout = turnouts[r];
    if (with_warnings) primsim::test::add_sample_warnings(results);
    writer.publish(results);
  }
  writer.finish("end");
  return path;
}

}  // namespace

TEST_CASE("the terminal report shows the ensemble mean and 90% interval", "[output]") {
  const RunFile run = RunFile::open(write_turnouts("report", {0.80, 0.90}));
  const std::string report = terminal_report(run);
  CHECK_THAT(report, Catch::Contains("scenario sample_2020, 2 replicates, seed 5"));
  // mean 85.0%; 5th percentile 0.80 + 0.05 * 0.10, 95th 0.80 + 0.95 * 0.10
  CHECK_THAT(report,
             Catch::Contains("turnout                                             85.0%   [80.5%, 89.5%]"));
  CHECK_THAT(report, Catch::Contains("democracy yardsticks (Rahat)"));
  CHECK_THAT(report, Catch::Contains("turnover against the previous list"));
}

TEST_CASE("departures from the scenario head both reports, and a run without any shows none", "[output]") {
  const RunFile run = RunFile::open(write_turnouts("warnings", {0.80, 0.82, 0.84}, true));
  // Replicates 0, 1, 2: the quota unmet in 3 + 4 + 3 contests; places empty in replicate 1 only.
  const std::vector<RunWarning> warnings = run_warnings(run);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].kind == WarningKind::quota_unmet);
  CHECK(warnings[0].replicates == 3);
  CHECK(warnings[0].occurrences == 10);
  const std::string quota =
      "members_vote (majilis): quota for women unmet 10 times in 3 of 3 replicates (expected 20, found 10); "
      "the quota "
      "was relaxed";
  const std::string empty =
      "congress (majilis): places not filled 1 time in 1 of 3 replicates (expected 126, found 124); places "
      "left empty";
  CHECK(warning_text(run, warnings[0]) == quota);
  CHECK(warning_text(run, warnings[1]) == empty);

  const std::string report = terminal_report(run);
  CHECK_THAT(report, Catch::Contains("WARNING: the run departed from the scenario in 2 ways"));
  CHECK_THAT(report, Catch::Contains("  " + quota + "\n  " + empty + "\n"));
  // At the top: before the first statistic.
  CHECK(report.find("WARNING") < report.find("statistic"));

  const std::string html = html_report(run);
  CHECK_THAT(html, Catch::Contains("<section id=\"warnings\""));
  CHECK_THAT(html, Catch::Contains("<td>quota_unmet</td><td>members_vote</td><td>majilis</td><td>3 of 3</td>"
                                   "<td>10</td><td>20</td><td>10</td>"));
  CHECK(html.find("id=\"warnings\"") < html.find("<svg"));

  const RunFile quiet = RunFile::open(write_turnouts("no_warnings", {0.80, 0.82, 0.84}));
  CHECK(run_warnings(quiet).empty());
  CHECK_THAT(terminal_report(quiet), !Catch::Contains("WARNING"));
  CHECK_THAT(html_report(quiet), !Catch::Contains("id=\"warnings\""));
}

TEST_CASE("the headline yardsticks are the list office's, and the offices stand side by side", "[output]") {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / "offices.h5";
  {
    Hdf5Writer writer(path, primsim::test::sample_run_info(5, 2));
    for (std::uint32_t r = 0; r < 2; ++r) {
      ReplicateResults results = primsim::test::sample_replicate(5, r);
      // Office 0 is the list's; office 1 must not leak into the headline, nor be averaged in.
      REQUIRE(results.democracy.size() == 2);
      results.democracy[0].women_share_list = 0.30 + 0.02 * r;
      results.democracy[1].women_share_list = 0.90;
      results.democracy[0].regional_disproportionality_vote = 0.20;
      results.democracy[0].regional_disproportionality_proportional = 0.01;
      results.democracy[0].regional_disproportionality_random = 0.10;
      writer.publish(results);
    }
    writer.finish("end");
  }
  const RunFile run = RunFile::open(path);
  CHECK(list_office(run, 0) == 0);
  for (const HeadlineStatistic& stat : headline_statistics(run)) {
    if (stat.key == "women_share_list") CHECK(stat.values == std::vector<double>{0.30, 0.32});
    if (stat.key == "places_leadership") CHECK(stat.values == std::vector<double>{49, 49});
  }
  const std::vector<OfficeRepresentation> offices = representation_by_office(run, 0);
  REQUIRE(offices.size() == 2);
  CHECK(offices[0].name == "majilis");
  CHECK(offices[0].is_list_office);
  CHECK(offices[0].disproportionality_vote.mean == Approx(0.20));
  CHECK(offices[1].name == "oblast_maslihat");
  CHECK(offices[1].places.mean == 51);

  const std::string report = terminal_report(run);
  CHECK_THAT(report, Catch::Contains("democracy yardsticks (Rahat), office majilis"));
  CHECK_THAT(report, Catch::Contains("women on the list                                   31.0%"));
  CHECK_THAT(report,
             Catch::Matches(
                 "(.|\n)*majilis \\(list\\) +126 +77 +49 +0 +[0-9.]+% +20\\.0% +1\\.0% +10\\.0%\n(.|\n)*"));
  CHECK_THAT(report, Catch::Matches(
                         "(.|\n)*oblast_maslihat +51 +51 +0 +0 +8\\.0% +8\\.0% +7\\.0% +15\\.0%\n(.|\n)*"));

  const std::string html = html_report(run);
  CHECK_THAT(html,
             Catch::Contains("<th>LH, places by vote</th><th>LH, proportional</th><th>LH, random</th>"));
  CHECK_THAT(html, Catch::Contains("<td>majilis (list)</td><td>126</td><td>77</td><td>49</td><td>0</td>"));
}

TEST_CASE("the HTML report says who was selected and why, office by office", "[output]") {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / "selection.h5";
  ReplicateResults first = primsim::test::sample_replicate(5, 0);
  {
    Hdf5Writer writer(path, primsim::test::sample_run_info(5, 2));
    writer.publish(first);
    writer.publish(primsim::test::sample_replicate(5, 1));
    writer.finish("end");
  }
  const std::string html = html_report(RunFile::open(path));
  for (const char* office : {"majilis", "oblast_maslihat"}) {
    CHECK_THAT(html, Catch::Contains(std::string("Who was selected and why: ") + office));
  }
  CHECK_THAT(html, Catch::Contains("id=\"selection-office-0\""));
  CHECK_THAT(html,
             Catch::Contains("The tables show replicate 0 only, the first in the file; the outcome counts "
                             "at the end are ensemble means over 2 replicates."));
  CHECK_THAT(html, Catch::Contains("126 places on the list, in place order."));
  // The top of the list: place 1 is the nominee of highest scaled share, with its contest.
  const primsim::models::results::CandidateRow* top = nullptr;
  for (const auto& row : first.candidates) {
    if (row.list_position == 1) top = &row;
  }
  REQUIRE(top != nullptr);
  CHECK_THAT(html, Catch::Contains(fmt::format("<tr><td>1</td><td>{}</td>", top->candidate)));
  CHECK_THAT(html, Catch::Contains(fmt::format("<td>{} of 10</td><td>{:.2f}</td><td>listed</td>",
                                               top->contest_rank, top->scaled_share)));
  // 85 nominees for 77 places by vote: 8 just below the line.
  CHECK_THAT(
      html, Catch::Contains("Just below the line: the 8 nominees not listed with the highest scaled shares"));
  // Every replicate has 17 contests of 10 on the list office's side, 5 winners each.
  CHECK_THAT(html, Catch::Contains("<tr><td>lost</td><td>85.0</td></tr>"));
  CHECK_THAT(html, Catch::Contains("<tr><td>appointed</td><td>49.0</td></tr>"));
  CHECK_THAT(html, Catch::Contains("<tr><td>removed: skipped_debates</td>"));
  CHECK_THAT(html, Catch::Contains("<tr><td>won</td><td>51.0</td></tr>"));
}

TEST_CASE("compare --unpaired gives both means, the difference and its Welch interval", "[output]") {
  const RunFile a = RunFile::open(write_turnouts("a", {0.81, 0.82, 0.83}));
  const RunFile b = RunFile::open(write_turnouts("b", {0.84, 0.85, 0.86}));
  const RunComparison comparison = compare_runs(a, b, {}, true);
  const std::string text = comparison_text(comparison);
  CHECK(comparison.office_a == "majilis");
  CHECK(comparison.method == ComparisonMethod::welch);
  CHECK_THAT(text, Catch::Contains("unpaired Welch: --unpaired"));
  CHECK_THAT(text, Catch::Contains("democracy yardsticks of office majilis\n"));
  // 3 pp apart; t(0.95, 4) * sqrt(2 * 0.0001 / 3) = 1.74 pp
  CHECK_THAT(text, Catch::Contains("82.0%        85.0%      +3.0 pp   [+1.3 pp, +4.7 pp]"));
  const auto json = nlohmann::json::parse(comparison_json(comparison));
  bool found = false;
  for (const auto& stat : json["statistics"]) {
    if (stat["key"] != "turnout") continue;
    found = true;
    CHECK(stat["mean_a"].get<double>() == Approx(0.82));
    CHECK(stat["difference"].get<double>() == Approx(0.03));
    CHECK(stat["low"].get<double>() == Approx(0.03 - 2.131847 * std::sqrt(0.0002 / 3.0)).epsilon(1e-6));
    CHECK(stat["replicates_b"] == 3);
    CHECK(stat["method"] == "welch");
  }
  CHECK(found);
  CHECK(json["method"] == "welch");
}

namespace {

// The value of statistic `key` in a comparison.
const ComparedStatistic& statistic(const RunComparison& comparison, const std::string& key) {
  for (const ComparedStatistic& stat : comparison.statistics) {
    if (stat.key == key) return stat;
  }
  throw std::runtime_error("no statistic " + key);
}

// A sweep over the online capacity with `turnouts[point][replicate]`, seed 5 like
// write_turnouts(), so replicate r of every point shares replicate r's draws.
fs::path write_sweep(const std::string& name, const std::vector<std::vector<double>>& turnouts) {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / (name + ".h5");
  const auto replicates = static_cast<std::uint32_t>(turnouts.front().size());
  WriterOptions options;
  options.layout.replicates_per_point = replicates;
  options.layout.sweep_keys = {"voting.channels.online.capacity"};
  for (std::size_t p = 0; p < turnouts.size(); ++p)
    options.layout.sweep_values.push_back({fmt::format("{}", 500 * (p + 1))});
  Hdf5Writer writer(path, primsim::test::sample_run_info(5, replicates), options);
  for (std::uint32_t p = 0; p < turnouts.size(); ++p) {
    for (std::uint32_t r = 0; r < replicates; ++r) {
      ReplicateResults results = primsim::test::sample_replicate(5, r);
      results.replicate = p * replicates + r;
      results.summary.front().turnout = turnouts[p][r];
      writer.publish(results);
    }
  }
  writer.finish("end");
  return path;
}

}  // namespace

TEST_CASE("compare pairs the replicates of runs with the same seed", "[output]") {
  // Common random numbers: replicate r of both runs is the same sample replicate, and the turnout
  // moves by 3 pp in each pair, within a spread of 10 pp between replicates.
  const RunFile a = RunFile::open(write_turnouts("paired_a", {0.70, 0.80, 0.75, 0.66}));
  const RunFile b = RunFile::open(write_turnouts("paired_b", {0.73, 0.83, 0.78, 0.69}));
  const RunComparison paired = compare_runs(a, b);
  CHECK(paired.method == ComparisonMethod::paired);
  CHECK(paired.pairs == 4);
  const ComparedStatistic& turnout = statistic(paired, "turnout");
  CHECK(turnout.method == ComparisonMethod::paired);
  CHECK(turnout.difference.difference == Approx(0.03));
  CHECK(turnout.difference.low == Approx(0.03));
  CHECK(turnout.difference.high == Approx(0.03));
  // What the run did not change, it did not change in any pair: exactly zero, not +- noise.
  const ComparedStatistic& votes = statistic(paired, "votes");
  CHECK(votes.difference.low == 0.0);
  CHECK(votes.difference.high == 0.0);
  const std::string text = comparison_text(paired);
  CHECK_THAT(text, Catch::Contains("paired: 4 pairs sharing seed 5 (common random numbers)"));
  CHECK_THAT(text, Catch::Contains("+3.0 pp   [+3.0 pp, +3.0 pp]"));
  CHECK_THAT(text,
             Catch::Contains("intervals: Monte Carlo noise of a fixed parameter set (4 replicates); they "
                             "do not include parameter uncertainty"));
  const auto json = nlohmann::json::parse(comparison_json(paired));
  CHECK(json["method"] == "paired");
  CHECK(json["pairs"] == 4);
  CHECK(json["seed_a"] == 5);

  // The same files unpaired: Welch sees the replicates' spread and cannot place the 3 pp.
  const RunComparison welch = compare_runs(a, b, {}, true);
  const ComparedStatistic& unpaired = statistic(welch, "turnout");
  CHECK(unpaired.method == ComparisonMethod::welch);
  CHECK(unpaired.difference.low < 0.0);
  CHECK(unpaired.difference.high > 0.06);
}

TEST_CASE("compare says why it does not pair runs with different seeds", "[output]") {
  const RunFile a = RunFile::open(write_turnouts("seed_a", {0.70, 0.80, 0.75}));
  const fs::path other = fs::temp_directory_path() / "primsim_report_test" / "seed_b.h5";
  {
    Hdf5Writer writer(other, primsim::test::sample_run_info(6, 3));
    for (std::uint32_t r = 0; r < 3; ++r) writer.publish(primsim::test::sample_replicate(6, r));
    writer.finish("end");
  }
  const RunComparison comparison = compare_runs(a, RunFile::open(other));
  CHECK(comparison.method == ComparisonMethod::welch);
  CHECK_THAT(comparison_text(comparison), Catch::Contains("unpaired Welch: seeds differ (A 5, B 6)"));
  CHECK(statistic(comparison, "turnout").method == ComparisonMethod::welch);
}

TEST_CASE("a sweep is reported and compared point by point, never pooled", "[output][sweep]") {
  // Point 0 turns out 60%, point 1 90%: a pooled mean of 75% is an outcome no point has.
  const fs::path path = write_sweep("sweep", {{0.60, 0.61, 0.62}, {0.90, 0.91, 0.92}});
  const RunFile run = RunFile::open(path);
  CHECK(run.has_sweep());
  CHECK(run.point_count() == 2);
  CHECK(run.sweep_assignments(1) == "voting.channels.online.capacity=1000");
  const std::string report = terminal_report(run);
  CHECK_THAT(report, Catch::Contains("point 0: voting.channels.online.capacity=500"));
  CHECK_THAT(report, Catch::Contains("point 1: voting.channels.online.capacity=1000"));
  CHECK_THAT(report, Catch::Contains("point 0        61.0%   [60.1%, 61.9%]"));
  CHECK_THAT(report, Catch::Contains("point 1        91.0%   [90.1%, 91.9%]"));
  CHECK_THAT(report, !Catch::Contains("76.0%"));

  const RunFile point = run.at_point(1);
  CHECK(point.replicate_count() == 3);
  const std::string one = terminal_report(point);
  CHECK_THAT(one, Catch::Contains("sweep point 1 of 2: voting.channels.online.capacity=1000"));
  CHECK_THAT(one,
             Catch::Contains("turnout                                             91.0%   [90.1%, 91.9%]"));
  CHECK_THAT(one, Catch::Contains("(3 replicates)"));
  CHECK_THAT(html_report(point), Catch::Contains("<p class=\"intervals\">intervals: Monte Carlo noise"));
  CHECK_THROWS_WITH(run.at_point(2), Catch::Contains("has 2 sweep points, 0 to 1"));

  // Against itself shifted by 2 pp at point 1 only.
  const RunFile shifted = RunFile::open(write_sweep("sweep_b", {{0.60, 0.61, 0.62}, {0.92, 0.93, 0.94}}));
  const std::vector<RunComparison> points = compare_points(run, shifted);
  REQUIRE(points.size() == 2);
  CHECK(*points[0].point_a == 0);
  CHECK(statistic(points[0], "turnout").difference.high == 0.0);
  CHECK(statistic(points[1], "turnout").difference.difference == Approx(0.02));
  CHECK(points[1].method == ComparisonMethod::paired);
  const auto json = nlohmann::json::parse(points_comparison_json(points));
  REQUIRE(json["points"].size() == 2);
  CHECK(json["points"][1]["point"] == 1);
  CHECK(json["points"][1]["sweep"]["voting.channels.online.capacity"] == "1000");
  CHECK(!json.contains("statistics"));
  // One point of the sweep against a plain run: replicate r of both still shares its draws.
  const RunFile plain = RunFile::open(write_turnouts("plain", {0.90, 0.91, 0.92}));
  const std::vector<RunComparison> against = compare_points(run, plain, 1u);
  REQUIRE(against.size() == 1);
  CHECK(statistic(against[0], "turnout").difference.high == 0.0);
  CHECK_THAT(comparison_text(against[0]), Catch::Contains("compared: A, point 1"));
  CHECK_THROWS_WITH(compare_points(run, plain, 5u), Catch::Contains("has 2 sweep points"));
}

TEST_CASE("the HTML report holds every chart and escapes names", "[output]") {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / "html.h5";
  auto info = primsim::test::sample_run_info(9, 2);
  info.region_names[0] = "<Nur-Sultan & Co>";
  {
    Hdf5Writer writer(path, info);
    writer.publish(primsim::test::sample_replicate(9, 0));
    writer.publish(primsim::test::sample_replicate(9, 1));
    writer.finish("end");
  }
  const std::string html = html_report(RunFile::open(path));
  for (const char* id : {"funnel", "turnout", "platform", "composition"}) {
    CHECK_THAT(html, Catch::Contains(std::string("<svg id=\"") + id + "\""));
  }
  CHECK_THAT(html, Catch::Contains("&lt;Nur-Sultan &amp; Co&gt;"));
  CHECK_THAT(html, !Catch::Contains("<Nur-Sultan"));
  CHECK_THAT(html, Catch::Contains("hours since voting opened (2020-10-01 00:00)"));
}

TEST_CASE("the HTML report draws a file whose times lie at the ends of the 64-bit range", "[output]") {
  // A damaged or forged file may hold any time; found by the results-file fuzz target, where the
  // hours between two such times overflowed.
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / "far_times.h5";
  {
    Hdf5Writer writer(path, primsim::test::sample_run_info(9, 1));
    ReplicateResults results = primsim::test::sample_replicate(9, 0);
    REQUIRE(results.platform.size() >= 2);
    REQUIRE(!results.turnout.empty());
    constexpr std::int64_t latest = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t earliest = std::numeric_limits<std::int64_t>::min();
    results.platform[0].time = primsim::sim::SimTime{earliest};
    results.platform[1].time = primsim::sim::SimTime{latest};
    results.turnout.front().time = primsim::sim::SimTime{latest};
    writer.publish(results);
    writer.finish("end");
  }
  const std::string html = html_report(RunFile::open(path));
  CHECK_THAT(html, Catch::Contains("<svg id=\"platform\""));
  CHECK_THAT(html, Catch::Contains(fmt::format("hours since voting opened ({} s from 2020-08-17T00:00:00)",
                                               std::numeric_limits<std::int64_t>::min())));
}

namespace {

// The sample run with a second party whose turnout is `second_turnout` and whose vote share is
// `second_share` in every replicate.
fs::path write_two_parties(const std::string& name, double second_turnout, double second_share) {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / (name + ".h5");
  auto info = primsim::test::sample_run_info(5, 3);
  info.party_names = {"Nur Otan", "Ak Zhol"};
  Hdf5Writer writer(path, info);
  for (std::uint32_t r = 0; r < 3; ++r) {
    ReplicateResults results = primsim::test::sample_replicate(5, r);
    ReplicateResults second = primsim::test::sample_replicate(5, r);
    const auto relabel = [](auto& rows) {
      for (auto& row : rows) row.party = 1;
    };
    relabel(second.summary);
    relabel(second.funnel);
    relabel(second.turnout);
    relabel(second.platform);
    relabel(second.list);
    relabel(second.democracy);
    relabel(second.candidates);
    results.summary.front().turnout = 0.80 + 0.01 * r;
    results.summary.front().vote_share = 1.0 - second_share;
    second.summary.front().turnout = second_turnout + 0.01 * r;
    second.summary.front().vote_share = second_share;
    results.append(std::move(second));
    writer.publish(results);
  }
  writer.finish("end");
  return path;
}

}  // namespace

TEST_CASE("a run of several parties reports and compares each party", "[output][parties]") {
  const RunFile run = RunFile::open(write_two_parties("parties", 0.60, 0.25));
  CHECK(run.replicate_count() == 3);
  CHECK(run.info().party_names == std::vector<std::string>{"Nur Otan", "Ak Zhol"});
  const std::string report = terminal_report(run);
  CHECK_THAT(report, Catch::Contains("party Nur Otan (75.0% of every party's votes)"));
  CHECK_THAT(report, Catch::Contains("party Ak Zhol (25.0% of every party's votes)"));
  CHECK_THAT(report, Catch::Contains("turnout                                             81.0%"));
  CHECK_THAT(report, Catch::Contains("turnout                                             61.0%"));
  CHECK(report.find("81.0%") < report.find("party Ak Zhol"));
  CHECK(headline_statistics(run, 1).front().values.size() == 3);

  const std::string html = html_report(run);
  CHECK_THAT(html, Catch::Contains("<h2>Party: Ak Zhol (25.0% of every party's votes)</h2>"));
  CHECK_THAT(html, Catch::Contains("id=\"funnel-party-1\""));

  // compare: the first party by default, a named one with --party, a clear error for a stranger.
  const RunFile other = RunFile::open(write_two_parties("parties_b", 0.70, 0.30));
  const auto turnout_difference = [](const RunComparison& comparison) {
    for (const auto& stat : comparison.statistics) {
      if (stat.key == "turnout") return stat.difference.difference;
    }
    return -1.0;
  };
  const RunComparison first = compare_runs(run, other);
  CHECK(first.party_a == "Nur Otan");
  CHECK(turnout_difference(first) == Approx(0.0).margin(1e-12));
  const RunComparison named = compare_runs(run, other, std::string("Ak Zhol"));
  CHECK(named.party_b == "Ak Zhol");
  CHECK(turnout_difference(named) == Approx(0.10));
  CHECK_THAT(comparison_text(named), Catch::Contains("(scenario sample_2020, party Ak Zhol)"));
  CHECK_THROWS_WITH(compare_runs(run, other, std::string("Auyl")),
                    Catch::Contains("has no party 'Auyl'; its parties are Nur Otan, Ak Zhol"));
}

namespace {

// The sample run with its replicates' parameters said to come from `draws`.
fs::path write_draws(const std::string& name, const std::string& draws) {
  const fs::path folder = fs::temp_directory_path() / "primsim_report_test";
  fs::create_directories(folder);
  const fs::path path = folder / (name + ".h5");
  primsim::output::RunInfo info = primsim::test::sample_run_info(5, 3);
  info.parameter_draws = draws;
  if (!draws.empty()) info.parameter_names = {"turnout.base_logit", "voting.channels.online.capacity"};
  Hdf5Writer writer(path, info);
  for (std::uint32_t r = 0; r < 3; ++r) writer.publish(primsim::test::sample_replicate(5, r));
  writer.finish("end");
  return path;
}

}  // namespace

TEST_CASE("the reports and compare say what their intervals cover", "[output]") {
  const RunFile fixed = RunFile::open(write_draws("draws_fixed", ""));
  const std::string noise =
      "intervals: Monte Carlo noise of a fixed parameter set (3 replicates); they do not include parameter "
      "uncertainty";
  CHECK_THAT(terminal_report(fixed), Catch::Contains(noise + "\n"));
  CHECK_THAT(html_report(fixed), Catch::Contains(noise));
  CHECK_THAT(comparison_text(compare_runs(fixed, fixed)), Catch::Contains(noise + "\n"));

  const RunFile prior = RunFile::open(write_draws("draws_prior", "prior"));
  const std::string uncertainty =
      "intervals: parameter uncertainty (parameters drawn from the priors, one set per replicate) and Monte "
      "Carlo noise (3 replicates; parameters: turnout.base_logit, voting.channels.online.capacity)";
  CHECK_THAT(terminal_report(prior), Catch::Contains(uncertainty));
  CHECK_THAT(html_report(prior), Catch::Contains(uncertainty));
  const RunFile posterior = RunFile::open(write_draws("draws_posterior", "posterior"));
  CHECK_THAT(terminal_report(posterior), Catch::Contains("parameters drawn from the posterior, one set per"));
  // A what-if against a baseline of another kind: one line per file.
  const std::string both = comparison_text(compare_runs(fixed, prior));
  CHECK_THAT(both, Catch::Contains("A " + noise + "\n"));
  CHECK_THAT(both, Catch::Contains("B " + uncertainty + "\n"));

  const RunFile design = RunFile::open(write_draws("draws_design", "design"));
  CHECK_THAT(terminal_report(design), Catch::Contains("it is a design over parameters (turnout.base_logit, "
                                                      "voting.channels.online.capacity)"));
  CHECK_THAT(terminal_report(design), Catch::Contains("primsim report --point K"));
}
