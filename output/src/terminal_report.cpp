// The terminal summary is plain text in fixed columns so that it reads in any terminal and in a
// log file alike. Departures from the scenario come first, before any figure they qualify.
#include "primsim/output/terminal_report.hpp"

#include <cstdint>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/interval_meaning.hpp"
#include "primsim/output/run_warnings.hpp"
#include "primsim/output/voting_days.hpp"

namespace primsim::output {

namespace {

bool is_yardstick_group(const std::string& group) {
  return group == "participation" || group == "competition" || group == "representation" ||
         group == "responsiveness";
}

// The Loosemore-Hanby index over the places the vote filled next to its two benchmarks for as
// many places, and how each office's places were filled: ensemble means, one line per office.
std::string office_table(const RunFile& run, models::results::PartyCode party) {
  const std::vector<OfficeRepresentation> offices = representation_by_office(run, party);
  if (offices.empty()) return "";
  std::string out =
      "    by office, ensemble means: the places and who filled them; the Loosemore-Hanby index of every\n"
      "    selected, of the places filled by the vote, and of as many places apportioned proportionally\n"
      "    to the selectorate (largest remainders) or drawn at random in proportion to it\n";
  out +=
      fmt::format("      {:<22} {:>6} {:>7} {:>6} {:>5} {:>11} {:>10} {:>15} {:>9}\n", "office", "places",
                  "by vote", "centre", "empty", "LH selected", "LH by vote", "LH proportional", "LH random");
  for (const OfficeRepresentation& office : offices) {
    const auto count = [](const EnsembleInterval& value) {
      return format_value(value.mean, ValueKind::count);
    };
    const auto share = [](const EnsembleInterval& value) {
      return format_value(value.mean, ValueKind::fraction);
    };
    out +=
        fmt::format("      {:<22} {:>6} {:>7} {:>6} {:>5} {:>11} {:>10} {:>15} {:>9}\n",
                    office.name + (office.is_list_office ? " (list)" : ""), count(office.places),
                    count(office.places_by_vote), count(office.places_leadership), count(office.places_empty),
                    share(office.disproportionality), share(office.disproportionality_vote),
                    share(office.disproportionality_proportional), share(office.disproportionality_random));
  }
  return out;
}

// Cumulative votes at the end of each local date of the voting window, ensemble means with their
// 90% interval: an extension's votes show as a day of their own.
std::string votes_by_day(const RunFile& run, models::results::PartyCode party) {
  const std::int64_t epoch_local = epoch_on_local_clock(run.info().epoch, std::nullopt);
  std::map<std::uint32_t, std::vector<models::results::TurnoutRow>> by_replicate;
  run.scan<models::results::TurnoutRow>([&](std::span<const models::results::TurnoutRow> rows) {
    for (const auto& row : rows) {
      if (row.party == party) by_replicate[row.replicate].push_back(row);
    }
  });
  std::map<std::int64_t, std::vector<double>> votes;    // day -> votes so far, per replicate
  std::map<std::int64_t, std::vector<double>> turnout;  // day -> turnout so far, per replicate
  std::map<std::int64_t, std::int64_t> until;
  for (const auto& [replicate, rows] : by_replicate) {
    for (const VotingDay& day : voting_days(rows, party, epoch_local)) {
      votes[day.day].push_back(day.votes);
      turnout[day.day].push_back(day.turnout);
      until[day.day] = std::max(until[day.day], day.until_seconds);
    }
  }
  if (votes.empty()) return "";
  std::string out =
      "    votes by voting day, cumulative at the end of each local date or at the close (a day that\n"
      "    only some replicates reach is an extension's)\n";
  for (const auto& [day, values] : votes) {
    const EnsembleInterval cumulative = ensemble_interval(values);
    const EnsembleInterval share = ensemble_interval(turnout[day]);
    const std::string label =
        fmt::format("{} until {:02}:{:02}, turnout {}", date_text(day), until[day] / 3600,
                    (until[day] % 3600) / 60, format_value(share.mean, ValueKind::fraction));
    const std::string reached = values.size() == by_replicate.size()
                                    ? ""
                                    : fmt::format(" in {} of {}", values.size(), by_replicate.size());
    out += fmt::format("      {:<42} {:>12}   [{}, {}]{}\n", label,
                       format_value(cumulative.mean, ValueKind::count),
                       format_value(cumulative.low, ValueKind::count),
                       format_value(cumulative.high, ValueKind::count), reached);
  }
  return out;
}

// The headline of one party in fixed columns.
std::string party_statistics(const RunFile& run, models::results::PartyCode party) {
  std::string out =
      fmt::format("{:<48} {:>12}   {}\n", "statistic", "mean", "90% ensemble interval (5th-95th percentile)");
  std::string group;
  for (const HeadlineStatistic& stat : headline_statistics(run, party)) {
    if (is_office_table_key(stat.key)) continue;
    if (stat.group != group) {
      if (group == "representation") out += office_table(run, party);
      if (group == "platform") {
        out += fmt::format("democracy yardsticks (Rahat), office {}\n",
                           office_name(run, list_office(run, party)));
      }
      group = stat.group;
      out += fmt::format("{}{}\n", is_yardstick_group(group) ? "  " : "", group);
    }
    const EnsembleInterval interval = ensemble_interval(stat.values);
    const std::string range = interval.replicates == 0
                                  ? "n/a"
                                  : fmt::format("[{}, {}]", format_value(interval.low, stat.kind),
                                                format_value(interval.high, stat.kind));
    out += fmt::format("    {:<44} {:>12}   {}\n", stat.label, format_value(interval.mean, stat.kind), range);
    if (stat.key == "extension_hours") out += votes_by_day(run, party);
  }
  if (group == "representation") out += office_table(run, party);
  return out;
}

std::string warnings_block(const RunFile& run) {
  const std::vector<RunWarning> warnings = run_warnings(run);
  if (warnings.empty()) return "";
  std::string out = fmt::format(
      "WARNING: the run departed from the scenario in {} way{} (summed over replicates; rows in "
      "/warnings):\n",
      warnings.size(), warnings.size() == 1 ? "" : "s");
  for (const RunWarning& warning : warnings) out += "  " + warning_text(run, warning) + "\n";
  return out + "\n";
}

// A sweep's points are different scenarios: each headline statistic gets one row per point, so
// that no figure mixes them (a pooled "extended by 12 h" may be an outcome no point has).
std::string sweep_statistics(const RunFile& run, const std::vector<RunFile>& points,
                             models::results::PartyCode party) {
  std::vector<std::vector<HeadlineStatistic>> by_point;
  for (const RunFile& point : points) by_point.push_back(headline_statistics(point, party));
  std::string out = fmt::format("{:<40} {:>7} {:>12}   {}\n", "statistic", "point", "mean",
                                "90% ensemble interval (5th-95th percentile)");
  std::string group;
  for (std::size_t i = 0; i < by_point.front().size(); ++i) {
    const HeadlineStatistic& first = by_point.front()[i];
    if (first.group != group) {
      if (first.group == "participation") {
        out += fmt::format("democracy yardsticks (Rahat), office {}\n",
                           office_name(run, list_office(run, party)));
      }
      group = first.group;
      out += fmt::format("{}{}\n", is_yardstick_group(group) ? "  " : "", group);
    }
    out += fmt::format("    {}\n", first.label);
    for (std::size_t p = 0; p < by_point.size(); ++p) {
      const EnsembleInterval interval = ensemble_interval(by_point[p][i].values);
      const std::string range = interval.replicates == 0
                                    ? "n/a"
                                    : fmt::format("[{}, {}]", format_value(interval.low, first.kind),
                                                  format_value(interval.high, first.kind));
      out += fmt::format("    {:<36} {:>7} {:>12}   {}\n", "", fmt::format("point {}", p),
                         format_value(interval.mean, first.kind), range);
    }
  }
  return out;
}

std::string identity(const RunFile& run) {
  const auto& info = run.info();
  std::string out = fmt::format("primsim results: {}\n", run.path().string());
  out +=
      fmt::format("scenario {}, {} replicates, seed {}, primsim {}, schema version {}\n", info.scenario_name,
                  run.replicate_count(), info.seed, info.program_version, run.schema_version());
  out += fmt::format("run from {} to {}; epoch {}\n", info.start_time, run.end_time(), info.epoch);
  if (run.selected_point()) {
    out +=
        fmt::format("{} point {} of {}: {}\n", info.parameter_draws == "design" ? "design" : "sweep",
                    *run.selected_point(), run.point_count(), run.sweep_assignments(*run.selected_point()));
  }
  return out;
}

std::string sweep_report(const RunFile& run) {
  const auto& info = run.info();
  std::string out = identity(run);
  const bool design = info.parameter_draws == "design";
  out += fmt::format(
      "a {} of {} points, {} replicates each: every point is a scenario of its own, so each figure is "
      "per point (primsim report --point K for a point's full report)\n",
      design ? "design" : "sweep", run.point_count(), info.replicates);
  std::vector<RunFile> points;
  for (std::uint32_t k = 0; k < run.point_count(); ++k) {
    points.push_back(run.at_point(k));
    out += fmt::format("  point {}: {}\n", k, run.sweep_assignments(k));
  }
  // A design's file as a whole has no interval; each of its points is one fixed parameter set.
  out += interval_meaning(design ? run : points.front()) + "\n\n";
  out += warnings_block(run);
  const auto& parties = info.party_names;
  for (std::size_t p = 0; p < parties.size(); ++p) {
    const auto party = static_cast<models::results::PartyCode>(p);
    if (parties.size() > 1) out += fmt::format("{}party {}\n", p > 0 ? "\n" : "", parties[p]);
    out += sweep_statistics(run, points, party);
  }
  return out;
}

}  // namespace

std::string terminal_report(const RunFile& run) {
  if (run.has_sweep() && !run.selected_point()) return sweep_report(run);
  const auto& info = run.info();
  std::string out = identity(run);
  out += interval_meaning(run) + "\n\n";
  out += warnings_block(run);
  const auto& parties = info.party_names;
  for (std::size_t p = 0; p < parties.size(); ++p) {
    const auto party = static_cast<models::results::PartyCode>(p);
    if (parties.size() > 1) {
      const EnsembleInterval share = ensemble_interval(party_vote_shares(run, party));
      out += fmt::format("{}party {} ({} of every party's votes)\n", p > 0 ? "\n" : "", parties[p],
                         format_value(share.mean, ValueKind::fraction));
    }
    out += party_statistics(run, party);
  }
  return out;
}

}  // namespace primsim::output
