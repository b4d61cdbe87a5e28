// The vote day by day: cumulative votes and turnout at the end of each local date of the voting
// window, from the /turnout rows, for `report` and `validate --model`.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "primsim/models/results/result_rows.hpp"

namespace primsim::output {

struct VotingDay {
  std::int64_t day = 0;            // days since 1970-01-01 on the scenario's local clock
  std::int64_t until_seconds = 0;  // local time of day of the last count, 86400 at midnight
  double votes = 0.0;              // cumulative
  double turnout = 0.0;            // votes so far / eligible selectors
};

// The epoch as the loader accepted it (YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]), in seconds since 1970
// on the scenario's local clock; an explicit offset on it is read against `utc_offset_seconds`,
// or ignored when the scenario's offset is unknown (a results file records the epoch as written).
std::int64_t epoch_on_local_clock(const std::string& epoch_iso,
                                  std::optional<std::int64_t> utc_offset_seconds);

// One entry per local date from the vote's opening to its last close (extensions included), for
// one party's rows. O(rows).
std::vector<VotingDay> voting_days(std::span<const models::results::TurnoutRow> rows,
                                   models::results::PartyCode party, std::int64_t epoch_local);

// "2020-10-01" for a day count of voting_days.
std::string date_text(std::int64_t day);

}  // namespace primsim::output
