// The synthetic ensemble. Figures follow FACTS.md loosely; nothing here is a model, only a
// file shaped like a real run's.
#include "sample_run.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>
#include <vector>

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
// The party centre's appointees come from "national", the region after the 17.
constexpr RegionCode national_region = static_cast<RegionCode>(region_names.size());
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

output::RunInfo sample_run_info(std::uint64_t seed, std::uint32_t replicates) {
  output::RunInfo info;
  info.program_version = "0.1.0";
  info.scenario_name = "sample_2020";
  info.scenario_yaml = "name: sample_2020\nextends: nur_otan_2020\n# a synthetic ensemble for tests\n";
  info.seed = seed;
  info.replicates = replicates;
  info.command_line = "write_sample_run sample_run.h5";
  info.start_time = "2026-01-01T00:00:00Z";
  info.epoch = "2020-08-17T00:00:00";
  info.region_names.assign(region_names.begin(), region_names.end());
  info.region_names.emplace_back("national");
  info.party_names = {"Nur Otan"};
  info.office_names = {"majilis", "oblast_maslihat"};
  info.selection_stage_names = {"members_vote", "regional_conference", "congress"};
  return info;
}

void add_sample_warnings(ReplicateResults& results) {
  const std::uint32_t replicate = results.replicate;
  // The women's quota unmet in a few list-office contests of every replicate; in odd replicates
  // the congress leaves two places empty too.
  results.warnings.push_back({replicate, 0, WarningKind::quota_unmet, QuotaGroupCode::women, 0, 0,
                              3 + replicate % 2, 2 * (3 + replicate % 2), 3 + replicate % 2});
  if (replicate % 2 == 1)
    results.warnings.push_back(
        {replicate, 0, WarningKind::places_empty, QuotaGroupCode::none, 2, 0, 1, 126, 124});
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
    // A third of the applicants run for the list office, the others for mäslihat seats.
    for (const OfficeCode office : {OfficeCode{0}, OfficeCode{1}}) {
      const double office_share = office == 0 ? 1.0 / 3.0 : 2.0 / 3.0;
      for (std::size_t stage = 0; stage < kept.size(); ++stage) {
        results.funnel.push_back({replicate, 0, region, office, static_cast<Stage>(stage),
                                  round_count(office_share * nominated * kept[stage])});
      }
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

  // Candidates: in each region a list-office contest of 10 (5 winners go on to the congress)
  // with one removed and one withdrawn candidate, and a mäslihat contest of 6 for 3 seats; then
  // the party centre's appointees. The congress lists the 77 nominees of highest scaled share and
  // the 49 appointees; the other nominees are left off.
  sim::RandomStream list({seed, replicate, 0, list_draws});
  const auto draw_person = [&list](CandidateRow& row) {
    row.gender = list.bernoulli(0.34) ? Gender::female : Gender::male;
    const bool under35 = list.bernoulli(0.15);
    row.age = static_cast<std::uint8_t>(under35 ? 25 + list.uniform_index(10) : 35 + list.uniform_index(31));
    const double u = list.uniform();
    row.route = u < 0.7 ? Route::self_nominated : u < 0.9 ? Route::party_branch : Route::public_association;
    row.incumbent = list.bernoulli(0.1) ? 1 : 0;
  };
  // Votes in a contest: shares from log-normal weights, ranks by votes.
  const auto hold_contest = [&list](std::vector<CandidateRow>& rows, std::uint32_t contest,
                                    std::size_t winners, Outcome winner, double turnout_votes) {
    std::vector<double> weights;
    double total = 0.0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      weights.push_back(std::exp(0.6 * normal(list)));
      total += weights.back();
    }
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      CandidateRow& row = rows[order[rank]];
      row.contest = contest;
      row.contest_candidates = static_cast<std::uint32_t>(rows.size());
      row.share = weights[order[rank]] / total;
      row.votes = std::round(row.share * turnout_votes);
      row.contest_rank = static_cast<std::uint32_t>(rank + 1);
      row.scaled_share = row.share * static_cast<double>(rows.size());
      row.reached = rank < winners ? Stage::shortlisted : Stage::on_ballot;
      row.outcome = rank < winners ? winner : Outcome::lost;
    }
  };
  std::vector<CandidateRow> majilis;
  std::vector<CandidateRow> maslihat;
  CandidateCode next_candidate = 0;
  const auto new_candidate = [&](OfficeCode office, RegionCode region) {
    CandidateRow row;
    row.replicate = replicate;
    row.candidate = next_candidate++;
    row.office = office;
    row.region = region;
    row.branch = static_cast<std::uint16_t>(1 + list.uniform_index(5));
    row.reason = RemovalReason::none;
    draw_person(row);
    return row;
  };
  for (std::size_t r = 0; r < region_names.size(); ++r) {
    const auto region = static_cast<RegionCode>(r);
    const double votes = national_eligible * population[r] / total_population * 0.84;
    std::vector<CandidateRow> contest;
    for (int i = 0; i < 10; ++i) contest.push_back(new_candidate(0, region));
    hold_contest(contest, static_cast<std::uint32_t>(r + 1), 5, Outcome::nominated, votes);
    majilis.insert(majilis.end(), contest.begin(), contest.end());
    CandidateRow removed = new_candidate(0, region);
    removed.outcome = Outcome::removed;
    removed.reason = static_cast<RemovalReason>(r % 4);
    removed.reached = r % 4 < 2 ? Stage::nominated : Stage::registered;
    majilis.push_back(removed);
    CandidateRow withdrew = new_candidate(0, region);
    withdrew.outcome = Outcome::withdrew;
    withdrew.reason = RemovalReason::withdrew;
    withdrew.reached = Stage::debated;
    majilis.push_back(withdrew);
    std::vector<CandidateRow> seats;
    for (int i = 0; i < 6; ++i) seats.push_back(new_candidate(1, region));
    hold_contest(seats, static_cast<std::uint32_t>(region_names.size() + r + 1), 3, Outcome::won, votes);
    for (CandidateRow& row : seats) row.reached = row.outcome == Outcome::won ? Stage::selected : row.reached;
    maslihat.insert(maslihat.end(), seats.begin(), seats.end());
  }
  std::vector<CandidateRow*> nominees;
  for (CandidateRow& row : majilis) {
    if (row.outcome == Outcome::nominated) nominees.push_back(&row);
  }
  std::sort(nominees.begin(), nominees.end(),
            [](const CandidateRow* a, const CandidateRow* b) { return a->scaled_share > b->scaled_share; });
  const std::uint32_t by_vote = list_places - leadership_places;
  for (std::uint32_t place = 0; place < by_vote && place < nominees.size(); ++place) {
    nominees[place]->outcome = Outcome::listed;
    nominees[place]->reached = Stage::selected;
    nominees[place]->conferences = 1;
    nominees[place]->list_position = place + 1;
  }
  for (std::uint32_t place = by_vote; place < list_places; ++place) {
    CandidateRow row = new_candidate(0, national_region);
    row.branch = 0;
    row.route = Route::leadership_quota;
    row.outcome = Outcome::appointed;
    row.reached = Stage::selected;
    row.list_position = place + 1;
    majilis.push_back(row);
  }
  results.candidates = majilis;
  results.candidates.insert(results.candidates.end(), maslihat.begin(), maslihat.end());

  std::vector<const CandidateRow*> listed;
  for (const CandidateRow& row : majilis) {
    if (row.list_position > 0) listed.push_back(&row);
  }
  std::sort(listed.begin(), listed.end(),
            [](const CandidateRow* a, const CandidateRow* b) { return a->list_position < b->list_position; });
  std::array<double, region_names.size() + 1> list_by_region{};
  std::array<double, region_names.size() + 1> vote_by_region{};
  std::uint32_t women = 0;
  std::uint32_t young = 0;
  for (const CandidateRow* candidate : listed) {
    results.list.push_back({replicate, 0, 0, candidate->list_position, candidate->candidate,
                            candidate->gender, candidate->age, candidate->route, candidate->region});
    list_by_region[candidate->region] += 1.0;
    if (candidate->outcome == Outcome::listed) vote_by_region[candidate->region] += 1.0;
    women += candidate->gender == Gender::female ? 1 : 0;
    young += candidate->age < 35 ? 1 : 0;
  }

  // Loosemore-Hanby of places by region against the population, the centre a region without any.
  const auto loosemore_hanby = [&](const auto& places) {
    double all = 0.0;
    for (double count : places) all += count;
    double gaps = places.back() / all;
    for (std::size_t r = 0; r < population.size(); ++r) {
      gaps += std::fabs(places[r] / all - population[r] / total_population);
    }
    return gaps / 2.0;
  };
  // Largest remainders of `by_vote` places by population.
  std::array<double, region_names.size() + 1> proportional{};
  std::vector<std::pair<double, std::size_t>> remainders;
  double given = 0.0;
  for (std::size_t r = 0; r < population.size(); ++r) {
    const double quota = by_vote * population[r] / total_population;
    proportional[r] = std::floor(quota);
    given += proportional[r];
    remainders.emplace_back(quota - proportional[r], r);
  }
  std::sort(remainders.rbegin(), remainders.rend());
  for (std::size_t i = 0; given < by_vote; ++i, given += 1.0) proportional[remainders[i].second] += 1.0;

  sim::RandomStream yardstick({seed, replicate, 0, yardsticks});
  DemocracyRow& democracy = results.democracy.emplace_back();
  democracy.replicate = replicate;
  democracy.office = 0;
  democracy.participation = summary.turnout;
  democracy.candidates_per_place =
      static_cast<double>(summary.on_ballot) / static_cast<double>(summary.selected);
  democracy.margin_last_selected = 0.4 + 0.1 * normal(yardstick);
  democracy.incumbents_running = 900 + static_cast<std::int64_t>(yardstick.uniform_index(60));
  democracy.incumbents_defeated =
      round_count(0.22 * static_cast<double>(democracy.incumbents_running) * (1.0 + 0.1 * normal(yardstick)));
  democracy.women_share_list = women / static_cast<double>(list_places);
  democracy.women_share_selectorate = 0.52;
  democracy.under35_share_list = young / static_cast<double>(list_places);
  democracy.under35_share_selectorate = 0.22;
  democracy.regional_disproportionality = loosemore_hanby(list_by_region);
  democracy.turnover = 0.6 + 0.05 * normal(yardstick);
  democracy.candidates_per_place_contest = 2.0;
  democracy.places = list_places;
  democracy.places_by_vote = by_vote;
  democracy.places_leadership = leadership_places;
  democracy.places_empty = 0;
  democracy.regional_disproportionality_vote = loosemore_hanby(vote_by_region);
  democracy.regional_disproportionality_proportional = loosemore_hanby(proportional);
  democracy.regional_disproportionality_random = 0.12 + 0.01 * normal(yardstick);

  // The mäslihats: three seats in every region, filled by their contests alone.
  DemocracyRow& seats = results.democracy.emplace_back(democracy);
  seats.office = 1;
  seats.candidates_per_place = 2.0;
  seats.candidates_per_place_contest = 2.0;
  seats.margin_last_selected = 0.3 + 0.1 * normal(yardstick);
  seats.turnover = std::numeric_limits<double>::quiet_NaN();
  seats.places = seats.places_by_vote = 3 * static_cast<std::int64_t>(region_names.size());
  seats.places_leadership = 0;
  seats.regional_disproportionality = seats.regional_disproportionality_vote = 0.08;
  seats.regional_disproportionality_proportional = 0.07;
  seats.regional_disproportionality_random = 0.15;
  return results;
}

}  // namespace primsim::test
