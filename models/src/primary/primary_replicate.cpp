// Building, running and reading out one replicate.
#include "primsim/models/primary/primary_replicate.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/primary/regional_disproportionality.hpp"
#include "primsim/sim/simulation.hpp"

namespace primsim::models {
using results::Outcome;
using results::Stage;

namespace {

double mean_or_nan(double sum, std::size_t count) {
  return count > 0 ? sum / static_cast<double>(count) : std::nan("");
}

double ratio_or_nan(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : std::nan("");
}

}  // namespace

std::vector<std::string> region_names(const spec::ScenarioSpec& scenario) {
  std::vector<std::string> names;
  for (const auto& region : scenario.territory.regions) names.push_back(region.name);
  names.emplace_back("national");
  return names;
}

std::vector<std::string> office_names(const spec::ScenarioSpec& scenario) {
  std::vector<std::string> names;
  for (const auto& office : scenario.candidacy.offices) names.push_back(office.name);
  return names;
}

std::vector<std::string> selection_stage_names(const spec::ScenarioSpec& scenario) {
  std::vector<std::string> names;
  for (const auto& stage : scenario.selection.stages) names.push_back(stage.name);
  return names;
}

std::vector<std::string> selector_group_names(const spec::ScenarioSpec& scenario) {
  std::vector<std::string> names;
  for (const auto& group : resolve_selector_groups(scenario, apportion_members(scenario)))
    names.push_back(group.name);
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
    simulation.add_lp(world_.scenario().territory.regions[r].name, std::move(region));
  }
  events_ = simulation.run(executor, observer).committed_events;
  return assemble();
}

results::ReplicateResults PrimaryReplicate::assemble() {
  settle_fates();
  results::ReplicateResults out;
  out.replicate = replicate_;
  out.summary.push_back(summary_row());
  funnel_rows(out.funnel);
  turnout_rows(out.turnout);
  platform_rows(out.platform);
  list_rows(out.list);
  candidate_rows(out.candidates);
  democracy_rows(out.summary.front(), out.democracy);
  warning_rows(out.warnings);
  selector_rows(out.selectors);
  return out;
}

void PrimaryReplicate::settle_fates() {
  // Candidates are numbered region by region; the centre's appointees on the list follow.
  const SecondStage& second = national_->second_stage();
  std::map<std::uint64_t, const Nominee*> nominee_of;
  for (const auto& n : second.nominees()) nominee_of[n.key()] = &n;
  std::map<std::uint64_t, std::uint32_t> position_of;
  for (std::size_t i = 0; i < second.list().size(); ++i)
    position_of[second.list()[i].key()] = static_cast<std::uint32_t>(i + 1);
  fates_.assign(regions_.size(), {});
  results::CandidateCode code = 0;
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    for (const Candidate& c : regions_[r]->candidates()) {
      Fate fate{code++, c.reached, Outcome::lost, 0, 0};
      if (c.outcome == CandidateOutcome::removed) {
        fate.outcome =
            c.removal_reason == results::RemovalReason::withdrew ? Outcome::withdrew : Outcome::removed;
      } else if (c.outcome == CandidateOutcome::selected) {
        // The contest's winners are its office's list in that unit, in the order they won.
        fate.outcome = Outcome::won;
        fate.list_position = c.contest_rank;
      } else if (c.reached == Stage::shortlisted) {
        // A nominee for the list: the conferences and the congress decided its fate.
        const std::uint64_t key = (std::uint64_t{c.region} << 32U) | c.id;
        const auto nominee = nominee_of.find(key);
        if (nominee != nominee_of.end()) fate.conferences = nominee->second->conferences;
        if (fate.conferences > 0) fate.reached = Stage::conference;
        fate.outcome =
            nominee != nominee_of.end() && nominee->second->vetoed ? Outcome::vetoed : Outcome::nominated;
        if (const auto listed = position_of.find(key); listed != position_of.end()) {
          fate.outcome = Outcome::listed;
          fate.reached = Stage::selected;
          fate.list_position = listed->second;
        }
      }
      fates_[r].push_back(fate);
    }
  }
  first_appointee_ = code;
}

results::SummaryRow PrimaryReplicate::summary_row() const {
  const auto& scenario = world_.scenario();
  results::SummaryRow summary;
  summary.replicate = replicate_;
  summary.party = party_;
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    const auto& votes = regions_[r]->votes();
    summary.eligible += votes.eligible;
    for (std::size_t ch = 0; ch < votes.votes_by_channel.size(); ++ch) {
      summary.votes += votes.votes_by_channel[ch];
      switch (scenario.voting.channels[world_.channels()[ch].spec_index].kind) {
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
    const auto& candidates = regions_[r]->candidates();
    for (std::size_t i = 0; i < candidates.size(); ++i) count_candidate(candidates[i], fates_[r][i], summary);
    for (const auto& complaint : regions_[r]->complaints()) {
      ++summary.complaints_filed;
      if (complaint.upheld) ++summary.complaints_upheld;
      summary.memberships_voided += complaint.memberships_voided;
    }
  }
  summary.turnout =
      summary.eligible > 0 ? static_cast<double>(summary.votes) / static_cast<double>(summary.eligible) : 0.0;
  summary.extension_hours = national_->extension_hours();
  for (const auto* region : regions_) {
    const RegionVotes& votes = region->votes();
    summary.attempts += votes.attempts;
    summary.voters_intending += votes.voters_intending;
    summary.voters_gave_up += votes.gave_up;
    summary.voters_pending_at_close += votes.pending_at_close;
  }
  return summary;
}

void PrimaryReplicate::selector_rows(std::vector<results::SelectorRow>& rows) const {
  for (std::size_t g = 0; g < world_.selector_groups().size(); ++g) {
    for (std::size_t r = 0; r < regions_.size(); ++r) {
      const RegionVotes& votes = regions_[r]->votes();
      if (g >= votes.eligible_by_group.size()) continue;
      rows.push_back({replicate_, party_, static_cast<std::uint8_t>(g), static_cast<results::RegionCode>(r),
                      votes.eligible_by_group[g], votes.votes_by_group[g]});
    }
  }
}

void PrimaryReplicate::count_candidate(const Candidate& c, const Fate& fate, results::SummaryRow& summary) {
  ++summary.applicants;
  if (c.reached >= Stage::registered) ++summary.registered;
  if (c.reached >= Stage::on_ballot) ++summary.on_ballot;
  if (fate.outcome == Outcome::won || fate.outcome == Outcome::listed) ++summary.selected;
  if (fate.outcome == Outcome::vetoed) ++summary.vetoed;
  if (c.outcome != CandidateOutcome::removed) return;
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
    case results::RemovalReason::loyalty_screening:
      ++summary.removed_loyalty_screening;
      break;
    case results::RemovalReason::none:
      break;
  }
}

void PrimaryReplicate::funnel_rows(std::vector<results::FunnelRow>& rows) const {
  // Candidates are counted at their home branch and summed up the territorial tree, office by
  // office; rows go in funnel order (conference before selected), whatever the codes.
  const Territory& territory = world_.territory();
  const std::size_t offices = world_.scenario().candidacy.offices.size();
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    for (std::size_t o = 0; o < offices; ++o) {
      for (const Stage stage : results::funnel_order) {
        rows.push_back({replicate_, party_, static_cast<results::RegionCode>(r),
                        static_cast<results::OfficeCode>(o), stage, 0});
      }
    }
  }
  for (std::size_t o = 0; o < offices; ++o) {
    for (std::size_t s = 0; s < results::funnel_order.size(); ++s) {
      std::vector<std::int64_t> at_vertex(territory.vertex_count(), 0);
      for (std::size_t r = 0; r < regions_.size(); ++r) {
        const auto& candidates = regions_[r]->candidates();
        for (std::size_t i = 0; i < candidates.size(); ++i) {
          if (candidates[i].office == o && results::funnel_rank(fates_[r][i].reached) >= s)
            ++at_vertex[territory.branch(r, candidates[i].branch)];
        }
      }
      const auto totals = territory.aggregate_up(at_vertex);
      for (std::size_t r = 0; r < regions_.size(); ++r)
        rows[(r * offices + o) * results::funnel_order.size() + s].count = totals[territory.region(r)];
    }
  }
}

void PrimaryReplicate::turnout_rows(std::vector<results::TurnoutRow>& rows) const {
  // Cumulative votes at the end of each interval of the voting span.
  if (!world_.vote_stage()) return;
  const auto interval = world_.scenario().output.turnout_interval;
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
      // The last row holds every vote: ballots whose reply arrived after the close, and paper
      // ballots of regions whose local close falls after the scenario's, belong to the close.
      if (b == bins - 1) {
        for (std::size_t later = static_cast<std::size_t>(bins); later < by_interval.size(); ++later)
          cumulative += by_interval[later];
      }
      rows.push_back({replicate_, party_, static_cast<results::RegionCode>(r),
                      world_.voting_span().start + interval * (b + 1), regions_[r]->votes().eligible,
                      cumulative});
    }
  }
}

void PrimaryReplicate::platform_rows(std::vector<results::PlatformRow>& rows) const {
  // Every minute the online channel was open, quiet minutes included.
  const OnlinePlatform* platform = national_->platform();
  if (platform == nullptr) return;
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
    rows.push_back(row);
  }
}

results::CandidateCode PrimaryReplicate::code_of(const Nominee& n, std::size_t position) const {
  if (!n.is_appointee()) return fates_[n.region][n.id].code;
  // Appointees are numbered after the applicants, in list order.
  results::CandidateCode code = first_appointee_;
  const auto& list = national_->second_stage().list();
  for (std::size_t i = 0; i < position; ++i) code += list[i].is_appointee() ? 1U : 0U;
  return code;
}

void PrimaryReplicate::list_rows(std::vector<results::ListRow>& rows) const {
  const auto national_code = static_cast<results::RegionCode>(regions_.size());
  const auto& list = national_->second_stage().list();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Nominee& n = list[i];
    rows.push_back({replicate_, party_, static_cast<results::OfficeCode>(world_.list_office().value_or(0)),
                    static_cast<std::uint32_t>(i + 1), code_of(n, i), n.gender, n.age, n.route,
                    n.is_appointee() ? national_code : n.region});
  }
}

void PrimaryReplicate::candidate_rows(std::vector<results::CandidateRow>& rows) const {
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    const auto& candidates = regions_[r]->candidates();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      const Fate& fate = fates_[r][i];
      results::CandidateRow row;
      row.replicate = replicate_;
      row.party = party_;
      row.candidate = fate.code;
      row.office = c.office;
      row.region = c.region;
      row.branch = c.branch;
      row.gender = c.gender;
      row.age = c.age;
      row.route = c.route;
      row.incumbent = c.incumbent ? 1 : 0;
      row.reached = fate.reached;
      row.outcome = fate.outcome;
      row.reason = c.outcome == CandidateOutcome::removed ? c.removal_reason : results::RemovalReason::none;
      row.contest = c.contest;
      row.contest_candidates = c.contest_candidates;
      row.votes = c.votes;
      row.share = c.score;
      row.contest_rank = c.contest_rank;
      row.scaled_share = c.scaled_share();
      row.conferences = fate.conferences;
      row.list_position = fate.list_position;
      rows.push_back(row);
    }
  }
  const auto& list = national_->second_stage().list();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Nominee& n = list[i];
    if (!n.is_appointee()) continue;
    results::CandidateRow row;
    row.replicate = replicate_;
    row.party = party_;
    row.candidate = code_of(n, i);
    row.office = static_cast<results::OfficeCode>(world_.list_office().value_or(0));
    row.region = static_cast<results::RegionCode>(regions_.size());
    row.gender = n.gender;
    row.age = n.age;
    row.route = n.route;
    row.reached = Stage::selected;
    row.outcome = Outcome::appointed;
    row.list_position = static_cast<std::uint32_t>(i + 1);
    rows.push_back(row);
  }
}

void PrimaryReplicate::democracy_rows(const results::SummaryRow& summary,
                                      std::vector<results::DemocracyRow>& rows) const {
  const auto& scenario = world_.scenario();
  std::vector<std::int64_t> selectorate;
  std::int64_t women_selectorate = 0;
  std::int64_t young_selectorate = 0;
  for (const RegionModel* region : regions_) {
    selectorate.push_back(region->votes().eligible);
    women_selectorate += region->votes().eligible_women;
    young_selectorate += region->votes().eligible_under35;
  }
  for (std::size_t o = 0; o < scenario.candidacy.offices.size(); ++o) {
    const Selected selected = selected_for(o);
    results::DemocracyRow d;
    d.replicate = replicate_;
    d.party = party_;
    d.office = static_cast<results::OfficeCode>(o);
    d.participation = summary.turnout;
    d.places = scenario.candidacy.offices[o].places;
    d.places_leadership = selected.centre;
    for (const auto p : selected.by_region) d.places_by_vote += p;
    d.places_empty = std::max<std::int64_t>(0, d.places - d.places_by_vote - d.places_leadership);
    d.candidates_per_place = ratio_or_nan(selected.on_ballot, d.places_by_vote);
    double margins = 0;
    double per_place = 0;
    std::size_t contests = 0;
    for (const RegionModel* region : regions_) {
      for (const auto& contest : region->contest_margins()) {
        if (contest.office != o) continue;
        margins += contest.margin;
        per_place += contest.candidates_per_place;
        ++contests;
      }
    }
    d.margin_last_selected = mean_or_nan(margins, contests);
    d.candidates_per_place_contest = mean_or_nan(per_place, contests);
    d.incumbents_running = selected.incumbents_running;
    d.incumbents_defeated = selected.incumbents_defeated;
    const std::int64_t filled = d.places_by_vote + d.places_leadership;
    d.women_share_list = ratio_or_nan(selected.women, filled);
    d.women_share_selectorate = ratio_or_nan(women_selectorate, summary.eligible);
    d.under35_share_list = ratio_or_nan(selected.young, filled);
    d.under35_share_selectorate = ratio_or_nan(young_selectorate, summary.eligible);
    d.regional_disproportionality = loosemore_hanby(selected.by_region, selected.centre, selectorate);
    // The previous list is the office's sitting deputies: turnover is the share of the selected
    // who were not among them.
    if (scenario.candidacy.offices[o].incumbents > 0)
      d.turnover = ratio_or_nan(filled - selected.incumbents_selected, filled);
    d.regional_disproportionality_vote = loosemore_hanby(selected.by_region, 0, selectorate);
    d.regional_disproportionality_proportional = proportional_benchmark(d.places_by_vote, selectorate);
    d.regional_disproportionality_random = random_benchmark(d.places_by_vote, selectorate);
    rows.push_back(d);
  }
}

PrimaryReplicate::Selected PrimaryReplicate::selected_for(std::size_t office) const {
  // The list office's selected are its list; another office's, its contests' winners.
  const auto youth_max = world_.scenario().candidacy.youth_max_age;
  Selected selected;
  selected.by_region.assign(regions_.size(), 0);
  const auto count = [&](bool centre, std::size_t region, results::Gender gender, std::uint8_t age) {
    ++(centre ? selected.centre : selected.by_region[region]);
    if (gender == results::Gender::female) ++selected.women;
    if (age < youth_max) ++selected.young;
  };
  const bool is_list = world_.list_office() == office;
  if (is_list) {
    for (const Nominee& n : national_->second_stage().list())
      count(n.is_appointee(), n.region, n.gender, n.age);
  }
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    const auto& candidates = regions_[r]->candidates();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (c.office != office || c.reached < Stage::on_ballot) continue;
      ++selected.on_ballot;
      const Outcome outcome = fates_[r][i].outcome;
      const bool chosen = outcome == Outcome::won || outcome == Outcome::listed;
      if (!is_list && chosen) count(false, r, c.gender, c.age);
      if (!c.incumbent) continue;
      ++selected.incumbents_running;
      if (!chosen) ++selected.incumbents_defeated;
      if (chosen) ++selected.incumbents_selected;
    }
  }
  return selected;
}

void PrimaryReplicate::warning_rows(std::vector<results::WarningRow>& rows) const {
  WarningLog log;
  for (const RegionModel* region : regions_) log.merge(region->warnings());
  log.merge(national_->second_stage().warnings());
  // An office whose contests fill fewer places than the scenario gives it: the places the
  // model leaves empty are said, not hidden.
  const auto& offices = world_.scenario().candidacy.offices;
  if (world_.vote_stage()) {
    for (std::size_t o = 0; o < offices.size(); ++o) {
      if (world_.list_office() == o) continue;
      const Selected selected = selected_for(o);
      std::int64_t filled = 0;
      for (const auto p : selected.by_region) filled += p;
      if (filled < offices[o].places) {
        log.add(results::WarningKind::places_empty, results::QuotaGroupCode::none,
                static_cast<std::uint16_t>(*world_.vote_stage()), static_cast<results::OfficeCode>(o),
                offices[o].places, filled);
      }
    }
  }
  for (results::WarningRow row : log.rows()) {
    row.replicate = replicate_;
    row.party = party_;
    rows.push_back(row);
  }
}

}  // namespace primsim::models
