// Published figures a scenario is compared with (MODELLING.md rules 1-2): calibration targets,
// each naming the parameter it sets, and validation targets, which set nothing. The models never
// read them; `primsim validate --model` measures each one's statistic on every replicate.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace primsim::models::spec {

// The registry of statistics a target may name, each computed from one replicate's result
// tables for the scenario's first party. Shares are fractions; counts are per replicate.
enum class Statistic {
  turnout,                   // votes / eligible selectors
  votes,                     // votes cast
  paper_share,               // paper votes / votes
  extension_hours,           // hours voting was extended
  extended,                  // 1 when voting was extended, else 0 (its mean: the share of replicates)
  failures_first_day_share,  // login failures in the online window's first 24 h / every failure
  applicants,                // applications received
  applicants_women_share,    // women among the applicants
  applicants_under35_share,  // applicants younger than 35 on election day
  registered,                // candidates registered
  removed,                   // registered candidates removed: skipped debates + upheld complaints
  removed_skipped_debates,   // removed for skipping their debate
  removed_complaint_upheld,  // removed by an upheld complaint
  withdrawn,                 // withdrew between registration and the vote
  complaints,                // complaints filed (every one is reviewed)
  selected,                  // selected: contest winners of local offices and the list's primary winners
  contests,                  // contests held (with at least one candidate on the ballot)
  list_size,                 // names on the party list
  list_women_share,          // women on the list
  list_under35_share,        // under 35 on the list
  list_from_primaries,       // list places not filled by the centre
  list_leadership_in_top,    // the centre's places among the list's first `top`
  selected_women_share,      // women among the selected of `office` (its list or its winners)
  selected_under35_share,    // under 35 among the selected of `office`
  applicants_in_region,      // applications in `region`
  registered_in_region,      // candidates registered in `region`
  on_ballot_in_region,       // candidates of `region` who reached the ballot
  attrition_in_region,       // share of `region`'s registered who did not reach the ballot
  votes_in_region,           // votes cast in `region`
};

inline constexpr std::array<std::string_view, 29> kStatisticNames{
    "turnout",
    "votes",
    "paper_share",
    "extension_hours",
    "extended",
    "failures_first_day_share",
    "applicants",
    "applicants_women_share",
    "applicants_under35_share",
    "registered",
    "removed",
    "removed_skipped_debates",
    "removed_complaint_upheld",
    "withdrawn",
    "complaints",
    "selected",
    "contests",
    "list_size",
    "list_women_share",
    "list_under35_share",
    "list_from_primaries",
    "list_leadership_in_top",
    "selected_women_share",
    "selected_under35_share",
    "applicants_in_region",
    "registered_in_region",
    "on_ballot_in_region",
    "attrition_in_region",
    "votes_in_region",
};
constexpr std::span<const std::string_view> names_of(Statistic) { return kStatisticNames; }

// What narrows a statistic beyond the first party: nothing, a region, an office or a list depth.
enum class StatisticFilter { none, region, office, top };

constexpr StatisticFilter filter_of(Statistic statistic) {
  switch (statistic) {
    case Statistic::applicants_in_region:
    case Statistic::registered_in_region:
    case Statistic::on_ballot_in_region:
    case Statistic::attrition_in_region:
    case Statistic::votes_in_region:
      return StatisticFilter::region;
    case Statistic::selected_women_share:
    case Statistic::selected_under35_share:
      return StatisticFilter::office;
    case Statistic::list_leadership_in_top:
      return StatisticFilter::top;
    default:
      return StatisticFilter::none;
  }
}

// A fraction in [0, 1] rather than a count: printed with three decimals.
constexpr bool is_share(Statistic statistic) {
  switch (statistic) {
    case Statistic::turnout:
    case Statistic::paper_share:
    case Statistic::extended:
    case Statistic::failures_first_day_share:
    case Statistic::applicants_women_share:
    case Statistic::applicants_under35_share:
    case Statistic::list_women_share:
    case Statistic::list_under35_share:
    case Statistic::selected_women_share:
    case Statistic::selected_under35_share:
    case Statistic::attrition_in_region:
      return true;
    default:
      return false;
  }
}

// One published figure. Either `published` (with its `tolerance`: the band published +- tolerance)
// or `at_least` and/or `at_most` ("more than 30 complaints"); the target is met when the mean
// over replicates lies in that band.
struct TargetSpec {
  Statistic statistic = Statistic::turnout;
  std::string region;               // filter for the *_in_region statistics
  std::string office;               // filter for the selected_* statistics
  std::optional<std::int64_t> top;  // filter for list_leadership_in_top
  std::optional<double> published;
  double tolerance = 0.0;
  std::optional<double> at_least;
  std::optional<double> at_most;
  // Calibration targets only: the key path of the parameter the figure sets (`*` stands for
  // every entry of a name map, e.g. territory.regions.*.remote_member_share).
  std::string sets;
  std::string source;  // FACTS.md row and the publication
};

// The statistic with its filter, as messages and tables name a target: `registered_in_region
// (Shymkent)`. Two targets with the same label are the same figure.
inline std::string label_of(const TargetSpec& target) {
  std::string label(kStatisticNames[static_cast<std::size_t>(target.statistic)]);
  switch (filter_of(target.statistic)) {
    case StatisticFilter::region:
      return label + " (" + target.region + ")";
    case StatisticFilter::office:
      return label + " (" + target.office + ")";
    case StatisticFilter::top:
      return label + " (" + std::to_string(target.top.value_or(0)) + ")";
    case StatisticFilter::none:
      break;
  }
  return label;
}

}  // namespace primsim::models::spec
