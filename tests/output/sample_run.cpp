// The synthetic ensemble. Figures follow FACTS.md loosely; nothing here is a model, only a
// file shaped like a real run's.
#include "sample_run.hpp"

#include <array>
#include <cmath>
#include <numeric>
#include <string_view>

#include "primsim/sim/random_stream.hpp"

namespace primsim::test {

using namespace models::results;

namespace {

constexpr std::array<std::string_view, 17> region_names{
    "Nur-Sultan", "Almaty",          "Shymkent",         "Akmola",    "Aktobe",         "Almaty oblast",
    "Atyrau",     "West Kazakhstan", "Jambyl",           "Karaganda", "Kostanay",       "Kyzylorda",
    "Mangystau",  "Pavlodar",        "North Kazakhstan", "Turkestan", "East Kazakhstan"};
// Thousands of inhabitants on 1 Jan 2020, in the order above (FACTS.md).
constexpr std::array<double, 17> population{1136, 1916, 1039, 736, 881, 2055, 645,  655, 1130,
                                            1376, 868,  803,  698, 753, 548,  2034, 1370};
constexpr double national_eligible = 787000.0;
constexpr std::int64_t voting_hours = 86;
constexpr sim::Duration voting_opens = sim::Duration::days(45);  // 1 Oct from an epoch of 17 Aug
constexpr std::uint32_t list_places = 126;
constexpr std::uint32_t leadership_places = 49;

enum Purpose : sim::RandomPurpose { turnout_noise = 1, funnel_noise, platform_noise, list_draws, yardsticks };

double normal(sim::RandomStream& stream) {
  return std::sqrt(-2.0 * std::log(stream.uniform_positive())) * std::cos(2.0 * M_PI * stream.uniform());
}

std::int64_t round_count(double value) {
  return static_cast<std::int64_t>(std::llround(std::max(0.0, value)));
}

}  // namespace

RunInfo sample_run_info(std::uint64_t seed, std::uint32_t replicates) {
  RunInfo info;
  info.program_version = "0.1.0";
  info.scenario_name = "sample_2020";
  info.scenario_yaml = "name: sample_2020\nextends: nur_otan_2020\n# a synthetic ensemble for tests\n";
  info.seed = seed;
  info.replicates = replicates;
  info.command_line = "write_sample_run sample_run.h5";
  info.start_time = "2026-01-01T00:00:00Z";
  info.epoch = "2020-08-17T00:00:00";
  info.region_names.assign(region_names.begin(), region_names.end());
  info.party_names = {"Nur Otan"};
  return info;
}

ReplicateResults sample_replicate(std::uint64_t seed, std::uint32_t replicate) {
  ReplicateResults results;
  results.replicate = replicate;
  const double total_population = std::accumulate(population.begin(), population.end(), 0.0);
  const sim::SimTime opens = sim::SimTime::epoch() + voting_opens;

  SummaryRow& summary = results.summary.emplace_back();
  summary.replicate = replicate;
  summary.extension_hours = 24.0;
  for (std::size_t r = 0; r < region_names.size(); ++r) {
    const auto region = static_cast<RegionCode>(r);
    const double share = population[r] / total_population;
    sim::RandomStream turnout({seed, replicate, r, turnout_noise});
    const std::int64_t eligible = round_count(national_eligible * share);
    const double rate = std::clamp(0.842 + 0.02 * normal(turnout), 0.5, 0.99);
    const double final_votes = rate * static_cast<double>(eligible);
    const double tau = 14.0 + 4.0 * turnout.uniform();
    for (std::int64_t hour = 1; hour <= voting_hours; ++hour) {
      const double done = (1.0 - std::exp(-static_cast<double>(hour) / tau)) /
                          (1.0 - std::exp(-static_cast<double>(voting_hours) / tau));
      results.turnout.push_back({replicate, 0, region, opens + sim::Duration::hours(hour), eligible,
                                 round_count(final_votes * done)});
    }
    summary.eligible += eligible;
    summary.votes += round_count(final_votes);

    sim::RandomStream funnel({seed, replicate, r, funnel_noise});
    const double nominated = 10700.0 * share * (1.0 + 0.05 * normal(funnel));
    const std::array<double, 7> kept{1.0, 0.99, 0.89, 0.886, 0.883, 0.25, 0.1};
    for (std::size_t stage = 0; stage < kept.size(); ++stage) {
      results.funnel.push_back(
          {replicate, 0, region, static_cast<Stage>(stage), round_count(nominated * kept[stage])});
    }
  }
  for (const FunnelRow& row : results.funnel) {
    if (row.stage == Stage::nominated) summary.applicants += row.count;
    if (row.stage == Stage::registered) summary.registered += row.count;
    if (row.stage == Stage::on_ballot) summary.on_ballot += row.count;
    if (row.stage == Stage::selected) summary.selected += row.count;
  }
  // Registered candidates who did not reach a ballot: half withdrew, the others were removed,
  // most for skipping debates (2020: 28 of 34), after more than 30 complaints.
  summary.withdrawn = (summary.registered - summary.on_ballot) / 2;
  summary.removed = summary.registered - summary.on_ballot - summary.withdrawn;
  summary.removed_skipped_debates = summary.removed * 28 / 34;
  summary.removed_complaint_upheld = summary.removed - summary.removed_skipped_debates;
  summary.removed_ineligible =
      round_count(0.9 * static_cast<double>(summary.applicants - summary.registered));
  summary.removed_registration_error = summary.applicants - summary.registered - summary.removed_ineligible;
  summary.complaints_filed = 36 + static_cast<std::int64_t>(replicate);
  summary.complaints_upheld = summary.removed_complaint_upheld;
  summary.memberships_voided = 0;
  summary.turnout = static_cast<double>(summary.votes) / static_cast<double>(summary.eligible);
  summary.votes_paper = round_count(0.125 * static_cast<double>(summary.votes));
  summary.votes_online = summary.votes - summary.votes_paper;

  // Demand far above capacity in the first hours, retried failures feeding back.
  sim::RandomStream platform({seed, replicate, 0, platform_noise});
  const double capacity = 1400.0 + 200.0 * platform.uniform();
  double retries = 0.0;
  for (std::int64_t minute = 0; minute < voting_hours * 60; ++minute) {
    const double t = static_cast<double>(minute);
    const double demand =
        3200.0 * std::exp(-t / 300.0) + 150.0 + 60.0 * std::sin(t / 229.0) + 20.0 * platform.uniform();
    const double attempts = demand + retries;
    const double failures = std::max(0.0, attempts - capacity);
    retries = 0.4 * failures;
    results.platform.push_back({replicate, 0, opens + sim::Duration::minutes(minute), round_count(attempts),
                                round_count(failures), round_count(3.0 * std::min(attempts, capacity))});
  }

  sim::RandomStream list({seed, replicate, 0, list_draws});
  std::array<double, 17> list_by_region{};
  std::uint32_t women = 0;
  std::uint32_t young = 0;
  for (std::uint32_t position = 1; position <= list_places; ++position) {
    ListRow row;
    row.replicate = replicate;
    row.position = position;
    row.candidate = 100000 + list.uniform_index(900000);
    row.gender = list.bernoulli(0.34) ? Gender::female : Gender::male;
    const bool under35 = list.bernoulli(0.15);
    row.age = static_cast<std::uint8_t>(under35 ? 25 + list.uniform_index(10) : 35 + list.uniform_index(31));
    if (position > list_places - leadership_places) {
      row.route = Route::leadership_quota;
    } else {
      const double u = list.uniform();
      row.route = u < 0.7 ? Route::self_nominated : u < 0.9 ? Route::party_branch : Route::public_association;
    }
    double pick = list.uniform() * total_population;
    std::size_t region = 0;
    while (region + 1 < population.size() && pick >= population[region]) pick -= population[region++];
    row.region = static_cast<RegionCode>(region);
    list_by_region[region] += 1.0;
    women += row.gender == Gender::female ? 1 : 0;
    young += under35 ? 1 : 0;
    results.list.push_back(row);
  }

  sim::RandomStream yardstick({seed, replicate, 0, yardsticks});
  DemocracyRow& democracy = results.democracy.emplace_back();
  democracy.replicate = replicate;
  democracy.participation = summary.turnout;
  democracy.candidates_per_place =
      static_cast<double>(summary.on_ballot) / static_cast<double>(summary.selected);
  democracy.margin_last_selected = 0.04 + 0.01 * normal(yardstick);
  democracy.incumbents_running = 900 + static_cast<std::int64_t>(yardstick.uniform_index(60));
  democracy.incumbents_defeated =
      round_count(0.22 * static_cast<double>(democracy.incumbents_running) * (1.0 + 0.1 * normal(yardstick)));
  democracy.women_share_list = women / static_cast<double>(list_places);
  democracy.women_share_selectorate = 0.52;
  democracy.under35_share_list = young / static_cast<double>(list_places);
  democracy.under35_share_selectorate = 0.22;
  double gaps = 0.0;
  for (std::size_t r = 0; r < population.size(); ++r) {
    gaps += std::fabs(list_by_region[r] / list_places - population[r] / total_population);
  }
  democracy.regional_disproportionality = gaps / 2.0;
  democracy.turnover = 0.6 + 0.05 * normal(yardstick);
  return results;
}

}  // namespace primsim::test
