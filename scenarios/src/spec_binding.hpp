// The scenario schema, written once: for each spec struct, its keys with their type, range and
// whether they are required. SpecReader reads and checks through these functions, SpecWriter
// prints through them, and docs/scenario.md documents the same keys.
#pragma once

#include <type_traits>

#include "primsim/models/spec/scenario_spec.hpp"
#include "value_range.hpp"

namespace primsim::scenarios {

namespace spec = models::spec;

class SpecWriter;

template <typename V>
void bind(V& v, spec::PartySpec& s) {
  v.text("name", s.name, Presence::required);
  v.number("support_share", s.support_share, kShare);
  v.integer("lists", s.lists, kPositive);
  v.optional_number("scale", s.scale, kPositiveNumber);
}

template <typename V>
void bind(V& v, spec::PhaseSpec& s) {
  v.choice("kind", s.kind, Presence::required);
  v.time("start", s.window.start);
  v.time("end", s.window.end);
  v.check_window(s.window);
}

template <typename V>
void bind(V& v, spec::CalendarSpec& s) {
  v.offset("time_zone", s.utc_offset);
  v.epoch("epoch", s.epoch_iso, s.utc_offset);
  v.time("horizon", s.horizon);
  v.named_map("phases", s.phases, spec::PhaseSpec{}, Presence::required);
}

template <typename V>
void bind(V& v, spec::RegionSpec& s) {
  v.integer("population", s.population, kNonNegative, Presence::required);
  v.optional_integer("members", s.members, kNonNegative);
  v.integer("branches", s.branches, kPositive);
  v.integer("ppos", s.ppos, kPositive);
  v.integer("remote_settlements", s.remote_settlements, kNonNegative);
  v.number("remote_member_share", s.remote_member_share, kShare);
  v.offset("utc_offset", s.utc_offset);
}

template <typename V>
void bind(V& v, spec::TerritorySpec& s) {
  spec::RegionSpec prototype;
  prototype.utc_offset = v.zone_offset();
  v.named_map("regions", s.regions, prototype, Presence::required);
}

template <typename V>
void bind(V& v, spec::AgeBandSpec& s) {
  v.text("name", s.name, Presence::required);
  v.integer("min_age", s.min_age, IntRange{0, 120});
  v.integer("max_age", s.max_age, IntRange{0, 120});
  v.number("share", s.share, kShare, Presence::required);
}

template <typename V>
void bind(V& v, spec::MembershipSpec& s) {
  v.integer("size", s.size, kNonNegative, Presence::required);
  v.number("growth_share", s.growth_share, kNonNegativeNumber);
  v.number("women_share", s.women_share, kShare);
  v.list("age_bands", s.age_bands);
  double sum = 0.0;
  for (const auto& band : s.age_bands) sum += band.share;
  if (!s.age_bands.empty()) v.check_sum("age_bands", sum);
  v.number("employer_dependent_share", s.employer_dependent_share, kShare);
  v.number("online_access_share", s.online_access_share, kShare);
  v.number("fraudulent_share", s.fraudulent_share, kShare);
  v.number("voted_last_cycle", s.voted_last_cycle, kShare);
}

template <typename V>
void bind(V& v, spec::OfficeSpec& s) {
  v.choice("contest_level", s.contest_level);
  v.integer("min_age", s.min_age, IntRange{18, 100});
  v.integer("places", s.places, kPositive);
  v.number("application_share", s.application_share, kShare, Presence::required);
  v.integer("incumbents", s.incumbents, kNonNegative);
}

template <typename V>
void bind(V& v, spec::NominationRouteSpec& s) {
  v.number("share", s.share, kShare, Presence::required);
}

template <typename V>
void bind(V& v, spec::ArrivalPieceSpec& s) {
  v.time("start", s.window.start);
  v.time("end", s.window.end);
  v.check_window(s.window);
  v.number("share", s.share, kShare, Presence::required);
}

template <typename V>
void bind(V& v, spec::EligibilitySpec& s) {
  v.flag("members_only", s.members_only);
  v.flag("non_members_may_join", s.non_members_may_join);
  v.integer("min_residence_years", s.min_residence_years, IntRange{0, 100});
  v.flag("exclude_convictions", s.exclude_convictions);
  v.number("ineligible_share", s.ineligible_share, kShare);
  v.number("faulty_registration_share", s.faulty_registration_share, kShare);
}

template <typename V>
void bind(V& v, spec::ComplaintsSpec& s) {
  v.number("rate", s.rate, kNonNegativeNumber);
  v.number("membership_fraud_share", s.membership_fraud_share, kShare);
  v.choice("decided_at", s.decided_at);
  v.duration("review_time", s.review_time, true);
  v.number("upheld_probability", s.upheld_probability, kShare);
}

template <typename V>
void bind(V& v, spec::WithdrawalSpec& s) {
  v.number("rate_per_week", s.rate_per_week, kNonNegativeNumber);
  v.number("chances_weight", s.chances_weight, kAnyNumber);
  v.number("pressure_weight", s.pressure_weight, kAnyNumber);
}

template <typename V>
void bind(V& v, spec::EntrySpec& s) {
  v.optional_number("reference_women_quota", s.reference_women_quota, kShare);
  v.optional_number("reference_youth_quota", s.reference_youth_quota, kShare);
  v.number("quota_response", s.quota_response, kAnyNumber);
  v.number("outsider_applications", s.outsider_applications, kNonNegativeNumber);
  v.number("deterrence", s.deterrence, kShare);
}

template <typename V>
void bind(V& v, spec::LoyaltyScreeningSpec& s) {
  v.flag("enabled", s.enabled);
  v.number("threshold", s.threshold, kShare);
  v.number("removal_probability", s.removal_probability, kShare);
}

template <typename V>
void bind(V& v, spec::CandidacySpec& s) {
  v.named_map("offices", s.offices, spec::OfficeSpec{}, Presence::required);
  double offices = 0.0;
  for (const auto& office : s.offices) offices += office.application_share;
  if (!s.offices.empty()) v.check_sum("offices", offices);
  v.named_map("routes", s.routes, spec::NominationRouteSpec{});
  double routes = 0.0;
  for (const auto& route : s.routes) routes += route.share;
  if (!s.routes.empty()) v.check_sum("routes", routes);
  v.object("eligibility", s.eligibility);
  v.integer("expected_applications", s.expected_applications, kNonNegative);
  v.text("nomination_phase", s.nomination_phase);
  v.list("arrival_profile", s.arrival_profile);
  double pieces = 0.0;
  for (const auto& piece : s.arrival_profile) pieces += piece.share;
  if (!s.arrival_profile.empty()) v.check_sum("arrival_profile", pieces);
  v.number("women_share", s.women_share, kShare);
  v.number("youth_share", s.youth_share, kShare);
  v.integer("youth_max_age", s.youth_max_age, IntRange{18, 100});
  v.number("incumbents_running", s.incumbents_running, kShare);
  v.moved("incumbent_share", "offices.*.incumbents and incumbents_running");
  v.number("valence_sd", s.valence_sd, kNonNegativeNumber);
  v.number("debate_skip_probability", s.debate_skip_probability, kShare);
  v.object("withdrawal", s.withdrawal);
  v.moved("withdrawal_probability", "withdrawal.rate_per_week, chances_weight and pressure_weight");
  v.object("entry", s.entry);
  v.object("loyalty_screening", s.loyalty_screening);
  v.object("complaints", s.complaints);
  v.moved("complaint_rate", "complaints.rate");
  v.moved("complaint_removal_probability", "complaints.upheld_probability");
}

template <typename V>
void bind(V& v, spec::TurnoutAdjustSpec& s) {
  v.optional_number("base_logit", s.base_logit, kAnyNumber);
  v.optional_number("base_share", s.base_share, kOpenShare);
  v.optional_number("benefit", s.benefit, kAnyNumber);
  v.optional_number("cost", s.cost, kAnyNumber);
  v.optional_number("duty", s.duty, kAnyNumber);
  v.optional_number("habit", s.habit, kAnyNumber);
  v.optional_number("mobilisation", s.mobilisation, kAnyNumber);
}

template <typename V>
void bind(V& v, spec::ChoiceAdjustSpec& s) {
  v.optional_number("valence_weight", s.valence_weight, kAnyNumber);
  v.optional_number("debate_weight", s.debate_weight, kAnyNumber);
  v.optional_number("endorsement_weight", s.endorsement_weight, kAnyNumber);
  v.optional_number("dependent_endorsement_multiplier", s.dependent_endorsement_multiplier,
                    kNonNegativeNumber);
  v.optional_number("local_affinity_weight", s.local_affinity_weight, kAnyNumber);
  v.optional_number("demographic_affinity_weight", s.demographic_affinity_weight, kAnyNumber);
  v.optional_number("incumbency_weight", s.incumbency_weight, kAnyNumber);
}

template <typename V>
void bind(V& v, spec::SelectorGroupSpec& s) {
  v.choice("source", s.source);
  v.integer("size", s.size, kNonNegative);
  v.number("registered_share", s.registered_share, RealRange{0.0, 1.0, true});
  v.duration("registration_cutoff", s.registration_cutoff, true);
  v.names("channels", s.channels);
  v.optional_number("employer_dependent_share", s.employer_dependent_share, kShare);
  v.optional_number("online_access_share", s.online_access_share, kShare);
  v.object("turnout", s.turnout);
  v.object("choice", s.choice);
}

template <typename V>
void bind(V& v, spec::SelectorateSpec& s) {
  v.choice("kind", s.kind);
  v.integer("size", s.size, kNonNegative);
  v.integer("voters", s.voters, kNonNegative);
  v.duration("min_tenure", s.min_tenure, true);
  v.number("registered_share", s.registered_share, RealRange{0.0, 1.0, true});
  v.flag("compulsory", s.compulsory);
  v.named_map("groups", s.groups, spec::SelectorGroupSpec{});
}

template <typename V>
void bind(V& v, spec::QuotaSpec& s) {
  v.choice("group", s.group, Presence::required);
  v.number("min_share", s.min_share, kShare, Presence::required);
  v.flag("separate_ranking", s.separate_ranking);
}

template <typename V>
void bind(V& v, spec::RuleSpec& s) {
  v.choice("kind", s.kind);
  v.integer("winners", s.winners, kNonNegative);
  v.number("threshold", s.threshold, kShare);
  v.list("quotas", s.quotas);
  v.choice("quota_shortfall", s.quota_shortfall);
  v.not_simulated("advisory",
                  "an advisory result that a later stage may reorder is not simulated: a conference stage "
                  "with method vote reorders the nominees it is given");
}

template <typename V>
void bind(V& v, spec::StageSpec& s) {
  v.text("name", s.name, Presence::required);
  v.choice("method", s.method);
  v.object("selectorate", s.selectorate);
  v.object("rule", s.rule);
  v.choice("level", s.level);
  v.names("offices", s.offices);
  v.text("phase", s.phase, Presence::required);
  v.names("channels", s.channels);
  v.integer("reserved_places", s.reserved_places, kNonNegative);
  v.choice("reserved_placement", s.reserved_placement);
  v.integers("reserved_positions", s.reserved_positions, kPositive);
  v.integer("nominees", s.nominees, kNonNegative);
  v.choice("merge", s.merge);
  v.flag("can_veto", s.can_veto);
  v.number("veto_probability", s.veto_probability, kShare);
  v.choice("veto_target", s.veto_target);
}

template <typename V>
void bind(V& v, spec::SelectionSpec& s) {
  v.list("stages", s.stages, Presence::required);
}

template <typename V>
void bind(V& v, spec::ExtraFailureSpec& s) {
  v.number("probability", s.probability, kShare, Presence::required);
}

template <typename V>
void bind(V& v, spec::ChannelSpec& s) {
  v.choice("kind", s.kind, Presence::required);
  v.choice("access", s.access);
  v.time("start", s.window.start);
  v.time("end", s.window.end);
  v.check_window(s.window);
  v.flag("regional_local_time", s.regional_local_time);
  v.integer("capacity", s.capacity, kPositive);
  v.duration("mean_session", s.mean_session);
  v.duration("retry_backoff_mean", s.retry_backoff_mean);
  v.integer("max_retries", s.max_retries, kNonNegative);
  v.number("abandon_probability", s.abandon_probability, kShare);
  v.number("return_next_day", s.return_next_day, kShare);
  v.number("postpone_probability", s.postpone_probability, kShare);
  v.number("cost", s.cost, kAnyNumber);
  v.named_map("failure_by_age", s.failure_by_age, spec::ExtraFailureSpec{});
  v.named_map("failure_by_region", s.failure_by_region, spec::ExtraFailureSpec{});
  v.names("regions", s.regions);
}

template <typename V>
void bind(V& v, spec::ExtensionPolicySpec& s) {
  v.flag("enabled", s.enabled);
  v.text("channel", s.channel);
  v.number("failed_share_threshold", s.failed_share_threshold, kShare);
  v.integer("failed_attempts_threshold", s.failed_attempts_threshold, kNonNegative);
  v.duration("decided_before_close", s.decided_before_close, true);
  v.duration("extension", s.extension);
  v.integer("max_extensions", s.max_extensions, kNonNegative);
}

template <typename V>
void bind(V& v, spec::VotingSpec& s) {
  v.named_map("channels", s.channels, spec::ChannelSpec{});
  v.object("extension", s.extension);
}

template <typename V>
void bind(V& v, spec::RescheduledPhaseSpec& s) {
  v.text("phase", s.phase, Presence::required);
  v.time("start", s.window.start);
  v.time("end", s.window.end);
  v.check_window(s.window);
}

template <typename V>
void bind(V& v, spec::SuspensionSpec& s) {
  v.text("name", s.name, Presence::required);
  v.time("at", s.at);
  v.time("announced", s.announced);
  v.list("new_calendar", s.new_calendar);
  v.number("membership_change", s.membership_change, RealRange{-1.0, 10.0});
  v.names("closed_channels", s.closed_channels);
  v.optional_number("first_day_share", s.first_day_share, kShare);
}

template <typename V>
void bind(V& v, spec::OutageSpec& s) {
  v.text("name", s.name, Presence::required);
  v.text("channel", s.channel, Presence::required);
  v.time("start", s.window.start);
  v.time("end", s.window.end);
  v.check_window(s.window);
  v.number("capacity_factor", s.capacity_factor, kShare);
}

template <typename V>
void bind(V& v, spec::DisruptionsSpec& s) {
  v.list("suspensions", s.suspensions);
  v.list("outages", s.outages);
}

template <typename V>
void bind(V& v, spec::RegionTurnoutSpec& s) {
  v.number("shift", s.shift, kAnyNumber, Presence::required);
}

template <typename V>
void bind(V& v, spec::TurnoutSpec& s) {
  // A resolved scenario shows the intercept as it was given: base_logit with its default, or
  // base_share alone, since a scenario that gives both is refused.
  if (!(std::is_same_v<V, SpecWriter> && s.base_share)) v.number("base_logit", s.base_logit, kAnyNumber);
  v.optional_number("base_share", s.base_share, kOpenShare);
  v.number("benefit", s.benefit, kAnyNumber);
  v.number("cost", s.cost, kAnyNumber);
  v.number("duty", s.duty, kAnyNumber);
  v.number("habit", s.habit, kAnyNumber);
  v.number("mobilisation", s.mobilisation, kAnyNumber);
  v.number("compulsory_bonus", s.compulsory_bonus, kAnyNumber);
  v.named_map("by_region", s.by_region, spec::RegionTurnoutSpec{});
  v.number("first_day_share", s.first_day_share, kShare);
  v.integer("peak_hour", s.peak_hour, IntRange{0, 23});
}

template <typename V>
void bind(V& v, spec::ChoiceSpec& s) {
  v.choice("model", s.model);
  v.number("valence_weight", s.valence_weight, kAnyNumber);
  v.number("debate_weight", s.debate_weight, kAnyNumber);
  v.number("endorsement_weight", s.endorsement_weight, kAnyNumber);
  v.number("dependent_endorsement_multiplier", s.dependent_endorsement_multiplier, kNonNegativeNumber);
  v.number("local_affinity_weight", s.local_affinity_weight, kAnyNumber);
  v.number("demographic_affinity_weight", s.demographic_affinity_weight, kAnyNumber);
  v.number("incumbency_weight", s.incumbency_weight, kAnyNumber);
  v.integer("ballot_depth", s.ballot_depth, kNonNegative);
}

template <typename V>
void bind(V& v, spec::EnsembleSpec& s) {
  v.integer("replicates", s.replicates, IntRange{1, 1000000});
  v.integer("seed", s.seed, kNonNegative);
  v.duration("lookahead", s.lookahead);
}

template <typename V>
void bind(V& v, spec::OutputSpec& s) {
  v.duration("turnout_interval", s.turnout_interval);
  v.duration("platform_interval", s.platform_interval);
  v.integer("compression", s.compression, IntRange{0, 9});
  v.flag("write_lists", s.write_lists);
}

template <typename V>
void bind(V& v, spec::TargetSpec& s) {
  v.choice("statistic", s.statistic, Presence::required);
  v.text("region", s.region);
  v.text("office", s.office);
  v.optional_integer("top", s.top, kPositive);
  v.optional_number("published", s.published, kAnyNumber);
  v.number("tolerance", s.tolerance, kNonNegativeNumber);
  v.optional_number("at_least", s.at_least, kAnyNumber);
  v.optional_number("at_most", s.at_most, kAnyNumber);
  v.text("sets", s.sets);
  v.text("source", s.source);
}

template <typename V>
void bind(V& v, spec::ScenarioSpec& s) {
  v.text("name", s.name, Presence::required);
  v.text("description", s.description);
  v.object("calendar", s.calendar);
  v.list("parties", s.parties);
  v.object("territory", s.territory);
  v.object("membership", s.membership);
  v.object("candidacy", s.candidacy);
  v.object("selection", s.selection);
  v.object("voting", s.voting);
  v.object("disruptions", s.disruptions);
  v.object("turnout", s.turnout);
  v.object("choice", s.choice);
  v.object("ensemble", s.ensemble);
  v.object("output", s.output);
  v.list("calibration", s.calibration);
  v.list("validation", s.validation);
}

}  // namespace primsim::scenarios
