// The column lists of the results tables. Units follow docs/output.md: "1" for dimensionless
// fractions, "count" for counts of people or events, "s" for seconds since the epoch.
#include "table_layout.hpp"

#include "primsim/output/ensemble_layout.hpp"

#include <cstddef>
#include <string>

#include "primsim/models/results/result_rows.hpp"

namespace primsim::output {

using namespace models::results;

template <>
const TableSpec& table_spec<SummaryRow>() {
  static const TableSpec spec{
      "summary",
      "headline figures of each replicate and party",
      sizeof(SummaryRow),
      {
          {"replicate", offsetof(SummaryRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(SummaryRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"eligible", offsetof(SummaryRow, eligible), ColumnKind::i64, "count", "members entitled to vote"},
          {"votes", offsetof(SummaryRow, votes), ColumnKind::i64, "count", "votes cast over every channel"},
          {"turnout", offsetof(SummaryRow, turnout), ColumnKind::f64, "1", "votes / eligible"},
          {"votes_online", offsetof(SummaryRow, votes_online), ColumnKind::i64, "count",
           "votes cast on the online platform"},
          {"votes_paper", offsetof(SummaryRow, votes_paper), ColumnKind::i64, "count",
           "votes cast on paper ballots"},
          {"votes_in_person", offsetof(SummaryRow, votes_in_person), ColumnKind::i64, "count",
           "votes cast at in-person meetings"},
          {"extension_hours", offsetof(SummaryRow, extension_hours), ColumnKind::f64, "h",
           "hours by which voting was extended"},
          {"applicants", offsetof(SummaryRow, applicants), ColumnKind::i64, "count",
           "candidates who applied"},
          {"registered", offsetof(SummaryRow, registered), ColumnKind::i64, "count",
           "candidates registered after screening"},
          {"removed", offsetof(SummaryRow, removed), ColumnKind::i64, "count",
           "registered candidates removed before the vote"},
          {"on_ballot", offsetof(SummaryRow, on_ballot), ColumnKind::i64, "count", "candidates on a ballot"},
          {"selected", offsetof(SummaryRow, selected), ColumnKind::i64, "count", "candidates selected"},
          {"removed_ineligible", offsetof(SummaryRow, removed_ineligible), ColumnKind::i64, "count",
           "applicants who failed the eligibility screening"},
          {"removed_registration_error", offsetof(SummaryRow, removed_registration_error), ColumnKind::i64,
           "count", "eligible applicants rejected for a faulty registration"},
          {"removed_skipped_debates", offsetof(SummaryRow, removed_skipped_debates), ColumnKind::i64, "count",
           "registered candidates removed for skipping a mandatory debate"},
          {"removed_complaint_upheld", offsetof(SummaryRow, removed_complaint_upheld), ColumnKind::i64,
           "count", "registered candidates removed by an upheld complaint"},
          {"withdrawn", offsetof(SummaryRow, withdrawn), ColumnKind::i64, "count",
           "registered candidates who withdrew before the vote"},
          {"removed_loyalty_screening", offsetof(SummaryRow, removed_loyalty_screening), ColumnKind::i64,
           "count", "applicants removed by the leadership's loyalty screening"},
          {"vetoed", offsetof(SummaryRow, vetoed), ColumnKind::i64, "count",
           "list-office nominees struck by a conference's or the congress's veto"},
          {"complaints_filed", offsetof(SummaryRow, complaints_filed), ColumnKind::i64, "count",
           "complaints filed, against candidates or against a PPO's memberships"},
          {"complaints_upheld", offsetof(SummaryRow, complaints_upheld), ColumnKind::i64, "count",
           "complaints upheld by the body that decided them"},
          {"memberships_voided", offsetof(SummaryRow, memberships_voided), ColumnKind::i64, "count",
           "fraudulent memberships voided by upheld complaints: out of the selectorate"},
          {"vote_share", offsetof(SummaryRow, vote_share), ColumnKind::f64, "1",
           "the party's votes over every party's votes in the replicate"},
          {"attempts", offsetof(SummaryRow, attempts), ColumnKind::i64, "count",
           "tries to vote through every channel: first tries, retries and returns on later days"},
          {"voters_intending", offsetof(SummaryRow, voters_intending), ColumnKind::i64, "count",
           "selectors who decided to vote: votes + voters_gave_up + voters_pending_at_close"},
          {"voters_gave_up", offsetof(SummaryRow, voters_gave_up), ColumnKind::i64, "count",
           "selectors who stopped trying before their channel closed"},
          {"voters_pending_at_close", offsetof(SummaryRow, voters_pending_at_close), ColumnKind::i64, "count",
           "selectors still trying when their channel closed (a retry, a return or a reply due after it)"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<FunnelRow>() {
  static const TableSpec spec{
      "funnel",
      "candidates who reached each stage, by party, region and office",
      sizeof(FunnelRow),
      {
          {"replicate", offsetof(FunnelRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(FunnelRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"region", offsetof(FunnelRow, region), ColumnKind::u16, "", "region code, see /meta/regions"},
          {"office", offsetof(FunnelRow, office), ColumnKind::u8, "",
           "office code, see /meta/offices; summed over offices, the counts of every office together"},
          {"stage", offsetof(FunnelRow, stage), ColumnKind::stage, "", "stage code, see /meta/stages"},
          {"count", offsetof(FunnelRow, count), ColumnKind::i64, "count", "candidates who reached the stage"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<TurnoutRow>() {
  static const TableSpec spec{
      "turnout",
      "cumulative votes by party and region at the end of each hour of voting",
      sizeof(TurnoutRow),
      {
          {"replicate", offsetof(TurnoutRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(TurnoutRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"region", offsetof(TurnoutRow, region), ColumnKind::u16, "", "region code, see /meta/regions"},
          {"time", offsetof(TurnoutRow, time), ColumnKind::i64, "s", "seconds since the epoch attribute"},
          {"eligible", offsetof(TurnoutRow, eligible), ColumnKind::i64, "count", "members entitled to vote"},
          {"votes_cumulative", offsetof(TurnoutRow, votes_cumulative), ColumnKind::i64, "count",
           "votes cast up to time"},
      },
      true};
  return spec;
}

template <>
const TableSpec& table_spec<PlatformRow>() {
  static const TableSpec spec{
      "platform",
      "each party's online voting platform, minute by minute",
      sizeof(PlatformRow),
      {
          {"replicate", offsetof(PlatformRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(PlatformRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"time", offsetof(PlatformRow, time), ColumnKind::i64, "s",
           "start of the minute, seconds since the epoch attribute"},
          {"attempts", offsetof(PlatformRow, attempts), ColumnKind::i64, "count",
           "login attempts in the minute, retries included"},
          {"failures", offsetof(PlatformRow, failures), ColumnKind::i64, "count",
           "attempts refused because the platform was at capacity"},
          {"sessions", offsetof(PlatformRow, sessions), ColumnKind::i64, "count",
           "most sessions open at once during the minute"},
      },
      true};
  return spec;
}

template <>
const TableSpec& table_spec<ListRow>() {
  static const TableSpec spec{
      "list",
      "the list each party ends each replicate with, one row per place",
      sizeof(ListRow),
      {
          {"replicate", offsetof(ListRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(ListRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"office", offsetof(ListRow, office), ColumnKind::u8, "",
           "office code of the office the list is for, see /meta/offices"},
          {"position", offsetof(ListRow, position), ColumnKind::u32, "", "place on the list, 1 at the top"},
          {"candidate", offsetof(ListRow, candidate), ColumnKind::u64, "",
           "candidate id within the replicate and party, as in /candidates"},
          {"gender", offsetof(ListRow, gender), ColumnKind::gender, "", "gender code, see /meta/genders"},
          {"age", offsetof(ListRow, age), ColumnKind::u8, "years", "age on election day"},
          {"route", offsetof(ListRow, route), ColumnKind::route, "",
           "nomination route code, see /meta/routes"},
          {"region", offsetof(ListRow, region), ColumnKind::u16, "", "home region code, see /meta/regions"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<DemocracyRow>() {
  static const TableSpec spec{
      "democracy",
      "Rahat's yardsticks of the selection method: participation, competition, representation, "
      "responsiveness",
      sizeof(DemocracyRow),
      {
          {"replicate", offsetof(DemocracyRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(DemocracyRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"office", offsetof(DemocracyRow, office), ColumnKind::u8, "",
           "office code, see /meta/offices: the selected are the office's list (the list office) or its "
           "contests' winners"},
          {"participation", offsetof(DemocracyRow, participation), ColumnKind::f64, "1",
           "votes / members of the selectorate"},
          {"candidates_per_place", offsetof(DemocracyRow, candidates_per_place), ColumnKind::f64, "1",
           "the office's candidates on a ballot per place the vote filled"},
          {"margin_last_selected", offsetof(DemocracyRow, margin_last_selected), ColumnKind::f64, "1",
           "lead of the last winner over the first loser in scaled shares (share x candidates in the "
           "contest), mean over the office's contests"},
          {"incumbents_running", offsetof(DemocracyRow, incumbents_running), ColumnKind::i64, "count",
           "incumbents who sought reselection"},
          {"incumbents_defeated", offsetof(DemocracyRow, incumbents_defeated), ColumnKind::i64, "count",
           "incumbents who ran for the office and were not selected"},
          {"women_share_list", offsetof(DemocracyRow, women_share_list), ColumnKind::f64, "1",
           "share of women among the selected"},
          {"women_share_selectorate", offsetof(DemocracyRow, women_share_selectorate), ColumnKind::f64, "1",
           "share of women in the selectorate"},
          {"under35_share_list", offsetof(DemocracyRow, under35_share_list), ColumnKind::f64, "1",
           "share of the selected under 35"},
          {"under35_share_selectorate", offsetof(DemocracyRow, under35_share_selectorate), ColumnKind::f64,
           "1", "share of the selectorate under 35"},
          {"regional_disproportionality", offsetof(DemocracyRow, regional_disproportionality),
           ColumnKind::f64, "1",
           "Loosemore-Hanby index: half the summed absolute gaps between regional shares of the selected "
           "and of the selectorate, the party centre's places counting as a region without members"},
          {"turnover", offsetof(DemocracyRow, turnover), ColumnKind::f64, "1",
           "share of the list not on the previous list; NaN when the scenario names none"},
          {"candidates_per_place_contest", offsetof(DemocracyRow, candidates_per_place_contest),
           ColumnKind::f64, "1", "candidates on a ballot per winner, mean over the office's contests"},
          {"places", offsetof(DemocracyRow, places), ColumnKind::i64, "count",
           "places the office has: its list or its seats"},
          {"places_by_vote", offsetof(DemocracyRow, places_by_vote), ColumnKind::i64, "count",
           "places filled by candidates who won a contest"},
          {"places_leadership", offsetof(DemocracyRow, places_leadership), ColumnKind::i64, "count",
           "places filled by the party centre's appointees"},
          {"places_empty", offsetof(DemocracyRow, places_empty), ColumnKind::i64, "count",
           "places left empty"},
          {"regional_disproportionality_vote", offsetof(DemocracyRow, regional_disproportionality_vote),
           ColumnKind::f64, "1", "Loosemore-Hanby index over the places filled by the vote only"},
          {"regional_disproportionality_proportional",
           offsetof(DemocracyRow, regional_disproportionality_proportional), ColumnKind::f64, "1",
           "benchmark: Loosemore-Hanby index of a largest-remainder apportionment of places_by_vote by "
           "selectorate (the floor that whole places allow)"},
          {"regional_disproportionality_random", offsetof(DemocracyRow, regional_disproportionality_random),
           ColumnKind::f64, "1",
           "benchmark: mean Loosemore-Hanby index of places_by_vote places drawn at random in proportion "
           "to the selectorate"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<CandidateRow>() {
  static const TableSpec spec{
      "candidates",
      "every candidate of each replicate and party (applicants and the party centre's appointees): who "
      "they were, the contest they stood in and where their path ended",
      sizeof(CandidateRow),
      {
          {"replicate", offsetof(CandidateRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(CandidateRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"candidate", offsetof(CandidateRow, candidate), ColumnKind::u32, "",
           "candidate id within the replicate and party, as in /list: applicants region by region in the "
           "order they applied, then the party centre's appointees"},
          {"office", offsetof(CandidateRow, office), ColumnKind::u8, "",
           "office code of the office the candidate ran for, see /meta/offices"},
          {"region", offsetof(CandidateRow, region), ColumnKind::u16, "",
           "home region code, see /meta/regions; the national code for appointees"},
          {"branch", offsetof(CandidateRow, branch), ColumnKind::u16, "",
           "home branch within the region, 0 for appointees"},
          {"gender", offsetof(CandidateRow, gender), ColumnKind::gender, "",
           "gender code, see /meta/genders"},
          {"age", offsetof(CandidateRow, age), ColumnKind::u8, "years", "age on election day"},
          {"route", offsetof(CandidateRow, route), ColumnKind::route, "",
           "nomination route code, see /meta/routes"},
          {"incumbent", offsetof(CandidateRow, incumbent), ColumnKind::u8, "",
           "1: a sitting deputy of the office, 0: not"},
          {"reached", offsetof(CandidateRow, reached), ColumnKind::stage, "",
           "last funnel stage reached, see /meta/stages"},
          {"outcome", offsetof(CandidateRow, outcome), ColumnKind::outcome, "",
           "where the candidate's path ended, see /meta/outcomes"},
          {"reason", offsetof(CandidateRow, reason), ColumnKind::reason, "",
           "why a removed or withdrawn candidate left the race, see /meta/reasons; none for the others"},
          {"contest", offsetof(CandidateRow, contest), ColumnKind::u32, "",
           "the contest the candidate stood in, numbered from 1 region by region; 0: none"},
          {"contest_candidates", offsetof(CandidateRow, contest_candidates), ColumnKind::u32, "count",
           "candidates on that contest's ballot"},
          {"votes", offsetof(CandidateRow, votes), ColumnKind::f64, "",
           "the rule's score in the contest: first preferences, Borda points, approvals, ..."},
          {"share", offsetof(CandidateRow, share), ColumnKind::f64, "1",
           "votes / every candidate's votes in the contest"},
          {"contest_rank", offsetof(CandidateRow, contest_rank), ColumnKind::u32, "",
           "rank in the contest, 1 the best; 0: not on a ballot"},
          {"scaled_share", offsetof(CandidateRow, scaled_share), ColumnKind::f64, "1",
           "share x contest_candidates (1: the contest's average), by which merging stages compare "
           "nominees of different contests"},
          {"conferences", offsetof(CandidateRow, conferences), ColumnKind::u8, "count",
           "conference stages that confirmed the candidate"},
          {"list_position", offsetof(CandidateRow, list_position), ColumnKind::u32, "",
           "place on the list, 1 at the top; 0: not listed"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<WarningRow>() {
  static const TableSpec spec{
      "warnings",
      "departures of the run from what the scenario asked for, one row per replicate, party, kind, "
      "selection stage and office; empty when the run did what the scenario said",
      sizeof(WarningRow),
      {
          {"replicate", offsetof(WarningRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(WarningRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"kind", offsetof(WarningRow, kind), ColumnKind::warning_kind, "",
           "what departed from the scenario, see /meta/warning_kinds"},
          {"group", offsetof(WarningRow, group), ColumnKind::quota_group, "",
           "the quota's group, or none for places left empty for want of candidates; see /meta/quota_groups"},
          {"selection_stage", offsetof(WarningRow, selection_stage), ColumnKind::u16, "",
           "selection stage code, see /meta/selection_stages"},
          {"office", offsetof(WarningRow, office), ColumnKind::u8, "", "office code, see /meta/offices"},
          {"occurrences", offsetof(WarningRow, occurrences), ColumnKind::i64, "count",
           "contests, conferences or lists where it happened"},
          {"expected", offsetof(WarningRow, expected), ColumnKind::i64, "count",
           "places (or group members) the scenario asked for there, summed over the occurrences"},
          {"found", offsetof(WarningRow, found), ColumnKind::i64, "count",
           "what the run could give, summed over the occurrences"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<SelectorRow>() {
  static const TableSpec spec{
      "selectors",
      "each selector group of the vote in each region",
      sizeof(SelectorRow),
      {
          {"replicate", offsetof(SelectorRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(SelectorRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"group", offsetof(SelectorRow, group), ColumnKind::u8, "",
           "selector group, see /meta/selector_groups"},
          {"region", offsetof(SelectorRow, region), ColumnKind::u16, "", "region code, see /meta/regions"},
          {"eligible", offsetof(SelectorRow, eligible), ColumnKind::i64, "count",
           "the group's selectors there: registered, past any cut-off, not voided or lapsed"},
          {"votes", offsetof(SelectorRow, votes), ColumnKind::i64, "count", "votes the group cast there"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<ParameterRow>() {
  static const TableSpec spec{
      "parameters",
      "the value of each drawn parameter in each replicate (--draw-priors, --posterior, explore)",
      sizeof(ParameterRow),
      {
          {"replicate", offsetof(ParameterRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"parameter", offsetof(ParameterRow, parameter), ColumnKind::u16, "",
           "parameter code, see /meta/parameters (the key paths of the priors)"},
          {"value", offsetof(ParameterRow, value), ColumnKind::f64, "",
           "the value the replicate ran with, in the key's unit (durations in seconds)"},
      },
      false};
  return spec;
}

const TableSpec& point_table_spec() {
  static const TableSpec spec{
      "points",
      "the parameter values of each point of a design (primsim explore)",
      sizeof(PointRow),
      {
          {"point", offsetof(PointRow, point), ColumnKind::u32, "",
           "design point, the point column of every table"},
          {"parameter", offsetof(PointRow, parameter), ColumnKind::u16, "",
           "parameter code, see /meta/parameters"},
          {"value", offsetof(PointRow, value), ColumnKind::f64, "",
           "the parameter's value at the point, in the key's unit (durations in seconds)"},
      },
      false};
  return spec;
}

Hdf5Handle make_enum_type(std::span<const std::string_view> names) {
  Hdf5Handle type(H5Tenum_create(H5T_NATIVE_UINT8), H5Tclose, "create an enum type");
  for (std::size_t code = 0; code < names.size(); ++code) {
    const auto value = static_cast<std::uint8_t>(code);
    const std::string name(names[code]);
    check_hdf5(H5Tenum_insert(type.get(), name.c_str(), &value), "insert enum member " + name);
  }
  return type;
}

namespace {

hid_t native_type(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::u8:
      return H5T_NATIVE_UINT8;
    case ColumnKind::u16:
      return H5T_NATIVE_UINT16;
    case ColumnKind::u32:
      return H5T_NATIVE_UINT32;
    case ColumnKind::u64:
      return H5T_NATIVE_UINT64;
    case ColumnKind::i64:
      return H5T_NATIVE_INT64;
    case ColumnKind::f64:
      return H5T_NATIVE_DOUBLE;
    default:
      return H5I_INVALID_HID;
  }
}

}  // namespace

namespace {

Hdf5Handle make_type(const TableSpec& spec, bool with_point) {
  const std::size_t base = with_point ? point_row_offset : 0;
  Hdf5Handle row(H5Tcreate(H5T_COMPOUND, base + spec.row_size), H5Tclose,
                 "create the row type of " + std::string(spec.name));
  if (with_point) {
    check_hdf5(H5Tinsert(row.get(), "point", 0, H5T_NATIVE_UINT32), "insert column point");
  }
  for (const ColumnSpec& column : spec.columns) {
    Hdf5Handle enum_type;
    hid_t member = native_type(column.kind);
    if (column.kind == ColumnKind::stage) enum_type = make_enum_type(stage_names);
    if (column.kind == ColumnKind::gender) enum_type = make_enum_type(gender_names);
    if (column.kind == ColumnKind::route) enum_type = make_enum_type(route_names);
    if (column.kind == ColumnKind::reason) enum_type = make_enum_type(removal_reason_names);
    if (column.kind == ColumnKind::outcome) enum_type = make_enum_type(outcome_names);
    if (column.kind == ColumnKind::warning_kind) enum_type = make_enum_type(warning_kind_names);
    if (column.kind == ColumnKind::quota_group) enum_type = make_enum_type(quota_group_names);
    if (enum_type.is_open()) member = enum_type.get();
    check_hdf5(H5Tinsert(row.get(), column.name, base + column.offset, member),
               "insert column " + std::string(column.name));
  }
  return row;
}

}  // namespace

Hdf5Handle make_row_type(const TableSpec& spec) { return make_type(spec, false); }

Hdf5Handle make_point_row_type(const TableSpec& spec) { return make_type(spec, true); }

}  // namespace primsim::output
