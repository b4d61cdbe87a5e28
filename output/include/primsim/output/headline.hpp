// The headline statistics of a run, one value per replicate: what `report` summarises and
// `compare` compares, the contract tables' totals and Rahat's four yardsticks.
#pragma once

#include <string>
#include <vector>

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
};

// The statistics of one party (/meta/parties); party 0 is the one the scenario describes in full.
std::vector<HeadlineStatistic> headline_statistics(const RunFile& run, models::results::PartyCode party = 0);

// A party's share of every party's votes, one value per replicate.
std::vector<double> party_vote_shares(const RunFile& run, models::results::PartyCode party);

// "84.2%", "662,687", "3.41", "24.0 h"; "n/a" for NaN.
std::string format_value(double value, ValueKind kind);

}  // namespace primsim::output
