// The HTML report: four charts chosen for what people would rather see than read (where the
// candidates were lost, how turnout built up, when the platform failed, who is on the list),
// then the headline numbers. Everything is inline so the file can be mailed and opened offline.
#include "primsim/output/html_report.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <span>

#include <fmt/format.h>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/svg_chart.hpp"

namespace primsim::output {

using namespace models::results;

namespace {

constexpr double chart_width = 1000;
const std::array<std::string, 12> palette{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                                          "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b"};

std::string colour(std::size_t i) {
  if (i < palette.size()) return palette[i];
  return fmt::format("hsl({}, 55%, 55%)", (i * 47) % 360);
}

// "2020-10-01 00:00" from the epoch attribute plus seconds; the epoch unchanged if unparsable.
std::string local_time(const std::string& epoch, std::int64_t seconds) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(epoch.c_str(), "%d-%d-%dT%d:%d:%d", &year, &month, &day, &hour, &minute, &second) < 3) {
    return epoch;
  }
  using namespace std::chrono;
  const sys_days date{std::chrono::year{year} / month / day};
  const sys_seconds t = date + hours{hour} + minutes{minute} + std::chrono::seconds{second + seconds};
  const sys_days day_of_t = floor<days>(t);
  const year_month_day ymd{day_of_t};
  const hh_mm_ss clock{t - day_of_t};
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     clock.hours().count(), clock.minutes().count());
}

// Chart ids stay unique when the report has a section per party.
std::string chart_id(std::string_view chart, PartyCode party) {
  return party == 0 ? std::string(chart) : fmt::format("{}-party-{}", chart, party);
}

std::string funnel_chart(const RunFile& run, PartyCode party) {
  std::map<std::uint32_t, std::array<double, stage_names.size()>> totals;  // a few numbers per replicate
  run.scan<FunnelRow>([&](std::span<const FunnelRow> rows) {
    for (const FunnelRow& row : rows) {
      if (row.party != party) continue;
      const auto stage = static_cast<std::size_t>(row.stage);
      if (stage < stage_names.size()) totals[row.replicate][stage] += static_cast<double>(row.count);
    }
  });
  const double bar_height = 30;
  SvgChart chart(chart_id("funnel", party),
                 "Candidate funnel: candidates reaching each stage (ensemble mean, 90% interval)",
                 chart_width, 60 + bar_height * 1.4 * static_cast<double>(stage_names.size()));
  std::vector<EnsembleInterval> intervals;
  double top = 1;
  // Bars in the order candidates pass the stages, which is not the order of their codes.
  for (const Stage code : funnel_order) {
    const auto stage = static_cast<std::size_t>(code);
    std::vector<double> values;
    for (const auto& [replicate, counts] : totals) values.push_back(counts[stage]);
    intervals.push_back(ensemble_interval(values));
    if (intervals.back().replicates > 0) top = std::max(top, intervals.back().high);
  }
  chart.set_x_axis(0, top * 1.05, "candidates (all regions)");
  std::string bars;
  for (std::size_t place = 0; place < funnel_order.size(); ++place) {
    const auto stage = static_cast<std::size_t>(funnel_order[place]);
    const double y = chart.top() + 10 + bar_height * 1.4 * static_cast<double>(place);
    const EnsembleInterval& interval = intervals[place];
    const double mean = interval.replicates > 0 ? interval.mean : 0.0;
    bars += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>"
        "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        chart.left() - 6, y + bar_height * 0.65, stage_names[stage], chart.left(), y,
        chart.x_pixel(mean) - chart.left(), bar_height, colour(0), chart.x_pixel(mean) + 6,
        y + bar_height * 0.65, format_value(mean, ValueKind::count));
    if (interval.replicates > 1) {
      bars += fmt::format(
          "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#222\" "
          "stroke-width=\"2\"/>\n",
          chart.x_pixel(interval.low), chart.x_pixel(interval.high), y + bar_height / 2, y + bar_height / 2);
    }
  }
  chart.add_markup(bars);
  return chart.render(false);
}

// x positions are hours since `opens`. The band needs every replicate's turnout at each hour,
// one number per replicate and hour; the rows by region are summed one replicate at a time, which
// the file's order (rows grouped by replicate) allows.
std::string turnout_chart(const RunFile& run, PartyCode party, std::int64_t opens) {
  std::map<std::int64_t, std::vector<double>> shares_by_time;
  std::map<std::int64_t, std::pair<double, double>> current;  // votes, eligible of one replicate
  std::optional<std::uint32_t> current_replicate;
  const auto close_replicate = [&] {
    for (const auto& [time, totals] : current) {
      if (totals.second > 0) shares_by_time[time].push_back(totals.first / totals.second);
    }
    current.clear();
  };
  run.scan<TurnoutRow>([&](std::span<const TurnoutRow> rows) {
    for (const TurnoutRow& row : rows) {
      if (row.party != party) continue;
      if (current_replicate != row.replicate) {
        close_replicate();
        current_replicate = row.replicate;
      }
      auto& [votes, eligible] = current[row.time.seconds_since_epoch()];
      votes += static_cast<double>(row.votes_cumulative);
      eligible += static_cast<double>(row.eligible);
    }
  });
  close_replicate();
  std::vector<double> xs, means, lows, highs;
  for (const auto& [time, shares] : shares_by_time) {
    const EnsembleInterval interval = ensemble_interval(shares);
    if (interval.replicates == 0) continue;
    xs.push_back(static_cast<double>(time - opens) / 3600.0);
    means.push_back(interval.mean);
    lows.push_back(interval.low);
    highs.push_back(interval.high);
  }
  SvgChart chart(chart_id("turnout", party), "Turnout over time: share of eligible members who have voted",
                 chart_width, 420);
  chart.set_x_axis(0, xs.empty() ? 1 : xs.back(),
                   "hours since voting opened (" + local_time(run.info().epoch, opens) + ")");
  chart.set_y_axis(0, 1, "turnout", "percent");
  chart.add_band(xs, lows, highs, colour(0), "90% of replicates");
  chart.add_line(xs, means, colour(0), "ensemble mean");
  return chart.render();
}

std::string platform_chart(const RunFile& run, PartyCode party, std::int64_t opens) {
  std::map<std::int64_t, std::array<double, 3>> by_time;  // attempts, failures, replicates
  run.scan<PlatformRow>([&](std::span<const PlatformRow> rows) {
    for (const PlatformRow& row : rows) {
      if (row.party != party) continue;
      auto& sums = by_time[row.time.seconds_since_epoch()];
      sums[0] += static_cast<double>(row.attempts);
      sums[1] += static_cast<double>(row.failures);
      sums[2] += 1;
    }
  });
  std::vector<double> xs, attempts, failures;
  double top = 1;
  for (const auto& [time, sums] : by_time) {
    xs.push_back(static_cast<double>(time - opens) / 3600.0);
    attempts.push_back(sums[0] / sums[2]);
    failures.push_back(sums[1] / sums[2]);
    top = std::max(top, attempts.back());
  }
  SvgChart chart(chart_id("platform", party),
                 "Online platform: login attempts and failures per minute (ensemble mean)", chart_width, 420);
  chart.set_x_axis(0, xs.empty() ? 1 : xs.back(),
                   "hours since voting opened (" + local_time(run.info().epoch, opens) + ")");
  chart.set_y_axis(0, top * 1.05, "per minute");
  chart.add_line(xs, attempts, colour(0), "attempts");
  chart.add_line(xs, failures, colour(2), "failures");
  return chart.render();
}

std::string composition_chart(const RunFile& run, PartyCode party) {
  const std::vector<std::string> ages{"under 35", "35 to 49", "50 and over"};
  const std::vector<std::string>& regions = run.info().region_names;
  struct Breakdown {
    std::string name;
    std::vector<std::string> categories;
    std::vector<double> counts;
  };
  std::vector<Breakdown> breakdowns{
      {"gender", {gender_names.begin(), gender_names.end()}, std::vector<double>(gender_names.size())},
      {"age", ages, std::vector<double>(ages.size())},
      {"route", {route_names.begin(), route_names.end()}, std::vector<double>(route_names.size())},
      {"region", regions, std::vector<double>(regions.size())},
  };
  const auto add = [](Breakdown& breakdown, std::size_t code) {
    if (code < breakdown.counts.size()) breakdown.counts[code] += 1;
  };
  run.scan<ListRow>([&](std::span<const ListRow> rows) {
    for (const ListRow& row : rows) {
      if (row.party != party) continue;
      add(breakdowns[0], static_cast<std::size_t>(row.gender));
      add(breakdowns[1], row.age < 35 ? 0U : row.age < 50 ? 1U : 2U);
      add(breakdowns[2], static_cast<std::size_t>(row.route));
      add(breakdowns[3], row.region);
    }
  });
  const double bar_height = 34;
  const double row_height = 110;
  SvgChart chart(chart_id("composition", party), "List composition: share of list places (all replicates)",
                 chart_width, 50 + row_height * static_cast<double>(breakdowns.size()));
  chart.set_x_axis(0, 1, "");
  std::string bars;
  for (std::size_t b = 0; b < breakdowns.size(); ++b) {
    const Breakdown& breakdown = breakdowns[b];
    double total = 0;
    for (double count : breakdown.counts) total += count;
    const double y = chart.top() + row_height * static_cast<double>(b);
    bars += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", chart.left() - 6,
                        y + bar_height * 0.65, breakdown.name);
    double start = 0;
    double legend_x = chart.left();
    double legend_y = y + bar_height + 16;
    for (std::size_t c = 0; c < breakdown.categories.size(); ++c) {
      const double share = total > 0 ? breakdown.counts[c] / total : 0.0;
      const double x0 = chart.x_pixel(start);
      const double x1 = chart.x_pixel(start + share);
      bars += fmt::format(
          "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>{}: {:.1f}%</title></rect>\n",
          x0, y, x1 - x0, bar_height, colour(c), html_escape(breakdown.categories[c]), 100 * share);
      if (x1 - x0 > 38) {
        bars += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#fff\">{:.0f}%</text>\n",
            (x0 + x1) / 2, y + bar_height * 0.65, 100 * share);
      }
      const std::string label = html_escape(breakdown.categories[c]);
      const double label_width = 20 + 6.5 * static_cast<double>(breakdown.categories[c].size());
      if (legend_x + label_width > chart.right()) {
        legend_x = chart.left();
        legend_y += 16;
      }
      bars += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
          "<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"small\">{}</text>\n",
          legend_x, legend_y - 9, colour(c), legend_x + 13, legend_y, label);
      legend_x += label_width;
      start += share;
    }
  }
  chart.add_markup(bars);
  return chart.render(false);
}

std::string statistics_table(const std::vector<HeadlineStatistic>& stats, bool yardsticks) {
  std::string html = "<table>\n<tr><th>statistic</th><th>mean</th><th>90% ensemble interval</th></tr>\n";
  std::string group;
  for (const HeadlineStatistic& stat : stats) {
    const bool is_yardstick = stat.group != "run" && stat.group != "platform";
    if (is_yardstick != yardsticks) continue;
    if (yardsticks && stat.group != group) {
      group = stat.group;
      html += fmt::format("<tr class=\"group\"><td colspan=\"3\">{}</td></tr>\n", group);
    }
    const EnsembleInterval interval = ensemble_interval(stat.values);
    const std::string range = interval.replicates == 0 ? "n/a"
                                                       : format_value(interval.low, stat.kind) + " to " +
                                                             format_value(interval.high, stat.kind);
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(stat.label),
                        format_value(interval.mean, stat.kind), range);
  }
  return html + "</table>\n";
}

}  // namespace

std::string html_report(const RunFile& run) {
  const auto& info = run.info();
  // Voting opens at the first platform minute or, without a platform, an hour before the first
  // turnout count.
  std::optional<std::int64_t> first_minute;
  run.scan<PlatformRow>([&](std::span<const PlatformRow> rows) {
    for (const PlatformRow& row : rows) {
      first_minute =
          std::min(first_minute.value_or(row.time.seconds_since_epoch()), row.time.seconds_since_epoch());
    }
  });
  if (!first_minute) {
    run.scan<TurnoutRow>([&](std::span<const TurnoutRow> rows) {
      for (const TurnoutRow& row : rows) {
        const std::int64_t before = row.time.seconds_since_epoch() - 3600;
        first_minute = std::min(first_minute.value_or(before), before);
      }
    });
  }
  const std::int64_t opens = first_minute.value_or(0);
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>primsim report: {0}</title>\n<style>\n"
      "body {{ font-family: sans-serif; margin: 24px; color: #222; max-width: 1040px; }}\n"
      "svg {{ display: block; margin: 18px 0; font-size: 13px; }}\n"
      "svg .title {{ font-size: 15px; font-weight: bold; }}\n svg .small {{ font-size: 11px; }}\n"
      "table {{ border-collapse: collapse; margin: 12px 0 24px; }}\n"
      "td, th {{ border-bottom: 1px solid #ddd; padding: 4px 12px; text-align: right; }}\n"
      "td:first-child, th:first-child {{ text-align: left; }}\n tr.group td {{ font-weight: bold; "
      "text-align: left; }}\n"
      "</style>\n</head>\n<body>\n<h1>primsim report: {0}</h1>\n"
      "<p>{1} replicates, seed {2}, primsim {3}, schema version {4}. Run from {5} to {6}. File: {7}</p>\n",
      html_escape(info.scenario_name), run.replicate_count(), info.seed, html_escape(info.program_version),
      run.schema_version(), html_escape(info.start_time), html_escape(run.end_time()),
      html_escape(run.path().string()));
  const auto& parties = info.party_names;
  // One section per party, each with its own headline and charts; a one-party run has no
  // party headings.
  for (std::size_t p = 0; p < parties.size(); ++p) {
    const auto party = static_cast<PartyCode>(p);
    const std::vector<HeadlineStatistic> stats = headline_statistics(run, party);
    const std::string level = parties.size() > 1 ? "h3" : "h2";
    if (parties.size() > 1) {
      const EnsembleInterval share = ensemble_interval(party_vote_shares(run, party));
      html += fmt::format("<h2>Party: {} ({} of every party's votes)</h2>\n", html_escape(parties[p]),
                          format_value(share.mean, ValueKind::fraction));
    }
    html += fmt::format("<{0}>Headline statistics</{0}>\n", level) + statistics_table(stats, false);
    html += funnel_chart(run, party);
    html += turnout_chart(run, party, opens);
    html += platform_chart(run, party, opens);
    html += composition_chart(run, party);
    html += fmt::format("<{0}>Democracy yardsticks (Rahat)</{0}>\n", level) + statistics_table(stats, true);
  }
  html += fmt::format("<h2>Resolved scenario</h2>\n<pre>{}</pre>\n</body>\n</html>\n",
                      html_escape(info.scenario_yaml));
  return html;
}

}  // namespace primsim::output
