// The small category sets that results are coded in. The output file stores them as HDF5 enums
// with a (code, name) lookup table under /meta, so the names here are part of the file format.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace primsim::models::results {

// Stages of the candidate funnel. Codes are part of the file format, so a new stage takes the
// next free code; funnel_order gives the order a candidate passes them.
enum class Stage : std::uint8_t {
  nominated = 0,
  eligible = 1,
  registered = 2,
  debated = 3,
  on_ballot = 4,
  shortlisted = 5,
  selected = 6,
  conference = 7,  // confirmed by the conferences of the second stage, before the congress
};

enum class Gender : std::uint8_t { female = 0, male = 1 };

// How a candidate came to run.
enum class Route : std::uint8_t {
  self_nominated = 0,
  party_branch = 1,
  public_association = 2,
  leadership_quota = 3,
};

enum class Channel : std::uint8_t { online = 0, paper = 1, in_person = 2 };

// Why a candidate left the race before the vote.
enum class RemovalReason : std::uint8_t {
  ineligible = 0,
  registration_error = 1,
  skipped_debates = 2,
  complaint_upheld = 3,
  withdrew = 4,
  none = 5,               // the candidate was not removed (/candidates)
  loyalty_screening = 6,  // screened out by the leadership for low loyalty, before eligibility
};

// Where a candidate's path ended (/candidates): one code per candidate of a finished replicate.
enum class Outcome : std::uint8_t {
  removed = 0,    // left the race before the vote: ineligible, faulty registration, skipped
                  // debates or an upheld complaint (see the reason column)
  withdrew = 1,   // withdrew between registration and the vote
  lost = 2,       // stood in the vote and was not among the contest's winners
  won = 3,        // won a contest for an office the contest fills itself (a mäslihat seat)
  nominated = 4,  // won a contest for the list office but is not on the final list (not
                  // confirmed by a conference, vetoed, or below the list's last place)
  listed = 5,     // on the party list, at list_position
  appointed = 6,  // named by the party centre: a reserved place or a quota appointee
  vetoed = 7,     // won a contest for the list office and was struck by a conference's or the
                  // congress's veto
};

// A departure of the run from what the scenario asked for (/warnings).
enum class WarningKind : std::uint8_t {
  quota_unmet = 0,       // a minimum share could not be met from the candidates; the quota was relaxed
  places_empty = 1,      // places were left empty (too few candidates, or a quota left unmet)
  appointees_named = 2,  // the party centre named appointees to meet a quota the candidates could not
};

// Names in code order: index i is the name of code i.
inline constexpr std::array<std::string_view, 8> stage_names{
    "nominated", "eligible", "registered", "debated", "on_ballot", "shortlisted", "selected", "conference"};

// The stages in the order a candidate passes them.
inline constexpr std::array<Stage, 8> funnel_order{Stage::nominated,  Stage::eligible,  Stage::registered,
                                                   Stage::debated,    Stage::on_ballot, Stage::shortlisted,
                                                   Stage::conference, Stage::selected};

// A stage's place in funnel_order: a candidate who reached stage a passed every stage b with
// funnel_rank(b) <= funnel_rank(a), skipped ones included.
constexpr std::size_t funnel_rank(Stage stage) {
  for (std::size_t i = 0; i < funnel_order.size(); ++i) {
    if (funnel_order[i] == stage) return i;
  }
  return funnel_order.size();
}
inline constexpr std::array<std::string_view, 2> gender_names{"female", "male"};
inline constexpr std::array<std::string_view, 4> route_names{"self_nominated", "party_branch",
                                                             "public_association", "leadership_quota"};
inline constexpr std::array<std::string_view, 3> channel_names{"online", "paper", "in_person"};
inline constexpr std::array<std::string_view, 7> removal_reason_names{
    "ineligible", "registration_error", "skipped_debates", "complaint_upheld", "withdrew",
    "none",       "loyalty_screening"};
inline constexpr std::array<std::string_view, 8> outcome_names{
    "removed", "withdrew", "lost", "won", "nominated", "listed", "appointed", "vetoed"};
// The group a warning concerns (/warnings): a quota's group, or none (places left empty for want
// of candidates).
enum class QuotaGroupCode : std::uint8_t { women = 0, youth = 1, women_or_youth = 2, none = 3 };

inline constexpr std::array<std::string_view, 4> quota_group_names{"women", "youth", "women_or_youth",
                                                                   "none"};
inline constexpr std::array<std::string_view, 3> warning_kind_names{"quota_unmet", "places_empty",
                                                                    "appointees_named"};

}  // namespace primsim::models::results
