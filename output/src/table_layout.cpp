// The column lists of the results tables. Units follow docs/output.md: "1" for dimensionless
// fractions, "count" for counts of people or events, "s" for seconds since the epoch.
#include "table_layout.hpp"

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
          {"complaints_filed", offsetof(SummaryRow, complaints_filed), ColumnKind::i64, "count",
           "complaints filed, against candidates or against a PPO's memberships"},
          {"complaints_upheld", offsetof(SummaryRow, complaints_upheld), ColumnKind::i64, "count",
           "complaints upheld by the body that decided them"},
          {"memberships_voided", offsetof(SummaryRow, memberships_voided), ColumnKind::i64, "count",
           "fraudulent memberships voided by upheld complaints: out of the selectorate"},
          {"vote_share", offsetof(SummaryRow, vote_share), ColumnKind::f64, "1",
           "the party's votes over every party's votes in the replicate"},
      },
      false};
  return spec;
}

template <>
const TableSpec& table_spec<FunnelRow>() {
  static const TableSpec spec{
      "funnel",
      "candidates who reached each stage, by party and region",
      sizeof(FunnelRow),
      {
          {"replicate", offsetof(FunnelRow, replicate), ColumnKind::u32, "", "replicate index, from 0"},
          {"party", offsetof(FunnelRow, party), ColumnKind::u16, "", "party code, see /meta/parties"},
          {"region", offsetof(FunnelRow, region), ColumnKind::u16, "", "region code, see /meta/regions"},
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
          {"position", offsetof(ListRow, position), ColumnKind::u32, "", "place on the list, 1 at the top"},
          {"candidate", offsetof(ListRow, candidate), ColumnKind::u64, "",
           "candidate id within the replicate"},
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
          {"participation", offsetof(DemocracyRow, participation), ColumnKind::f64, "1",
           "votes / members of the selectorate"},
          {"candidates_per_place", offsetof(DemocracyRow, candidates_per_place), ColumnKind::f64, "1",
           "candidates on the ballot per place to fill"},
          {"margin_last_selected", offsetof(DemocracyRow, margin_last_selected), ColumnKind::f64, "1",
           "vote-share lead of the last selected over the first not selected, mean over contests"},
          {"incumbents_running", offsetof(DemocracyRow, incumbents_running), ColumnKind::i64, "count",
           "incumbents who sought reselection"},
          {"incumbents_defeated", offsetof(DemocracyRow, incumbents_defeated), ColumnKind::i64, "count",
           "incumbents who ran and were not selected"},
          {"women_share_list", offsetof(DemocracyRow, women_share_list), ColumnKind::f64, "1",
           "share of women on the list"},
          {"women_share_selectorate", offsetof(DemocracyRow, women_share_selectorate), ColumnKind::f64, "1",
           "share of women in the selectorate"},
          {"under35_share_list", offsetof(DemocracyRow, under35_share_list), ColumnKind::f64, "1",
           "share of the list under 35"},
          {"under35_share_selectorate", offsetof(DemocracyRow, under35_share_selectorate), ColumnKind::f64,
           "1", "share of the selectorate under 35"},
          {"regional_disproportionality", offsetof(DemocracyRow, regional_disproportionality),
           ColumnKind::f64, "1",
           "Loosemore-Hanby index: half the summed absolute gaps between regional shares of the list "
           "and of the selectorate"},
          {"turnover", offsetof(DemocracyRow, turnover), ColumnKind::f64, "1",
           "share of the list not on the previous list; NaN when the scenario names none"},
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
