// The HTML report: departures from the scenario first, then four charts chosen for what people
// would rather see than read (where the candidates were lost, how turnout built up, when the
// platform failed, who is on the list), the headline numbers, and who was selected and why.
// Everything is inline so the file can be mailed and opened offline.
#include "primsim/output/html_report.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <tuple>

#include <fmt/format.h>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/interval_meaning.hpp"
#include "primsim/output/run_warnings.hpp"
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
// Times come from the file, and a damaged or forged file may hold any 64-bit value: differences
// are taken in double, and a time further than a millennium from the epoch is printed as seconds.
constexpr double seconds_in_a_millennium = 1000.0 * 366 * 86400;

double hours_since(std::int64_t from, std::int64_t time) {
  return (static_cast<double>(time) - static_cast<double>(from)) / 3600.0;
}

std::string local_time(const std::string& epoch, std::int64_t seconds) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(epoch.c_str(), "%d-%d-%dT%d:%d:%d", &year, &month, &day, &hour, &minute, &second) < 3) {
    return epoch;
  }
  if (std::abs(static_cast<double>(seconds)) > seconds_in_a_millennium) {
    return fmt::format("{} s from {}", seconds, epoch);
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
    xs.push_back(hours_since(opens, time));
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
    xs.push_back(hours_since(opens, time));
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

// `after_representation` goes in a row of its own at the end of the representation group.
std::string statistics_table(const std::vector<HeadlineStatistic>& stats, bool yardsticks,
                             const std::string& after_representation = "") {
  std::string html = "<table>\n<tr><th>statistic</th><th>mean</th><th>90% ensemble interval</th></tr>\n";
  std::string group;
  const auto close_group = [&] {
    if (group == "representation" && !after_representation.empty()) {
      html += "<tr><td colspan=\"3\">" + after_representation + "</td></tr>\n";
    }
  };
  for (const HeadlineStatistic& stat : stats) {
    const bool is_yardstick = stat.group != "run" && stat.group != "platform";
    if (is_yardstick != yardsticks) continue;
    if (is_office_table_key(stat.key)) continue;
    if (yardsticks && stat.group != group) {
      close_group();
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
  close_group();
  return html + "</table>\n";
}

// A mean over replicates with its 90% interval underneath.
std::string mean_cell(const EnsembleInterval& value, ValueKind kind) {
  if (value.replicates == 0) return "<td>n/a</td>";
  if (value.replicates == 1 || value.low == value.high)
    return "<td>" + format_value(value.mean, kind) + "</td>";
  return fmt::format("<td>{}<br><span class=\"small\">{} to {}</span></td>", format_value(value.mean, kind),
                     format_value(value.low, kind), format_value(value.high, kind));
}

// Each office's Loosemore-Hanby index over the places the vote filled, side by side with the two
// benchmarks for as many places, so that the share of the gap that whole places and chance
// explain can be read off; then how the places were filled.
std::string office_representation_table(const RunFile& run, PartyCode party) {
  const std::vector<OfficeRepresentation> offices = representation_by_office(run, party);
  if (offices.empty()) return "";
  std::string html =
      "<p>Regional disproportionality (Loosemore-Hanby) by office: of every selected; of the places "
      "filled by the vote; and, for as many places, of a proportional apportionment by selectorate "
      "(largest remainders) and of random draws in proportion to the selectorate. Ensemble means, 90% "
      "ensemble interval underneath.</p>\n"
      "<table class=\"offices\">\n<tr><th>office</th><th>places</th><th>by vote</th><th>party "
      "centre</th><th>empty</th><th>LH, every selected</th><th>LH, places by vote</th><th>LH, "
      "proportional</th><th>LH, random</th></tr>\n";
  for (const OfficeRepresentation& office : offices) {
    html +=
        fmt::format("<tr><td>{}{}</td>", html_escape(office.name), office.is_list_office ? " (list)" : "");
    for (const EnsembleInterval* count :
         {&office.places, &office.places_by_vote, &office.places_leadership, &office.places_empty}) {
      html += mean_cell(*count, ValueKind::count);
    }
    for (const EnsembleInterval* index :
         {&office.disproportionality, &office.disproportionality_vote,
          &office.disproportionality_proportional, &office.disproportionality_random}) {
      html += mean_cell(*index, ValueKind::fraction);
    }
    html += "</tr>\n";
  }
  return html + "</table>\n";
}

// MODELLING.md point 5: what the run did other than the scenario said comes before any figure.
std::string warnings_section(const RunFile& run) {
  const std::vector<RunWarning> warnings = run_warnings(run);
  if (warnings.empty()) return "";
  const bool several_parties = run.info().party_names.size() > 1;
  std::string html = fmt::format(
      "<section id=\"warnings\" class=\"warnings\">\n<h2>Warnings: the run departed from the "
      "scenario</h2>\n<p>In {} way{} (by kind, selection stage and office), summed over the {} "
      "replicates; the rows are in <code>/warnings</code>.</p>\n<table>\n<tr>{}<th>kind</th><th>selection "
      "stage</th><th>office</th>"
      "<th>replicates</th><th>occurrences</th><th>expected</th><th>found</th><th>what the run "
      "did</th></tr>\n",
      warnings.size(), warnings.size() == 1 ? "" : "s", run.replicate_count(),
      several_parties ? "<th>party</th>" : "");
  for (const RunWarning& warning : warnings) {
    html += fmt::format(
        "<tr>{}<td>{}</td><td>{}</td><td>{}</td><td>{} of {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}"
        "</td></tr>\n",
        several_parties ? "<td>" + html_escape(party_name(run, warning.party)) + "</td>" : "",
        warning_kind_names.at(static_cast<std::size_t>(warning.kind)),
        html_escape(selection_stage_name(run, warning.selection_stage)),
        html_escape(office_name(run, warning.office)), warning.replicates, run.replicate_count(),
        format_value(static_cast<double>(warning.occurrences), ValueKind::count),
        format_value(static_cast<double>(warning.expected), ValueKind::count),
        format_value(static_cast<double>(warning.found), ValueKind::count),
        html_escape(warning_event(warning.kind, warning.group) + "; " + warning_consequence(warning.kind)));
  }
  return html + "</table>\n</section>\n";
}

template <std::size_t N>
std::string name_of(const std::array<std::string_view, N>& names, std::size_t code) {
  return code < names.size() ? std::string(names[code]) : fmt::format("code {}", code);
}

// Scores are whole votes for most rules, points or fractions for others.
std::string format_votes(double votes) {
  if (std::isnan(votes)) return "n/a";
  if (votes == std::floor(votes)) return format_value(votes, ValueKind::count);
  return fmt::format("{:.2f}", votes);
}

constexpr std::size_t max_selected_rows = 200;
constexpr std::size_t below_the_line_rows = 10;

// Outcome categories counted per office: removals by reason, then the other outcomes. A removal
// has one of the first four reasons; the others get a row only if a file has such removals.
constexpr std::size_t removal_reasons = removal_reason_names.size();
constexpr std::size_t usual_removal_reasons = 4;  // ineligible ... complaint_upheld
constexpr std::size_t outcome_categories = removal_reasons + outcome_names.size() - 1;

std::size_t outcome_category(const CandidateRow& row) {
  if (row.outcome == Outcome::removed) {
    return std::min(static_cast<std::size_t>(row.reason), removal_reasons - 1);
  }
  return std::min(removal_reasons + static_cast<std::size_t>(row.outcome) - 1, outcome_categories - 1);
}

std::string outcome_category_name(std::size_t category) {
  if (category < removal_reasons) return "removed: " + name_of(removal_reason_names, category);
  return name_of(outcome_names, category - removal_reasons + 1);
}

// One office's candidates of the first replicate, and every replicate's outcome counts.
struct OfficeCandidates {
  std::vector<CandidateRow> first_replicate;
  std::array<double, outcome_categories> outcome_totals{};
  double candidates = 0;
};

std::string candidate_cells(const RunFile& run, const CandidateRow& row) {
  const auto& regions = run.info().region_names;
  const std::string region =
      row.region < regions.size() ? regions[row.region] : fmt::format("{}", row.region);
  const bool on_ballot = row.contest_rank > 0;
  return fmt::format(
      "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
      "<td>{}</td>",
      row.candidate, html_escape(region), name_of(route_names, static_cast<std::size_t>(row.route)),
      name_of(gender_names, static_cast<std::size_t>(row.gender)), row.age,
      row.contest > 0 ? fmt::format("{}", row.contest) : "&ndash;",
      on_ballot ? format_votes(row.votes) : "&ndash;",
      on_ballot ? format_value(row.share, ValueKind::fraction) : "&ndash;",
      on_ballot ? fmt::format("{} of {}", row.contest_rank, row.contest_candidates) : "&ndash;",
      on_ballot ? format_value(row.scaled_share, ValueKind::ratio) : "&ndash;");
}

constexpr std::string_view candidate_headings =
    "<th>candidate</th><th>region</th><th>route</th><th>gender</th><th>age</th><th>contest</th><th>votes"
    "</th><th>share</th><th>rank in contest</th><th>scaled share</th>";

// "Who was selected and why", one section per office: the first replicate's selected in place
// order with what put them there, the nominees just below the line (a near-tie shows as a small
// gap in scaled share), and the ensemble's outcome counts. /candidates is the largest table but
// for /platform, so it is read a block at a time and only the first replicate is kept.
std::string selection_sections(const RunFile& run, PartyCode party, const std::string& level) {
  std::map<OfficeCode, OfficeCandidates> offices;
  std::optional<std::uint32_t> first;
  run.scan<CandidateRow>([&](std::span<const CandidateRow> rows) {
    for (const CandidateRow& row : rows) {
      if (row.party != party) continue;
      if (!first) first = row.replicate;
      OfficeCandidates& office = offices[row.office];
      if (row.replicate == *first) office.first_replicate.push_back(row);
      office.outcome_totals[outcome_category(row)] += 1;
      office.candidates += 1;
    }
  });
  if (offices.empty()) return "";
  std::set<std::uint32_t> replicates;
  for (const SummaryRow& row : run.summary()) {
    if (row.party == party) replicates.insert(row.replicate);
  }
  const double replicate_count = static_cast<double>(std::max<std::size_t>(replicates.size(), 1));
  const OfficeCode listed_office = list_office(run, party);
  std::string html;
  for (auto& [code, office] : offices) {
    html += fmt::format("<section class=\"selection\" id=\"{}\">\n<{}>Who was selected and why: {}</{}>\n",
                        party == 0 ? fmt::format("selection-office-{}", code)
                                   : fmt::format("selection-office-{}-party-{}", code, party),
                        level, html_escape(office_name(run, code)), level);
    html += fmt::format(
        "<p>The tables show replicate {} only, the first in the file; the outcome counts at the end are "
        "ensemble means over {} replicates. Scaled share is the share of the contest's votes times the "
        "candidates in it (1: the contest's average), by which merging stages compare nominees of "
        "contests of any size.</p>\n",
        *first, replicates.size());
    std::vector<CandidateRow>& rows = office.first_replicate;
    // The other offices' seats are filled by their contests: their winners in contest order.
    const bool has_list = code == listed_office && std::any_of(rows.begin(), rows.end(), [](const auto& r) {
                            return r.list_position > 0;
                          });
    std::vector<CandidateRow> selected;
    for (const CandidateRow& row : rows) {
      const bool chosen =
          has_list ? row.list_position > 0 : row.outcome == Outcome::won || row.outcome == Outcome::appointed;
      if (chosen) selected.push_back(row);
    }
    std::sort(selected.begin(), selected.end(), [has_list](const CandidateRow& a, const CandidateRow& b) {
      const std::uint32_t place_a = has_list ? a.list_position : 0;
      const std::uint32_t place_b = has_list ? b.list_position : 0;
      return std::tie(place_a, a.region, a.contest, a.contest_rank, a.candidate) <
             std::tie(place_b, b.region, b.contest, b.contest_rank, b.candidate);
    });
    html += fmt::format(
        "<p>{} {}{}.</p>\n", selected.size(),
        has_list ? "places on the list, in place order" : "selected (contest winners and appointees)",
        selected.size() > max_selected_rows ? fmt::format("; the first {} shown", max_selected_rows) : "");
    html += fmt::format("<table class=\"candidates\">\n<tr><th>{}</th>{}<th>outcome</th></tr>\n",
                        has_list ? "place" : "#", candidate_headings);
    for (std::size_t i = 0; i < selected.size() && i < max_selected_rows; ++i) {
      const CandidateRow& row = selected[i];
      html += fmt::format("<tr><td>{}</td>{}<td>{}</td></tr>\n", has_list ? row.list_position : i + 1,
                          candidate_cells(run, row),
                          name_of(outcome_names, static_cast<std::size_t>(row.outcome)));
    }
    html += "</table>\n";

    // The line: the lowest scaled share of a place the vote filled. With an apportioned merge a
    // nominee above it can still miss the list (a negative gap): the region's places were full.
    double line = std::numeric_limits<double>::quiet_NaN();
    for (const CandidateRow& row : selected) {
      if (row.contest_rank > 0 && !(row.scaled_share >= line)) line = row.scaled_share;
    }
    std::vector<CandidateRow> below;
    for (const CandidateRow& row : rows) {
      const bool missed = has_list ? row.outcome == Outcome::nominated : row.outcome == Outcome::lost;
      if (missed && row.contest_rank > 0) below.push_back(row);
    }
    std::sort(below.begin(), below.end(), [](const CandidateRow& a, const CandidateRow& b) {
      return a.scaled_share != b.scaled_share ? a.scaled_share > b.scaled_share : a.candidate < b.candidate;
    });
    if (!below.empty()) {
      html += fmt::format(
          "<p>Just below the line: the {} {} with the highest scaled shares{}; the gap is the lowest "
          "scaled share among the places filled by the vote ({}) minus theirs. A negative gap is a nominee "
          "with a higher scaled share than someone placed: a merging stage that apportions places by "
          "membership (<code>merge: apportioned</code>) fills each region's places with that region's own "
          "nominees.</p>\n",
          std::min(below.size(), below_the_line_rows),
          has_list ? "nominees not listed" : "candidates who lost",
          below.size() > below_the_line_rows ? fmt::format(" of {}", below.size()) : "",
          format_value(line, ValueKind::ratio));
      html += fmt::format("<table class=\"candidates\">\n<tr>{}<th>outcome</th><th>gap</th></tr>\n",
                          candidate_headings);
      for (std::size_t i = 0; i < below.size() && i < below_the_line_rows; ++i) {
        html += fmt::format("<tr>{}<td>{}</td><td>{}</td></tr>\n", candidate_cells(run, below[i]),
                            name_of(outcome_names, static_cast<std::size_t>(below[i].outcome)),
                            format_value(line - below[i].scaled_share, ValueKind::ratio));
      }
      html += "</table>\n";
    }

    html +=
        "<table class=\"outcomes\">\n<tr><th>where the path ended</th><th>candidates per replicate "
        "(mean)</th></tr>\n";
    for (std::size_t category = 0; category < outcome_categories; ++category) {
      const bool unusual = category >= usual_removal_reasons && category < removal_reasons;
      if (unusual && office.outcome_totals[category] == 0) continue;
      html += fmt::format("<tr><td>{}</td><td>{:.1f}</td></tr>\n", outcome_category_name(category),
                          office.outcome_totals[category] / replicate_count);
    }
    html += fmt::format("<tr><td>every candidate</td><td>{:.1f}</td></tr>\n</table>\n</section>\n",
                        office.candidates / replicate_count);
  }
  return html;
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
        const std::int64_t time = row.time.seconds_since_epoch();
        const std::int64_t before =
            time < std::numeric_limits<std::int64_t>::min() + 3600 ? time : time - 3600;
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
      ".small {{ font-size: 11px; color: #555; }}\n"
      ".warnings {{ background: #fff3cd; border: 1px solid #d9b44a; padding: 4px 16px; margin: 16px 0; }}\n"
      "table.candidates td, table.candidates th {{ padding: 2px 8px; font-size: 13px; }}\n"
      "</style>\n</head>\n<body>\n<h1>primsim report: {0}</h1>\n"
      "<p>{1} replicates, seed {2}, primsim {3}, schema version {4}. Run from {5} to {6}. File: {7}</p>\n",
      html_escape(info.scenario_name), run.replicate_count(), info.seed, html_escape(info.program_version),
      run.schema_version(), html_escape(info.start_time), html_escape(run.end_time()),
      html_escape(run.path().string()));
  if (run.selected_point()) {
    html += fmt::format("<p>{} point {} of {}: {}</p>\n",
                        info.parameter_draws == "design" ? "Design" : "Sweep", *run.selected_point(),
                        run.point_count(), html_escape(run.sweep_assignments(*run.selected_point())));
  }
  html += fmt::format("<p class=\"intervals\">{}</p>\n", html_escape(interval_meaning(run)));
  html += warnings_section(run);
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
    html += fmt::format("<{0}>Democracy yardsticks (Rahat), office {1}</{0}>\n", level,
                        html_escape(office_name(run, list_office(run, party)))) +
            statistics_table(stats, true, office_representation_table(run, party));
    html += selection_sections(run, party, level);
  }
  html += fmt::format("<h2>Resolved scenario</h2>\n<pre>{}</pre>\n</body>\n</html>\n",
                      html_escape(info.scenario_yaml));
  return html;
}

}  // namespace primsim::output
