// Checks what a scenario author sees: the exact error line for each kind of mistake, every
// mistake reported once, and the values a good scenario resolves to through extends, --set and
// sweep.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/scenarios/scenario_error.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace {

using primsim::scenarios::load_scenario;
using primsim::scenarios::load_scenario_text;
using primsim::scenarios::ScenarioError;
namespace fs = std::filesystem;

const fs::path kFixtures{PRIMSIM_SCENARIO_FIXTURES};

// Expands the BAD/ and GOOD/ prefixes of an expected message to the fixture folders.
std::string expand(std::string text) {
  for (const auto& [prefix, folder] : {std::pair{std::string("BAD/"), kFixtures / "bad"},
                                       std::pair{std::string("GOOD/"), kFixtures / "good"}}) {
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
      const std::string replacement = folder.string() + "/";
      text.replace(at, prefix.size(), replacement);
      at += replacement.size();
    }
  }
  return text;
}

struct BadFixture {
  const char* name;
  const char* message;
};

// One row per fixture in tests/scenarios/bad/: the whole message, one line per mistake.
const std::vector<BadFixture> kBadFixtures{
    {"age_band_inverted",
     "BAD/age_band_inverted.yaml:5:41: membership.age_bands[0].max_age: expected an age of at least min_age "
     "(60), found \"18\""},
    {"age_band_shares",
     "BAD/age_band_shares.yaml:5:5: membership.age_bands: expected shares that sum to 1, found a sum of 0.8"},
    {"appoint_with_channels",
     "BAD/appoint_with_channels.yaml:5:91: selection.stages[0].channels: expected no channels for a stage "
     "whose method is appoint, found 1 channel(s)"},
    {"appoint_with_voting_rule",
     "BAD/appoint_with_voting_rule.yaml:5:50: selection.stages[0].rule.kind: expected appointment for a "
     "stage whose method is appoint, found \"plurality\""},
    {"arrival_outside_nomination",
     "BAD/arrival_outside_nomination.yaml:5:15: candidacy.arrival_profile[0].start: expected a window inside "
     "the nomination phase nomination (\"2020-08-17\" to \"2020-08-29\"), found \"2020-08-17\" to "
     "\"2020-09-05\""},
    {"base_logit_and_base_share",
     "BAD/base_logit_and_base_share.yaml:3:40: turnout.base_share: expected base_logit or base_share, not "
     "both (base_share is logistic(base_logit)), found both"},
    {"base_share_one",
     "BAD/base_share_one.yaml:3:23: turnout.base_share: expected a probability above 0 and below 1, such as "
     "0.4, found \"1\""},
    {"capacity_not_a_number",
     "BAD/capacity_not_a_number.yaml:6:17: voting.channels.online.capacity: expected a whole number of at "
     "least 1, "
     "found \"lots\""},
    {"channel_ends_before_start",
     "BAD/channel_ends_before_start.yaml:5:38: voting.channels.online.end: expected a time after start, "
     "found a time at or before it"},
    {"channel_past_phase",
     "BAD/channel_past_phase.yaml:5:19: voting.channels.online.end: expected a time at or before the end of "
     "the "
     "phase voting of stage members_vote (\"2020-10-01\" to \"2020-10-05\", calendar.phases.voting at "
     "GOOD/base.yaml:9:13), found \"2020-10-07T14:00\""},
    {"closed_unknown_channel",
     "BAD/closed_unknown_channel.yaml:5:78: disruptions.suspensions[0].closed_channels[0]: expected the name "
     "of a channel in voting.channels (online), found \"in_person\""},
    {"committee_without_size",
     "BAD/committee_without_size.yaml:5:38: selection.stages[0].selectorate.size: expected a positive size "
     "for a committee selectorate, found nothing or 0"},
    {"complaint_rate_moved",
     "BAD/complaint_rate_moved.yaml:3:13: candidacy.complaint_rate: expected candidacy.complaints.rate (the "
     "key moved there), found \"complaint_rate\""},
    {"complaints_decided_at_unknown",
     "BAD/complaints_decided_at_unknown.yaml:4:40: candidacy.complaints.decided_at: expected one of "
     "[national, region, district, ppo], found \"oblast\""},
    {"compression_too_high",
     "BAD/compression_too_high.yaml:3:23: output.compression: expected a whole number from 0 to 9, found "
     "\"10\""},
    {"date_not_iso",
     "BAD/date_not_iso.yaml:5:21: calendar.phases.voting.start: expected an ISO local date or date-time "
     "(YYYY-MM-DD or YYYY-MM-DDTHH:MM), found \"01.10.2020\""},
    {"deterrence_above_one",
     "BAD/deterrence_above_one.yaml:3:33: candidacy.entry.deterrence: expected a share from 0 to 1, such as "
     "0.4, found "
     "\"15\" (a share is a fraction: 15% is written 0.15)"},
    {"duplicate_key",
     "BAD/duplicate_key.yaml:5:3: membership.size: expected each key once in a map, found \"size\" again"},
    {"duplicate_stage_name",
     "BAD/duplicate_stage_name.yaml:6:14: selection.stages[1].name: expected a stage name not used by an "
     "earlier stage, found \"vote\" again"},
    {"duration_with_words",
     "BAD/duration_with_words.yaml:5:28: voting.channels.online.mean_session: expected a positive duration "
     "such as 90min, 24h or 10d, found \"5 minutes\""},
    {"empty_regions",
     "BAD/empty_regions.yaml:4:22: territory.regions: expected at least one region, found none\n"
     "BAD/empty_regions.yaml:7:21: selection.stages: expected at least one stage, found none"},
    {"extends_cycle",
     "BAD/extends_cycle_partner.yaml:2:10: extends: expected a chain of parents without a cycle, found the "
     "cycle extends_cycle.yaml -> extends_cycle_partner.yaml -> extends_cycle.yaml"},
    {"extends_missing_file",
     "BAD/extends_missing_file.yaml:2:10: extends: expected a readable scenario file, found no file "
     "\"BAD/no_such_parent.yaml\""},
    {"extends_not_a_path",
     "BAD/extends_not_a_path.yaml:2:10: extends: expected the path of a parent scenario, found a map"},
    {"extends_remove_unknown",
     "BAD/extends_remove_unknown.yaml:5:14: selection.stages[0].name: expected the name of an item of the "
     "parent's list to remove (members_vote, congress), found \"members_vot\""},
    {"extension_unknown_channel",
     "BAD/extension_unknown_channel.yaml:4:39: voting.extension.channel: expected the name of a channel in "
     "voting.channels (online), found \"paper\""},
    {"extension_without_channel",
     "BAD/extension_without_channel.yaml:4:14: voting.extension.channel: expected the channel to extend when "
     "enabled is true, found nothing (the key is required)"},
    {"failure_by_age_on_paper",
     "BAD/failure_by_age_on_paper.yaml:13:23: voting.channels.paper.failure_by_age: expected no "
     "failure_by_age for a channel whose kind is paper (only online attempts fail), found 1 age band(s)"},
    {"failure_by_age_unknown_band",
     "BAD/failure_by_age_unknown_band.yaml:10:33: voting.channels.online.failure_by_age.over_60: expected "
     "the name of an age band in membership.age_bands (under_35, over_35), found \"over_60\" (did you mean "
     "\"over_35\"?)"},
    {"failure_by_region_unknown",
     "BAD/failure_by_region_unknown.yaml:6:37: voting.channels.online.failure_by_region.Shymkent: expected "
     "the "
     "name of a region in territory.regions (Almaty city, Atyrau), found \"Shymkent\""},
    {"flag_not_boolean",
     "BAD/flag_not_boolean.yaml:3:23: output.write_lists: expected true or false, found \"yes\""},
    {"group_base_logit_and_base_share",
     "BAD/group_base_logit_and_base_share.yaml:11:88: "
     "selection.stages[0].selectorate.groups.voters.turnout.base_share: expected base_logit or base_share, "
     "not both (base_share is logistic(base_logit)), found both"},
    {"group_channel_not_of_stage",
     "BAD/group_channel_not_of_stage.yaml:13:68: "
     "selection.stages[0].selectorate.groups.supporters.channels[0]: expected the name of a channel of the "
     "stage (online), found \"paper\""},
    {"groups_on_appoint_stage",
     "BAD/groups_on_appoint_stage.yaml:7:43: selection.stages[0].selectorate.groups: expected no selector "
     "groups for a stage whose method is appoint (groups are the selectors of a vote), found 1 group(s)"},
    {"groups_on_later_vote_stage",
     "BAD/groups_on_later_vote_stage.yaml:13:57: selection.stages[1].selectorate.groups: expected selector "
     "groups on the first vote stage only (a later vote stage is a conference of delegates), found 1 "
     "group(s)"},
    {"horizon_before_phase_end",
     "GOOD/base.yaml:10:56: calendar.phases.congress.end: expected a time at or before calendar.horizon "
     "(\"2020-11-25T12:00\"), found \"2020-11-26\""},
    {"impossible_date",
     "BAD/impossible_date.yaml:5:21: calendar.phases.voting.start: expected an ISO local date or date-time "
     "(YYYY-MM-DD or YYYY-MM-DDTHH:MM), found \"2020-02-30\""},
    {"incumbent_share_moved",
     "BAD/incumbent_share_moved.yaml:4:3: candidacy.incumbent_share: expected candidacy.offices.*.incumbents "
     "and incumbents_running (the key moved there), found \"incumbent_share\""},
    {"key_path_unknown_name",
     "BAD/key_path_unknown_name.yaml:3:1: selection.stages.members_vot: expected an index below 2 or the "
     "name "
     "of an item (members_vote, congress), found \"members_vot\""},
    {"member_sizes_disagree",
     "BAD/member_sizes_disagree.yaml:3:20: membership.size: expected the sum of the regions' members, 80,000 "
     "(territory.regions.*.members of 2 regions, the first at GOOD/base.yaml:13:49), found \"90000\""},
    {"members_group_with_size",
     "BAD/members_group_with_size.yaml:10:44: selection.stages[0].selectorate.groups.members.size: expected "
     "no size for source members (the roll is membership.size), found 5000"},
    {"members_group_with_demography",
     "BAD/members_group_with_demography.yaml:11:59: selection.stages[0].selectorate.groups.members."
     "registration_cutoff: expected no registration_cutoff for source members (selectorate.min_tenure says "
     "who "
     "is a member long enough), found a cut-off of 604800 s\nBAD/members_group_with_demography.yaml:11:84: "
     "selection.stages[0].selectorate.groups.members.online_access_share: expected no demography for source "
     "members (the membership block gives theirs), found a share"},
    {"missing_epoch",
     "BAD/missing_epoch.yaml:3:11: calendar.epoch: expected an ISO local date or date-time (YYYY-MM-DD or "
     "YYYY-MM-DDTHH:MM), found nothing (the key is required)"},
    {"missing_name",
     "BAD/missing_name.yaml:2:1: name: expected a non-empty string, found nothing (the key is required)"},
    {"loyalty_threshold_above_one",
     "BAD/loyalty_threshold_above_one.yaml:3:59: candidacy.loyalty_screening.threshold: expected a share "
     "from 0 "
     "to 1, such as 0.4, found \"40\" (a share is a fraction: 40% is written 0.4)"},
    {"misspelt_nested_key",
     "BAD/misspelt_nested_key.yaml:5:14: voting.channels.online.capacty: expected a known key, found "
     "\"capacty\" (did you mean \"capacity\"?)"},
    {"misspelt_rule_kind",
     "BAD/misspelt_rule_kind.yaml:5:68: selection.stages[0].rule.kind: expected one of [plurality, borda, "
     "plackett_luce, approval, two_round, irv, stv, copeland, threshold, dhondt, appointment], found "
     "\"plurallity\" (did you mean \"plurality\"?)"},
    {"misspelt_top_level_key",
     "BAD/misspelt_top_level_key.yaml:3:1: votign: expected a known key, found \"votign\" (did you mean "
     "\"voting\"?)"},
    {"name_not_utf8",
     "BAD/name_not_utf8.yaml:7:6: (text): expected UTF-8 text without NUL bytes, found the byte 0xf6, "
     "which is not UTF-8"},
    {"negative_capacity",
     "BAD/negative_capacity.yaml:5:24: voting.channels.online.capacity: expected a whole number of at least "
     "1, found "
     "\"-5\""},
    {"negative_seed",
     "BAD/negative_seed.yaml:3:18: ensemble.seed: expected a whole number of at least 0, found \"-1\""},
    {"nesting_too_deep",
     "BAD/nesting_too_deep.yaml:3:71: "
     "notes[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]["
     "0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: expected "
     "at most 64 levels of nesting, found more"},
    {"no_stages", "BAD/no_stages.yaml:3:21: selection.stages: expected at least one stage, found none"},
    {"not_a_map", "BAD/not_a_map.yaml:2:1: (document): expected a map of scenario keys, found a list"},
    {"nul_byte", "BAD/nul_byte.yaml:3:11: (text): expected UTF-8 text without NUL bytes, found a NUL byte"},
    {"office_shares",
     "BAD/office_shares.yaml:5:5: candidacy.offices: expected shares that sum to 1, found a sum of 0.9"},
    {"offset_out_of_range",
     "BAD/offset_out_of_range.yaml:3:23: calendar.time_zone: expected a UTC offset such as +06:00 or UTC+5, "
     "found \"+25:00\""},
    {"open_primary_without_voters",
     "BAD/open_primary_without_voters.yaml:5:33: selection.stages[0].selectorate.voters: expected a positive "
     "number of voters for an all_voters selectorate, found nothing or 0"},
    {"outage_unknown_channel",
     "BAD/outage_unknown_channel.yaml:5:30: disruptions.outages[0].channel: expected the name of a channel "
     "in voting.channels (online), found \"app\""},
    {"party_lists_several",
     "BAD/party_lists_several.yaml:4:46: parties[0].lists: expected 1 (one slate per party and contest; "
     "several "
     "are not simulated), found 3"},
    {"party_scale_not_positive",
     "BAD/party_scale_not_positive.yaml:5:47: parties[1].scale: expected a number above 0, found \"0\""},
    {"party_scale_unsized",
     "BAD/party_scale_unsized.yaml:5:5: parties[1]: expected a scale, since the first party's support_share "
     "of 0 "
     "cannot size the others, found no scale"},
    {"peak_hour_24",
     "BAD/peak_hour_24.yaml:3:22: turnout.peak_hour: expected a whole number from 0 to 23, found \"24\""},
    {"phase_ends_before_start",
     "BAD/phase_ends_before_start.yaml:5:19: calendar.phases.voting.end: expected a time after start, found "
     "a time at or before it"},
    {"quota_appoint_at_vote",
     "BAD/quota_appoint_at_vote.yaml:8:86: selection.stages[0].rule.quota_shortfall: expected relax or "
     "leave_empty (appointees are named only to the list, at the stage held in the congress phase), found "
     "\"appoint\""},
    {"recursive_alias",
     "BAD/recursive_alias.yaml:3:8: notes[1]: expected an alias to a node outside itself, found an alias to "
     "a "
     "node that contains it (a recursive alias)"},
    {"recursive_alias_map",
     "BAD/recursive_alias_map.yaml:3:8: notes.inner.back: expected an alias to a node outside itself, found "
     "an "
     "alias to a node that contains it (a recursive alias)"},
    {"regions_as_list",
     "BAD/regions_as_list.yaml:4:12: territory.regions: expected a map of named entries, found a list"},
    {"remote_share_without_settlements",
     "BAD/remote_share_without_settlements.yaml:5:35: territory.regions.Atyrau.remote_member_share: expected "
     "0 when remote_settlements is 0, found \"0.1\""},
    {"reserved_positions_count",
     "BAD/reserved_positions_count.yaml:14:27: selection.stages[1].reserved_positions: expected one position "
     "per reserved place (3), found 2 position(s)"},
    {"resumed_before_announcement",
     "BAD/resumed_before_announcement.yaml:9:34: disruptions.suspensions[0].new_calendar[0].start: expected "
     "a time at or after the announcement (\"2020-09-01\"), found \"2020-08-25\""},
    {"resumed_unknown_phase",
     "BAD/resumed_unknown_phase.yaml:9:19: disruptions.suspensions[0].new_calendar[0].phase: expected the "
     "name of a phase in calendar.phases (nomination, voting, congress), found \"vote\""},
    {"route_shares",
     "BAD/route_shares.yaml:5:5: candidacy.routes: expected shares that sum to 1, found a sum of 1.1"},
    {"rule_advisory",
     "BAD/rule_advisory.yaml:5:83: selection.stages[0].rule.advisory: expected no such key (an advisory "
     "result "
     "that a later stage may reorder is not simulated: a conference stage with method vote reorders the "
     "nominees it is given), found \"advisory\""},
    {"second_document",
     "BAD/second_document.yaml:4:1: (document): expected one YAML document, found a second document"},
    {"section_not_a_map", "BAD/section_not_a_map.yaml:3:10: turnout: expected a map, found \"high\""},
    {"share_above_one",
     "BAD/share_above_one.yaml:3:27: membership.women_share: expected a share from 0 to 1, such as 0.4, "
     "found \"1.2\""},
    {"supporters_without_size",
     "BAD/supporters_without_size.yaml:11:23: selection.stages[0].selectorate.groups.supporters.size: "
     "expected a positive number of persons for source supporters, found nothing or 0"},
    {"suspension_announced_before",
     "BAD/suspension_announced_before.yaml:5:48: disruptions.suspensions[0].announced: expected a time after "
     "at (\"2020-08-20\"), found \"2020-08-19\""},
    {"sweep_bad_value",
     "BAD/sweep_bad_value.yaml:4:43: voting.channels.online.capacity: expected a whole number of at least 1, "
     "found "
     "\"0\""},
    {"sweep_not_a_list",
     "BAD/sweep_not_a_list.yaml:4:18: sweep.ensemble.seed: expected a non-empty list of values, found \"5\""},
    {"sweep_unknown_path",
     "BAD/sweep_unknown_path.yaml:4:3: voting.channels.online.capacityy: expected a known key, found "
     "\"capacityy\" (did you mean \"capacity\"?)"},
    {"target_in_both_blocks",
     "BAD/target_in_both_blocks.yaml:6:17: validation[0].statistic: expected a figure with one role, in "
     "calibration or in validation and once (MODELLING.md rule 1), found turnout again, as in "
     "calibration[0]"},
    {"target_sets_unknown_path",
     "BAD/target_sets_unknown_path.yaml:4:65: calibration[0].sets: expected the key path of a parameter of "
     "the "
     "scenario, such as turnout.base_logit, found \"turnout.base_logti\" (did you mean "
     "\"turnout.base_logit\"?)"},
    {"target_unknown_region",
     "BAD/target_unknown_region.yaml:4:47: validation[0].region: expected the name of a region in "
     "territory.regions (Almaty city, Atyrau), found \"Shymkent\""},
    {"target_unknown_statistic",
     "BAD/target_unknown_statistic.yaml:4:17: calibration[0].statistic: expected one of [turnout, votes, "
     "paper_share, extension_hours, extended, failures_first_day_share, applicants, applicants_women_share, "
     "applicants_under35_share, registered, removed, removed_skipped_debates, removed_complaint_upheld, "
     "withdrawn, complaints, selected, contests, list_size, list_women_share, list_under35_share, "
     "list_from_primaries, list_leadership_in_top, selected_women_share, selected_under35_share, "
     "applicants_in_region, registered_in_region, on_ballot_in_region, attrition_in_region, "
     "votes_in_region], "
     "found \"turnuot\" (did you mean \"turnout\"?)"},
    {"target_validation_sets",
     "BAD/target_validation_sets.yaml:4:50: validation[0].sets: expected no sets: a validation target sets "
     "nothing (move it to calibration), found \"candidacy.expected_applications\""},
    {"target_without_sets",
     "BAD/target_without_sets.yaml:4:5: calibration[0].sets: expected the key path of the parameter this "
     "calibration target sets, found nothing (the key is required)"},
    {"target_without_value",
     "BAD/target_without_value.yaml:4:5: validation[0].published: expected a published value, or at_least "
     "and/or at_most, found nothing (the key is required)"},
    {"three_mistakes",
     "BAD/three_mistakes.yaml:3:20: membership.size: expected a whole number of at least 0, found "
     "\"-1\"\nBAD/three_mistakes.yaml:3:37: membership.women_share: expected a share from 0 to 1, such as "
     "0.4, found "
     "\"2\" (a share is a fraction: 2% is written 0.02)\nBAD/three_mistakes.yaml:4:24: ensemble.replicates: "
     "expected a whole number from 1 to 1,000,000, found "
     "\"many\""},
    {"too_many_parties", "BAD/too_many_parties.yaml:4:3: parties: expected at most 100 parties, found 101"},
    {"turnout_unknown_region",
     "BAD/turnout_unknown_region.yaml:6:15: turnout.by_region.Shymkent: expected the name of a region in "
     "territory.regions (Almaty city, Atyrau), found \"Shymkent\""},
    {"two_members_groups",
     "BAD/two_members_groups.yaml:11:31: selection.stages[0].selectorate.groups.old_guard.source: expected "
     "at most one group of source members (the membership roll), found a second one (\"members\" is the "
     "first)"},
    {"unknown_channel",
     "BAD/unknown_channel.yaml:5:46: selection.stages[0].channels[0]: expected the name of a channel in "
     "voting.channels (online), found \"onlin\" (did you mean \"online\"?)"},
    {"unknown_channel_kind",
     "BAD/unknown_channel_kind.yaml:5:20: voting.channels.online.kind: expected one of [online, paper, "
     "in_person], found \"webb\""},
    {"unknown_key_no_suggestion",
     "BAD/unknown_key_no_suggestion.yaml:4:3: membership.zodiac_sign: expected one of [size, growth_share, "
     "women_share, age_bands, employer_dependent_share, online_access_share, fraudulent_share, "
     "voted_last_cycle], found "
     "\"zodiac_sign\""},
    {"unknown_office",
     "BAD/unknown_office.yaml:5:65: selection.stages[0].offices[0]: expected the name of an office in "
     "candidacy.offices (majilis, maslihat), found \"senate\""},
    {"unknown_phase",
     "BAD/unknown_phase.yaml:5:27: selection.stages[0].phase: expected the name of a phase in "
     "calendar.phases (nomination, voting, congress), found \"votng\" (did you mean \"voting\"?)"},
    {"unknown_region",
     "BAD/unknown_region.yaml:5:45: voting.channels.online.regions[2]: expected the name of a region in "
     "territory.regions (Almaty city, Atyrau), found \"Almatty\""},
    {"vote_level_national",
     "BAD/vote_level_national.yaml:5:70: selection.stages[0].level: expected region, district or ppo for a "
     "stage whose method is vote (one national ballot of every member is not simulated: members vote in the "
     "contests of their unit), found \"national\""},
    {"vote_stage_merge",
     "BAD/vote_stage_merge.yaml:5:70: selection.stages[0].merge: expected no merge for a stage whose method "
     "is vote (its contests are tallied apart; a later conference or congress stage merges them), found "
     "\"rank\""},
    {"vote_without_channels",
     "BAD/vote_without_channels.yaml:5:7: selection.stages[0].channels: expected at least one voting channel "
     "for a stage whose method is vote, found none"},
    {"withdrawal_probability_moved",
     "BAD/withdrawal_probability_moved.yaml:3:13: candidacy.withdrawal_probability: expected "
     "candidacy.withdrawal.rate_per_week, chances_weight and pressure_weight (the key moved there), found "
     "\"withdrawal_probability\""},
    {"withdrawal_rate_negative",
     "BAD/withdrawal_rate_negative.yaml:3:41: candidacy.withdrawal.rate_per_week: expected a number of at "
     "least 0, found \"-0.03\""},
    {"prior_bad_parameter",
     "BAD/prior_bad_parameter.yaml:4:59: priors.turnout.base_logit.sd: expected a number above 0, found "
     "0\nBAD/prior_bad_parameter.yaml:4:62: priors.turnout.base_logit.low: expected a parameter of the "
     "normal distribution (mean, sd), found \"low\""},
    {"prior_discrete_weights",
     "BAD/prior_discrete_weights.yaml:4:97: priors.voting.channels.online.capacity.weights: expected a "
     "weight for each of the 3 values, found 2 weights"},
    {"prior_not_numeric",
     "BAD/prior_not_numeric.yaml:4:3: priors.name: expected the key path of a number, a count or a duration, "
     "found \"base\" there"},
    {"prior_outside_range",
     "BAD/prior_outside_range.yaml:4:36: priors.voting.channels.online.capacity: expected a distribution "
     "whose every value voting.channels.online.capacity accepts (a count), found -1399, where the scenario "
     "says: voting.channels.online.capacity: expected a whole number of at least 1, found \"-1399\" (an "
     "unbounded "
     "prior is checked at its 1e-9 quantile; a truncated_normal or a bounded distribution keeps it inside)"},
    {"prior_unknown_distribution",
     "BAD/prior_unknown_distribution.yaml:4:51: priors.voting.channels.online.capacity.distribution: "
     "expected one of uniform, normal, truncated_normal, beta, gamma, lognormal, log_uniform, discrete, "
     "found \"lognorm\""},
    {"prior_unknown_key",
     "BAD/prior_unknown_key.yaml:4:3: priors.turnout.base_logt: expected the key path of a number, a count "
     "or a duration of the scenario, found \"turnout.base_logt\", which the scenario does not have (did you "
     "mean \"base_logit\"?)"},
    {"yaml_syntax", "BAD/yaml_syntax.yaml:5:29: (syntax): expected valid YAML, found illegal flow end"},
    {"zero_lookahead",
     "BAD/zero_lookahead.yaml:3:23: ensemble.lookahead: expected a positive duration such as 90min, 24h or "
     "10d, found \"0s\""},
    {"zero_replicates",
     "BAD/zero_replicates.yaml:3:24: ensemble.replicates: expected a whole number from 1 to 1,000,000, found "
     "\"0\""},
};

}  // namespace

TEST_CASE("every bad fixture fails with exactly its expected lines", "[scenarios]") {
  REQUIRE(kBadFixtures.size() >= 40);
  for (const BadFixture& fixture : kBadFixtures) {
    const fs::path file = kFixtures / "bad" / (std::string(fixture.name) + ".yaml");
    INFO(fixture.name);
    REQUIRE(fs::exists(file));
    REQUIRE_THROWS_WITH(load_scenario(file), expand(fixture.message));
  }
}

TEST_CASE("every bad fixture has a row in the table", "[scenarios]") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures / "bad")) {
    if (entry.path().stem() != "extends_cycle_partner") ++files;
  }
  REQUIRE(files == kBadFixtures.size());
}

TEST_CASE("a file with three mistakes reports three lines", "[scenarios]") {
  try {
    load_scenario(kFixtures / "bad" / "three_mistakes.yaml");
    FAIL("no error");
  } catch (const ScenarioError& error) {
    REQUIRE(error.lines().size() == 3);
  }
}

TEST_CASE("an extends chain merges maps key by key; a child that removes a list's items replaces them",
          "[scenarios]") {
  const auto loaded = load_scenario(kFixtures / "good" / "grandchild.yaml");
  const auto& spec = loaded.spec;
  CHECK(spec.name == "grandchild");
  // From base.yaml, untouched by child and grandchild.
  REQUIRE(spec.territory.regions.size() == 2);
  CHECK(spec.territory.regions[1].name == "Atyrau");
  // From child.yaml: one key of the channel changed, the others inherited.
  REQUIRE(spec.voting.channels.size() == 1);
  CHECK(spec.voting.channels[0].capacity == 2000);
  CHECK(spec.voting.channels[0].window.start.seconds_since_epoch() == 45 * 86400);
  CHECK(spec.voting.channels[0].window.end.seconds_since_epoch() == 48 * 86400 + 14 * 3600);
  // The grandchild removes base's two stages and writes its own.
  REQUIRE(spec.selection.stages.size() == 1);
  CHECK(spec.selection.stages[0].name == "open_vote");
  CHECK(spec.selection.stages[0].selectorate.voters == 500000);
  CHECK(spec.ensemble.replicates == 8);
}

TEST_CASE("extends merges list items by name, removes one on request, and applies dotted keys",
          "[scenarios]") {
  using primsim::models::spec::RuleKind;
  const auto loaded = load_scenario(kFixtures / "good" / "list_merge.yaml");
  const auto& stages = loaded.spec.selection.stages;
  REQUIRE(stages.size() == 3);
  // The new stage goes before the stage the child named after it.
  CHECK(stages[0].name == "shortlist");
  CHECK(stages[1].name == "members_vote");
  CHECK(stages[2].name == "congress");
  // One word changed; base's winners, phase and channels kept.
  CHECK(stages[1].rule.kind == RuleKind::plurality);
  CHECK(stages[1].rule.winners == 0);
  CHECK(stages[1].phase == "voting");
  CHECK(stages[1].channels == std::vector<std::string>{"online"});
  // A key path at the top level reaches the merged congress by its name.
  CHECK(stages[2].rule.winners == 10);
  // {remove: true} dropped a region of the parent's name map.
  REQUIRE(loaded.spec.territory.regions.size() == 1);
  CHECK(loaded.spec.territory.regions[0].name == "Almaty city");
}

TEST_CASE("key paths of --set and sweep address a list item by its name as well as its index",
          "[scenarios]") {
  using primsim::models::spec::RuleKind;
  const auto loaded = load_scenario(
      kFixtures / "good" / "base.yaml",
      {"selection.stages.members_vote.rule.kind=plurality", "selection.stages[congress].rule.winners=5"});
  CHECK(loaded.spec.selection.stages[0].rule.kind == RuleKind::plurality);
  CHECK(loaded.spec.selection.stages[1].rule.winners == 5);
}

TEST_CASE("kind names take a hyphen or an underscore alike, as the command line writes them", "[scenarios]") {
  using primsim::models::spec::RuleKind;
  const auto hyphen =
      load_scenario(kFixtures / "good" / "base.yaml", {"selection.stages[0].rule.kind=two-round"});
  const auto underscore =
      load_scenario(kFixtures / "good" / "base.yaml", {"selection.stages[0].rule.kind=two_round"});
  CHECK(hyphen.spec.selection.stages[0].rule.kind == RuleKind::two_round);
  CHECK(hyphen.resolved_yaml == underscore.resolved_yaml);
  // The message lists the canonical spellings.
  REQUIRE_THROWS_WITH(
      load_scenario(kFixtures / "good" / "base.yaml", {"selection.stages[0].rule.kind=two-rounds"}),
      Catch::Contains("expected one of [plurality, borda, plackett_luce, approval, two_round,"));
}

TEST_CASE("a date-only phase end is midnight as the day begins, and validation says so once", "[scenarios]") {
  const auto loaded = load_scenario(kFixtures / "good" / "base.yaml");
  // base.yaml: voting {start: 2020-10-01, end: 2020-10-05}, epoch 2020-08-17: 49 days.
  const auto& phases = loaded.spec.calendar.phases;
  const auto voting =
      std::find_if(phases.begin(), phases.end(), [](const auto& p) { return p.name == "voting"; });
  REQUIRE(voting != phases.end());
  CHECK(voting->window.end.seconds_since_epoch() == 49 * 86400);
  REQUIRE(loaded.notes.size() == 1);
  CHECK(loaded.notes[0] ==
        expand("GOOD/base.yaml:8:60: calendar.phases.nomination.end: note: a date-only end is "
               "midnight as that day begins: the phase's last day is 2020-08-28, and end: "
               "2020-08-30 would include 2020-08-29 (2 more phases end on a date alone)"));
  // Ends with a time of day need no remark.
  const auto timed =
      load_scenario(kFixtures / "good" / "base.yaml", {"calendar.phases.nomination.end=2020-08-29T00:00",
                                                       "calendar.phases.voting.end=2020-10-05T00:00",
                                                       "calendar.phases.congress.end=2020-11-26T00:00"});
  CHECK(timed.notes.empty());
}

TEST_CASE("a loaded scenario lists every file it read, the file given first", "[scenarios]") {
  // Commands refuse to write over these (run -o naming a parent would destroy it).
  const auto loaded = load_scenario(kFixtures / "good" / "grandchild.yaml");
  REQUIRE(loaded.files.size() == 3);
  CHECK(loaded.files[0] == kFixtures / "good" / "grandchild.yaml");
  CHECK(fs::equivalent(loaded.files[1], kFixtures / "good" / "child.yaml"));
  CHECK(fs::equivalent(loaded.files[2], kFixtures / "good" / "base.yaml"));
}

TEST_CASE("times count seconds from the epoch in the scenario's zone", "[scenarios]") {
  const auto base = load_scenario(kFixtures / "good" / "base.yaml");
  // 2020-08-17 -> 2020-10-03T14:00 is 47 days and 14 hours.
  CHECK(base.spec.voting.channels[0].window.end.seconds_since_epoch() == 47 * 86400 + 14 * 3600);
  CHECK(base.spec.calendar.utc_offset.count() == 6 * 3600);
  // A region without its own offset takes the scenario's; Atyrau keeps UTC+5.
  CHECK(base.spec.territory.regions[0].utc_offset.count() == 6 * 3600);
  CHECK(base.spec.territory.regions[1].utc_offset.count() == 5 * 3600);
  // The same instant written with an explicit offset.
  const auto shifted =
      load_scenario(kFixtures / "good" / "base.yaml", {"voting.channels.online.end=2020-10-03T13:00+05:00"});
  CHECK(shifted.spec.voting.channels[0].window.end == base.spec.voting.channels[0].window.end);
}

TEST_CASE("overrides given with --set apply after extends, by key path or list index", "[scenarios]") {
  const auto loaded = load_scenario(
      kFixtures / "good" / "child.yaml",
      {"voting.channels.online.capacity=4000", "selection.stages[0].rule.kind=plurality",
       "territory.regions.Nur-Sultan={population: 1136000, members: 50000}", "membership.size=130000"});
  CHECK(loaded.spec.voting.channels[0].capacity == 4000);
  CHECK(loaded.spec.selection.stages[0].rule.kind == primsim::models::spec::RuleKind::plurality);
  REQUIRE(loaded.spec.territory.regions.size() == 3);
  CHECK(loaded.spec.territory.regions[2].members == 50000);
}

TEST_CASE("a bad --set names the argument and the column of its value", "[scenarios]") {
  REQUIRE_THROWS_WITH(
      load_scenario(kFixtures / "good" / "base.yaml",
                    {"ensemble.seed=1", "voting.channels.online.capacity=-5"}),
      "--set:2:33: voting.channels.online.capacity: expected a whole number of at least 1, found \"-5\"");
  REQUIRE_THROWS_WITH(load_scenario(kFixtures / "good" / "base.yaml", {"capacity"}),
                      "--set:1:1: (argument): expected key.path=value, found \"capacity\"");
  REQUIRE_THROWS_WITH(
      load_scenario(kFixtures / "good" / "base.yaml", {"selection.stages[5].name=x"}),
      "--set:1:1: selection.stages.5: expected an index below 2 or the name of an item (members_vote, "
      "congress), found \"5\"");
}

TEST_CASE("a recursive alias given with --set is refused, not followed", "[scenarios]") {
  // yaml-cpp builds a cyclic graph for these; following it used to overflow the stack.
  REQUIRE_THROWS_WITH(load_scenario(kFixtures / "good" / "base.yaml", {"notes=&a [*a]"}),
                      "--set:1:7: notes: expected a YAML value, found \"&a [*a]\"");
  REQUIRE_THROWS_WITH(load_scenario(kFixtures / "good" / "base.yaml", {"notes=&a {b: [1, *a]}"}),
                      "--set:1:7: notes: expected a YAML value, found \"&a {b: [1, *a]}\"");
}

TEST_CASE("a sweep covers the grid, first key slowest", "[scenarios]") {
  const auto loaded = load_scenario(kFixtures / "good" / "sweep.yaml");
  REQUIRE(loaded.grid.size() == 6);
  CHECK(loaded.spec.voting.channels[0].capacity == 1000);  // base value, no sweep applied
  const std::vector<std::int64_t> capacities{500, 500, 1000, 1000, 2000, 2000};
  const std::vector<double> mobilisation{0.0, 0.8, 0.0, 0.8, 0.0, 0.8};
  for (std::size_t i = 0; i < loaded.grid.size(); ++i) {
    const auto& point = loaded.grid[i];
    REQUIRE(point.assignments.size() == 2);
    CHECK(point.assignments[0].first == "voting.channels.online.capacity");
    CHECK(point.assignments[0].second == std::to_string(capacities[i]));
    CHECK(point.spec.voting.channels[0].capacity == capacities[i]);
    CHECK(point.spec.turnout.mobilisation == mobilisation[i]);
  }
}

TEST_CASE("a scenario without a sweep is one grid point", "[scenarios]") {
  const auto loaded = load_scenario(kFixtures / "good" / "base.yaml");
  REQUIRE(loaded.grid.size() == 1);
  CHECK(loaded.grid[0].assignments.empty());
  CHECK(loaded.grid[0].spec.name == "base");
}

TEST_CASE("the resolved YAML fills defaults and reads back to itself", "[scenarios]") {
  for (const char* name : {"base.yaml", "grandchild.yaml", "sweep.yaml", "groups.yaml"}) {
    INFO(name);
    const auto first = load_scenario(kFixtures / "good" / name);
    CHECK(first.resolved_yaml.find("abandon_probability: 0.1") != std::string::npos);
    const auto second = load_scenario_text(first.resolved_yaml, "resolved.yaml", kFixtures);
    CHECK(second.resolved_yaml == first.resolved_yaml);
    CHECK(second.grid.size() == first.grid.size());
  }
}

TEST_CASE("selector groups are read with their overrides and print back to themselves", "[scenarios]") {
  using primsim::models::spec::SelectorSource;
  const auto loaded = load_scenario(kFixtures / "good" / "groups.yaml");
  const auto& spec = loaded.spec;
  const auto& groups = spec.selection.stages[0].selectorate.groups;
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].name == "members");
  CHECK(groups[0].source == SelectorSource::members);
  CHECK(groups[0].size == 0);
  CHECK(groups[0].channels.empty());
  CHECK_FALSE(groups[0].turnout.base_share);
  const auto& supporters = groups[1];
  CHECK(supporters.name == "supporters");
  CHECK(supporters.source == SelectorSource::supporters);
  CHECK(supporters.size == 30000);
  CHECK(supporters.registered_share == 0.8);
  CHECK(supporters.registration_cutoff.count() == 14 * 86400);
  CHECK(supporters.channels == std::vector<std::string>{"online"});
  CHECK(supporters.online_access_share == 0.9);
  CHECK_FALSE(supporters.employer_dependent_share);
  CHECK(supporters.turnout.base_share == 0.3);
  CHECK(supporters.turnout.habit == 0.0);
  CHECK_FALSE(supporters.turnout.base_logit);
  CHECK(supporters.choice.endorsement_weight == 0.1);
  CHECK(supporters.choice.incumbency_weight == 0.5);
  CHECK_FALSE(supporters.choice.valence_weight);
  // The turnout, channel and suspension keys that go with them.
  CHECK(spec.turnout.base_share == 0.6);
  CHECK(spec.turnout.compulsory_bonus == 3.0);
  REQUIRE(spec.turnout.by_region.size() == 1);
  CHECK(spec.turnout.by_region[0].name == "Atyrau");
  CHECK(spec.turnout.by_region[0].shift == -0.2);
  CHECK(spec.membership.voted_last_cycle == 0.4);
  REQUIRE(spec.voting.channels.size() == 2);
  CHECK(spec.voting.channels[0].return_next_day == 0.5);
  CHECK(spec.voting.channels[0].postpone_probability == 0.1);
  REQUIRE(spec.voting.channels[0].failure_by_age.size() == 1);
  CHECK(spec.voting.channels[0].failure_by_age[0].name == "over_35");
  CHECK(spec.voting.channels[0].failure_by_age[0].probability == 0.05);
  CHECK(spec.voting.channels[1].cost == 0.3);
  REQUIRE(spec.disruptions.suspensions.size() == 1);
  CHECK(spec.disruptions.suspensions[0].membership_change == -0.05);
  CHECK(spec.disruptions.suspensions[0].closed_channels == std::vector<std::string>{"paper"});
  CHECK(spec.disruptions.suspensions[0].first_day_share == 0.4);
  // --print-resolved shows the groups, and its text reads back to the same scenario.
  CHECK(loaded.resolved_yaml.find("        groups:\n") != std::string::npos);
  const auto again = load_scenario_text(loaded.resolved_yaml, "resolved.yaml", kFixtures);
  CHECK(again.resolved_yaml == loaded.resolved_yaml);
  CHECK(again.spec.selection.stages[0].selectorate.groups.size() == 2);
}

TEST_CASE("calibration and validation targets are read with their filters, bands and parameters",
          "[scenarios]") {
  using primsim::models::spec::Statistic;
  const auto loaded = load_scenario(kFixtures / "good" / "targets.yaml");
  const auto& spec = loaded.spec;
  REQUIRE(spec.calibration.size() == 2);
  CHECK(spec.calibration[0].statistic == Statistic::turnout);
  CHECK(spec.calibration[0].published == 0.5);
  CHECK(spec.calibration[0].tolerance == 0.05);
  CHECK(spec.calibration[0].sets == "turnout.base_logit");
  CHECK(spec.calibration[0].source == "a test");
  CHECK(spec.calibration[1].sets == "territory.regions.*.members");
  CHECK(spec.calibration[1].at_least == 100);
  CHECK(spec.calibration[1].at_most == 300);
  CHECK_FALSE(spec.calibration[1].published);
  REQUIRE(spec.validation.size() == 3);
  CHECK(spec.validation[0].region == "Atyrau");
  CHECK(spec.validation[1].office == "maslihat");
  CHECK(spec.validation[2].top == 5);
  // --print-resolved shows both blocks, and its text reads back to the same scenario.
  CHECK(loaded.resolved_yaml.find("calibration:\n  - statistic: turnout") != std::string::npos);
  CHECK(loaded.resolved_yaml.find("    region: \"Atyrau\"") != std::string::npos);
  const auto again = load_scenario_text(loaded.resolved_yaml, "resolved.yaml", kFixtures);
  CHECK(again.resolved_yaml == loaded.resolved_yaml);
}

TEST_CASE("a what-if inherits its base's targets; a block it writes replaces the base's", "[scenarios]") {
  using primsim::models::spec::Statistic;
  const auto child = load_scenario(kFixtures / "good" / "targets_child.yaml");
  REQUIRE(child.spec.calibration.size() == 2);
  CHECK(child.spec.calibration[0].sets == "turnout.base_logit");
  REQUIRE(child.spec.validation.size() == 1);
  CHECK(child.spec.validation[0].statistic == Statistic::extended);
  CHECK(child.spec.validation[0].at_most == 0);
}

TEST_CASE("the shipped demo and example scenarios are valid", "[scenarios]") {
  const fs::path root = kFixtures.parent_path().parent_path() / "scenarios";
  const auto demo = load_scenario(root / "demo.yaml");
  CHECK(demo.spec.territory.regions.size() == 3);
  CHECK(demo.spec.selection.stages.size() == 3);
  for (const auto& entry : fs::directory_iterator(root / "examples")) {
    INFO(entry.path().string());
    CHECK_NOTHROW(load_scenario(entry.path()));
  }
}

TEST_CASE("priors: each key's unit, the printed block, and the scenario a replicate runs with",
          "[scenarios][priors]") {
  const auto loaded = load_scenario(kFixtures / "good" / "priors.yaml");
  REQUIRE(loaded.priors.size() == 4);
  using primsim::scenarios::ParameterUnit;
  CHECK(loaded.priors[0].unit == ParameterUnit::integer);
  CHECK(loaded.priors[1].unit == ParameterUnit::number);
  CHECK(loaded.priors[2].unit == ParameterUnit::duration);
  // A count is rounded, a duration goes in whole seconds, a number stays as drawn.
  CHECK(loaded.priors[0].text(1234.6) == "1235");
  CHECK(loaded.priors[2].text(245.4) == "245s");
  CHECK(loaded.priors[1].text(1.25) == "1.25");
  CHECK(loaded.resolved_yaml.find(
            "priors:\n  voting.channels.online.capacity: {distribution: uniform, low: 500, "
            "high: 4000}\n") != std::string::npos);
  CHECK(
      loaded.resolved_yaml.find("voting.channels.online.mean_session: {distribution: log_uniform, low: 120, "
                                "high: 480}") != std::string::npos);

  const std::vector<double> values{2500, 0.75, 300, 0.25};
  const auto spec = loaded.spec_with(values);
  const auto& online = spec.voting.channels.front();
  REQUIRE(online.name == "online");
  CHECK(online.capacity == 2500);
  CHECK(online.mean_session.count() == 300);
  CHECK(spec.turnout.base_logit == 0.75);
  CHECK(spec.turnout.mobilisation == 0.25);
  // The scenario as loaded keeps its own values.
  CHECK(loaded.spec.voting.channels.front().capacity == 1000);

  // --print-resolved's text loads back to the same priors.
  const auto again = load_scenario_text(loaded.resolved_yaml, "resolved.yaml", kFixtures / "good");
  REQUIRE(again.priors.size() == 4);
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(again.priors[i].distribution.describe() == loaded.priors[i].distribution.describe());
}

TEST_CASE("a line opening with a comma ends in an error, not an endless stream of documents", "[scenarios]") {
  // Found by the loader's fuzz target: yaml-cpp 0.7 reads this as empty documents for ever, so
  // loading every document to refuse a second one never returned.
  const std::string text =
      "# a comment\n,xtends: ../good/base.yaml\nselection:\n  stages:\n    - name: members_vote\n";
  REQUIRE_THROWS_AS(load_scenario_text(text, "comma.yaml", kFixtures / "bad"), ScenarioError);
}
