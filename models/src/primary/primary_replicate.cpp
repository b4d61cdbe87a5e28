// Building, running and reading out one replicate.
#include "primsim/models/primary/primary_replicate.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "primsim/sim/simulation.hpp"

namespace primsim::models {
using results::Stage;

std::vector<std::string> region_names(const spec::ScenarioSpec& scenario) {
  std::vector<std::string> names;
  for (const auto& region : scenario.territory.regions) names.push_back(region.name);
  names.emplace_back("national");
  return names;
}

PrimaryReplicate::PrimaryReplicate(const spec::ScenarioSpec& scenario, std::uint64_t seed,
                                   std::uint32_t replicate, results::PartyCode party)
    : world_(scenario), seed_(seed), replicate_(replicate), party_(party) {}

results::ReplicateResults PrimaryReplicate::run(sim::Executor& executor, sim::Observer* observer) {
  sim::SimulationConfig config;
  config.lookahead = world_.lookahead();
  config.end_time = world_.scenario().calendar.horizon;
  config.seed = seed_;
  // Each party's streams sit above every replicate index's, so party 0 draws what a run of one
  // party draws and no two parties of any replicates share a stream.
  config.replicate = std::uint64_t{replicate_} | (std::uint64_t{party_} << 32U);
  simulation_ = std::make_unique<sim::Simulation>(config);
  sim::Simulation& simulation = *simulation_;
  auto national = std::make_unique<NationalModel>(world_);
  national_ = national.get();
  simulation.add_lp("national", std::move(national));
  for (std::size_t r = 0; r < world_.territory().region_count(); ++r) {
    auto region = std::make_unique<RegionModel>(world_, r);
    regions_.push_back(region.get());
    mutable_regions_.push_back(region.get());
    simulation.add_lp(world_.scenario().territory.regions[r].name, std::move(region));
  }
  events_ = simulation.run(executor, observer).committed_events;
  return assemble();
}

results::ReplicateResults PrimaryReplicate::assemble() {
  const auto& scenario = world_.scenario();
  results::ReplicateResults out;
  out.replicate = replicate_;
  auto& summary = out.summary.emplace_back();
  summary.replicate = replicate_;
  summary.party = party_;

  // The conferences and the list decide the national nominees' fate.
  std::set<std::uint64_t> listed;
  for (const auto& n : national_->list()) listed.insert(n.key);
  std::set<std::uint64_t> confirmed;
  for (const auto& n : national_->nominees()) {
    if (n.conferences > 0) confirmed.insert(n.key);
  }
  for (auto* region : mutable_regions_) {
    for (auto& c : region->candidates()) {
      if (c.reached != Stage::shortlisted || c.outcome != CandidateOutcome::in_race) continue;
      const std::uint64_t key = (std::uint64_t{c.region} << 32U) | c.id;
      if (confirmed.count(key) != 0) c.reached = Stage::conference;
      c.outcome = listed.count(key) != 0 ? CandidateOutcome::selected : CandidateOutcome::not_selected;
      if (c.outcome == CandidateOutcome::selected) c.reached = Stage::selected;
    }
  }

  std::int64_t women_selectorate = 0;
  std::int64_t young_selectorate = 0;
  std::int64_t incumbents_running = 0;
  std::int64_t incumbents_defeated = 0;
  std::vector<double> margins;
  std::vector<std::int64_t> eligible_by_region;
  const auto kinds_of = [&](std::size_t plan) {
    return scenario.voting.channels[world_.channels()[plan].spec_index].kind;
  };
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    const RegionModel& region = *regions_[r];
    const auto& votes = region.votes();
    summary.eligible += votes.eligible;
    eligible_by_region.push_back(votes.eligible);
    women_selectorate += votes.eligible_women;
    young_selectorate += votes.eligible_under35;
    for (std::size_t ch = 0; ch < votes.votes_by_channel.size(); ++ch) {
      summary.votes += votes.votes_by_channel[ch];
      switch (kinds_of(ch)) {
        case spec::ChannelKind::online:
          summary.votes_online += votes.votes_by_channel[ch];
          break;
        case spec::ChannelKind::paper:
          summary.votes_paper += votes.votes_by_channel[ch];
          break;
        case spec::ChannelKind::in_person:
          summary.votes_in_person += votes.votes_by_channel[ch];
          break;
      }
    }
    for (const auto& c : region.candidates()) {
      ++summary.applicants;
      if (c.reached >= Stage::registered) ++summary.registered;
      if (c.outcome == CandidateOutcome::removed) {
        switch (c.removal_reason) {
          case results::RemovalReason::ineligible:
            ++summary.removed_ineligible;
            break;
          case results::RemovalReason::registration_error:
            ++summary.removed_registration_error;
            break;
          case results::RemovalReason::skipped_debates:
            ++summary.removed_skipped_debates;
            ++summary.removed;
            break;
          case results::RemovalReason::complaint_upheld:
            ++summary.removed_complaint_upheld;
            ++summary.removed;
            break;
          case results::RemovalReason::withdrew:
            ++summary.withdrawn;
            break;
        }
      }
      if (c.reached >= Stage::on_ballot) ++summary.on_ballot;
      if (c.outcome == CandidateOutcome::selected) ++summary.selected;
      if (c.incumbent && c.reached >= Stage::on_ballot) {
        ++incumbents_running;
        if (c.outcome != CandidateOutcome::selected) ++incumbents_defeated;
      }
    }
    for (const auto& complaint : region.complaints()) {
      ++summary.complaints_filed;
      if (complaint.upheld) ++summary.complaints_upheld;
      summary.memberships_voided += complaint.memberships_voided;
    }
    margins.insert(margins.end(), region.contest_margins().begin(), region.contest_margins().end());
  }
  // /funnel: candidates counted at their home branch, summed up the territorial tree.
  const Territory& territory = world_.territory();
  // Rows go in funnel order (conference before selected), whatever the codes.
  for (const Stage stage : results::funnel_order) {
    std::vector<std::int64_t> at_vertex(territory.vertex_count(), 0);
    for (const RegionModel* region : regions_) {
      for (const auto& c : region->candidates()) {
        if (results::funnel_rank(c.reached) >= results::funnel_rank(stage))
          ++at_vertex[territory.branch(c.region, c.branch)];
      }
    }
    const auto totals = territory.aggregate_up(at_vertex);
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      out.funnel.push_back(
          {replicate_, party_, static_cast<results::RegionCode>(r), stage, totals[territory.region(r)]});
    }
  }
  std::stable_sort(out.funnel.begin(), out.funnel.end(),
                   [](const auto& a, const auto& b) { return a.region < b.region; });

  summary.turnout =
      summary.eligible > 0 ? static_cast<double>(summary.votes) / static_cast<double>(summary.eligible) : 0.0;
  summary.extension_hours = national_->extension_hours();

  // /turnout: cumulative votes at the end of each interval of the voting span.
  if (world_.vote_stage()) {
    const auto interval = scenario.output.turnout_interval;
    sim::SimTime close = world_.voting_span().end;
    if (national_->platform() != nullptr) close = std::max(close, national_->online_close());
    const std::int64_t bins =
        ((close - world_.voting_span().start).count() + interval.count() - 1) / interval.count();
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      const auto& by_interval = regions_[r]->votes().votes_by_interval;
      std::int64_t cumulative = 0;
      for (std::int64_t b = 0; b < bins; ++b) {
        if (static_cast<std::size_t>(b) < by_interval.size())
          cumulative += by_interval[static_cast<std::size_t>(b)];
        out.turnout.push_back({replicate_, party_, static_cast<results::RegionCode>(r),
                               world_.voting_span().start + interval * (b + 1), regions_[r]->votes().eligible,
                               cumulative});
      }
    }
  }

  // /platform: every minute the online channel was open, quiet minutes included.
  if (const OnlinePlatform* platform = national_->platform()) {
    const auto& plan = world_.channels()[*world_.online_channel()];
    const std::int64_t minutes = (national_->online_close() - plan.window.start).count() / 60;
    const auto& seen = platform->minutes();
    for (std::int64_t m = 0; m < minutes; ++m) {
      results::PlatformRow row{replicate_, party_, plan.window.start + sim::Duration::minutes(m), 0, 0, 0};
      if (const auto it = seen.find(m); it != seen.end()) {
        row.attempts = static_cast<std::int64_t>(it->second.attempts);
        row.failures = static_cast<std::int64_t>(it->second.failures);
        row.sessions = static_cast<std::int64_t>(it->second.peak_sessions);
      }
      out.platform.push_back(row);
    }
  }

  // /list and the representation yardsticks.
  const auto national_code = static_cast<results::RegionCode>(regions_.size());
  std::int64_t women_list = 0;
  std::int64_t young_list = 0;
  std::vector<std::int64_t> list_by_region(regions_.size() + 1, 0);
  const auto& list = national_->list();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& n = list[i];
    const auto region = n.region() == NationalModel::kLeadershipRegion ? national_code : n.region();
    out.list.push_back(
        {replicate_, party_, static_cast<std::uint32_t>(i + 1), n.key, n.gender, n.age, n.route, region});
    if (n.gender == results::Gender::female) ++women_list;
    if (n.age < scenario.candidacy.youth_max_age) ++young_list;
    ++list_by_region[region];
  }

  auto& d = out.democracy.emplace_back();
  d.replicate = replicate_;
  d.party = party_;
  d.participation = summary.turnout;
  std::int64_t places = 0;
  for (const auto& office : scenario.candidacy.offices) places += office.places;
  d.candidates_per_place =
      places > 0 ? static_cast<double>(summary.on_ballot) / static_cast<double>(places) : 0.0;
  d.margin_last_selected = margins.empty() ? std::nan("") : [&] {
    double sum = 0;
    for (const double m : margins) sum += m;
    return sum / static_cast<double>(margins.size());
  }();
  d.incumbents_running = incumbents_running;
  d.incumbents_defeated = incumbents_defeated;
  const auto share = [](std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : std::nan("");
  };
  const auto list_size = static_cast<std::int64_t>(list.size());
  d.women_share_list = share(women_list, list_size);
  d.women_share_selectorate = share(women_selectorate, summary.eligible);
  d.under35_share_list = share(young_list, list_size);
  d.under35_share_selectorate = share(young_selectorate, summary.eligible);
  if (list_size > 0 && summary.eligible > 0) {
    // Loosemore-Hanby over the regions; the centre's own places count as a region with no members.
    double lh = static_cast<double>(list_by_region[national_code]) / static_cast<double>(list_size);
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      lh += std::abs(share(list_by_region[r], list_size) - share(eligible_by_region[r], summary.eligible));
    }
    d.regional_disproportionality = lh / 2.0;
  } else {
    d.regional_disproportionality = std::nan("");
  }
  return out;
}

}  // namespace primsim::models
