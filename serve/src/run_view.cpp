// Turns a results file into the JSON the classroom page draws: one reader for the page, the same
// RunFile that `primsim report` reads, so the page and the report cannot disagree.
#include "primsim/serve/run_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "primsim/models/results/result_codes.hpp"
#include "primsim/output/run_comparison.hpp"

namespace primsim::serve {

namespace {

namespace results = models::results;
namespace spec = models::spec;

template <class Array, class Code>
std::string code_name(const Array& names, Code code) {
  const auto index = static_cast<std::size_t>(code);
  return index < names.size() ? std::string(names[index]) : fmt::format("code {}", index);
}

std::string region_name(const output::RunFile& run, results::RegionCode region) {
  return code_name(run.info().region_names, region);
}

// The office whose contests send nominees to the national list; the first office otherwise.
std::size_t list_office(const spec::ScenarioSpec& scenario) {
  for (std::size_t i = 0; i < scenario.candidacy.offices.size(); ++i) {
    if (scenario.candidacy.offices[i].contest_level == spec::TerritorialLevel::national) return i;
  }
  return 0;
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100 * share); }

// One sentence on how the candidate came to be selected, from their /candidates row.
std::string why_selected(const output::RunFile& run, const results::CandidateRow& row) {
  if (row.outcome == results::Outcome::appointed) {
    return row.route == results::Route::leadership_quota ? "appointed by the party centre to a reserved place"
                                                         : "appointed by the party centre to meet a quota";
  }
  std::string why;
  if (row.contest_rank > 0) {
    why = fmt::format("came {} of {} in contest {} in {} with {} of the vote", row.contest_rank,
                      row.contest_candidates, row.contest, region_name(run, row.region), percent(row.share));
  } else {
    why = fmt::format("stood in {} without a contested vote", region_name(run, row.region));
  }
  if (row.conferences > 0) {
    why += fmt::format("; confirmed by {} conference{}", row.conferences, row.conferences == 1 ? "" : "s");
  }
  return why;
}

// Regions' shares of the membership at the epoch: written `members`, the rest of membership.size
// shared by population among the regions without them (as the loader apportions it).
std::vector<double> membership_shares(const spec::ScenarioSpec& scenario) {
  const auto& regions = scenario.territory.regions;
  std::int64_t written = 0;
  std::int64_t unwritten_population = 0;
  for (const auto& region : regions) {
    if (region.members) {
      written += *region.members;
    } else {
      unwritten_population += region.population;
    }
  }
  const double rest = static_cast<double>(std::max<std::int64_t>(0, scenario.membership.size - written));
  std::vector<double> members;
  for (const auto& region : regions) {
    members.push_back(region.members             ? static_cast<double>(*region.members)
                      : unwritten_population > 0 ? rest * static_cast<double>(region.population) /
                                                       static_cast<double>(unwritten_population)
                                                 : 0.0);
  }
  double total = 0;
  for (const double m : members) total += m;
  for (double& m : members) m = total > 0 ? m / total : 0.0;
  return members;
}

nlohmann::json list_json(const output::RunFile& run, const std::vector<results::ListRow>& list,
                         const std::vector<results::CandidateRow>& candidates, std::uint32_t first_replicate,
                         std::size_t office) {
  std::map<std::uint64_t, const results::CandidateRow*> by_id;
  for (const auto& row : candidates) {
    if (row.replicate == first_replicate && row.party == 0) by_id[row.candidate] = &row;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : list) {
    if (row.replicate != first_replicate || row.party != 0 || row.office != office) continue;
    const auto found = by_id.find(row.candidate);
    out.push_back({{"position", row.position},
                   {"candidate", row.candidate},
                   {"gender", code_name(results::gender_names, row.gender)},
                   {"age", row.age},
                   {"region", region_name(run, row.region)},
                   {"route", code_name(results::route_names, row.route)},
                   {"why", found != by_id.end() ? why_selected(run, *found->second) : std::string()}});
  }
  return out;
}

}  // namespace

nlohmann::json run_view(const output::RunFile& run, const spec::ScenarioSpec& scenario) {
  const auto summary = run.summary();
  std::vector<std::uint32_t> replicates;
  for (const auto& row : summary) {
    if (row.party == 0) replicates.push_back(row.replicate);
  }
  std::sort(replicates.begin(), replicates.end());
  const auto index_of = [&](std::uint32_t replicate) {
    return static_cast<std::size_t>(std::lower_bound(replicates.begin(), replicates.end(), replicate) -
                                    replicates.begin());
  };
  const std::size_t n = replicates.size();
  const std::uint32_t first = replicates.empty() ? 0 : replicates.front();
  const std::size_t office = list_office(scenario);
  const auto list = run.list();
  const auto candidates = run.candidates();

  nlohmann::json view;
  view["replicates"] = n;
  view["list_office"] = scenario.candidacy.offices.empty() ? "" : scenario.candidacy.offices[office].name;
  view["list"] = list_json(run, list, candidates, first, office);

  // The funnel: only the stages some candidate reached in this scenario.
  std::vector<std::vector<double>> funnel(results::funnel_order.size(), std::vector<double>(n, 0.0));
  for (const auto& row : run.funnel()) {
    if (row.party != 0) continue;
    funnel[results::funnel_rank(row.stage)][index_of(row.replicate)] += static_cast<double>(row.count);
  }
  nlohmann::json stages = nlohmann::json::array();
  for (std::size_t i = 0; i < funnel.size(); ++i) {
    if (std::all_of(funnel[i].begin(), funnel[i].end(), [](double c) { return c == 0; })) continue;
    stages.push_back(
        {{"name", code_name(results::stage_names, results::funnel_order[i])}, {"replicates", funnel[i]}});
  }
  view["funnel"] = stages;

  // Turnout: the share of the selectorate that has voted by the end of each hour, nationwide.
  std::map<std::int64_t, std::vector<std::pair<double, double>>> by_time;  // time -> (votes, eligible)
  for (const auto& row : run.turnout()) {
    if (row.party != 0) continue;
    auto& slots = by_time[row.time.seconds_since_epoch()];
    slots.resize(n);
    slots[index_of(row.replicate)].first += static_cast<double>(row.votes_cumulative);
    slots[index_of(row.replicate)].second += static_cast<double>(row.eligible);
  }
  nlohmann::json hours = nlohmann::json::array();
  std::vector<std::vector<double>> turnout(n);
  const std::int64_t start = by_time.empty() ? 0 : by_time.begin()->first;
  for (const auto& [time, slots] : by_time) {
    hours.push_back(static_cast<double>(time - start) / 3600.0);
    for (std::size_t r = 0; r < n; ++r)
      turnout[r].push_back(slots[r].second > 0 ? slots[r].first / slots[r].second : 0.0);
  }
  view["turnout"] = {{"hours", hours}, {"replicates", turnout}};

  // The list by region and by age band against the membership, over every replicate's list.
  const auto& regions = scenario.territory.regions;
  const std::vector<double> members = membership_shares(scenario);
  std::vector<std::string> region_names;
  for (const auto& region : regions) region_names.push_back(region.name);
  std::vector<double> list_by_region(region_names.size(), 0.0);
  const auto& bands = scenario.membership.age_bands;
  std::vector<double> list_by_band(bands.size(), 0.0);
  double listed = 0;
  for (const auto& row : list) {
    if (row.party != 0 || row.office != office) continue;
    listed += 1;
    if (row.region < regions.size()) {
      list_by_region[row.region] += 1.0;
    } else {
      // The party centre's appointees belong to no region: a category of their own.
      const std::string name = "party centre";
      const auto found = std::find(region_names.begin(), region_names.end(), name);
      if (found == region_names.end()) {
        region_names.push_back(name);
        list_by_region.push_back(1.0);
      } else {
        list_by_region[static_cast<std::size_t>(found - region_names.begin())] += 1.0;
      }
    }
    for (std::size_t b = 0; b < bands.size(); ++b) {
      if (row.age >= bands[b].min_age && row.age <= bands[b].max_age) list_by_band[b] += 1.0;
    }
  }
  nlohmann::json by_region = nlohmann::json::array();
  for (std::size_t i = 0; i < region_names.size(); ++i) {
    by_region.push_back({{"name", region_names[i]},
                         {"membership", i < members.size() ? members[i] : 0.0},
                         {"list", listed > 0 ? list_by_region[i] / listed : 0.0}});
  }
  view["regions"] = by_region;
  nlohmann::json by_band = nlohmann::json::array();
  for (std::size_t b = 0; b < bands.size(); ++b) {
    by_band.push_back({{"name", bands[b].name},
                       {"membership", bands[b].share},
                       {"list", listed > 0 ? list_by_band[b] / listed : 0.0}});
  }
  view["age_bands"] = by_band;

  // Who was selected, office by office: means over the replicates of /democracy.
  nlohmann::json offices = nlohmann::json::array();
  const auto democracy = run.democracy();
  for (std::size_t o = 0; o < scenario.candidacy.offices.size(); ++o) {
    double rows = 0, places = 0, by_vote = 0, leadership = 0, empty = 0, women = 0, young = 0;
    for (const auto& row : democracy) {
      if (row.party != 0 || row.office != o) continue;
      rows += 1;
      places += static_cast<double>(row.places);
      by_vote += static_cast<double>(row.places_by_vote);
      leadership += static_cast<double>(row.places_leadership);
      empty += static_cast<double>(row.places_empty);
      women += std::isnan(row.women_share_list) ? 0.0 : row.women_share_list;
      young += std::isnan(row.under35_share_list) ? 0.0 : row.under35_share_list;
    }
    const double d = rows > 0 ? rows : 1.0;
    offices.push_back({{"name", scenario.candidacy.offices[o].name},
                       {"places", places / d},
                       {"by_vote", by_vote / d},
                       {"leadership", leadership / d},
                       {"empty", empty / d},
                       {"women_share", women / d},
                       {"under35_share", young / d}});
  }
  view["offices"] = offices;
  return view;
}

nlohmann::json comparison_view(const output::RunFile& baseline, const output::RunFile& changed) {
  const nlohmann::json full =
      nlohmann::json::parse(output::comparison_json(output::compare_runs(baseline, changed)));
  nlohmann::json out{{"method", full.at("method")},
                     {"method_note", full.at("method_note")},
                     {"interval", full.at("interval")}};
  nlohmann::json statistics = nlohmann::json::array();
  for (const auto& stat : full.at("statistics")) {
    statistics.push_back({{"key", stat.at("key")},
                          {"group", stat.at("group")},
                          {"label", stat.at("label")},
                          {"unchanged", stat.at("mean_a")},
                          {"changed", stat.at("mean_b")},
                          {"difference", stat.at("difference")},
                          {"low", stat.at("low")},
                          {"high", stat.at("high")}});
  }
  out["statistics"] = statistics;
  return out;
}

}  // namespace primsim::serve
