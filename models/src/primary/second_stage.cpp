// Conferences and the congress: nominees merged across contests, confirmed, and listed.
#include "primsim/models/primary/second_stage.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "primsim/models/primary/contest_tally.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/primary/stage_quotas.hpp"
#include "primsim/models/rules/seat_allocation.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;
namespace purposes = random_purposes;

namespace {

// `total` places among units by weight with largest remainders (Hare), none given more than its
// cap: a capped unit keeps its cap and the rest is shared again among the others.
std::vector<std::uint64_t> apportion_capped(const std::vector<std::uint64_t>& weights,
                                            const std::vector<std::uint64_t>& caps, std::uint64_t total) {
  std::vector<std::uint64_t> given(weights.size(), 0);
  std::vector<bool> open(weights.size(), false);
  std::uint64_t capacity = 0;
  for (std::size_t u = 0; u < caps.size(); ++u) {
    open[u] = caps[u] > 0;
    capacity += caps[u];
  }
  std::uint64_t left = std::min(total, capacity);
  while (left > 0) {
    std::vector<std::uint64_t> votes(weights.size(), 0);
    // A unit with no members but candidates still takes part, with the least weight.
    for (std::size_t u = 0; u < weights.size(); ++u)
      votes[u] = open[u] ? std::max<std::uint64_t>(1, weights[u]) : 0;
    rules::AllocationOptions options;
    options.method = rules::AllocationMethod::hare;
    options.seats = left;
    const auto allocation = rules::allocate_seats(votes, options);
    bool capped = false;
    for (std::size_t u = 0; u < weights.size(); ++u) {
      if (open[u] && allocation.seats[u] >= caps[u]) {
        given[u] = caps[u];
        left -= caps[u];
        open[u] = false;
        capped = true;
      }
    }
    if (capped) continue;
    for (std::size_t u = 0; u < weights.size(); ++u) {
      if (open[u]) given[u] = allocation.seats[u];
    }
    break;
  }
  return given;
}

rules::LeadershipPlacement placement_of(spec::ReservedPlacement placement) {
  switch (placement) {
    case spec::ReservedPlacement::front:
      return rules::LeadershipPlacement::leadership_first;
    case spec::ReservedPlacement::back:
      return rules::LeadershipPlacement::primary_first;
    case spec::ReservedPlacement::even:
    case spec::ReservedPlacement::explicit_:
      break;
  }
  return rules::LeadershipPlacement::interleaved;
}

// The primary winners and the centre's places merged as the congress says; explicit places
// (1 at the top) take the centre's in order, and any the scenario did not place follow the list.
std::vector<rules::ListCandidate> place_reserved(const std::vector<rules::ListCandidate>& primary,
                                                 const std::vector<rules::ListCandidate>& leadership,
                                                 const spec::StageSpec& congress) {
  if (congress.reserved_placement != spec::ReservedPlacement::explicit_)
    return rules::merge_leadership_places(primary, leadership, placement_of(congress.reserved_placement));
  const std::set<std::int32_t> reserved(congress.reserved_positions.begin(),
                                        congress.reserved_positions.end());
  std::vector<rules::ListCandidate> merged;
  std::size_t p = 0;
  std::size_t l = 0;
  while (p < primary.size() || l < leadership.size()) {
    const auto place = static_cast<std::int32_t>(merged.size() + 1);
    const bool centre = l < leadership.size() && (reserved.count(place) != 0 || p == primary.size());
    merged.push_back(centre ? leadership[l++] : primary[p++]);
  }
  return merged;
}

// Whether a stage that may veto strikes this nominee: one draw for each nominee in its target.
// The endorsed are the party branches' nominees, as the candidate pipeline has it.
bool vetoes(const spec::StageSpec& stage, const Nominee& n, sim::RandomStream& stream) {
  if (!stage.can_veto) return false;
  if (stage.veto_target == spec::VetoTarget::not_endorsed && n.route == results::Route::party_branch)
    return false;
  return stream.bernoulli(stage.veto_probability);
}

}  // namespace

Nominee Nominee::from(const NomineeMessage& message) {
  Nominee n;
  n.id = message.id;
  n.region = message.region;
  n.branch = message.branch;
  n.gender = message.is_woman() ? results::Gender::female : results::Gender::male;
  n.age = message.age;
  n.route = message.route();
  n.incumbent = message.is_incumbent();
  n.contest_rank = message.contest_rank;
  n.scaled_share = message.scaled_share;
  return n;
}

SecondStage::SecondStage(const PrimaryWorld& world, const sim::SimTime& online_close)
    : world_(world), online_close_(online_close) {}

void SecondStage::init(sim::LpContext& context) {
  schedule_conferences(context);
  schedule_list(context);
}

bool SecondStage::handle(const sim::Event& event, sim::LpContext& context) {
  switch (event.type) {
    case events::kNominee:
      nominees_.push_back(Nominee::from(NomineeMessage::decode(event.payload)));
      return true;
    case events::kFormList:
      // An extension moved the close after this was scheduled: a later kFormList follows.
      if (context.now() < last_nominee_arrival(context)) return true;
      if (!all_conferences_held()) {
        list_waiting_ = true;
        return true;
      }
      form_list(context);
      return true;
    case events::kConference: {
      // Conferences choose among every primary winner, so they meet after the last can arrive.
      const sim::SimTime ready = last_nominee_arrival(context);
      if (context.now() < ready) {
        context.schedule(ready + context.lookahead() - context.now(), events::kConference, event.payload);
        return true;
      }
      hold_conference(static_cast<std::size_t>(event.payload[0]), static_cast<std::size_t>(event.payload[1]),
                      context);
      return true;
    }
    default:
      return false;
  }
}

sim::SimTime SecondStage::last_nominee_arrival(const sim::LpContext& context) const {
  const sim::SimTime close = std::max(world_.voting_span().end, online_close_);
  return close + context.lookahead() * 2;
}

bool SecondStage::all_conferences_held() const {
  return std::all_of(conferences_pending_.begin(), conferences_pending_.end(),
                     [](std::size_t pending) { return pending == 0; });
}

void SecondStage::schedule_conferences(sim::LpContext& context) {
  const auto& stages = world_.conference_stages();
  allotments_.assign(stages.size(), {});
  conferences_pending_.assign(stages.size(), 0);
  deferred_.assign(stages.size(), {});
  for (std::size_t i = 0; i < stages.size(); ++i) {
    // ASSUMPTION: the sources give the conferences' phase, not their days; each conference
    // meets at a time drawn uniformly in it.
    const auto& window = world_.calendar().phases()[*world_.phase_of(stages[i])].window;
    sim::RandomStream stream = context.random(stages[i], purposes::kConferenceTime);
    for (std::size_t c = 0; c < world_.conference_count(stages[i]); ++c) {
      const auto offset =
          static_cast<std::int64_t>(stream.uniform() * static_cast<double>(window.length().count()));
      context.schedule(std::max(sim::Duration{0}, window.start + sim::Duration{offset} - context.now()),
                       events::kConference, {i, c});
      ++conferences_pending_[i];
    }
  }
}

void SecondStage::schedule_list(sim::LpContext& context) {
  if (!world_.list_office() || !world_.list_phase()) return;
  // After the list phase starts and after every nominee can have arrived from the regions.
  sim::SimTime at = world_.calendar().phases()[*world_.list_phase()].window.start;
  at = std::max(at, std::max(world_.voting_span().end, online_close_) + context.lookahead() * 3);
  context.schedule(std::max(sim::Duration{0}, at - context.now()), events::kFormList);
}

void SecondStage::allot_nominees(std::size_t index) {
  const std::size_t stage_index = world_.conference_stages()[index];
  const auto& stage = world_.scenario().selection.stages[stage_index];
  const std::size_t count = world_.conference_count(stage_index);
  std::vector<std::uint64_t> available(count, 0);
  for (const auto& n : nominees_) {
    if (!n.dropped && n.conferences == index)
      ++available[world_.conference_of(stage_index, n.region, n.branch)];
  }
  if (stage.nominees > 0) {
    std::vector<std::uint64_t> weights;
    for (std::size_t c = 0; c < count; ++c)
      weights.push_back(
          static_cast<std::uint64_t>(std::max<std::int64_t>(0, world_.conference_members(stage_index, c))));
    allotments_[index] = apportion_capped(weights, available, static_cast<std::uint64_t>(stage.nominees));
  } else if (stage.rule.winners > 0) {
    allotments_[index].assign(count, static_cast<std::uint64_t>(stage.rule.winners));
  } else {
    allotments_[index] = available;
  }
}

std::vector<std::size_t> SecondStage::merged(const spec::StageSpec& stage,
                                             const std::vector<std::size_t>& candidates) const {
  // The units a stage apportions among are those one level below it: regions for a national
  // body, branches for a regional one; a branch's conference has a single unit.
  std::vector<MergeEntry> entries;
  std::vector<std::int64_t> weights;
  const auto& regions = world_.scenario().territory.regions;
  for (const std::size_t k : candidates) {
    const Nominee& n = nominees_[k];
    std::size_t unit = 0;
    if (stage.level == spec::TerritorialLevel::national) unit = n.region;
    if (stage.level == spec::TerritorialLevel::region) unit = n.branch;
    entries.push_back({unit, n.contest_rank, n.scaled_share, n.key()});
  }
  if (stage.level == spec::TerritorialLevel::national) {
    for (std::size_t r = 0; r < regions.size(); ++r) weights.push_back(world_.members_in(r));
  } else if (stage.level == spec::TerritorialLevel::region && !candidates.empty()) {
    // ASSUMPTION: a region's members are spread evenly over its branches, as the members'
    // generator places them.
    const std::size_t region = nominees_[candidates.front()].region;
    const auto branches = static_cast<std::size_t>(std::max(1, regions[region].branches));
    weights.assign(branches, world_.members_in(region) / static_cast<std::int64_t>(branches));
  }
  const auto order = merge_order(entries, stage.merge, weights);
  std::vector<std::size_t> result;
  result.reserve(order.size());
  for (const std::size_t i : order) result.push_back(candidates[i]);
  return result;
}

rules::ListCandidate SecondStage::as_list_candidate(std::size_t index, const Nominee& n) const {
  return rules::ListCandidate{static_cast<std::uint32_t>(index), n.gender == results::Gender::female,
                              n.age < world_.scenario().candidacy.youth_max_age,
                              n.is_appointee() ? rules::ListRoute::leadership : rules::ListRoute::primary};
}

void SecondStage::hold_conference(std::size_t index, std::size_t conference, sim::LpContext& context) {
  // A stage's conferences choose among those the previous stage's confirmed: they wait for it.
  if (index > 0 && conferences_pending_[index - 1] > 0) {
    deferred_[index - 1].push_back(conference);
    return;
  }
  const std::size_t stage_index = world_.conference_stages()[index];
  const auto& stage = world_.scenario().selection.stages[stage_index];
  if (allotments_[index].empty()) allot_nominees(index);
  std::vector<std::size_t> present;
  for (std::size_t k = 0; k < nominees_.size(); ++k) {
    const Nominee& n = nominees_[k];
    if (!n.dropped && n.conferences == index &&
        world_.conference_of(stage_index, n.region, n.branch) == conference)
      present.push_back(k);
  }
  // The delegates start from the members' verdict, merged across contests by the stage's rule,
  // strike whom they veto, reorder by their own vote when the stage votes, and confirm the best
  // their allotment allows, under the stage's quotas.
  sim::RandomStream stream =
      context.random((std::uint64_t{stage_index} << 32U) | conference, purposes::kConference);
  std::vector<rules::ListCandidate> ranked;
  for (const std::size_t k : merged(stage, present)) {
    Nominee& n = nominees_[k];
    if (vetoes(stage, n, stream)) {
      n.dropped = true;
      n.vetoed = true;
      continue;
    }
    ranked.push_back(as_list_candidate(k, n));
  }
  const auto office = static_cast<results::OfficeCode>(*world_.list_office());
  const QuotaSite site{static_cast<std::uint16_t>(stage_index), office};
  const auto allotment = static_cast<std::size_t>(allotments_[index][conference]);
  std::vector<rules::ListCandidate> confirmed;
  if (stage.method == spec::SelectionMethod::vote && stage.selectorate.size > 0 && !ranked.empty()) {
    // The delegates' ballots are counted like a contest: the stage's rule, its quotas, and the
    // groups' separate rankings.
    const auto ballots = delegates_ballots(stage, ranked, stream);
    const auto tie = rules::TieBreak::by_lot(
        context.stream_key((std::uint64_t{stage_index} << 32U) | conference, purposes::kConferenceTie));
    const ContestCount count =
        count_contest(ballots, ranked, stage.rule, std::min(allotment, ranked.size()), tie, site, warnings_);
    for (std::size_t i = 0; i < count.winners; ++i) confirmed.push_back(ranked[count.order[i]]);
  } else {
    confirmed = fill_under_quotas(ranked, allotment, stage.rule, site, warnings_);
  }
  for (const auto& candidate : ranked) nominees_[candidate.id].dropped = true;
  for (const auto& candidate : confirmed) {
    nominees_[candidate.id].dropped = false;
    nominees_[candidate.id].conferences = static_cast<std::uint8_t>(index + 1);
  }

  if (--conferences_pending_[index] == 0) {
    if (index + 1 < deferred_.size()) {
      const auto waiting = std::move(deferred_[index]);
      for (const std::size_t next : waiting) hold_conference(index + 1, next, context);
    }
    if (all_conferences_held() && list_waiting_) form_list(context);
  }
}

rules::Profile SecondStage::delegates_ballots(const spec::StageSpec& stage,
                                              const std::vector<rules::ListCandidate>& ranked,
                                              sim::RandomStream& stream) {
  // ASSUMPTION: each delegate knows the members' verdict and follows it loosely: a Plackett-Luce
  // ranking whose worths are the nominees' scaled shares (so that a small contest's winner has
  // no edge for its size).
  utilities_.clear();
  for (const auto& candidate : ranked)
    utilities_.push_back(std::log(std::max(nominees_[candidate.id].scaled_share, 1e-9)));
  rules::Profile ballots(ranked.size());
  std::vector<rules::CandidateIndex> ballot;
  for (std::int32_t d = 0; d < stage.selectorate.size; ++d) {
    sampler_.sample(utilities_, stream, ranking_);
    ballot.assign(ranking_.begin(), ranking_.end());
    ballots.add_ranking(ballot);
  }
  return ballots;
}

std::optional<std::size_t> SecondStage::list_stage() const {
  const auto& stages = world_.scenario().selection.stages;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    if (stages[s].method == spec::SelectionMethod::appoint && world_.phase_of(s) == world_.list_phase() &&
        world_.calendar().phases()[*world_.list_phase()].kind == spec::PhaseKind::congress)
      return s;
  }
  return std::nullopt;
}

Nominee SecondStage::appoint(sim::RandomStream& stream, bool woman, bool young) {
  const auto& candidacy = world_.scenario().candidacy;
  const std::int32_t min_age = candidacy.offices[*world_.list_office()].min_age;
  Nominee n;
  n.id = appointees_++;
  n.gender = woman ? results::Gender::female : results::Gender::male;
  const std::int32_t low = young ? min_age : std::max(min_age, candidacy.youth_max_age);
  const std::int32_t high = young ? std::max(min_age, candidacy.youth_max_age - 1) : 70;
  n.age = static_cast<std::uint8_t>(low + static_cast<std::int32_t>(stream.uniform_index(
                                              static_cast<std::uint64_t>(std::max(1, high - low + 1)))));
  return n;
}

std::vector<Nominee> SecondStage::congress_ranking(const spec::StageSpec& congress,
                                                   sim::RandomStream& stream) {
  // The nominees every conference stage confirmed, merged across contests by the congress's
  // rule, less those a congress that may veto (Rahat's veto agency) strikes.
  std::vector<std::size_t> confirmed;
  for (std::size_t k = 0; k < nominees_.size(); ++k) {
    if (!nominees_[k].dropped && nominees_[k].conferences == world_.conference_stages().size())
      confirmed.push_back(k);
  }
  spec::StageSpec national_merge = congress;
  national_merge.level = spec::TerritorialLevel::national;
  std::vector<Nominee> people;
  for (const std::size_t k : merged(national_merge, confirmed)) {
    if (vetoes(congress, nominees_[k], stream)) {
      nominees_[k].vetoed = true;
      continue;
    }
    people.push_back(nominees_[k]);
  }
  return people;
}

void SecondStage::form_list(sim::LpContext& context) {
  if (list_formed_) return;
  list_formed_ = true;
  const auto& scenario = world_.scenario();
  const auto office = static_cast<results::OfficeCode>(*world_.list_office());
  const auto places = static_cast<std::size_t>(std::max(0, scenario.candidacy.offices[office].places));
  const auto reserved = std::min(places, static_cast<std::size_t>(std::max(0, world_.reserved_places())));
  const auto stage_index = list_stage();
  const spec::StageSpec congress = stage_index ? scenario.selection.stages[*stage_index] : spec::StageSpec{};
  const QuotaSite site{static_cast<std::uint16_t>(stage_index.value_or(0)), office};
  sim::RandomStream stream = context.random(0, purposes::kList);

  std::vector<Nominee> people = congress_ranking(congress, stream);
  const std::size_t ranked = people.size();
  const std::size_t from_primaries = std::min(places - reserved, ranked);
  const bool may_appoint = congress.rule.quota_shortfall == spec::QuotaShortfall::appoint;
  if (from_primaries < places - reserved) {
    // Too few nominees for the places the vote should fill: the centre fills them only when the
    // scenario lets it appoint; otherwise they stay empty.
    warnings_.add(may_appoint ? results::WarningKind::appointees_named : results::WarningKind::places_empty,
                  results::QuotaGroupCode::none, site.stage, office,
                  static_cast<std::int64_t>(places - reserved), static_cast<std::int64_t>(from_primaries));
  }
  const std::size_t leadership_places = may_appoint ? places - from_primaries : reserved;
  std::vector<rules::ListCandidate> primary;
  for (std::size_t i = 0; i < from_primaries; ++i) primary.push_back(as_list_candidate(i, people[i]));
  // The leadership's places: ASSUMPTION, their holders have the applicants' mix of women and
  // young people (candidacy.women_share, youth_share), for want of a published source.
  std::vector<rules::ListCandidate> leadership;
  for (std::size_t i = 0; i < leadership_places; ++i) {
    const bool woman = stream.bernoulli(scenario.candidacy.women_share);
    const bool young = stream.bernoulli(scenario.candidacy.youth_share);
    people.push_back(appoint(stream, woman, young));
    leadership.push_back(as_list_candidate(people.size() - 1, people.back()));
  }
  std::vector<rules::ListCandidate> pool = place_reserved(primary, leadership, congress);
  // Below them, in the order they may come in: the nominees left off, then, when the scenario
  // lets the centre appoint to meet a quota, appointees on standby for each quota group.
  for (std::size_t i = from_primaries; i < ranked; ++i) pool.push_back(as_list_candidate(i, people[i]));
  Standby standby{people.size(), people.size()};
  if (may_appoint) standby = add_standby(congress, places, stream, people, pool);
  const auto list =
      fill_under_quotas(pool, from_primaries + leadership_places, congress.rule, site, warnings_, true);
  list_.clear();
  for (const auto& candidate : list) list_.push_back(people[candidate.id]);
  warn_of_standby(list, standby, site);
}

SecondStage::Standby SecondStage::add_standby(const spec::StageSpec& congress, std::size_t places,
                                              sim::RandomStream& stream, std::vector<Nominee>& people,
                                              std::vector<rules::ListCandidate>& pool) {
  const rules::MinimumShares shares = minimum_shares(congress.rule.quotas);
  const auto add = [&](double share, bool woman, bool young) {
    const auto count = static_cast<std::size_t>(std::ceil(share * static_cast<double>(places)));
    for (std::size_t i = 0; i < count; ++i) {
      people.push_back(appoint(stream, woman, young));
      pool.push_back(as_list_candidate(people.size() - 1, people.back()));
    }
  };
  Standby standby{people.size(), people.size()};
  add(std::max(shares.women, shares.women_or_youth), true, false);
  standby.youth_from = people.size();
  add(shares.youth, false, true);
  return standby;
}

void SecondStage::warn_of_standby(const std::vector<rules::ListCandidate>& list, const Standby& standby,
                                  const QuotaSite& site) {
  std::int64_t women_named = 0;
  std::int64_t young_named = 0;
  for (const auto& candidate : list) {
    if (candidate.id >= standby.youth_from) {
      ++young_named;
    } else if (candidate.id >= standby.women_from) {
      ++women_named;
    }
  }
  // Standby appointees of the women's block stand for the women's and the women-or-youth quota.
  if (women_named > 0)
    warnings_.add(results::WarningKind::appointees_named, results::QuotaGroupCode::women, site.stage,
                  site.office, 0, women_named);
  if (young_named > 0)
    warnings_.add(results::WarningKind::appointees_named, results::QuotaGroupCode::youth, site.stage,
                  site.office, 0, young_named);
}

}  // namespace primsim::models
