// The headline statistics of a run, one value per replicate: what `report` summarises and
// `compare` compares, the contract tables' totals and Rahat's four yardsticks.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/run_file.hpp"

namespace primsim::output {

// How a value is printed: counts as whole numbers, fractions as percentages.
enum class ValueKind { count, fraction, ratio, hours };

struct HeadlineStatistic {
  std::string key;    // a stable name for scripts (the --json output)
  std::string group;  // "run", "platform", "participation", "competition", "representation",
                      // "responsiveness"
  std::string label;
  ValueKind kind;
  std::vector<double> values;  // one per replicate, in replicate order; NaN where not measured
  // The replicate of each value (scan()'s numbering), so that two runs' values can be paired.
  std::vector<std::uint32_t> replicates{};
};

// The statistics of one party (/meta/parties); party 0 is the one the scenario describes in full.
// Those from /democracy are the list office's (list_office()), never a mean over offices.
std::vector<HeadlineStatistic> headline_statistics(const RunFile& run, models::results::PartyCode party = 0);

// The office whose /democracy rows headline a party: the office of its /list rows, or the first
// office (code 0) when the party has no list.
models::results::OfficeCode list_office(const RunFile& run, models::results::PartyCode party);

// The name behind an office code (/meta/offices), or "office N" when the file does not name it.
std::string office_name(const RunFile& run, models::results::OfficeCode office);

// The keys of the statistics that the reports show side by side in one table with a row per
// office (representation_by_office) instead of one line each; headline_statistics() has them
// for `compare` and --json.
inline constexpr std::array<std::string_view, 6> office_table_keys{"places_by_vote",
                                                                   "places_leadership",
                                                                   "places_empty",
                                                                   "regional_disproportionality_vote",
                                                                   "regional_disproportionality_proportional",
                                                                   "regional_disproportionality_random"};
bool is_office_table_key(std::string_view key);

// One office's places and Loosemore-Hanby indices over the replicates: the index over the places
// filled by the vote next to its two benchmarks for as many places (a proportional apportionment
// by selectorate, and random draws in proportion to it), and how the places were filled.
struct OfficeRepresentation {
  models::results::OfficeCode office = 0;
  std::string name;
  bool is_list_office = false;
  EnsembleInterval places;
  EnsembleInterval places_by_vote;
  EnsembleInterval places_leadership;
  EnsembleInterval places_empty;
  EnsembleInterval disproportionality;  // every selected, as in the headline
  EnsembleInterval disproportionality_vote;
  EnsembleInterval disproportionality_proportional;
  EnsembleInterval disproportionality_random;
};

// A party's offices with /democracy rows, in office order.
std::vector<OfficeRepresentation> representation_by_office(const RunFile& run,
                                                           models::results::PartyCode party);

// A party's share of every party's votes, one value per replicate.
std::vector<double> party_vote_shares(const RunFile& run, models::results::PartyCode party);

// "84.2%", "662,687", "3.41", "24.0 h"; "n/a" for NaN.
std::string format_value(double value, ValueKind kind);

}  // namespace primsim::output
